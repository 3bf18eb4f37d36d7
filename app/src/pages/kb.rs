//! Knowledge-base index: the categories.

use super::not_found::ServerErrorNotice;
use crate::api::kb::list_categories;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Lists the knowledge-base categories.
#[component]
pub fn KbIndexPage() -> impl IntoView {
    let i18n = use_i18n();
    let categories = Resource::new(move || i18n.locale(), list_categories);
    view! {
        <PageTitle pick=|s| s.kb_title />
        <h1>{i18n.t(|s| s.kb_title)}</h1>
        <p>{i18n.t(|s| s.kb_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match categories.await {
                    Ok(list) => {
                        let items = list
                            .iter()
                            .filter(|c| c.parent.is_none())
                            .map(|c| {
                                let children = list
                                    .iter()
                                    .filter(|k| k.parent.as_deref() == Some(c.slug.as_str()))
                                    .map(|k| view! { <li><a href=format!("/kb/{}", k.slug)>{k.name.clone()}</a></li> })
                                    .collect_view();
                                view! {
                                    <li class="card">
                                        <h2><a href=format!("/kb/{}", c.slug)>{c.name.clone()}</a></h2>
                                        <p>{c.description.clone()}</p>
                                        <ul class="subcategories">{children}</ul>
                                        <span class="count">
                                            {c.article_count} " " {i18n.t(|s| s.kb_articles_count)}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <ul class="cards category-list">{items}</ul> }.into_any()
                    }
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
