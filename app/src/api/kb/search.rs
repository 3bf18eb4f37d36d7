use crate::domain::kb::ArticleSummary;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;

/// Articles matching every word of the query.
#[server(endpoint = "kb/search")]
pub async fn search_articles(
    query: String,
    locale: Locale,
) -> Result<Vec<ArticleSummary>, ServerFnError> {
    use super::super::ssr::{internal, services};
    let query: String = query.trim().chars().take(MAX_QUERY).collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    services()?
        .store
        .search_articles(&query, locale, 20)
        .await
        .map_err(internal)
}
