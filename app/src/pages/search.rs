//! Search results with filters and highlighted snippets.

use super::not_found::ServerErrorNotice;
use crate::api::kb::{list_categories, search_articles};
use crate::components::page_title::PageTitle;
use crate::components::{loading::Loading, search_box::SearchBox};
use crate::domain::kb::{SearchHit, SearchResults};
use crate::i18n::{use_i18n, Locale};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Results of a knowledge-base search (`/search?q=…&lang=…&category=…`).
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let q = move || param("q");
    let results = Resource::new(
        move || (q(), i18n.locale(), param("lang"), param("category")),
        |(q, locale, lang, category)| search_articles(q, locale, lang, category),
    );
    view! {
        <PageTitle pick=|s| s.search_title />
        <h1>{i18n.t(|s| s.search_title)}</h1>
        {move || view! { <SearchBox id="page-search" value=q() /> }}
        <Filters />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let s = i18n.locale().strings();
                let asked = q();
                if asked.trim().is_empty() {
                    return view! { <p>{s.search_empty_query}</p> }.into_any();
                }
                match results.await {
                    Ok(found) if found.hits.is_empty() => view! {
                        <p role="status">{s.search_none}</p>
                        <p>{s.kb.none_try}</p>
                        <p>
                            <a class="button" href="/kb">{s.kb_title}</a> " "
                            <a class="button" href="/tickets/new">{s.nav_new_ticket}</a>
                        </p>
                    }
                        .into_any(),
                    Ok(found) => view! {
                        <h2>{s.search_results_for} " “" {asked} "”"</h2>
                        <Hits found />
                    }
                        .into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Language and category filters: a GET form that keeps the query.
#[component]
fn Filters() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let categories = Resource::new(move || i18n.locale(), list_categories);
    let current = move |name: &str| query.read_untracked().get(name).unwrap_or_default();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let s = i18n.locale().strings();
                let lang = current("lang");
                let category = current("category");
                let options = categories
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| {
                        let selected = c.slug == category;
                        let label = if c.parent.is_some() { format!(" {}", c.name) } else { c.name };
                    view! { <option value=c.slug selected=selected>{label}</option> }
                    })
                    .collect_view();
                let lang_option = |value: &'static str, label: &'static str| {
                    view! { <option value=value selected=lang == value>{label}</option> }
                };
                view! {
                    <form class="search-filters" action="/search" method="get">
                        <input type="hidden" name="q" value=move || query.read().get("q").unwrap_or_default() />
                        <label for="filter-lang">{s.kb.filter_language}</label>
                        <select id="filter-lang" name="lang">
                            {lang_option("", s.kb.filter_mine)}
                            {lang_option("zh", s.kb.filter_zh)}
                            {lang_option("en", s.kb.filter_en)}
                            {lang_option("all", s.kb.filter_all)}
                        </select>
                        <label for="filter-category">{s.kb.filter_category}</label>
                        <select id="filter-category" name="category">
                            <option value="">{s.kb.filter_any_category}</option>
                            {options}
                        </select>
                        <button type="submit" class="button">{s.kb.filter_apply}</button>
                    </form>
                }
            })}
        </Suspense>
    }
}

/// The result list; each link tells the article which search led there.
#[component]
fn Hits(found: SearchResults) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let from = found
        .query_id
        .map(|id| format!("?sq={id}"))
        .unwrap_or_default();
    let items = found
        .hits
        .into_iter()
        .map(|hit: SearchHit| {
            let other = Locale::parse(&hit.lang).filter(|l| *l != locale);
            let lang_tag = Locale::parse(&hit.lang).unwrap_or_default().tag();
            let flow = hit.is_flow();
            let href = if flow { hit.href() } else { format!("{}{from}", hit.href()) };
            let snippet = hit
                .snippet
                .into_iter()
                .map(|p| {
                    if p.hit {
                        view! { <mark>{p.text}</mark> }.into_any()
                    } else {
                        p.text.into_any()
                    }
                })
                .collect_view();
            view! {
                <li lang=lang_tag>
                    <a href=href>{hit.title}</a>
                    {flow.then(|| view! { " " <span class="badge badge-flow">{s.flows.badge}</span> })}
                    {other.map(|l| view! { " " <span class="badge" lang=locale.tag()>{s.kb.language(l.code())}</span> })}
                    <p class="snippet">{snippet}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="article-list search-results">{items}</ol> }
}
