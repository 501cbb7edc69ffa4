use leptos::prelude::*;

use super::Shared;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::toasts::Tone;

/// The notices, in one polite live region so screen readers announce each new one.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { toasts, .. } = expect_context::<Shared>();
    view! {
        <div class="sc-toasts" role="status" aria-live="polite" aria-label=tr(Key::ToastRegion)>
            <For
                each=move || toasts.items.get()
                key=|t| t.id
                children=move |t| {
                    let class = match t.tone {
                        Tone::Success => "sc-toast sc-toast-success",
                        Tone::Info => "sc-toast",
                        Tone::Error => "sc-toast sc-toast-error",
                    };
                    let id = t.id;
                    let text = t.text;
                    view! {
                        <div class=class>
                            <p>{move || language.render(&text)}</p>
                            <button type="button" class="sc-toast-close" aria-label=tr(Key::ToastDismiss) on:click=move |_| toasts.dismiss(id)>"×"</button>
                        </div>
                    }
                }
            />
        </div>
    }
}
