//! Ratings and complaints over real HTTP: only finished tickets are rated, once; a link alone
//! rates nothing; two stars open a complaint for the lead whose outcome the customer sees.

mod common;

use common::{
    act, call, client, get_page, open_ticket, plain_post, revision, staff, view, TestServer,
};
use reqwest::StatusCode;

/// A guest ticket the agent has resolved; returns number and key.
async fn resolved_ticket(server: &TestServer, agent: &reqwest::Client) -> (String, String) {
    let (number, key) = open_ticket(server, &client(), "邮件无法发送").await;
    let v = view(server, agent, &number, "").await;
    let (status, body) = act(server, agent, &number, "", "resolve", &revision(&v)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (number, key)
}

async fn rate(
    server: &TestServer,
    who: &reqwest::Client,
    number: &str,
    key: &str,
    overall: &str,
    comment: &str,
) -> (StatusCode, String) {
    let res = call(
        who,
        server,
        "tickets/rate",
        &[
            ("form[number]", number),
            ("form[key]", key),
            ("form[overall]", overall),
            ("form[speed]", "1"),
            ("form[effect]", "2"),
            ("form[attitude]", ""),
            ("form[comment]", comment),
        ],
    )
    .await;
    let status = res.status();
    (status, res.text().await.expect("body"))
}

#[tokio::test]
async fn two_stars_open_a_complaint_the_lead_answers_and_the_customer_sees() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let guest = client();

    // Not before it is resolved.
    let (open_number, open_key) = open_ticket(&server, &guest, "还没处理").await;
    let (status, body) = rate(&server, &guest, &open_number, &open_key, "4", "").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("once it is resolved"), "{body}");

    let (number, key) = resolved_ticket(&server, &agent).await;
    let before = view(&server, &guest, &number, &key).await;
    assert_eq!(before["may_rate"], true);
    // Following the invitation's link shows the form with the stars chosen, and rates nothing.
    let (status, page) = get_page(
        &guest,
        server.url(&format!("/tickets/{number}/rate?key={key}&stars=2")),
        "en",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Submit rating"), "{page}");
    assert!(page.contains(r#"value="2" checked"#), "{page}");
    assert_eq!(view(&server, &guest, &number, &key).await["may_rate"], true);

    // The agent cannot rate their own work; a missing overall rating is named.
    let (status, _) = rate(&server, &agent, &number, "", "5", "").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = rate(&server, &guest, &number, &key, "", "").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("overall rating"), "{body}");

    let (status, _) = rate(&server, &guest, &number, &key, "2", "等了两天才有人回复").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = rate(&server, &guest, &number, &key, "5", "").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("already been rated"), "{body}");

    let after = view(&server, &guest, &number, &key).await;
    assert_eq!(after["may_rate"], false);
    assert_eq!(after["rating"]["rating"]["overall"], 2);
    assert_eq!(after["rating"]["rating"]["speed"], 1);
    assert_eq!(
        after["rating"]["rating"]["attitude"],
        serde_json::Value::Null
    );
    let complaint = &after["complaint"];
    assert_eq!(complaint["closed_at"], serde_json::Value::Null);
    let opened = chrono::DateTime::parse_from_rfc3339(complaint["opened_at"].as_str().expect("at"))
        .expect("time");
    let due = chrono::DateTime::parse_from_rfc3339(complaint["due_at"].as_str().expect("due"))
        .expect("time");
    assert_eq!(due - opened, chrono::Duration::hours(24));

    // The lead (an admin) sees it; an agent may not.
    let res = call(&agent, &server, "staff/complaints", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let lead = staff(&server, "root@example.com", &[]).await;
    let lists: serde_json::Value = call(&lead, &server, "staff/complaints", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(lists["open"][0]["number"], number.as_str());
    assert_eq!(lists["open"][0]["comment"], "等了两天才有人回复");

    let res = call(
        &lead,
        &server,
        "staff/complaint-outcome",
        &[("number", &number), ("outcome", " ")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let outcome = "已致电道歉，并为该部门增加值班人员。";
    let res = call(
        &lead,
        &server,
        "staff/complaint-outcome",
        &[("number", &number), ("outcome", outcome)],
    )
    .await;
    assert!(
        res.json::<bool>().await.expect("json"),
        "the open complaint was closed"
    );

    let last = view(&server, &guest, &number, &key).await;
    assert_eq!(last["complaint"]["outcome"], outcome);
    assert_eq!(last["complaint"]["handled_by"], "Root");
    let kinds: Vec<&str> = last["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(
        kinds[kinds.len() - 3..],
        ["rated", "complaint", "complaint_closed"]
    );
}

#[tokio::test]
async fn a_good_rating_opens_no_complaint_and_a_failed_plain_post_keeps_the_comment() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let (number, key) = resolved_ticket(&server, &agent).await;
    let guest = client();
    let next = plain_post(
        &guest,
        &server,
        "tickets/rate",
        &[
            ("form[number]", &number),
            ("form[key]", &key),
            ("form[comment]", "很快"),
        ],
    )
    .await;
    assert!(
        next.starts_with(&format!("/tickets/{number}/rate?key={key}&error=rating")),
        "{next}"
    );
    assert!(next.contains("comment=%E5%BE%88%E5%BF%AB"), "{next}");

    let next = plain_post(
        &guest,
        &server,
        "tickets/rate",
        &[
            ("form[number]", &number),
            ("form[key]", &key),
            ("form[overall]", "5"),
        ],
    )
    .await;
    assert_eq!(next, format!("/tickets/{number}?key={key}&rated=1"));
    let v = view(&server, &guest, &number, &key).await;
    assert_eq!(v["rating"]["rating"]["overall"], 5);
    assert_eq!(v["complaint"], serde_json::Value::Null);
}
