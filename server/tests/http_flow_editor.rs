//! Editing diagnosis flows over real HTTP: invalid files are refused whole, flows round-trip
//! through files, analytics count what happened.

mod common;

use common::flows::{publish, run, start, stats, three_nodes, walk};
use common::{call, client, registered, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn invalid_json_is_refused_whole_and_files_round_trip() {
    let server = TestServer::start();
    let editor = staff(&server, "editor@example.com", &["editor"]).await;
    let view = |slug: &'static str| {
        let (editor, server) = (&editor, &server);
        async move {
            let v: Value = call(editor, server, "flow-editor/view", &[("slug", slug)])
                .await
                .json()
                .await
                .expect("json");
            v
        }
    };
    let before = view("cannot-get-online").await;
    let bad = r#"{"schema":"helpdesk-flow/1","slug":"cannot-get-online","title":{"zh":"断网","en":""},
        "category":"network","start":"a","nodes":[
        {"id":"a","text":{"zh":"问","en":"Q"},"kind":"question","options":[{"label":{"zh":"是","en":"Yes"},"next":"b"}]},
        {"id":"b","text":{"zh":"问","en":"Q"},"kind":"question","options":[{"label":{"zh":"是","en":"Yes"},"next":"a"}]},
        {"id":"c","text":{"zh":"修","en":"Fix"},"kind":"solution","articles":["no-such-article"],"next":"a"}]}"#;
    let res = call(
        &editor,
        &server,
        "flow-editor/json",
        &[("slug", "cannot-get-online"), ("json", bad)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body = res.text().await.expect("body");
    for expected in [
        "The title is missing in English",
        "Node “a”: Every way from here loops",
        "Node “b”: Every way from here loops",
        "Node “c”: Cannot be reached",
        "“no-such-article” does not exist",
    ] {
        assert!(body.contains(expected), "{expected} in {body}");
    }
    let res = call(
        &editor,
        &server,
        "flow-editor/json",
        &[("slug", "cannot-get-online"), ("json", "{\"schema\": 1")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(view("cannot-get-online").await, before, "nothing changed");

    // Export, then import unchanged: nothing new is published; a broken folder changes nothing.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().to_str().expect("utf-8");
    let (ok, out) = server.admin(&["flows", "export", path], "");
    assert!(ok && out.contains("exported 3 flows"), "{out}");
    let (ok, out) = server.admin(&["flows", "import", path], "");
    assert!(
        ok && out.contains("0 flows published, 3 unchanged"),
        "{out}"
    );
    let file = dir.path().join("cannot-get-online.json");
    let text = std::fs::read_to_string(&file)
        .expect("read")
        .replace("\"next\": \"symptom\"", "\"next\": \"gone\"");
    std::fs::write(&file, text).expect("write");
    let (ok, out) = server.admin(&["flows", "import", path], "");
    assert!(
        !ok && out.contains("cannot-get-online.json: Node “cable”: Points at “gone”"),
        "{out}"
    );
}

#[tokio::test]
async fn analytics_count_runs_per_version_and_drop_off_per_node() {
    let server = TestServer::start();
    let editor = staff(&server, "editor@example.com", &["editor"]).await;
    three_nodes(&server, &editor, "printer").await;
    // A preview of the draft is never counted.
    let preview = start(&server, &editor, "printer", true).await;
    walk(&server, &editor, &preview, &[("start", 0), ("cable", 1)]).await;
    assert_eq!(run(&server, &editor, &preview).await["preview"], true);
    let guest = client();
    let res = call(
        &guest,
        &server,
        "flows/start",
        &[("slug", "printer"), ("preview", "true")],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "only editors preview drafts"
    );
    publish(&server, &editor, "printer").await;

    let solved = start(&server, &guest, "printer", false).await;
    walk(&server, &guest, &solved, &[("start", 0), ("cable", 0)]).await;
    let escalated = start(&server, &guest, "printer", false).await;
    walk(&server, &guest, &escalated, &[("start", 0), ("cable", 1)]).await;
    let left = start(&server, &guest, "printer", false).await;
    walk(&server, &guest, &left, &[("start", 0)]).await;

    let s = stats(&server, &editor, "printer").await;
    let v = &s["versions"][0];
    assert_eq!(
        (
            v["version"].as_i64(),
            v["started"].as_i64(),
            v["completed"].as_i64(),
            v["deflected"].as_i64(),
            v["escalated"].as_i64()
        ),
        (Some(1), Some(3), Some(2), Some(1), Some(1)),
        "{s}"
    );
    let node = |id: &str| {
        s["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .find(|n| n["node"] == id)
            .cloned()
            .expect("node")
    };
    assert_eq!(
        (
            node("start")["reached"].as_i64(),
            node("start")["dropped"].as_i64()
        ),
        (Some(3), Some(0))
    );
    assert_eq!(
        (
            node("cable")["reached"].as_i64(),
            node("cable")["dropped"].as_i64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(node("ticket")["reached"].as_i64(), Some(1));
    let customer = registered(&server, "c@example.com", "Customer").await;
    let res = call(
        &customer,
        &server,
        "flow-editor/stats",
        &[("slug", "printer"), ("days", "30")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
