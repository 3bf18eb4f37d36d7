//! Storage of ticket work: changes under a revision, service settings, the agents' queues.

use super::{NewTicketEvent, StoreError};
use crate::domain::console::QueueQuery;
use crate::domain::ticket::TicketView;
use crate::domain::work::{ServiceSettings, Step};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// A change to a ticket, written only while the ticket is still at `revision`.
#[derive(Clone, Debug)]
pub struct TicketChange {
    pub number: String,
    /// The revision the change was decided on.
    pub revision: i64,
    /// New status, clocks and milestones, if they change.
    pub step: Option<Step>,
    /// New assignee (`Some(None)` takes the ticket back to the unassigned queue).
    pub assignee: Option<Option<i64>>,
    /// Timeline entries written in the same transaction.
    pub events: Vec<NewTicketEvent>,
    /// Entries on other tickets (by their number) in the same transaction, e.g. a merge's.
    pub others: Vec<NewTicketEvent>,
}

/// What became of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeOutcome {
    /// Written; the ticket is now at this revision.
    Done { revision: i64 },
    /// Someone changed the ticket meanwhile; nothing was written.
    Conflict,
}

/// What the periodic sweep found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BreachCount {
    pub response: u64,
    pub resolve: u64,
    /// Clocks that passed 75 % of their target (warned once each).
    pub warned: u64,
}

/// An agent who can take tickets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentRecord {
    pub id: i64,
    pub name: String,
}

/// Ticket work on the store.
#[async_trait]
pub trait TicketStore: Send + Sync {
    /// Writes a change if the ticket is still at the quoted revision.
    async fn change_ticket(&self, change: TicketChange) -> Result<ChangeOutcome, StoreError>;
    /// The service settings, or the manuals' defaults when none were saved.
    async fn service_settings(&self) -> Result<ServiceSettings, StoreError>;
    /// Saves the service settings.
    async fn save_service_settings(
        &self,
        settings: &ServiceSettings,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Flags tickets whose clocks ran out, or used 75 % of their target, once each, with a
    /// notice per flag in the same transaction; the breach flags stay for reports.
    async fn flag_breaches(&self, now: DateTime<Utc>) -> Result<BreachCount, StoreError>;
    /// Takes or renews the lease of background job `job` for `holder` until `until`; false while
    /// another instance holds it, so each job runs on one instance at a time.
    async fn claim_job(
        &self,
        job: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Resolved tickets resolved before `before`, for the quiet-period close.
    async fn quiet_resolved(&self, before: DateTime<Utc>) -> Result<Vec<String>, StoreError>;
    /// Up to `limit` tickets of an agents' queue, descriptions left out.
    async fn queue(
        &self,
        query: &QueueQuery,
        viewer_id: i64,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<TicketView>, StoreError>;
    /// People who work tickets: agents and admins.
    async fn agents(&self) -> Result<Vec<AgentRecord>, StoreError>;
    /// The requester's other tickets (by account or contact address), newest first.
    async fn tickets_of_requester(
        &self,
        number: &str,
        limit: i64,
    ) -> Result<Vec<TicketView>, StoreError>;
}
