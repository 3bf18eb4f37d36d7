//! The REST API over real HTTP: bearer tokens from the admin command, opening and reading
//! tickets, errors in JSON, and the OpenAPI document matching the routes.

mod common;

use common::{client, view, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Issues a token for `name` with the admin command.
fn token(server: &TestServer, name: &str) -> String {
    let (ok, out) = server.admin(&["admin", "token", "--name", name], "");
    assert!(ok, "{out}");
    out.lines()
        .find(|l| l.starts_with("hd_"))
        .unwrap_or_else(|| panic!("no token in {out}"))
        .to_string()
}

fn monitoring_ticket() -> Value {
    json!({
        "contact_name": "监控系统",
        "contact_email": "noc@example.com",
        "subject": "核心交换机 CPU 持续 95%",
        "description": "自 09:12 起核心交换机 CPU 占用持续高于 95%，多楼层网络缓慢。",
        "category": "network",
        "priority": "urgent",
        "impact": "global"
    })
}

#[tokio::test]
async fn an_integration_opens_and_follows_tickets_with_its_token() {
    let server = TestServer::start();
    let api = |path: &str| server.url(&format!("/api/v1{path}"));
    let c = client();

    // No token, or a made-up one: 401 with a JSON reason.
    let res = c
        .post(api("/tickets"))
        .json(&monitoring_ticket())
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    assert_eq!(
        res.json::<Value>().await.expect("json")["error"],
        "unauthorized"
    );
    let res = c
        .get(api("/tickets"))
        .bearer_auth(format!("hd_{}", "0".repeat(32)))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let t = token(&server, "monitoring");
    let (ok, out) = server.admin(&["admin", "token", "--name", "monitoring"], "");
    assert!(!ok && out.contains("already has a live token"), "{out}");

    // Wrong fields are named, in the asker's language.
    let mut bad = monitoring_ticket();
    bad["contact_email"] = json!("not-an-address");
    bad["priority"] = json!("asap");
    let res = c
        .post(api("/tickets"))
        .bearer_auth(&t)
        .header("Accept-Language", "zh-CN")
        .json(&bad)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.expect("json");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["contact_email", "priority"], "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .expect("message")
            .contains("电子邮箱"),
        "{body}"
    );
    let res = c
        .post(api("/tickets"))
        .bearer_auth(&t)
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        res.json::<Value>().await.expect("json")["error"],
        "bad_json"
    );

    // A major incident: 201, 30-minute first response, and a link that opens it for the customer.
    let res = c
        .post(api("/tickets"))
        .bearer_auth(&t)
        .json(&monitoring_ticket())
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::CREATED);
    let opened: Value = res.json().await.expect("json");
    let number = opened["number"].as_str().expect("number").to_string();
    let link = opened["customer_link"].as_str().expect("link");
    let key = link.split("key=").nth(1).expect("key");
    let page = view(&server, &client(), &number, key).await;
    assert_eq!(page["ticket"]["subject"], "核心交换机 CPU 持续 95%");
    assert_eq!(page["ticket"]["priority"], "urgent");
    assert!(server.wait_mails_to("noc@example.com", 1)[0].contains(&number));
    let due = |k: &str| {
        chrono::DateTime::parse_from_rfc3339(opened[k].as_str().expect("due")).expect("time")
    };
    let created =
        chrono::DateTime::parse_from_rfc3339(page["ticket"]["created_at"].as_str().expect("at"))
            .expect("time");
    assert_eq!(
        due("first_response_due") - created,
        chrono::Duration::minutes(30)
    );

    let res = c
        .get(api(&format!("/tickets/{number}")))
        .bearer_auth(&t)
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    let one: Value = res.json().await.expect("json");
    assert_eq!(one["ticket"]["status"], "new");
    assert_eq!(one["ticket"]["impact"], "global");
    assert_eq!(one["events"][0]["kind"], "created");

    let list: Value = c
        .get(api("/tickets?limit=5"))
        .bearer_auth(&t)
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(list["tickets"][0]["number"], number.as_str());

    let res = c
        .get(api("/tickets/IT-2020-999999"))
        .bearer_auth(&t)
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A revoked token stops working at once.
    let (ok, out) = server.admin(&["admin", "revoke-token", "--name", "monitoring"], "");
    assert!(ok, "{out}");
    let res = c
        .get(api("/tickets"))
        .bearer_auth(&t)
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let server = TestServer::start();
    let res = client()
        .get(server.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&String> = doc["paths"].as_object().expect("paths").keys().collect();
    assert_eq!(paths, ["/tickets", "/tickets/{number}"]);
    assert!(doc["paths"]["/tickets"]["post"]["responses"]["422"].is_object());
    // Every referenced schema exists.
    let text = doc.to_string();
    for name in text.split("#/components/schemas/").skip(1) {
        let name = name.split('"').next().expect("name");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "missing schema {name}"
        );
    }
}
