//! The portal's server: configuration, storage, HTTP router, demo content and admin commands.

pub mod cli;
pub mod config;
pub mod demo;
pub mod router;
pub mod store;
