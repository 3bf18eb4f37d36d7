//! The drawing of a flow: boxes in columns by distance from the start, links to each node's form.

use crate::domain::flow::FlowGraph;
use crate::domain::flow_check::Problem;
use crate::domain::flow_layout::{layout, BOX_H, BOX_W};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The SVG of `graph`; nodes with problems are outlined in red.
#[component]
pub fn FlowGraphView(graph: FlowGraph, problems: Vec<Problem>) -> impl IntoView {
    let i18n = use_i18n();
    let f = i18n.locale().strings().flows;
    let locale = i18n.locale();
    let l = layout(&graph);
    let edges = l
        .edges
        .iter()
        .map(|e| {
            let ((x1, y1), (x2, y2)) = (e.from, e.to);
            let bend = ((x2 - x1).abs() / 2).max(40);
            let d = format!(
                "M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}",
                x1 + bend,
                x2 - bend
            );
            let class = if e.back {
                "flow-edge flow-edge-back"
            } else {
                "flow-edge"
            };
            view! { <path d=d class=class marker-end="url(#flow-arrow)" /> }
        })
        .collect_view();
    let boxes = l
        .boxes
        .iter()
        .map(|b| {
            let bad = problems
                .iter()
                .any(|p| p.node.as_deref() == Some(b.id.as_str()));
            let class = format!(
                "flow-node flow-node-{}{}{}",
                b.kind,
                if bad { " flow-node-bad" } else { "" },
                if b.start { " flow-node-start" } else { "" }
            );
            let text = graph
                .node(&b.id)
                .map(|n| n.text.get(locale).to_string())
                .unwrap_or_default();
            let short: String = text.chars().take(14).collect();
            view! {
                <a href=format!("#node-{}", b.id) class=class>
                    <title>{format!("{} ({}): {text}", b.id, f.kind(&b.kind))}</title>
                    <rect x=b.x y=b.y width=BOX_W height=BOX_H rx="6" />
                    <text x=b.x + 8 y=b.y + 18 class="flow-node-id">{b.id.clone()}</text>
                    <text x=b.x + 8 y=b.y + 36 class="flow-node-text">{short}</text>
                </a>
            }
        })
        .collect_view();
    view! {
        <h2>{f.graph_title}</h2>
        <p class="hint">{f.graph_hint}</p>
        <div class="flow-graph" tabindex="0" role="region" aria-label=f.graph_title>
            <svg width=l.width height=l.height viewBox=format!("0 0 {} {}", l.width, l.height)
                xmlns="http://www.w3.org/2000/svg" role="group" aria-label=f.graph_title>
                <defs>
                    <marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"
                        markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                {edges}
                {boxes}
            </svg>
        </div>
    }
}
