//! Notifications on the store: the delivery log, webhooks, preferences, incidents, account mail.

use super::StoreError;
use crate::domain::incident::{Incident, IncidentForm};
use crate::domain::notify::{DeliveryCounts, DeliveryLine, NoticeKind};
use crate::domain::webhook::{HookFormat, Webhook};
use crate::i18n::Locale;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// A webhook to register.
#[derive(Clone, Debug)]
pub struct NewWebhook {
    pub name: String,
    pub url: String,
    pub secret: String,
    pub events: Vec<NoticeKind>,
    pub format: HookFormat,
    pub at: DateTime<Utc>,
}

/// A password-reset or verification e-mail to queue.
#[derive(Clone, Debug)]
pub struct AccountMail {
    pub user_id: i64,
    pub to: String,
    pub locale: Locale,
    pub link: String,
    pub reset: bool,
    pub at: DateTime<Utc>,
}

/// What linking a ticket to an incident did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkOutcome {
    Linked,
    NoTicket,
    /// The incident is resolved or does not exist.
    Closed,
}

/// Notifications on the store.
#[async_trait]
pub trait NotifyStore: Send + Sync {
    /// The newest deliveries (failed ones only with `failed_only`) and counts per status.
    async fn deliveries(
        &self,
        failed_only: bool,
        limit: i64,
    ) -> Result<(DeliveryCounts, Vec<DeliveryLine>), StoreError>;
    /// Removes notices (with their deliveries) older than `before` that have nothing left to
    /// send; returns how many.
    async fn prune_notices(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;
    /// Puts a failed delivery back in the queue, due now; false if it is not failed.
    async fn retry_delivery(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Every registered webhook.
    async fn webhooks(&self) -> Result<Vec<Webhook>, StoreError>;
    /// Registers a webhook and returns its id.
    async fn add_webhook(&self, hook: NewWebhook) -> Result<i64, StoreError>;
    /// Removes a webhook with its pending deliveries; false if there was none.
    async fn delete_webhook(&self, id: i64) -> Result<bool, StoreError>;
    /// The e-mail notices a person turned off.
    async fn muted(&self, user_id: i64) -> Result<Vec<NoticeKind>, StoreError>;
    /// Saves the e-mail notices a person turned off.
    async fn set_muted(&self, user_id: i64, muted: &[NoticeKind]) -> Result<(), StoreError>;
    /// Queues an account e-mail through the outbox.
    async fn queue_account_mail(&self, mail: AccountMail) -> Result<(), StoreError>;
    /// Incidents, open ones first, then the latest resolved ones (up to `limit` in all).
    async fn incidents(&self, open_only: bool, limit: i64) -> Result<Vec<Incident>, StoreError>;
    /// Declares an incident and returns its id.
    async fn declare_incident(
        &self,
        form: &IncidentForm,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    /// Links a ticket (by number) to an open incident.
    async fn link_incident(
        &self,
        id: i64,
        number: &str,
        at: DateTime<Utc>,
    ) -> Result<LinkOutcome, StoreError>;
    /// Resolves an open incident, queueing a notice to every linked ticket's customer in the same
    /// transaction; false if it was not open.
    async fn resolve_incident(
        &self,
        id: i64,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
}
