//! The placeholder shown while a page's data loads.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// "Loading…" in the current language.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading">{i18n.t(|s| s.loading)}</p> }
}
