//! Notifications' server functions: the delivery log, webhooks, preferences and incidents.

mod declare_incident;
mod deliveries;
mod incidents;
mod link_incident;
mod prefs;
mod resolve_incident;
mod retry_delivery;
mod save_prefs;
mod webhooks;

pub use declare_incident::*;
pub use deliveries::*;
pub use incidents::*;
pub use link_incident::*;
pub use prefs::*;
pub use resolve_incident::*;
pub use retry_delivery::*;
pub use save_prefs::*;
pub use webhooks::*;

/// Where the incident forms send a browser without JavaScript.
#[cfg(feature = "ssr")]
const INCIDENTS: &str = "/staff/incidents";

/// Where the delivery-log forms send a browser without JavaScript.
#[cfg(feature = "ssr")]
const LOG: &str = "/staff/notifications";
