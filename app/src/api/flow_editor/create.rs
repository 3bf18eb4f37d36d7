use crate::domain::flow_edit::DetailsForm;
use leptos::prelude::*;

/// Creates a flow's first draft from its address, titles and category.
#[server(endpoint = "flow-editor/create")]
pub async fn create_flow(form: DetailsForm) -> Result<String, ServerFnError> {
    use super::super::ssr::{bad_request, internal, request_locale, require_signed_in, services};
    use crate::domain::auth::Operation;
    use crate::domain::flow::{valid_id, FlowGraph, Text};
    use crate::domain::flow_check::{Problem, ProblemKind};
    use crate::domain::flow_edit::apply_details;
    use crate::domain::ticket::Category;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let s = request_locale().strings().flows;
    let slug = form.slug.trim().to_string();
    if !valid_id(&slug) {
        return Err(super::refused(&[Problem {
            node: None,
            kind: ProblemKind::BadSlug,
        }]));
    }
    let taken = services()?.store.flows(true).await.map_err(internal)?;
    if taken.iter().any(|f| f.slug == slug) {
        return Err(bad_request(s.slug_taken));
    }
    let mut graph = FlowGraph::starter(Text::default(), Category::Hardware);
    apply_details(&mut graph, &form);
    super::save_draft(&slug, &graph, editor.id).await?;
    super::back_to_editor(&slug);
    Ok(slug)
}
