use leptos::prelude::*;

use crate::config::PageSettings;
use crate::i18n::{Key, Message};
use crate::language::{tr, Language};

/// What shows instead of the console when its configuration is set but unusable: the problem,
/// in the page's language, and no sign-in, so no token can be typed into a console that would
/// send it astray.
#[component]
pub fn NotStarted(problem: Message, page: PageSettings) -> impl IntoView {
    let landmark = page.landmark();
    let language = Language::new(&page);
    language.title_the_page();
    provide_context(language);
    view! {
        <div class="snapshot-console" lang=move || language.locale().tag()>
            <div class="sc-signin" role=landmark>
                <h1 class="sc-title">{tr(Key::AppName)}</h1>
                <p class="sc-banner sc-banner-error" role="alert">{move || language.render(&problem)}</p>
                <p class="sc-hint">{tr(Key::SetupHelp)}</p>
            </div>
        </div>
    }
}
