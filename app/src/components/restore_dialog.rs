use leptos::prelude::*;
use snapshot_api::endpoints::SnapshotRestore;
use snapshot_api::Snapshot;

use super::dialog_actions::DialogActions;
use super::modal::Modal;
use super::{Clock, Dialogs};
use crate::client::Client;
use crate::format;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};
use crate::model::outcome;
use crate::store::Store;
use crate::submission::Submission;

/// Restoring overwrites a server: the dialog says exactly what is lost and asks for the
/// server's name before the button works.
#[component]
pub fn RestoreDialog() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    let store = expect_context::<Store>();
    let client = expect_context::<Client>();
    let Clock(now) = expect_context::<Clock>();
    let typed = RwSignal::new(String::new());
    let submission = Submission::new();
    let language = expect_context::<Language>();
    Effect::new(move |_| {
        if dialogs.restore.with(Option::is_some) {
            typed.set(String::new());
            submission.reset();
        }
    });

    let confirm = Callback::new(move |snapshot: Snapshot| {
        let client = client.clone();
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
                <div class="sc-field">
                    <label for="sc-restore-confirm">{move || language.fill(Key::RestoreConfirm, &[("server", &label_server)])}</label>
                    <input id="sc-restore-confirm" autocomplete="off" spellcheck="false" bind:value=typed/>
                </div>
                <DialogActions
                    submission=submission
                    label=Key::ActionRestore
                    pending_label=Key::RestorePending
                    blocked=Signal::derive(move || !matches())
                    on_cancel=Callback::new(move |()| dialogs.restore.set(None))
                    on_confirm=Callback::new(move |()| confirm.run(target.clone()))
                />
            }
        })
    };

    view! {
        <Modal
            open=Signal::derive(move || dialogs.restore.with(Option::is_some))
            on_close=Callback::new(move |()| dialogs.restore.set(None))
            title=Key::RestoreTitle
            id="restore"
        >
            <div class="sc-form">{body}</div>
        </Modal>
    }
}
