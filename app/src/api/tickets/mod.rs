//! Ticket server functions.

mod create;
mod draft;
mod mine;
mod view;

pub use create::*;
pub use draft::*;
pub use mine::*;
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
