//! Breadcrumb trail above a page's heading.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Links from home down to the current page's parent, as `(href, label)` pairs.
#[component]
pub fn Breadcrumb(trail: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let links = trail
        .into_iter()
        .map(|(href, label)| view! { <li><a href=href>{label}</a></li> })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=i18n.t(|s| s.kb_breadcrumb)>
            <ol>
                <li><a href="/">{i18n.t(|s| s.kb_home)}</a></li>
                {links}
            </ol>
        </nav>
    }
}
