//! `Idempotency-Key` on the two POSTs, as Stripe does it. The first answer to a key is kept
//! for 24 hours in SQLite, written in the same transaction as the request's own write, so a
//! hard kill cannot keep one without the other. The same key with the same request (method,
//! path, body and token) gets that answer again with no second write; with another request
//! it gets a 422. Answers from before the write started (a malformed body, a field error)
//! and server errors are not kept: nothing happened, so a retry may run for real.

use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Clock, SimError};

/// The request header (lower case, as `HeaderName` wants).
pub const KEY_HEADER: &str = "idempotency-key";
/// Sent, as `true`, on an answer that is a replay.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";
/// How long a key is remembered.
pub const KEEP_MS: i64 = 24 * 60 * 60 * 1000;
/// The longest key accepted, as Stripe's.
pub const MAX_KEY_LEN: usize = 255;

/// A request that came with a key.
pub struct Keyed {
    key: String,
    /// What was asked, hashed: a reuse of the key for anything else is refused.
    fingerprint: String,
}

impl Keyed {
    /// The key of a request, if it has one; a key that is too long or not visible ASCII is
    /// a 400.
    pub fn from_request(
        headers: &HeaderMap,
        method: &Method,
        path: &str,
        body: &[u8],
    ) -> Result<Option<Self>, SimError> {
        let Some(value) = headers.get(KEY_HEADER) else {
            return Ok(None);
        };
        let key = value.as_bytes();
        if key.is_empty() || key.len() > MAX_KEY_LEN || !key.iter().all(u8::is_ascii_graphic) {
            return Err(SimError::bad_request(format!(
                "Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters."
            )));
        }
        let token = headers
            .get(header::AUTHORIZATION)
            .map_or(&b""[..], HeaderValue::as_bytes);
        let mut hash = Sha256::new();
        for part in [method.as_str().as_bytes(), path.as_bytes(), token, body] {
            // Each part's length first, so no two different requests hash the same bytes.
            hash.update((part.len() as u64).to_be_bytes());
            hash.update(part);
        }
        let fingerprint = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Ok(Some(Self {
            key: String::from_utf8_lossy(key).into_owned(),
            fingerprint,
        }))
    }

    /// The kept answer to this key, if it is for this same request; a 422 if the key was
    /// used for another request within 24 hours.
    fn replay(&self, conn: &Connection, now_ms: i64) -> Result<Option<Answer>, SimError> {
        let kept = conn
            .query_row(
                "SELECT fingerprint, status, body FROM idempotency_keys
                 WHERE key = ?1 AND created_at_ms > ?2",
                params![self.key, now_ms - KEEP_MS],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, u16>(1)?,
                        row.get::<_, Vec<u8>>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((fingerprint, status, body)) = kept else {
            return Ok(None);
        };
        if fingerprint != self.fingerprint {
            return Err(SimError::Unprocessable(
                "This Idempotency-Key was already used for another request; use a new key \
                 for a new request."
                    .to_owned(),
            ));
        }
        let status = StatusCode::from_u16(status).map_err(|e| SimError::Internal(e.to_string()))?;
        Ok(Some(Answer {
            status,
            body,
            replayed: true,
        }))
    }

    /// Keeps `answer` for this key (and forgets keys past their 24 hours).
    fn record(&self, conn: &Connection, answer: &Answer, now_ms: i64) -> rusqlite::Result<()> {
        conn.execute(
            "DELETE FROM idempotency_keys WHERE created_at_ms <= ?1",
            [now_ms - KEEP_MS],
        )?;
        conn.execute(
            "INSERT OR REPLACE INTO idempotency_keys (key, fingerprint, status, body, created_at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                self.key,
                self.fingerprint,
                answer.status.as_u16(),
                answer.body,
                now_ms
            ],
        )?;
        Ok(())
    }
}

/// A JSON answer as it goes out, kept byte for byte so that a replay is the same answer.
pub struct Answer {
    status: StatusCode,
    body: Vec<u8>,
    replayed: bool,
}

impl Answer {
    pub fn json(status: StatusCode, value: &impl Serialize) -> Result<Self, SimError> {
        let body = serde_json::to_vec(value).map_err(|e| SimError::Internal(e.to_string()))?;
        Ok(Self {
            status,
            body,
            replayed: false,
        })
    }

    fn from_error(error: SimError) -> Result<Self, SimError> {
        let (status, body) = error.parts();
        Self::json(status, &body)
    }
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            self.body,
        )
            .into_response();
        if self.replayed {
            response
                .headers_mut()
                .insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
        }
        response
    }
}

/// Runs `write` in one `BEGIN IMMEDIATE` transaction together with the key's lookup and
/// record. `now` is read from `clock` once the transaction holds the write lock, so times
/// follow the order in which writes commit. Writers queue on that transaction, so of two requests with the same key at once
/// the second finds the first's answer and replays it: never two writes.
pub fn run_once(
    conn: &mut Connection,
    keyed: Option<&Keyed>,
    clock: &dyn Clock,
    write: impl FnOnce(&Transaction<'_>, i64) -> Result<Answer, SimError>,
) -> Result<Answer, SimError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let now = clock.now_ms();
    if let Some(kept) = keyed.map(|k| k.replay(&tx, now)).transpose()?.flatten() {
        return Ok(kept);
    }
    let answer = match (write(&tx, now), keyed) {
        (Ok(answer), _) => answer,
        // A refusal once the write had started (no such server, the limit reached) is the
        // request's answer and is kept, as Stripe keeps a declined charge; a server error is
        // not.
        (Err(e), Some(_)) if !matches!(e, SimError::Internal(_)) => Answer::from_error(e)?,
        (Err(e), _) => return Err(e),
    };
    if let Some(keyed) = keyed {
        keyed.record(&tx, &answer, now)?;
    }
    tx.commit()?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    fn keyed(body: &[u8]) -> Keyed {
        let mut headers = HeaderMap::new();
        headers.insert(KEY_HEADER, HeaderValue::from_static("key-1"));
        Keyed::from_request(&headers, &Method::POST, "/v1/snapshots/", body)
            .unwrap()
            .unwrap()
    }

    #[test]
    fn kept_answers_expire_after_24_hours() {
        let (db, _) = db::Db::open(None).unwrap();
        let conn = db.lock();
        let answer = Answer::json(StatusCode::CREATED, &serde_json::json!({"id": 1})).unwrap();
        keyed(b"{}").record(&conn, &answer, 1_000).unwrap();
        let kept = keyed(b"{}").replay(&conn, 1_000 + KEEP_MS - 1).unwrap();
        assert_eq!(kept.map(|a| a.body), Some(br#"{"id":1}"#.to_vec()));
        assert!(keyed(b"{}")
            .replay(&conn, 1_000 + KEEP_MS)
            .unwrap()
            .is_none());
        // Once expired, the key is free for another request.
        assert!(keyed(b"{\"x\":1}")
            .replay(&conn, 1_000 + KEEP_MS)
            .unwrap()
            .is_none());
    }
}
