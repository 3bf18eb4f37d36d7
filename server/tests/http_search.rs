//! Knowledge-base search over real HTTP against the real index: Chinese segmentation, synonyms,
//! typo tolerance, filters, snippets, hostile queries, analytics, feedback, and the rebuild at
//! start.

mod common;

use common::{call, client, get_page, staff, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// Searches as the hydrated page does; returns the slugs found and the whole answer.
async fn search(
    server: &TestServer,
    who: &reqwest::Client,
    query: &str,
    lang: &str,
    category: &str,
) -> (Vec<String>, Value) {
    let res = call(
        who,
        server,
        "kb/search",
        &[
            ("query", query),
            ("locale", if lang == "en" { "en" } else { "zh" }),
            ("lang", lang),
            ("category", category),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK, "search {query:?}");
    let v: Value = res.json().await.expect("json");
    let slugs = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["slug"].as_str().map(str::to_string))
        .collect();
    (slugs, v)
}

#[tokio::test]
async fn chinese_queries_without_spaces_find_articles_that_contain_their_words() {
    let server = TestServer::start();
    let c = client();
    // Neither phrase appears as such; its words do.
    let (found, answer) = search(&server, &c, "无线网络总是断开", "zh", "").await;
    assert_eq!(
        found.first().map(String::as_str),
        Some("wifi-slow"),
        "{answer}"
    );
    let (found, _) = search(&server, &c, "电脑开不了机检查电源", "zh", "").await;
    assert_eq!(found.first().map(String::as_str), Some("power-check"));
    // The words that matched are marked in the snippet.
    let (_, answer) = search(&server, &c, "网线", "zh", "").await;
    let marked: Vec<&str> = answer["hits"][0]["snippet"]
        .as_array()
        .expect("snippet")
        .iter()
        .filter(|p| p["hit"] == true)
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert!(marked.contains(&"网线"), "{answer}");
}

#[tokio::test]
async fn english_is_stemmed_and_tolerates_typos_but_not_in_short_words() {
    let server = TestServer::start();
    let c = client();
    let (found, _) = search(&server, &c, "restarting", "en", "").await;
    assert!(found.contains(&"memory-reseat".to_string()), "{found:?}");
    let (found, _) = search(&server, &c, "malwre", "en", "").await;
    assert_eq!(found.first().map(String::as_str), Some("malware"));
    let (found, _) = search(&server, &c, "blue scren", "en", "").await;
    assert_eq!(found.first().map(String::as_str), Some("blue-screen"));
    let (found, _) = search(&server, &c, "qwertyuiop", "en", "").await;
    assert!(found.is_empty(), "{found:?}");
}

#[tokio::test]
async fn synonyms_editors_save_apply_to_the_next_search() {
    let server = TestServer::start();
    let c = client();
    // Shipped groups: WLAN finds the Wi-Fi article, in English and from a Chinese word.
    let (found, _) = search(&server, &c, "WLAN", "en", "").await;
    assert_eq!(found.first().map(String::as_str), Some("wifi-slow"));
    let (found, _) = search(&server, &c, "wireless", "en", "").await;
    assert_eq!(found.first().map(String::as_str), Some("wifi-slow"));

    let (found, _) = search(&server, &c, "hiccup", "en", "").await;
    assert!(found.is_empty());
    let editor = staff(&server, "editor@example.com", &["editor"]).await;
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let text = "wifi, wireless, wlan, 无线网络\nhiccup，blue screen";
    let res = call(&agent, &server, "staff/synonyms-save", &[("text", text)]).await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "agents do not edit synonyms"
    );
    let res = call(&editor, &server, "staff/synonyms-save", &[("text", text)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (found, _) = search(&server, &c, "hiccup", "en", "").await;
    assert_eq!(found.first().map(String::as_str), Some("blue-screen"));
    let res = call(&editor, &server, "staff/synonyms", &[]).await;
    let saved: String = res.json().await.expect("json");
    assert_eq!(saved, "wifi,wireless,wlan,无线网络\nhiccup,blue screen");
}

#[tokio::test]
async fn filters_narrow_by_language_and_category_and_hide_internal_articles() {
    let server = TestServer::start();
    let c = client();
    // A Chinese query in an English page finds the Chinese text when English has none.
    let (found, answer) = search(&server, &c, "花屏", "", "").await;
    assert_eq!(
        found.first().map(String::as_str),
        Some("display-check"),
        "{answer}"
    );
    assert_eq!(answer["hits"][0]["lang"], "zh");
    let (found, _) = search(&server, &c, "花屏", "en", "").await;
    assert!(found.is_empty(), "only English texts: {found:?}");
    // A synonym group crosses languages: 蓝屏 finds the English blue-screen text.
    let (found, _) = search(&server, &c, "蓝屏", "en", "").await;
    assert_eq!(found.first().map(String::as_str), Some("blue-screen"));
    let (found, _) = search(&server, &c, "slow", "en", "network").await;
    assert!(!found.is_empty());
    assert!(found.iter().all(|s| s == "wifi-slow"), "{found:?}");
    let (found, _) = search(&server, &c, "escalation", "en", "").await;
    assert!(
        !found.contains(&"escalation-procedure".to_string()),
        "internal articles stay hidden: {found:?}"
    );
    let agent = staff(&server, "agent@example.com", &["agent"]).await;
    let (found, _) = search(&server, &agent, "escalation", "en", "").await;
    assert_eq!(
        found.first().map(String::as_str),
        Some("escalation-procedure")
    );
}

#[tokio::test]
async fn any_query_string_gets_results_or_an_empty_list_never_an_error() {
    let server = TestServer::start();
    let c = client();
    let long = "打印机 printer \"( ".repeat(700);
    for q in [
        "",
        "   ",
        long.as_str(),
        "\"unbalanced",
        "title:(blue OR",
        "*?~^ -+ && || ! {} [] \\",
        "😀🖨️",
        "' OR 1=1 --",
        "%_",
    ] {
        let (_, answer) = search(&server, &c, q, "", "").await;
        assert!(answer["hits"].is_array(), "{q:?}: {answer}");
        let url = server.url(&format!("/search?q={}", urlencode(q)));
        let (status, _) = get_page(&c, url, "zh").await;
        assert_eq!(status, StatusCode::OK, "{q:?}");
    }
}

#[tokio::test]
async fn searches_and_clicks_are_kept_without_personal_data_for_editors() {
    let server = TestServer::start();
    let c = client();
    let (_, answer) = search(&server, &c, "蓝屏", "zh", "").await;
    let id = answer["query_id"].as_i64().expect("query id");
    search(&server, &c, "蓝屏", "zh", "").await;
    search(&server, &c, "zhang@example.com 13812345678 xyzzy", "zh", "").await;
    // Opening a result from the list counts as a click of that search.
    let (status, _) = get_page(
        &c,
        server.url(&format!("/articles/blue-screen?sq={id}")),
        "zh",
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let res = call(&c, &server, "staff/search-insights", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let editor = staff(&server, "editor@example.com", &["editor"]).await;
    // Queries are written just after their answer is sent: give the last one a moment.
    let mut v = Value::Null;
    for _ in 0..50 {
        let res = call(&editor, &server, "staff/search-insights", &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        v = res.json().await.expect("json");
        if v["total"] == 3 && v["top"][0]["clicks"] == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(40)).await;
    }
    assert_eq!(v["total"], 3, "{v}");
    assert_eq!(v["top"][0]["query"], "蓝屏");
    assert_eq!(v["top"][0]["searches"], 2);
    assert_eq!(v["top"][0]["clicks"], 1);
    assert_eq!(v["empty"][0]["query"], "[email] [number] xyzzy", "{v}");
    let (_, page) = get_page(&editor, server.url("/staff/search"), "en").await;
    assert!(page.contains("Searches that found nothing") && page.contains("xyzzy"));
}

#[tokio::test]
async fn readers_say_whether_an_article_helped_and_views_are_counted() {
    let server = TestServer::start();
    let c = client();
    for _ in 0..2 {
        get_page(&c, server.url("/articles/wifi-slow"), "en").await;
    }
    let feedback = |helpful: &'static str, comment: String| {
        let c = c.clone();
        let server = &server;
        async move {
            call(
                &c,
                server,
                "kb/feedback",
                &[
                    ("slug", "wifi-slow"),
                    ("locale", "en"),
                    ("helpful", helpful),
                    ("comment", &comment),
                ],
            )
            .await
        }
    };
    assert_eq!(
        feedback("true", String::new()).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        feedback("false", "No 5 GHz here".into()).await.status(),
        StatusCode::OK
    );
    let res = feedback("true", "x".repeat(1001)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("at most 1000 characters"));
    let res = call(
        &c,
        &server,
        "kb/feedback",
        &[
            ("slug", "escalation-procedure"),
            ("locale", "en"),
            ("helpful", "true"),
            ("comment", ""),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "internal articles take no feedback"
    );

    let res = call(
        &c,
        &server,
        "kb/article",
        &[("slug", "wifi-slow"), ("locale", "en")],
    )
    .await;
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["extras"]["views"], 3, "{v}");
    assert_eq!(v["extras"]["helpful"], 1);
    assert_eq!(v["extras"]["not_helpful"], 1);
    assert!(!v["extras"]["related"]
        .as_array()
        .expect("related")
        .is_empty());
    let (_, page) = get_page(&c, server.url("/articles/wifi-slow"), "en").await;
    assert!(page.contains("Did this help?") && page.contains("Related articles"));
}

#[tokio::test]
async fn the_index_is_rebuilt_at_start_when_missing_or_stale() {
    let mut server = TestServer::start();
    // Behind the server's back: a new article, then a restart on the same files.
    server
        .sql(
            "INSERT INTO articles (category_id, slug, position, created_at)
             SELECT id, 'vpn-token', 99, 0 FROM kb_categories WHERE slug = 'network'",
        )
        .await;
    server
        .sql(
            "INSERT INTO article_translations (article_id, locale, title, summary, body_md, body_html, version, updated_at)
             SELECT id, 'zh', '考勤机无法同步', '', '考勤机断电后重新同步。', '<p>考勤机断电后重新同步。</p>', 1, 1
             FROM articles WHERE slug = 'vpn-token'",
        )
        .await;
    let c = client();
    let (found, _) = search(&server, &c, "考勤机", "zh", "").await;
    assert!(found.is_empty(), "the running index does not know it yet");
    server.restart();
    let (found, _) = search(&server, &c, "考勤机", "zh", "").await;
    assert_eq!(found, vec!["vpn-token".to_string()]);
    // A lost index is rebuilt from the database.
    server.stop();
    std::fs::remove_dir_all(server.dir.path().join("search")).expect("remove index");
    server.restart();
    let (found, _) = search(&server, &c, "考勤机", "zh", "").await;
    assert_eq!(found, vec!["vpn-token".to_string()]);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
