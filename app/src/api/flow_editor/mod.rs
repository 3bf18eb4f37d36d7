//! Flow editors' server functions: drafts edited with forms or JSON, publish, history, analytics.

mod create;
mod delete_node;
mod details;
mod discard;
mod json;
mod list;
mod node;
mod publish;
mod roll_back;
mod stats;
mod unpublish;
mod view;

pub use create::*;
pub use delete_node::*;
pub use details::*;
pub use discard::*;
pub use json::*;
pub use list::*;
pub use node::*;
pub use publish::*;
pub use roll_back::*;
pub use stats::*;
pub use unpublish::*;
pub use view::*;

/// The editor page of a flow.
pub fn edit_path(slug: &str) -> String {
    format!("/staff/flows/edit?slug={slug}")
}

/// The graph to edit: the draft, or a copy of the live version; 404 when the flow is unknown.
#[cfg(feature = "ssr")]
async fn editable(
    slug: &str,
) -> Result<(crate::domain::flow::FlowGraph, bool), leptos::prelude::ServerFnError> {
    use super::ssr::{internal, request_locale, services};
    let store = services()?.store;
    if let Some(draft) = store.flow_draft(slug).await.map_err(internal)? {
        return Ok((draft.graph, true));
    }
    let versions = store.flow_versions(slug).await.map_err(internal)?;
    let newest = match versions.first() {
        Some(v) => store
            .flow_version(slug, v.version)
            .await
            .map_err(internal)?,
        None => None,
    };
    match newest {
        Some(flow) => Ok((flow.graph, false)),
        None => Err(super::flows_not_found(
            request_locale().strings().flows.flow_missing,
        )),
    }
}

/// Every problem of a graph: its structure, then linked articles that do not exist.
#[cfg(feature = "ssr")]
async fn problems_of(
    graph: &crate::domain::flow::FlowGraph,
) -> Result<Vec<crate::domain::flow_check::Problem>, leptos::prelude::ServerFnError> {
    let mut problems = crate::domain::flow_check::validate(graph);
    problems.extend(article_problems(graph).await?);
    Ok(problems)
}

/// Linked articles that do not exist (or are not public).
#[cfg(feature = "ssr")]
async fn article_problems(
    graph: &crate::domain::flow::FlowGraph,
) -> Result<Vec<crate::domain::flow_check::Problem>, leptos::prelude::ServerFnError> {
    use super::ssr::{internal, services};
    use crate::domain::flow::NodeKind;
    use crate::domain::flow_check::{Problem, ProblemKind};
    let mut problems = Vec::new();
    let store = services()?.store;
    for node in &graph.nodes {
        if let NodeKind::Solution { articles, .. } = &node.kind {
            for slug in articles {
                let found = store
                    .article(slug, crate::i18n::Locale::Zh, false)
                    .await
                    .map_err(internal)?;
                if found.is_none() {
                    problems.push(Problem {
                        node: Some(node.id.clone()),
                        kind: ProblemKind::UnknownArticle(slug.clone()),
                    });
                }
            }
        }
    }
    Ok(problems)
}

/// Refuses a change with every problem, one per line, in the user's language.
#[cfg(feature = "ssr")]
fn refused(problems: &[crate::domain::flow_check::Problem]) -> leptos::prelude::ServerFnError {
    let s = super::ssr::request_locale().strings().flows;
    let mut message = s.refused.to_string();
    for p in problems {
        message.push('\n');
        message.push_str(&s.problem(p));
    }
    super::ssr::bad_request(&message)
}

/// Saves the draft of an editor's change.
#[cfg(feature = "ssr")]
async fn save_draft(
    slug: &str,
    graph: &crate::domain::flow::FlowGraph,
    by: i64,
) -> Result<(), leptos::prelude::ServerFnError> {
    super::ssr::services()?
        .store
        .save_flow_draft(slug, graph, by, chrono::Utc::now())
        .await
        .map_err(super::ssr::internal)
}

/// Brings a flow's search entry up to date; a failure is logged, the index catches up at start.
#[cfg(feature = "ssr")]
async fn reindex(slug: &str) {
    let key = format!("{}{slug}", crate::domain::kb::FLOW_PREFIX);
    if let Ok(services) = super::ssr::services() {
        if let Err(err) = services.search.refresh(&key).await {
            tracing::error!("search index not updated for {key}: {err}");
        }
    }
}

/// Sends a browser without JavaScript back to the editor.
#[cfg(feature = "ssr")]
fn back_to_editor(slug: &str) {
    if super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&edit_path(slug));
    }
}
