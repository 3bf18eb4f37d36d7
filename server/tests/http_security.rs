//! Cross-site request refusal, rate limits and security headers over real HTTP.

mod common;

use common::{call, client, registered, ticket_fields, TestServer, PASSWORD};
use reqwest::StatusCode;

#[tokio::test]
async fn state_changing_requests_from_other_sites_are_refused() {
    let server = TestServer::start();
    let victim = registered(&server, "victim@example.com", "Victim").await;
    let fields = [
        ("form[current]", PASSWORD),
        ("form[password]", "attacker chosen password"),
        ("form[password_confirm]", "attacker chosen password"),
    ];
    let forged = [
        ("Origin", "https://evil.example".to_string()),
        ("Origin", "null".to_string()),
        ("Referer", "https://evil.example/page".to_string()),
        ("Sec-Fetch-Site", "cross-site".to_string()),
    ];
    for (name, value) in forged {
        let res = victim
            .post(server.url("/api/auth/change-password"))
            .header(name, value.clone())
            .form(&fields)
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}: {value}");
        assert!(res.text().await.expect("body").contains("来自其他网站"));
    }
    let res = victim
        .post(server.url("/api/tickets/create"))
        .header("Origin", "https://evil.example")
        .form(&ticket_fields("跨站提交"))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The password is unchanged: the real one still logs in; from this site, the change works.
    common::signed_in(&server, "victim@example.com").await;
    let res = call(&victim, &server, "auth/change-password", &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: serde_json::Value = res.json().await.expect("json");
    assert!(v.get("Done").is_some(), "{v}");
}

#[tokio::test]
async fn repeated_login_failures_back_off_with_429_and_retry_after() {
    let server = TestServer::start();
    registered(&server, "target@example.com", "Target").await;
    let c = client();
    let attempt = |password: &'static str| {
        let c = c.clone();
        let server = &server;
        async move {
            call(
                &c,
                server,
                "auth/login",
                &[
                    ("form[email]", "target@example.com"),
                    ("form[password]", password),
                ],
            )
            .await
        }
    };
    for _ in 0..3 {
        assert_eq!(
            attempt("wrong password guess").await.status(),
            StatusCode::OK
        );
    }
    let res = attempt(PASSWORD).await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=2).contains(&retry), "{retry}");
    let body = res.text().await.expect("body");
    assert!(body.contains("Too many attempts. Please wait"), "{body}");

    // The streak belongs to the account: another account from the same address is not held
    // back until that address has failed ten times.
    let other = call(
        &c,
        &server,
        "auth/login",
        &[
            ("form[email]", "someone.else@example.com"),
            ("form[password]", "whatever it is"),
        ],
    )
    .await;
    assert_eq!(other.status(), StatusCode::OK);
    let res = client()
        .post(server.url("/api/auth/login"))
        .header("Accept-Language", "zh-CN")
        .form(&[
            ("form[email]", "target@example.com"),
            ("form[password]", "x"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.text().await.expect("body").contains("尝试次数过多"));

    // Once the wait is over, the right password gets in and clears the streak.
    tokio::time::sleep(std::time::Duration::from_secs(retry)).await;
    let res = attempt(PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn ticket_creation_registration_and_reset_requests_are_limited() {
    let server = TestServer::start();
    let c = client();
    let fields = ticket_fields("限流测试");
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let res = c
            .post(server.url("/api/tickets/create"))
            .form(&fields)
            .send()
            .await
            .expect("post");
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses[..10], [200; 10]);
    assert_eq!(statuses[10], 429);

    for i in 0..6 {
        let email = format!("new{i}@example.com");
        let res = call(
            &c,
            &server,
            "auth/register",
            &[
                ("form[display_name]", "New"),
                ("form[email]", &email),
                ("form[password]", PASSWORD),
                ("form[password_confirm]", PASSWORD),
                ("locale", "en"),
            ],
        )
        .await;
        assert_eq!(
            res.status().as_u16(),
            if i < 5 { 200 } else { 429 },
            "registration {i}"
        );
    }

    for i in 0..4 {
        let res = call(
            &c,
            &server,
            "auth/forgot",
            &[("email", "new0@example.com"), ("locale", "en")],
        )
        .await;
        assert_eq!(
            res.status().as_u16(),
            if i < 3 { 200 } else { 429 },
            "reset request {i}"
        );
        assert!(res.headers().get("retry-after").is_some() == (i >= 3));
    }
}

#[tokio::test]
async fn pages_carry_a_strict_content_security_policy_with_a_fresh_nonce() {
    let server = TestServer::start();
    let c = client();
    let mut nonces = Vec::new();
    for path in ["/", "/kb", "/login"] {
        let res = c.get(server.url(path)).send().await.expect("get");
        let h = res.headers().clone();
        let csp = h["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_string();
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .expect("a nonce in the policy")
            .to_string();
        let body = res.text().await.expect("body");
        // Every inline script carries this response's nonce.
        let scripts = body.matches("<script").count();
        assert!(scripts > 0);
        assert!(
            body.matches(&format!("nonce=\"{nonce}\"")).count() >= scripts,
            "{path}"
        );
        nonces.push(nonce);
    }
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "a new nonce every response");

    // Responses that are not pages still get a policy (without a nonce).
    let res = c.get(server.url("/healthz")).send().await.expect("get");
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .expect("ascii");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
}
