use leptos::prelude::*;
use snapshot_api::{BearerToken, ServerId, ServerRef, Snapshot};

use super::create_dialog::CreateDialog;
use super::delete_chosen_dialog::DeleteChosenDialog;
use super::delete_dialog::DeleteDialog;
use super::header::Header;
use super::language_menu::LanguageMenu;
use super::quota::Quota;
use super::restore_dialog::RestoreDialog;
use super::sign_in::SignIn;
use super::slots;
use super::snapshot_table::SnapshotTable;
use super::toast_region::ToastRegion;
use super::toolbar::Toolbar;
use crate::client::Client;
use crate::config::Config;
use crate::format;
use crate::host::Host;
use crate::language::Language;
use crate::model::dialogs::Flows;
use crate::model::host_event::HostEvent;
use crate::session::Session;
use crate::store::Store;
use crate::toasts::Toasts;
use crate::view_state::ViewState;

/// Which dialog is open, and for which snapshot.
#[derive(Clone, Copy)]
pub struct Dialogs {
    pub flows: RwSignal<Flows>,
    pub delete: RwSignal<Option<Snapshot>>,
    /// The confirmation of a delete of the chosen rows (its sending is the model's `Batch`).
    pub delete_chosen: RwSignal<bool>,
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            flows: RwSignal::new(Flows::default()),
            delete: RwSignal::new(None),
            delete_chosen: RwSignal::new(false),
        }
    }
}

/// The time, ticking each second, for "3 minutes ago" and "updated 5 s ago". It sends nothing.
#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<f64>);

/// The console's handles every component below it may use, provided as one context: each
/// type looked up in the context is its own copy of the lookup in the wasm (about 600 B).
/// The language is its own context, as the not-started screen has it alone.
#[derive(Clone)]
pub struct Shared {
    pub session: Session,
    pub toasts: Toasts,
    pub client: Client,
    pub store: Store,
    pub view_state: ViewState,
    pub dialogs: Dialogs,
    pub clock: Clock,
    /// The server the host pinned the console to, from the configuration.
    pub pinned_server: Option<ServerId>,
}

/// The whole console, mounted on `element`: sign-in, or the list with its dialogs.
///
/// `given` is the token the host handed over (`getToken`) before the console mounted.
#[component]
pub fn Console(
    config: Config,
    element: web_sys::HtmlElement,
    given: Option<BearerToken>,
) -> impl IntoView {
    let language = Language::new(&config.page);
    let host = Host::new(element.clone());
    let session = Session::load(host, given);
    let toasts = Toasts::new();
    let client = Client::new(config.clone(), session);
    let view_state = ViewState::new(config.page.owns_url, config.pinned_server);
    // A pinned or deep-linked server is known before it has any snapshot; until the list
    // names it, its ID is its name (the same in every language).
    let known = config
        .pinned_server
        .or(view_state.server.get_untracked())
        .map(|id| ServerRef {
            id,
            name: id.to_string(),
        });
    let store = Store::new(
        client.clone(),
        toasts,
        config.pinned_server,
        known.into_iter().collect(),
    );
    let dialogs = store.dialogs;
    let clock = Clock(RwSignal::new(format::now()));
    if let Ok(tick) = set_interval_with_handle(
        move || clock.0.set(format::now()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || tick.clear());
    }
    provide_context(language);
    provide_context(Shared {
        session,
        toasts,
        client,
        store,
        view_state,
        dialogs,
        clock,
        pinned_server: config.pinned_server,
    });

    // Load on sign-in; forget everything shown on sign-out or a refused token.
    Effect::new(move |_| {
        if session.signed_in() {
            store.refresh();
        } else {
            store.signed_out();
        }
    });

    language.title_the_page();
    slots::keep_room(language);
    host.on_refresh(move || {
        if session.signed_in_untracked() {
            store.refresh();
        }
    });
    // A host that hands over tokens gave none: it hears that its user must sign in.
    let unsigned = !session.signed_in_untracked() && host.gives_tokens();
    request_animation_frame(move || {
        host.emit(&HostEvent::Ready);
        if unsigned {
            host.emit(&HostEvent::AuthRequired);
        }
    });

    // Its own page owns the URL; embedded, the console keeps its notices inside its box.
    let embedded = !config.page.owns_url;
    let lang_menu = config.lang_menu;
    let landmark = config.page.landmark();
    view! {
        // `lang` on the console's own root, never on the host's <html>.
        <div
            class="snapshot-console"
            class:sc-embedded=embedded
            lang=move || language.locale().tag()
        >
            // The size container every layout switch keys on: the console's own width, not
            // the viewport's. (A container also holds fixed-position descendants, so the
            // notices stay outside it.)
            // On its own page this is the page's `main`, named by the heading in view.
            <div class="sc-shell" role=landmark aria-labelledby=landmark.map(|_| "sc-heading")>
                {lang_menu.then(|| view! { <LanguageMenu/> })}
                <Show when=move || session.signed_in() fallback=|| view! { <SignIn/> }>
                    <Header/>
                    <Quota/>
                    <Toolbar/>
                    <SnapshotTable/>
                    <CreateDialog/>
                    <RestoreDialog/>
                    <DeleteDialog/>
                    <DeleteChosenDialog/>
                </Show>
            </div>
            <ToastRegion/>
        </div>
    }
}
