//! Opening and viewing tickets over real HTTP, with and without JavaScript.

mod common;

use common::{client, get_page, ticket_fields, TestServer};
use reqwest::StatusCode;
use std::collections::HashSet;

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_string()
}

#[tokio::test]
async fn a_plain_form_post_creates_a_ticket_and_redirects_to_it() {
    let server = TestServer::start();
    let c = client();
    let res = c
        .post(server.url("/api/tickets/create"))
        .header("Accept", "text/html")
        .form(&ticket_fields("打印机无法识别"))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::FOUND);
    let href = location(&res);
    let year = chrono::Utc::now().format("%Y").to_string();
    assert!(
        href.starts_with(&format!("/tickets/IT-{year}-000001?key=")),
        "{href}"
    );

    let (status, page) = get_page(&c, server.url(&href), "zh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("IT-{year}-000001")));
    assert!(page.contains("我们已收到您的工单。"));
    assert!(page.contains("预计首次响应时间"));
    assert!(page.contains("新建"), "status shown");

    // The same ticket with a wrong key, or no key, is indistinguishable from a missing one.
    let number = href.split('?').next().expect("path");
    for path in [
        format!("{number}?key={}", "0".repeat(32)),
        number.to_string(),
    ] {
        let (status, body) = get_page(&c, server.url(&path), "zh").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(!body.contains("打印机无法识别"));
    }

    // "My tickets" lists it for this browser only.
    let (_, mine) = get_page(&c, server.url("/tickets"), "zh").await;
    assert!(mine.contains("打印机无法识别"));
    let (_, other) = get_page(&client(), server.url("/tickets"), "zh").await;
    assert!(!other.contains("打印机无法识别"));
}

#[tokio::test]
async fn a_refused_plain_form_comes_back_with_what_was_typed_and_every_error() {
    let server = TestServer::start();
    let c = client();
    let mut fields = ticket_fields("");
    for (k, v) in fields.iter_mut() {
        if k == "form[contact_email]" {
            *v = "wang.fang(at)example".into();
        }
        if k == "form[priority]" {
            v.clear();
        }
    }
    let res = c
        .post(server.url("/api/tickets/create"))
        .header("Accept", "text/html")
        .form(&fields)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::FOUND);
    let back = location(&res);
    assert!(back.starts_with("/tickets/new?draft="), "{back}");

    let (_, page) = get_page(&c, server.url(&back), "en").await;
    assert!(page.contains("Please correct the following:"));
    assert!(
        page.contains(r#"value="wang.fang(at)example""#),
        "typed e-mail kept"
    );
    assert!(
        page.contains(r#"value="财务部""#),
        "typed organisation kept"
    );
    assert!(
        page.contains("打印机无法识别，设备管理器中显示黄色感叹号。"),
        "description kept"
    );
    assert!(page.contains("Please enter a valid e-mail address"));
    assert!(page.contains(r##"<a href="#subject">Summary"##));
    assert!(page.contains(r##"<a href="#priority">Urgency"##));

    // Nothing was stored.
    let (_, mine) = get_page(&c, server.url("/tickets"), "en").await;
    assert!(mine.contains("No tickets yet."));
}

#[tokio::test]
async fn the_javascript_client_gets_typed_outcomes_not_redirects() {
    let server = TestServer::start();
    let c = client();
    let res = c
        .post(server.url("/api/tickets/create"))
        .form(&[
            ("form[contact_name]", ""),
            ("form[contact_email]", ""),
            ("form[subject]", ""),
            ("form[description]", ""),
            ("locale", "en"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = res.json().await.expect("json");
    let errors = body["Invalid"]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 7, "{body}");

    let res = c
        .post(server.url("/api/tickets/create"))
        .form(&ticket_fields("VPN 无法连接"))
        .send()
        .await
        .expect("post");
    let body: serde_json::Value = res.json().await.expect("json");
    assert!(body["Created"]["number"]
        .as_str()
        .expect("number")
        .starts_with("IT-"));
}

#[tokio::test]
async fn concurrent_submissions_get_distinct_consecutive_numbers() {
    // More submissions from one address than the default limit allows.
    let server = TestServer::start_with(&[("RATE_LIMIT_FACTOR", "10")]);
    let n = 24;
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let url = server.url("/api/tickets/create");
            tokio::spawn(async move {
                let res = client()
                    .post(url)
                    .form(&ticket_fields(&format!("并发 {i}")))
                    .send()
                    .await
                    .expect("post");
                assert_eq!(res.status(), StatusCode::OK);
                let body: serde_json::Value = res.json().await.expect("json");
                body["Created"]["number"]
                    .as_str()
                    .expect("number")
                    .to_string()
            })
        })
        .collect();
    let mut numbers = HashSet::new();
    for t in tasks {
        numbers.insert(t.await.expect("task"));
    }
    assert_eq!(numbers.len(), n);
    let mut seqs: Vec<i64> = numbers
        .iter()
        .map(|s| s.rsplit('-').next().expect("seq").parse().expect("digits"))
        .collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=n as i64).collect::<Vec<_>>());
}

#[tokio::test]
async fn an_escalation_link_prefills_the_form() {
    let server = TestServer::start();
    let c = client();
    let url = server.url(
        "/tickets/new?subject=%E6%97%A0%E7%BA%BF%E7%BD%91%E7%BB%9C%E8%BF%9E%E4%B8%8D%E4%B8%8A\
         &description=%E8%AF%8A%E6%96%AD%EF%BC%9A%E9%87%8D%E5%90%AF%E8%B7%AF%E7%94%B1%E5%99%A8%E6%97%A0%E6%95%88\
         &category=network&impact=global",
    );
    let (status, page) = get_page(&c, url, "zh-CN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"value="无线网络连不上""#),
        "subject prefilled"
    );
    assert!(
        page.contains("诊断：重启路由器无效"),
        "description prefilled"
    );
    assert!(
        page.contains(r#"value="network" selected"#),
        "category chosen"
    );
    assert!(page.contains(r#"value="global" checked"#), "impact chosen");
    // Nothing is stored by the link itself, and no error is shown yet.
    assert!(!page.contains("请修改以下内容"));
}
