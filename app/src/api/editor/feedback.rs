use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A reader's comment as editors see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReaderComment {
    pub helpful: bool,
    pub comment: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Readers' counts and latest comments on an article (knowledge editors).
#[server(endpoint = "editor/feedback")]
pub async fn reader_feedback(
    slug: String,
    locale: Locale,
) -> Result<(crate::domain::kb::ArticleExtras, Vec<ReaderComment>), ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    let extras = store
        .article_extras(&slug, locale, true)
        .await
        .map_err(internal)?;
    let comments = store
        .feedback_comments(&slug, 50)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|(helpful, comment, at)| ReaderComment {
            helpful,
            comment,
            at,
        })
        .collect();
    Ok((extras, comments))
}
