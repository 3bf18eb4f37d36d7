use crate::domain::rating::RatingForm;
use leptos::prelude::*;

/// Records the customer's rating of a resolved ticket, once. The rating page is reached by a
/// link (one click) but only this post rates, so link scanners cannot. A rating of 2 or less
/// opens a complaint for the support lead, due within 24 service hours.
#[server(endpoint = "tickets/rate")]
pub async fn rate_ticket(form: RatingForm) -> Result<bool, ServerFnError> {
    use super::super::ssr::{back_to_form, bad_request, internal, request_locale, services};
    use super::work::actor_name;
    use crate::domain::rating::{self, COMPLAINT_HOURS};
    use crate::ports::{RateOutcome, RatingInsert};

    let Some(access) = super::open_ticket(&form.number, &form.key).await? else {
        return Ok(false);
    };
    let care = request_locale().strings().care;
    let t = &access.ticket.view;
    let page = super::page_href(&t.number, &form.key);
    let rate_page = match page.split_once('?') {
        Some((path, query)) => format!("{path}/rate?{query}"),
        None => format!("{page}/rate"),
    };
    // Staff do not rate their own work.
    if access.staff || !rating::may_rate(t.status) {
        back_to_form(&page, "rate_not_yet", &[]);
        return Err(bad_request(care.rate_not_yet));
    }
    let parsed = match rating::parse(&form) {
        Ok(r) => r,
        Err(problem) => {
            back_to_form(&rate_page, "rating", &[("comment", &form.comment)]);
            return Err(bad_request(match problem {
                rating::RatingProblem::Overall => care.rate_missing,
                rating::RatingProblem::CommentTooLong => care.rate_comment_long,
            }));
        }
    };
    let store = services()?.store;
    let now = chrono::Utc::now();
    let complaint_due = if rating::opens_complaint(&parsed) {
        let settings = store.service_settings().await.map_err(internal)?;
        Some(
            settings
                .calendar
                .add(now, chrono::Duration::hours(COMPLAINT_HOURS)),
        )
    } else {
        None
    };
    let outcome = store
        .rate(RatingInsert {
            number: t.number.clone(),
            rating: parsed,
            at: now,
            actor_id: access.viewer.as_ref().map(|v| v.id),
            actor_name: actor_name(&access),
            complaint_due,
        })
        .await
        .map_err(internal)?;
    if outcome == RateOutcome::AlreadyRated {
        back_to_form(&page, "rated_before", &[]);
        return Err(bad_request(care.rate_already));
    }
    if super::super::ssr::is_plain_form_post() {
        let joiner = if page.contains('?') { '&' } else { '?' };
        leptos_axum::redirect(&format!("{page}{joiner}rated=1"));
    }
    Ok(true)
}
