use leptos::prelude::*;

/// What shows instead of the console when its configuration is set but unusable: the problem,
/// and no sign-in, so no token can be typed into a console that would send it astray.
#[component]
pub fn NotStarted(problem: String) -> impl IntoView {
    view! {
        <div class="snapshot-console">
            <main class="sc-signin">
                <h1 class="sc-title">"Snapshot Console"</h1>
                <p class="sc-banner sc-banner-error" role="alert">{problem}</p>
                <p class="sc-hint">
                    "Whoever set up this page can fix the setting (data-api-base, data-server-id or data-idempotency-keys on the console's element, or the snapshot-console meta tags)."
                </p>
            </main>
        </div>
    }
}
