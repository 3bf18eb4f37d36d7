//! Working tickets over real HTTP: the lifecycle, the paused clock, concurrent agents,
//! assignment and the console queues, and the background sweep.

mod common;

use common::{
    act, call, client, get_page, open_ticket, plain_post, revision, staff, view, TestServer,
};
use reqwest::StatusCode;
use serde_json::Value;

/// A guest ticket; returns its number and access key.
async fn guest_ticket(server: &TestServer, subject: &str) -> (String, String) {
    open_ticket(server, &client(), subject).await
}

async fn reply(
    server: &TestServer,
    who: &reqwest::Client,
    number: &str,
    key: &str,
    body: &str,
) -> (StatusCode, String) {
    let res = call(
        who,
        server,
        "tickets/reply",
        &[("number", number), ("key", key), ("body", body)],
    )
    .await;
    let status = res.status();
    (status, res.text().await.expect("body"))
}

#[tokio::test]
async fn a_ticket_runs_its_lifecycle_and_the_clock_pauses_while_waiting_on_the_customer() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let guest = client();
    let (number, key) = guest_ticket(&server, "VPN 连接不上").await;

    let v = view(&server, &agent, &number, "").await;
    assert_eq!(v["ticket"]["status"], "new");
    assert_eq!(v["respond"]["state"], "running");
    let (s, _) = act(&server, &agent, &number, "", "acknowledge", &revision(&v)).await;
    assert_eq!(s, StatusCode::OK);
    let v = view(&server, &agent, &number, "").await;
    assert_eq!(
        v["respond"]["state"], "met",
        "acknowledging is the first response"
    );
    let (s, _) = act(&server, &agent, &number, "", "wait", &revision(&v)).await;
    assert_eq!(s, StatusCode::OK);

    // The customer sees the paused clock and why, in their language.
    let v = view(&server, &guest, &number, &key).await;
    assert_eq!(v["ticket"]["status"], "waiting_on_customer");
    assert_eq!(v["resolve"]["state"], "paused");
    let due_before = v["ticket"]["resolve_due"]
        .as_str()
        .expect("due")
        .to_string();
    let (_, page) = get_page(
        &guest,
        server.url(&format!("/tickets/{number}?key={key}")),
        "zh",
    )
    .await;
    assert!(
        page.contains("等待您回复期间，处理时限暂停计时"),
        "paused reason shown"
    );
    assert!(page.contains("暂停计时"));

    // A customer may not resolve; their reply restarts the clock and the work.
    let (s, body) = act(&server, &guest, &number, &key, "resolve", &revision(&v)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("You cannot take this step on this ticket."),
        "{body}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (s, _) = reply(&server, &guest, &number, &key, "VPN 客户端版本是 5.2").await;
    assert_eq!(s, StatusCode::OK);
    let v = view(&server, &agent, &number, "").await;
    assert_eq!(v["ticket"]["status"], "in_progress");
    assert_eq!(v["resolve"]["state"], "running");
    let due_after = v["ticket"]["resolve_due"].as_str().expect("due");
    assert!(
        due_after > due_before.as_str(),
        "the pause moved the due time: {due_before} → {due_after}"
    );

    // Resolve, then the customer confirms; a closed ticket takes no reply but offers a reopen.
    let (s, _) = act(&server, &agent, &number, "", "resolve", &revision(&v)).await;
    assert_eq!(s, StatusCode::OK);
    let v = view(&server, &guest, &number, &key).await;
    let actions: Vec<&str> = v["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(actions, vec!["close", "reopen"]);
    let (s, _) = act(&server, &guest, &number, &key, "close", &revision(&v)).await;
    assert_eq!(s, StatusCode::OK);
    let (s, body) = reply(&server, &guest, &number, &key, "还有一个问题").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("This ticket is closed. Reopen it to continue"),
        "{body}"
    );
    let v = view(&server, &guest, &number, &key).await;
    assert_eq!(v["ticket"]["status"], "closed");
    assert_eq!(v["actions"], serde_json::json!(["reopen"]));

    // The timeline records every change, who made it and when.
    let changes: Vec<String> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["change"]["to"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        changes,
        [
            "acknowledged",
            "waiting_on_customer",
            "in_progress",
            "resolved",
            "closed"
        ]
    );
}

#[tokio::test]
async fn the_second_of_two_agents_acting_at_once_is_told_the_ticket_changed() {
    let server = TestServer::start();
    let one = staff(&server, "one@example.com", &["agent"]).await;
    let two = staff(&server, "two@example.com", &["agent"]).await;
    let (number, _) = guest_ticket(&server, "邮箱无法登录").await;
    let v = view(&server, &one, &number, "").await;
    let rev = revision(&v);
    // Both agents loaded revision 1; both act on it at the same moment.
    let (a, b) = tokio::join!(
        act(&server, &one, &number, "", "resolve", &rev),
        act(&server, &two, &number, "", "acknowledge", &rev),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let loser = if a.0 == StatusCode::CONFLICT {
        a.1
    } else {
        b.1
    };
    assert!(
        loser.contains("Someone changed this ticket meanwhile"),
        "{loser}"
    );
    let v = view(&server, &one, &number, "").await;
    assert_eq!(
        v["ticket"]["work"]["revision"], 2,
        "exactly one change was written"
    );

    // Without JavaScript the refusal comes back to the page, in the agent's language.
    let location = plain_post(
        &two,
        &server,
        "tickets/act",
        &[
            ("form[number]", number.as_str()),
            ("form[action]", "start"),
            ("form[revision]", rev.as_str()),
        ],
    )
    .await;
    assert!(location.ends_with("?error=conflict"), "{location}");
    let (_, page) = get_page(&two, server.url(&location), "zh").await;
    assert!(page.contains("其他人刚刚修改了此工单"));
}

#[tokio::test]
async fn assigned_tickets_move_between_the_console_queues() {
    let server = TestServer::start();
    let lead = staff(&server, "lead@example.com", &["agent"]).await;
    let other = staff(&server, "other@example.com", &["agent"]).await;
    let (number, key) = guest_ticket(&server, "共享盘打不开").await;
    let queue = |who: &reqwest::Client, q: &'static str| {
        let who = who.clone();
        let server = &server;
        async move {
            let res = call(
                &who,
                server,
                "staff/console",
                &[("query[queue]", q), ("query[sort]", "due")],
            )
            .await;
            assert_eq!(res.status(), StatusCode::OK);
            let v: Value = res.json().await.expect("json");
            v.as_array()
                .expect("lines")
                .iter()
                .map(|l| l["ticket"]["number"].as_str().expect("number").to_string())
                .collect::<Vec<_>>()
        }
    };
    assert!(queue(&lead, "unassigned").await.contains(&number));
    assert!(queue(&lead, "mine").await.is_empty());

    let me: Value = call(&other, &server, "auth/me", &[])
        .await
        .json()
        .await
        .expect("json");
    let other_id = me["id"].as_i64().expect("id").to_string();
    let v = view(&server, &lead, &number, "").await;
    let res = call(
        &lead,
        &server,
        "tickets/assign",
        &[
            ("form[number]", number.as_str()),
            ("form[revision]", &revision(&v)),
            ("form[assignee]", &other_id),
            ("form[reason]", "网络组值班"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(queue(&lead, "unassigned").await.is_empty());
    assert_eq!(queue(&other, "mine").await, vec![number.clone()]);
    assert!(queue(&lead, "mine").await.is_empty());

    // Customers never see who works on it internally, or the reason.
    let v = view(&server, &lead, &number, "").await;
    assert_eq!(
        v["ticket"]["work"]["assignee_id"].as_i64(),
        me["id"].as_i64()
    );
    let (_, page) = get_page(&lead, server.url(&format!("/tickets/{number}")), "zh").await;
    assert!(page.contains("网络组值班"), "staff see the reason");
    let guest = view(&server, &client(), &number, &key).await;
    assert_eq!(guest["ticket"]["work"]["assignee_id"], Value::Null);
    assert!(!guest.to_string().contains("网络组值班"));

    // Customers and strangers cannot read queues or assign.
    let res = call(
        &client(),
        &server,
        "staff/console",
        &[("query[queue]", "all")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = call(
        &client(),
        &server,
        "tickets/assign",
        &[("form[number]", number.as_str()), ("form[revision]", "2")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_sweep_flags_breaches_and_closes_quiet_resolved_tickets() {
    let server = TestServer::start_with(&[("SWEEP_SECONDS", "1")]);
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let (late, _) = guest_ticket(&server, "服务器宕机").await;
    let (quiet, key) = guest_ticket(&server, "键盘失灵").await;
    let v = view(&server, &agent, &quiet, "").await;
    let (s, _) = act(&server, &agent, &quiet, "", "resolve", &revision(&v)).await;
    assert_eq!(s, StatusCode::OK);
    // Travel in time: the first ticket's response is overdue, the second was resolved 8 days ago.
    let day = 86_400_000i64;
    server
        .sql(&format!(
            "UPDATE tickets SET first_response_due = first_response_due - {day}, resolve_due = resolve_due - {day} WHERE number = '{late}'"
        ))
        .await;
    server
        .sql(&format!(
            "UPDATE tickets SET resolved_at = resolved_at - 8 * {day} WHERE number = '{quiet}'"
        ))
        .await;
    let pool = server.db().await;
    let mut flagged = (0i64, 0i64);
    let mut status = String::new();
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        flagged = sqlx::query_as(
            "SELECT response_breached, resolve_breached FROM tickets WHERE number = $1",
        )
        .bind(&late)
        .fetch_one(&pool)
        .await
        .expect("flags");
        status = sqlx::query_scalar("SELECT status FROM tickets WHERE number = $1")
            .bind(&quiet)
            .fetch_one(&pool)
            .await
            .expect("status");
        if flagged == (1, 1) && status == "closed" {
            break;
        }
    }
    assert_eq!(
        flagged,
        (1, 1),
        "both clocks of the late ticket are flagged"
    );
    assert_eq!(
        status, "closed",
        "the quiet resolved ticket closed on its own"
    );
    let v = view(&server, &client(), &quiet, &key).await;
    let last = v["events"]
        .as_array()
        .expect("events")
        .last()
        .cloned()
        .expect("event");
    assert_eq!(last["change"]["to"], "closed");
    assert_eq!(last["author"], "", "closed by the portal itself");
    let v = view(&server, &agent, &late, "").await;
    assert_eq!(v["respond"]["state"], "breached");
}
