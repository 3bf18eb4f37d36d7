//! The article workflow over real HTTP: write, submit, review by a second editor, publish into
//! search at once, send back with a comment, history with diffs, roll back, unpublish, and
//! sanitising what editors write.

mod common;

use common::{call, client, get_page, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// Saves a draft of `slug` in Chinese; returns the answer.
async fn save(
    server: &TestServer,
    who: &reqwest::Client,
    slug: &str,
    new: bool,
    title: &str,
    body: &str,
) -> reqwest::Response {
    let new = new.to_string();
    call(
        who,
        server,
        "editor/save",
        &[
            ("form[slug]", slug),
            ("form[new]", &new),
            ("form[locale]", "zh"),
            ("form[category]", "network"),
            ("form[tags]", "VPN, 远程办公"),
            ("form[title]", title),
            ("form[summary]", "令牌过期时如何重新绑定"),
            ("form[body]", body),
        ],
    )
    .await
}

/// The open version's number, from the editor form.
async fn open_version(server: &TestServer, who: &reqwest::Client, slug: &str) -> Value {
    let res = call(
        who,
        server,
        "editor/form",
        &[("slug", slug), ("locale", "zh")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: Value = res.json().await.expect("json");
    v["open"].clone()
}

async fn submit(
    server: &TestServer,
    who: &reqwest::Client,
    slug: &str,
    version: i64,
) -> StatusCode {
    let version = version.to_string();
    call(
        who,
        server,
        "editor/submit",
        &[
            ("slug", slug),
            ("locale", "zh"),
            ("version", &version),
            ("withdraw", "false"),
        ],
    )
    .await
    .status()
}

async fn review(
    server: &TestServer,
    who: &reqwest::Client,
    slug: &str,
    version: i64,
    approve: bool,
    comment: &str,
) -> reqwest::Response {
    let (version, approve) = (version.to_string(), approve.to_string());
    call(
        who,
        server,
        "editor/review",
        &[
            ("form[slug]", slug),
            ("form[locale]", "zh"),
            ("form[version]", &version),
            ("form[approve]", &approve),
            ("form[comment]", comment),
        ],
    )
    .await
}

async fn search(server: &TestServer, query: &str) -> Vec<String> {
    let res = call(
        &client(),
        server,
        "kb/search",
        &[
            ("query", query),
            ("locale", "zh"),
            ("lang", "zh"),
            ("category", ""),
        ],
    )
    .await;
    let v: Value = res.json().await.expect("json");
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["slug"].as_str().map(str::to_string))
        .collect()
}

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

/// Uploads one image for an article as `who`; returns the status and the body.
async fn upload_image(
    server: &TestServer,
    who: &reqwest::Client,
    name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, String) {
    let form = reqwest::multipart::Form::new().part(
        "image",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let res = who
        .post(server.url("/api/editor/image"))
        .header("Origin", server.base.clone())
        .header("Accept-Language", "en")
        .multipart(form)
        .send()
        .await
        .expect("upload");
    (res.status(), res.text().await.expect("body"))
}

#[tokio::test]
async fn editors_put_images_in_articles_and_see_what_readers_said() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let img = image::RgbImage::from_fn(2400, 1200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png)
        .expect("encode");
    let png = png.into_inner();

    let (status, _) = upload_image(&server, &client(), "panel.png", png.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "only editors upload");
    let (status, body) =
        upload_image(&server, &author, "setup.exe", b"MZ\x90\x00program".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Only JPEG, PNG, GIF and WebP"), "{body}");
    let mut huge = png.clone();
    huge.resize(5 * 1024 * 1024 + 1, 0);
    let (status, body) = upload_image(&server, &author, "huge.png", huge).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("larger than 5 MB"), "{body}");

    let (status, body) = upload_image(&server, &author, "打印机面板.png", png).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let markdown: String = serde_json::from_str(&body).expect("json");
    let id = markdown
        .split("/kb-images/")
        .nth(1)
        .and_then(|rest| rest.strip_suffix(')'))
        .expect("image link");
    assert!(
        markdown.starts_with("![打印机面板](/kb-images/"),
        "{markdown}"
    );
    // Anyone can load it (it is public once an article shows it): a display copy, re-encoded.
    let res = client()
        .get(server.url(&format!("/kb-images/{id}")))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let shown = image::load_from_memory(&res.bytes().await.expect("bytes")).expect("decodes");
    assert_eq!((shown.width(), shown.height()), (1600, 800));
    let preview = call(&author, &server, "editor/preview", &[("body", &markdown)]).await;
    let html: String = preview.json().await.expect("json");
    assert!(
        html.contains(&format!("<img src=\"/kb-images/{id}\"")),
        "{html}"
    );

    // Readers' comments reach the editors.
    call(
        &client(),
        &server,
        "kb/feedback",
        &[
            ("slug", "wifi-slow"),
            ("locale", "zh"),
            ("helpful", "false"),
            ("comment", "5 GHz 网络找不到"),
        ],
    )
    .await;
    let (_, page) = get_page(
        &author,
        server.url("/staff/kb/history?slug=wifi-slow&lang=zh"),
        "zh",
    )
    .await;
    assert!(
        page.contains("读者反馈") && page.contains("5 GHz 网络找不到"),
        "{page}"
    );
}

#[tokio::test]
async fn editors_choose_related_articles_that_must_exist() {
    let server = TestServer::start();
    let author = staff(&server, "author@example.com", &["editor"]).await;
    let reviewer = staff(&server, "reviewer@example.com", &["editor"]).await;
    let save_with = |related: &'static str| {
        let (author, server) = (author.clone(), &server);
        async move {
            call(
                &author,
                server,
                "editor/save",
                &[
                    ("form[slug]", "badge-reader"),
                    ("form[new]", "false"),
                    ("form[locale]", "zh"),
                    ("form[category]", "hardware"),
                    ("form[related]", related),
                    ("form[title]", "考勤机不识别工卡"),
                    ("form[body]", "擦拭工卡芯片后重新刷卡。"),
                ],
            )
            .await
        }
    };
    let res = save_with("wifi-slow, no-such-article").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.expect("body").contains("existing article"));
    assert_eq!(
        save_with("blue-screen, wifi-slow").await.status(),
        StatusCode::OK
    );
    let open = open_version(&server, &author, "badge-reader").await;
    let v = open["version"].as_i64().expect("version");
    submit(&server, &author, "badge-reader", v).await;
    review(&server, &reviewer, "badge-reader", v, true, "").await;
    let res = call(
        &client(),
        &server,
        "kb/article",
        &[("slug", "badge-reader"), ("locale", "zh")],
    )
    .await;
    let article: Value = res.json().await.expect("json");
    let related: Vec<&str> = article["extras"]["related"]
        .as_array()
        .expect("related")
        .iter()
        .filter_map(|r| r["slug"].as_str())
        .collect();
    assert_eq!(
        &related[..2],
        ["blue-screen", "wifi-slow"],
        "chosen ones first, in order"
    );
    let res = call(
        &author,
        &server,
        "editor/form",
        &[("slug", "badge-reader"), ("locale", "zh")],
    )
    .await;
    let form: Value = res.json().await.expect("json");
    assert_eq!(form["related"], "blue-screen, wifi-slow");
}
