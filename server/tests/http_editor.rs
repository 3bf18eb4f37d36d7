//! The article workflow over real HTTP: write, submit, review by a second editor, publish into
//! search at once, send back with a comment, history with diffs, roll back, unpublish, and
//! sanitising what editors write.

mod common;

use common::kb::{open_version, review, save, search, submit};
use common::{call, client, get_page, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_second_editor_approves_and_the_article_is_found_at_once() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let reviewer = staff(&server, "reviewer@example.com", &["editor"]).await;
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let body = "## 操作步骤\n1. 确认门禁卡没有消磁。\n2. 到前台重新登记门禁卡。\n";

    let res = save(
        &server,
        &agent,
        "vpn-token",
        true,
        "会议室门禁卡刷不开",
        body,
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "agents do not write articles"
    );
    let res = save(
        &server,
        &author,
        "vpn-token",
        true,
        "会议室门禁卡刷不开",
        body,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = save(&server, &author, "vpn-token", true, "重复", body).await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "the address is taken"
    );
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("already uses this address"));

    // A draft is nobody's to read yet.
    let (status, _) = get_page(&client(), server.url("/articles/vpn-token"), "zh").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(search(&server, "门禁卡").await.is_empty());

    let open = open_version(&server, &author, "vpn-token").await;
    assert_eq!(open["status"], "draft");
    let v = open["version"].as_i64().expect("version");
    assert_eq!(
        submit(&server, &author, "vpn-token", v).await,
        StatusCode::OK
    );
    // In review, the text cannot be changed under the reviewer.
    let res = save(&server, &author, "vpn-token", false, "改标题", body).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    let res = review(&server, &author, "vpn-token", v, true, "").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("another editor has to review it"));
    let res = review(&server, &agent, "vpn-token", v, true, "").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = call(&reviewer, &server, "editor/queue", &[]).await;
    let queue: Value = res.json().await.expect("json");
    assert_eq!(queue[0]["slug"], "vpn-token");
    assert!(queue[0]["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .all(|l| l["kind"] == "added"));
    let res = review(&server, &reviewer, "vpn-token", v, true, "").await;
    assert_eq!(res.status(), StatusCode::OK);

    let (status, page) = get_page(&client(), server.url("/articles/vpn-token"), "zh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("重新登记门禁卡"));
    assert_eq!(
        search(&server, "门禁卡刷不开会议室").await,
        vec!["vpn-token"]
    );
    let admin = staff(&server, "admin@example.com", &["admin"]).await;
    let res = call(&admin, &server, "staff/audit", &[("action", "kb.")]).await;
    let audit = res.text().await.expect("body");
    assert!(
        audit.contains("kb.publish") && audit.contains("vpn-token/zh v1"),
        "{audit}"
    );
}

#[tokio::test]
async fn a_text_sent_back_carries_the_comment_and_versions_can_be_restored() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let reviewer = staff(&server, "reviewer@example.com", &["editor"]).await;
    let publish = |title: &'static str, body: &'static str, new: bool| {
        let (author, reviewer, server) = (author.clone(), reviewer.clone(), &server);
        async move {
            assert_eq!(
                save(server, &author, "vpn-token", new, title, body)
                    .await
                    .status(),
                StatusCode::OK
            );
            let v = open_version(server, &author, "vpn-token").await["version"]
                .as_i64()
                .expect("v");
            assert_eq!(
                submit(server, &author, "vpn-token", v).await,
                StatusCode::OK
            );
            let res = review(server, &reviewer, "vpn-token", v, true, "").await;
            assert_eq!(res.status(), StatusCode::OK);
        }
    };
    publish(
        "令牌过期",
        "第一步：重启客户端。\n第二步：重新绑定。\n",
        true,
    )
    .await;

    // Version 2 is sent back: a comment is required, and the author sees it.
    save(
        &server,
        &author,
        "vpn-token",
        false,
        "令牌过期",
        "第一步：重启客户端。\n第二步：联系管理员。\n",
    )
    .await;
    let v2 = open_version(&server, &author, "vpn-token").await["version"]
        .as_i64()
        .expect("v2");
    assert_eq!(v2, 2);
    submit(&server, &author, "vpn-token", v2).await;
    let res = review(&server, &reviewer, "vpn-token", v2, false, " ").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("comment is needed"));
    let res = review(
        &server,
        &reviewer,
        "vpn-token",
        v2,
        false,
        "请写明管理员的联系方式",
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let open = open_version(&server, &author, "vpn-token").await;
    assert_eq!(open["status"], "rejected");
    assert_eq!(open["comment"], "请写明管理员的联系方式");
    let (_, page) = get_page(&client(), server.url("/articles/vpn-token"), "zh").await;
    assert!(
        page.contains("重新绑定") && !page.contains("联系管理员"),
        "readers keep v1"
    );

    // Revised and approved: v2 is live, and its diff shows the changed line.
    publish(
        "令牌过期",
        "第一步：重启客户端。\n第二步：联系管理员（分机 8000）。\n",
        false,
    )
    .await;
    let res = call(
        &author,
        &server,
        "editor/versions",
        &[("slug", "vpn-token"), ("locale", "zh")],
    )
    .await;
    let versions: Value = res.json().await.expect("json");
    assert_eq!(versions[0]["version"], 2);
    assert_eq!(versions[0]["live"], true);
    assert_eq!(versions[0]["reviewer"], "Staff");
    assert_eq!(versions[1]["live"], false);
    let res = call(
        &author,
        &server,
        "editor/diff",
        &[("slug", "vpn-token"), ("locale", "zh"), ("version", "2")],
    )
    .await;
    let diff: Value = res.json().await.expect("json");
    let kinds: Vec<&str> = diff
        .as_array()
        .expect("diff")
        .iter()
        .filter_map(|l| l["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["same", "removed", "added"]);
    assert_eq!(search(&server, "分机").await, vec!["vpn-token"]);

    // Restoring v1 publishes its text as v3; search follows.
    let res = call(
        &author,
        &server,
        "editor/roll-back",
        &[("slug", "vpn-token"), ("locale", "zh"), ("version", "1")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, page) = get_page(&client(), server.url("/articles/vpn-token"), "zh").await;
    assert!(page.contains("重新绑定") && !page.contains("分机"));
    assert!(search(&server, "分机").await.is_empty());
    let res = call(
        &author,
        &server,
        "editor/versions",
        &[("slug", "vpn-token"), ("locale", "zh")],
    )
    .await;
    let versions: Value = res.json().await.expect("json");
    assert_eq!(
        (
            versions[0]["version"].as_i64(),
            versions[0]["live"].as_bool()
        ),
        (Some(3), Some(true))
    );

    // Unpublished: gone for readers and search, versions kept.
    let res = call(
        &author,
        &server,
        "editor/unpublish",
        &[("slug", "vpn-token"), ("locale", "zh")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (status, _) = get_page(&client(), server.url("/articles/vpn-token"), "zh").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let left = search(&server, "重新绑定").await;
    assert!(!left.contains(&"vpn-token".to_string()), "{left:?}");
    let (_, page) = get_page(
        &author,
        server.url("/staff/kb/history?slug=vpn-token&lang=zh"),
        "en",
    )
    .await;
    assert!(page.contains("v3") && page.contains("v1"));
}

#[tokio::test]
async fn admins_may_let_editors_approve_their_own_text() {
    let server = TestServer::start();
    let admin = staff(&server, "admin@example.com", &["admin"]).await;
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let res = call(
        &author,
        &server,
        "editor/self-review",
        &[("allowed", "true")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = call(
        &admin,
        &server,
        "editor/self-review",
        &[("allowed", "true")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    save(
        &server,
        &author,
        "vpn-token",
        true,
        "令牌过期",
        "重新绑定。",
    )
    .await;
    let v = open_version(&server, &author, "vpn-token").await["version"]
        .as_i64()
        .expect("v");
    submit(&server, &author, "vpn-token", v).await;
    let res = review(&server, &author, "vpn-token", v, true, "").await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn what_editors_write_is_sanitised_and_limits_are_named() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let reviewer = staff(&server, "reviewer@example.com", &["editor"]).await;
    let hostile = "正文\n\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n\
                   <img src=x onerror=alert(2)>\n\n[点我](javascript:alert(3))\n\n<a href=\"#\" onclick=\"alert(4)\">x</a>\n";
    assert_eq!(
        save(&server, &author, "xss-test", true, "测试", hostile)
            .await
            .status(),
        StatusCode::OK
    );
    let res = call(&author, &server, "editor/preview", &[("body", hostile)]).await;
    let preview: String = res.json().await.expect("json");
    let v = open_version(&server, &author, "xss-test").await["version"]
        .as_i64()
        .expect("v");
    submit(&server, &author, "xss-test", v).await;
    review(&server, &reviewer, "xss-test", v, true, "").await;
    let (_, page) = get_page(&client(), server.url("/articles/xss-test"), "zh").await;
    let body = page.split("article-body").nth(1).expect("article body");
    for html in [preview.as_str(), body] {
        for bad in [
            "<script>alert",
            "<iframe",
            "onerror",
            "javascript:",
            "onclick",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
    }

    let huge = "长".repeat(70_000);
    let res = save(&server, &author, "huge-article", true, "太长", &huge).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.expect("body").contains("at most 200 KB"));
    let res = save(&server, &author, "Bad Slug", true, "标题", "正文").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("lower-case letters"));
}
