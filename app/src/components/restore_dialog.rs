use leptos::prelude::*;
use snapshot_api::SnapshotName;

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Shared};
use crate::format;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::model::flow::Write;
use crate::model::restore_flow::{RestoreEvent, RestoreFlow, RestoreStep};
use crate::model::safety::Offer;

/// Restoring overwrites a server: the dialog says exactly what is lost, offers to snapshot the
/// server's current state first, and asks for the server's name before the button works.
/// What is sent, and when, is the [`RestoreFlow`]'s decision; this renders it.
#[component]
pub fn RestoreDialog() -> impl IntoView {
    let Shared {
        dialogs,
        store,
        clock: Clock(now),
        ..
    } = expect_context::<Shared>();
    let flow = dialogs.flows;
    let typed = RwSignal::new(String::new());
    let safety_on = RwSignal::new(true);
    let language = expect_context::<Language>();
    // Each opening of the dialog: a fresh form and body, built again only then, not at every
    // step of the flow.
    let opened = Memo::new(move |_| flow.with(|f| f.restore.as_ref().map(RestoreFlow::id)));
    Effect::new(move |_| {
        if opened.with(Option::is_some) {
            typed.set(String::new());
            safety_on.set(true);
        }
    });
    let step_is = move |test: fn(&RestoreStep) -> bool| {
        flow.with(|f| f.restore.as_ref().is_some_and(|f| test(f.step())))
    };
    let safety = move || {
        flow.with(|f| {
            f.restore
                .as_ref()
                .and_then(RestoreFlow::safety)
                .map(|(name, since)| (name.to_string(), since))
        })
    };
    let is_waiting = Signal::derive(move || safety().is_some());
    let restoring = Signal::derive(move || step_is(|s| matches!(s, RestoreStep::Restoring)));
    let confirmable =
        move || flow.with(|f| f.restore.as_ref().is_some_and(RestoreFlow::confirmable));
    let error =
        Signal::derive(move || flow.with(|f| f.restore.as_ref().and_then(|f| f.error().cloned())));
    let cancel = Callback::new(move |()| store.restore(RestoreEvent::Cancel));
    // Said once to screen readers as the wait begins (the elapsed time is not announced): the
    // text is the same while the wait lasts, and an unchanged text is not written again.
    let started = move || {
        safety().map(|(name, _)| language.fill(Key::RestoreSafetyStarted, &[("snapshot", &name)]))
    };

    let body = move || {
        opened.get()?;
        let target = flow.with_untracked(|f| f.restore.as_ref().map(|f| f.target().clone()));
        target.map(|snapshot| {
            // The write Restore sends.
            let write = Write::Restore(snapshot.clone());
            let copy = Callback::new(move |()| store.request(&write));
            let server = snapshot.server.name.clone();
            let taken_ms = format::millis(snapshot.created_at);
            let at = snapshot.created_at;
            let newer = store.model.with_untracked(|m| m.newer_than(&snapshot));
            let server_for_check = server.clone();
            let matches = move || typed.get().trim() == server_for_check;
            let (name, lost_server, label_server) = (snapshot.name.to_string(), server.clone(), server.clone());
            let description_args = (server.clone(), name.clone());
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
            // Offered as the dialog opens; if the server fills meanwhile, the flow finds it
            // full at the confirm and restores without one only if the box was never offered.
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
                safety().map(|(name, since)| {
                    let seconds = ((now.get() - since) / 1000.0).max(0.0) as u64;
                    let text = Message::with(
                        Key::RestoreSafetyWaiting,
                        [("snapshot", name.into()), ("minutes", (seconds / 60).into()), ("seconds", (seconds % 60).into())],
                    );
                    view! { <p class="sc-advice">{language.render(&text)}</p> }
                })
            };
            let confirm = move |()| {
                let (server, snapshot) = &description_args;
                let description = language.fill(
                    Key::RestoreSafetyDescription,
                    &[("server", server), ("snapshot", snapshot)],
                );
                store.restore(RestoreEvent::Confirm {
                    safety: free && safety_on.get_untracked(),
                    stamp: format::stamp(),
                    description,
                });
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
                            disabled=move || !free || !confirmable()
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
                    error
                    pending=restoring
                    label=Key::ActionRestore
                    label_when=(is_waiting, Key::RestoreSafetyPending)
                    pending_label=Key::RestorePending
                    blocked=Signal::derive(move || !matches() || !confirmable())
                    on_cancel=cancel
                    on_confirm=Callback::new(confirm)
                    copy
                />
            }
        })
    };

    view! {
        <Modal
            open=Signal::derive(move || flow.with(|f| f.restore.is_some()))
            on_close=cancel
            title=Key::RestoreTitle
            id="restore"
        >
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
