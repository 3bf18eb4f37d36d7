//! Merging duplicates over real HTTP: the duplicate closes and says where it went, the other
//! ticket gets its details internally; bad targets are refused and nothing changes.

mod common;

use common::{call, client, open_ticket, plain_post, revision, staff, view, TestServer};
use reqwest::StatusCode;

#[tokio::test]
async fn a_duplicate_is_merged_into_the_ticket_that_carries_on() {
    let server = TestServer::start();
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let guest = client();
    let (keep, _) = open_ticket(&server, &guest, "三楼打印机卡纸").await;
    let (dup, dup_key) = open_ticket(&server, &guest, "三楼打印机又卡纸了").await;

    let merge = |into: String, rev: String| {
        let (agent, server, dup) = (agent.clone(), &server, dup.clone());
        async move {
            call(
                &agent,
                server,
                "tickets/merge",
                &[
                    ("form[number]", &dup),
                    ("form[revision]", &rev),
                    ("form[into]", &into),
                ],
            )
            .await
        }
    };
    let rev = revision(&view(&server, &agent, &dup, "").await);
    // Into itself, into a ticket that does not exist: refused, nothing changes.
    for bad in [dup.clone(), "IT-2020-999999".to_string()] {
        let res = merge(bad, rev.clone()).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    }
    assert_eq!(
        view(&server, &agent, &dup, "").await["ticket"]["status"],
        "new"
    );
    // Customers cannot merge.
    let res = call(
        &guest,
        &server,
        "tickets/merge",
        &[
            ("form[number]", &dup),
            ("form[revision]", &rev),
            ("form[into]", &keep),
        ],
    )
    .await;
    assert_ne!(res.status(), StatusCode::OK);

    // Without JavaScript: merged, and the agent lands on the ticket that carries on.
    let next = plain_post(
        &agent,
        &server,
        "tickets/merge",
        &[
            ("form[number]", &dup),
            ("form[revision]", &rev),
            ("form[into]", &keep.to_lowercase()),
        ],
    )
    .await;
    assert_eq!(next, format!("/tickets/{keep}"));

    // The customer of the duplicate sees it closed and where it went.
    let closed = view(&server, &guest, &dup, &dup_key).await;
    assert_eq!(closed["ticket"]["status"], "closed");
    let last = closed["events"]
        .as_array()
        .and_then(|e| e.last())
        .cloned()
        .expect("event");
    assert_eq!(last["kind"], "merged");
    assert_eq!(last["change"]["into"], keep.as_str());
    // The other ticket has the duplicate's details, internally.
    let kept = view(&server, &agent, &keep, "").await;
    let from = kept["events"]
        .as_array()
        .and_then(|e| e.last())
        .cloned()
        .expect("event");
    assert_eq!(from["internal"], true);
    assert!(from["body"]
        .as_str()
        .unwrap_or_default()
        .contains("三楼打印机又卡纸了"));
    // A closed ticket cannot be merged again (stale revision or closed, either way refused).
    let res = merge(keep.clone(), revision(&closed)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}
