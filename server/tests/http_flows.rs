//! Diagnosis flows over real HTTP: the shipped flows end in a prefilled ticket, and publishing
//! pins runs to their version.

mod common;

use common::flows::{answer, create, node, publish, run, start, three_nodes, walk};
use common::kb::search;
use common::{call, client, get_page, plain_post, registered, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_shipped_flow_is_found_by_search_and_escalates_with_the_transcript() {
    let server = TestServer::start();
    let guest = client();
    let list: Value = call(&guest, &server, "flows/list", &[])
        .await
        .json()
        .await
        .expect("json");
    let slugs: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|f| f["slug"].as_str())
        .collect();
    assert_eq!(slugs.len(), 3, "{slugs:?}");
    assert!(search(&server, "无法上网")
        .await
        .contains(&"flow:cannot-get-online".to_string()));
    assert!(search(&server, "蓝屏")
        .await
        .contains(&"flow:computer-wont-start".to_string()));
    let (status, page) = get_page(&guest, server.url("/diagnosis"), "zh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("无法上网") && page.contains("/diagnosis/cannot-get-online"));

    let token = start(&server, &guest, "cannot-get-online", false).await;
    let first = run(&server, &guest, &token).await;
    assert_eq!(first["node_id"], "start");
    assert_eq!(first["progress"], 0);
    walk(
        &server,
        &guest,
        &token,
        &[("start", 1), ("how", 0), ("cable", 1)],
    )
    .await;
    // A browser without JavaScript posts the answer and is sent back to the run's page.
    let next = plain_post(
        &guest,
        &server,
        "flows/answer",
        &[("token", &token), ("node", "symptom"), ("choice", "2")],
    )
    .await;
    assert_eq!(next, format!("/diagnosis/run/{token}"));
    let end = run(&server, &guest, &token).await;
    assert_eq!(end["status"], "escalated");
    assert_eq!(end["transcript"].as_array().expect("lines").len(), 4);
    let link = end["ticket_link"].as_str().expect("ticket link");
    assert!(link.starts_with("/tickets/new?"));
    for part in [
        "category=network",
        "priority=important",
        "impact=local",
        "With%20a%20network%20cable",
        "Still%20broken",
    ] {
        assert!(link.contains(part), "{part} in {link}");
    }
    // The shared link shows the same screen, server-rendered.
    let (status, page) = get_page(
        &client(),
        server.url(&format!("/diagnosis/run/{token}")),
        "en",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Open a ticket (with what you tried)") && page.contains("category=network")
    );
    let (status, _) = get_page(&guest, server.url("/diagnosis/run/0123456789abcdef"), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Answering an ended run, or a node that is not current, is refused cleanly.
    let (status, body) = answer(&server, &guest, &token, "symptom", 0).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let other = start(&server, &guest, "cannot-get-online", false).await;
    let (status, body) = answer(&server, &guest, &other, "cable", 0).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("has moved on"), "{body}");
    // Back and restart.
    walk(&server, &guest, &other, &[("start", 1)]).await;
    let res = call(
        &guest,
        &server,
        "flows/rewind",
        &[("token", &other), ("answered", "1"), ("restart", "false")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(run(&server, &guest, &other).await["node_id"], "start");
}

#[tokio::test]
async fn runs_stay_on_their_version_through_publish_unpublish_and_roll_back() {
    let server = TestServer::start();
    let editor = staff(&server, "editor@example.com", &["editor"]).await;
    let customer = registered(&server, "customer@example.com", "李雷").await;
    assert_eq!(
        create(&server, &customer, "nope").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        create(&server, &client(), "nope").await,
        StatusCode::UNAUTHORIZED
    );

    assert_eq!(create(&server, &editor, "printer").await, StatusCode::OK);
    // A draft with answers that lead nowhere yet is refused at publishing, every problem named.
    let (status, _) = node(
        &server,
        &editor,
        "printer",
        &[
            ("form[id]", "start"),
            ("form[kind]", "question"),
            ("form[text_zh]", "亮吗？"),
            ("form[text_en]", "Lit?"),
            ("form[options]", "cable | 亮 | On\nticket | 不亮 | Off"),
        ],
        false,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = publish(&server, &editor, "printer").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("Node “start”: Points at “cable”") && body.contains("Points at “ticket”"),
        "{body}"
    );
    // A node that is wrong in itself is refused and not saved.
    let (status, body) = node(
        &server,
        &editor,
        "printer",
        &[
            ("form[id]", "Bad Id"),
            ("form[kind]", "step"),
            ("form[text_zh]", ""),
            ("form[text_en]", "x"),
        ],
        true,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("Ids may use") && body.contains("missing in Chinese"),
        "{body}"
    );
    let saved: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM flow_versions WHERE graph_json LIKE '%Bad Id%'")
            .fetch_one(&server.db().await)
            .await
            .expect("count");
    assert_eq!(saved, 0);

    server.sql("DELETE FROM flows WHERE slug = 'printer'").await;
    three_nodes(&server, &editor, "printer").await;
    let (status, body) = publish(&server, &editor, "printer").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "1"));
    let pinned = start(&server, &customer, "printer", false).await;
    walk(&server, &customer, &pinned, &[("start", 0)]).await;

    // Version 2 inserts a new first question; the pinned run knows nothing of it.
    let (status, body) = node(
        &server,
        &editor,
        "printer",
        &[
            ("form[id]", "model"),
            ("form[kind]", "question"),
            ("form[text_zh]", "哪台打印机？"),
            ("form[text_en]", "Which printer?"),
            ("form[options]", "start | 三楼 | Third floor"),
        ],
        true,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let res = call(
        &editor,
        &server,
        "flow-editor/details",
        &[
            ("form[slug]", "printer"),
            ("form[title_zh]", "打印机脱机"),
            ("form[title_en]", "Printer offline"),
            ("form[category]", "hardware"),
            ("form[start]", "model"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(publish(&server, &editor, "printer").await.1, "2");
    let fresh = start(&server, &customer, "printer", false).await;
    assert_eq!(run(&server, &customer, &fresh).await["node_id"], "model");
    let (status, body) = answer(&server, &customer, &pinned, "model", 0).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("does not belong to the version"), "{body}");
    let v = run(&server, &customer, &pinned).await;
    assert_eq!(
        (v["version"].as_i64(), v["node_id"].as_str()),
        (Some(1), Some("cable"))
    );

    // Taken offline: new runs are refused, the pinned one still completes.
    let res = call(
        &editor,
        &server,
        "flow-editor/unpublish",
        &[("slug", "printer")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = call(
        &customer,
        &server,
        "flows/start",
        &[("slug", "printer"), ("preview", "false")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    walk(&server, &customer, &pinned, &[("cable", 0)]).await;
    assert_eq!(run(&server, &customer, &pinned).await["status"], "solved");

    // The customer's own runs are part of their data export.
    let data: Value = customer
        .get(server.url("/api/account/export"))
        .send()
        .await
        .expect("export")
        .json()
        .await
        .expect("json");
    let runs = data["diagnosis_runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2);
    assert_eq!(
        (
            runs[0]["flow"].as_str(),
            runs[0]["version"].as_i64(),
            runs[0]["status"].as_str()
        ),
        (Some("printer"), Some(1), Some("solved"))
    );

    // Rolling back publishes a copy of version 1 as version 3.
    let res = call(
        &editor,
        &server,
        "flow-editor/roll-back",
        &[("slug", "printer"), ("version", "1")],
    )
    .await;
    assert_eq!(res.text().await.expect("body"), "3");
    let again = start(&server, &customer, "printer", false).await;
    assert_eq!(run(&server, &customer, &again).await["node_id"], "start");
    let view: Value = call(&editor, &server, "flow-editor/view", &[("slug", "printer")])
        .await
        .json()
        .await
        .expect("json");
    let versions: Vec<(i64, String)> = view["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| {
            (
                v["version"].as_i64().unwrap_or(0),
                v["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        vec![
            (3, "published".into()),
            (2, "retired".into()),
            (1, "retired".into())
        ]
    );
}
