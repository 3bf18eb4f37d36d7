use crate::domain::kb::SearchHit;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Suggestions shown while typing in the header box.
pub const SUGGESTIONS: usize = 6;

/// Titles matching what has been typed so far, in the reader's language first. Not logged:
/// half-typed words are not searches.
#[server(endpoint = "kb/suggest")]
pub async fn suggest_articles(
    query: String,
    locale: Locale,
) -> Result<Vec<SearchHit>, ServerFnError> {
    use super::super::ssr::{internal, services, viewer};
    use crate::domain::auth::{may, Operation};
    use crate::ports::SearchRequest;
    let services = services()?;
    let query: String = query.trim().chars().take(super::MAX_QUERY).collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let request = SearchRequest {
        query,
        lang: Some(locale),
        category: None,
        internal: may(viewer().await?.as_ref(), Operation::ReadInternalArticles),
        limit: SUGGESTIONS,
    };
    let mut hits = services
        .search
        .search(request.clone())
        .await
        .map_err(internal)?;
    if hits.is_empty() {
        let everywhere = SearchRequest {
            lang: None,
            ..request
        };
        hits = services.search.search(everywhere).await.map_err(internal)?;
    }
    for hit in &mut hits {
        hit.snippet.clear();
    }
    Ok(hits)
}
