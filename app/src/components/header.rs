//! Site header: brand, search box, navigation and language switch.

use super::{lang_switch::LangSwitch, search_box::SearchBox, user_menu::UserMenu};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header shown on every page.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">
                    <img src="/favicon.svg" alt="" width="28" height="28" />
                    <span>{i18n.t(|s| s.app_name)}</span>
                </a>
                <div class="header-tools">
                    <UserMenu />
                    <LangSwitch />
                </div>
            </div>
            <div class="container">
                <SearchBox id="header-search" />
            </div>
            <nav class="container main-nav" aria-label=i18n.t(|s| s.nav_label)>
                <A href="/kb">{i18n.t(|s| s.nav_kb)}</A>
                <A href="/diagnosis">{i18n.t(|s| s.nav_diagnosis)}</A>
                <A href="/tickets" exact=true>{i18n.t(|s| s.nav_my_tickets)}</A>
                <A href="/staff">{i18n.t(|s| s.nav_staff)}</A>
                <A href="/tickets/new" attr:class="nav-cta">{i18n.t(|s| s.nav_new_ticket)}</A>
            </nav>
        </header>
    }
}
