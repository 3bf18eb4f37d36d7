//! Starts the real server binary on a free port with a fresh SQLite file.

#![allow(dead_code)] // each test file uses a different part of the harness

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running server; killed when dropped.
pub struct TestServer {
    child: Child,
    pub base: String,
    pub dir: tempfile::TempDir,
}

impl TestServer {
    /// Starts `server serve --demo` on port 0 and waits for its "listening on" line.
    pub fn start() -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("portal.db");
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
            .env("DATABASE_URL", format!("sqlite://{}", db.display()))
            .env("LEPTOS_OUTPUT_NAME", "helpdesk")
            .env("MAX_BODY_BYTES", "65536")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server binary");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the first line");
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_string();
        TestServer { child, base, dir }
    }

    /// The path of the server's database file.
    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("portal.db")
    }

    /// An absolute URL on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client that keeps cookies and does not follow redirects, so tests can inspect them.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

/// GETs `url` asking for `lang`; returns the status and the body.
pub async fn get_page(
    c: &reqwest::Client,
    url: String,
    lang: &str,
) -> (reqwest::StatusCode, String) {
    let res = c
        .get(url)
        .header("Accept-Language", lang)
        .send()
        .await
        .expect("get");
    let status = res.status();
    (status, res.text().await.expect("body"))
}

/// A valid ticket form as `(name, value)` pairs, in the encoding an HTML form posts.
pub fn ticket_fields(subject: &str) -> Vec<(String, String)> {
    [
        ("contact_name", "王芳"),
        ("contact_email", "wang.fang@example.com"),
        ("organisation", "财务部"),
        ("subject", subject),
        (
            "description",
            "打印机无法识别，设备管理器中显示黄色感叹号。",
        ),
        ("category", "hardware"),
        ("priority", "important"),
        ("impact", "local"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v.to_string()))
    .chain([("locale".to_string(), "zh".to_string())])
    .collect()
}
