use crate::domain::kb_editor::ReviewItem;
use leptos::prelude::*;

/// Versions waiting for review, oldest first, each with its changes and a preview.
#[server(endpoint = "editor/queue")]
pub async fn review_queue() -> Result<Vec<ReviewItem>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    use crate::domain::diff::line_diff;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    let mut items = Vec::new();
    for (slug, locale, version) in store.review_queue().await.map_err(internal)? {
        let Some(text) = store
            .version_text(&slug, locale, version)
            .await
            .map_err(internal)?
        else {
            continue;
        };
        let live = store
            .versions(&slug, locale)
            .await
            .map_err(internal)?
            .into_iter()
            .find(|v| v.live);
        let before = match live {
            Some(v) => store
                .version_text(&slug, locale, v.version)
                .await
                .map_err(internal)?
                .map(|t| t.body_md)
                .unwrap_or_default(),
            None => String::new(),
        };
        items.push(ReviewItem {
            slug,
            locale: locale.code().to_string(),
            diff: line_diff(&before, &text.body_md),
            preview_html: crate::markdown::render(&text.body_md),
            text,
        });
    }
    Ok(items)
}
