//! The audit trail for admins: newest first, filtered by action and actor.

use super::account::SignInPrompt;
use crate::api::staff::audit_log;
use crate::components::error_text;
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::i18n::{format_time, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Lists audit records; the filter is a plain GET form, so views can be bookmarked.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        (
            q.get("action").unwrap_or_default(),
            q.get("actor").unwrap_or_default(),
            q.get("before").and_then(|b| b.parse::<i64>().ok()),
        )
    };
    let records = Resource::new(filter, |(action, actor, before)| {
        audit_log(action, actor, before)
    });
    let a = move || i18n.locale().strings().account;
    view! {
        <PageTitle pick=|s| s.account.audit_title />
        <h1>{move || a().audit_title}</h1>
        <form method="get" action="/staff/audit" class="filter-form">
            <div class="field">
                <label for="audit-action">{move || a().audit_filter_action}</label>
                <input id="audit-action" name="action" value=move || filter().0 placeholder="auth." />
            </div>
            <div class="field">
                <label for="audit-actor">{move || a().audit_filter_actor}</label>
                <input id="audit-actor" name="actor" value=move || filter().1 />
            </div>
            <button type="submit" class="button">{move || a().audit_filter_submit}</button>
        </form>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let locale = i18n.locale();
                let a = locale.strings().account;
                match records.await {
                    Ok(list) if list.is_empty() => view! { <p>{a.audit_empty}</p> }.into_any(),
                    Ok(list) => {
                        let (action, actor, _) = filter();
                        let older = list.last().map(|r| {
                            format!(
                                "/staff/audit?action={}&actor={}&before={}",
                                crate::components::account_form::encode(&action),
                                crate::components::account_form::encode(&actor),
                                r.id
                            )
                        });
                        let rows = list
                            .into_iter()
                            .map(|r| {
                                let at = chrono::DateTime::from_timestamp_millis(r.entry.at_ms)
                                    .map(|t| format_time(t, locale))
                                    .unwrap_or_default();
                                view! {
                                    <tr>
                                        <td>{at}</td>
                                        <td>{r.entry.actor_label}</td>
                                        <td><code>{r.entry.action}</code></td>
                                        <td>{r.entry.target} " " <span class="meta">{r.entry.detail}</span></td>
                                        <td>{r.entry.source_ip}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <div class="table-scroll">
                                <table class="data-table audit-table">
                                    <thead><tr>
                                        <th>{a.audit_when}</th><th>{a.audit_who}</th><th>{a.audit_what}</th>
                                        <th>{a.audit_target}</th><th>{a.audit_from}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {older.map(|href| view! { <p><a href=href>{a.audit_older}</a></p> })}
                        }
                            .into_any()
                    }
                    Err(ServerFnError::ServerError(m)) if m == a.err_signed_out => {
                        view! { <SignInPrompt next="/staff/audit" /> }.into_any()
                    }
                    Err(e) => view! { <p class="notice notice-error" role="alert">{error_text(&e, locale)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
