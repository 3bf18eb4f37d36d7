//! Automatic assignment over real HTTP: a category's new tickets go round robin to the
//! available agents of its team; admins manage teams, agents their own availability.

mod common;

use common::{call, client, create_ticket, staff, ticket_fields, view, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// Opens a ticket of `category` as a guest; returns its number.
async fn ticket_in(server: &TestServer, category: &str) -> String {
    let mut fields = ticket_fields("自动分派测试");
    for (k, v) in fields.iter_mut() {
        if k == "form[category]" {
            *v = category.to_string();
        }
    }
    create_ticket(server, &client(), fields).await.0
}

async fn assignee(server: &TestServer, agent: &reqwest::Client, number: &str) -> Value {
    view(server, agent, number, "").await["ticket"]["work"]["assignee_id"].clone()
}

#[tokio::test]
async fn a_categorys_tickets_go_round_robin_to_its_available_agents() {
    let server = TestServer::start();
    let lead = staff(&server, "root@example.com", &[]).await;
    let ann = staff(&server, "ann@example.com", &["agent"]).await;
    let _bob = staff(&server, "bob@example.com", &["agent"]).await;
    // Agents may read the teams but not change them; customers may do neither.
    let res = call(&ann, &server, "staff/team-create", &[("name", "网络组")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = call(&client(), &server, "staff/teams", &[]).await;
    assert_ne!(res.status(), StatusCode::OK);

    let res = call(&lead, &server, "staff/team-create", &[("name", "网络组")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = call(&lead, &server, "staff/team-create", &[("name", "网络组")]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let page: Value = call(&ann, &server, "staff/teams", &[])
        .await
        .json()
        .await
        .expect("json");
    let team = page["teams"][0]["id"].as_i64().expect("team").to_string();
    for (id, _) in page["agents"]
        .as_array()
        .expect("agents")
        .iter()
        .filter_map(|a| Some((a[0].as_i64()?, a[1].as_str()?)))
        .filter(|(_, name)| *name == "Staff")
    {
        let res = call(
            &lead,
            &server,
            "staff/team-member",
            &[
                ("team_id", &team),
                ("user_id", &id.to_string()),
                ("member", "true"),
            ],
        )
        .await;
        assert!(res.json::<bool>().await.expect("json"));
    }
    let res = call(
        &lead,
        &server,
        "staff/team-route",
        &[("category", "network"), ("team", &team)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);

    // Four network tickets alternate between the two agents; a hardware one waits unassigned.
    let mut names = Vec::new();
    for _ in 0..4 {
        let number = ticket_in(&server, "network").await;
        names.push(assignee(&server, &ann, &number).await);
    }
    assert_eq!(names[0], names[2]);
    assert_eq!(names[1], names[3]);
    assert_ne!(names[0], names[1]);
    let other = ticket_in(&server, "hardware").await;
    assert_eq!(assignee(&server, &ann, &other).await, Value::Null);

    // Ann steps away: every new network ticket goes to the one still available.
    let res = call(
        &ann,
        &server,
        "staff/availability",
        &[("available", "false")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: Value = call(&ann, &server, "staff/teams", &[])
        .await
        .json()
        .await
        .expect("json");
    let away: Vec<bool> = page["teams"][0]["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["available"].as_bool())
        .collect();
    assert_eq!(away.iter().filter(|a| !**a).count(), 1);
    let a = ticket_in(&server, "network").await;
    let b = ticket_in(&server, "network").await;
    assert_eq!(
        assignee(&server, &ann, &a).await,
        assignee(&server, &ann, &b).await
    );

    // The hand-over is on the timeline, internal, written by the portal.
    let v = view(&server, &ann, &a, "").await;
    let event = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["kind"] == "assigned")
        .expect("assigned event")
        .clone();
    assert_eq!(event["internal"], true);
    assert_eq!(event["author"], "");
}
