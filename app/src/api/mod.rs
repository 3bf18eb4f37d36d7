//! Server functions, one per file, grouped by area. Each is a thin adapter over the store.

pub mod account;
pub mod auth;
pub mod editor;
pub mod kb;
pub mod prefs;
pub mod staff;
pub mod tickets;

#[cfg(feature = "ssr")]
pub mod ssr;

/// The message of a failure the server does not explain (it is logged instead).
pub const INTERNAL_ERROR: &str = "internal error";
