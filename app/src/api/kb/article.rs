use crate::domain::kb::ArticleView;
use crate::i18n::Locale;
use leptos::prelude::*;

/// A public article; `None` when there is no such article.
#[server(endpoint = "kb/article")]
pub async fn get_article(
    slug: String,
    locale: Locale,
) -> Result<Option<ArticleView>, ServerFnError> {
    use super::super::ssr::{internal, services};
    let Some(a) = services()?
        .store
        .article(&slug, locale)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    Ok(Some(ArticleView {
        slug: a.slug,
        title: a.title,
        body_html: a.body_html,
        category_slug: a.category_slug,
        category_name: a.category_name,
        lang: a.lang.code().to_string(),
        updated_at: a.updated_at,
    }))
}
