//! The knowledge base's full-text index.

use super::StoreError;
use crate::domain::kb::SearchHit;
use crate::i18n::Locale;
use async_trait::async_trait;

/// What someone asked the knowledge base.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    pub query: String,
    /// Only this language; `None` for both.
    pub lang: Option<Locale>,
    /// Only this category and the ones below it.
    pub category: Option<String>,
    /// Include internal articles (staff only).
    pub internal: bool,
    pub limit: usize,
}

/// Finds articles; the database stays the only copy of them.
#[async_trait]
pub trait Search: Send + Sync {
    /// The best matches, best first.
    async fn search(&self, request: SearchRequest) -> Result<Vec<SearchHit>, StoreError>;
    /// Brings one article's entries up to date with the database (publish, unpublish, delete).
    async fn refresh(&self, slug: &str) -> Result<(), StoreError>;
    /// Replaces the synonym groups used by later queries.
    async fn set_synonyms(&self, groups: Vec<Vec<String>>);
}
