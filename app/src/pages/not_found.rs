//! The friendly 404 page, with a search box.

use crate::components::page_title::PageTitle;
use crate::components::search_box::SearchBox;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Sets the HTTP status of the page being rendered to 404 (no-op in the browser).
pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
}

/// Shown for unknown addresses and for things that do not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    set_not_found_status();
    let i18n = use_i18n();
    view! {
        <PageTitle pick=|s| s.not_found_title />
        <section class="not-found">
            <h1>{i18n.t(|s| s.not_found_title)}</h1>
            <p>{i18n.t(|s| s.not_found_text)}</p>
            <SearchBox id="not-found-search" />
        </section>
    }
}

/// Shown when a server function failed; reveals nothing of the cause.
#[component]
pub fn ServerErrorNotice() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice notice-error" role="alert">
            <strong>{i18n.t(|s| s.server_error_title)}</strong>
            " "
            {i18n.t(|s| s.server_error_text)}
        </div>
    }
}
