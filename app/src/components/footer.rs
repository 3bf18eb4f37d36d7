//! Site footer.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The footer shown on every page.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="container">{i18n.t(|s| s.footer_text)}</div>
        </footer>
    }
}
