//! Writing, reviewing and publishing articles on the store.

use super::StoreError;
use crate::domain::kb_editor::{EditorArticle, VersionInfo, VersionText};
use crate::domain::review::VersionStatus;
use crate::i18n::Locale;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// An article's labels, shared by its languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleLabels {
    pub category_slug: String,
    pub internal: bool,
    pub tags: Vec<String>,
    /// Articles chosen to show as related, by slug, in order.
    pub related: Vec<String>,
}

/// A draft to keep: creates the article when `slug` is new.
#[derive(Clone, Debug)]
pub struct DraftSave {
    pub slug: String,
    pub locale: Locale,
    pub labels: ArticleLabels,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub author_id: i64,
    pub at: DateTime<Utc>,
}

/// A status change of a language's open version.
#[derive(Clone, Debug)]
pub struct VersionMove {
    pub slug: String,
    pub locale: Locale,
    /// The version the person acted on; a newer one means someone changed it meanwhile.
    pub version: i64,
    pub from: VersionStatus,
    pub to: VersionStatus,
    pub by: i64,
    pub comment: String,
    pub at: DateTime<Utc>,
    /// For a publication: the rendered, sanitised text.
    pub body_html: Option<String>,
}

/// What became of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditOutcome {
    Done,
    /// The category named does not exist.
    UnknownCategory,
    /// A related article named does not exist.
    UnknownRelated,
    /// The version is not in the expected status any more (changed meanwhile).
    Stale,
    /// No such article or version.
    Missing,
}

/// Articles as editors work on them.
#[async_trait]
pub trait ArticleStore: Send + Sync {
    /// Every article with each language's published and open version.
    async fn editor_articles(&self, locale: Locale) -> Result<Vec<EditorArticle>, StoreError>;
    /// An article's labels; `None` when there is no such article.
    async fn article_labels(&self, slug: &str) -> Result<Option<ArticleLabels>, StoreError>;
    /// Keeps the open version of a language (creating it, or the article, if needed) and the
    /// article's labels. An open version in review is not overwritten (`Stale`).
    async fn save_article_draft(&self, draft: DraftSave) -> Result<EditOutcome, StoreError>;
    /// Moves the open version from one status to another; publishing also replaces the text
    /// readers see. One transaction.
    async fn move_version(&self, step: VersionMove) -> Result<EditOutcome, StoreError>;
    /// Every version of a language, newest first.
    async fn versions(&self, slug: &str, locale: Locale) -> Result<Vec<VersionInfo>, StoreError>;
    /// One version's text.
    async fn version_text(
        &self,
        slug: &str,
        locale: Locale,
        version: i64,
    ) -> Result<Option<VersionText>, StoreError>;
    /// Versions waiting for review, oldest first.
    async fn review_queue(&self) -> Result<Vec<(String, Locale, i64)>, StoreError>;
    /// Publishes a copy of an earlier version as the newest one.
    async fn roll_back(
        &self,
        slug: &str,
        locale: Locale,
        version: i64,
        by: i64,
        body_html: String,
        at: DateTime<Utc>,
    ) -> Result<EditOutcome, StoreError>;
    /// Takes a language off the portal; its versions stay.
    async fn unpublish(&self, slug: &str, locale: Locale) -> Result<EditOutcome, StoreError>;
    /// Whether reviewers may approve their own texts (admin setting; off by default).
    async fn self_review_allowed(&self) -> Result<bool, StoreError>;
    /// Changes that setting.
    async fn set_self_review(&self, allowed: bool, at: DateTime<Utc>) -> Result<(), StoreError>;
}
