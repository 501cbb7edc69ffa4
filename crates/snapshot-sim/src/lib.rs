//! A local simulator of the VPS.org Snapshot API: the same paths, methods, status codes and
//! DRF-style bodies, backed by SQLite, with the API's rules taken from `snapshot-api` itself.
//! See `docs/SIMULATOR.md` for where it knowingly differs from the real service.

mod auth;
mod body_limit;
mod clock;
mod config;
mod console_cache;
mod control;
mod control_guard;
mod db;
mod error;
mod handlers;
mod idempotency;
mod operations;
mod origin;
mod router;
mod seed;
mod start_error;
mod tokens;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{Config, Seed};
pub use error::SimError;
pub use start_error::StartError;
pub use tokens::TOKENS_VAR;

/// The largest request body accepted (a create body is well under 1 KB).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// How much of a too-large body is still read (and thrown away) before the 413, so that a
/// client which sends its whole body before reading, as Python's `urllib` does, gets to read
/// the answer. Past this the connection is simply closed.
pub const DRAIN_BODY_BYTES: usize = 8 * 1024 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    db: Arc<db::Db>,
    tokens: Arc<Vec<String>>,
    control: Arc<control::Control>,
    /// Where "now" comes from: handlers never read the wall clock themselves.
    clock: Arc<dyn Clock>,
    create_delay_ms: i64,
    restore_delay_ms: i64,
}

/// A simulator ready to serve: its router, plus what its start-up should tell the user.
pub struct Simulator {
    /// The whole app: API, and the console if configured.
    pub router: axum::Router,
    /// The token generated because none was configured.
    pub demo_token: Option<String>,
    /// The SQLite file, or `None` in memory.
    pub db_path: Option<PathBuf>,
    /// Whether the database was new and got seeded.
    pub seeded: bool,
    /// How many tokens were configured (by flag, file or variable).
    pub configured_tokens: usize,
}

/// Checks the configuration, opens the database (seeding a new one), settles the tokens and
/// builds the router. `bound` is the address the listener actually got: the test-control
/// routes accept only requests addressed to its port. Anything unsafe or unusable in the
/// configuration is an error, never a silent fallback.
pub fn build(config: &Config, bound: SocketAddr) -> Result<Simulator, StartError> {
    build_with_clock(config, bound, Arc::new(SystemClock))
}

/// `build`, with time from `clock`: tests pass a `ManualClock` and move it forward instead of
/// sleeping until a transition is due.
pub fn build_with_clock(
    config: &Config,
    bound: SocketAddr,
    clock: Arc<dyn Clock>,
) -> Result<Simulator, StartError> {
    let configured = tokens::configured(config, std::env::var(TOKENS_VAR).ok().as_deref())?;
    // Checked before the database is touched, so a refused start leaves no new file.
    let edges = router::Edges::check(config)?;
    let db_path = config.db_path();
    let (db, is_new) = db::Db::open(db_path.as_deref())?;
    if is_new {
        seed::seed(
            &mut db.lock(),
            config.seed,
            config.seed_servers,
            clock.now_ms() / 1000,
        )?;
    }
    let demo_token = configured.is_empty().then(generate_token);
    let configured_tokens = configured.len();
    let tokens = configured.into_iter().chain(demo_token.clone()).collect();
    let state = AppState {
        db,
        tokens: Arc::new(tokens),
        control: control::Control::new(config.test_control, bound.port()),
        clock,
        create_delay_ms: config.create_delay_ms.try_into().unwrap_or(i64::MAX),
        restore_delay_ms: config.restore_delay_ms.try_into().unwrap_or(i64::MAX),
    };
    Ok(Simulator {
        router: router::router(state, edges),
        demo_token,
        db_path,
        seeded: is_new,
        configured_tokens,
    })
}

fn generate_token() -> String {
    let mut bytes = [0u8; 16];
    // Without OS randomness there is no safe token to make; stopping is the only answer.
    getrandom::fill(&mut bytes).expect("the OS random number generator is unavailable");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("demo-{hex}")
}
