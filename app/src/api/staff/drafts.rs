use crate::domain::sediment::ArticleDraft;
use leptos::prelude::*;

/// The newest article drafts made from tickets (agents and knowledge editors).
#[server(endpoint = "staff/drafts")]
pub async fn list_drafts() -> Result<Vec<ArticleDraft>, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::ReadInternalArticles).await?;
    store.article_drafts(100).await.map_err(internal)
}
