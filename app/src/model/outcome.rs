//! What the answer to a write means for the list and for the user, decided once for the three
//! dialogs.

use snapshot_api::endpoints::Field;
use snapshot_api::{
    ApiError, RestoreAccepted, ServerId, ServerStatus, Snapshot, SnapshotCreated, SnapshotId,
};

use super::notice::{Notice, Tone};
use crate::i18n::Message;
use crate::messages::{self, Operation};

/// Messages for the create form's fields; the restore and delete dialogs, and the sign-in
/// form's token, use `form` only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub server: Option<Message>,
    pub name: Option<Message>,
    pub description: Option<Message>,
    /// About the request as a whole.
    pub form: Option<Message>,
}

impl FieldErrors {
    fn form(message: Message) -> Self {
        Self {
            form: Some(message),
            ..Self::default()
        }
    }

    /// Every message, in the form's order, as one; the fields are left empty. For where there
    /// is one place to say them (a notice, a dialog without fields).
    pub fn take_all(&mut self) -> Option<Message> {
        let e = std::mem::take(self);
        [e.server, e.name, e.description, e.form]
            .into_iter()
            .flatten()
            .reduce(Message::then)
    }
}

/// What the list learns from a write's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    None,
    /// A snapshot was created.
    Insert(Snapshot),
    /// A snapshot is gone (deleted, or found missing).
    Remove(SnapshotId),
    /// A server is being restored.
    Restoring(ServerId),
    /// The write may or may not have happened, or the list was out of date: read it again.
    Refresh,
}

/// The meaning of one write's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub change: Change,
    /// Said in passing, once the dialog has closed.
    pub notice: Option<Notice>,
    /// Shown in the dialog, which stays open.
    pub errors: FieldErrors,
    /// Whether the dialog closes.
    pub close: bool,
}

impl Outcome {
    fn done(change: Change, notice: Message) -> Self {
        Self {
            change,
            notice: Some(Notice::new(Tone::Success, notice)),
            errors: FieldErrors::default(),
            close: true,
        }
    }

    fn refused(change: Change, errors: FieldErrors) -> Self {
        Self {
            change,
            notice: None,
            errors,
            close: false,
        }
    }
}

/// What every write shares: a refused token, an answer that may hide a success, the rest.
fn failed(operation: Operation, error: &ApiError) -> Outcome {
    match error {
        // The user signed out: the one place a stopped request is handled, with nothing to
        // say and nothing to read again. (A refused token says so in the form: the host may
        // have renewed it, and the user is still there to try again.)
        ApiError::Cancelled => Outcome::refused(Change::None, FieldErrors::default()),
        e if e.outcome_unknown() => Outcome::refused(
            // A restore is not in the list, so reading it says nothing about one.
            match operation {
                Operation::Restore => Change::None,
                _ => Change::Refresh,
            },
            FieldErrors::form(messages::write_failed(operation, e)),
        ),
        e => Outcome::refused(
            Change::None,
            FieldErrors::form(messages::write_failed(operation, e)),
        ),
    }
}

/// The answer to creating a snapshot on `server`. Refusals go on the field they concern.
pub fn snapshot_create(result: Result<SnapshotCreated, ApiError>, server: ServerId) -> Outcome {
    let error = match result {
        Ok(created) => {
            let text = messages::created(&created);
            return Outcome::done(Change::Insert(created.snapshot), text);
        }
        Err(error) => error,
    };
    let on_server = |change, message: Message| {
        Outcome::refused(
            change,
            FieldErrors {
                server: Some(message),
                ..FieldErrors::default()
            },
        )
    };
    match &error {
        ApiError::Validation { fields, non_field } => {
            let join = |f| {
                let m = error.field_messages(f);
                (!m.is_empty()).then(|| Message::verbatim(m.join(" ")))
            };
            let other = fields
                .iter()
                .filter(|(f, _)| Field::parse(f).is_none())
                .map(|(f, m)| messages::field_message(f, m))
                .chain(non_field.iter().map(|t| Message::verbatim(t.as_str())))
                .reduce(Message::then);
            Outcome::refused(
                Change::None,
                FieldErrors {
                    server: join(Field::ServerId),
                    name: join(Field::Name),
                    description: join(Field::Description),
                    form: other,
                },
            )
        }
        ApiError::NotFound { .. } => on_server(Change::None, messages::no_server(server)),
        // The list was out of date: someone else created snapshots meanwhile.
        ApiError::LimitReached { detail } => {
            on_server(Change::Refresh, Message::verbatim(detail.as_str()))
        }
        // The one state the API refuses a create in: the server is being restored.
        ApiError::InvalidState { detail } => on_server(
            Change::Restoring(server),
            Message::verbatim(detail.as_str()),
        ),
        other => failed(Operation::Create, other),
    }
}

/// The answer to creating the safety snapshot a restore waits on, and the new snapshot's ID
/// when there is one to wait for. The dialog stays open either way: to wait, or to say why
/// nothing was restored (whatever the create's refusal named, in one message).
pub fn safety_create(
    result: Result<SnapshotCreated, ApiError>,
    server: ServerId,
) -> (Outcome, Option<SnapshotId>) {
    let created = result.as_ref().ok().map(|c| c.snapshot.id);
    let mut outcome = snapshot_create(result, server);
    outcome.close = false;
    if created.is_none() {
        let why = outcome.errors.take_all();
        outcome.errors = FieldErrors::form(messages::safety_refused(why));
    }
    (outcome, created)
}

/// The answer to restoring from `snapshot`.
pub fn snapshot_restore(result: Result<RestoreAccepted, ApiError>, snapshot: &Snapshot) -> Outcome {
    let error = match result {
        Ok(accepted) => {
            // The API says which state the server is in now; only `restoring` is news.
            let change = match accepted.server.status {
                ServerStatus::Restoring => Change::Restoring(accepted.server.id),
                _ => Change::None,
            };
            return Outcome::done(change, messages::restore_accepted(&accepted));
        }
        Err(error) => error,
    };
    match &error {
        ApiError::NotFound { .. } => Outcome::refused(
            Change::Remove(snapshot.id),
            FieldErrors::form(messages::restore_gone()),
        ),
        // The snapshot was completed in the list, so it is the server that is not ready.
        ApiError::InvalidState { detail } => Outcome::refused(
            Change::Restoring(snapshot.server.id),
            FieldErrors::form(messages::restore_state(detail)),
        ),
        other => failed(Operation::Restore, other),
    }
}

/// The answer to deleting `snapshot`. Already gone is the outcome wanted.
pub fn snapshot_delete(result: Result<(), ApiError>, snapshot: &Snapshot) -> Outcome {
    match result {
        Ok(()) => Outcome::done(Change::Remove(snapshot.id), messages::deleted(snapshot)),
        Err(ApiError::NotFound { .. }) => Outcome::done(
            Change::Remove(snapshot.id),
            messages::already_deleted(snapshot),
        ),
        Err(other) => failed(Operation::Delete(snapshot.name.as_str()), &other),
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::fixtures::snapshot;

    fn web() -> ServerId {
        ServerId::new(10).unwrap()
    }

    fn timeout() -> ApiError {
        ApiError::Timeout { seconds: 30 }
    }

    #[test]
    fn a_created_snapshot_goes_into_the_list_and_is_announced() {
        let created = SnapshotCreated {
            snapshot: snapshot(7, 10, "before-upgrade", "in_progress"),
            message: Some("This may take 3-10 minutes.".to_owned()),
        };
        let outcome = snapshot_create(Ok(created.clone()), web());
        assert_eq!(outcome.change, Change::Insert(created.snapshot));
        assert_eq!(
            outcome.notice.map(|n| (n.tone, n.text.en())),
            Some((
                Tone::Success,
                "Creating before-upgrade of s10. This may take 3-10 minutes.".to_owned()
            ))
        );
        assert!(outcome.close);
        assert_eq!(outcome.errors, FieldErrors::default());
    }

    #[test]
    fn create_refusals_go_on_their_fields() {
        let refused = ApiError::Validation {
            fields: vec![
                ("name".to_owned(), vec!["Bad name.".to_owned()]),
                ("colour".to_owned(), vec!["Unknown.".to_owned()]),
            ],
            non_field: vec!["Try later.".to_owned()],
        };
        let outcome = snapshot_create(Err(refused), web());
        assert!(!outcome.close);
        assert_eq!(
            outcome.errors.name.as_ref().map(Message::en).as_deref(),
            Some("Bad name.")
        );
        assert_eq!(
            outcome.errors.form.as_ref().map(Message::en).as_deref(),
            Some("colour: Unknown. Try later.")
        );
        assert_eq!(outcome.errors.server, None);

        let missing = snapshot_create(Err(ApiError::NotFound { detail: None }), web());
        assert_eq!(
            missing.errors.server.as_ref().map(Message::en).as_deref(),
            Some("There is no server with ID 10 (the API answered 404).")
        );

        let full = ApiError::LimitReached {
            detail: "Maximum 5 snapshots per server.".to_owned(),
        };
        let outcome = snapshot_create(Err(full), web());
        assert_eq!(outcome.change, Change::Refresh);
        assert_eq!(
            outcome.errors.server.as_ref().map(Message::en).as_deref(),
            Some("Maximum 5 snapshots per server.")
        );

        let restoring = ApiError::InvalidState {
            detail: "Server is restoring.".to_owned(),
        };
        assert_eq!(
            snapshot_create(Err(restoring), web()).change,
            Change::Restoring(web())
        );
    }

    #[test]
    fn a_safety_snapshot_keeps_the_dialog_open_to_wait_or_to_say_nothing_was_restored() {
        let created = SnapshotCreated {
            snapshot: snapshot(7, 10, "pre-restore-a", "in_progress"),
            message: None,
        };
        let (outcome, waiting) = safety_create(Ok(created), web());
        assert_eq!(waiting, SnapshotId::new(7).ok());
        assert!(!outcome.close);
        assert!(matches!(outcome.change, Change::Insert(_)));

        let full = ApiError::LimitReached {
            detail: "Maximum 5 snapshots per server.".to_owned(),
        };
        let (outcome, waiting) = safety_create(Err(full), web());
        assert_eq!(waiting, None);
        assert!(!outcome.close);
        assert_eq!(outcome.change, Change::Refresh);
        assert_eq!(
            outcome.errors.server, None,
            "shown once, in the dialog's own place"
        );
        assert_eq!(
            outcome.errors.form.as_ref().map(Message::en).as_deref(),
            Some("The safety snapshot could not be created, so nothing was restored. Maximum 5 snapshots per server.")
        );
    }

    #[test]
    fn an_answer_that_may_hide_a_success_reads_the_list_again_but_never_resends() {
        let outcome = snapshot_create(Err(timeout()), web());
        assert_eq!(outcome.change, Change::Refresh);
        assert!(!outcome.close);
        let text = outcome.errors.form.unwrap().en();
        assert!(
            text.starts_with("The API did not answer within 30 seconds"),
            "{text}"
        );
        assert!(
            text.ends_with("check it before creating another."),
            "{text}"
        );

        let target = snapshot(3, 10, "old", "completed");
        let outcome = snapshot_delete(Err(timeout()), &target);
        assert_eq!(outcome.change, Change::Refresh);
        assert!(outcome
            .errors
            .form
            .unwrap()
            .en()
            .ends_with("the list is being refreshed."));

        // The list does not show restores, so reading it again would say nothing.
        let outcome = snapshot_restore(Err(timeout()), &target);
        assert_eq!(outcome.change, Change::None);
        assert!(outcome
            .errors
            .form
            .unwrap()
            .en()
            .ends_with("do not start it again until the server is back."));
    }

    #[test]
    fn a_refused_token_changes_nothing_and_says_to_try_again_in_the_dialog() {
        let target = snapshot(3, 10, "old", "completed");
        let refused = || ApiError::Unauthorized { detail: None };
        for outcome in [
            snapshot_create(Err(refused()), web()),
            snapshot_restore(Err(refused()), &target),
            snapshot_delete(Err(refused()), &target),
        ] {
            assert_eq!(outcome.change, Change::None);
            assert!(outcome
                .errors
                .form
                .unwrap()
                .en()
                .ends_with("nothing was changed. Try again."));
            assert_eq!(outcome.notice, None);
        }
    }

    #[test]
    fn a_write_stopped_by_a_sign_out_says_nothing() {
        let target = snapshot(3, 10, "old", "completed");
        let outcome = snapshot_delete(Err(ApiError::Cancelled), &target);
        assert_eq!(outcome.change, Change::None);
        assert_eq!(outcome.errors, FieldErrors::default());
    }

    #[test]
    fn a_restore_marks_the_server_and_a_missing_snapshot_leaves_the_list() {
        let target = snapshot(3, 10, "old", "completed");
        let accepted: RestoreAccepted = serde_json::from_value(serde_json::json!({
            "status": "success", "message": "This may take 5-15 minutes.",
            "snapshot": {"id": 3, "name": "old", "created_at": "2025-01-03T00:00:00Z"},
            "server": {"id": 10, "name": "s10", "status": "restoring"},
        }))
        .unwrap();
        let outcome = snapshot_restore(Ok(accepted), &target);
        assert_eq!(outcome.change, Change::Restoring(web()));
        assert_eq!(
            outcome.notice.unwrap().text.en(),
            "s10 is restoring. This may take 5-15 minutes."
        );

        let gone = snapshot_restore(Err(ApiError::NotFound { detail: None }), &target);
        assert_eq!(gone.change, Change::Remove(target.id));
        assert!(!gone.close);

        let busy = ApiError::InvalidState {
            detail: "s10 is already being restored.".to_owned(),
        };
        let outcome = snapshot_restore(Err(busy), &target);
        assert_eq!(outcome.change, Change::Restoring(web()));
        assert_eq!(
            outcome.errors.form.as_ref().map(Message::en).as_deref(),
            Some("The API refused the restore because the server is not in a state that allows one: s10 is already being restored.")
        );
    }

    #[test]
    fn deleting_what_is_already_gone_is_done() {
        let target = snapshot(3, 10, "old", "completed");
        let outcome = snapshot_delete(Err(ApiError::NotFound { detail: None }), &target);
        assert!(outcome.close);
        assert_eq!(outcome.change, Change::Remove(target.id));
        assert_eq!(
            outcome.notice.unwrap().text.en(),
            "Snapshot old was already deleted."
        );

        let failed = snapshot_delete(
            Err(ApiError::UnexpectedStatus {
                status: 418,
                detail: None,
            }),
            &target,
        );
        assert_eq!(failed.change, Change::None);
        assert_eq!(
            failed.errors.form.as_ref().map(Message::en).as_deref(),
            Some(
                "Could not delete snapshot old: the API answered with an unexpected status (418)."
            )
        );
    }
}
