//! The authorisation matrix over real HTTP: anonymous visitors, customers, agents, editors and
//! admins each get exactly what they should.

mod common;

use common::{call, client, get_page, open_ticket, registered, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// The five kinds of visitor, in the order of each expectation row below.
struct People {
    anonymous: reqwest::Client,
    customer: reqwest::Client,
    agent: reqwest::Client,
    editor: reqwest::Client,
    admin: reqwest::Client,
}

impl People {
    fn all(&self) -> [(&'static str, &reqwest::Client); 5] {
        [
            ("anonymous", &self.anonymous),
            ("customer", &self.customer),
            ("agent", &self.agent),
            ("editor", &self.editor),
            ("admin", &self.admin),
        ]
    }
}

async fn people(server: &TestServer) -> People {
    People {
        anonymous: client(),
        customer: registered(server, "customer.b@example.com", "Customer B").await,
        agent: staff(server, "agent@example.com", &["agent"]).await,
        editor: staff(server, "editor@example.com", &["editor"]).await,
        admin: staff(server, "root@example.com", &["admin"]).await,
    }
}

/// Customer A's ticket, with an internal note from an agent; returns its number and key.
async fn ticket_of_customer_a(
    server: &TestServer,
    agent: &reqwest::Client,
) -> (reqwest::Client, String, String) {
    let a = registered(server, "customer.a@example.com", "Customer A").await;
    let (number, key) = open_ticket(server, &a, "A 的打印机故障").await;
    let res = call(
        agent,
        server,
        "tickets/note",
        &[
            ("number", &number),
            ("body", "内部：疑似驱动问题，客户不可见"),
        ],
    )
    .await;
    assert_eq!(res.json::<Value>().await.expect("json"), Value::Bool(true));
    (a, number, key)
}

#[tokio::test]
async fn every_role_gets_exactly_its_row_of_the_matrix() {
    let server = TestServer::start();
    let p = people(&server).await;

    // Staff-only server functions: 401 signed out, 403 without the role, 200 with it.
    let rows: [(&str, [u16; 5]); 4] = [
        ("staff/queue", [401, 403, 200, 403, 200]),
        ("staff/members", [401, 403, 403, 403, 200]),
        ("staff/audit", [401, 403, 403, 403, 200]),
        ("account/export", [401, 200, 200, 200, 200]),
    ];
    for (endpoint, expected) in rows {
        for ((who, c), want) in p.all().into_iter().zip(expected) {
            let res = if endpoint == "account/export" {
                c.get(server.url(&format!("/api/{endpoint}")))
                    .send()
                    .await
                    .expect("get")
            } else {
                call(c, &server, endpoint, &[]).await
            };
            assert_eq!(res.status().as_u16(), want, "{who} → {endpoint}");
            if want == 403 {
                let body = res.text().await.expect("body");
                assert!(
                    body.contains("You do not have permission"),
                    "{who} → {endpoint}: {body}"
                );
            }
        }
    }

    // Granting roles: admins only; nobody else changes anyone's roles.
    for ((who, c), want) in p.all().into_iter().zip([401, 403, 403, 403, 200]) {
        let res = call(
            c,
            &server,
            "staff/set-roles",
            &[("form[email]", "customer.b@example.com")],
        )
        .await;
        assert_eq!(res.status().as_u16(), want, "{who} → staff/set-roles");
    }

    // The last administrator cannot be demoted, not even by themselves.
    let res = call(
        &p.admin,
        &server,
        "staff/set-roles",
        &[("form[email]", "root@example.com"), ("form[agent]", "on")],
    )
    .await;
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["Refused"]["problem"]["kind"], "last_admin", "{v}");

    // Internal articles exist only for staff; everyone else sees a plain 404.
    for ((who, c), want) in p.all().into_iter().zip([404, 404, 200, 200, 200]) {
        let (status, page) = get_page(c, server.url("/articles/escalation-procedure"), "en").await;
        assert_eq!(status.as_u16(), want, "{who} → internal article");
        assert_eq!(
            page.contains("Escalating and sharing a ticket"),
            want == 200,
            "{who}"
        );
    }
    let (_, listing) = get_page(&p.customer, server.url("/search?q=escalate"), "en").await;
    assert!(
        !listing.contains("Escalating"),
        "internal articles are not searchable"
    );

    // Internal notes: only agents and admins add them.
    let (a, number, key) = ticket_of_customer_a(&server, &p.agent).await;
    for ((who, c), want) in p.all().into_iter().zip([401, 403, 200, 403, 200]) {
        let res = call(
            c,
            &server,
            "tickets/note",
            &[("number", &number), ("body", "note")],
        )
        .await;
        assert_eq!(res.status().as_u16(), want, "{who} → tickets/note");
    }

    // Reading customer A's ticket without its link: A and ticket workers only. Internal notes
    // reach staff only, never a customer, not even through the link.
    let view = |c: reqwest::Client, key: String| {
        let server = &server;
        let number = number.clone();
        async move {
            let res = call(
                &c,
                server,
                "tickets/view",
                &[("number", number.as_str()), ("key", key.as_str())],
            )
            .await;
            assert_eq!(res.status(), StatusCode::OK);
            res.text().await.expect("body")
        }
    };
    for ((who, c), can_read) in p.all().into_iter().zip([false, false, true, false, true]) {
        let body = view(c.clone(), String::new()).await;
        assert_eq!(body.contains("A 的打印机故障"), can_read, "{who}: {body}");
        assert_eq!(
            body.contains("客户不可见"),
            can_read,
            "{who} sees the internal note"
        );
    }
    let owner = view(a.clone(), String::new()).await;
    assert!(
        owner.contains("A 的打印机故障") && !owner.contains("客户不可见"),
        "{owner}"
    );
    let guest = view(client(), key.clone()).await;
    let mailed = server
        .mailed_link("wang.fang@example.com", &format!("/tickets/{number}"))
        .await;
    assert_eq!(
        mailed,
        format!("/tickets/{number}?key={key}"),
        "the private link is mailed"
    );
    assert!(
        guest.contains("A 的打印机故障") && !guest.contains("客户不可见"),
        "{guest}"
    );

    // Guessing numbers does not help customer B: neither view nor reply reaches the ticket.
    for guess in [
        number.clone(),
        number.to_lowercase(),
        number.replace("IT-", ""),
    ] {
        let res = call(
            &p.customer,
            &server,
            "tickets/view",
            &[("number", &guess), ("key", "")],
        )
        .await;
        assert_eq!(res.text().await.expect("body"), "null", "{guess}");
    }
    let reply = call(
        &p.customer,
        &server,
        "tickets/reply",
        &[("number", &number), ("body", "我来捣乱")],
    )
    .await;
    assert_eq!(reply.text().await.expect("body"), "false");
    let reply = call(
        &a,
        &server,
        "tickets/reply",
        &[("number", &number), ("body", "打印机型号是 HP M404")],
    )
    .await;
    assert_eq!(reply.text().await.expect("body"), "true");
    let page = view(client(), key).await;
    assert!(page.contains("HP M404") && !page.contains("我来捣乱"));

    // My tickets: B's list does not show A's ticket; A's does.
    let (_, b_list) = get_page(&p.customer, server.url("/tickets"), "zh").await;
    assert!(!b_list.contains("A 的打印机故障"));
    let (_, a_list) = get_page(&a, server.url("/tickets"), "zh").await;
    assert!(a_list.contains("A 的打印机故障"));
}
