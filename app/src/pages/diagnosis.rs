//! Self-diagnosis landing page (the flow runner arrives with its own issue).

use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Explains what self-diagnosis will offer and points to the knowledge base meanwhile.
#[component]
pub fn DiagnosisPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle pick=|s| s.diag_title />
        <h1>{i18n.t(|s| s.diag_title)}</h1>
        <p>{i18n.t(|s| s.diag_intro)}</p>
        <a class="button" href="/kb">{i18n.t(|s| s.nav_kb)}</a>
    }
}
