use crate::domain::kb::ArticleView;
use crate::i18n::Locale;
use leptos::prelude::*;

/// An article; `None` when there is none. Internal articles exist only for staff: anyone else
/// gets the same `None` as for a missing one. `search` is the logged search that led here.
#[server(endpoint = "kb/article")]
pub async fn get_article(
    slug: String,
    locale: Locale,
    search: Option<i64>,
) -> Result<Option<ArticleView>, ServerFnError> {
    use super::super::ssr::{internal, services, viewer};
    use crate::domain::auth::{may, Operation};
    let store = services()?.store;
    let staff = may(viewer().await?.as_ref(), Operation::ReadInternalArticles);
    let Some(a) = store
        .article(&slug, locale, staff)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    // Counting is best effort: a reader must get the article even if the tally fails.
    if let Err(err) = store.count_view(&slug).await {
        tracing::warn!("view of {slug} not counted: {err}");
    }
    if let Some(id) = search {
        if let Err(err) = store.log_click(id, &slug).await {
            tracing::warn!("search click not logged: {err}");
        }
    }
    let extras = store
        .article_extras(&slug, locale, staff)
        .await
        .map_err(internal)?;
    Ok(Some(ArticleView {
        slug: a.slug,
        title: a.title,
        body_html: a.body_html,
        category_slug: a.category_slug,
        category_name: a.category_name,
        parent: a.parent,
        lang: a.lang.code().to_string(),
        updated_at: a.updated_at,
        extras,
    }))
}
