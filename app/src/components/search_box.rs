//! The knowledge-base search box: a plain GET form, so it works before and without hydration.

use crate::api::kb::MAX_QUERY;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A search form posting to `/search`; `id` keeps labels unique when two boxes share a page.
#[component]
pub fn SearchBox(#[prop(into)] id: String, #[prop(optional, into)] value: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="search-box" action="/search" method="get" role="search">
            <label class="visually-hidden" for=id.clone()>{i18n.t(|s| s.search_label)}</label>
            <input
                type="search"
                id=id
                name="q"
                value=value
                maxlength=MAX_QUERY.to_string()
                placeholder=i18n.t(|s| s.search_placeholder)
                enterkeyhint="search"
            />
            <button type="submit">{i18n.t(|s| s.search_button)}</button>
        </form>
    }
}
