//! Short notices in one polite live region: screen readers announce each as it appears.

use leptos::prelude::*;

use crate::i18n::Message;
pub use crate::model::Tone;

/// One notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub tone: Tone,
    pub text: Message,
}

/// The notices on screen; shared through context.
#[derive(Clone, Copy)]
pub struct Toasts {
    pub items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(8);

    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    /// Shows `text` for a few seconds.
    pub fn push(&self, tone: Tone, text: Message) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items
            .update(|items| items.push(Toast { id, tone, text }));
        let items = self.items;
        set_timeout(
            move || items.update(|items| items.retain(|t| t.id != id)),
            Self::SHOWN_FOR,
        );
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|items| items.retain(|t| t.id != id));
    }

    pub fn clear(&self) {
        self.items.set(Vec::new());
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}
