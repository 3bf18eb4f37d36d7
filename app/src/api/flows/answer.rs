use leptos::prelude::*;

/// Answers the screen `node` of a run with `choice`. Refused cleanly when the node is not in
/// the run's version (400) or the run stands elsewhere or has ended (409); a plain form post
/// goes back to the run's page, with the problem named there.
#[server(endpoint = "flows/answer")]
pub async fn answer_run(token: String, node: String, choice: usize) -> Result<(), ServerFnError> {
    use super::super::ssr::{internal, services};
    use crate::domain::flow_run::{answer, current};
    let run = super::load_run(&token).await?;
    let graph = &run.flow.graph;
    let (path, status) = match answer(graph, &run.path, run.status, &node, choice) {
        Ok(next) => next,
        Err(e) => return super::view::refuse(&token, e),
    };
    let here = current(graph, &path)
        .map(|n| n.id.clone())
        .unwrap_or_default();
    let saved = services()?
        .store
        .save_run(
            run.id,
            run.path.len(),
            &path,
            &here,
            status,
            chrono::Utc::now(),
        )
        .await
        .map_err(internal)?;
    if !saved {
        return super::view::refuse(&token, crate::domain::flow_run::AnswerError::NotCurrent);
    }
    super::view::back_to_run(&token, None);
    Ok(())
}
