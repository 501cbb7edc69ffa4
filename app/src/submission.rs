//! One write at a time from a dialog. The check happens synchronously in the click handler,
//! before any await, so a double click (or a click while the first request is on its way)
//! sends exactly one request.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::outcome::{FieldErrors, Outcome};
use crate::store::Store;

/// Whether a write is under way, and what the dialog shows about the last one.
#[derive(Clone, Copy)]
pub struct Submission {
    pub pending: RwSignal<bool>,
    pub errors: RwSignal<FieldErrors>,
}

impl Submission {
    pub fn new() -> Self {
        Self {
            pending: RwSignal::new(false),
            errors: RwSignal::new(FieldErrors::default()),
        }
    }

    /// Sends one write unless one is under way: `work` gives the meaning of its answer, which
    /// goes to the store; `close` runs if the dialog is done, else the errors show.
    pub fn run(
        &self,
        store: Store,
        work: impl Future<Output = Outcome> + 'static,
        close: impl FnOnce() + 'static,
    ) {
        if self.pending.get_untracked() {
            return;
        }
        // Boxed: one copy of what follows serves all three dialogs, not one per endpoint.
        self.start(store, Box::pin(work), Box::new(close));
    }

    fn start(
        &self,
        store: Store,
        work: Pin<Box<dyn Future<Output = Outcome>>>,
        close: Box<dyn FnOnce()>,
    ) {
        self.pending.set(true);
        self.errors.set(FieldErrors::default());
        let this = *self;
        spawn_local(async move {
            let outcome = work.await;
            store.settle(&outcome);
            this.pending.set(false);
            if outcome.close {
                close();
            }
            this.errors.set(outcome.errors);
        });
    }

    /// Forgets the last errors (when a dialog opens again).
    pub fn reset(&self) {
        self.errors.set(FieldErrors::default());
    }
}

impl Default for Submission {
    fn default() -> Self {
        Self::new()
    }
}
