use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::row_focus::RowFocus;
use crate::i18n::Key;
use crate::language::tr;

/// A modal built on the native `<dialog>`: the browser traps focus, closes it on Escape and
/// gives it the dialog role; this adds opening from a signal and putting focus back where it
/// was (or on the console's heading if that element is gone, e.g. a deleted row's button).
#[component]
pub fn Modal(
    /// Whether the dialog is open. A signal that runs again on every set, not a memo: after
    /// Escape the browser has shut the dialog while the state still says open (its `close`
    /// event is queued), and Enter on the opener sets it open again; only a re-run shows it.
    #[prop(into)]
    open: Signal<bool>,
    /// Called when the dialog closes, however it closes (Escape, Cancel, done).
    on_close: Callback<()>,
    /// The dialog's heading, which is also its accessible name.
    title: Key,
    /// Unique within the console; used to tie the heading to the dialog.
    id: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    // The opener, and which snapshot's control it was: a table row may show another
    // snapshot by the time the dialog closes (row_focus.rs).
    let opener = StoredValue::new_local(None::<(web_sys::HtmlElement, Option<RowFocus>)>);
    Effect::new(move |_| {
        let is_open = open.get();
        let Some(element) = dialog.get() else {
            return;
        };
        if is_open && !element.open() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                .map(|e| {
                    let in_row = RowFocus::of(&e);
                    (e, in_row)
                });
            opener.set_value(active);
            let _ = element.show_modal();
        } else if !is_open && element.open() {
            element.close();
        }
    });
    let closed = move |_| {
        // The browser puts focus back and queues `close` as a task; a keyboard user quick
        // enough (Escape, then Enter on the opener) reopens the dialog before it runs. That
        // late event is then about a dialog that is open again: acting on it would shut it.
        if dialog.get_untracked().is_some_and(|d| d.open()) {
            return;
        }
        on_close.run(());
        let element = opener
            .get_value()
            .and_then(|(element, in_row)| match in_row {
                Some(in_row) => in_row.element(),
                None => element.is_connected().then_some(element),
            });
        match element {
            Some(element) => {
                let _ = element.focus();
            }
            None => focus_fallback(),
        }
    };
    let title_id = format!("sc-{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <dialog node_ref=dialog class="sc-dialog" aria-labelledby=labelled_by on:close=closed>
            <h2 id=title_id class="sc-dialog-title">{tr(title)}</h2>
            {children()}
        </dialog>
    }
}

/// Puts focus on the console's heading: where focus goes when what held it is gone.
pub fn focus_fallback() {
    focus("[data-focus-fallback]");
}

/// Puts focus on the console's first element that `selector` matches, if there is one.
pub fn focus(selector: &str) {
    let element = document()
        .query_selector(&format!(".snapshot-console {selector}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
