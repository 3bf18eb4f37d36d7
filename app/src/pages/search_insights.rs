//! Search analytics for knowledge editors: top searches, searches that found nothing, synonyms.

use super::not_found::ServerErrorNotice;
use crate::api::staff::{get_search_insights, synonyms, SaveSynonyms};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::kb::QueryStat;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The search analytics page (`/staff/search`).
#[component]
pub fn SearchInsightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let insights = Resource::new(|| (), |_| get_search_insights());
    view! {
        <PageTitle pick=|s| s.kb.insights_title />
        <h1>{i18n.t(|s| s.kb.insights_title)}</h1>
        <p>{i18n.t(|s| s.kb.insights_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let s = i18n.locale().strings();
                match insights.await {
                    Ok(found) => view! {
                        <p>{s.kb.insights_total} ": " <strong class="search-total">{found.total}</strong></p>
                        <h2>{s.kb.insights_empty}</h2>
                        <Stats rows=found.empty id="empty-searches" />
                        <h2>{s.kb.insights_top}</h2>
                        <Stats rows=found.top id="top-searches" />
                    }
                        .into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
        <Synonyms />
    }
}

#[component]
fn Stats(rows: Vec<QueryStat>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    if rows.is_empty() {
        return view! { <p id=id>{s.kb.insights_none}</p> }.into_any();
    }
    let lines = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.query}</td>
                    <td class="number">{r.searches}</td>
                    <td class="number">{r.clicks}</td>
                    <td class="number">{r.results}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table id=id class="table">
            <thead>
                <tr>
                    <th scope="col">{s.kb.insights_query}</th>
                    <th scope="col">{s.kb.insights_searches}</th>
                    <th scope="col">{s.kb.insights_clicks}</th>
                    <th scope="col">{s.kb.insights_results}</th>
                </tr>
            </thead>
            <tbody>{lines}</tbody>
        </table>
    }
    .into_any()
}

/// The synonym groups as one text area.
#[component]
fn Synonyms() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let save = ServerAction::<SaveSynonyms>::new();
    let text = Resource::new(|| (), |_| synonyms());
    let saved = move || {
        query.read_untracked().get("saved").is_some() || matches!(save.value().get(), Some(Ok(())))
    };
    let error = move || match save.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    view! {
        <h2>{i18n.t(|s| s.kb.synonyms_title)}</h2>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let s = i18n.locale().strings();
                let current = text.await.unwrap_or_default();
                view! {
                    <ActionForm action=save attr:class="synonyms-form">
                        <div class="field">
                            <label for="synonyms">{s.kb.synonyms_hint}</label>
                            <textarea id="synonyms" name="text" rows="12">{current}</textarea>
                        </div>
                        <p class="field-error" role="alert">{error}</p>
                        {move || saved().then(|| view! { <p class="notice" role="status">{s.kb.synonyms_saved}</p> })}
                        <button type="submit" class="button button-primary">{s.kb.synonyms_save}</button>
                    </ActionForm>
                }
            })}
        </Suspense>
    }
}
