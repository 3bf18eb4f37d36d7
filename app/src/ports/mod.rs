//! Boundaries the server implements: storage, files and search. Server functions reach them through
//! [`Services`].

mod accounts;
mod articles;
mod care;
mod files;
mod flows;
mod integrations;
mod knowledge;
mod notify;
mod search;
mod teams;
mod tickets;

pub use accounts::*;
pub use articles::*;
pub use care::*;
pub use files::*;
pub use flows::*;
pub use integrations::*;
pub use knowledge::*;
pub use notify::*;
pub use search::*;
pub use teams::*;
pub use tickets::*;

use crate::domain::kb::{KbCategory, KbCategoryPage};
use crate::domain::ticket::{NewTicket, TicketEvent, TicketSummary, TicketView};
use crate::i18n::Locale;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// A storage failure; details are for the log, never for the browser.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

/// An article as stored: sanitised HTML rendered at write time.
#[derive(Clone, Debug)]
pub struct ArticleRecord {
    pub slug: String,
    pub title: String,
    pub body_html: String,
    pub category_slug: String,
    pub category_name: String,
    /// The category above the article's, as (slug, name).
    pub parent: Option<(String, String)>,
    pub lang: Locale,
    pub updated_at: DateTime<Utc>,
}

/// Everything needed to store a new ticket in one transaction.
#[derive(Clone, Debug)]
pub struct TicketInsert {
    pub ticket: NewTicket,
    pub locale: Locale,
    /// SHA-256 of the access key in the customer's link; the key itself is never stored.
    pub access_hash: String,
    pub created_at: DateTime<Utc>,
    /// The signed-in customer who opened it; `None` for a guest.
    pub requester_id: Option<i64>,
    pub first_response_due: DateTime<Utc>,
    pub resolve_due: DateTime<Utc>,
    /// The targets in force, kept with the ticket for its clocks.
    pub targets: crate::domain::sla::Targets,
    /// Hashes of staged files' tokens, attached to the first event.
    pub files: Vec<String>,
    /// The customer's private link for the receipt e-mail, with `{number}` standing for the
    /// number the store assigns; kept only until the receipt is sent.
    pub link: String,
}

/// A ticket with the hash that guards it.
#[derive(Clone, Debug)]
pub struct GuardedTicket {
    pub view: TicketView,
    pub access_hash: String,
    pub requester_id: Option<i64>,
    /// The language the ticket was opened in: the customer's.
    pub locale: Locale,
}

/// A ticket line with the hash that guards it.
#[derive(Clone, Debug)]
pub struct GuardedSummary {
    pub summary: TicketSummary,
    pub access_hash: String,
}

/// The portal's storage. SQL is portable so a PostgreSQL implementation can follow.
#[async_trait]
pub trait Store:
    AccountStore
    + ArticleStore
    + AuditStore
    + TicketStore
    + FileStore
    + FlowStore
    + FlowRunStore
    + CareStore
    + CannedStore
    + DraftStore
    + IntegrationStore
    + KnowledgeStore
    + NotifyStore
    + TeamStore
    + Send
    + Sync
{
    /// Every knowledge-base category, parents before their children, with public article counts.
    async fn kb_categories(&self, locale: Locale) -> Result<Vec<KbCategory>, StoreError>;
    /// One category and its public articles.
    async fn kb_category(
        &self,
        slug: &str,
        locale: Locale,
    ) -> Result<Option<KbCategoryPage>, StoreError>;
    /// An article in `locale`, or in another language when it has no such translation.
    /// Internal articles are found only when `internal` is true (staff).
    async fn article(
        &self,
        slug: &str,
        locale: Locale,
        internal: bool,
    ) -> Result<Option<ArticleRecord>, StoreError>;
    /// Stores a ticket with its first event and returns its new number.
    async fn create_ticket(&self, insert: TicketInsert) -> Result<String, StoreError>;
    /// A ticket by its number.
    async fn ticket(&self, number: &str) -> Result<Option<GuardedTicket>, StoreError>;
    /// Several tickets by number, newest first.
    async fn tickets(&self, numbers: &[String]) -> Result<Vec<GuardedSummary>, StoreError>;
    /// The tickets a signed-in customer opened (or claimed), newest first.
    async fn tickets_of(&self, requester_id: i64) -> Result<Vec<TicketSummary>, StoreError>;
    /// Every ticket, newest first, for the agents' queue.
    async fn all_tickets(&self, limit: i64) -> Result<Vec<TicketSummary>, StoreError>;
    /// A ticket's timeline; internal notes only when `internal` is true.
    async fn ticket_events(
        &self,
        number: &str,
        internal: bool,
    ) -> Result<Vec<TicketEvent>, StoreError>;
    /// Appends a reply or an internal note to a ticket's timeline.
    async fn add_ticket_event(&self, event: NewTicketEvent) -> Result<(), StoreError>;
    /// Keeps a rejected form for an hour so a browser without JavaScript gets it back.
    async fn save_draft(
        &self,
        id: &str,
        json: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Reads a kept form, if it has not expired.
    async fn draft(&self, id: &str, now: DateTime<Utc>) -> Result<Option<String>, StoreError>;
}

/// What server functions need from the server, provided as context on every request.
#[derive(Clone)]
pub struct Services {
    pub store: Arc<dyn Store>,
    /// The bytes of attached files.
    pub files: Arc<dyn FileBytes>,
    /// The knowledge base's full-text index.
    pub search: Arc<dyn Search>,
    pub sessions: crate::domain::session::SessionPolicy,
    pub limits: crate::domain::rate_limit::Limits,
    pub limiter: Arc<std::sync::Mutex<crate::domain::rate_limit::RateLimiter>>,
    /// Mark cookies `Secure` (the portal is served over HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy).
    pub trust_proxy: bool,
    /// The portal's public address, for links in e-mails.
    pub public_url: String,
}
