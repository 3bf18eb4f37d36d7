//! The page's `<title>` from the string tables.

use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the page title. The server writes the title after the page's reactive owner may be
/// gone, so there it is resolved once; in the browser it follows the language switch.
#[component]
pub fn PageTitle(pick: fn(&Strings) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    let text = pick(i18n.0.get_untracked().strings());
    #[cfg(not(feature = "ssr"))]
    let text = move || pick(i18n.locale().strings());
    view! { <Title text /> }
}
