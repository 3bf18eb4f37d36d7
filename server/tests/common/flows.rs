//! Helpers of the diagnosis-flow tests: start, answer and read runs; edit drafts.

#![allow(dead_code)]

use super::{call, TestServer};
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// Starts a run on a live flow (or a draft's preview); returns the link's token.
pub async fn start(server: &TestServer, who: &Client, slug: &str, preview: bool) -> String {
    let preview = preview.to_string();
    let res = call(
        who,
        server,
        "flows/start",
        &[("slug", slug), ("preview", &preview)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK, "start {slug}");
    res.json::<String>().await.expect("token")
}

/// Answers the screen `node` with `choice`; returns the status and body.
pub async fn answer(
    server: &TestServer,
    who: &Client,
    token: &str,
    node: &str,
    choice: usize,
) -> (StatusCode, String) {
    let choice = choice.to_string();
    let res = call(
        who,
        server,
        "flows/answer",
        &[("token", token), ("node", node), ("choice", &choice)],
    )
    .await;
    (res.status(), res.text().await.expect("body"))
}

/// The run's current screen as JSON.
pub async fn run(server: &TestServer, who: &Client, token: &str) -> Value {
    let res = call(who, server, "flows/run", &[("token", token)]).await;
    assert_eq!(res.status(), StatusCode::OK, "run {token}");
    res.json().await.expect("json")
}

/// Answers screens in order, each `(node, choice)`, expecting every answer to be taken.
pub async fn walk(server: &TestServer, who: &Client, token: &str, steps: &[(&str, usize)]) {
    for (node, choice) in steps {
        let (status, body) = answer(server, who, token, node, *choice).await;
        assert_eq!(status, StatusCode::OK, "answer {node}: {body}");
    }
}

/// Saves one node of a draft with the node form.
pub async fn node(
    server: &TestServer,
    who: &Client,
    slug: &str,
    fields: &[(&str, &str)],
    is_new: bool,
) -> (StatusCode, String) {
    let is_new = is_new.to_string();
    let mut all = vec![("form[slug]", slug), ("form[is_new]", is_new.as_str())];
    all.extend_from_slice(fields);
    let res = call(who, server, "flow-editor/node", &all).await;
    (res.status(), res.text().await.expect("body"))
}

/// Creates a draft flow `slug` in category network.
pub async fn create(server: &TestServer, who: &Client, slug: &str) -> StatusCode {
    call(
        who,
        server,
        "flow-editor/create",
        &[
            ("form[slug]", slug),
            ("form[title_zh]", "打印机脱机"),
            ("form[title_en]", "Printer offline"),
            ("form[category]", "hardware"),
        ],
    )
    .await
    .status()
}

/// Builds the three-node flow start (question) → cable (step) → ticket (escalate) in a draft.
pub async fn three_nodes(server: &TestServer, who: &Client, slug: &str) {
    assert_eq!(create(server, who, slug).await, StatusCode::OK);
    let steps: [(&[(&str, &str)], bool); 3] = [
        (
            &[
                ("form[id]", "start"),
                ("form[kind]", "question"),
                ("form[text_zh]", "打印机的指示灯亮吗？"),
                ("form[text_en]", "Is the printer's light on?"),
                ("form[options]", "cable | 亮 | On\nticket | 不亮 | Off"),
            ],
            false,
        ),
        (
            &[
                ("form[id]", "cable"),
                ("form[kind]", "step"),
                ("form[text_zh]", "重新插好网线。"),
                ("form[text_en]", "Plug the network cable in again."),
                ("form[next]", "ticket"),
            ],
            true,
        ),
        (
            &[
                ("form[id]", "ticket"),
                ("form[kind]", "escalate"),
                ("form[text_zh]", "请提交工单。"),
                ("form[text_en]", "Please open a ticket."),
                ("form[priority]", "important"),
            ],
            true,
        ),
    ];
    for (fields, is_new) in steps {
        let (status, body) = node(server, who, slug, fields, is_new).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
}

/// Publishes a draft; returns the status and body (the version number when published).
pub async fn publish(server: &TestServer, who: &Client, slug: &str) -> (StatusCode, String) {
    let res = call(who, server, "flow-editor/publish", &[("slug", slug)]).await;
    (res.status(), res.text().await.expect("body"))
}

/// A flow's analytics for the last 30 days.
pub async fn stats(server: &TestServer, who: &Client, slug: &str) -> Value {
    let res = call(
        who,
        server,
        "flow-editor/stats",
        &[("slug", slug), ("days", "30")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}
