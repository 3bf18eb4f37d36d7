//! Ratings, complaints and canned replies on the store.

use super::StoreError;
use crate::domain::canned::CannedReply;
use crate::domain::rating::{ComplaintView, Rating, RatingView};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// A rating to store with its timeline entry, and the complaint it opens if poor.
#[derive(Clone, Debug)]
pub struct RatingInsert {
    pub number: String,
    pub rating: Rating,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    /// Set when the rating opens a complaint: when the lead must answer by.
    pub complaint_due: Option<DateTime<Utc>>,
}

/// What became of a rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateOutcome {
    Saved,
    /// The ticket was rated before; nothing was written.
    AlreadyRated,
}

/// The lead's answer to a complaint.
#[derive(Clone, Debug)]
pub struct ComplaintOutcome {
    pub number: String,
    pub outcome: String,
    pub by_id: i64,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// Ratings and complaints.
#[async_trait]
pub trait CareStore: Send + Sync {
    /// Stores a rating, its timeline entry and any complaint, in one transaction.
    async fn rate(&self, insert: RatingInsert) -> Result<RateOutcome, StoreError>;
    /// A ticket's rating, if rated.
    async fn rating(&self, number: &str) -> Result<Option<RatingView>, StoreError>;
    /// A ticket's complaint, if any.
    async fn complaint(&self, number: &str) -> Result<Option<ComplaintView>, StoreError>;
    /// Open complaints by deadline, or handled ones newest first.
    async fn complaints(&self, open: bool, limit: i64) -> Result<Vec<ComplaintView>, StoreError>;
    /// Records the outcome of an open complaint; false when there is none open.
    async fn close_complaint(&self, outcome: ComplaintOutcome) -> Result<bool, StoreError>;
}

/// A canned reply to store.
#[derive(Clone, Debug)]
pub struct NewCanned {
    pub locale: crate::i18n::Locale,
    pub title: String,
    pub body: String,
    pub by: i64,
    pub at: DateTime<Utc>,
}

/// Canned replies.
#[async_trait]
pub trait CannedStore: Send + Sync {
    /// Every canned reply, by language and title.
    async fn canned_replies(&self) -> Result<Vec<CannedReply>, StoreError>;
    /// Stores a canned reply; returns its id.
    async fn add_canned(&self, reply: NewCanned) -> Result<i64, StoreError>;
    /// Deletes one; false if it was not there.
    async fn delete_canned(&self, id: i64) -> Result<bool, StoreError>;
}

/// An article draft made from a ticket.
#[derive(Clone, Debug)]
pub struct NewDraft {
    pub number: String,
    pub locale: crate::i18n::Locale,
    pub title: String,
    pub body_md: String,
    pub author_id: i64,
    pub author: String,
    pub at: DateTime<Utc>,
}

/// Article drafts made from tickets.
#[async_trait]
pub trait DraftStore: Send + Sync {
    /// Stores a draft; returns its id.
    async fn add_article_draft(&self, draft: NewDraft) -> Result<i64, StoreError>;
    /// The newest drafts.
    async fn article_drafts(
        &self,
        limit: i64,
    ) -> Result<Vec<crate::domain::sediment::ArticleDraft>, StoreError>;
}
