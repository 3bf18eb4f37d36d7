//! Canned replies over real HTTP: agents keep them per language, the ticket page offers them
//! in the customer's language first and fills in the placeholders; customers never see them.

mod common;

use common::{call, client, get_page, open_ticket, staff, view, TestServer};
use reqwest::StatusCode;

#[tokio::test]
async fn agents_keep_canned_replies_and_insert_them_filled_in() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let add = |locale: &'static str, title: &'static str, body: &'static str| {
        let agent = agent.clone();
        let server = &server;
        async move {
            call(
                &agent,
                server,
                "staff/canned-add",
                &[("locale", locale), ("title", title), ("body", body)],
            )
            .await
        }
    };
    let res = add(
        "en",
        "Restart",
        "Hello {customer}, please restart and reply to {number}.",
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = add(
        "zh",
        "重启",
        "{customer}您好，请重启电脑后在工单 {number} 中回复结果。",
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = add("zh", " ", "没有标题").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.expect("body").contains("title"));

    // A customer may not read or add them.
    let customer = client();
    let res = call(&customer, &server, "staff/canned", &[]).await;
    assert_ne!(res.status(), StatusCode::OK);

    // The ticket (opened in Chinese) offers the Chinese one first; picking it fills the reply.
    let (number, key) = open_ticket(&server, &customer, "电脑很慢").await;
    let page = view(&server, &agent, &number, "").await;
    let titles: Vec<&str> = page["canned"]
        .as_array()
        .expect("canned")
        .iter()
        .filter_map(|c| c["title"].as_str())
        .collect();
    assert_eq!(titles, ["重启", "Restart"]);
    assert_eq!(
        view(&server, &customer, &number, &key).await["canned"],
        serde_json::json!([])
    );
    let id = page["canned"][0]["id"].as_i64().expect("id");
    let (status, html) = get_page(
        &agent,
        server.url(&format!("/tickets/{number}?canned={id}")),
        "zh-CN",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!(
            "王芳您好，请重启电脑后在工单 {number} 中回复结果。</textarea>"
        )),
        "filled reply in the box"
    );

    let res = call(
        &agent,
        &server,
        "staff/canned-delete",
        &[("id", &id.to_string())],
    )
    .await;
    assert!(res.json::<bool>().await.expect("json"));
    let left: serde_json::Value = call(&agent, &server, "staff/canned", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(left.as_array().map(Vec::len), Some(1));
}
