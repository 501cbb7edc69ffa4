//! The token: in memory and in one `sessionStorage` key, nowhere else (not `localStorage`, a
//! cookie, a URL, history state or a log line). Sign-out and any 401 remove it.

use leptos::prelude::*;
use snapshot_api::BearerToken;

/// The one storage key the console writes.
pub const TOKEN_KEY: &str = "snapshot-console.token";

/// Why the sign-in form is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInReason {
    /// No token yet.
    Start,
    /// The user signed out.
    SignedOut,
    /// The API refused a token just entered (401 on its first call).
    Refused,
    /// The API refused a token that had worked: expired or revoked.
    Expired,
}

/// The signed-in state, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<BearerToken>>,
    /// Aborted when the token is forgotten: every request made with it is cancelled, and no
    /// page or retry follows.
    cancel: StoredValue<web_sys::AbortController, LocalStorage>,
    /// Why the user must sign in, when they must.
    pub reason: RwSignal<SignInReason>,
    /// Whether the current token has had an answer other than 401 yet.
    pub confirmed: RwSignal<bool>,
}

impl Session {
    /// Restores the token of this tab, if it has one.
    pub fn load() -> Self {
        let token = storage()
            .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
            .and_then(|t| BearerToken::parse(&t).ok());
        Self {
            cancel: StoredValue::new_local(controller()),
            confirmed: RwSignal::new(token.is_some()),
            token: RwSignal::new(token),
            reason: RwSignal::new(SignInReason::Start),
        }
    }

    /// The current token, tracked.
    pub fn token(&self) -> Option<BearerToken> {
        self.token.get()
    }

    /// The current token, untracked (for use inside event handlers and futures).
    pub fn token_untracked(&self) -> Option<BearerToken> {
        self.token.get_untracked()
    }

    /// The signal that fires when the current token is forgotten.
    pub fn cancel_signal(&self) -> web_sys::AbortSignal {
        self.cancel.with_value(web_sys::AbortController::signal)
    }

    /// Whether `token` is still the one held: a call checks this before each request it
    /// sends, so nothing goes out with a token the user has signed out of.
    pub fn is_current(&self, token: &BearerToken) -> bool {
        self.token.with_untracked(|t| t.as_ref() == Some(token))
    }

    /// Notes that the API accepted `token`, if it is still the current one: a late answer to
    /// an old token says nothing about a new one.
    pub fn accepted(&self, token: &BearerToken) {
        if self.is_current(token) && !self.confirmed.get_untracked() {
            self.confirmed.set(true);
        }
    }

    /// Whether a token is held.
    pub fn signed_in(&self) -> bool {
        self.token.with(Option::is_some)
    }

    /// Keeps `token` for this tab.
    pub fn sign_in(&self, token: BearerToken) {
        if let Some(s) = storage() {
            let _ = s.set_item(TOKEN_KEY, token.secret());
        }
        self.confirmed.set(false);
        self.token.set(Some(token));
    }

    /// Forgets the token.
    pub fn sign_out(&self) {
        self.clear(SignInReason::SignedOut);
    }

    /// Called on a 401 for a request made with `used`. Only the first such answer for the
    /// current token acts, so many parallel 401s give one sign-in prompt.
    pub fn refused(&self, used: &BearerToken) {
        if self.is_current(used) {
            let reason = if self.confirmed.get_untracked() {
                SignInReason::Expired
            } else {
                SignInReason::Refused
            };
            self.clear(reason);
        }
    }

    fn clear(&self, reason: SignInReason) {
        if let Some(s) = storage() {
            let _ = s.remove_item(TOKEN_KEY);
        }
        self.cancel.with_value(web_sys::AbortController::abort);
        self.cancel.set_value(controller());
        self.reason.set(reason);
        self.token.set(None);
    }
}

fn controller() -> web_sys::AbortController {
    // Every browser the console supports has AbortController; without it nothing can be sent.
    web_sys::AbortController::new().expect("AbortController")
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
