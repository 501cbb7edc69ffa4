//! Mixed writes while the simulator is killed (SIGKILL) at random moments; after every
//! restart, every acknowledged write must still be there.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use snapshot_api::endpoints::{SnapshotCreate, SnapshotDelete, SnapshotList, SnapshotRestore};
use snapshot_api::rules::MAX_SNAPSHOTS_PER_SERVER;
use snapshot_api::{Api, BaseUrl, BearerToken, ServerId, SnapshotId, SnapshotName};

use crate::sim_process::SimProcess;
use crate::transport::call;

const TOKEN: &str = "crash-token";
const SERVERS: [u64; 4] = [12345, 12346, 12347, 12348];

/// What to run.
pub struct CrashConfig {
    pub binary: PathBuf,
    /// Writes to send in all, across kills.
    pub writes: usize,
    /// Writers sending at once.
    pub workers: usize,
    pub seed: u64,
}

/// What happened.
#[derive(Debug, Default)]
pub struct CrashReport {
    pub writes_sent: usize,
    pub acknowledged_creates: usize,
    pub acknowledged_deletes: usize,
    pub acknowledged_restores: usize,
    /// Writes cut off by a kill: their outcome is unknown, so they are not checked.
    pub unknown_outcomes: usize,
    pub kills: usize,
    pub lost_creates: usize,
    pub deletes_undone: usize,
    pub limit_violations: usize,
}

impl CrashReport {
    /// The run's figures as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "writes_sent": self.writes_sent,
            "acknowledged_creates": self.acknowledged_creates,
            "acknowledged_deletes": self.acknowledged_deletes,
            "acknowledged_restores": self.acknowledged_restores,
            "unknown_outcomes": self.unknown_outcomes,
            "kills": self.kills,
            "lost_creates": self.lost_creates,
            "deletes_undone": self.deletes_undone,
            "limit_violations": self.limit_violations,
        })
    }
}

#[derive(Default)]
struct Ledger {
    created: BTreeSet<SnapshotId>,
    deleted: BTreeSet<SnapshotId>,
    /// Deletes sent whose answer never came: they may or may not have happened.
    maybe_deleted: BTreeSet<SnapshotId>,
    lost: BTreeSet<SnapshotId>,
    undone: BTreeSet<SnapshotId>,
    report: CrashReport,
}

/// Runs rounds of concurrent writes, each ended by a SIGKILL once a random 5 to 40 more
/// writes have been sent (others still in flight), then restarts on the same file and checks
/// the ledger of acknowledged writes.
pub async fn run(config: CrashConfig) -> CrashReport {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash.sqlite3").display().to_string();
    let args = [
        "--db",
        db.as_str(),
        "--seed",
        "empty",
        "--token",
        TOKEN,
        "--create-delay-ms",
        "50",
        "--restore-delay-ms",
        "50",
    ];
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let mut rng = StdRng::seed_from_u64(config.seed);
    let http = reqwest::Client::new();
    let mut round = 0u64;
    loop {
        let sim = SimProcess::start(&config.binary, &args);
        let api = Api::new(
            BaseUrl::parse(&format!("{}/api/v1", sim.origin)).expect("base URL"),
            BearerToken::parse(TOKEN).expect("token"),
        );
        verify(&http, &api, &ledger).await;
        if ledger.lock().expect("lock").report.writes_sent >= config.writes {
            break;
        }
        let writers: Vec<_> = (0..config.workers)
            .map(|w| {
                let (http, api, ledger) = (http.clone(), api.clone(), Arc::clone(&ledger));
                let mut rng = StdRng::seed_from_u64(config.seed ^ (round << 8) ^ w as u64);
                let limit = config.writes;
                tokio::spawn(async move { writer(&http, &api, &ledger, &mut rng, limit, w).await })
            })
            .collect();
        // Kill after a random 5 to 40 more writes have been sent, with others in flight.
        let until = ledger.lock().expect("lock").report.writes_sent + rng.random_range(5..40);
        while ledger.lock().expect("lock").report.writes_sent < until.min(config.writes)
            && !writers.iter().all(|w| w.is_finished())
        {
            tokio::time::sleep(Duration::from_micros(200)).await;
        }
        sim.kill();
        for writer in writers {
            writer.abort();
        }
        ledger.lock().expect("lock").report.kills += 1;
        round += 1;
    }
    let ledger = Arc::try_unwrap(ledger).ok().expect("writers done");
    ledger.into_inner().expect("lock").report
}

async fn writer(
    http: &reqwest::Client,
    api: &Api,
    ledger: &Mutex<Ledger>,
    rng: &mut StdRng,
    limit: usize,
    worker: usize,
) {
    loop {
        let (target, n) = {
            let mut l = ledger.lock().expect("lock");
            if l.report.writes_sent >= limit {
                return;
            }
            l.report.writes_sent += 1;
            // Sent but not yet answered: unknown until an answer comes.
            l.report.unknown_outcomes += 1;
            let alive: Vec<_> = l
                .created
                .iter()
                .filter(|id| !l.deleted.contains(id) && !l.maybe_deleted.contains(id))
                .copied()
                .collect();
            let target = (!alive.is_empty()).then(|| alive[rng.random_range(0..alive.len())]);
            (target, l.report.writes_sent)
        };
        let roll: f64 = rng.random();
        match target {
            Some(id) if roll < 0.45 => {
                ledger.lock().expect("lock").maybe_deleted.insert(id);
                let (status, _) = call(http, api, &SnapshotDelete { snapshot_id: id }).await;
                let mut l = ledger.lock().expect("lock");
                let Some(status) = status else { return };
                l.report.unknown_outcomes -= 1;
                l.maybe_deleted.remove(&id);
                if status == 204 {
                    l.deleted.insert(id);
                    l.report.acknowledged_deletes += 1;
                }
            }
            Some(id) if roll < 0.55 => {
                let (status, _) = call(http, api, &SnapshotRestore { snapshot_id: id }).await;
                let mut l = ledger.lock().expect("lock");
                let Some(status) = status else { return };
                l.report.unknown_outcomes -= 1;
                if status == 200 {
                    l.report.acknowledged_restores += 1;
                }
            }
            _ => {
                let server =
                    ServerId::new(SERVERS[rng.random_range(0..SERVERS.len())]).expect("id");
                let name = SnapshotName::parse(&format!("crash-{worker}-{n}")).expect("name");
                let (status, result) =
                    call(http, api, &SnapshotCreate::new(server, name, None)).await;
                let mut l = ledger.lock().expect("lock");
                // No answer: the server is gone; this writer's round is over.
                if status.is_none() {
                    return;
                }
                l.report.unknown_outcomes -= 1;
                if let Ok(created) = result {
                    l.created.insert(created.snapshot.id);
                    l.report.acknowledged_creates += 1;
                }
            }
        }
    }
}

/// Lists everything after a restart and checks it against the acknowledged writes.
async fn verify(http: &reqwest::Client, api: &Api, ledger: &Mutex<Ledger>) {
    let (_, page) = call(http, api, &SnapshotList::all()).await;
    let page = page.expect("the simulator lists after a restart");
    let present: BTreeSet<_> = page.results.iter().map(|s| s.id).collect();
    let mut per_server: HashMap<_, usize> = HashMap::new();
    for s in &page.results {
        *per_server.entry(s.server.id).or_default() += 1;
    }
    let mut l = ledger.lock().expect("lock");
    let lost: Vec<_> = l
        .created
        .iter()
        .filter(|id| !present.contains(id))
        .filter(|id| !l.deleted.contains(id) && !l.maybe_deleted.contains(id))
        .copied()
        .collect();
    let undone: Vec<_> = l
        .deleted
        .iter()
        .filter(|id| present.contains(id))
        .copied()
        .collect();
    l.lost.extend(lost);
    l.undone.extend(undone);
    // Deletes whose answer was lost are settled now: present means not deleted.
    let settled: Vec<_> = std::mem::take(&mut l.maybe_deleted).into_iter().collect();
    for id in settled {
        if !present.contains(&id) {
            l.deleted.insert(id);
        }
    }
    l.report.lost_creates = l.lost.len();
    l.report.deletes_undone = l.undone.len();
    l.report.limit_violations += per_server
        .values()
        .filter(|n| **n > MAX_SNAPSHOTS_PER_SERVER)
        .count();
}
