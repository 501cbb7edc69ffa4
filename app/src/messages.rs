//! The one place that turns an [`ApiError`] into what the user reads.

use snapshot_api::rules::{CreateRefusal, RestoreRefusal, MAX_SNAPSHOTS_PER_SERVER};
use snapshot_api::{ApiError, InvalidInput, RetryAfter, SnapshotStatus};

use crate::i18n::{Arg, Key, Message};

/// A plain sentence for `error`; `what` names the action (`Key::WhatLoad`: "load the
/// snapshots"). The API's own `detail` follows as the API sent it.
pub fn describe(error: &ApiError, what: Key) -> Message {
    let status = |status: &u16| Arg::Number(u64::from(*status));
    match error {
        ApiError::Unauthorized { .. } => Key::ErrorUnauthorized.into(),
        ApiError::NotFound { detail } => with_detail(Key::ErrorNotFound.into(), detail),
        ApiError::Validation { fields, non_field } => {
            let mut message = Message::from(Key::ErrorValidation);
            for (field, messages) in fields {
                message = message.then(field_message(field, messages));
            }
            for text in non_field {
                message = message.then(Message::verbatim(text.as_str()));
            }
            message
        }
        ApiError::LimitReached { detail } | ApiError::InvalidState { detail } => {
            Message::verbatim(detail.as_str())
        }
        ApiError::RateLimited { retry_after } => match retry_after {
            Some(RetryAfter::Seconds(s)) => {
                Message::with(Key::ErrorRateLimitedFor, [("count", (*s).into())])
            }
            _ => Key::ErrorRateLimited.into(),
        },
        ApiError::Server { status: code, .. } => Message::with(
            Key::ErrorServer,
            [("what", what.into()), ("status", status(code))],
        ),
        ApiError::UnexpectedStatus {
            status: code,
            detail,
        } => with_detail(
            Message::with(
                Key::ErrorStatus,
                [("what", what.into()), ("status", status(code))],
            ),
            detail,
        ),
        ApiError::Undecodable { status: code, .. } => Message::with(
            Key::ErrorUndecodable,
            [("what", what.into()), ("status", status(code))],
        ),
        ApiError::Transport { .. } => Message::with(Key::ErrorTransport, [("what", what.into())]),
        ApiError::InvalidUrl { .. } => Message::with(Key::ErrorInvalidUrl, [("what", what.into())]),
        ApiError::Timeout { seconds } => Message::with(
            Key::ErrorTimeout,
            [
                ("what", what.into()),
                ("seconds", u64::from(*seconds).into()),
            ],
        ),
    }
}

/// "Name: the API's words about it", the field named as the create form labels it.
pub fn field_message(field: &str, messages: &[String]) -> Message {
    let label = match field {
        "server_id" => Key::ColServer.into(),
        "name" => Key::ColName.into(),
        "description" => Key::ColDescription.into(),
        other => Arg::Text(other.to_owned()),
    };
    Message::with(
        Key::ErrorField,
        [("field", label), ("messages", messages.join(" ").into())],
    )
}

fn with_detail(sentence: Message, detail: &Option<String>) -> Message {
    match detail {
        Some(d) => sentence.then(Message::verbatim(d.as_str())),
        None => sentence,
    }
}

/// A snapshot's status in words; one the console does not know, as the API wrote it.
pub fn status(status: &SnapshotStatus) -> Message {
    match status {
        SnapshotStatus::InProgress => Key::StatusInProgress.into(),
        SnapshotStatus::Completed => Key::StatusCompleted.into(),
        SnapshotStatus::Failed => Key::StatusFailed.into(),
        SnapshotStatus::Unknown(other) => {
            Message::with(Key::StatusUnknown, [("status", other.as_str().into())])
        }
    }
}

/// Why the core's rule refuses a create.
pub fn create_refusal(refusal: &CreateRefusal) -> Message {
    match refusal {
        CreateRefusal::LimitReached { server, count } => Message::with(
            Key::RuleLimit,
            [
                ("server", server.as_str().into()),
                ("count", (*count).into()),
                ("max", MAX_SNAPSHOTS_PER_SERVER.into()),
            ],
        ),
        CreateRefusal::ServerRestoring { server } => Message::with(
            Key::RuleCreateRestoring,
            [("server", server.as_str().into())],
        ),
    }
}

/// Why the core's rule refuses a restore.
pub fn restore_refusal(refusal: &RestoreRefusal, snapshot_status: &SnapshotStatus) -> Message {
    match refusal {
        RestoreRefusal::InProgress { snapshot } => Message::with(
            Key::RuleInProgress,
            [("snapshot", snapshot.as_str().into())],
        ),
        RestoreRefusal::NotCompleted { snapshot, .. } => Message::with(
            Key::RuleNotCompleted,
            [
                ("snapshot", snapshot.as_str().into()),
                ("status", Arg::Message(status(snapshot_status))),
            ],
        ),
        RestoreRefusal::ServerRestoring { server } => Message::with(
            Key::RuleServerRestoring,
            [("server", server.as_str().into())],
        ),
    }
}

/// Why a typed value is refused, next to its field.
pub fn invalid(input: &InvalidInput) -> Message {
    match input {
        InvalidInput::NameEmpty => Key::InvalidNameEmpty.into(),
        InvalidInput::NameTooLong { len, max } => Message::with(
            Key::InvalidNameLong,
            [("max", (*max).into()), ("len", (*len).into())],
        ),
        InvalidInput::NameCharacter { character } => Message::with(
            Key::InvalidNameCharacter,
            [("character", Arg::Message(describe_char(*character)))],
        ),
        InvalidInput::DescriptionTooLong { len, max } => Message::with(
            Key::InvalidDescriptionLong,
            [("max", (*max).into()), ("len", (*len).into())],
        ),
        InvalidInput::Id { .. } => Key::InvalidServerId.into(),
        InvalidInput::Token => Key::InvalidToken.into(),
        InvalidInput::BaseUrl => Key::InvalidBaseUrl.into(),
    }
}

/// A refused character: described when it cannot be seen, else quoted.
fn describe_char(c: char) -> Message {
    match c {
        ' ' => Key::CharacterSpace.into(),
        c if c.is_whitespace() => Key::CharacterWhitespace.into(),
        c if c.is_control() => Message::with(
            Key::CharacterControl,
            [("code", format!("U+{:04X}", c as u32).into())],
        ),
        c => Message::verbatim(format!("\"{c}\"")),
    }
}
