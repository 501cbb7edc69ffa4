//! The one place that puts the API's and the core's answers into words: errors, statuses,
//! the rules' refusals and caveats, and the checks on what was typed.

use snapshot_api::endpoints::Field;
use snapshot_api::rules::{CreateRefusal, DeleteCaveat, RestoreRefusal, MAX_SNAPSHOTS_PER_SERVER};
use snapshot_api::{
    ApiError, InvalidInput, RestoreAccepted, RetryAfter, ServerId, ServerStatus, ShownChar,
    Snapshot, SnapshotCreated, SnapshotName, SnapshotStatus,
};

use crate::i18n::{Arg, Key, Message};

/// A plain sentence for `error`; `what` names the action (`Key::WhatLoad`: "load the
/// snapshots"). The API's own `detail` follows as the API sent it.
pub fn describe(error: &ApiError, what: Message) -> Message {
    let status = |status: &u16| Arg::Number(u64::from(*status));
    let what = Arg::Message(what);
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
        ApiError::Server { status: code, .. } => {
            Message::with(Key::ErrorServer, [("what", what), ("status", status(code))])
        }
        ApiError::UnexpectedStatus {
            status: code,
            detail,
        } => with_detail(
            Message::with(Key::ErrorStatus, [("what", what), ("status", status(code))]),
            detail,
        ),
        ApiError::Undecodable { status: code, .. } => Message::with(
            Key::ErrorUndecodable,
            [("what", what), ("status", status(code))],
        ),
        // A cancelled request is never shown (the model drops it); worded as the network
        // failure it is, should a caller ever show it.
        ApiError::Transport { .. } | ApiError::Cancelled => {
            Message::with(Key::ErrorTransport, [("what", what)])
        }
        ApiError::InvalidUrl { .. } => Message::with(Key::ErrorInvalidUrl, [("what", what)]),
        ApiError::Redirected => Message::with(Key::ErrorRedirected, [("what", what)]),
        // The host's own words where it gave them.
        ApiError::Vetoed { reason } => match reason {
            Some(reason) => Message::with(
                Key::ErrorVetoedBecause,
                [("what", what), ("reason", reason.as_str().into())],
            ),
            None => Message::with(Key::ErrorVetoed, [("what", what)]),
        },
        ApiError::Timeout { seconds } => Message::with(
            Key::ErrorTimeout,
            [("what", what), ("seconds", u64::from(*seconds).into())],
        ),
    }
}

/// "Name: the API's words about it", the field named as the create form labels it.
pub fn field_message(field: &str, messages: &[String]) -> Message {
    let label = match Field::parse(field) {
        Some(Field::ServerId) => Key::ColServer.into(),
        Some(Field::Name) => Key::ColName.into(),
        Some(Field::Description) => Key::ColDescription.into(),
        None => Arg::Text(field.to_owned()),
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
pub fn restore_refusal(refusal: &RestoreRefusal) -> Message {
    match refusal {
        RestoreRefusal::InProgress { snapshot } => Message::with(
            Key::RuleInProgress,
            [("snapshot", snapshot.as_str().into())],
        ),
        RestoreRefusal::NotCompleted {
            snapshot,
            status: snapshot_status,
        } => Message::with(
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

/// The three writes, as messages name them; a delete names its snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation<'a> {
    Create,
    Restore,
    Delete(&'a str),
}

/// Why a write failed; when it may have happened all the same, what to do about that.
pub fn write_failed(operation: Operation, error: &ApiError) -> Message {
    let (what, maybe) = match operation {
        Operation::Create => (Key::WhatCreate.into(), Key::MaybeCreated),
        Operation::Restore => (Key::WhatRestore.into(), Key::MaybeRestored),
        Operation::Delete(name) => (
            Message::with(Key::WhatDelete, [("snapshot", snapshot_arg(name))]),
            Key::MaybeDeleted,
        ),
    };
    let sentence = describe(error, what);
    if error.outcome_unknown() {
        sentence.then(maybe.into())
    } else {
        sentence
    }
}

fn snapshot_arg(name: &str) -> Arg {
    name.into()
}

/// "Creating before-upgrade of web-server-01.", then the API's own words.
pub fn created(created: &SnapshotCreated) -> Message {
    Message::with(
        Key::NoticeCreating,
        [
            ("snapshot", snapshot_arg(&created.snapshot.name)),
            ("server", created.snapshot.server.name.as_str().into()),
        ],
    )
    .then(Message::verbatim(
        created.message.clone().unwrap_or_default(),
    ))
}

/// The server's state after an accepted restore, then the API's own words.
pub fn restore_accepted(accepted: &RestoreAccepted) -> Message {
    let server = accepted.server.name.as_str().into();
    let state = match &accepted.server.status {
        ServerStatus::Restoring => Message::with(Key::NoticeRestoring, [("server", server)]),
        other => Message::with(
            Key::NoticeServerStatus,
            [
                ("server", server),
                ("status", Arg::Message(server_status(other))),
            ],
        ),
    };
    state.then(Message::verbatim(accepted.message.as_str()))
}

/// A create refused with a 404: there is no such server.
pub fn no_server(server: ServerId) -> Message {
    Message::with(Key::ErrorNoServer, [("server", server.to_string().into())])
}

/// A restore refused with a 404: the snapshot is gone.
pub fn restore_gone() -> Message {
    Key::ErrorRestoreGone.into()
}

/// A restore refused because of the server's state, then the API's own words.
pub fn restore_state(detail: &str) -> Message {
    Message::from(Key::ErrorRestoreState).then(Message::verbatim(detail))
}

pub fn deleted(snapshot: &Snapshot) -> Message {
    Message::with(
        Key::NoticeDeleted,
        [("snapshot", snapshot_arg(&snapshot.name))],
    )
}

pub fn already_deleted(snapshot: &Snapshot) -> Message {
    Message::with(
        Key::NoticeAlreadyDeleted,
        [("snapshot", snapshot_arg(&snapshot.name))],
    )
}

/// A snapshot that was in progress and no longer is: ready, failed, or another status.
pub fn finished(snapshot: &Snapshot) -> Message {
    let key = match &snapshot.status {
        SnapshotStatus::Completed => Key::NoticeReady,
        SnapshotStatus::Failed => Key::NoticeFailed,
        _ => Key::NoticeStatus,
    };
    Message::with(
        key,
        [
            ("snapshot", snapshot_arg(&snapshot.name)),
            ("server", snapshot.server.name.as_str().into()),
            ("status", Arg::Message(status(&snapshot.status))),
        ],
    )
}

/// The safety snapshot was refused, so nothing was restored; then why.
pub fn safety_refused(why: Option<Message>) -> Message {
    why.into_iter()
        .fold(Key::RestoreSafetyRefused.into(), Message::then)
}

/// No room for a safety snapshot on `server` (`count` of the limit), and which snapshot's
/// delete would make room, if one would.
pub fn safety_full(server: &str, count: usize, room: Option<&Snapshot>) -> Message {
    let full = Message::with(
        Key::RestoreSafetyFull,
        [
            ("server", server.into()),
            ("count", count.into()),
            ("max", MAX_SNAPSHOTS_PER_SERVER.into()),
        ],
    );
    match room {
        Some(room) => full.then(Message::with(
            Key::RestoreSafetyRoom,
            [("snapshot", snapshot_arg(&room.name))],
        )),
        None => full,
    }
}

/// The safety snapshot `name` failed, or is `gone` from the list: nothing was restored.
pub fn safety_stopped(name: &SnapshotName, gone: bool) -> Message {
    let key = if gone {
        Key::RestoreSafetyGone
    } else {
        Key::RestoreSafetyFailed
    };
    Message::with(key, [("snapshot", snapshot_arg(name.as_str()))])
}

/// The restore dialog closed while its safety snapshot was being made.
pub fn safety_cancelled(name: &SnapshotName) -> Message {
    Message::with(
        Key::RestoreSafetyCancelled,
        [("snapshot", snapshot_arg(name.as_str()))],
    )
}

/// The restore dialog closed after its restore was sent.
pub fn restore_sent(target: &Snapshot) -> Message {
    Message::with(
        Key::RestoreSent,
        [
            ("server", target.server.name.as_str().into()),
            ("snapshot", snapshot_arg(&target.name)),
        ],
    )
}

/// The create dialog closed after its create was sent.
pub fn create_sent(name: &str) -> Message {
    Message::with(Key::CreateSent, [("snapshot", name.into())])
}

/// The create dialog closed after its make-room delete was sent.
pub fn room_delete_sent(victim: &Snapshot) -> Message {
    Message::with(
        Key::CreateRoomDeleteSent,
        [("snapshot", snapshot_arg(&victim.name))],
    )
}

/// The snapshot the user chose to delete is no longer the one that would make room.
pub fn room_changed(victim: &Snapshot) -> Message {
    Message::with(
        Key::CreateRoomChanged,
        [("snapshot", snapshot_arg(&victim.name))],
    )
}

/// Deletes that were not sent because the page was hidden in their undo window.
pub fn kept_hidden(count: usize) -> Message {
    Message::with(Key::DeleteKeptHidden, [("count", count.into())])
}

pub fn batch_deleted(count: usize) -> Message {
    Message::with(Key::BatchDeleted, [("count", count.into())])
}

pub fn batch_failed(count: usize) -> Message {
    Message::with(Key::BatchFailed, [("count", count.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The core's English `Display` texts (for native users) and the console's English
    /// catalog say the same of the same facts. Only the status word differs: the core writes
    /// the API's (`failed`), the console its label (`Failed`).
    #[test]
    fn the_cores_english_and_the_consoles_say_the_same_of_each_rule() {
        let creates = [
            CreateRefusal::LimitReached {
                server: "web-01".to_owned(),
                count: 5,
            },
            CreateRefusal::ServerRestoring {
                server: "web-01".to_owned(),
            },
        ];
        for refusal in creates {
            assert_eq!(create_refusal(&refusal).en(), refusal.to_string());
        }
        let restores = [
            RestoreRefusal::InProgress {
                snapshot: "a".to_owned(),
            },
            RestoreRefusal::NotCompleted {
                snapshot: "a".to_owned(),
                status: SnapshotStatus::Failed,
            },
            RestoreRefusal::NotCompleted {
                snapshot: "a".to_owned(),
                status: SnapshotStatus::Unknown("archived".to_owned()),
            },
            RestoreRefusal::ServerRestoring {
                server: "web-01".to_owned(),
            },
        ];
        for refusal in restores {
            let console = restore_refusal(&refusal).en().to_lowercase();
            let core = refusal.to_string().to_lowercase();
            // The console names a status it does not know "Unknown (archived)".
            let console = console.replace("unknown (archived)", "archived");
            assert_eq!(console, core);
        }
        let caveat = DeleteCaveat::StopsCreation;
        assert_eq!(delete_caveat(caveat).en(), caveat.to_string());
    }

    #[test]
    fn a_create_fields_messages_are_named_as_the_form_labels_it() {
        let said = |field| field_message(field, &["Bad.".to_owned()]).en();
        assert_eq!(said(Field::Name.as_str()), "Name: Bad.");
        assert_eq!(said(Field::ServerId.as_str()), "Server: Bad.");
        assert_eq!(said("colour"), "colour: Bad.");
    }
}
