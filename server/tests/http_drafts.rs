//! Knowledge sedimentation over real HTTP: an agent turns a resolved ticket into an article
//! draft holding the symptoms and the agents' answers, never internal notes.

mod common;

use common::{act, call, client, open_ticket, revision, staff, view, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_resolved_ticket_becomes_an_article_draft() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let (number, _) = open_ticket(&server, &client(), "打印机脱机").await;
    call(
        &agent,
        &server,
        "tickets/reply",
        &[
            ("number", &number),
            ("body", "在打印机菜单中取消“脱机使用打印机”。"),
        ],
    )
    .await;
    call(
        &agent,
        &server,
        "tickets/note",
        &[("number", &number), ("body", "内部：驱动版本过旧")],
    )
    .await;

    // Not before it is resolved.
    let res = call(
        &agent,
        &server,
        "tickets/to-article",
        &[("number", &number)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let rev = revision(&view(&server, &agent, &number, "").await);
    let (status, body) = act(&server, &agent, &number, "", "resolve", &rev).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let res = call(
        &agent,
        &server,
        "tickets/to-article",
        &[("number", &number)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let drafts: Value = call(&agent, &server, "staff/drafts", &[])
        .await
        .json()
        .await
        .expect("json");
    let d = &drafts[0];
    assert_eq!(d["ticket_number"], number.as_str());
    assert_eq!(d["title"], "打印机脱机");
    let md = d["body_md"].as_str().expect("markdown");
    assert!(md.contains("## 问题现象"), "{md}");
    assert!(
        md.contains("1. 在打印机菜单中取消“脱机使用打印机”。"),
        "{md}"
    );
    assert!(
        !md.contains("驱动版本过旧"),
        "internal notes stay out: {md}"
    );

    // A knowledge editor starts an article from it: the editor form comes prefilled.
    let editor = common::staff(&server, "editor@example.com", &["editor"]).await;
    let id = d["id"].as_i64().expect("id").to_string();
    let form: Value = call(
        &editor,
        &server,
        "editor/form",
        &[("slug", ""), ("locale", "en"), ("draft", &id)],
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(form["title"], "打印机脱机");
    assert_eq!(form["locale"], "zh", "the draft's language wins");
    assert!(form["body_md"]
        .as_str()
        .expect("body")
        .contains("## 问题现象"));

    // Customers can do neither.
    let res = call(&client(), &server, "staff/drafts", &[]).await;
    assert_ne!(res.status(), StatusCode::OK);
}
