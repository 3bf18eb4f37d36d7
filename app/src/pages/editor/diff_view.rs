//! A line diff, with added and removed lines marked for eyes and screen readers.

use crate::domain::diff::{DiffKind, DiffLine};
use leptos::prelude::*;

/// The diff as a list of lines.
#[component]
pub fn DiffView(lines: Vec<DiffLine>) -> impl IntoView {
    let rows = lines
        .into_iter()
        .map(|l| match l.kind {
            DiffKind::Same => view! { <div class="diff-same">"  " {l.text}</div> }.into_any(),
            DiffKind::Added => view! { <ins class="diff-added">"+ " {l.text}</ins> }.into_any(),
            DiffKind::Removed => view! { <del class="diff-removed">"- " {l.text}</del> }.into_any(),
        })
        .collect_view();
    view! { <div class="diff">{rows}</div> }
}
