use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use snapshot_api::BearerToken;

use super::modal::{focus, focus_fallback};
use super::Shared;
use crate::i18n::Key;
use crate::language::{tr, Language};
use crate::messages;
use crate::model::outcome::FieldErrors;
use crate::session::SignInReason;

/// The sign-in form: a token, pasted, kept for this tab only.
#[component]
pub fn SignIn() -> impl IntoView {
    let language = expect_context::<Language>();
    let Shared { session, .. } = expect_context::<Shared>();
    let t = move |key| language.t(key);
    let token = RwSignal::new(String::new());
    // The token's problem, as a dialog's error is kept (`form` only): one type of error
    // signal in the wasm, not two.
    let errors = RwSignal::new(FieldErrors::default());
    let problem = move || errors.with(|e| e.form.as_ref().map(|m| language.render(m)));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match BearerToken::parse(&token.get_untracked()) {
            Ok(parsed) => {
                errors.set(FieldErrors::default());
                token.set(String::new());
                session.sign_in(parsed);
                // The list's heading, once it is there: where the user's work starts.
                request_animation_frame(focus_fallback);
            }
            Err(e) => errors.set(FieldErrors {
                form: Some(messages::invalid(&e)),
                ..FieldErrors::default()
            }),
        }
    };
    let notice = move || match session.reason.get() {
        SignInReason::Start => None,
        SignInReason::SignedOut => Some(("sc-banner", t(Key::SignInSignedOut))),
        SignInReason::Refused => Some(("sc-banner sc-banner-error", t(Key::SignInRefused))),
        SignInReason::Expired => Some(("sc-banner sc-banner-error", t(Key::SignInExpired))),
    };
    // Back here after a refused or expired token: focus goes to the field, whose description
    // says why, rather than to the page's start.
    // (A component's body is untracked: reading the reason subscribes nothing.)
    if session.reason.get() != SignInReason::Start {
        request_animation_frame(|| focus("#sc-token"));
    }
    view! {
        <div class="sc-signin">
            <h1 id="sc-heading" class="sc-title" tabindex="-1" data-focus-fallback>{tr(Key::AppName)}</h1>
            <p class="sc-lede">{tr(Key::SignInLede)}</p>
            {move || notice().map(|(class, text)| view! { <p id="sc-token-reason" class=class role="alert">{text}</p> })}
            <form class="sc-signin-form" on:submit=submit novalidate>
                <label for="sc-token">{tr(Key::SignInToken)}</label>
                <input
                    id="sc-token"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    autofocus
                    aria-describedby="sc-token-reason sc-token-error sc-token-help"
                    aria-invalid=move || errors.with(|e| e.form.is_some()).to_string()
                    prop:value=token
                    on:input=move |ev| token.set(event_target_value(&ev))
                />
                <p id="sc-token-error" class="sc-field-error">{problem}</p>
                <button type="submit" class="sc-button sc-primary">{tr(Key::SignInButton)}</button>
                <p id="sc-token-help" class="sc-hint">
                    {tr(Key::SignInTokenHelp)}
                </p>
            </form>
        </div>
    }
}
