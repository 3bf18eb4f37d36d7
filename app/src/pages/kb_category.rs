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
                        let empty = p.articles.is_empty();
                        view! {
                            <Title text=p.category.name.clone() />
                            <Breadcrumb trail=vec![("/kb".to_string(), i18n.locale().strings().kb_title.to_string())] />
                            <h1>{p.category.name}</h1>
                            <p>{p.category.description}</p>
                            {empty.then(|| view! { <p>{i18n.t(|s| s.kb_empty_category)}</p> })}
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
