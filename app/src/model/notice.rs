//! What the console tells the user in passing: a short notice with a tone.

use crate::i18n::Message;

/// How a notice looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Success,
    Info,
    Error,
}

/// One notice to show and announce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: Message,
}

impl Notice {
    pub fn new(tone: Tone, text: Message) -> Self {
        Self { tone, text }
    }
}
