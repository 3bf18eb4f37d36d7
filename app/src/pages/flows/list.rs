//! The editors' list of flows, and the form that starts a new one.

use super::super::not_found::ServerErrorNotice;
use crate::api::flow_editor::{edit_path, get_staff_flows, CreateFlow};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::flow_views::FlowSummary;
use crate::domain::ticket::{Category, Code};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/staff/flows`.
#[component]
pub fn FlowListPage() -> impl IntoView {
    let i18n = use_i18n();
    let flows = Resource::new(|| (), |_| get_staff_flows());
    view! {
        <PageTitle pick=|s| s.flows.staff_title />
        <h1>{i18n.t(|s| s.flows.staff_title)}</h1>
        <p>{i18n.t(|s| s.flows.staff_intro)}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match flows.await {
                    Ok(list) => view! { <FlowTable list /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
        <CreateForm />
    }
}

#[component]
fn FlowTable(list: Vec<FlowSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let s = locale.strings();
    let rows = list
        .into_iter()
        .map(|f| {
            let category = Category::from_code(&f.category).map(|c| s.category(c)).unwrap_or_default();
            let live = match f.live {
                Some(v) => v.to_string(),
                None => s.flows.unpublished.to_string(),
            };
            view! {
                <tr>
                    <td>
                        <a href=edit_path(&f.slug)>{f.title.get(locale).to_string()}</a>
                        {f.has_draft.then(|| view! { " " <span class="badge">{s.flows.draft_badge}</span> })}
                        <br /><code>{f.slug.clone()}</code>
                    </td>
                    <td>{category}</td>
                    <td>{live}</td>
                    <td><a href=format!("/staff/flows/stats?slug={}", f.slug)>{s.flows.analytics}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table" id="flow-table">
                <thead>
                    <tr>
                        <th scope="col">{s.flows.col_flow}</th>
                        <th scope="col">{s.flows.col_category}</th>
                        <th scope="col">{s.flows.col_live}</th>
                        <th scope="col">{s.flows.analytics}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The new-flow form.
#[component]
fn CreateForm() -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.locale().strings();
    let create = ServerAction::<CreateFlow>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(slug)) = create.value().get() {
            navigate(&edit_path(&slug), Default::default());
        }
    });
    let error = move || match create.value().get() {
        Some(Err(e)) => Some(crate::components::error_text(&e, i18n.locale())),
        _ => None,
    };
    let categories = Category::ALL
        .iter()
        .map(|c| view! { <option value=c.code()>{s.category(*c)}</option> })
        .collect_view();
    view! {
        <h2>{s.flows.new_flow}</h2>
        <ActionForm action=create attr:class="flow-create">
            <div class="field">
                <label for="flow-slug">{s.flows.slug}</label>
                <p class="hint" id="flow-slug-hint">{s.flows.slug_hint}</p>
                <input id="flow-slug" name="form[slug]" required maxlength="40" aria-describedby="flow-slug-hint" />
            </div>
            <div class="field">
                <label for="flow-title-zh">{s.flows.title_zh}</label>
                <input id="flow-title-zh" name="form[title_zh]" lang="zh-CN" maxlength="200" />
            </div>
            <div class="field">
                <label for="flow-title-en">{s.flows.title_en}</label>
                <input id="flow-title-en" name="form[title_en]" lang="en" maxlength="200" />
            </div>
            <div class="field">
                <label for="flow-category">{s.flows.col_category}</label>
                <select id="flow-category" name="form[category]">{categories}</select>
            </div>
            <p class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary">{s.flows.create}</button>
        </ActionForm>
    }
}
