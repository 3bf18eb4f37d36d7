//! Staff pages' server functions: staff management, the ticket queue, the audit trail.

mod agents;
mod audit_log;
mod canned;
mod complaints;
mod console;
mod drafts;
mod members;
mod queue;
mod search_insights;
mod set_roles;
mod settings;
mod synonyms;
mod synonyms_save;
mod teams;

pub use agents::*;
pub use audit_log::*;
pub use canned::*;
pub use complaints::*;
pub use console::*;
pub use drafts::*;
pub use members::*;
pub use queue::*;
pub use search_insights::*;
pub use set_roles::*;
pub use settings::*;
pub use synonyms::*;
pub use synonyms_save::*;
pub use teams::*;
