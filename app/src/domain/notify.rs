//! Who hears of what: notice kinds, their audiences, retry back-off and idempotency keys.

use super::ticket::{Code, EventChange, EventKind, Status};
use serde::{Deserialize, Serialize};

/// What a notification is about; stored in the outbox and named in webhook filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    TicketCreated,
    CustomerReply,
    AgentReply,
    Note,
    Assigned,
    StatusChanged,
    /// The ticket was resolved: the customer is asked to rate the service.
    RatingRequest,
    Rated,
    Complaint,
    Merged,
    SlaWarning,
    SlaBreach,
    IncidentDeclared,
    IncidentResolved,
    /// A password-reset or address-verification link.
    AccountLink,
}

super::ticket::codes!(NoticeKind {
    TicketCreated => "ticket_created",
    CustomerReply => "customer_reply",
    AgentReply => "agent_reply",
    Note => "note",
    Assigned => "assigned",
    StatusChanged => "status_changed",
    RatingRequest => "rating_request",
    Rated => "rated",
    Complaint => "complaint",
    Merged => "merged",
    SlaWarning => "sla_warning",
    SlaBreach => "sla_breach",
    IncidentDeclared => "incident_declared",
    IncidentResolved => "incident_resolved",
    AccountLink => "account_link",
});

impl NoticeKind {
    /// The notice a timeline entry gives; a reply is an agent's when staff wrote it.
    pub fn of_event(kind: EventKind, by_staff: bool, change: Option<&EventChange>) -> Self {
        match kind {
            EventKind::Created => NoticeKind::TicketCreated,
            EventKind::Reply if by_staff => NoticeKind::AgentReply,
            EventKind::Reply => NoticeKind::CustomerReply,
            EventKind::Note => NoticeKind::Note,
            EventKind::Assigned => NoticeKind::Assigned,
            EventKind::Status => match change {
                Some(EventChange::Status {
                    to: Status::Resolved,
                    ..
                }) => NoticeKind::RatingRequest,
                _ => NoticeKind::StatusChanged,
            },
            EventKind::Rated => NoticeKind::Rated,
            EventKind::Complaint | EventKind::ComplaintClosed => NoticeKind::Complaint,
            EventKind::Merged => NoticeKind::Merged,
        }
    }

    /// Whether a person may turn the e-mail off; links they asked for always go out.
    pub fn mutable(self) -> bool {
        !matches!(self, NoticeKind::AccountLink | NoticeKind::IncidentResolved)
    }

    /// The kinds people see in their preferences: customers' first, then staff's.
    pub const PREFERENCES: [NoticeKind; 8] = [
        NoticeKind::AgentReply,
        NoticeKind::StatusChanged,
        NoticeKind::RatingRequest,
        NoticeKind::TicketCreated,
        NoticeKind::CustomerReply,
        NoticeKind::Assigned,
        NoticeKind::SlaWarning,
        NoticeKind::SlaBreach,
    ];
}

/// A group of people a notice goes to by e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The ticket's contact: the signed-in requester or the guest's address.
    Customer,
    /// The agent the ticket is assigned to.
    Assignee,
    /// Everyone in the ticket's team (every agent when it has none): its queue.
    Team,
    /// The support leads (admins), who watch the service levels.
    Leads,
}

/// The facts about the ticket that decide the audience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TicketFacts {
    pub assigned: bool,
    pub urgent: bool,
    /// Whether the event is visible to the customer.
    pub public: bool,
}

/// Who is told of `kind` by e-mail (the actor is left out by the caller).
pub fn audience(kind: NoticeKind, t: TicketFacts) -> Vec<Audience> {
    use Audience::*;
    let workers = if t.assigned { Assignee } else { Team };
    match kind {
        // An unassigned ticket pages its whole team; an urgent one also the leads.
        NoticeKind::TicketCreated if !t.assigned && t.urgent => vec![Customer, Team, Leads],
        NoticeKind::TicketCreated => vec![Customer, workers],
        NoticeKind::CustomerReply => vec![workers],
        NoticeKind::AgentReply | NoticeKind::StatusChanged | NoticeKind::RatingRequest
            if t.public =>
        {
            vec![Customer]
        }
        NoticeKind::Assigned if t.assigned => vec![Assignee],
        NoticeKind::SlaWarning | NoticeKind::SlaBreach => vec![workers, Leads],
        NoticeKind::Complaint => vec![Leads],
        NoticeKind::IncidentResolved => vec![Customer],
        _ => Vec::new(),
    }
}

/// How many times a delivery is tried before it is marked failed for staff to see.
pub const MAX_ATTEMPTS: u32 = 10;

/// The wait before attempt `attempts + 1`: doubling from `base_ms`, at most an hour.
pub fn retry_delay_ms(attempts: u32, base_ms: u64) -> u64 {
    let doubled = base_ms.saturating_mul(1u64 << attempts.saturating_sub(1).min(20));
    doubled.min(3_600_000)
}

/// The idempotency key of one event's delivery to one recipient over one channel; sent as the
/// e-mail's Message-ID and the webhook's delivery header, so receivers can drop repeats.
pub fn idempotency_key(event_id: i64, channel: &str, recipient: &str) -> String {
    format!("n{event_id}-{channel}-{recipient}")
}

/// What one delivery's status is, as the log shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    Pending,
    Sent,
    Failed,
}

super::ticket::codes!(DeliveryStatus {
    Pending => "pending",
    Sent => "sent",
    Failed => "failed",
});

/// One line of the delivery log staff read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryLine {
    pub id: i64,
    pub event_id: i64,
    pub kind: NoticeKind,
    pub channel: String,
    pub recipient: String,
    pub summary: String,
    pub status: DeliveryStatus,
    pub attempts: i64,
    pub last_error: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub next_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Counts per status for the log's heading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

/// An event on the live stream (Server-Sent Events), as the browser receives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    /// The outbox id: the stream's event id, from which a reconnect resumes.
    pub id: i64,
    pub kind: NoticeKind,
    /// The ticket's number, when the event is about one.
    pub ticket: Option<String>,
    /// The ticket's subject or the incident's title.
    pub title: String,
    pub urgent: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_split_by_who_wrote_them() {
        assert_eq!(
            NoticeKind::of_event(EventKind::Reply, true, None),
            NoticeKind::AgentReply
        );
        assert_eq!(
            NoticeKind::of_event(EventKind::Reply, false, None),
            NoticeKind::CustomerReply
        );
        let resolved = EventChange::Status {
            from: Status::InProgress,
            to: Status::Resolved,
        };
        assert_eq!(
            NoticeKind::of_event(EventKind::Status, true, Some(&resolved)),
            NoticeKind::RatingRequest
        );
    }

    #[test]
    fn audiences_follow_assignment_and_urgency() {
        let unassigned_urgent = TicketFacts {
            assigned: false,
            urgent: true,
            public: true,
        };
        assert_eq!(
            audience(NoticeKind::TicketCreated, unassigned_urgent),
            vec![Audience::Customer, Audience::Team, Audience::Leads]
        );
        let assigned = TicketFacts {
            assigned: true,
            urgent: false,
            public: true,
        };
        assert_eq!(
            audience(NoticeKind::CustomerReply, assigned),
            vec![Audience::Assignee]
        );
        assert_eq!(
            audience(NoticeKind::SlaWarning, assigned),
            vec![Audience::Assignee, Audience::Leads]
        );
        let internal = TicketFacts {
            public: false,
            ..assigned
        };
        assert!(audience(NoticeKind::AgentReply, internal).is_empty());
        assert!(audience(NoticeKind::Note, assigned).is_empty());
    }

    #[test]
    fn back_off_doubles_up_to_an_hour() {
        assert_eq!(retry_delay_ms(1, 30_000), 30_000);
        assert_eq!(retry_delay_ms(2, 30_000), 60_000);
        assert_eq!(retry_delay_ms(4, 30_000), 240_000);
        assert_eq!(retry_delay_ms(9, 30_000), 3_600_000);
        assert_eq!(retry_delay_ms(60, 30_000), 3_600_000);
    }

    #[test]
    fn kinds_round_trip_their_codes() {
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::from_code(k.code()), Some(*k));
        }
        assert!(!NoticeKind::AccountLink.mutable());
        assert_eq!(idempotency_key(7, "email", "u3"), "n7-email-u3");
    }
}
