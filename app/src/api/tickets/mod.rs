//! Ticket server functions.

mod act;
mod assign;
mod bulk;
mod create;
mod draft;
#[cfg(feature = "ssr")]
pub mod file;
mod merge;
mod mine;
mod note;
mod rate;
mod reply;
mod to_article;
mod upload;
mod view;
#[cfg(feature = "ssr")]
mod work;

pub use act::*;
pub use assign::*;
pub use bulk::*;
pub use create::*;
pub use draft::*;
pub use merge::*;
pub use mine::*;
pub use note::*;
pub use rate::*;
pub use reply::*;
pub use to_article::*;
pub use upload::*;
pub use view::*;

/// Cookie that lists the tickets opened from this browser, as `number:key` pairs.
#[cfg(feature = "ssr")]
const MY_TICKETS_COOKIE: &str = "my_tickets";
/// How many tickets that cookie remembers.
#[cfg(feature = "ssr")]
const MY_TICKETS_MAX: usize = 20;

/// The link that opens a ticket with its access key.
pub fn ticket_href(number: &str, key: &str) -> String {
    format!("/tickets/{number}?key={key}")
}

/// The ticket's page: with the key when there is one, plain for its owner and staff.
pub fn page_href(number: &str, key: &str) -> String {
    if key.is_empty() {
        format!("/tickets/{number}")
    } else {
        ticket_href(number, key)
    }
}

/// A ticket the asking person may open, and how.
#[cfg(feature = "ssr")]
pub(crate) struct TicketAccess {
    pub ticket: crate::ports::GuardedTicket,
    pub viewer: Option<crate::domain::auth::Viewer>,
    /// The viewer works tickets: sees internal notes.
    pub staff: bool,
}

/// Opens a ticket for the key holder, its signed-in requester, or staff who work tickets.
/// Unknown numbers and wrong keys look the same, so numbers cannot be probed.
#[cfg(feature = "ssr")]
pub(crate) async fn open_ticket(
    number: &str,
    key: &str,
) -> Result<Option<TicketAccess>, leptos::prelude::ServerFnError> {
    use super::ssr::{internal, services, viewer};
    let Some(number) = crate::domain::ticket_number::normalise(number) else {
        return Ok(None);
    };
    let Some(ticket) = services()?.store.ticket(&number).await.map_err(internal)? else {
        return Ok(None);
    };
    let viewer = viewer().await?;
    Ok(
        may_open(&ticket, viewer.as_ref(), key).map(|staff| TicketAccess {
            ticket,
            viewer,
            staff,
        }),
    )
}

/// Whether a viewer (or the holder of `key`) may open a ticket: `Some(staff)` if so.
#[cfg(feature = "ssr")]
pub(crate) fn may_open(
    ticket: &crate::ports::GuardedTicket,
    viewer: Option<&crate::domain::auth::Viewer>,
    key: &str,
) -> Option<bool> {
    use super::ssr::{same_hash, token_hash};
    use crate::domain::auth::{may, Operation};
    let staff = may(viewer, Operation::WorkTickets);
    let owner = viewer.is_some_and(|v| ticket.requester_id == Some(v.id));
    let key_ok = !key.is_empty() && same_hash(&ticket.access_hash, &token_hash(key));
    (staff || owner || key_ok).then_some(staff)
}

/// A reply or note body, trimmed; empty or overlong ones are refused with 400.
#[cfg(feature = "ssr")]
pub(crate) fn checked_body(body: &str) -> Result<String, leptos::prelude::ServerFnError> {
    let body = body.trim();
    if body.is_empty() || body.chars().count() > crate::domain::validation::limits::DESCRIPTION {
        let s = super::ssr::request_locale().strings();
        return Err(super::ssr::bad_request(s.account.reply_empty));
    }
    Ok(body.to_string())
}
