//! Accounts over real HTTP: registration, login, sessions, password changes and resets.

mod common;

use common::{call, client, get_page, registered, signed_in, TestServer, PASSWORD};
use reqwest::StatusCode;
use serde_json::Value;

async fn json(res: reqwest::Response) -> Value {
    res.json().await.expect("json")
}

fn problem(v: &Value) -> &str {
    v["Refused"]["problem"]["kind"].as_str().unwrap_or("")
}

async fn me(c: &reqwest::Client, server: &TestServer) -> Value {
    json(call(c, server, "auth/me", &[]).await).await
}

#[tokio::test]
async fn register_log_out_and_log_in_again() {
    let server = TestServer::start();
    let c = registered(&server, "li.lei@example.com", "李雷").await;
    assert_eq!(me(&c, &server).await["email"], "li.lei@example.com");
    let (_, page) = get_page(&c, server.url("/account"), "zh").await;
    assert!(page.contains("李雷") && page.contains("尚未确认"), "{page}");

    // Logging out ends the session on the server: a copy of the old cookie is worthless.
    let cookie = format!("sid={}", session_token(&server).await);
    let with_cookie = |path: &str| {
        client()
            .post(server.url(path))
            .header("Cookie", cookie.clone())
            .header("Origin", server.base.clone())
    };
    let before = with_cookie("/api/auth/me").send().await.expect("me");
    assert!(before
        .text()
        .await
        .expect("body")
        .contains("li.lei@example.com"));
    let res = with_cookie("/api/auth/logout")
        .header("Accept", "text/html")
        .send()
        .await
        .expect("logout");
    assert_eq!(res.status(), StatusCode::FOUND);
    let cleared = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        cleared.starts_with("sid=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let replay = with_cookie("/api/auth/me").send().await.expect("replay");
    assert_eq!(replay.text().await.expect("body"), "null");
    assert_eq!(
        me(&c, &server).await["email"],
        "li.lei@example.com",
        "other sessions live on"
    );

    let again = signed_in(&server, "LI.LEI@example.com ").await;
    assert_eq!(me(&again, &server).await["display_name"], "李雷");
}

/// Logs in and returns the raw session token from `Set-Cookie`, checking its attributes.
async fn session_token(server: &TestServer) -> String {
    let res = call(
        &client(),
        server,
        "auth/login",
        &[
            ("form[email]", "li.lei@example.com"),
            ("form[password]", PASSWORD),
        ],
    )
    .await;
    let set = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    assert!(!set.contains("Secure"), "plain HTTP by default");
    set.trim_start_matches("sid=")
        .split(';')
        .next()
        .expect("value")
        .to_string()
}

#[tokio::test]
async fn login_failures_do_not_reveal_whether_an_address_is_registered() {
    let server = TestServer::start();
    registered(&server, "han.meimei@example.com", "韩梅梅").await;
    let c = client();
    let wrong = json(
        call(
            &c,
            &server,
            "auth/login",
            &[
                ("form[email]", "han.meimei@example.com"),
                ("form[password]", "not the password at all"),
            ],
        )
        .await,
    )
    .await;
    let unknown = json(
        call(
            &c,
            &server,
            "auth/login",
            &[
                ("form[email]", "nobody@example.com"),
                ("form[password]", "not the password at all"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(problem(&wrong), "bad_credentials");
    assert_eq!(wrong, unknown);
    assert!(me(&c, &server).await.is_null());

    // Without JavaScript the form comes back with the message and the address kept.
    let res = c
        .post(server.url("/api/auth/login"))
        .header("Accept", "text/html")
        .form(&[
            ("form[email]", "han.meimei@example.com"),
            ("form[password]", "wrong password here"),
        ])
        .send()
        .await
        .expect("post");
    let to = res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert_eq!(
        to,
        "/login?error=credentials&email=han.meimei%40example.com"
    );
    let (_, page) = get_page(&c, server.url(&to), "en").await;
    assert!(page.contains("The e-mail address or the password is not right."));
    assert!(page.contains("value=\"han.meimei@example.com\""));
}

#[tokio::test]
async fn weak_passwords_are_refused_with_the_reason_and_forged_cookies_are_ignored() {
    let server = TestServer::start();
    let c = client();
    for (password, reason) in [
        ("short", "too_short"),
        ("password123", "common"),
        ("zhang.wei-secret", "contains_email"),
    ] {
        let v = json(
            call(
                &c,
                &server,
                "auth/register",
                &[
                    ("form[display_name]", "张伟"),
                    ("form[email]", "zhang.wei@example.com"),
                    ("form[password]", password),
                    ("form[password_confirm]", password),
                    ("locale", "zh"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(
            v["Refused"]["problem"]["problem"], reason,
            "{password}: {v}"
        );
    }
    let (_, page) = get_page(
        &c,
        server
            .url("/register?error=pw_common&email=zhang.wei%40example.com&name=%E5%BC%A0%E4%BC%9F"),
        "zh",
    )
    .await;
    assert!(page.contains("最常用"), "{page}");
    assert!(page.contains("value=\"张伟\""));

    let forged = client()
        .post(server.url("/api/auth/me"))
        .header("Cookie", format!("sid={}", "a".repeat(32)))
        .send()
        .await
        .expect("me");
    assert_eq!(forged.status(), StatusCode::OK);
    assert_eq!(forged.text().await.expect("body"), "null");
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions() {
    let server = TestServer::start();
    let first = registered(&server, "wei.na@example.com", "魏娜").await;
    let second = signed_in(&server, "wei.na@example.com").await;
    let new_password = "a brand new sentence 2026";
    let change = || async {
        let fields = [
            ("form[current]", PASSWORD),
            ("form[password]", new_password),
            ("form[password_confirm]", new_password),
        ];
        json(call(&first, &server, "auth/change-password", &fields).await).await
    };
    let v = change().await;
    assert!(v.get("Done").is_some(), "{v}");
    assert_eq!(me(&first, &server).await["email"], "wei.na@example.com");
    assert!(
        me(&second, &server).await.is_null(),
        "the other device is logged out"
    );
    let wrong = change().await;
    assert_eq!(problem(&wrong), "current_password_wrong");
}

#[tokio::test]
async fn a_reset_link_works_once_and_not_after_it_expires() {
    let server = TestServer::start();
    registered(&server, "zhou.jie@example.com", "周杰").await;
    let c = client();
    let forgot = |email: &'static str| {
        let c = c.clone();
        let server = &server;
        async move {
            json(
                call(
                    &c,
                    server,
                    "auth/forgot",
                    &[("email", email), ("locale", "zh")],
                )
                .await,
            )
            .await
        }
    };
    // The answer is the same for unknown addresses, and nothing is sent to them.
    assert_eq!(
        forgot("nobody@example.com").await,
        forgot("zhou.jie@example.com").await
    );
    assert!(server.mails_to("nobody@example.com").is_empty());
    let link = server.mailed_link("zhou.jie@example.com", "/reset").await;
    let token = link.split("token=").nth(1).expect("token").to_string();

    let reset = |password: &'static str| {
        let c = c.clone();
        let token = token.clone();
        let server = &server;
        async move {
            json(
                call(
                    &c,
                    server,
                    "auth/reset",
                    &[
                        ("form[token]", token.as_str()),
                        ("form[password]", password),
                        ("form[password_confirm]", password),
                    ],
                )
                .await,
            )
            .await
        }
    };
    // A weak password is refused without using up the link.
    assert_eq!(
        reset("1234567890").await["Refused"]["problem"]["problem"],
        "common"
    );
    assert!(reset("a fresh and long one").await.get("Done").is_some());
    assert_eq!(problem(&reset("another fresh long one").await), "link_used");
    let login = json(
        call(
            &client(),
            &server,
            "auth/login",
            &[
                ("form[email]", "zhou.jie@example.com"),
                ("form[password]", "a fresh and long one"),
            ],
        )
        .await,
    )
    .await;
    assert!(login.get("Done").is_some(), "{login}");

    // An expired link explains itself.
    forgot("zhou.jie@example.com").await;
    let link = server.mailed_link("zhou.jie@example.com", "/reset").await;
    server
        .sql("UPDATE one_time_tokens SET expires_at = 0 WHERE used_at IS NULL")
        .await;
    let token = link.split("token=").nth(1).expect("token");
    let v = json(
        call(
            &c,
            &server,
            "auth/reset",
            &[
                ("form[token]", token),
                ("form[password]", "yet another long one"),
                ("form[password_confirm]", "yet another long one"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(problem(&v), "link_expired");
    let (_, page) = get_page(&c, server.url("/reset?error=link_expired"), "en").await;
    assert!(page.contains("This link has expired"));
}

#[tokio::test]
async fn idle_sessions_end() {
    let server = TestServer::start();
    let c = registered(&server, "idle@example.com", "Idle").await;
    let pool = server.db().await;
    server
        .sql("UPDATE sessions SET last_seen_at = last_seen_at - 9 * 3600 * 1000")
        .await;
    assert!(me(&c, &server).await.is_null());
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(left, 0, "the dead session is removed");
}

#[tokio::test]
async fn verifying_the_address_claims_earlier_guest_tickets() {
    let server = TestServer::start();
    let guest = client();
    let mut fields = common::ticket_fields("访客工单");
    for (k, v) in &mut fields {
        if k == "form[contact_email]" {
            *v = "Guest.User@example.com".into();
        }
    }
    let res = guest
        .post(server.url("/api/tickets/create"))
        .form(&fields)
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), StatusCode::OK);

    let c = registered(&server, "guest.user@example.com", "Guest").await;
    let (_, before) = get_page(&c, server.url("/tickets"), "zh").await;
    assert!(
        !before.contains("访客工单"),
        "not claimed before verification"
    );
    let link = server
        .mailed_link("guest.user@example.com", "/verify")
        .await;
    let token = link.split("token=").nth(1).expect("token");
    let v = json(call(&c, &server, "auth/verify", &[("token", token)]).await).await;
    assert_eq!(v["Verified"]["claimed"], 1, "{v}");
    let (_, after) = get_page(&c, server.url("/tickets"), "zh").await;
    assert!(after.contains("访客工单"));
    let again = json(call(&c, &server, "auth/verify", &[("token", token)]).await).await;
    assert_eq!(problem(&again), "link_used");
}
