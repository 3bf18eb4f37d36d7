//! Pages over real HTTP: language negotiation, knowledge base, 404 and limits.

mod common;

use common::{client, get_page, TestServer};
use reqwest::StatusCode;

#[tokio::test]
async fn language_follows_accept_language_then_the_cookie() {
    let server = TestServer::start();
    let c = client();
    let (_, zh) = get_page(&c, server.url("/"), "zh-CN,zh;q=0.9").await;
    assert!(zh.contains(r#"<html lang="zh-CN""#), "{}", &zh[..200]);
    assert!(zh.contains("需要什么帮助？"));

    let (_, en) = get_page(&c, server.url("/"), "en-GB,en;q=0.9").await;
    assert!(en.contains(r#"<html lang="en""#));
    assert!(en.contains("How can we help?"));

    // Switching with a plain form post sets the cookie and sends the browser back.
    let res = c
        .post(server.url("/api/prefs/locale"))
        .header("Accept", "text/html")
        .header("Referer", server.url("/kb"))
        .form(&[("locale", "en")])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::FOUND);
    let back = res.headers()["location"].to_str().expect("ascii");
    assert!(back.starts_with(&server.url("/kb")), "{back}");
    let cookie = res.headers()["set-cookie"].to_str().expect("ascii");
    assert!(
        cookie.starts_with("lang=en;")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
    );

    let (_, page) = get_page(&c, server.url("/kb"), "zh-CN").await;
    assert!(page.contains("<h1>Knowledge base</h1>"));
}

#[tokio::test]
async fn knowledge_base_lists_categories_and_renders_articles_in_both_languages() {
    let server = TestServer::start();
    let c = client();
    let (_, kb) = get_page(&c, server.url("/kb"), "zh").await;
    for name in ["硬件故障", "软件故障", "网络故障"] {
        assert!(kb.contains(name), "category {name} missing");
    }
    let (status, cat) = get_page(&c, server.url("/kb/network"), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(cat.contains("IP address conflict: get a new address"));

    let (status, art) = get_page(&c, server.url("/articles/ip-conflict"), "zh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(art.contains("<h1>提示 IP 地址冲突：重新获取地址</h1>"));
    assert!(
        art.contains("<code>ipconfig /release</code>"),
        "Markdown rendered"
    );
    assert!(
        art.contains(r#"href="/kb/network""#),
        "breadcrumb links the category"
    );
}

#[tokio::test]
async fn unknown_pages_and_articles_get_a_friendly_404_with_search() {
    let server = TestServer::start();
    let c = client();
    for path in [
        "/no/such/page",
        "/articles/no-such-article",
        "/kb/no-such-category",
    ] {
        let (status, body) = get_page(&c, server.url(path), "en").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("Page not found"), "{path}");
        assert!(body.contains(r#"role="search""#), "{path} offers search");
    }
}

#[tokio::test]
async fn search_finds_chinese_and_english_words_and_says_when_nothing_matched() {
    let server = TestServer::start();
    let c = client();
    let (_, zh) = get_page(&c, server.url("/search?q=蓝屏"), "zh").await;
    assert!(zh.contains("电脑蓝屏怎么办"));
    let (_, en) = get_page(&c, server.url("/search?q=ipconfig%20renew"), "en").await;
    assert!(en.contains("IP address conflict"));
    let (_, none) = get_page(&c, server.url("/search?q=qwertyuiop"), "en").await;
    assert!(none.contains("Nothing matched"));
}

#[tokio::test]
async fn oversize_bodies_are_refused_with_413_and_a_readable_message() {
    let server = TestServer::start();
    let res = client()
        .post(server.url("/api/tickets/create"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(vec![b'a'; 70_000])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body = res.text().await.expect("body");
    assert!(body.contains("Request too large") && body.contains("提交的内容过大"));
}

#[tokio::test]
async fn static_assets_for_the_home_screen_are_served() {
    let server = TestServer::start();
    let c = client();
    let home = c
        .get(server.url("/"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(home.contains(r#"rel="manifest""#));
    let health = c.get(server.url("/healthz")).send().await.expect("get");
    assert_eq!(health.text().await.expect("body"), "ok");
}

#[tokio::test]
async fn pages_render_correctly_under_concurrent_load() {
    let server = TestServer::start();
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let (path, lang, title) = if i % 2 == 0 {
                (
                    "/articles/blue-screen",
                    "zh-CN",
                    "<title>电脑蓝屏怎么办 · IT 服务中心</title>",
                )
            } else {
                (
                    "/kb/network",
                    "en",
                    "<title>Network · IT Help Centre</title>",
                )
            };
            let url = server.url(path);
            tokio::spawn(async move {
                let (status, body) = get_page(&client(), url, lang).await;
                assert_eq!(status, StatusCode::OK);
                assert!(body.contains(title), "{}", &body[..body.len().min(600)]);
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("request task");
    }
}

#[tokio::test]
async fn pages_answer_correctly_under_concurrent_load() {
    // Many renders at once once made page titles read disposed signals and answer 500, and
    // gave pages a policy without their scripts' nonce.
    let server = TestServer::start();
    let paths = [
        "/kb",
        "/login",
        "/register",
        "/tickets/new",
        "/account",
        "/search?q=%E8%93%9D%E5%B1%8F",
    ];
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let url = server.url(paths[i % paths.len()]);
            tokio::spawn(async move {
                let c = client();
                let mut statuses = Vec::new();
                for _ in 0..5 {
                    let res = c.get(&url).send().await.expect("get");
                    let status = res.status().as_u16();
                    let csp = res.headers()["content-security-policy"]
                        .to_str()
                        .expect("ascii")
                        .to_string();
                    let body = res.text().await.expect("body");
                    // The browser runs the hydration scripts only if the policy names their nonce.
                    let nonce = body
                        .split(" nonce=\"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .unwrap_or("none")
                        .to_string();
                    let agrees = csp.contains(&format!("'nonce-{nonce}'"));
                    statuses.push((url.clone(), status, agrees));
                }
                statuses
            })
        })
        .collect();
    for t in tasks {
        for (url, status, agrees) in t.await.expect("task") {
            assert_eq!(status, 200, "{url}");
            assert!(
                agrees,
                "{url}: the policy does not admit the page's scripts"
            );
        }
    }
}
