//! One knowledge-base category and its articles.

use super::not_found::{NotFound, ServerErrorNotice};
use crate::api::kb::get_category;
use crate::components::{article_list::ArticleList, breadcrumb::Breadcrumb, loading::Loading};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A category page.
#[component]
pub fn KbCategoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let page = Resource::new(
        move || (params.read().get("slug").unwrap_or_default(), i18n.locale()),
        |(slug, locale)| get_category(slug, locale),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(p)) => {
                        let empty = p.articles.is_empty() && p.children.is_empty();
                        let mut trail = vec![("/kb".to_string(), i18n.locale().strings().kb_title.to_string())];
                        if let Some(parent) = &p.parent {
                            trail.push((format!("/kb/{}", parent.slug), parent.name.clone()));
                        }
                        let children = (!p.children.is_empty()).then(|| {
                            let items = p
                                .children
                                .iter()
                                .map(|c| view! {
                                    <li>
                                        <a class="card" href=format!("/kb/{}", c.slug)>
                                            <h2>{c.name.clone()}</h2>
                                            <p>{c.description.clone()}</p>
                                            <span class="count">{c.article_count} " " {i18n.t(|s| s.kb_articles_count)}</span>
                                        </a>
                                    </li>
                                })
                                .collect_view();
                            view! { <ul class="cards category-list">{items}</ul> }
                        });
                        view! {
                            <Title text=p.category.name.clone() />
                            <Breadcrumb trail />
                            <h1>{p.category.name}</h1>
                            <p>{p.category.description}</p>
                            {empty.then(|| view! { <p>{i18n.t(|s| s.kb_empty_category)}</p> })}
                            {children}
                            <ArticleList articles=p.articles />
                        }
                            .into_any()
                    }
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
