use leptos::prelude::*;

use crate::toasts::{Toasts, Tone};

/// The notices, in one polite live region so screen readers announce each new one.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    view! {
        <div class="sc-toasts" role="status" aria-live="polite" aria-label="Notifications">
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
                    view! {
                        <div class=class>
                            <p>{t.text}</p>
                            <button type="button" class="sc-toast-close" aria-label="Dismiss notice" on:click=move |_| toasts.dismiss(id)>"×"</button>
                        </div>
                    }
                }
            />
        </div>
    }
}
