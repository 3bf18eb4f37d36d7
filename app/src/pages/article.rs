//! An article page.

use super::article_feedback::Feedback;
use super::not_found::{NotFound, ServerErrorNotice};
use crate::api::kb::get_article;
use crate::components::article_list::ArticleList;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::loading::Loading;
use crate::i18n::{format_time, use_i18n, Locale};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Shows one article; its HTML was sanitised when it was stored.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let article = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                i18n.locale(),
                query.read().get("sq").and_then(|v| v.parse::<i64>().ok()),
            )
        },
        |(slug, locale, search)| get_article(slug, locale, search),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(Some(a)) => {
                        let locale = i18n.locale();
                        let s = locale.strings();
                        let fallback = Locale::parse(&a.lang) != Some(locale);
                        let lang_tag = Locale::parse(&a.lang).unwrap_or_default().tag();
                        let extras = a.extras;
                        let mut crumbs = vec![("/kb".to_string(), s.kb_title.to_string())];
                        if let Some((slug, name)) = a.parent.clone() {
                            crumbs.push((format!("/kb/{slug}"), name));
                        }
                        crumbs.push((format!("/kb/{}", a.category_slug), a.category_name.clone()));
                        let tags = (!extras.tags.is_empty()).then(|| {
                            let list = extras
                                .tags
                                .iter()
                                .map(|t| view! { <li>{t.clone()}</li> })
                                .collect_view();
                            view! {
                                <div class="tags">
                                    <span>{s.kb.tags} ": "</span>
                                    <ul>{list}</ul>
                                </div>
                            }
                        });
                        let related = (!extras.related.is_empty()).then(|| {
                            view! {
                                <section class="related" aria-labelledby="related-heading">
                                    <h2 id="related-heading">{s.kb.related}</h2>
                                    <ArticleList articles=extras.related.clone() />
                                </section>
                            }
                        });
                        view! {
                            <Title text=a.title.clone() />
                            <Breadcrumb trail=crumbs />
                            <article class="article" lang=lang_tag>
                                <h1>{a.title}</h1>
                                <p class="meta">
                                    {s.article_updated} " "
                                    <time datetime=a.updated_at.to_rfc3339()>{format_time(a.updated_at, locale)}</time>
                                    " · " {s.kb.views} " " <span class="views">{extras.views}</span>
                                    {(extras.helpful > 0).then(|| view! { " · " {extras.helpful} " " {s.kb.helped_counts} })}
                                </p>
                                {fallback.then(|| view! { <p class="notice" lang=locale.tag()>{s.article_other_language}</p> })}
                                <div class="article-body" inner_html=a.body_html></div>
                                {tags}
                            </article>
                            <Feedback slug=a.slug.clone() />
                            {related}
                            <aside class="next-step">
                                <p>{s.article_not_solved}</p>
                                <a class="button" href="/tickets/new">{s.nav_new_ticket}</a>
                            </aside>
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
