//! The SQLite store: one connection behind a mutex, used from blocking tasks. Every write is
//! one `BEGIN IMMEDIATE` transaction committed with `synchronous=FULL` before the answer goes
//! out, so an acknowledged write survives a hard kill, and the per-server limit check and the
//! insert cannot interleave with another create.
//!
//! Transitions are never written: a row keeps its due time (`ready_at_ms`,
//! `restoring_until_ms`) and every read derives the status and size from it and the time
//! given. So a read takes no write lock, and a due time stored before a restart still fires.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use snapshot_api::{ServerId, ServerRef, ServerStatus, Snapshot, SnapshotId, SnapshotStatus};
use time::OffsetDateTime;

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS servers (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL,
        status             TEXT NOT NULL DEFAULT 'running',
        restoring_until_ms INTEGER,
        disk_used_mb       INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS snapshots (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        server_id     INTEGER NOT NULL REFERENCES servers(id),
        name          TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        status        TEXT NOT NULL,
        size_mb       INTEGER,
        final_size_mb INTEGER NOT NULL,
        created_at    INTEGER NOT NULL,
        ready_at_ms   INTEGER
    );
    CREATE INDEX IF NOT EXISTS snapshots_by_server ON snapshots(server_id);
    -- Idempotency-Key answers, kept 24 hours (see idempotency.rs).
    CREATE TABLE IF NOT EXISTS idempotency_keys (
        key           TEXT PRIMARY KEY,
        fingerprint   TEXT NOT NULL,
        status        INTEGER NOT NULL,
        body          BLOB NOT NULL,
        created_at_ms INTEGER NOT NULL
    );
";

/// The database handle shared by all requests.
pub struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (or creates) the database; `None` keeps it in memory. Also says whether it was
    /// empty, so the caller knows to seed it.
    pub fn open(path: Option<&Path>) -> rusqlite::Result<(Arc<Self>, bool)> {
        let conn = match path {
            Some(path) => {
                if let Some(dir) = path.parent() {
                    // A missing folder is reported by the open below.
                    let _ = std::fs::create_dir_all(dir);
                }
                let conn = Connection::open(path)?;
                conn.pragma_update(None, "journal_mode", "WAL")?;
                conn
            }
            None => Connection::open_in_memory()?,
        };
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        let servers: i64 = conn.query_row("SELECT COUNT(*) FROM servers", [], |r| r.get(0))?;
        Ok((
            Arc::new(Self {
                conn: Mutex::new(conn),
            }),
            servers == 0,
        ))
    }

    /// The connection, for start-up work before requests are served.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic in another request must not take the store down with it.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` with the connection on a blocking thread.
    pub async fn call<T, F>(self: &Arc<Self>, f: F) -> T
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> T + Send + 'static,
    {
        let db = Arc::clone(self);
        let task = tokio::task::spawn_blocking(move || f(&mut db.lock()));
        match task.await {
            Ok(value) => value,
            Err(join) => std::panic::resume_unwind(join.into_panic()),
        }
    }
}

/// Finishes every creation and restore by `now_ms`: due times later than that move to it
/// (the `/_sim/advance` control). The derived status does the rest.
pub fn advance(conn: &mut Connection, now_ms: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute(
        "UPDATE snapshots SET ready_at_ms = ?1 WHERE status = 'in_progress' AND ready_at_ms > ?1",
        [now_ms],
    )?;
    tx.execute(
        "UPDATE servers SET restoring_until_ms = ?1
         WHERE status = 'restoring' AND restoring_until_ms > ?1",
        [now_ms],
    )?;
    tx.commit()
}

/// Ends every snapshot still being created as `failed`, now, with no size (the
/// `/_sim/fail` control: a creation the real service gave up on).
pub fn fail_creations(conn: &mut Connection, now_ms: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE snapshots SET status = 'failed'
         WHERE status = 'in_progress' AND ready_at_ms > ?1",
        [now_ms],
    )?;
    Ok(())
}

/// A server row.
pub struct Server {
    pub id: ServerId,
    pub name: String,
    pub status: ServerStatus,
}

/// The server as it is at `now_ms`: `restoring` ends at its due time.
pub fn server(conn: &Connection, id: ServerId, now_ms: i64) -> rusqlite::Result<Option<Server>> {
    conn.query_row(
        "SELECT id, name,
                CASE WHEN status = 'restoring' AND restoring_until_ms <= ?2 THEN 'running'
                     ELSE status END
         FROM servers WHERE id = ?1",
        params![id.get() as i64, now_ms],
        |row| {
            Ok(Server {
                id: convert(row, 0, |v: i64| ServerId::new(v as u64))?,
                name: row.get(1)?,
                status: ServerStatus::from(row.get_ref(2)?.as_str()?),
            })
        },
    )
    .optional()
}

/// A snapshot as it is at `?2` (ms): `in_progress` until its due time, then `completed` with
/// its final size.
const SNAPSHOT_COLUMNS: &str = "s.id, s.server_id, v.name, s.name,
    CASE WHEN s.status = 'in_progress' AND s.ready_at_ms <= ?2 THEN 'completed'
         ELSE s.status END,
    CASE WHEN s.status = 'in_progress' AND s.ready_at_ms <= ?2 THEN s.final_size_mb
         ELSE s.size_mb END,
    s.created_at, s.description FROM snapshots s JOIN servers v ON v.id = s.server_id";

/// Snapshots as they are at `now_ms`, newest first, optionally of one server.
pub fn snapshots(
    conn: &Connection,
    server_id: Option<ServerId>,
    now_ms: i64,
) -> rusqlite::Result<Vec<Snapshot>> {
    let sql = format!(
        "SELECT {SNAPSHOT_COLUMNS} WHERE ?1 IS NULL OR s.server_id = ?1
         ORDER BY s.created_at DESC, s.id DESC"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(
        params![server_id.map(|id| id.get() as i64), now_ms],
        snapshot_row,
    )?;
    rows.collect()
}

/// One snapshot as it is at `now_ms`.
pub fn snapshot(
    conn: &Connection,
    id: SnapshotId,
    now_ms: i64,
) -> rusqlite::Result<Option<Snapshot>> {
    let sql = format!("SELECT {SNAPSHOT_COLUMNS} WHERE s.id = ?1");
    conn.query_row(&sql, params![id.get() as i64, now_ms], snapshot_row)
        .optional()
}

fn snapshot_row(row: &Row<'_>) -> rusqlite::Result<Snapshot> {
    let description: String = row.get(7)?;
    Ok(Snapshot {
        id: convert(row, 0, |v: i64| SnapshotId::new(v as u64))?,
        server: ServerRef {
            id: convert(row, 1, |v: i64| ServerId::new(v as u64))?,
            name: row.get(2)?,
        },
        name: row.get(3)?,
        status: SnapshotStatus::from(row.get_ref(4)?.as_str()?),
        size_mb: row.get::<_, Option<i64>>(5)?.map(|v| v as u64),
        created_at: convert(row, 6, OffsetDateTime::from_unix_timestamp)?,
        description: Some(description),
    })
}

/// A snapshot as it started, before any due time: what a create answers ("being created"),
/// even when its delay is 0 and it is due at once.
pub fn snapshot_as_started(
    conn: &Connection,
    id: SnapshotId,
) -> rusqlite::Result<Option<Snapshot>> {
    snapshot(conn, id, i64::MIN)
}

/// Reads column `index` and converts it, reporting a failed conversion as a row error.
fn convert<T, E: std::error::Error + Send + Sync + 'static>(
    row: &Row<'_>,
    index: usize,
    f: impl FnOnce(i64) -> Result<T, E>,
) -> rusqlite::Result<T> {
    f(row.get(index)?)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Integer, Box::new(e)))
}

pub fn count_snapshots(conn: &Connection, server_id: ServerId) -> rusqlite::Result<usize> {
    conn.query_row(
        "SELECT COUNT(*) FROM snapshots WHERE server_id = ?1",
        params![server_id.get() as i64],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n as usize)
}
