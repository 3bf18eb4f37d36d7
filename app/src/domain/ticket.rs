//! Ticket classification and the customer's intake record (PRODUCT.md steps 1–2).

use serde::{Deserialize, Serialize};

/// Fault domain of a ticket (000 §3.2.2, 003 §4.1), plus consultation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Hardware,
    Software,
    Network,
    System,
    Security,
    Consultation,
}

/// How badly the business is hit (002 §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Urgent,
    Important,
    Normal,
}

/// One user or device, or everyone (001 §7.1.2); a global fault is a major incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    Local,
    Global,
}

/// Where a ticket stands in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Acknowledged,
    InProgress,
    WaitingOnCustomer,
    Resolved,
    Closed,
}

/// Maps a stable code (as stored and posted) to a variant and back.
pub trait Code: Sized + Copy + 'static {
    /// Every variant, in display order.
    const ALL: &'static [Self];
    /// The stable code.
    fn code(self) -> &'static str;
    /// Parses a stable code.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! codes {
    ($ty:ty { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl Code for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$variant),+];
            fn code(self) -> &'static str {
                match self { $(<$ty>::$variant => $code),+ }
            }
        }
    };
}
pub(crate) use codes;

codes!(Category {
    Hardware => "hardware",
    Software => "software",
    Network => "network",
    System => "system",
    Security => "security",
    Consultation => "consultation",
});
codes!(Priority { Urgent => "urgent", Important => "important", Normal => "normal" });
codes!(Impact { Local => "local", Global => "global" });
codes!(Status {
    New => "new",
    Acknowledged => "acknowledged",
    InProgress => "in_progress",
    WaitingOnCustomer => "waiting_on_customer",
    Resolved => "resolved",
    Closed => "closed",
});

/// What the customer typed into the ticket form, unparsed, so a failed submit can give it all back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketForm {
    pub contact_name: String,
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub organisation: String,
    pub subject: String,
    pub description: String,
    #[serde(default)]
    pub started: String,
    #[serde(default)]
    pub device: String,
    #[serde(default)]
    pub software_version: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub priority: String,
    #[serde(default)]
    pub impact: String,
}

/// A validated ticket request, ready to be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTicket {
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub organisation: Option<String>,
    pub subject: String,
    pub description: String,
    pub started: Option<String>,
    pub device: Option<String>,
    pub software_version: Option<String>,
    pub category: Category,
    pub priority: Priority,
    pub impact: Impact,
}

/// The customer's view of a stored ticket.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketView {
    pub number: String,
    pub subject: String,
    pub description: String,
    pub contact_name: String,
    pub category: Category,
    pub priority: Priority,
    pub impact: Impact,
    pub status: Status,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub first_response_due: chrono::DateTime<chrono::Utc>,
    pub resolve_due: chrono::DateTime<chrono::Utc>,
    /// Where the work stands: revision, assignee, clock stops and milestones.
    pub work: WorkState,
}

/// The changing part of a ticket, guarded by `revision` against concurrent edits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkState {
    /// Grows by one with every change; a change quoting an older one is refused.
    pub revision: i64,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    /// When the resolve clock stopped (waiting on the customer, or resolved).
    pub paused_at: Option<chrono::DateTime<chrono::Utc>>,
    pub first_responded_at: Option<chrono::DateTime<chrono::Utc>>,
    pub resolved_at: Option<chrono::DateTime<chrono::Utc>>,
    pub closed_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The targets the ticket was opened under, in minutes of service time.
    pub respond_minutes: i64,
    pub resolve_minutes: i64,
}

/// What a timeline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    Reply,
    Note,
    /// The status changed; the event's `change` says from what to what.
    Status,
    /// The ticket was given to an agent (or taken back), with the reason.
    Assigned,
    /// The customer rated the service; the comment is the body.
    Rated,
    /// A poor rating opened a complaint for the support lead.
    Complaint,
    /// The lead recorded the complaint's outcome; the outcome is the body.
    ComplaintClosed,
    /// A duplicate was merged: into another ticket, or from one (see the change).
    Merged,
}

codes!(EventKind {
    Created => "created",
    Reply => "reply",
    Note => "note",
    Status => "status",
    Assigned => "assigned",
    Rated => "rated",
    Complaint => "complaint",
    ComplaintClosed => "complaint_closed",
    Merged => "merged",
});

/// The facts a status or assignment event records, kept as JSON beside the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventChange {
    Status {
        from: Status,
        to: Status,
    },
    Assigned {
        to: Option<String>,
    },
    Rated {
        overall: u8,
    },
    /// This ticket was closed as a duplicate of `into`.
    MergedInto {
        into: String,
    },
    /// The duplicate `from` was merged into this ticket.
    MergedFrom {
        from: String,
    },
}

/// One entry of a ticket's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketEvent {
    pub kind: EventKind,
    pub author: String,
    pub body: String,
    /// An internal note, never sent to customers.
    pub internal: bool,
    pub at: chrono::DateTime<chrono::Utc>,
    /// What a status or assignment event changed.
    pub change: Option<EventChange>,
    /// Files attached to this entry.
    #[serde(default)]
    pub attachments: Vec<super::attachment::AttachmentView>,
    /// Written by support staff (an agent or admin), not the customer.
    #[serde(default)]
    pub by_staff: bool,
}

/// A ticket with its timeline, as a page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketPageData {
    pub ticket: TicketView,
    pub events: Vec<TicketEvent>,
    /// The viewer works tickets and may add internal notes.
    pub staff: bool,
    /// The first-response clock as it stood when the page was made.
    pub respond: super::sla::Clock,
    /// The resolve clock as it stood when the page was made.
    pub resolve: super::sla::Clock,
    /// The lifecycle steps this viewer may take now.
    pub actions: Vec<super::lifecycle::Action>,
    /// Agents the ticket can be given to, as (id, name); staff only.
    pub agents: Vec<(i64, String)>,
    /// The customer's other tickets; staff only.
    pub earlier: Vec<TicketSummary>,
    /// The customer may rate the service now (resolved or closed, not yet rated, not staff).
    pub may_rate: bool,
    pub rating: Option<super::rating::RatingView>,
    pub complaint: Option<super::rating::ComplaintView>,
    /// Canned replies, the customer's language first; staff only.
    pub canned: Vec<super::canned::CannedReply>,
}

/// A line of "my tickets".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub number: String,
    pub subject: String,
    pub status: Status,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Link that opens the ticket, carrying its access key.
    pub href: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_variant() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(*c));
        }
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(*s));
        }
        assert_eq!(Priority::from_code("URGENT"), None);
        assert_eq!(Impact::from_code("global"), Some(Impact::Global));
    }
}
