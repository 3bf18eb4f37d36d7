//! Language switch: a form that works without JavaScript and switches in place with it.

use crate::api::prefs::SetLocale;
use crate::i18n::{use_i18n, Locale};
use leptos::prelude::*;

/// A button that switches to the other language and remembers the choice.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetLocale>::new();
    Effect::new(move |_| {
        if let Some(Ok(locale)) = action.value().get() {
            i18n.0.set(locale);
        }
    });
    let other = move || match i18n.locale() {
        Locale::Zh => Locale::En,
        Locale::En => Locale::Zh,
    };
    view! {
        <ActionForm action attr:class="lang-switch">
            <input type="hidden" name="locale" value=move || other().code() />
            <button
                type="submit"
                lang=move || other().tag()
                aria-label=move || {
                    let s = i18n.locale().strings();
                    let name = match other() {
                        Locale::Zh => s.lang_name_zh,
                        Locale::En => s.lang_name_en,
                    };
                    format!("{}: {name}", s.lang_switch_label)
                }
            >
                {move || {
                    let s = i18n.locale().strings();
                    match other() {
                        Locale::Zh => s.lang_name_zh,
                        Locale::En => s.lang_name_en,
                    }
                }}
            </button>
        </ActionForm>
    }
}
