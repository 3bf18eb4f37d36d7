//! Rating a finished ticket. The invitation's links open this page with the stars chosen;
//! only submitting the form rates, so a mail scanner following a link rates nothing.

use super::not_found::{NotFound, ServerErrorNotice};
use crate::api::tickets::{get_ticket, page_href, RateTicket};
use crate::components::loading::Loading;
use crate::domain::ticket::TicketPageData;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The rating page.
#[component]
pub fn RatePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let ticket = Resource::new(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                query.read().get("key").unwrap_or_default(),
            )
        },
        |(number, key)| get_ticket(number, key),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match ticket.await {
                    Ok(Some(data)) => view! { <RateBody data /> }.into_any(),
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RateBody(data: TicketPageData) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let s = i18n.locale().strings();
    let care = s.care;
    let key = query.read_untracked().get("key").unwrap_or_default();
    let back = page_href(&data.ticket.number, &key);
    let title = view! {
        <Title text=care.rate_title />
        <h1>{care.rate_title}</h1>
        <p><a href=back.clone()>{data.ticket.number.clone()} " · " {data.ticket.subject.clone()}</a></p>
    };
    if !data.may_rate {
        let why = if data.rating.is_some() {
            care.rate_already
        } else {
            care.rate_not_yet
        };
        return view! { {title} <p class="notice" role="status">{why}</p> }.into_any();
    }
    let chosen: Option<u8> = query
        .read_untracked()
        .get("stars")
        .and_then(|v| v.parse().ok());
    let comment = query.read_untracked().get("comment").unwrap_or_default();
    let action = ServerAction::<RateTicket>::new();
    let navigate = use_navigate();
    let done_href = format!(
        "{back}{}rated=1",
        if back.contains('?') { '&' } else { '?' }
    );
    Effect::new(move |_| {
        if let Some(Ok(true)) = action.value().get() {
            navigate(&done_href, Default::default());
        }
    });
    let error = move || match action.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let no_js_error = query
        .read_untracked()
        .get("error")
        .map(|_| care.rate_missing);
    view! {
        {title}
        <p>{care.rate_intro}</p>
        <ActionForm action attr:class="rate-form">
            <input type="hidden" name="form[number]" value=data.ticket.number.clone() />
            <input type="hidden" name="form[key]" value=key />
            <Stars name="overall" legend=care.rate_overall chosen required=true />
            <Stars name="speed" legend=care.rate_speed chosen=None required=false />
            <Stars name="effect" legend=care.rate_effect chosen=None required=false />
            <Stars name="attitude" legend=care.rate_attitude chosen=None required=false />
            <div class="field">
                <label for="rate-comment">{care.rate_comment}</label>
                <textarea id="rate-comment" name="form[comment]" rows="4" maxlength="2000">{comment}</textarea>
            </div>
            <p class="field-error" role="alert">{error}{no_js_error}</p>
            <button type="submit" class="button button-primary">{care.rate_submit}</button>
        </ActionForm>
    }
    .into_any()
}

/// One row of five stars as radio buttons.
#[component]
fn Stars(
    name: &'static str,
    legend: &'static str,
    chosen: Option<u8>,
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let care = i18n.locale().strings().care;
    let options = (1..=5u8)
        .rev()
        .map(|n| {
            let id = format!("rate-{name}-{n}");
            let label_for = id.clone();
            view! {
                <label class="star-option" for=label_for>
                    <input type="radio" id=id name=format!("form[{name}]") value=n.to_string()
                        checked=chosen == Some(n) required=required />
                    " " {care.stars(n)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field stars">
            <legend>{legend}</legend>
            {options}
        </fieldset>
    }
}
