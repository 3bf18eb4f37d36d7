//! Shared steps of the ticket-work server functions: who acts, what the timeline records, and
//! writing a change under the ticket's revision.

use super::TicketAccess;
use crate::api::ssr::{conflict, internal, request_locale, services};
use crate::domain::lifecycle::{Actor, TransitionError};
use crate::domain::ticket::{EventChange, EventKind, Status};
use crate::ports::{ChangeOutcome, NewTicketEvent, TicketChange};
use chrono::{DateTime, Utc};
use leptos::prelude::ServerFnError;

/// Staff act as agents; anyone else who may open the ticket is its customer.
pub(crate) fn actor(access: &TicketAccess) -> Actor {
    if access.staff {
        Actor::Agent
    } else {
        Actor::Customer
    }
}

/// The name the timeline shows: the signed-in person's, else the ticket's contact.
pub(crate) fn actor_name(access: &TicketAccess) -> String {
    access
        .viewer
        .as_ref()
        .map(|v| v.display_name.clone())
        .unwrap_or_else(|| access.ticket.view.contact_name.clone())
}

/// A public timeline entry recording a status change.
pub(crate) fn status_event(
    access: &TicketAccess,
    from: Status,
    to: Status,
    at: DateTime<Utc>,
) -> NewTicketEvent {
    NewTicketEvent {
        number: access.ticket.view.number.clone(),
        kind: EventKind::Status,
        actor_id: access.viewer.as_ref().map(|v| v.id),
        actor_name: actor_name(access),
        public: true,
        body: String::new(),
        at,
        change: Some(EventChange::Status { from, to }),
        files: Vec::new(),
    }
}

/// An internal timeline entry recording a hand-over to `to` (None: back to the queue).
pub(crate) fn assignment_event(
    access: &TicketAccess,
    to: Option<String>,
    reason: &str,
    at: DateTime<Utc>,
) -> NewTicketEvent {
    NewTicketEvent {
        number: access.ticket.view.number.clone(),
        kind: EventKind::Assigned,
        actor_id: access.viewer.as_ref().map(|v| v.id),
        actor_name: actor_name(access),
        public: false,
        body: reason.to_string(),
        at,
        change: Some(EventChange::Assigned { to }),
        files: Vec::new(),
    }
}

/// A refused step, as a 400 in the user's language.
pub(crate) fn refused(e: TransitionError) -> ServerFnError {
    let s = request_locale().strings();
    crate::api::ssr::bad_request(s.work.refused(e))
}

/// Writes a change; a ticket changed meanwhile gives a 409 that says so.
pub(crate) async fn commit(change: TicketChange) -> Result<(), ServerFnError> {
    match services()?
        .store
        .change_ticket(change)
        .await
        .map_err(internal)?
    {
        ChangeOutcome::Done { .. } => Ok(()),
        ChangeOutcome::Conflict => Err(conflict(request_locale().strings().work.err_conflict)),
    }
}
