use leptos::prelude::*;

/// Answers the screen `node` of a run with `choice`. Refused cleanly when the node is not in
/// the run's version (400) or the run stands elsewhere or has ended (409); a plain form post
/// goes back to the run's page, with the problem named there.
#[server(endpoint = "flows/answer")]
pub async fn answer_run(token: String, node: String, choice: usize) -> Result<(), ServerFnError> {
    use crate::domain::flow_run::answer;
    let run = super::load_run(&token).await?;
    let graph = &run.flow.graph;
    let (path, status) = match answer(graph, &run.path, run.status, &node, choice) {
        Ok(next) => next,
        Err(e) => return super::view::refuse(&token, e),
    };
    super::view::save_move(&run, &token, &path, status).await
}
