use leptos::prelude::*;
use snapshot_api::endpoints::{SnapshotCreate, SnapshotRestore};
use snapshot_api::{Description, Snapshot, SnapshotName};

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Shared};
use crate::format;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::model::outcome::{self, FieldErrors};
use crate::model::safety::{Offer, Wait, Waiting};
use crate::model::Tone;
use crate::submission::Submission;

/// Restoring overwrites a server: the dialog says exactly what is lost, offers to snapshot the
/// server's current state first, and asks for the server's name before the button works.
#[component]
pub fn RestoreDialog() -> impl IntoView {
    let Shared {
        dialogs,
        store,
        client,
        toasts,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    let typed = RwSignal::new(String::new());
    let safety_on = RwSignal::new(true);
    // The restore waiting on its safety snapshot; that snapshot's status is the list's, read
    // by the store's polling.
    let waiting = RwSignal::new(None::<Waiting>);
    let submission = Submission::new();
    let language = expect_context::<Language>();
    Effect::new(move |_| {
        if dialogs.restore.with(Option::is_some) {
            typed.set(String::new());
            safety_on.set(true);
            waiting.set(None);
            submission.reset();
        }
    });

    let restore_client = client.clone();
    let restore = Callback::new(move |snapshot: Snapshot| {
        let client = restore_client.clone();
        let work = async move {
            let result = client
                .call(&SnapshotRestore {
                    snapshot_id: snapshot.id,
                })
                .await;
            outcome::snapshot_restore(result, &snapshot)
        };
        submission.run(store, work, move || dialogs.restore.set(None));
    });

    // The safety snapshot first, under a fresh stamp; once the API has it, the dialog waits
    // on it (the store settles the answer, inserting it, before any effect runs).
    let confirm = Callback::new(move |(snapshot, offered): (Snapshot, bool)| {
        if waiting.with_untracked(Option::is_some) {
            return;
        }
        if !(offered && safety_on.get_untracked()) {
            return restore.run(snapshot);
        }
        let server = snapshot.server.id;
        let name = SnapshotName::before_restore(&snapshot.name, &format::stamp());
        let description = language.fill(
            Key::RestoreSafetyDescription,
            &[
                ("server", &snapshot.server.name),
                ("snapshot", &snapshot.name),
            ],
        );
        let request =
            SnapshotCreate::new(server, name.clone(), Description::parse(&description).ok());
        let wait = Waiting {
            target: snapshot,
            name,
            id: None,
            since: format::now(),
        };
        waiting.set(Some(wait.clone()));
        let client = client.clone();
        let work = async move {
            let (outcome, created) = outcome::safety_create(client.call(&request).await, server);
            waiting.update(|current| Waiting::created(current, &wait, created));
            outcome
        };
        submission.run(store, work, || {});
    });

    // Each list read may settle the wait. The restore goes at most once, for the snapshot
    // confirmed: the wait ends before it is sent.
    Effect::new(move |_| {
        let Some(wait) = waiting.get() else {
            return;
        };
        let Some(id) = wait.id else {
            return;
        };
        match store.model.with(|m| m.safety_wait(id, &wait.name)) {
            Wait::Pending => {}
            Wait::Restore => {
                waiting.set(None);
                restore.run(wait.target);
            }
            Wait::Stop(why) => {
                waiting.set(None);
                submission.errors.set(FieldErrors {
                    form: Some(why),
                    ..FieldErrors::default()
                });
            }
        }
    });

    // Closing the dialog ends a wait, even while the create is under way: no restore, and
    // the user hears that the snapshot stays.
    let cancel = Callback::new(move |()| {
        if let Some(wait) = waiting.get_untracked() {
            waiting.set(None);
            let text = Message::with(
                Key::RestoreSafetyCancelled,
                [("snapshot", wait.name.as_str().into())],
            );
            toasts.push(Tone::Info, text);
        }
        dialogs.restore.set(None);
    });
    // Said once to screen readers as the wait begins (the elapsed time is not announced): the
    // text is the same while the wait lasts, and an unchanged text is not written again.
    let started = move || {
        waiting.with(|w| {
            w.as_ref()
                .map(|w| language.fill(Key::RestoreSafetyStarted, &[("snapshot", w.name.as_str())]))
        })
    };
    let is_waiting = Signal::derive(move || waiting.with(Option::is_some));

    let body = move || {
        dialogs.restore.get().map(|snapshot| {
            let server = snapshot.server.name.clone();
            let taken_ms = format::millis(snapshot.created_at);
            let at = snapshot.created_at;
            let newer = store.model.with_untracked(|m| m.newer_than(&snapshot));
            let server_for_check = server.clone();
            let matches = move || typed.get().trim() == server_for_check;
            let target = snapshot.clone();
            let (name, lost_server, label_server) = (snapshot.name.to_string(), server.clone(), server.clone());
            let lede = move || {
                let taken = format::absolute(language.locale(), at);
                language.bold(
                    Key::RestoreLede,
                    vec![("server", server.clone()), ("snapshot", name.clone()), ("taken", taken)],
                )
            };
            let lost = move || {
                let locale = language.locale();
                language.fill(
                    Key::RestoreLost,
                    &[
                        ("server", &lost_server),
                        ("taken", &format::absolute(locale, at)),
                        ("age", &format::relative(locale, taken_ms, now.get())),
                    ],
                )
            };
            let newer_text = Message::with(Key::RestoreNewer, [("count", newer.into())]);
            // Offered as the dialog opens; if the server fills meanwhile, the API refuses the
            // create and nothing is restored.
            let offer = store.model.with_untracked(|m| m.safety_offer(&snapshot, now.get_untracked()));
            let free = offer == Offer::Free;
            let shown = offer != Offer::No;
            // The name as of now, for the hint; the create takes a fresh stamp.
            let safety_name = SnapshotName::before_restore(&snapshot.name, &format::stamp()).to_string();
            let safety_hint = move || match &offer {
                Offer::Full(why) => language.render(why),
                _ => language.fill(Key::RestoreSafetyHint, &[("snapshot", &safety_name)]),
            };
            let progress = move || {
                waiting.with(|w| w.as_ref().map(|w| (w.name.to_string(), w.since))).map(|(name, since)| {
                    let seconds = ((now.get() - since) / 1000.0).max(0.0) as u64;
                    let text = Message::with(
                        Key::RestoreSafetyWaiting,
                        [("snapshot", name.into()), ("minutes", (seconds / 60).into()), ("seconds", (seconds % 60).into())],
                    );
                    view! { <p class="sc-advice">{language.render(&text)}</p> }
                })
            };
            view! {
                <p>{lede}</p>
                <div class="sc-warning">
                    <p><strong>{lost}</strong></p>
                    <ul>
                        <li>{tr(Key::RestoreOverwritten)}</li>
                        <li>{tr(Key::RestoreStopped)}</li>
                        <li>{tr(Key::RestoreUndo)}</li>
                        {(newer > 0).then(|| view! {
                            <li>{move || language.render(&newer_text)}</li>
                        })}
                    </ul>
                </div>
                <div class="sc-field" hidden=!shown>
                    <label class="sc-check">
                        <input
                            type="checkbox"
                            aria-describedby="sc-safety-hint"
                            disabled=move || !free || is_waiting.get()
                            prop:checked=move || free && safety_on.get()
                            on:change=move |ev| safety_on.set(event_target_checked(&ev))
                        />
                        {tr(Key::RestoreSafety)}
                    </label>
                    <p id="sc-safety-hint" class="sc-hint">{safety_hint}</p>
                </div>
                <div class="sc-field">
                    <label for="sc-restore-confirm">{move || language.fill(Key::RestoreConfirm, &[("server", &label_server)])}</label>
                    <input
                        id="sc-restore-confirm"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=typed
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                // Beside the button that started it, where the eye already is.
                {progress}
                <p role="status" class="sc-visually-hidden">
                    {started}
                </p>
                <DialogActions
                    submission=submission
                    label=Key::ActionRestore
                    label_when=(is_waiting, Key::RestoreSafetyPending)
                    pending_label=Key::RestorePending
                    blocked=Signal::derive(move || !matches() || is_waiting.get())
                    on_cancel=cancel
                    on_confirm=Callback::new(move |()| confirm.run((target.clone(), free)))
                />
            }
        })
    };

    view! {
        <Modal
            open=Signal::derive(move || dialogs.restore.with(Option::is_some))
            on_close=cancel
            title=Key::RestoreTitle
            id="restore"
        >
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
