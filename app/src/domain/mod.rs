//! Domain types and rules shared by server and browser; plain Rust without I/O.

pub mod account;
pub mod assignment;
pub mod attachment;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod canned;
pub mod console;
pub mod diff;
pub mod kb;
pub mod kb_editor;
pub mod lifecycle;
pub mod password;
pub mod rate_limit;
pub mod rating;
pub mod review;
pub mod sediment;
pub mod session;
pub mod settings_form;
pub mod sla;
pub mod ticket;
pub mod ticket_number;
pub mod validation;
pub mod work;
