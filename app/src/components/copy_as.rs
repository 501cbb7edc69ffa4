use leptos::prelude::*;
use snapshot_api::SnippetLanguage;

use super::menu::Menu;
use crate::i18n::Key;
use crate::language::Language;
use crate::tools;

/// "Copy as…": the request `request` builds, as the API page's curl, Python or JavaScript, put
/// on the clipboard. The core writes the text from the very request the console would send;
/// the token stays out of it (`VPS_API_TOKEN`). `request` gives `None` while the form cannot
/// make one.
#[component]
pub fn CopyAs(request: Callback<(), Option<http::Request<Vec<u8>>>>) -> impl IntoView {
    let language = expect_context::<Language>();
    let status = RwSignal::new(String::new());
    let copy = move |form: SnippetLanguage| {
        let Some(request) = request.run(()) else {
            status.set(language.t(Key::CopyUnready));
            return;
        };
        // Called within the click: the clipboard write must start there.
        let copied = tools::copy(request, form);
        leptos::task::spawn_local(async move {
            status.set(match copied.await {
                true => language.fill(Key::CopyDone, &[("form", form.label())]),
                false => language.t(Key::CopyFailed),
            });
        });
    };
    let items = SnippetLanguage::ALL
        .map(|form| (form.label(), Callback::new(move |()| copy(form))))
        .to_vec();
    view! { <Menu label=Key::ActionCopyAs items status/> }
}
