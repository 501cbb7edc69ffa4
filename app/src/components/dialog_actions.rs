use leptos::prelude::*;

use super::copy_as::CopyAs;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};

/// A dialog's footer: the last error about the request as a whole, Cancel, and the confirm
/// button, which says what it is doing while the request is under way. It submits the form
/// it is in when `submit` is set; otherwise it is a destructive confirm.
#[component]
pub fn DialogActions(
    /// Why the last attempt failed, about the request as a whole.
    #[prop(into, optional)]
    error: Signal<Option<Message>>,
    /// Whether the write is on its way; never, when the confirm only schedules one.
    #[prop(into, optional)]
    pending: Signal<bool>,
    /// The confirm button's label ("Create"), and its label while pending ("Creating…").
    label: Key,
    /// Another label for the confirm while the signal holds ("Delete and create"); it wins
    /// over the pending label.
    #[prop(optional)]
    label_when: Option<(Signal<bool>, Key)>,
    #[prop(optional)] pending_label: Option<Key>,
    /// Whether the confirm button is held back (besides while pending).
    #[prop(into, optional)]
    blocked: Signal<bool>,
    on_cancel: Callback<()>,
    /// Runs on click; a submit button leaves the click to its form.
    #[prop(optional)]
    on_confirm: Option<Callback<()>>,
    #[prop(optional)] submit: bool,
    /// The ids of what explains a held-back confirm.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// The request the confirm would send, for "Copy as…".
    #[prop(optional)]
    copy: Option<Callback<(), Option<http::Request<Vec<u8>>>>>,
) -> impl IntoView {
    let pending = move || pending.get();
    let language = expect_context::<Language>();
    let error = move || error.with(|e| e.as_ref().map(|m| language.render(m)));
    view! {
        {move || error().map(|m| view! { <p class="sc-banner sc-banner-error" role="alert">{m}</p> })}
        <div class="sc-dialog-actions">
            {copy.map(|request| view! { <CopyAs request/> })}
            <button type="button" class="sc-button sc-quiet" on:click=move |_| on_cancel.run(())>{tr(Key::DialogCancel)}</button>
            <button
                type=if submit { "submit" } else { "button" }
                class=if submit { "sc-button sc-primary" } else { "sc-button sc-danger-solid" }
                disabled=move || blocked.get() || pending()
                aria-describedby=described_by
                on:click=move |_| {
                    if let Some(confirm) = on_confirm {
                        confirm.run(());
                    }
                }
            >
                {move || language.t(match (pending_label, label_when) {
                    (_, Some((when, other))) if when.get() => other,
                    (Some(pending_label), _) if pending() => pending_label,
                    _ => label,
                })}
            </button>
        </div>
    }
}
