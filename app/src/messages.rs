//! The one place that puts the API's and the core's answers into words: errors, statuses,
//! the rules' refusals and caveats, and the checks on what was typed.

use snapshot_api::rules::{CreateRefusal, DeleteCaveat, RestoreRefusal, MAX_SNAPSHOTS_PER_SERVER};
use snapshot_api::{ApiError, InvalidInput, RetryAfter, ServerStatus, ShownChar, SnapshotStatus};

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
            [("character", Arg::Message(shown_char(*character)))],
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

/// A refused character, named as the core's rule classifies it.
fn shown_char(c: char) -> Message {
    match ShownChar::of(c) {
        ShownChar::Space => Key::CharacterSpace.into(),
        ShownChar::Whitespace => Key::CharacterWhitespace.into(),
        ShownChar::Control(code) => Message::with(
            Key::CharacterControl,
            [("code", format!("U+{code:04X}").into())],
        ),
        visible @ ShownChar::Visible(_) => Message::verbatim(visible.to_string()),
    }
}

/// A server's state in words; one the console does not know, as the API wrote it.
pub fn server_status(status: &ServerStatus) -> Message {
    match status {
        ServerStatus::Running => Key::ServerRunning.into(),
        ServerStatus::Stopped => Key::ServerStopped.into(),
        ServerStatus::Restoring => Key::ServerRestoring.into(),
        ServerStatus::Unknown(other) => Message::verbatim(other.as_str()),
    }
}

/// What the core says to know before confirming a delete.
pub fn delete_caveat(caveat: DeleteCaveat) -> Message {
    match caveat {
        DeleteCaveat::StopsCreation => Key::DeleteInProgress.into(),
    }
}
