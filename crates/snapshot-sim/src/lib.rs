//! A local simulator of the VPS.org Snapshot API: the same paths, methods, status codes and
//! DRF-style bodies, backed by SQLite, with the API's rules taken from `snapshot-api` itself.
//! See `docs/SIMULATOR.md` for where it knowingly differs from the real service.

mod auth;
mod config;
mod control;
mod db;
mod error;
mod handlers;
mod router;
mod seed;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

pub use config::{Config, Seed};
pub use error::SimError;
pub use router::router;

/// The largest request body accepted (a create body is well under 1 KB).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    db: Arc<db::Db>,
    tokens: Arc<HashSet<String>>,
    control: Arc<control::Control>,
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
}

/// Opens the database (seeding a new one), settles the tokens and builds the router.
pub fn build(config: &Config) -> Result<Simulator, rusqlite::Error> {
    let db_path = config.db_path();
    let (db, is_new) = db::Db::open(db_path.as_deref())?;
    if is_new {
        seed::seed(
            &mut db.lock(),
            config.seed,
            config.seed_servers,
            db::now_ms() / 1000,
        )?;
    }
    let demo_token = config.tokens.is_empty().then(generate_token);
    let tokens = config
        .tokens
        .iter()
        .cloned()
        .chain(demo_token.clone())
        .collect();
    let state = AppState {
        db,
        tokens: Arc::new(tokens),
        control: control::Control::new(config.test_control),
        create_delay_ms: config.create_delay_ms.try_into().unwrap_or(i64::MAX),
        restore_delay_ms: config.restore_delay_ms.try_into().unwrap_or(i64::MAX),
    };
    Ok(Simulator {
        router: router(state, config),
        demo_token,
        db_path,
        seeded: is_new,
    })
}

fn generate_token() -> String {
    let mut bytes = [0u8; 16];
    // Without OS randomness there is no safe token to make; stopping is the only answer.
    getrandom::fill(&mut bytes).expect("the OS random number generator is unavailable");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("demo-{hex}")
}
