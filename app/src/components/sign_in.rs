use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use snapshot_api::BearerToken;

use crate::session::{Session, SignInReason};

/// The sign-in form: a token, pasted, kept for this tab only.
#[component]
pub fn SignIn() -> impl IntoView {
    let session = expect_context::<Session>();
    let token = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match BearerToken::parse(&token.get_untracked()) {
            Ok(parsed) => {
                problem.set(None);
                token.set(String::new());
                session.sign_in(parsed);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let notice = move || {
        match session.reason.get() {
        SignInReason::Start => None,
        SignInReason::SignedOut => Some(("sc-banner", "You have signed out. The token was removed from this tab.")),
        SignInReason::Refused => Some((
            "sc-banner sc-banner-error",
            "The API refused that token. Check that it is complete and still valid, then try again.",
        )),
        SignInReason::Expired => Some((
            "sc-banner sc-banner-error",
            "Your session has ended: the API no longer accepts the token. Sign in again to carry on where you were.",
        )),
    }
    };
    view! {
        <main class="sc-signin">
            <h1 class="sc-title" tabindex="-1" data-focus-fallback>"Snapshot Console"</h1>
            <p class="sc-lede">"Sign in with an API token to list, create, restore and delete server snapshots."</p>
            {move || notice().map(|(class, text)| view! { <p class=class role="alert">{text}</p> })}
            <form class="sc-signin-form" on:submit=submit novalidate>
                <label for="sc-token">"API token"</label>
                <input
                    id="sc-token"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    autofocus
                    aria-describedby="sc-token-help sc-token-error"
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    bind:value=token
                />
                <p id="sc-token-error" class="sc-field-error">{move || problem.get()}</p>
                <button type="submit" class="sc-button sc-primary">"Sign in"</button>
                <p id="sc-token-help" class="sc-hint">
                    "The token stays in this browser tab only (session storage) and is removed when you sign out or close the tab."
                </p>
            </form>
        </main>
    }
}
