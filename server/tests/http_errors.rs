//! When storage fails, the browser gets a plain apology and none of the internals.

mod common;

use common::{client, get_page, ticket_fields, TestServer};
use reqwest::StatusCode;

#[tokio::test]
async fn storage_failures_show_a_generic_message_and_leak_nothing() {
    let server = TestServer::start();
    // Break the running server's database behind its back, as a failed disk or a bad migration might.
    server
        .sql("ALTER TABLE kb_categories RENAME TO kb_categories_gone")
        .await;
    server
        .sql("ALTER TABLE tickets RENAME TO tickets_gone")
        .await;

    let c = client();
    let (status, page) = get_page(&c, server.url("/kb"), "en").await;
    assert_eq!(status, StatusCode::OK, "the page itself still renders");
    assert!(page.contains("Something went wrong"));
    assert!(
        !page.contains("kb_categories") && !page.contains("no such table"),
        "{page}"
    );

    let res = c
        .post(server.url("/api/tickets/create"))
        .form(&ticket_fields("数据库故障"))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = res.text().await.expect("body");
    assert!(body.contains("internal error"), "{body}");
    assert!(
        !body.contains("tickets") && !body.contains("no such table"),
        "{body}"
    );
}
