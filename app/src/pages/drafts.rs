//! Article drafts made from resolved tickets, waiting for the knowledge base's editors.

use super::not_found::ServerErrorNotice;
use crate::api::staff::list_drafts;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::sediment::ArticleDraft;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;

/// The drafts page (staff).
#[component]
pub fn DraftsPage() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = Resource::new(|| (), |_| list_drafts());
    view! {
        <PageTitle pick=|s| s.care.drafts_title />
        <h1>{i18n.t(|s| s.care.drafts_title)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match drafts.await {
                    Ok(list) if list.is_empty() => {
                        view! { <p>{i18n.locale().strings().care.drafts_none}</p> }.into_any()
                    }
                    Ok(list) => list
                        .into_iter()
                        .map(|d| view! { <DraftItem d /> })
                        .collect_view()
                        .into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DraftItem(d: ArticleDraft) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let care = locale.strings().care;
    view! {
        <article class="card draft" id=format!("draft-{}", d.id) lang=d.locale.tag()>
            <h2>{d.title}</h2>
            <p class="hint">
                {care.drafts_from} " " <a href=format!("/tickets/{}", d.ticket_number)>{d.ticket_number.clone()}</a>
                " · " {d.author} " · "
                <time datetime=d.created_at.to_rfc3339()>{format_time(d.created_at, locale)}</time>
            </p>
            <pre class="draft-body">{d.body_md}</pre>
            <p>
                <a class="button" href=format!("/staff/kb/edit?draft={}&lang={}", d.id, d.locale.code())>
                    {locale.strings().editor.from_draft}
                </a>
            </p>
        </article>
    }
}
