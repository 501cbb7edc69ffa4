//! Room for labels that change in place. The longest form of each (a countdown's first
//! second, Delete and Undo, each status) goes on the console's root as a CSS string; the
//! stylesheet's slots draw it unseen beside the label shown, so a countdown, Undo or a
//! finished snapshot changes no row's height or column's width, in any language.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::format::css_string;
use crate::i18n::Key;
use crate::language::Language;
use crate::model::undo_window::UNDO_WINDOW_MS;

/// The labels each slot makes room for, by the custom property the stylesheet reads.
const LABELS: [(&str, Key); 5] = [
    ("--sc-g-delete", Key::ActionDelete),
    ("--sc-g-undo", Key::ActionUndo),
    ("--sc-g-progress", Key::StatusInProgress),
    ("--sc-g-completed", Key::StatusCompleted),
    ("--sc-g-failed", Key::StatusFailed),
];

/// Keeps the console root's slot properties in the language shown. Set through the CSSOM,
/// which the console's CSP allows (an inline `style` attribute it does not).
pub fn keep_room(language: Language) {
    Effect::new(move |_| {
        let root = document()
            .query_selector(".snapshot-console")
            .ok()
            .flatten();
        let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        let style = root.style();
        let seconds = language.number((UNDO_WINDOW_MS / 1000.0) as usize);
        let countdown = language.fill(Key::TableDeletingIn, &[("seconds", &seconds)]);
        let _ = style.set_property("--sc-g-countdown", &css_string(&countdown));
        for (property, key) in LABELS {
            let _ = style.set_property(property, &css_string(&language.t(key)));
        }
    });
}
