//! What a new database starts with. The demo data holds the API page's own examples verbatim:
//! `GET /api/v1/snapshots/?server_id=12345` answers exactly the page's example, and the next
//! snapshot created gets id 802, as in the page's create example.

use rusqlite::{params, Connection};

use crate::config::Seed;

/// (id, name, disk used in MB)
const SERVERS: &[(i64, &str, i64)] = &[
    (12345, "web-server-01", 5240),
    (12346, "db-primary-01", 20480),
    (12347, "staging-02", 3072),
    (12348, "mail-relay-01", 1536),
];

/// A seeded snapshot.
struct Seeded {
    id: i64,
    server: i64,
    name: &'static str,
    status: &'static str,
    size_mb: Option<i64>,
    /// Unix seconds, or, when negative, that many days before now.
    created: i64,
    description: &'static str,
}

const fn snap(
    id: i64,
    server: i64,
    name: &'static str,
    status: &'static str,
    size_mb: Option<i64>,
    created: i64,
    description: &'static str,
) -> Seeded {
    Seeded {
        id,
        server,
        name,
        status,
        size_mb,
        created,
        description,
    }
}

#[rustfmt::skip]
const SNAPSHOTS: &[Seeded] = &[
    // The page's example, verbatim.
    snap(801, 12345, "pre-migration-snapshot", "completed", Some(5120), 1_736_965_800, "Before major migration"),
    snap(798, 12345, "weekly-snapshot-2025-01-08", "completed", Some(4856), 1_736_337_600, "Weekly snapshot"),
    // A server at the limit of 5.
    snap(790, 12346, "pg16-before-upgrade", "completed", Some(19968), -30, "Before PostgreSQL 16 upgrade"),
    snap(791, 12346, "nightly-run-1", "completed", Some(20275), -4, "Nightly"),
    snap(792, 12346, "nightly-run-2", "completed", Some(20301), -3, "Nightly"),
    snap(793, 12346, "nightly-run-3", "completed", Some(20398), -2, "Nightly"),
    snap(794, 12346, "schema-migration-42", "completed", Some(20460), -1, "Before migration 42"),
    // One that failed, one that worked.
    snap(795, 12348, "postfix-config-test", "failed", None, -9, "Trying the new relay rules"),
    snap(796, 12348, "postfix-config-test-2", "completed", Some(1490), -8, "Second try, server stopped first"),
];

/// `servers` servers (ids from 20000) with 5 snapshots each (ids from 100000), an hour apart.
fn seed_large(tx: &rusqlite::Transaction<'_>, servers: i64, now_s: i64) -> rusqlite::Result<()> {
    let mut server =
        tx.prepare("INSERT INTO servers (id, name, disk_used_mb) VALUES (?1, ?2, ?3)")?;
    let mut snapshot = tx.prepare(
        "INSERT INTO snapshots (id, server_id, name, description, status, size_mb,
                                final_size_mb, created_at)
         VALUES (?1, ?2, ?3, ?4, 'completed', ?5, ?5, ?6)",
    )?;
    for s in 0..servers {
        let id = 20_000 + s;
        server.execute(params![id, format!("node-{s:04}"), 2048 + s])?;
        for n in 0..5i64 {
            let size = 2048 + s + n * 17;
            snapshot.execute(params![
                100_000 + s * 5 + n,
                id,
                format!("node-{s:04}-daily-{n}"),
                format!("Daily snapshot {n} of node {s}"),
                size,
                now_s - (s * 5 + n) * 3600,
            ])?;
        }
    }
    Ok(())
}

/// Fills a new, empty database.
pub fn seed(conn: &mut Connection, seed: Seed, servers: u32, now_s: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    if seed == Seed::Large {
        seed_large(&tx, servers.into(), now_s)?;
        return tx.commit();
    }
    for (id, name, disk) in SERVERS {
        tx.execute(
            "INSERT INTO servers (id, name, disk_used_mb) VALUES (?1, ?2, ?3)",
            params![id, name, disk],
        )?;
    }
    if seed == Seed::Demo {
        for s in SNAPSHOTS {
            let created_at = if s.created < 0 {
                now_s + s.created * 86_400
            } else {
                s.created
            };
            tx.execute(
                "INSERT INTO snapshots (id, server_id, name, description, status, size_mb,
                                        final_size_mb, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s.id,
                    s.server,
                    s.name,
                    s.description,
                    s.status,
                    s.size_mb,
                    s.size_mb.unwrap_or(0),
                    created_at
                ],
            )?;
        }
    }
    tx.commit()
}
