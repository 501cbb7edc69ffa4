//! One write at a time from a dialog. The check happens synchronously in the click handler,
//! before any await, so a double click (or a click while the first request is on its way)
//! sends exactly one request.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Whether a write is under way, and what went wrong with the last one.
#[derive(Clone, Copy)]
pub struct Submission {
    pub pending: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
}

impl Submission {
    pub fn new() -> Self {
        Self {
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Runs `work` unless a write is already under way; the message it returns, if any, is
    /// shown as the error.
    pub fn run(&self, work: impl Future<Output = Option<String>> + 'static) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.error.set(None);
        let this = *self;
        spawn_local(async move {
            let error = work.await;
            this.pending.set(false);
            this.error.set(error);
        });
    }

    /// Forgets the last error (when a dialog opens again).
    pub fn reset(&self) {
        self.error.set(None);
    }
}

impl Default for Submission {
    fn default() -> Self {
        Self::new()
    }
}
