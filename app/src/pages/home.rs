//! The home page: the three ways to get help.

use crate::components::search_box::SearchBox;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text="" />
        <section class="hero">
            <h1>{i18n.t(|s| s.home_title)}</h1>
            <p>{i18n.t(|s| s.home_intro)}</p>
            <SearchBox id="home-search" />
        </section>
        <section class="cards">
            <a class="card" href="/kb">
                <h2>{i18n.t(|s| s.home_kb_card)}</h2>
                <p>{i18n.t(|s| s.home_kb_card_text)}</p>
            </a>
            <a class="card" href="/diagnosis">
                <h2>{i18n.t(|s| s.home_diag_card)}</h2>
                <p>{i18n.t(|s| s.home_diag_card_text)}</p>
            </a>
            <a class="card card-primary" href="/tickets/new">
                <h2>{i18n.t(|s| s.home_ticket_card)}</h2>
                <p>{i18n.t(|s| s.home_ticket_card_text)}</p>
            </a>
        </section>
        <p class="hours">{i18n.t(|s| s.home_hours)}</p>
    }
}
