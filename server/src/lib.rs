//! The portal's server: configuration, storage, HTTP router, demo content and admin commands.

pub mod admin;
pub mod backup;
pub mod cli;
pub mod config;
pub mod demo;
pub mod files;
pub mod flow_files;
pub mod jobs;
pub mod kb_files;
pub mod notify;
pub mod ops;
pub mod rest;
pub mod router;
pub mod search;
pub mod security;
pub mod store;
