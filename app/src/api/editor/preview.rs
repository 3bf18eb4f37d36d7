use leptos::prelude::*;

/// Markdown rendered and sanitised exactly as readers will get it, for the live preview.
#[server(endpoint = "editor/preview")]
pub async fn preview_markdown(body: String) -> Result<String, ServerFnError> {
    use super::super::ssr::require_signed_in;
    use super::refused;
    use crate::domain::auth::Operation;
    use crate::domain::review::{ReviewProblem, MAX_BODY_BYTES};
    require_signed_in(Operation::EditKnowledge).await?;
    if body.len() > MAX_BODY_BYTES {
        return Err(refused(ReviewProblem::BodyTooLong));
    }
    Ok(crate::markdown::render(&body))
}
