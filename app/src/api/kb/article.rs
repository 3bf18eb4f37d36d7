use crate::domain::kb::ArticleView;
use crate::i18n::Locale;
use leptos::prelude::*;

/// An article; `None` when there is none. Internal articles exist only for staff: anyone else
/// gets the same `None` as for a missing one.
#[server(endpoint = "kb/article")]
pub async fn get_article(
    slug: String,
    locale: Locale,
) -> Result<Option<ArticleView>, ServerFnError> {
    use super::super::ssr::{internal, services, viewer};
    use crate::domain::auth::{may, Operation};
    let staff = may(viewer().await?.as_ref(), Operation::ReadInternalArticles);
    let Some(a) = services()?
        .store
        .article(&slug, locale, staff)
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
