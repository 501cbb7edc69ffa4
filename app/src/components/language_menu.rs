use leptos::prelude::*;

use crate::i18n::{Key, Locale};
use crate::language::Language;

/// The language menu, and the quiet notice when a language's texts could not be loaded.
#[component]
pub fn LanguageMenu() -> impl IntoView {
    let language = expect_context::<Language>();
    let change = move |ev: leptos::ev::Event| {
        if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
            language.choose(locale);
        }
    };
    view! {
        <div class="sc-language">
            <label class="sc-field sc-language-menu">
                <span>{move || language.t(Key::LanguageLabel)}</span>
                <select on:change=change prop:value=move || language.wanted().tag()>
                    {Locale::ALL.map(|locale| view! {
                        <option value=locale.tag() lang=locale.tag()>{locale.native_name()}</option>
                    })}
                </select>
            </label>
            {move || language.failed().map(|locale| view! {
                <p class="sc-hint" role="status">
                    {language.fill(Key::LanguageNotLoaded, &[("language", locale.native_name())])}
                </p>
            })}
        </div>
    }
}
