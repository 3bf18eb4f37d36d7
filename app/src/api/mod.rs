//! Server functions, one per file, grouped by area. Each is a thin adapter over the store.

pub mod kb;
pub mod prefs;
pub mod tickets;

#[cfg(feature = "ssr")]
pub(crate) mod ssr;
