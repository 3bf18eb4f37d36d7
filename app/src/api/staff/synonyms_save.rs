use leptos::prelude::*;

/// Replaces the synonym groups; searches use them at once. Lines with fewer than two words are
/// dropped.
#[server(endpoint = "staff/synonyms-save")]
pub async fn save_synonyms(text: String) -> Result<(), ServerFnError> {
    use super::super::ssr::{
        audit, bad_request, internal, is_plain_form_post, request_locale, require_signed_in,
        services,
    };
    use super::{MAX_SYNONYM_GROUPS, MAX_SYNONYM_WORDS};
    use crate::domain::auth::Operation;
    let services = services()?;
    let editor = require_signed_in(Operation::EditKnowledge).await?;
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let too_many = lines.len() > MAX_SYNONYM_GROUPS
        || lines
            .iter()
            .any(|l| crate::domain::kb::synonym_terms(l).len() > MAX_SYNONYM_WORDS);
    if too_many {
        return Err(bad_request(request_locale().strings().kb.synonyms_too_many));
    }
    services
        .store
        .save_synonyms(&lines)
        .await
        .map_err(internal)?;
    let groups = lines
        .iter()
        .map(|l| crate::domain::kb::synonym_terms(l))
        .filter(|g| g.len() >= 2)
        .collect();
    services.search.set_synonyms(groups).await;
    audit(
        Some(&editor),
        "",
        "kb.synonyms",
        "",
        &format!("{} groups", lines.len()),
    )
    .await?;
    if is_plain_form_post() {
        leptos_axum::redirect("/staff/search?saved=1");
    }
    Ok(())
}
