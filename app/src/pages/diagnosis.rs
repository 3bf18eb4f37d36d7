//! Self-diagnosis: the published flows by category, and a flow's start page.

use super::not_found::{NotFound, ServerErrorNotice};
use crate::api::flows::{get_flow_intro, get_flows, run_path, StartFlow};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::flow_views::FlowSummary;
use crate::domain::ticket::{Category, Code};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The flows, grouped by ticket category.
#[component]
pub fn DiagnosisPage() -> impl IntoView {
    let i18n = use_i18n();
    let flows = Resource::new(|| (), |_| get_flows());
    view! {
        <PageTitle pick=|s| s.diag_title />
        <h1>{i18n.t(|s| s.diag_title)}</h1>
        <p>{i18n.t(|s| s.diag_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match flows.await {
                    Ok(list) => view! { <FlowGroups list /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FlowGroups(list: Vec<FlowSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    if list.is_empty() {
        return view! { <p>{s.flows.list_empty}</p> }.into_any();
    }
    let locale = i18n.locale();
    Category::ALL
        .iter()
        .filter_map(|c| {
            let items: Vec<_> = list.iter().filter(|f| f.category == c.code()).cloned().collect();
            (!items.is_empty()).then(|| {
                let links = items
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li>
                                <a href=format!("/diagnosis/{}", f.slug)>{f.title.get(locale).to_string()}</a>
                                <p>{f.summary.get(locale).to_string()}</p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="flow-group">
                        <h2>{s.category(*c)}</h2>
                        <ul class="article-list flow-list">{links}</ul>
                    </section>
                }
            })
        })
        .collect_view()
        .into_any()
}

/// A flow's start page: what it covers and a button that starts a run.
#[component]
pub fn FlowIntroPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let intro = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_flow_intro,
    );
    view! {
        <PageTitle pick=|s| s.diag_title />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match intro.await {
                    Ok((flow, screens)) => view! { <FlowIntro flow screens /> }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/diagnosis">{i18n.t(|s| s.diag_title)}</a></p>
    }
}

#[component]
fn FlowIntro(flow: FlowSummary, screens: usize) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let start = ServerAction::<StartFlow>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(token)) = start.value().get() {
            navigate(&run_path(&token), Default::default());
        }
    });
    let error = move || match start.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    view! {
        <h1>{flow.title.get(locale).to_string()}</h1>
        <p>{flow.summary.get(locale).to_string()}</p>
        <p class="meta">{s.flows.screens.replace("{n}", &screens.to_string())}</p>
        <ActionForm action=start>
            <input type="hidden" name="slug" value=flow.slug.clone() />
            <input type="hidden" name="preview" value="false" />
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary flow-start">{s.flows.start}</button>
        </ActionForm>
    }
}
