use crate::domain::kb_editor::EditorArticle;
use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The editors' start page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorHome {
    pub articles: Vec<EditorArticle>,
    pub waiting: usize,
    pub self_review: bool,
    /// The viewer may change the self-review setting (admins).
    pub may_configure: bool,
}

/// Every article with its languages' state (knowledge editors and admins).
#[server(endpoint = "editor/home")]
pub async fn get_editor_home(locale: Locale) -> Result<EditorHome, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::{may, Operation};
    let store = services()?.store;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    Ok(EditorHome {
        articles: store.editor_articles(locale).await.map_err(internal)?,
        waiting: store.review_queue().await.map_err(internal)?.len(),
        self_review: store.self_review_allowed().await.map_err(internal)?,
        may_configure: may(Some(&editor), Operation::ManageSettings),
    })
}
