//! Major incidents: declare one (both languages), link tickets, resolve it.

use super::not_found::ServerErrorNotice;
use crate::api::notify::{list_incidents, DeclareIncident, LinkIncident, ResolveIncident};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::incident::Incident;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/staff/incidents` (people who work tickets).
#[component]
pub fn IncidentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let declare = ServerAction::<DeclareIncident>::new();
    let link = ServerAction::<LinkIncident>::new();
    let resolve = ServerAction::<ResolveIncident>::new();
    let list = Resource::new(
        move || {
            (
                declare.version().get(),
                link.version().get(),
                resolve.version().get(),
            )
        },
        |_| list_incidents(),
    );
    view! {
        <PageTitle pick=|s| s.notify.inc_title />
        <h1>{i18n.t(|s| s.notify.inc_title)}</h1>
        <p class="hint">{i18n.t(|s| s.notify.inc_intro)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(all) => {
                        let n = i18n.locale().strings().notify;
                        let open = all.iter().any(|i| i.resolved_at.is_none());
                        let items = all
                            .into_iter()
                            .map(|inc| view! { <IncidentItem inc link resolve /> })
                            .collect_view();
                        view! {
                            {(!open).then(|| view! { <p>{n.inc_none}</p> })}
                            {items}
                        }
                        .into_any()
                    }
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
        <DeclareForm declare />
    }
}

#[component]
fn IncidentItem(
    inc: Incident,
    link: ServerAction<LinkIncident>,
    resolve: ServerAction<ResolveIncident>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let n = locale.strings().notify;
    let open = inc.resolved_at.is_none();
    let state = if open { n.inc_open } else { n.inc_past };
    let when = match inc.resolved_at {
        Some(t) => format!("{} {}", n.inc_resolved_at, format_time(t, locale)),
        None => format!(
            "{} {}",
            n.inc_declared_at,
            format_time(inc.declared_at, locale)
        ),
    };
    let tickets = inc
        .tickets
        .iter()
        .map(|t| view! { <li><a href=format!("/tickets/{t}")>{t.clone()}</a></li> })
        .collect_view();
    let id = inc.id.to_string();
    let field = format!("link-{}", inc.id);
    let error = move || match link.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let actions = open.then(|| {
        let (id2, field2) = (id.clone(), field.clone());
        view! {
            <ActionForm action=link attr:class="inline-form">
                <input type="hidden" name="id" value=id2 />
                <label for=field2.clone()>{n.inc_link_label}</label>
                <input id=field2 name="number" required placeholder="IT-2026-000001" />
                <button type="submit" class="button">{n.inc_link}</button>
            </ActionForm>
            <p class="field-error" role="alert">{error}</p>
            <ActionForm action=resolve>
                <input type="hidden" name="id" value=id.clone() />
                <button type="submit" class="button button-primary">{n.inc_resolve}</button>
            </ActionForm>
        }
    });
    view! {
        <article class=if open { "card incident incident-open" } else { "card incident" }>
            <h2>{inc.title(locale).to_string()}</h2>
            <p>{state} " · " {when}</p>
            <p>{n.banner_affects}{inc.services(locale).to_string()}</p>
            <h3>{n.inc_linked} " (" {inc.tickets.len()} ")"</h3>
            <ul class="incident-tickets">{tickets}</ul>
            {actions}
        </article>
    }
}

#[component]
fn DeclareForm(declare: ServerAction<DeclareIncident>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let kept = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let n = i18n.locale().strings().notify;
    let error = move || match declare.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let field = move |name: &'static str, label: &'static str| {
        let id = format!("inc-{name}");
        let value = kept(name);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=format!("form[{name}]") required value=value />
            </div>
        }
    };
    view! {
        <h2>{n.inc_declare}</h2>
        <ActionForm action=declare attr:class="incident-form">
            {field("title_zh", n.inc_title_zh)}
            {field("title_en", n.inc_title_en)}
            {field("services_zh", n.inc_services_zh)}
            {field("services_en", n.inc_services_en)}
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary">{n.inc_declare}</button>
        </ActionForm>
    }
}
