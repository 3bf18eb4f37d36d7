//! Helpers for the knowledge editors' tests: save, submit, review, search.

#![allow(dead_code)] // each test file uses a different part of the harness

use super::{call, client, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

/// Saves a draft of `slug` in Chinese; returns the answer.
pub async fn save(
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
pub async fn open_version(server: &TestServer, who: &reqwest::Client, slug: &str) -> Value {
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

pub async fn submit(
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

pub async fn review(
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

pub async fn search(server: &TestServer, query: &str) -> Vec<String> {
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
