//! The Snapshot Console: a Leptos client-side app. Every request and every decode goes through
//! `snapshot-api`; this crate holds only the browser side: transport, session, state and views.

pub mod browser_url;
pub mod client;
pub mod components;
pub mod config;
pub mod flows;
pub mod format;
pub mod host;
pub mod i18n;
pub mod language;
pub mod messages;
pub mod model;
pub mod session;
pub mod store;
pub mod toasts;
pub mod tools;
pub mod transport;
pub mod view_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The elements the console mounts on: its own, or any a page marks for it.
const MOUNTS: &str = "snapshot-console, [data-snapshot-console]";

/// Mounts the console into its element, `<snapshot-console>` or one marked
/// `data-snapshot-console` (or a new one at the end of `<body>`), reading its configuration
/// from that element and the page's `<meta>` tags.
pub fn start() {
    // The release build aborts on a panic before any hook runs (see xtask/src/dist.rs), so the
    // hook that writes the panic message to the browser's console is for debug builds only.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let document = document();
    let host = document
        .query_selector(MOUNTS)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| {
            let div: web_sys::HtmlElement = document
                .create_element("div")
                .expect("create a div")
                .unchecked_into();
            if let Some(body) = document.body() {
                let _ = body.append_child(&div);
            }
            div
        });
    mount(host);
}

/// Called by `embed.js` for each `<snapshot-console>` connected after the console started. The
/// console runs once per page: a second element shows why it stays empty, as a second one at
/// start does; one that replaced the removed console's element (a single-page portal changing
/// view) gets a console of its own. An element moved with its console in it is left alone.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn connected(element: web_sys::HtmlElement) {
    if element.child_element_count() == 0 {
        mount(element);
    }
}

/// Mounts the console into `host`, or the reason it cannot start.
fn mount(host: web_sys::HtmlElement) {
    let mounts = document()
        .query_selector_all(MOUNTS)
        .map_or(0, |list| list.length());
    match config::Config::read(&host, mounts) {
        // Leptos's executor starts with the mount, so this waits on the browser's own.
        Ok(config) => wasm_bindgen_futures::spawn_local(async move {
            // A host that hands over its token is asked before anything shows, so its
            // signed-in admin never sees the sign-in unless it gives none.
            let given = match session::Session::stored() {
                true => None,
                false => host::Host::new(host.clone()).token().await,
            };
            let element = host.clone();
            leptos::mount::mount_to(host, move || {
                view! { <components::Console config element given/> }
            })
            .forget()
        }),
        Err(problem) => {
            let page = config::PageSettings::read(&host);
            leptos::mount::mount_to(
                host,
                move || view! { <components::NotStarted problem page/> },
            )
            .forget()
        }
    }
}
