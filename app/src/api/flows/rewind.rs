use leptos::prelude::*;

/// Goes one screen back (or to the start when `restart`); a finished run opens again.
/// `answered` is how many answers the page showed, so a stale page cannot rewind twice.
#[server(endpoint = "flows/rewind")]
pub async fn rewind_run(
    token: String,
    answered: usize,
    restart: bool,
) -> Result<(), ServerFnError> {
    use crate::domain::flow_run::{AnswerError, RunStatus};
    let run = super::load_run(&token).await?;
    if run.path.len() != answered {
        return super::view::refuse(&token, AnswerError::NotCurrent);
    }
    let keep = if restart {
        0
    } else {
        answered.saturating_sub(1)
    };
    let path = run.path[..keep].to_vec();
    super::view::save_move(&run, &token, &path, RunStatus::Active).await
}
