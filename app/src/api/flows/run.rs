use crate::domain::flow_views::RunView;
use leptos::prelude::*;

/// The screen a run stands on, in the reader's language; the link's token is the key.
#[server(endpoint = "flows/run")]
pub async fn get_run(token: String) -> Result<RunView, ServerFnError> {
    use super::super::ssr::request_locale;
    let run = super::load_run(&token).await?;
    super::view::run_view(run, &token, request_locale()).await
}
