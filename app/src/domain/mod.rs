//! Domain types and rules shared by server and browser; plain Rust without I/O.

pub mod kb;
pub mod sla;
pub mod ticket;
pub mod ticket_number;
pub mod validation;
