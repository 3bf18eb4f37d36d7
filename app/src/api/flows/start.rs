use leptos::prelude::*;

/// Starts a run on a flow's live version (or, for editors, a preview of its draft) and returns
/// the token of its link. A plain form post is sent on to the run's page.
#[server(endpoint = "flows/start")]
pub async fn start_flow(slug: String, preview: bool) -> Result<String, ServerFnError> {
    use super::super::ssr::{
        internal, random_token, request_locale, require, require_signed_in, services, token_hash,
    };
    use crate::domain::auth::Operation;
    use crate::domain::flow_run::start_status;
    use crate::ports::RunInsert;
    let services = services()?;
    // Drafts are for editors; live flows for anyone, guests included.
    let who = if preview {
        Some(require_signed_in(Operation::EditKnowledge).await?)
    } else {
        require(Operation::UsePublicPortal).await?
    };
    super::super::ssr::rate_limit(
        &format!("flow:ip:{}", super::super::ssr::client_ip()),
        services.limits.flow_runs_per_ip,
    )?;
    let flow = if preview {
        services.store.flow_draft(&slug).await
    } else {
        services.store.live_flow(&slug).await
    }
    .map_err(internal)?
    .ok_or_else(|| super::not_found(request_locale().strings().flows.flow_missing))?;
    let token = random_token();
    services
        .store
        .start_run(RunInsert {
            token_hash: token_hash(&token),
            version_id: flow.version_id,
            user_id: who.map(|v| v.id),
            preview,
            status: start_status(&flow.graph),
            start: flow.graph.start.clone(),
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&super::run_path(&token));
    }
    Ok(token)
}
