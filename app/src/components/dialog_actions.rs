use leptos::prelude::*;

use crate::submission::Submission;

/// A confirm dialog's footer: the last error, Cancel, and the (destructive) confirm button,
/// which says what it is doing while the request is under way.
#[component]
pub fn DialogActions(
    submission: Submission,
    /// The confirm button's label ("Delete"), and its label while pending ("Deleting…").
    label: &'static str,
    pending_label: &'static str,
    /// Whether the confirm button is held back (besides while pending).
    #[prop(into, optional)]
    blocked: Signal<bool>,
    on_cancel: Callback<()>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let pending = submission.pending;
    view! {
        {move || submission.error.get().map(|m| view! { <p class="sc-banner sc-banner-error" role="alert">{m}</p> })}
        <div class="sc-dialog-actions">
            <button type="button" class="sc-button sc-quiet" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            <button
                type="button"
                class="sc-button sc-danger-solid"
                disabled=move || blocked.get() || pending.get()
                on:click=move |_| on_confirm.run(())
            >
                {move || if pending.get() { pending_label } else { label }}
            </button>
        </div>
    }
}
