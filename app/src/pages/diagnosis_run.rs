//! One run of a flow: one screen at a time, large answers, back and restart, progress. Every
//! control is a plain form, so it works without JavaScript; with it, answers post in place.

use super::not_found::NotFound;
use crate::api::flows::{get_run, AnswerRun, RewindRun};
use crate::components::loading::Loading;
use crate::components::page_title::PageTitle;
use crate::domain::flow_run::RunStatus;
use crate::domain::flow_views::RunView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The run page (`/diagnosis/run/:token`).
#[component]
pub fn FlowRunPage() -> impl IntoView {
    let params = use_params_map();
    let answer = ServerAction::<AnswerRun>::new();
    let rewind = ServerAction::<RewindRun>::new();
    let run = Resource::new(
        move || {
            (
                params.read().get("token").unwrap_or_default(),
                answer.version().get(),
                rewind.version().get(),
            )
        },
        |(token, _, _)| get_run(token),
    );
    view! {
        <PageTitle pick=|s| s.diag_title />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match run.await {
                    Ok(view) => view! { <Screen view answer rewind /> }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Screen(
    view: RunView,
    answer: ServerAction<AnswerRun>,
    rewind: ServerAction<RewindRun>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let s = i18n.locale().strings();
    let f = s.flows;
    // A refusal: from the last answer with JavaScript, or named in the address without.
    let problem = move || {
        let failed = [answer.value().get(), rewind.value().get()]
            .into_iter()
            .flatten()
            .find_map(|r| r.err());
        match failed {
            Some(e) => Some(crate::components::error_text(&e, i18n.locale())),
            None => query
                .read()
                .get("problem")
                .map(|c| f.refusal(&c).to_string()),
        }
    };
    let active = view.status == RunStatus::Active && view.kind != "escalate";
    let step_no = view.answered + 1;
    let (run_token, node_id) = (view.token.clone(), view.node_id.clone());
    let choices = view
        .choices
        .clone()
        .into_iter()
        .enumerate()
        .filter(|_| active)
        .map(|(i, label)| {
            let (run_token, node_id) = (run_token.clone(), node_id.clone());
            view! {
                <li>
                    <ActionForm action=answer>
                        <input type="hidden" name="token" value=run_token />
                        <input type="hidden" name="node" value=node_id />
                        <input type="hidden" name="choice" value=i.to_string() />
                        <button type="submit" class="flow-choice" disabled=move || answer.pending().get()>
                            {label}
                        </button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    let articles = view
        .articles
        .iter()
        .map(|(slug, title)| view! { <li><a href=format!("/articles/{slug}")>{title.clone()}</a></li> })
        .collect_view();
    let has_articles = !view.articles.is_empty();
    let ending = match view.status {
        RunStatus::Solved => Some(
            view! {
                <div class="notice notice-success flow-end" role="status">
                    <strong>{f.solved_title}</strong>
                    <p>{f.solved_text}</p>
                </div>
            }
            .into_any(),
        ),
        RunStatus::Escalated => view.ticket_link.clone().map(|href| {
            view! {
                <div class="flow-end">
                    <h2>{f.escalate_title}</h2>
                    <a class="button button-primary flow-ticket" href=href>{f.open_ticket}</a>
                </div>
            }
            .into_any()
        }),
        RunStatus::Active => None,
    };
    let transcript = view
        .transcript
        .iter()
        .map(|(q, a)| view! { <li><span class="flow-q">{q.clone()}</span> " → " <strong>{a.clone()}</strong></li> })
        .collect_view();
    let has_transcript = !view.transcript.is_empty();
    let open_transcript = view.status == RunStatus::Escalated;
    let progress = view.progress;
    let (token, token2, answered) = (view.token.clone(), view.token.clone(), view.answered);
    view! {
        <p class="meta"><a href="/diagnosis">{s.diag_title}</a></p>
        <h1>{view.flow_title.clone()}</h1>
        {view.preview.then(|| view! { <p class="notice">{f.preview_banner}</p> })}
        <p class="notice notice-error" role="alert" hidden=move || problem().is_none()>{problem}</p>
        <div class="flow-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=progress.to_string() aria-label=f.progress_line(step_no, progress)>
            <div class="flow-progress-bar" style=format!("width: {progress}%")></div>
        </div>
        <p class="meta flow-step">{f.progress_line(step_no, progress)}</p>
        <section class="flow-screen" data-node=view.node_id.clone() data-kind=view.kind.clone()>
            <p class="flow-text">{view.text.clone()}</p>
            {has_articles.then(|| view! {
                <h2 class="flow-articles-title">{f.read_articles}</h2>
                <ul class="flow-articles">{articles}</ul>
            })}
            <ul class="flow-choices">{choices}</ul>
            {ending}
        </section>
        <div class="flow-nav">
            {(answered > 0).then(|| view! {
                <ActionForm action=rewind>
                    <input type="hidden" name="token" value=token.clone() />
                    <input type="hidden" name="answered" value=answered.to_string() />
                    <input type="hidden" name="restart" value="false" />
                    <button type="submit" class="button">{f.back}</button>
                </ActionForm>
                <ActionForm action=rewind>
                    <input type="hidden" name="token" value=token2.clone() />
                    <input type="hidden" name="answered" value=answered.to_string() />
                    <input type="hidden" name="restart" value="true" />
                    <button type="submit" class="button">{f.restart}</button>
                </ActionForm>
            })}
        </div>
        {has_transcript.then(|| view! {
            <details class="flow-transcript" open=open_transcript>
                <summary>{f.transcript}</summary>
                <ol>{transcript}</ol>
            </details>
        })}
        <p class="hint">{f.share_hint}</p>
    }
}
