//! Notifications against real receivers: an SMTP server on loopback (aiosmtpd), an HTTP
//! endpoint that checks webhook signatures, and a server killed in the middle of delivering.

mod common;

use common::notify::{HookReceiver, SmtpSink};
use common::{call, client, open_ticket, staff, TestServer};
use std::collections::HashMap;

fn server_with(sink: &SmtpSink, extra: &[(&str, &str)]) -> TestServer {
    let mut env: Vec<(&str, String)> = sink.env();
    env.push(("NOTIFY_RETRY_MS", "200".into()));
    for (k, v) in extra {
        env.push((k, v.to_string()));
    }
    let pairs: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    TestServer::start_with(&pairs)
}

#[tokio::test]
async fn mail_and_signed_webhooks_reach_real_receivers_with_retries() {
    let sink = SmtpSink::start(0);
    let server = server_with(&sink, &[]);
    let admin = staff(&server, "root@example.com", &[]).await;
    let agent = staff(&server, "agent.li@example.com", &["agent"]).await;

    // A chat endpoint that fails twice before it accepts.
    let (hook, url) = HookReceiver::start(2).await;
    let res = call(
        &admin,
        &server,
        "notify/webhook-add",
        &[
            ("form[name]", "chat"),
            ("form[url]", &url),
            ("form[format]", "json"),
            ("form[events]", "ticket_created agent_reply"),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let hooks: serde_json::Value = call(&admin, &server, "notify/webhooks", &[])
        .await
        .json()
        .await
        .expect("json");
    *hook.secret.lock().expect("lock") = hooks[0]["secret"].as_str().expect("secret").to_string();
    // A bad address is refused in the user's language.
    let bad = call(
        &admin,
        &server,
        "notify/webhook-add",
        &[
            ("form[name]", "x"),
            ("form[url]", "ftp://x"),
            ("form[format]", "json"),
        ],
    )
    .await;
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap_or_default().contains("http://"));
    // Agents may read the log but not manage webhooks.
    assert_eq!(
        call(&agent, &server, "notify/webhooks", &[]).await.status(),
        403
    );

    // A guest opens a ticket: the receipt names the number, the private link and the due time.
    let guest = client();
    let (number, key) = open_ticket(&server, &guest, "打印机无法识别").await;
    let receipt = sink.wait_for("wang.fang@example.com", &number).await;
    assert!(
        receipt.text.contains(&format!("key={key}")),
        "{}",
        receipt.text
    );
    assert!(receipt.text.contains("预计响应时间"), "{}", receipt.text);
    assert!(
        receipt.subject.contains("已收到您的工单"),
        "{}",
        receipt.subject
    );
    assert!(receipt.html.contains("<a href="), "{}", receipt.html);
    assert!(
        receipt.message_id.starts_with("<n"),
        "{}",
        receipt.message_id
    );
    // Unassigned: the whole queue (every agent) hears of it, in their language (English).
    let to_agent = sink.wait_for("agent.li@example.com", &number).await;
    assert!(
        to_agent.subject.contains("New ticket"),
        "{}",
        to_agent.subject
    );

    // The agent replies: the customer gets the reply's text.
    let res = call(
        &agent,
        &server,
        "tickets/reply",
        &[("number", &number), ("body", "请更新打印机驱动后重试。")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let reply = sink
        .wait_for("wang.fang@example.com", "请更新打印机驱动后重试。")
        .await;
    assert!(reply.subject.contains("有新回复"), "{}", reply.subject);
    // The status change that came with the reply sends no second mail.
    server.wait_outbox_idle().await;
    let to_customer = sink
        .mails()
        .into_iter()
        .filter(|m| m.to == ["wang.fang@example.com"])
        .count();
    assert_eq!(to_customer, 2, "{:#?}", sink.mails());

    // The webhook got both events, signed, once each after two refusals.
    let calls = hook.calls();
    assert!(calls.iter().all(|c| c.signature_ok), "{calls:#?}");
    // Two refusals, then each of the two events once: the retry carries the same key.
    assert_eq!(calls.len(), 4, "{calls:#?}");
    let mut keys: Vec<&str> = calls.iter().map(|c| c.delivery.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 2, "{calls:#?}");
    let created = calls
        .iter()
        .find(|c| c.event == "ticket_created")
        .expect("ticket_created");
    assert_eq!(created.body["ticket"]["number"], number.as_str());
    assert!(calls.iter().any(|c| c.event == "agent_reply"));
    assert!(!calls.iter().any(|c| c.event == "note"), "filtered out");

    // The log shows the failures' reason and the final success.
    let log: serde_json::Value = call(&agent, &server, "notify/deliveries", &[("failed", "false")])
        .await
        .json()
        .await
        .expect("json");
    let line = log["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["channel"] == "webhook" && l["kind"] == "ticket_created")
        .expect("webhook line")
        .clone();
    assert_eq!(line["status"], "sent");
    assert!(line["attempts"].as_i64().unwrap_or(0) >= 2, "{line}");
    assert!(
        line["last_error"]
            .as_str()
            .unwrap_or_default()
            .contains("HTTP 500"),
        "{line}"
    );
    // The receipt's private link is not kept once sent.
    let kept: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM deliveries WHERE payload LIKE '%key=' || $1 || '%'",
    )
    .bind(&key)
    .fetch_one(&server.db().await)
    .await
    .expect("count");
    assert_eq!(kept, 0);
}

#[tokio::test]
async fn a_dead_mail_server_fails_visibly_and_a_retry_delivers() {
    // Nothing listens on this port: every attempt fails.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port()
        .to_string();
    let server = TestServer::start_with(&[
        ("SMTP_HOST", "127.0.0.1"),
        ("SMTP_PORT", &port),
        ("SMTP_TLS", "none"),
        ("NOTIFY_RETRY_MS", "10"),
    ]);
    let admin = staff(&server, "root@example.com", &[]).await;
    open_ticket(&server, &client(), "邮件服务器宕机").await;
    let mut failed = serde_json::Value::Null;
    for _ in 0..400 {
        failed = call(&admin, &server, "notify/deliveries", &[("failed", "true")])
            .await
            .json()
            .await
            .expect("json");
        if failed["counts"]["failed"].as_i64().unwrap_or(0) > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let line = &failed["lines"][0];
    assert_eq!(line["status"], "failed", "{failed}");
    assert_eq!(line["attempts"], 10);
    assert!(
        line["last_error"]
            .as_str()
            .unwrap_or_default()
            .contains("SMTP"),
        "{line}"
    );
    // An admin retries it: it is pending again, not lost.
    let id = line["id"].as_i64().expect("id").to_string();
    let res = call(&admin, &server, "notify/retry", &[("id", &id)]).await;
    assert_eq!(res.json::<bool>().await.ok(), Some(true));
}

#[tokio::test]
async fn a_crash_mid_delivery_loses_nothing_and_repeats_nothing() {
    // Each message is held 300 ms before it is accepted, so the kill lands mid-delivery.
    let sink = SmtpSink::start(300);
    let mut server = server_with(&sink, &[("NOTIFY_LEASE_SECONDS", "2")]);
    staff(&server, "agent.zhao@example.com", &["agent"]).await;
    let guest = client();
    let mut numbers = Vec::new();
    for i in 0..8 {
        numbers.push(
            open_ticket(&server, &guest, &format!("网络中断 {i}"))
                .await
                .0,
        );
    }
    for _ in 0..200 {
        if !sink.mails().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    // Half a hold later: the accepted message is recorded as sent, the next one is in flight.
    // (Killed between a 250 reply and its record, a message would go again: at least once,
    // with the same Message-ID for the receiver to drop.)
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let before = sink.mails().len();
    server.stop();
    assert!(
        before < 16,
        "the kill came too late to test anything ({before} sent)"
    );
    server.restart();
    server.wait_outbox_idle().await;

    let mails = sink.mails();
    // Nothing lost: every ticket's receipt and every agent's notice arrived.
    for n in &numbers {
        for to in ["wang.fang@example.com", "agent.zhao@example.com"] {
            assert!(
                mails
                    .iter()
                    .any(|m| m.to == [to] && m.text.contains(n.as_str())),
                "{n} never reached {to}"
            );
        }
    }
    // Nothing twice: one message per idempotency key, and each sent delivery is one message.
    let mut per_id: HashMap<&str, usize> = HashMap::new();
    for m in &mails {
        *per_id.entry(m.message_id.as_str()).or_default() += 1;
    }
    assert!(per_id.values().all(|n| *n == 1), "{per_id:#?}");
    let sent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM deliveries WHERE status = 'sent' AND channel = 'email'",
    )
    .fetch_one(&server.db().await)
    .await
    .expect("count");
    assert_eq!(sent as usize, mails.len());
}
