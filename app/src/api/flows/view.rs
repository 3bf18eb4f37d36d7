//! Turning a stored run into the screen a customer sees, and refusing answers politely.

use super::super::ssr::{bad_request, conflict, internal, is_plain_form_post, services};
use crate::domain::flow::{FlowGraph, NodeKind};
use crate::domain::flow_run::{current, progress, transcript, url_encode, AnswerError, RunStatus};
use crate::domain::flow_views::RunView;
use crate::domain::ticket::{Code, Impact};
use crate::i18n::Locale;
use crate::ports::StoredRun;
use leptos::prelude::ServerFnError;

/// The run's current screen in `locale`.
pub async fn run_view(
    run: StoredRun,
    token: &str,
    locale: Locale,
) -> Result<RunView, ServerFnError> {
    let s = locale.strings().flows;
    let graph = &run.flow.graph;
    let node = current(graph, &run.path)
        .ok_or_else(|| internal(format!("run {} stands on no node", run.id)))?;
    let (choices, article_slugs) = match &node.kind {
        NodeKind::Question { options } => (
            options
                .iter()
                .map(|o| o.label.get(locale).to_string())
                .collect(),
            Vec::new(),
        ),
        NodeKind::Step { .. } => (vec![s.fixed.into(), s.still_broken.into()], Vec::new()),
        NodeKind::Solution { articles, .. } => {
            (vec![s.solved.into(), s.not_solved.into()], articles.clone())
        }
        NodeKind::Escalate { .. } => (Vec::new(), Vec::new()),
    };
    let mut articles = Vec::new();
    let store = services()?.store;
    for slug in article_slugs {
        // An article taken offline since publishing is simply not offered.
        if let Some(a) = store
            .article(&slug, locale, false)
            .await
            .map_err(internal)?
        {
            articles.push((a.slug, a.title));
        }
    }
    let lines = transcript(graph, &run.path, locale, s.fixed_words());
    let ticket_link = match (&node.kind, run.status) {
        (NodeKind::Escalate { priority }, RunStatus::Escalated) => Some(ticket_link(
            graph,
            run.flow.version,
            priority,
            &lines,
            locale,
        )),
        _ => None,
    };
    let finished = run.status != RunStatus::Active;
    Ok(RunView {
        token: token.to_string(),
        flow_slug: run.flow.slug.clone(),
        flow_title: graph.title.get(locale).to_string(),
        version: run.flow.version,
        preview: run.preview,
        status: run.status,
        node_id: node.id.clone(),
        kind: node.kind_code().to_string(),
        text: node.text.get(locale).to_string(),
        choices,
        articles,
        progress: if finished {
            100
        } else {
            progress(graph, &run.path)
        },
        answered: run.path.len(),
        transcript: lines,
        ticket_link,
    })
}

/// The ticket form prefilled with the flow's category, the suggested priority and the
/// transcript.
fn ticket_link(
    graph: &FlowGraph,
    version: i64,
    priority: &str,
    lines: &[(String, String)],
    locale: Locale,
) -> String {
    let s = locale.strings().flows;
    let title = graph.title.get(locale);
    let mut description = s
        .ticket_intro
        .replace("{title}", title)
        .replace("{v}", &version.to_string());
    for (i, (question, answer)) in lines.iter().enumerate() {
        description.push_str(&format!("\n{}. {question} → {answer}", i + 1));
    }
    format!(
        "/tickets/new?subject={}&description={}&category={}&priority={}&impact={}",
        url_encode(&s.ticket_subject.replace("{title}", title)),
        url_encode(&description),
        url_encode(&graph.category),
        url_encode(priority),
        Impact::Local.code(),
    )
}

/// Stores a run's new path and status, unless someone moved the run meanwhile (then refused as
/// "moved on"); a browser without JavaScript goes back to the run's page.
pub async fn save_move(
    run: &StoredRun,
    token: &str,
    path: &[crate::domain::flow_run::Taken],
    status: RunStatus,
) -> Result<(), ServerFnError> {
    let here = current(&run.flow.graph, path)
        .map(|n| n.id.clone())
        .unwrap_or_default();
    let saved = services()?
        .store
        .save_run(
            run.id,
            run.path.len(),
            path,
            &here,
            status,
            chrono::Utc::now(),
        )
        .await
        .map_err(internal)?;
    if !saved {
        return refuse(token, AnswerError::NotCurrent);
    }
    back_to_run(token, None);
    Ok(())
}

/// Refuses an answer: with JavaScript as an error (400 or 409), without as a redirect to the
/// run's page naming the problem.
pub fn refuse(token: &str, error: AnswerError) -> Result<(), ServerFnError> {
    let code = match error {
        AnswerError::UnknownNode => "version",
        AnswerError::NotCurrent => "moved",
        AnswerError::BadChoice => "choice",
        AnswerError::Finished => "finished",
    };
    if is_plain_form_post() {
        back_to_run(token, Some(code));
        return Ok(());
    }
    let message = crate::api::ssr::request_locale()
        .strings()
        .flows
        .refusal(code);
    match error {
        AnswerError::UnknownNode | AnswerError::BadChoice => Err(bad_request(message)),
        AnswerError::NotCurrent | AnswerError::Finished => Err(conflict(message)),
    }
}

/// Sends a browser without JavaScript back to the run's page.
pub fn back_to_run(token: &str, problem: Option<&str>) {
    if is_plain_form_post() {
        let mut path = super::run_path(token);
        if let Some(code) = problem {
            path.push_str(&format!("?problem={code}"));
        }
        leptos_axum::redirect(&path);
    }
}
