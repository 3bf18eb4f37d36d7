//! A customer's own data: the JSON download and erasure that keeps the service records.

mod common;

use common::{call, get_page, registered, staff, ticket_fields, TestServer, PASSWORD};
use serde_json::Value;

#[tokio::test]
async fn customers_download_their_data_and_erasure_keeps_the_tickets() {
    let server = TestServer::start();
    let c = registered(&server, "wang.fang@example.com", "王芳").await;
    let fields = ticket_fields("我的数据导出");
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let created: Value = call(&c, &server, "tickets/create", &fields)
        .await
        .json()
        .await
        .expect("json");
    let number = created["Created"]["number"]
        .as_str()
        .expect("number")
        .to_string();

    let res = c
        .get(server.url("/api/account/export"))
        .send()
        .await
        .expect("export");
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .contains("attachment"));
    let data: Value = res.json().await.expect("a JSON document");
    assert_eq!(data["account"]["email"], "wang.fang@example.com");
    assert_eq!(data["tickets"][0]["number"], number.as_str());
    assert_eq!(data["tickets"][0]["contact_name"], "王芳");

    // Erasure needs the password and the confirmation.
    let refused: Value = call(&c, &server, "account/erase", &[("password", PASSWORD)])
        .await
        .json()
        .await
        .expect("json");
    assert!(refused.get("Refused").is_some(), "{refused}");
    let done: Value = call(
        &c,
        &server,
        "account/erase",
        &[("password", PASSWORD), ("confirm", "yes")],
    )
    .await
    .json()
    .await
    .expect("json");
    assert!(done.get("Done").is_some(), "{done}");

    // Signed out for good; the address is free; the ticket remains, without the person.
    let me: Value = call(&c, &server, "auth/me", &[])
        .await
        .json()
        .await
        .expect("json");
    assert!(me.is_null());
    let login: Value = call(
        &common::client(),
        &server,
        "auth/login",
        &[
            ("form[email]", "wang.fang@example.com"),
            ("form[password]", PASSWORD),
        ],
    )
    .await
    .json()
    .await
    .expect("json");
    assert!(login.get("Refused").is_some());
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let (_, page) = get_page(&agent, server.url(&format!("/tickets/{number}")), "zh").await;
    assert!(page.contains("我的数据导出"), "the service record stays");
    assert!(
        !page.contains("王芳") && page.contains("erased-user-"),
        "{page}"
    );
    let pool = server.db().await;
    let left: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM tickets WHERE contact_email LIKE '%wang.fang%' OR contact_name = '王芳'",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(left, 0);
    let (ok, out) = server.admin(&["audit", "verify"], "");
    assert!(ok, "the audit trail survives erasure: {out}");
}
