//! The token: in memory and in one `sessionStorage` key, nowhere else (not `localStorage`, a
//! cookie, a URL, history state or a log line). Sign-out and any 401 remove it.

use leptos::prelude::*;
use snapshot_api::BearerToken;

use crate::host::Host;
use crate::model::host_event::HostEvent;

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
    /// The element the console is mounted on, which hears of sign-outs and may hand over
    /// tokens.
    pub host: Host,
}

impl Session {
    /// Restores the token of this tab, if it has one.
    ///
    /// `given` is a token the host handed over before the console mounted; it is kept as a
    /// signed-in one is.
    pub fn load(host: Host, given: Option<BearerToken>) -> Self {
        if let Some(token) = &given {
            keep(token);
        }
        let token = given.or_else(|| {
            storage()
                .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
                .and_then(|t| BearerToken::parse(&t).ok())
        });
        Self {
            cancel: StoredValue::new_local(controller()),
            confirmed: RwSignal::new(token.is_some()),
            token: RwSignal::new(token),
            reason: RwSignal::new(SignInReason::Start),
            host,
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

    /// Whether a token is held, untracked.
    pub fn signed_in_untracked(&self) -> bool {
        self.token.with_untracked(Option::is_some)
    }

    /// Whether this tab holds a token already, before any session is made.
    pub fn stored() -> bool {
        storage().is_some_and(|s| s.get_item(TOKEN_KEY).ok().flatten().is_some())
    }

    /// Asks the host for a fresh token after the API refused `used`: once per refusal, and
    /// only while `used` is still the one held. The fresh token is kept, as a signed-in one is;
    /// `None` when the host gave none, or the same one again.
    pub async fn renew(&self, used: &BearerToken) -> Option<BearerToken> {
        // A host with no `getToken` gives `None` at once.
        if !self.is_current(used) {
            return None;
        }
        let fresh = self.host.token().await.filter(|t| t != used)?;
        // The user may have signed out while the host answered.
        if !self.is_current(used) {
            return None;
        }
        // Nothing on screen changes, so nothing tracks the swap: the read that asked tries
        // again by itself.
        keep(&fresh);
        self.token.update_untracked(|t| *t = Some(fresh.clone()));
        Some(fresh)
    }

    /// Keeps `token` for this tab.
    pub fn sign_in(&self, token: BearerToken) {
        keep(&token);
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
        self.host.emit(&match reason {
            SignInReason::SignedOut => HostEvent::SignedOut,
            _ => HostEvent::AuthRequired,
        });
    }
}

fn controller() -> web_sys::AbortController {
    // Every browser the console supports has AbortController; without it nothing can be sent.
    web_sys::AbortController::new().expect("AbortController")
}

/// Keeps `token` in this tab's one key.
fn keep(token: &BearerToken) {
    if let Some(s) = storage() {
        let _ = s.set_item(TOKEN_KEY, token.secret());
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
