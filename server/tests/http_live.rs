//! The live event stream (Server-Sent Events): who sees what, and resuming with Last-Event-ID.

mod common;

use common::live::Stream;
use common::{call, client, open_ticket, registered, staff, TestServer};
use std::time::Duration;

#[tokio::test]
async fn each_stream_carries_only_what_its_viewer_may_see_and_resumes_where_it_left() {
    let server = TestServer::start();
    let events = |q: &str| server.url(&format!("/events{q}"));
    let agent = staff(&server, "agent.sun@example.com", &["agent"]).await;

    // Nobody signed in and no key: refused. A wrong key: refused.
    let (status, _) = Stream::open(&client(), events(""), None).await;
    assert_eq!(status, 401);

    let (status, mut staff_stream) = Stream::open(&agent, events(""), None).await;
    assert_eq!(status, 200);
    assert_eq!(
        staff_stream
            .next(Duration::from_secs(5))
            .await
            .expect("ready")
            .event,
        "ready"
    );

    // A customer with an account, and a guest.
    let alice = registered(&server, "alice@example.com", "Alice").await;
    let (alice_ticket, _) = open_ticket(&server, &alice, "Alice 的打印机").await;
    let guest = client();
    let (guest_ticket, key) = open_ticket(&server, &guest, "访客的网络").await;
    let (status, _) = Stream::open(
        &client(),
        events(&format!("?ticket={guest_ticket}&key={}", "0".repeat(32))),
        None,
    )
    .await;
    assert_eq!(status, 401);

    // Staff see every new ticket as it is created.
    let created = staff_stream.expect(&alice_ticket, "ticket_created").await;
    staff_stream.expect(&guest_ticket, "ticket_created").await;

    let (_, mut alice_stream) = Stream::open(&alice, events(""), None).await;
    assert_eq!(
        alice_stream
            .next(Duration::from_secs(5))
            .await
            .expect("ready")
            .event,
        "ready"
    );
    let (status, mut guest_stream) = Stream::open(
        &client(),
        events(&format!("?ticket={guest_ticket}&key={key}")),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        guest_stream
            .next(Duration::from_secs(5))
            .await
            .expect("ready")
            .event,
        "ready"
    );

    // The agent notes internally on Alice's ticket, then replies on both.
    for (number, endpoint, body) in [
        (&alice_ticket, "tickets/note", "内部：检查驱动"),
        (&alice_ticket, "tickets/reply", "请重启打印机"),
        (&guest_ticket, "tickets/reply", "请检查网线"),
    ] {
        let res = call(
            &agent,
            &server,
            endpoint,
            &[("number", number), ("body", body)],
        )
        .await;
        assert_eq!(res.status(), 200, "{endpoint}");
    }
    alice_stream.expect(&alice_ticket, "agent_reply").await;
    guest_stream.expect(&guest_ticket, "agent_reply").await;
    let alice_saw = alice_stream.drain(Duration::from_millis(700)).await;
    let guest_saw = guest_stream.drain(Duration::from_millis(300)).await;
    assert!(
        alice_saw
            .iter()
            .all(|e| e.data["ticket"] == alice_ticket.as_str()),
        "{alice_saw:#?}"
    );
    assert!(
        alice_saw.iter().all(|e| e.data["kind"] != "note"),
        "an internal note leaked: {alice_saw:#?}"
    );
    assert!(
        guest_saw
            .iter()
            .all(|e| e.data["ticket"] == guest_ticket.as_str()),
        "{guest_saw:#?}"
    );
    staff_stream.expect(&alice_ticket, "note").await;

    // The agent's stream drops; meanwhile a ticket arrives. Reconnecting with the last id seen
    // brings it, and nothing seen before.
    drop(staff_stream);
    let (missed, _) = open_ticket(&server, &guest, "断线期间的工单").await;
    let (_, mut resumed) = Stream::open(&agent, events(""), Some(&created.id)).await;
    let replay = resumed.drain(Duration::from_millis(700)).await;
    assert!(
        replay.iter().all(|e| e.event == "notice"),
        "no ready on resume: {replay:#?}"
    );
    assert!(replay
        .iter()
        .all(|e| e.id.parse::<i64>().unwrap_or(0) > created.id.parse().unwrap_or(0)));
    assert!(
        replay.iter().any(|e| e.data["ticket"] == missed.as_str()),
        "{replay:#?}"
    );
    assert!(!replay.iter().any(|e| e.id == created.id), "{replay:#?}");
}
