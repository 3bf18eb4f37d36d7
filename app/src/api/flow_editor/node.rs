use crate::domain::flow_edit::NodeForm;
use leptos::prelude::*;

/// Adds or changes one node of a draft. A node that is wrong in itself (id, texts, answers,
/// priority, articles) is refused with its problems; links to nodes not written yet are fine
/// in a draft and listed until publishing.
#[server(endpoint = "flow-editor/node")]
pub async fn save_flow_node(form: NodeForm) -> Result<(), ServerFnError> {
    use super::super::ssr::{bad_request, request_locale, require_signed_in};
    use crate::domain::auth::Operation;
    use crate::domain::flow_check::ProblemKind;
    use crate::domain::flow_edit::{apply_node, EditError};
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let s = request_locale().strings().flows;
    let (mut graph, _) = super::editable(&form.slug).await?;
    if let Err(e) = apply_node(&mut graph, &form) {
        return Err(bad_request(match e {
            EditError::BadOptions => s.bad_options,
            EditError::NodeExists => s.node_exists,
            EditError::NoSuchNode => s.flow_missing,
        }));
    }
    let id = form.id.trim();
    let own: Vec<_> = super::problems_of(&graph)
        .await?
        .into_iter()
        .filter(|p| p.node.as_deref() == Some(id))
        .filter(|p| {
            !matches!(
                p.kind,
                ProblemKind::UnknownTarget(_)
                    | ProblemKind::Unreachable
                    | ProblemKind::NoExit
                    | ProblemKind::TooDeep
                    | ProblemKind::NoWayForward
            )
        })
        .collect();
    if !own.is_empty() {
        return Err(super::refused(&own));
    }
    super::save_draft(&form.slug, &graph, editor.id).await?;
    super::back_to_editor(&form.slug);
    Ok(())
}
