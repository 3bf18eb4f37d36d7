//! A list of article titles with their teasers.

use crate::domain::kb::ArticleSummary;
use leptos::prelude::*;

/// Links to articles, each with its one-line summary.
#[component]
pub fn ArticleList(articles: Vec<ArticleSummary>) -> impl IntoView {
    let items = articles
        .into_iter()
        .map(|a| {
            view! {
                <li>
                    <a href=format!("/articles/{}", a.slug)>{a.title}</a>
                    <p>{a.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="article-list">{items}</ul> }
}
