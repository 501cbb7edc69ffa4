use snapshot_api::{ApiError, ServerId, Snapshot, SnapshotId};

use super::{changes, sent, server_error, timeout, told};
use crate::model::deletes::DeleteEvent;
use crate::model::fixtures::{loaded, snapshot, NOW};
use crate::model::flow::{Answer, Command};
use crate::model::outcome::Change;
use crate::model::undo_window::{WindowEvent, UNDO_WINDOW_MS};
use crate::model::Model;

/// A console listing five snapshots of server 10 ("n1" to "n5").
fn console() -> Model {
    loaded(
        (1..=5)
            .map(|i| snapshot(i, 10, &format!("n{i}"), "completed"))
            .collect(),
    )
}

fn pick(model: &Model, names: &[&str]) -> Vec<Snapshot> {
    let list = model.list().snapshots();
    names
        .iter()
        .map(|n| list.iter().find(|s| s.name == *n).unwrap().clone())
        .collect()
}

fn confirm(model: &mut Model, names: &[&str]) -> Vec<Command> {
    let chosen = pick(model, names);
    model.delete_event(NOW, DeleteEvent::Window(WindowEvent::Confirm(chosen)))
}

/// The window ends: what is due goes to the batch.
fn window_ends(model: &mut Model) -> Vec<Command> {
    model.delete_event(NOW + UNDO_WINDOW_MS, DeleteEvent::Window(WindowEvent::Tick))
}

fn answer(model: &mut Model, name: &str, result: Result<(), ApiError>) -> Vec<Command> {
    let snapshot = pick(model, &[name]).remove(0);
    model.delete_event(
        NOW,
        DeleteEvent::Answered(Answer::Deleted(snapshot, result)),
    )
}

fn id(n: u64) -> SnapshotId {
    SnapshotId::new(n).unwrap()
}

#[test]
fn a_single_delete_is_sent_when_its_window_ends_and_told_when_done() {
    let mut model = console();
    assert!(
        confirm(&mut model, &["n1"]).is_empty(),
        "nothing before the window ends"
    );
    assert_eq!(sent(&window_ends(&mut model)), ["delete n1"]);
    let commands = answer(&mut model, "n1", Ok(()));
    assert_eq!(changes(&commands), [Change::Remove(id(1))]);
    assert_eq!(told(&commands), ["Deleted snapshot n1."]);
    assert_eq!(
        model.deletes().batch().progress(),
        None,
        "one delete shows no progress"
    );
}

#[test]
fn a_failed_single_delete_is_a_notice_not_a_row_error() {
    let mut model = console();
    confirm(&mut model, &["n1"]);
    window_ends(&mut model);
    let commands = answer(&mut model, "n1", Err(server_error()));
    assert_eq!(told(&commands).len(), 1);
    assert!(told(&commands)[0].starts_with("The API failed while trying to delete"));
    assert_eq!(model.deletes().batch().failure(id(1)), None);
}

#[test]
fn a_delete_already_gone_counts_as_deleted() {
    let mut model = console();
    confirm(&mut model, &["n1"]);
    window_ends(&mut model);
    let commands = answer(&mut model, "n1", Err(ApiError::NotFound { detail: None }));
    assert_eq!(changes(&commands), [Change::Remove(id(1))]);
    assert_eq!(told(&commands), ["Snapshot n1 was already deleted."]);
}

#[test]
fn a_delete_without_an_answer_reads_the_list_again_and_is_not_resent() {
    let mut model = console();
    confirm(&mut model, &["n1"]);
    window_ends(&mut model);
    let commands = answer(&mut model, "n1", Err(timeout()));
    assert_eq!(changes(&commands), [Change::Refresh]);
    assert!(sent(&commands).is_empty());
}

#[test]
fn a_batch_goes_one_at_a_time_with_its_progress() {
    let mut model = console();
    confirm(&mut model, &["n1", "n2", "n3"]);
    assert_eq!(sent(&window_ends(&mut model)), ["delete n1"]);
    assert_eq!(model.deletes().batch().progress(), Some((1, 3)));
    assert_eq!(sent(&answer(&mut model, "n1", Ok(()))), ["delete n2"]);
    assert_eq!(model.deletes().batch().progress(), Some((2, 3)));
    assert_eq!(sent(&answer(&mut model, "n2", Ok(()))), ["delete n3"]);
    let last = answer(&mut model, "n3", Ok(()));
    assert!(sent(&last).is_empty());
    assert_eq!(
        told(&last),
        ["Deleted 3 snapshots."],
        "one notice for the batch"
    );
    assert_eq!(model.deletes().batch().progress(), None);
}

#[test]
fn a_failure_in_a_batch_is_told_on_its_row_and_the_others_still_go() {
    let mut model = console();
    confirm(&mut model, &["n1", "n2", "n3"]);
    window_ends(&mut model);
    let failed = answer(&mut model, "n1", Err(server_error()));
    assert_eq!(sent(&failed), ["delete n2"]);
    assert!(told(&failed).is_empty(), "not a notice per snapshot");
    assert!(model.deletes().batch().failure(id(1)).is_some());
    answer(&mut model, "n2", Ok(()));
    let last = answer(&mut model, "n3", Ok(()));
    assert_eq!(
        told(&last),
        [
            "Deleted 2 snapshots.",
            "1 snapshot could not be deleted; the reason is on its row."
        ]
    );
    assert!(
        !sent(&last).contains(&"delete n1".to_owned()),
        "nothing is retried"
    );
}

#[test]
fn confirming_a_failed_row_again_forgets_its_old_failure_and_unticks_it() {
    let mut model = console();
    confirm(&mut model, &["n1", "n2"]);
    window_ends(&mut model);
    answer(&mut model, "n1", Err(server_error()));
    answer(&mut model, "n2", Ok(()));
    model.selection.toggle(id(1));
    confirm(&mut model, &["n1"]);
    assert_eq!(model.deletes().batch().failure(id(1)), None);
    assert!(!model.selection.contains(id(1)));
}

#[test]
fn a_row_that_leaves_the_list_takes_its_failure_with_it() {
    let mut model = console();
    confirm(&mut model, &["n1", "n2"]);
    window_ends(&mut model);
    answer(&mut model, "n1", Err(server_error()));
    model.remove(id(1), NOW);
    assert_eq!(model.deletes().batch().failure(id(1)), None);
}

#[test]
fn deletes_due_while_a_batch_is_sent_wait_their_turn() {
    let mut model = console();
    confirm(&mut model, &["n1", "n2"]);
    window_ends(&mut model);
    let later = pick(&model, &["n4"]);
    model.delete_event(NOW + 1.0, DeleteEvent::Window(WindowEvent::Confirm(later)));
    let due = model.delete_event(
        NOW + 2.0 * UNDO_WINDOW_MS,
        DeleteEvent::Window(WindowEvent::Tick),
    );
    assert!(sent(&due).is_empty(), "one on its way at a time");
    assert_eq!(sent(&answer(&mut model, "n1", Ok(()))), ["delete n2"]);
    assert_eq!(sent(&answer(&mut model, "n2", Ok(()))), ["delete n4"]);
    assert_eq!(model.deletes().batch().progress(), Some((3, 3)));
}

#[test]
fn a_sign_out_while_a_batch_is_sent_stops_it_silently() {
    let mut model = console();
    confirm(&mut model, &["n1", "n2", "n3"]);
    window_ends(&mut model);
    let out = model.delete_event(NOW, DeleteEvent::Window(WindowEvent::SignedOut));
    assert!(out.is_empty());
    // The aborted request's answer: nothing told, nothing read again, nothing more sent.
    assert!(answer(&mut model, "n1", Err(ApiError::Cancelled)).is_empty());
    assert_eq!(model.deletes().batch().progress(), None);
    assert!(!model.deletes().contains(id(2)));
}

#[test]
fn waiting_and_sending_deletes_are_never_offered_to_make_room() {
    let mut model = console();
    let server = ServerId::new(10).unwrap();
    assert_eq!(
        model.room_for(server, NOW, None).map(|s| s.name.as_str()),
        Some("n1")
    );
    confirm(&mut model, &["n1"]);
    // n1 waits in its window: deleting it will not make room for a second create.
    assert_eq!(
        model.room_for(server, NOW, None).map(|s| s.name.as_str()),
        Some("n2")
    );
    window_ends(&mut model);
    assert!(model.deletes().contains(id(1)), "on its way");
    assert_eq!(
        model.room_for(server, NOW, None).map(|s| s.name.as_str()),
        Some("n2")
    );
}
