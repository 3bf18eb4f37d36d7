//! Bulk changes over real HTTP: many tickets through the state machine at once, the refused
//! ones named with the reason; works as a plain form post too.

mod common;

use common::{call, client, open_ticket, plain_post, staff, view, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn agents_change_many_tickets_at_once_and_see_which_were_refused() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let mut numbers = Vec::new();
    for i in 0..3 {
        numbers.push(
            open_ticket(&server, &client(), &format!("批量 {i}"))
                .await
                .0,
        );
    }
    // Acknowledge all three as the hydrated console does (indexed list fields).
    let keys: Vec<String> = (0..3).map(|i| format!("form[numbers][{i}]")).collect();
    let mut fields: Vec<(&str, &str)> = keys
        .iter()
        .zip(&numbers)
        .map(|(k, n)| (k.as_str(), n.as_str()))
        .collect();
    fields.push(("form[action]", "acknowledge"));
    let res = call(&agent, &server, "tickets/bulk", &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let out: Value = res.json().await.expect("json");
    assert_eq!(out["changed"].as_array().map(Vec::len), Some(3), "{out}");
    for n in &numbers {
        assert_eq!(
            view(&server, &agent, n, "").await["ticket"]["status"],
            "acknowledged"
        );
    }

    // Resolve the first; then "start" on all: the resolved one is refused by the state machine.
    let one = [
        ("form[numbers][0]", numbers[0].as_str()),
        ("form[action]", "resolve"),
    ];
    let out: Value = call(&agent, &server, "tickets/bulk", &one)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(out["changed"][0], numbers[0].as_str());
    fields.pop();
    fields.push(("form[action]", "start"));
    let out: Value = call(&agent, &server, "tickets/bulk", &fields)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(out["changed"].as_array().map(Vec::len), Some(2), "{out}");
    assert_eq!(out["refused"][0][0], numbers[0].as_str());
    assert!(!out["refused"][0][1].as_str().unwrap_or_default().is_empty());

    // Without JavaScript: ticked boxes keep their row index (gaps), and assignment to "me".
    let next = plain_post(
        &agent,
        &server,
        "tickets/bulk",
        &[
            ("form[numbers][1]", &numbers[1]),
            ("form[numbers][2]", &numbers[2]),
            ("form[action]", "assign"),
            ("form[assignee]", "me"),
        ],
    )
    .await;
    assert_eq!(next, "/console?queue=all");
    for n in &numbers[1..] {
        assert_eq!(
            view(&server, &agent, n, "").await["ticket"]["work"]["assignee_name"],
            "Staff"
        );
    }

    // Customers cannot.
    let res = call(
        &client(),
        &server,
        "tickets/bulk",
        &[("form[action]", "close")],
    )
    .await;
    assert_ne!(res.status(), StatusCode::OK);
}
