//! The page the console is mounted in, as the console talks to it: the events it fires on
//! its element ([`HostEvent`], decided in the model), the token a host hands over through the
//! element's `getToken`, and the element's `refresh()`.

use leptos::prelude::*;
use snapshot_api::{BearerToken, ServerId, SnapshotId};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::host_event::{Detail, HostEvent};

/// What the element's `refresh()` (embed.js) dispatches on the element itself.
const REFRESH: &str = "snapshot-console:refresh";

/// The element the console is mounted on; cheap to copy.
#[derive(Clone, Copy)]
pub struct Host {
    element: StoredValue<web_sys::HtmlElement, LocalStorage>,
}

impl Host {
    pub fn new(element: web_sys::HtmlElement) -> Self {
        Self {
            element: StoredValue::new_local(element),
        }
    }

    /// Fires `event` on the element.
    pub fn emit(&self, event: &HostEvent) {
        self.dispatch(event);
    }

    /// Fires `event`, which a listener may cancel. `None` when none did; else the reason the
    /// listener put in `detail.reason`, if a string.
    pub fn ask(&self, event: &HostEvent) -> Option<Option<String>> {
        let (dom, detail) = self.dispatch(event)?;
        dom.default_prevented().then(|| {
            js_sys::Reflect::get(&detail, &"reason".into())
                .ok()
                .and_then(|r| r.as_string())
                .filter(|r| !r.trim().is_empty())
        })
    }

    fn dispatch(&self, event: &HostEvent) -> Option<(web_sys::CustomEvent, JsValue)> {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_cancelable(event.cancelable());
        let detail = detail(event);
        init.set_detail(&detail);
        let dom = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init).ok()?;
        let _ = self.element.with_value(|e| e.dispatch_event(&dom));
        Some((dom, detail))
    }

    /// Whether the host hands over tokens: its `getToken` is a function.
    pub fn gives_tokens(&self) -> bool {
        self.get_token().is_some()
    }

    /// A token from the host's `getToken`, which returns a token, a promise of one, or
    /// `null`. Anything else, a throw or a rejection is no token.
    pub async fn token(&self) -> Option<BearerToken> {
        let function = self.get_token()?;
        let element: JsValue = self.element.get_value().into();
        let given = function.call0(&element).ok()?;
        let given = JsFuture::from(js_sys::Promise::resolve(&given))
            .await
            .ok()?;
        BearerToken::parse(&given.as_string()?).ok()
    }

    fn get_token(&self) -> Option<js_sys::Function> {
        self.element
            .with_value(|e| js_sys::Reflect::get(e, &JsValue::from_str("getToken")))
            .ok()?
            .dyn_into()
            .ok()
    }

    /// Calls `refresh` whenever the host calls the element's `refresh()`. The console is
    /// mounted once for the page's life, so the listener is too.
    pub fn on_refresh(&self, refresh: impl Fn() + 'static) {
        // The signature Leptos's own listeners use, so no new closure glue is generated.
        let closure =
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| refresh());
        self.element.with_value(|e| {
            let _ = e.add_event_listener_with_callback(REFRESH, closure.as_ref().unchecked_ref());
        });
        closure.forget();
    }
}

/// The event's `detail` as a JS object: `{snapshot: {id, name}, server: {id, name}}`, each
/// part and field only where the event has it.
fn detail(event: &HostEvent) -> JsValue {
    let detail = js_sys::Object::new();
    let put = |on: &js_sys::Object, key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(on, &key.into(), value);
    };
    let part = |key: &str, id: Option<u64>, name: Option<String>| {
        let part = js_sys::Object::new();
        if let Some(id) = id {
            put(&part, "id", &(id as f64).into());
        }
        if let Some(name) = name {
            put(&part, "name", &name.into());
        }
        put(&detail, key, &part);
    };
    let Detail {
        snapshot,
        server,
        operation,
    } = event.detail();
    if let Some(operation) = operation {
        put(&detail, "operation", &operation.into());
    }
    if let Some(s) = snapshot {
        part("snapshot", s.id.map(SnapshotId::get), s.name);
    }
    if let Some(s) = server {
        part("server", s.id.map(ServerId::get), s.name);
    }
    detail.into()
}
