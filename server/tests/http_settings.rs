//! Admins editing service levels over real HTTP: validation, permissions, and new tickets
//! following the saved targets.

mod common;

use common::{call, client, get_page, open_ticket, plain_post, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// The settings form's fields, as the page posts them.
type Fields = Vec<(String, String)>;

fn set(fields: &mut Fields, key: &str, value: &str) {
    let name = format!("form[{key}]");
    fields.retain(|(n, _)| n != &name);
    fields.push((name, value.to_string()));
}

/// Posts the settings form as `who`; returns the response.
async fn save(server: &TestServer, who: &reqwest::Client, fields: &Fields) -> reqwest::Response {
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    call(who, server, "staff/save-settings", &refs).await
}

#[tokio::test]
async fn admins_change_the_targets_and_new_tickets_follow_them() {
    let server = TestServer::start();
    let admin = staff(&server, "root@example.com", &["admin"]).await;
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let form: Value = call(&admin, &server, "staff/settings", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        form["important_respond"], "240",
        "the manuals' default: 4 h"
    );
    let mut fields: Fields = form
        .as_object()
        .expect("object")
        .iter()
        .filter_map(|(k, v)| v.as_str().map(|v| (format!("form[{k}]"), v.to_string())))
        .collect();
    set(&mut fields, "important_respond", "45");
    set(&mut fields, "mode", "always");

    // A wrong date is named and nothing is saved, even on a 7×24 calendar.
    set(&mut fields, "holidays", "2026-10-01\n2026-02-30");
    let v: Value = save(&server, &admin, &fields)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(v["Invalid"]["field"], "holidays", "{v}");
    assert_eq!(v["Invalid"]["problem"], "date");
    // Agents may not change service levels.
    let res = save(&server, &agent, &fields).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    set(&mut fields, "holidays", "2026-10-01");
    let v: Value = save(&server, &admin, &fields)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(v, serde_json::json!("Saved"));

    // A new important ticket is now due for a first response in 45 minutes.
    let (number, _) = open_ticket(&server, &client(), "报表导出很慢").await;
    let t: Value = call(
        &agent,
        &server,
        "tickets/view",
        &[("number", &number), ("key", "")],
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(t["ticket"]["work"]["respond_minutes"], 45);
    let time = |k: &str| {
        chrono::DateTime::parse_from_rfc3339(t["ticket"][k].as_str().expect("time")).expect("time")
    };
    assert_eq!(
        (time("first_response_due") - time("created_at")).num_minutes(),
        45
    );

    // Without JavaScript a refused form comes back with what was typed and the reason.
    let location = plain_post(
        &admin,
        &server,
        "staff/save-settings",
        &[("form[urgent_respond]", "两小时"), ("form[mode]", "always")],
    )
    .await;
    let (_, page) = get_page(&admin, server.url(&location), "zh").await;
    assert!(page.contains("两小时"), "the typed value is kept");
    assert!(page.contains("请输入 1 到 527040"), "the reason is shown");
}
