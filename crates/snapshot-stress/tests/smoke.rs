//! Short runs of the load and crash harnesses, so `cargo xtask test` proves they work; the
//! long runs are `cargo xtask load` and `cargo xtask crash`.

use std::time::Duration;

use snapshot_stress::crash::{self, CrashConfig};
use snapshot_stress::load::{self, LoadConfig};
use snapshot_stress::sim_process::default_binary;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_load_run_has_no_5xx_and_keeps_the_limit() {
    let report = load::run(LoadConfig {
        binary: default_binary("debug"),
        clients: 8,
        duration: Duration::from_secs(2),
        seed: 3,
    })
    .await;
    assert!(report.requests > 50, "{report:?}");
    assert_eq!(report.server_errors, 0, "{report:?}");
    assert_eq!(report.transport_errors, 0, "{report:?}");
    assert_eq!(report.limit_violations, 0, "{report:?}");
    assert!(
        report.by_operation.len() == 4,
        "every operation ran: {report:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_crash_run_loses_no_acknowledged_write() {
    let report = crash::run(CrashConfig {
        binary: default_binary("debug"),
        writes: 60,
        workers: 3,
        seed: 5,
    })
    .await;
    assert!(report.kills >= 1, "{report:?}");
    assert!(report.acknowledged_creates > 0, "{report:?}");
    assert_eq!(report.lost_creates, 0, "{report:?}");
    assert_eq!(report.deletes_undone, 0, "{report:?}");
    assert_eq!(report.limit_violations, 0, "{report:?}");
}
