use crate::domain::kb::SearchResults;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Longest query accepted, in characters; longer ones are cut, never refused.
pub const MAX_QUERY: usize = 200;
/// Results on the search page.
pub const RESULTS: usize = 20;

/// Searches the knowledge base and keeps the query (without personal data) for analytics.
/// `lang` is `zh`, `en`, `all`, or empty for the reader's language (both when that finds
/// nothing); `category` narrows to a category and those below it.
#[server(endpoint = "kb/search")]
pub async fn search_articles(
    query: String,
    locale: Locale,
    lang: String,
    category: String,
) -> Result<SearchResults, ServerFnError> {
    use super::super::ssr::{internal, services, viewer};
    use crate::domain::auth::{may, Operation};
    use crate::domain::kb::loggable_query;
    use crate::ports::SearchRequest;
    let services = services()?;
    let query: String = query.trim().chars().take(MAX_QUERY).collect();
    if query.is_empty() {
        return Ok(SearchResults::default());
    }
    let request = SearchRequest {
        query: query.clone(),
        lang: match lang.as_str() {
            "all" => None,
            code => Some(Locale::parse(code).unwrap_or(locale)),
        },
        category: Some(category).filter(|c| !c.is_empty()),
        internal: may(viewer().await?.as_ref(), Operation::ReadInternalArticles),
        limit: RESULTS,
    };
    let mut hits = services
        .search
        .search(request.clone())
        .await
        .map_err(internal)?;
    if hits.is_empty() && lang.is_empty() {
        let everywhere = SearchRequest {
            lang: None,
            ..request
        };
        hits = services.search.search(everywhere).await.map_err(internal)?;
    }
    let found = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    // Analytics must not slow the answer down: the durable write happens after it is sent.
    let query_id = i64::from_str_radix(&super::super::ssr::random_token()[..15], 16).unwrap_or(1);
    let store = services.store.clone();
    let logged = loggable_query(&query);
    tokio::spawn(async move {
        let at = chrono::Utc::now();
        if let Err(err) = store.log_search(query_id, &logged, locale, found, at).await {
            tracing::warn!("search not logged: {err}");
        }
    });
    Ok(SearchResults {
        hits,
        query_id: Some(query_id),
    })
}
