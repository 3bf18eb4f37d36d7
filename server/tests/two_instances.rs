//! Two real server processes on one PostgreSQL database behave as one portal: sessions, search,
//! live events and background jobs. Runs when `TEST_DATABASE_URL` names a PostgreSQL server
//! (`scripts/test.sh` starts one); on SQLite, which serves one machine, it has nothing to test.

mod common;

use common::kb::{open_version, review, save, search, submit};
use common::live::Stream;
use common::{call, client, open_ticket, staff, TestServer};
use reqwest::StatusCode;
use std::time::Duration;

fn pair(env: &[(&str, &str)]) -> Option<(TestServer, TestServer)> {
    if common::postgres_admin_url().is_none() {
        eprintln!("two_instances: skipped, no TEST_DATABASE_URL (PostgreSQL) given");
        return None;
    }
    let a = TestServer::start_with(env);
    let b = TestServer::start_beside(&a, env);
    assert_ne!(a.base, b.base);
    Some((a, b))
}

#[tokio::test]
async fn sessions_search_and_live_events_cross_instances() {
    let Some((a, b)) = pair(&[]) else { return };

    // Signed in through A; the same session cookie is honoured by B.
    let lead = staff(&a, "lead@example.com", &["agent"]).await;
    let me: serde_json::Value = call(&lead, &b, "auth/me", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(me["email"], "lead@example.com", "{me}");

    // A ticket opened through A reaches the agent's live stream on B.
    let (status, mut stream) = Stream::open(&lead, b.url("/events"), None).await;
    assert_eq!(status, StatusCode::OK);
    let ready = stream.next(Duration::from_secs(5)).await.expect("ready");
    assert_eq!(ready.event, "ready");
    let started = std::time::Instant::now();
    let (number, _) = open_ticket(&a, &client(), "打印机卡纸 (via A)").await;
    stream.expect(&number, "ticket_created").await;
    eprintln!("cross-instance live event after {:?}", started.elapsed());

    // An article published through A is found through B.
    let author = staff(&a, "author@example.com", &["editor"]).await;
    let reviewer = staff(&a, "reviewer@example.com", &["editor"]).await;
    let body = "## 操作步骤\n1. 确认门禁卡没有消磁。\n2. 到前台重新登记门禁卡。\n";
    let res = save(&a, &author, "door-card", true, "会议室门禁卡刷不开", body).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(search(&b, "门禁卡").await.is_empty());
    let v = open_version(&a, &author, "door-card").await["version"]
        .as_i64()
        .expect("version");
    assert_eq!(submit(&a, &author, "door-card", v).await, StatusCode::OK);
    let res = review(&a, &reviewer, "door-card", v, true, "").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(search(&a, "门禁卡").await, ["door-card"], "at once on A");
    let mut found = Vec::new();
    for _ in 0..50 {
        found = search(&b, "门禁卡").await;
        if !found.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(found, ["door-card"], "B follows A's index within 5 s");

    // Synonyms saved through A apply on B.
    let editor = staff(&a, "editor@example.com", &["editor"]).await;
    let res = call(
        &editor,
        &a,
        "staff/synonyms-save",
        &[("text", "门禁卡, 工卡, badge")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mut found = Vec::new();
    for _ in 0..50 {
        found = search(&b, "工卡").await;
        if !found.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(found, ["door-card"], "B uses A's synonyms");
}

#[tokio::test]
async fn background_jobs_run_once_not_once_per_instance() {
    let Some((a, b)) = pair(&[("SWEEP_SECONDS", "1")]) else {
        return;
    };
    staff(&a, "agent.li@example.com", &["agent"]).await;
    let (number, _) = open_ticket(&b, &client(), "服务器宕机").await;
    // The response target passed a day ago.
    a.sql(&format!(
        "UPDATE tickets SET first_response_due = created_at - 86400000 WHERE number = '{number}'"
    ))
    .await;
    let db = a.db().await;
    let mut holders = std::collections::BTreeSet::new();
    let mut flagged = 0i64;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        flagged = sqlx::query_scalar("SELECT response_breached FROM tickets WHERE number = $1")
            .bind(&number)
            .fetch_one(&db)
            .await
            .expect("flag");
        if let Some(h) =
            sqlx::query_scalar::<_, String>("SELECT holder FROM job_leases WHERE name = 'sweep'")
                .fetch_optional(&db)
                .await
                .expect("lease")
        {
            holders.insert(h);
        }
    }
    assert_eq!(flagged, 1, "the sweep ran");
    assert_eq!(holders.len(), 1, "one instance held the sweep: {holders:?}");
    // One breach notice, each of its deliveries claimed once by one instance.
    let notices: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox_events o JOIN tickets t ON t.id = o.ticket_id
         WHERE t.number = $1 AND o.kind = 'sla_breach'",
    )
    .bind(&number)
    .fetch_one(&db)
    .await
    .expect("notices");
    assert_eq!(notices, 1);
    let mut attempts: Vec<(String, i64)> = Vec::new();
    for _ in 0..50 {
        attempts = sqlx::query_as(
            "SELECT d.status, d.attempts FROM deliveries d JOIN outbox_events o ON o.id = d.event_id
             JOIN tickets t ON t.id = o.ticket_id WHERE t.number = $1 AND o.kind = 'sla_breach'",
        )
        .bind(&number)
        .fetch_all(&db)
        .await
        .expect("deliveries");
        if !attempts.is_empty() && attempts.iter().all(|(s, _)| s == "sent") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!attempts.is_empty(), "the breach was announced");
    assert!(
        attempts.iter().all(|(s, n)| s == "sent" && *n == 1),
        "each delivery sent once: {attempts:?}"
    );
    drop(b);
}
