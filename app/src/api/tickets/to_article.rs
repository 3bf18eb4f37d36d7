use leptos::prelude::*;

/// Turns a resolved or closed ticket into an article draft for the knowledge base (agents);
/// returns the draft's id. The draft holds the description and the agents' public answers.
#[server(endpoint = "tickets/to-article")]
pub async fn ticket_to_article(number: String) -> Result<i64, ServerFnError> {
    use super::super::ssr::{
        audit, back_to_form, bad_request, internal, request_locale, require_signed_in, services,
    };
    use crate::domain::auth::Operation;
    use crate::domain::rating::may_rate;
    use crate::domain::sediment::draft_from_ticket;
    use crate::ports::NewDraft;

    let me = require_signed_in(Operation::WorkTickets).await?;
    let Some(access) = super::open_ticket(&number, "").await? else {
        return Err(bad_request(
            request_locale().strings().work.err_not_from_here,
        ));
    };
    let t = &access.ticket.view;
    let back = format!("/tickets/{}", t.number);
    // Finished work only: the answer is known.
    if !may_rate(t.status) {
        back_to_form(&back, "draft", &[]);
        return Err(bad_request(
            request_locale().strings().care.draft_not_resolved,
        ));
    }
    let store = services()?.store;
    let events = store
        .ticket_events(&t.number, true)
        .await
        .map_err(internal)?;
    let locale = access.ticket.locale;
    let (title, body_md) = draft_from_ticket(t, &events, locale);
    let id = store
        .add_article_draft(NewDraft {
            number: t.number.clone(),
            locale,
            title,
            body_md,
            author_id: me.id,
            author: me.display_name.clone(),
            at: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    audit(
        Some(&me),
        "",
        "ticket.to_article",
        &t.number,
        &format!("draft {id}"),
    )
    .await?;
    if super::super::ssr::is_plain_form_post() {
        leptos_axum::redirect(&format!("/staff/drafts#draft-{id}"));
    }
    Ok(id)
}
