//! Server functions, one per file, grouped by area. Each is a thin adapter over the store.

pub mod account;
pub mod auth;
pub mod editor;
pub mod flow_editor;
pub mod flows;
pub mod kb;
pub mod notify;
pub mod prefs;
pub mod staff;
pub mod tickets;

#[cfg(feature = "ssr")]
pub mod ssr;

/// A 404 with a message in the user's language.
#[cfg(feature = "ssr")]
pub(crate) fn flows_not_found(message: &str) -> leptos::prelude::ServerFnError {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    leptos::prelude::ServerFnError::new(message)
}

/// The message of a failure the server does not explain (it is logged instead).
pub const INTERNAL_ERROR: &str = "internal error";
