//! Knowledge editors' server functions: write, review, publish, history.

mod diff;
mod feedback;
mod form;
mod home;
mod image;
mod preview;
mod queue;
mod review;
mod roll_back;
mod save;
mod self_review;
mod submit;
mod unpublish;
mod versions;

pub use diff::*;
pub use feedback::*;
pub use form::*;
pub use home::*;
pub use image::*;
pub use preview::*;
pub use queue::*;
pub use review::*;
pub use roll_back::*;
pub use save::*;
pub use self_review::*;
pub use submit::*;
pub use unpublish::*;
pub use versions::*;

/// A refused change as the editor's error: 409 when the version moved on meanwhile, else 400.
#[cfg(feature = "ssr")]
fn refused(problem: crate::domain::review::ReviewProblem) -> leptos::prelude::ServerFnError {
    use super::ssr::{bad_request, conflict, request_locale};
    use crate::domain::review::ReviewProblem;
    let message = request_locale().strings().editor.problem(problem);
    match problem {
        ReviewProblem::WrongStatus => conflict(message),
        _ => bad_request(message),
    }
}

/// Maps a store outcome to success or the editor's error.
#[cfg(feature = "ssr")]
fn outcome(o: crate::ports::EditOutcome) -> Result<(), leptos::prelude::ServerFnError> {
    use crate::domain::review::ReviewProblem;
    use crate::ports::EditOutcome;
    match o {
        EditOutcome::Done => Ok(()),
        EditOutcome::Stale => Err(refused(ReviewProblem::WrongStatus)),
        EditOutcome::Missing => Err(refused(ReviewProblem::NotFound)),
        EditOutcome::UnknownCategory => Err(super::ssr::bad_request(
            super::ssr::request_locale().strings().editor.p_category,
        )),
        EditOutcome::UnknownRelated => Err(super::ssr::bad_request(
            super::ssr::request_locale().strings().editor.p_related,
        )),
    }
}

/// Re-reads an article into the search index; a failure is logged, the index catches up at
/// the next start.
#[cfg(feature = "ssr")]
async fn reindex(services: &crate::ports::Services, slug: &str) {
    if let Err(err) = services.search.refresh(slug).await {
        tracing::error!("search index not updated for {slug}: {err}");
    }
}

/// Sends a browser without JavaScript back to the page it acted from.
#[cfg(feature = "ssr")]
fn back_without_js(path: &str) {
    if super::ssr::is_plain_form_post() {
        leptos_axum::redirect(path);
    }
}
