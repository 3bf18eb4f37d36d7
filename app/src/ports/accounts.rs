//! Storage of accounts, sessions, one-time links and the audit trail; and outgoing mail.

use super::StoreError;
use crate::domain::account::StaffMember;
use crate::domain::audit::{AuditEntry, AuditRecord, ChainBreak};
use crate::domain::auth::Role;
use crate::domain::ticket::EventKind;
use crate::i18n::Locale;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// An account as stored.
#[derive(Clone, Debug)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub locale: Locale,
    pub roles: Vec<Role>,
    pub email_verified: bool,
    pub disabled: bool,
}

/// A new account.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub locale: Locale,
    pub roles: Vec<Role>,
    pub verified: bool,
    pub created_at: DateTime<Utc>,
}

/// A server-side session; the cookie holds the token, this row its hash.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub token_hash: String,
    pub user_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub source_ip: String,
}

/// What a single-use link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    Reset,
    Verify,
}

impl TokenPurpose {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::Reset => "reset",
            TokenPurpose::Verify => "verify",
        }
    }
}

/// What using a single-use link found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenUse {
    Valid { user_id: i64 },
    Expired,
    Used,
    Unknown,
}

/// A reply, note or other entry for a ticket's timeline.
#[derive(Clone, Debug)]
pub struct NewTicketEvent {
    pub number: String,
    pub kind: EventKind,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub public: bool,
    pub body: String,
    pub at: DateTime<Utc>,
    /// The status or assignment change the entry records.
    pub change: Option<crate::domain::ticket::EventChange>,
    /// Hashes of staged files' tokens to attach to this entry.
    pub files: Vec<String>,
}

/// Filters for browsing the audit trail.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Only actions starting with this, e.g. `auth.`.
    pub action_prefix: String,
    /// Only actors whose label contains this.
    pub actor: String,
    /// Only records older than this id (paging backwards).
    pub before_id: Option<i64>,
    pub limit: i64,
}

/// Accounts, sessions and one-time links.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Creates an account; `None` when the e-mail address is taken.
    async fn create_user(&self, user: NewUser) -> Result<Option<i64>, StoreError>;
    /// An account by (normalised) e-mail address.
    async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError>;
    /// An account by id.
    async fn user(&self, id: i64) -> Result<Option<UserRecord>, StoreError>;
    /// Replaces the password and ends every session of the account except `keep`.
    async fn set_password(
        &self,
        user_id: i64,
        hash: &str,
        keep: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Stores a new session.
    async fn create_session(&self, session: SessionRecord) -> Result<(), StoreError>;
    /// A session and its account, by token hash.
    async fn session(
        &self,
        token_hash: &str,
    ) -> Result<Option<(SessionRecord, UserRecord)>, StoreError>;
    /// Records that a session was used at `now`.
    async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// Ends a session.
    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;
    /// Stores a single-use link valid until `expires_at`.
    async fn create_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        user_id: i64,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// What a single-use link would give, without using it.
    async fn peek_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<TokenUse, StoreError>;
    /// Uses a single-use link: marks it used if it is valid, in one statement.
    async fn consume_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<TokenUse, StoreError>;
    /// Marks the address verified and claims the guest tickets opened with it; returns how many.
    async fn verify_email(&self, user_id: i64, now: DateTime<Utc>) -> Result<u64, StoreError>;
    /// Everyone holding a staff role.
    async fn staff(&self) -> Result<Vec<StaffMember>, StoreError>;
    /// Replaces a person's staff roles.
    async fn set_roles(&self, user_id: i64, roles: &[Role]) -> Result<(), StoreError>;
    /// Everything stored about a person, for their download.
    async fn export_user(&self, user_id: i64) -> Result<serde_json::Value, StoreError>;
    /// Pseudonymises a person: account and ticket contact details are replaced, sessions end;
    /// the tickets and their timelines stay as service records.
    async fn erase_user(&self, user_id: i64, now: DateTime<Utc>) -> Result<(), StoreError>;
}

/// The append-only, hash-chained audit trail.
#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends a record, chained to the last one.
    async fn append_audit(&self, entry: AuditEntry) -> Result<(), StoreError>;
    /// Records matching `filter`, newest first.
    async fn audit_records(&self, filter: AuditFilter) -> Result<Vec<AuditRecord>, StoreError>;
    /// Walks the whole chain; the number of records, or the first break.
    async fn verify_audit(&self) -> Result<Result<usize, ChainBreak>, StoreError>;
}
