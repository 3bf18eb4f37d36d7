//! A flow's published versions, with roll-back.

use crate::api::flow_editor::RollBackFlow;
use crate::domain::flow_views::FlowVersionInfo;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The versions table; restoring publishes a copy of an old version.
#[component]
pub fn Versions(
    slug: String,
    versions: Vec<FlowVersionInfo>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let f = i18n.locale().strings().flows;
    let roll_back = ServerAction::<RollBackFlow>::new();
    Effect::new(move |_| {
        if matches!(roll_back.value().get(), Some(Ok(_))) {
            changed.update(|n| *n += 1);
        }
    });
    if versions.is_empty() {
        return ().into_any();
    }
    let rows = versions
        .into_iter()
        .map(|v| {
            let live = v.status == "published";
            let when = v
                .published_at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            let slug = slug.clone();
            let note = v
                .restored_from
                .map(|r| f.restored_from.replace("{v}", &r.to_string()));
            view! {
                <tr>
                    <td>{v.version} " " {note}</td>
                    <td>{if live { f.live } else { f.retired }}</td>
                    <td>{v.author.clone()}</td>
                    <td>{when}</td>
                    <td class="number">{v.nodes}</td>
                    <td>
                        {(!live).then(move || view! {
                            <ActionForm action=roll_back>
                                <input type="hidden" name="slug" value=slug />
                                <input type="hidden" name="version" value=v.version.to_string() />
                                <button type="submit" class="button">{f.roll_back}</button>
                            </ActionForm>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{f.versions}</h2>
        <div class="table-scroll">
            <table class="table" id="flow-versions">
                <thead>
                    <tr>
                        <th scope="col">{f.version}</th>
                        <th scope="col">{f.col_live}</th>
                        <th scope="col">{i18n.locale().strings().editor.author}</th>
                        <th scope="col">{f.published_at}</th>
                        <th scope="col">{f.nodes_title}</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
