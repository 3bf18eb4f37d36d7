//! The customer's side of a finished ticket: the rating invitation, the rating given, and the
//! complaint a poor rating opened with its deadline and outcome.

use crate::domain::rating::{ComplaintView, RatingView};
use crate::domain::ticket::TicketPageData;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;

/// The rating page of a ticket, with `stars` chosen in advance when given.
pub fn rate_href(number: &str, key: &str, stars: Option<u8>) -> String {
    let mut query = Vec::new();
    if !key.is_empty() {
        query.push(format!("key={key}"));
    }
    if let Some(n) = stars {
        query.push(format!("stars={n}"));
    }
    let base = format!("/tickets/{number}/rate");
    if query.is_empty() {
        base
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

/// Rating invitation or the rating given, and any complaint.
#[component]
pub fn CareSection(data: TicketPageData, key: String) -> impl IntoView {
    let number = data.ticket.number.clone();
    view! {
        {data.may_rate.then(|| view! { <RateInvite number key /> })}
        {data.rating.map(|rating| view! { <GivenRating rating /> })}
        {data.complaint.map(|complaint| view! { <Complaint complaint /> })}
    }
}

/// Five one-click links, each opening the rating form with those stars chosen.
#[component]
fn RateInvite(number: String, key: String) -> impl IntoView {
    let i18n = use_i18n();
    let care = i18n.locale().strings().care;
    let links = (1..=5u8)
        .rev()
        .map(|n| {
            let href = rate_href(&number, &key, Some(n));
            view! { <li><a class="button rate-star" href=href>{care.stars(n)}</a></li> }
        })
        .collect_view();
    view! {
        <section class="card rate-invite" aria-labelledby="rate-title">
            <h2 id="rate-title">{care.rate_title}</h2>
            <p>{care.rate_intro}</p>
            <ul class="rate-links">{links}</ul>
        </section>
    }
}

#[component]
fn GivenRating(rating: RatingView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let care = locale.strings().care;
    let r = rating.rating;
    let aspect = move |label: &'static str, v: Option<u8>| {
        v.map(|n| view! { <dt>{label}</dt><dd>{care.stars(n)}</dd> })
    };
    view! {
        <section class="card given-rating">
            <h2>{care.rate_yours}</h2>
            <dl class="ticket-facts">
                <dt>{care.rate_overall}</dt>
                <dd class="rating-overall">{care.stars(r.overall)}</dd>
                {aspect(care.rate_speed, r.speed)}
                {aspect(care.rate_effect, r.effect)}
                {aspect(care.rate_attitude, r.attitude)}
            </dl>
            {(!r.comment.is_empty()).then(|| view! { <p class="event-body">{r.comment}</p> })}
            <p class="hint"><time datetime=rating.at.to_rfc3339()>{format_time(rating.at, locale)}</time></p>
        </section>
    }
}

#[component]
fn Complaint(complaint: ComplaintView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let care = locale.strings().care;
    let body = match complaint.closed_at {
        Some(at) => view! {
            <p><strong>{care.complaint_outcome}</strong> " · " {complaint.handled_by} " · "
                <time datetime=at.to_rfc3339()>{format_time(at, locale)}</time></p>
            <p class="event-body complaint-outcome">{complaint.outcome}</p>
        }
        .into_any(),
        None => view! {
            <p class="complaint-open">{care.complaint_opened} " "
                <time datetime=complaint.due_at.to_rfc3339()>{format_time(complaint.due_at, locale)}</time></p>
            <p class="hint">{care.complaint_pending}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card complaint" aria-labelledby="complaint-title">
            <h2 id="complaint-title">{care.complaint_title}</h2>
            {body}
        </section>
    }
}
