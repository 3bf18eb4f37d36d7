//! Knowledge-base analytics and reader feedback on the store.

use super::StoreError;
use crate::domain::kb::{ArticleExtras, SearchInsights};
use crate::i18n::Locale;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// A reader's answer to "did this help?".
#[derive(Clone, Debug)]
pub struct FeedbackInsert {
    pub slug: String,
    pub locale: Locale,
    pub helpful: bool,
    pub comment: String,
    pub at: DateTime<Utc>,
}

/// An image an editor uploaded for articles.
#[derive(Clone, Debug)]
pub struct KbImage {
    pub storage_key: String,
    pub display_key: String,
    pub name: String,
    pub size: i64,
    pub by: i64,
    pub at: DateTime<Utc>,
}

/// Views, feedback, search log, synonyms and article images.
#[async_trait]
pub trait KnowledgeStore: Send + Sync {
    /// Keeps a search (already stripped of personal data) under `id`, a random number the
    /// results page already handed out for click tracking.
    async fn log_search(
        &self,
        id: i64,
        query: &str,
        locale: Locale,
        results: i64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Notes which result a search led to; only the first click of a search counts.
    async fn log_click(&self, search_id: i64, slug: &str) -> Result<(), StoreError>;
    /// Counts one view of an article.
    async fn count_view(&self, slug: &str) -> Result<(), StoreError>;
    /// Stores feedback; false when there is no such public article.
    async fn add_feedback(&self, feedback: FeedbackInsert) -> Result<bool, StoreError>;
    /// Counts, tags and related articles (in `locale` where translated).
    async fn article_extras(
        &self,
        slug: &str,
        locale: Locale,
        internal: bool,
    ) -> Result<ArticleExtras, StoreError>;
    /// Top searches and searches without results since `since`.
    async fn search_insights(
        &self,
        since: DateTime<Utc>,
        limit: i64,
    ) -> Result<SearchInsights, StoreError>;
    /// The synonym groups, one comma-separated line each.
    async fn synonym_lines(&self) -> Result<Vec<String>, StoreError>;
    /// Replaces every synonym group.
    async fn save_synonyms(&self, lines: &[String]) -> Result<(), StoreError>;
    /// Records an uploaded article image; returns its id.
    async fn add_kb_image(&self, image: KbImage) -> Result<i64, StoreError>;
    /// The storage key of an article image's display copy.
    async fn kb_image(&self, id: i64) -> Result<Option<String>, StoreError>;
    /// Readers' comments on an article, newest first, as (helpful, comment, when).
    async fn feedback_comments(
        &self,
        slug: &str,
        limit: i64,
    ) -> Result<Vec<(bool, String, DateTime<Utc>)>, StoreError>;
}
