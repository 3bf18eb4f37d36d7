use crate::domain::incident::IncidentForm;
use leptos::prelude::*;

/// Declares a major incident (people who work tickets); both languages are required.
#[server(endpoint = "incidents/declare")]
pub async fn declare_incident(form: IncidentForm) -> Result<i64, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, bad_request, internal, is_plain_form_post, request_locale,
        require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::domain::incident::IncidentProblem;
    let store = services()?.store;
    let who = require_signed_in(Operation::WorkTickets).await?;
    let checked = match form.check() {
        Ok(f) => f,
        Err(p) => {
            back_to_form(
                super::INCIDENTS,
                "declare",
                &[
                    ("title_zh", &form.title_zh),
                    ("title_en", &form.title_en),
                    ("services_zh", &form.services_zh),
                    ("services_en", &form.services_en),
                ],
            );
            let s = request_locale().strings().notify;
            return Err(bad_request(match p {
                IncidentProblem::MissingTitle => s.inc_missing_title,
                IncidentProblem::TitleTooLong => s.inc_title_long,
                IncidentProblem::MissingServices => s.inc_missing_services,
                IncidentProblem::ServicesTooLong => s.inc_services_long,
            }));
        }
    };
    let id = store
        .declare_incident(&checked, who.id, chrono::Utc::now())
        .await
        .map_err(internal)?;
    audit(
        Some(&who),
        "",
        "incident.declare",
        &id.to_string(),
        &checked.title_en,
    )
    .await?;
    if is_plain_form_post() {
        leptos_axum::redirect(super::INCIDENTS);
    }
    Ok(id)
}
