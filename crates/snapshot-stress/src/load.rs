//! Many clients of mixed traffic against one simulator: latency, status counts, and the
//! limit of 5 checked while it runs.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore};
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;
use snapshot_api::{Api, BaseUrl, BearerToken, ServerId, SnapshotId, SnapshotName};

use crate::sim_process::SimProcess;
use crate::stats::percentile;
use crate::transport::call;

const TOKEN: &str = "load-token";
const SERVERS: [u64; 4] = [12345, 12346, 12347, 12348];

/// What to run.
pub struct LoadConfig {
    pub binary: PathBuf,
    pub clients: usize,
    pub duration: Duration,
    pub seed: u64,
}

/// What happened.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub requests: u64,
    pub by_operation: BTreeMap<&'static str, u64>,
    pub by_status: BTreeMap<u16, u64>,
    pub transport_errors: u64,
    pub server_errors: u64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub list_p50_ms: f64,
    pub list_p99_ms: f64,
    pub requests_per_second: f64,
    pub most_snapshots_on_a_server: usize,
    pub limit_violations: u64,
}

impl LoadReport {
    /// The run's figures as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "requests": self.requests,
            "by_operation": self.by_operation,
            "by_status": self.by_status,
            "transport_errors": self.transport_errors,
            "server_errors_5xx": self.server_errors,
            "p50_ms": self.p50_ms,
            "p99_ms": self.p99_ms,
            "list_p50_ms": self.list_p50_ms,
            "list_p99_ms": self.list_p99_ms,
            "requests_per_second": self.requests_per_second,
            "most_snapshots_on_a_server": self.most_snapshots_on_a_server,
            "limit_violations": self.limit_violations,
        })
    }
}

#[derive(Default)]
struct Shared {
    samples: Vec<Duration>,
    list_samples: Vec<Duration>,
    report: LoadReport,
    known: Vec<SnapshotId>,
}

/// Runs `clients` clients for `duration`: 70 % list, 20 % create, 5 % delete, 5 % restore,
/// on a simulator with a file database (every write is fsynced), while a checker lists
/// every 250 ms and counts servers over the limit.
pub async fn run(config: LoadConfig) -> LoadReport {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("load.sqlite3").display().to_string();
    let sim = SimProcess::start(
        &config.binary,
        &[
            "--db",
            &db,
            "--token",
            TOKEN,
            "--create-delay-ms",
            "200",
            "--restore-delay-ms",
            "300",
        ],
    );
    let api = Api::new(
        BaseUrl::parse(&format!("{}/api/v1", sim.origin)).expect("base URL"),
        BearerToken::parse(TOKEN).expect("token"),
    );
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(config.clients)
        .build()
        .expect("client");
    let shared = Arc::new(Mutex::new(Shared {
        known: [801, 798, 790, 791]
            .map(|id| SnapshotId::new(id).expect("id"))
            .to_vec(),
        ..Shared::default()
    }));
    let started = Instant::now();
    let deadline = started + config.duration;

    let checker = {
        let (api, http, shared) = (api.clone(), http.clone(), Arc::clone(&shared));
        tokio::spawn(async move {
            while Instant::now() < deadline {
                if let (_, Ok(page)) = call(&http, &api, &SnapshotList::all()).await {
                    let mut per_server: HashMap<_, usize> = HashMap::new();
                    for s in &page.results {
                        *per_server.entry(s.server.id).or_default() += 1;
                    }
                    let most = per_server.values().copied().max().unwrap_or(0);
                    let mut shared = shared.lock().expect("lock");
                    let report = &mut shared.report;
                    report.most_snapshots_on_a_server = report.most_snapshots_on_a_server.max(most);
                    if most > MAX_SNAPSHOTS_PER_SERVER {
                        report.limit_violations += 1;
                    }
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        })
    };

    let workers: Vec<_> = (0..config.clients)
        .map(|i| {
            let (api, http, shared) = (api.clone(), http.clone(), Arc::clone(&shared));
            let mut rng = StdRng::seed_from_u64(config.seed.wrapping_add(i as u64));
            tokio::spawn(async move {
                let mut n = 0u64;
                while Instant::now() < deadline {
                    n += 1;
                    let roll: f64 = rng.random();
                    let pick = {
                        let shared = shared.lock().expect("lock");
                        shared.known[rng.random_range(0..shared.known.len())]
                    };
                    let sent = Instant::now();
                    let (operation, status, created) = if roll < 0.70 {
                        let (s, _) = call(&http, &api, &SnapshotList::all()).await;
                        ("snapshot_list", s, None)
                    } else if roll < 0.90 {
                        let server =
                            ServerId::new(SERVERS[rng.random_range(0..SERVERS.len())]).expect("id");
                        let name = SnapshotName::parse(&format!("load-{i}-{n}")).expect("name");
                        let (s, r) =
                            call(&http, &api, &SnapshotCreate::new(server, name, None)).await;
                        ("snapshot_create", s, r.ok().map(|c| c.snapshot.id))
                    } else if roll < 0.95 {
                        let (s, _) = call(&http, &api, &SnapshotDelete { snapshot_id: pick }).await;
                        ("snapshot_delete", s, None)
                    } else {
                        let (s, _) =
                            call(&http, &api, &SnapshotRestore { snapshot_id: pick }).await;
                        ("snapshot_restore", s, None)
                    };
                    let took = sent.elapsed();
                    let mut shared = shared.lock().expect("lock");
                    if let Some(id) = created {
                        shared.known.push(id);
                    }
                    shared.samples.push(took);
                    if operation == "snapshot_list" {
                        shared.list_samples.push(took);
                    }
                    let report = &mut shared.report;
                    report.requests += 1;
                    *report.by_operation.entry(operation).or_default() += 1;
                    match status {
                        Some(code) => {
                            *report.by_status.entry(code).or_default() += 1;
                            if code >= 500 {
                                report.server_errors += 1;
                            }
                        }
                        None => report.transport_errors += 1,
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("worker");
    }
    checker.await.expect("checker");
    let elapsed = started.elapsed();
    drop(sim);

    let mut shared = Arc::try_unwrap(shared)
        .ok()
        .expect("all tasks done")
        .into_inner()
        .expect("lock");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut report = std::mem::take(&mut shared.report);
    report.p50_ms = ms(percentile(&mut shared.samples, 50.0));
    report.p99_ms = ms(percentile(&mut shared.samples, 99.0));
    report.list_p50_ms = ms(percentile(&mut shared.list_samples, 50.0));
    report.list_p99_ms = ms(percentile(&mut shared.list_samples, 99.0));
    report.requests_per_second = report.requests as f64 / elapsed.as_secs_f64();
    report
}
