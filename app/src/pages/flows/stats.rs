//! Flow analytics (`/staff/flows/stats?slug=&days=`): runs per version and drop-off per node.

use super::super::not_found::ServerErrorNotice;
use crate::api::flow_editor::{edit_path, get_flow_stats};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::flow_views::FlowStats;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Periods offered, in days.
const PERIODS: [i64; 4] = [7, 30, 90, 365];

/// The analytics page.
#[component]
pub fn FlowStatsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        let days = q.get("days").and_then(|d| d.parse().ok()).unwrap_or(30);
        (q.get("slug").unwrap_or_default(), days)
    };
    let stats = Resource::new(params, |(slug, days)| get_flow_stats(slug, days));
    let f = move || i18n.locale().strings().flows;
    let (slug, days) = params();
    let options = PERIODS
        .into_iter()
        .map(|d| view! { <option value=d.to_string() selected=d == days>{f().days.replace("{n}", &d.to_string())}</option> })
        .collect_view();
    view! {
        <PageTitle pick=|s| s.flows.stats_title />
        <p class="meta"><a href=edit_path(&slug)>{f().editor_title}</a></p>
        <h1>{f().stats_title} " " <code>{slug.clone()}</code></h1>
        <form method="get" action="/staff/flows/stats" class="flow-period">
            <input type="hidden" name="slug" value=slug.clone() />
            <label for="flow-days">{f().period}</label>
            <select id="flow-days" name="days">{options}</select>
            <button type="submit" class="button">{i18n.locale().strings().kb.filter_apply}</button>
        </form>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match stats.await {
                    Ok(s) => view! { <Tables stats=s /> }.into_any(),
                    Err(_) => view! { <ServerErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Tables(stats: FlowStats) -> impl IntoView {
    let i18n = use_i18n();
    let f = i18n.locale().strings().flows;
    if stats.versions.is_empty() {
        return view! { <p id="flow-no-runs">{f.no_runs}</p> }.into_any();
    }
    let versions = stats
        .versions
        .iter()
        .map(|v| {
            view! {
                <tr data-version=v.version.to_string()>
                    <td>{v.version}</td>
                    <td class="number" data-stat="started">{v.started}</td>
                    <td class="number" data-stat="completed">{v.completed}</td>
                    <td class="number" data-stat="deflected">{v.deflected}</td>
                    <td class="number" data-stat="escalated">{v.escalated}</td>
                </tr>
            }
        })
        .collect_view();
    let nodes = stats
        .nodes
        .iter()
        .map(|n| {
            let rate = if n.reached > 0 {
                n.dropped * 100 / n.reached
            } else {
                0
            };
            view! {
                <tr>
                    <td>{n.version}</td>
                    <td><code>{n.node.clone()}</code></td>
                    <td class="number">{n.reached}</td>
                    <td class="number">{n.dropped} " (" {rate} "%)"</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table" id="flow-version-stats">
                <thead>
                    <tr>
                        <th scope="col">{f.version}</th>
                        <th scope="col">{f.started}</th>
                        <th scope="col">{f.completed}</th>
                        <th scope="col">{f.deflected}</th>
                        <th scope="col">{f.escalated}</th>
                    </tr>
                </thead>
                <tbody>{versions}</tbody>
            </table>
        </div>
        <div class="table-scroll">
            <table class="table" id="flow-node-stats">
                <thead>
                    <tr>
                        <th scope="col">{f.version}</th>
                        <th scope="col">{f.node.replace("“{id}”", "").replace("\u{201c}{id}\u{201d}", "")}</th>
                        <th scope="col">{f.reached}</th>
                        <th scope="col">{f.dropped}</th>
                    </tr>
                </thead>
                <tbody>{nodes}</tbody>
            </table>
        </div>
    }
    .into_any()
}
