use snapshot_api::Snapshot;

use crate::model::fixtures::{snapshot, NOW};
use crate::model::notice::Notice;
use crate::model::undo_window::{UndoWindow, WindowEvent, UNDO_WINDOW_MS};

fn a() -> Snapshot {
    snapshot(1, 10, "a", "completed")
}

fn b() -> Snapshot {
    snapshot(2, 10, "b", "failed")
}

/// A window with `snapshots` confirmed at NOW.
fn confirmed(snapshots: Vec<Snapshot>) -> UndoWindow {
    let mut window = UndoWindow::default();
    window.update(NOW, WindowEvent::Confirm(snapshots));
    window
}

fn due_at(window: &mut UndoWindow, at: f64) -> Vec<String> {
    let (due, _) = window.update(at, WindowEvent::Tick);
    due.into_iter().map(|s| s.name).collect()
}

fn told(notice: Option<Notice>) -> Option<String> {
    notice.map(|n| n.text.en())
}

#[test]
fn a_confirmed_delete_is_due_only_when_its_window_ends_and_goes_once() {
    let mut window = confirmed(vec![a()]);
    assert!(due_at(&mut window, NOW + UNDO_WINDOW_MS - 1.0).is_empty());
    assert_eq!(due_at(&mut window, NOW + UNDO_WINDOW_MS), ["a"]);
    assert!(due_at(&mut window, NOW + 60_000.0).is_empty());
    assert!(!window.contains(a().id));
}

#[test]
fn confirming_again_does_not_restart_the_window() {
    let mut window = confirmed(vec![a()]);
    window.update(NOW + 3_000.0, WindowEvent::Confirm(vec![a()]));
    assert_eq!(due_at(&mut window, NOW + UNDO_WINDOW_MS), ["a"]);
}

#[test]
fn the_row_counts_down_from_five_to_one() {
    let window = confirmed(vec![a()]);
    assert_eq!(window.seconds_left(a().id, NOW), Some(5));
    assert_eq!(window.seconds_left(a().id, NOW - 900.0), Some(5), "never 6");
    assert_eq!(window.seconds_left(a().id, NOW + 4_100.0), Some(1));
    assert_eq!(window.seconds_left(b().id, NOW), None);
}

#[test]
fn undo_sends_nothing_for_that_snapshot_only() {
    let mut window = confirmed(vec![a(), b()]);
    window.update(NOW + 1_000.0, WindowEvent::Undo(a().id));
    assert_eq!(window.seconds_left(a().id, NOW), None);
    assert_eq!(due_at(&mut window, NOW + UNDO_WINDOW_MS), ["b"]);
}

#[test]
fn undo_all_sends_nothing() {
    let mut window = confirmed(vec![a(), b()]);
    window.update(NOW + 1_000.0, WindowEvent::UndoAll);
    assert!(due_at(&mut window, NOW + UNDO_WINDOW_MS).is_empty());
    assert_eq!(window.summary(NOW), None);
}

#[test]
fn a_batch_waits_as_one_and_shows_how_long_is_left() {
    let window = confirmed(vec![a(), b()]);
    assert_eq!(window.summary(NOW), Some((2, 5)));
    assert_eq!(window.summary(NOW + 4_500.0), Some((2, 1)));
}

#[test]
fn hiding_the_page_sends_nothing_and_says_so_when_the_user_is_back() {
    let mut window = confirmed(vec![a()]);
    let (due, notice) = window.update(NOW + 500.0, WindowEvent::Hidden);
    assert!(
        due.is_empty() && notice.is_none(),
        "nobody would see it yet"
    );
    assert!(due_at(&mut window, NOW + UNDO_WINDOW_MS).is_empty());
    let (_, notice) = window.update(NOW + 600.0, WindowEvent::Shown);
    assert_eq!(
        told(notice).as_deref(),
        Some("1 snapshot was not deleted: its delete was waiting to be sent when the page was hidden, and such deletes are never sent.")
    );
    let (_, again) = window.update(NOW + 700.0, WindowEvent::Shown);
    assert_eq!(again, None, "told once");
}

#[test]
fn a_hidden_batch_is_told_as_one_notice() {
    let mut window = confirmed(vec![a(), b()]);
    window.update(NOW, WindowEvent::Hidden);
    let (_, notice) = window.update(NOW, WindowEvent::Shown);
    assert!(told(notice)
        .unwrap()
        .starts_with("2 snapshots were not deleted"));
}

#[test]
fn showing_the_page_with_nothing_kept_says_nothing() {
    let mut window = UndoWindow::default();
    window.update(NOW, WindowEvent::Hidden);
    assert_eq!(window.update(NOW, WindowEvent::Shown).1, None);
}

#[test]
fn a_sign_out_in_the_window_sends_nothing_and_tells_nobody() {
    let mut window = confirmed(vec![a()]);
    window.update(NOW, WindowEvent::SignedOut);
    assert!(due_at(&mut window, NOW + UNDO_WINDOW_MS).is_empty());
    assert_eq!(window.update(NOW, WindowEvent::Shown).1, None);
}
