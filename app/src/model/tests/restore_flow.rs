use snapshot_api::ApiError;

use super::{accepted, changes, created, read, sent, server_error, timeout, told};
use crate::model::fixtures::{loaded, snapshot, NOW};
use crate::model::flow::{Answer, Command};
use crate::model::outcome::Change;
use crate::model::restore_flow::{RestoreEvent, RestoreFlow, RestoreStep};
use crate::model::Model;
use snapshot_api::Snapshot;

const STAMP: &str = "20250115-1830";
const SAFETY: &str = "pre-restore-old-20250115-1830";

/// The restore dialog open for "old" (server 10, 2 of 5), with the console's model.
struct Dialog {
    flow: Option<RestoreFlow>,
    model: Model,
    target: Snapshot,
}

impl Dialog {
    fn open() -> Self {
        Self::with(vec![
            snapshot(1, 10, "old", "completed"),
            snapshot(2, 10, "new", "completed"),
        ])
    }

    fn with(list: Vec<Snapshot>) -> Self {
        let model = loaded(list);
        let target = model.list().snapshots()[0].clone();
        Self {
            flow: Some(RestoreFlow::open(1, target.clone())),
            model,
            target,
        }
    }

    fn on(&mut self, event: RestoreEvent) -> Vec<Command> {
        RestoreFlow::update(&mut self.flow, &self.model, NOW, event)
    }

    fn confirm(&mut self, safety: bool) -> Vec<Command> {
        self.on(RestoreEvent::Confirm {
            safety,
            stamp: STAMP.to_owned(),
            description: "Taken before restoring s10 from old".to_owned(),
        })
    }

    /// The API's answer to this dialog's write.
    fn answer(&mut self, answer: Answer) -> Vec<Command> {
        self.on(RestoreEvent::Answered(1, answer))
    }

    /// The safety snapshot as the API creates it, and as a list shows it in `status`.
    fn safety(&self, status: &str) -> Snapshot {
        snapshot(9, 10, SAFETY, status)
    }

    /// A list read that shows the safety snapshot in `status` beside the others.
    fn listed(&mut self, status: Option<&str>) -> Vec<Command> {
        let mut list = self.model.list().snapshots().to_vec();
        list.retain(|s| s.name != SAFETY);
        list.extend(status.map(|s| self.safety(s)));
        read(&mut self.model, list);
        self.on(RestoreEvent::Listed)
    }

    fn step(&self) -> Option<&RestoreStep> {
        self.flow.as_ref().map(RestoreFlow::step)
    }

    fn error(&self) -> Option<String> {
        self.flow.as_ref()?.error().map(|m| m.en())
    }

    /// Through the safety snapshot's create, to the wait.
    fn waiting(&mut self) {
        self.confirm(true);
        let answer = Answer::Created(self.target.server.id, created(&self.safety("in_progress")));
        self.answer(answer);
        assert!(matches!(
            self.step(),
            Some(RestoreStep::SafetyWaiting { .. })
        ));
    }
}

#[test]
fn without_a_safety_snapshot_the_confirm_sends_one_restore_of_the_snapshot_confirmed() {
    let mut dialog = Dialog::open();
    assert_eq!(sent(&dialog.confirm(false)), ["restore old"]);
    assert_eq!(dialog.step(), Some(&RestoreStep::Restoring));
}

#[test]
fn a_double_click_sends_one_write() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    assert!(dialog.confirm(false).is_empty());
    let mut dialog = Dialog::open();
    dialog.confirm(true);
    assert!(
        dialog.confirm(true).is_empty(),
        "nothing while the create is on its way"
    );
}

#[test]
fn with_a_free_slot_the_safety_snapshot_is_created_first_and_no_restore_is_sent() {
    let mut dialog = Dialog::open();
    let commands = dialog.confirm(true);
    assert_eq!(sent(&commands), [format!("create {SAFETY} on 10")]);
    let Command::Send {
        write: crate::model::flow::Write::Create(request),
        ..
    } = &commands[0]
    else {
        panic!("{commands:?}")
    };
    assert_eq!(
        request.body.description.as_ref().map(|d| d.as_str()),
        Some("Taken before restoring s10 from old")
    );
}

#[test]
fn the_safety_snapshot_goes_into_the_list_and_the_restore_waits() {
    let mut dialog = Dialog::open();
    dialog.confirm(true);
    let answer = Answer::Created(
        dialog.target.server.id,
        created(&dialog.safety("in_progress")),
    );
    let commands = dialog.answer(answer);
    assert_eq!(
        changes(&commands),
        [Change::Insert(dialog.safety("in_progress"))]
    );
    assert!(sent(&commands).is_empty());
    assert_eq!(
        dialog
            .flow
            .as_ref()
            .unwrap()
            .safety()
            .map(|(n, _)| n.to_string()),
        Some(SAFETY.to_owned())
    );
}

#[test]
fn a_list_showing_the_safety_snapshot_in_progress_sends_nothing() {
    let mut dialog = Dialog::open();
    dialog.waiting();
    assert!(dialog.listed(Some("in_progress")).is_empty());
    assert!(matches!(
        dialog.step(),
        Some(RestoreStep::SafetyWaiting { .. })
    ));
}

#[test]
fn a_list_showing_it_completed_sends_the_restore_once() {
    let mut dialog = Dialog::open();
    dialog.waiting();
    assert_eq!(sent(&dialog.listed(Some("completed"))), ["restore old"]);
    assert!(
        dialog.listed(Some("completed")).is_empty(),
        "never a second restore"
    );
}

#[test]
fn a_list_that_shows_it_completed_before_the_creates_answer_restores_at_the_answer() {
    let mut dialog = Dialog::open();
    dialog.confirm(true);
    // A poll that was already on its way lists the new snapshot, completed.
    assert!(
        dialog.listed(Some("completed")).is_empty(),
        "no ID to wait on yet"
    );
    let answer = Answer::Created(
        dialog.target.server.id,
        created(&dialog.safety("in_progress")),
    );
    assert_eq!(sent(&dialog.answer(answer)), ["restore old"]);
}

#[test]
fn a_safety_snapshot_that_fails_restores_nothing_and_says_why() {
    let mut dialog = Dialog::open();
    dialog.waiting();
    assert!(dialog.listed(Some("failed")).is_empty());
    assert_eq!(dialog.step(), Some(&RestoreStep::Confirming));
    assert_eq!(
        dialog.error().as_deref(),
        Some("The safety snapshot pre-restore-old-20250115-1830 failed, so nothing was restored.")
    );
}

#[test]
fn a_safety_snapshot_deleted_underneath_restores_nothing() {
    let mut dialog = Dialog::open();
    dialog.waiting();
    assert!(dialog.listed(None).is_empty());
    assert!(dialog
        .error()
        .unwrap()
        .ends_with("is no longer listed, so nothing was restored."));
}

#[test]
fn a_refused_safety_snapshot_restores_nothing_and_reads_the_list_again() {
    let mut dialog = Dialog::open();
    dialog.confirm(true);
    let full = ApiError::LimitReached {
        detail: "Maximum 5 snapshots per server.".to_owned(),
    };
    let commands = dialog.answer(Answer::Created(dialog.target.server.id, Err(full)));
    assert!(sent(&commands).is_empty());
    assert_eq!(changes(&commands), [Change::Refresh]);
    assert_eq!(dialog.step(), Some(&RestoreStep::Confirming));
    assert_eq!(
        dialog.error().as_deref(),
        Some("The safety snapshot could not be created, so nothing was restored. Maximum 5 snapshots per server.")
    );
}

#[test]
fn after_a_failed_safety_snapshot_a_new_confirm_is_a_new_attempt() {
    let mut dialog = Dialog::open();
    dialog.waiting();
    dialog.listed(Some("failed"));
    assert_eq!(
        sent(&dialog.confirm(true)),
        [format!("create {SAFETY} on 10")]
    );
    assert_eq!(
        dialog.error(),
        None,
        "the old reason goes with the new attempt"
    );
}

#[test]
fn at_the_limit_the_restore_goes_without_a_safety_snapshot_when_none_was_offered() {
    let list = (1..=5)
        .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
        .collect();
    let mut dialog = Dialog::with(list);
    assert_eq!(sent(&dialog.confirm(false)), ["restore n1"]);
}

#[test]
fn a_server_filled_since_the_dialog_opened_restores_nothing_without_the_safety_snapshot() {
    let mut dialog = Dialog::open();
    // The box was offered and ticked; then a list read shows another client filled the server.
    let mut list = dialog.model.list().snapshots().to_vec();
    list.extend((3..=5).map(|i| snapshot(i, 10, &format!("other-{i}"), "completed")));
    read(&mut dialog.model, list);
    assert!(
        dialog.confirm(true).is_empty(),
        "no create, and no restore without it"
    );
    assert_eq!(dialog.step(), Some(&RestoreStep::Confirming));
    assert_eq!(
        dialog.error().as_deref(),
        Some("The safety snapshot could not be created, so nothing was restored. No room for a safety snapshot: s10 has 5 of 5 snapshots. To make room, delete one first, such as new.")
    );
}

#[test]
fn a_server_being_restored_is_refused_at_the_confirm() {
    let mut dialog = Dialog::open();
    dialog.model.restore_started(dialog.target.server.id, NOW);
    assert!(dialog.confirm(false).is_empty());
    assert_eq!(
        dialog.error().as_deref(),
        Some("s10 is already being restored; wait for that restore to finish.")
    );
}

#[test]
fn an_accepted_restore_closes_the_dialog_and_marks_the_server() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    let commands = dialog.answer(Answer::Restored(
        dialog.target.clone(),
        accepted(&dialog.target),
    ));
    assert!(dialog.flow.is_none());
    assert_eq!(
        changes(&commands),
        [Change::Restoring(dialog.target.server.id)]
    );
    assert_eq!(
        told(&commands),
        ["s10 is restoring. This may take 5-15 minutes."]
    );
}

#[test]
fn a_restore_of_a_snapshot_deleted_underneath_cannot_be_confirmed_again() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    let gone = Err(ApiError::NotFound { detail: None });
    let commands = dialog.answer(Answer::Restored(dialog.target.clone(), gone));
    assert_eq!(changes(&commands), [Change::Remove(dialog.target.id)]);
    assert_eq!(dialog.step(), Some(&RestoreStep::Gone));
    assert!(!dialog.flow.as_ref().unwrap().confirmable());
    assert!(dialog.confirm(false).is_empty());
}

#[test]
fn a_list_without_the_snapshot_makes_the_dialog_say_it_is_gone() {
    let mut dialog = Dialog::open();
    let others = vec![dialog.model.list().snapshots()[1].clone()];
    read(&mut dialog.model, others);
    dialog.on(RestoreEvent::Listed);
    assert_eq!(dialog.step(), Some(&RestoreStep::Gone));
    assert!(dialog.error().is_some());
    assert!(dialog.confirm(false).is_empty());
}

#[test]
fn a_refused_restore_can_be_tried_again() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    let busy = Err(ApiError::InvalidState {
        detail: "s10 is already being restored.".to_owned(),
    });
    dialog.answer(Answer::Restored(dialog.target.clone(), busy));
    assert_eq!(dialog.step(), Some(&RestoreStep::Confirming));
    assert!(dialog
        .error()
        .unwrap()
        .ends_with("s10 is already being restored."));
}

#[test]
fn a_restore_without_an_answer_is_never_resent_and_says_it_may_have_happened() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    let commands = dialog.answer(Answer::Restored(dialog.target.clone(), Err(timeout())));
    assert!(sent(&commands).is_empty());
    assert!(
        changes(&commands).is_empty(),
        "the list says nothing of restores"
    );
    assert!(dialog
        .error()
        .unwrap()
        .ends_with("do not start it again until the server is back."));
}

#[test]
fn cancel_before_anything_is_sent_sends_and_says_nothing() {
    let mut dialog = Dialog::open();
    assert!(dialog.on(RestoreEvent::Cancel).is_empty());
    assert!(dialog.flow.is_none());
}

#[test]
fn cancel_while_the_safety_snapshot_is_created_keeps_it_and_restores_nothing() {
    let mut dialog = Dialog::open();
    dialog.confirm(true);
    let commands = dialog.on(RestoreEvent::Cancel);
    assert_eq!(
        told(&commands),
        [format!(
            "Nothing was restored. The safety snapshot {SAFETY} stays in the list."
        )]
    );
    // The create's late answer: the snapshot goes into the list, and nothing is restored.
    let answer = Answer::Created(
        dialog.target.server.id,
        created(&dialog.safety("in_progress")),
    );
    let late = dialog.answer(answer);
    assert_eq!(
        changes(&late),
        [Change::Insert(dialog.safety("in_progress"))]
    );
    assert!(sent(&late).is_empty());
    assert!(dialog.listed(Some("completed")).is_empty());
}

#[test]
fn cancel_during_the_wait_restores_nothing_when_the_snapshot_completes() {
    let mut dialog = Dialog::open();
    dialog.waiting();
    let commands = dialog.on(RestoreEvent::Cancel);
    assert!(told(&commands)[0].starts_with("Nothing was restored."));
    assert!(dialog.listed(Some("completed")).is_empty());
}

#[test]
fn cancel_after_the_restore_was_sent_says_so_and_the_late_answer_is_told() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    let commands = dialog.on(RestoreEvent::Cancel);
    assert!(dialog.flow.is_none());
    assert_eq!(
        told(&commands),
        ["The restore of s10 from old was already sent and cannot be called back. A notice will say how it ends."]
    );
    let late = dialog.answer(Answer::Restored(
        dialog.target.clone(),
        accepted(&dialog.target),
    ));
    assert_eq!(changes(&late), [Change::Restoring(dialog.target.server.id)]);
    assert_eq!(
        told(&late),
        ["s10 is restoring. This may take 5-15 minutes."]
    );
}

#[test]
fn a_late_failure_after_cancel_is_told_as_a_notice() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    dialog.on(RestoreEvent::Cancel);
    let late = dialog.answer(Answer::Restored(dialog.target.clone(), Err(server_error())));
    assert_eq!(
        told(&late),
        ["The API failed while trying to start the restore (error 500). Nothing on screen was changed; try again shortly. The restore may have started all the same; do not start it again until the server is back."]
    );
}

#[test]
fn a_late_answer_never_lands_in_a_dialog_opened_since() {
    let mut dialog = Dialog::open();
    dialog.confirm(true);
    dialog.on(RestoreEvent::Cancel);
    // Another snapshot's dialog opens; the first create's answer arrives.
    let other = dialog.model.list().snapshots()[1].clone();
    dialog.flow = Some(RestoreFlow::open(2, other));
    let answer = Answer::Created(
        dialog.target.server.id,
        created(&dialog.safety("completed")),
    );
    let late = dialog.answer(answer);
    assert!(sent(&late).is_empty());
    assert_eq!(dialog.step(), Some(&RestoreStep::Confirming));
    assert!(dialog.listed(Some("completed")).is_empty());
}

#[test]
fn a_sign_out_at_each_step_ends_the_flow_silently() {
    let steps: [fn(&mut Dialog); 4] = [
        |_| {},
        |d| {
            d.confirm(true);
        },
        Dialog::waiting,
        |d| {
            d.confirm(false);
        },
    ];
    for step in steps {
        let mut dialog = Dialog::open();
        step(&mut dialog);
        assert!(dialog.on(RestoreEvent::SignedOut).is_empty());
        assert!(dialog.flow.is_none());
        assert!(dialog.listed(Some("completed")).is_empty());
        // The aborted request's answer: nothing to tell, nothing to read again.
        let cancelled = Answer::Restored(dialog.target.clone(), Err(ApiError::Cancelled));
        assert!(dialog.answer(cancelled).is_empty());
        let cancelled = Answer::Created(dialog.target.server.id, Err(ApiError::Cancelled));
        assert!(dialog.answer(cancelled).is_empty());
    }
}

#[test]
fn a_cancelled_answer_to_an_open_dialog_closes_it_silently() {
    let mut dialog = Dialog::open();
    dialog.confirm(false);
    let cancelled = Answer::Restored(dialog.target.clone(), Err(ApiError::Cancelled));
    assert!(dialog.answer(cancelled).is_empty());
    assert!(dialog.flow.is_none());
}
