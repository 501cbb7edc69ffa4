//! Decoding a 10,000-snapshot list with the core (validated ids, open status enum, RFC 3339
//! times, size cap, error sorting) against a bare serde_json derive of the same shape.
//! `cargo bench -p snapshot-api --bench decode`; the ratio is reported in docs/BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::Deserialize;
use snapshot_api::endpoints::SnapshotList;
use snapshot_api::{Api, BaseUrl, BearerToken};

#[derive(Deserialize)]
#[allow(dead_code)]
struct BarePage {
    count: u64,
    results: Vec<BareSnapshot>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareSnapshot {
    id: u64,
    server: BareServer,
    name: String,
    status: String,
    size_mb: Option<u64>,
    created_at: String,
    description: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BareServer {
    id: u64,
    name: String,
}

fn list(n: usize) -> Vec<u8> {
    let results: Vec<_> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": 100_000 + i, "server": {"id": 10_000 + i / 5, "name": format!("server-{}", i / 5)},
                "name": format!("nightly-{i}"), "status": if i % 7 == 0 { "in_progress" } else { "completed" },
                "size_mb": if i % 7 == 0 { None } else { Some(4096 + i) },
                "created_at": format!("2026-11-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
                "description": "Nightly snapshot before the backup window"
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({"count": n, "results": results})).unwrap()
}

fn decode(c: &mut Criterion) {
    let body = list(10_000);
    let response = http::Response::builder()
        .status(200)
        .body(body.clone())
        .unwrap();
    let api = Api::new(
        BaseUrl::parse("http://127.0.0.1:8080/api/v1").unwrap(),
        BearerToken::parse("bench").unwrap(),
    );
    let mut group = c.benchmark_group("decode_10000_snapshots");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("snapshot_api", |b| {
        b.iter(|| {
            api.decode(&SnapshotList::all(), black_box(&response))
                .unwrap()
        })
    });
    group.bench_function("bare_serde_json", |b| {
        b.iter(|| serde_json::from_slice::<BarePage>(black_box(&body)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
