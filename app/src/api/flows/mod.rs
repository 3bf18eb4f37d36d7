//! Customers' server functions for diagnosis flows: list, start, walk, rewind.

mod answer;
mod intro;
mod list;
mod rewind;
mod run;
mod start;

pub use answer::*;
pub use intro::*;
pub use list::*;
pub use rewind::*;
pub use run::*;
pub use start::*;

#[cfg(feature = "ssr")]
mod view;

/// The run page of a token.
pub fn run_path(token: &str) -> String {
    format!("/diagnosis/run/{token}")
}

/// Loads the run of a link's token, or 404 with the user's message.
#[cfg(feature = "ssr")]
async fn load_run(token: &str) -> Result<crate::ports::StoredRun, leptos::prelude::ServerFnError> {
    use super::ssr::{internal, request_locale, services, token_hash};
    let found = services()?
        .store
        .run(&token_hash(token))
        .await
        .map_err(internal)?;
    found.ok_or_else(|| not_found(request_locale().strings().flows.run_missing))
}

#[cfg(feature = "ssr")]
use super::flows_not_found as not_found;
