//! Search results.

use super::not_found::ServerErrorNotice;
use crate::api::kb::search_articles;
use crate::components::page_title::PageTitle;
use crate::components::{article_list::ArticleList, loading::Loading, search_box::SearchBox};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Results of a knowledge-base search (`/search?q=…`).
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let results = Resource::new(
        move || (q(), i18n.locale()),
        |(q, locale)| search_articles(q, locale),
    );
    view! {
        <PageTitle pick=|s| s.search_title />
        <h1>{i18n.t(|s| s.search_title)}</h1>
        {move || view! { <SearchBox id="page-search" value=q() /> }}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let s = i18n.locale().strings();
                let query = q();
                if query.trim().is_empty() {
                    return view! { <p>{s.search_empty_query}</p> }.into_any();
                }
                match results.await {
                    Ok(list) if list.is_empty() => view! {
                        <p>{s.search_none}</p>
                        <a class="button" href="/tickets/new">{s.nav_new_ticket}</a>
                    }
                        .into_any(),
                    Ok(list) => {
                        view! {
                            <h2>{s.search_results_for} " “" {query} "”"</h2>
                            <ArticleList articles=list />
                        }
                            .into_any()
                    }
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
