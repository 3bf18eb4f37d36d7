use crate::domain::kb::SearchInsights;
use leptos::prelude::*;

/// Days the search analytics look back.
pub const INSIGHT_DAYS: i64 = 30;

/// Top searches and searches that found nothing (knowledge editors and admins).
#[server(endpoint = "staff/search-insights")]
pub async fn get_search_insights() -> Result<SearchInsights, ServerFnError> {
    use super::super::ssr::{internal, require_signed_in, services};
    use crate::domain::auth::Operation;
    let store = services()?.store;
    require_signed_in(Operation::EditKnowledge).await?;
    let since = chrono::Utc::now() - chrono::Duration::days(INSIGHT_DAYS);
    store.search_insights(since, 20).await.map_err(internal)
}
