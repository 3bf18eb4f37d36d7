//! Real receivers for notifications: an SMTP server (aiosmtpd, in a virtualenv made on first
//! use) and an HTTP endpoint that checks webhook signatures.

use super::TestServer;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// The Python of the test virtualenv with aiosmtpd.
fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| super::venv_python("test-venv", "aiosmtpd", "aiosmtpd==1.4.6"))
        .clone()
}

/// One message the SMTP server accepted.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct SinkMail {
    pub to: Vec<String>,
    pub message_id: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A running SMTP server; stopped when dropped.
pub struct SmtpSink {
    child: Child,
    pub port: u16,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmtpSink {
    /// Starts the server on a free port; each message is held `delay_ms` before it is accepted.
    pub fn start(delay_ms: u64) -> SmtpSink {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("mail.jsonl");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_sink.py");
        let mut child = Command::new(python())
            .arg(script)
            .args([
                port.to_string(),
                log.display().to_string(),
                delay_ms.to_string(),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the SMTP server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the SMTP server's first line");
        assert_eq!(line.trim(), "ready");
        SmtpSink {
            child,
            port,
            log,
            _dir: dir,
        }
    }

    /// The environment that sends the portal's mail here.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SMTP_HOST", "127.0.0.1".to_string()),
            ("SMTP_PORT", self.port.to_string()),
            ("SMTP_TLS", "none".to_string()),
            ("MAIL_FROM", "IT 服务台 <helpdesk@example.com>".to_string()),
        ]
    }

    /// Every accepted message, in order.
    pub fn mails(&self) -> Vec<SinkMail> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// Waits (up to 15 s) until a message to `to` whose text contains `needle` arrives.
    pub async fn wait_for(&self, to: &str, needle: &str) -> SinkMail {
        for _ in 0..300 {
            if let Some(m) = self
                .mails()
                .into_iter()
                .find(|m| m.to.iter().any(|t| t == to) && m.text.contains(needle))
            {
                return m;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} containing {needle:?}; got {:#?}",
            self.mails()
        );
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request the webhook receiver got.
#[derive(Clone, Debug)]
pub struct HookCall {
    pub event: String,
    pub delivery: String,
    pub signature_ok: bool,
    pub body: serde_json::Value,
}

/// An HTTP receiver of webhooks that checks each signature against `secret` and answers 500
/// to the first `fail_first` requests.
#[derive(Clone, Default)]
pub struct HookReceiver {
    pub calls: Arc<Mutex<Vec<HookCall>>>,
    pub secret: Arc<Mutex<String>>,
    pub fail_first: Arc<Mutex<usize>>,
}

impl HookReceiver {
    /// Starts listening on loopback; returns the receiver and its URL.
    pub async fn start(fail_first: usize) -> (HookReceiver, String) {
        use axum::routing::post;
        let r = HookReceiver::default();
        *r.fail_first.lock().expect("lock") = fail_first;
        let state = r.clone();
        let app = axum::Router::new().route(
            "/hook",
            post(move |headers: axum::http::HeaderMap, body: String| {
                let state = state.clone();
                async move { state.receive(&headers, &body) }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (r, url)
    }

    fn receive(&self, headers: &axum::http::HeaderMap, body: &str) -> axum::http::StatusCode {
        let h = |k: &str| {
            headers
                .get(k)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let ts: i64 = h("x-helpdesk-timestamp").parse().unwrap_or(0);
        let fresh = (chrono::Utc::now().timestamp() - ts).abs() < 300;
        let secret = self.secret.lock().expect("lock").clone();
        let expected = verify(&secret, ts, body);
        self.calls.lock().expect("lock").push(HookCall {
            event: h("x-helpdesk-event"),
            delivery: h("x-helpdesk-delivery"),
            signature_ok: fresh && expected == h("x-helpdesk-signature"),
            body: serde_json::from_str(body).unwrap_or_default(),
        });
        let mut fail = self.fail_first.lock().expect("lock");
        if *fail > 0 {
            *fail -= 1;
            return axum::http::StatusCode::INTERNAL_SERVER_ERROR;
        }
        axum::http::StatusCode::NO_CONTENT
    }

    /// The calls so far.
    pub fn calls(&self) -> Vec<HookCall> {
        self.calls.lock().expect("lock").clone()
    }
}

/// The receiver's own check, written from docs/webhooks.md rather than shared with the server.
fn verify(secret: &str, ts: i64, body: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("any key");
    mac.update(format!("{ts}.{body}").as_bytes());
    format!("v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// The development outbox and the outbox table, for tests of mail without an SMTP server.
impl TestServer {
    /// Every mail in the development outbox sent to `to`, oldest first.
    pub fn mails_to(&self, to: &str) -> Vec<String> {
        let dir = self.dir.path().join("outbox");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        names
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|m| m.contains(&format!("\r\nTo: {to}\r\n")))
            .collect()
    }

    /// Waits (up to 10 s) until at least `n` mails to `to` are in the outbox; the worker sends
    /// them moments after the change that caused them.
    pub fn wait_mails_to(&self, to: &str, n: usize) -> Vec<String> {
        for _ in 0..200 {
            let mails = self.mails_to(to);
            if mails.len() >= n {
                return mails;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.mails_to(to)
    }

    /// Waits (up to 10 s) until every notice so far has been delivered or has failed.
    pub async fn wait_outbox_idle(&self) {
        let db = self.db().await;
        for _ in 0..200 {
            let busy: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM outbox_events WHERE dispatched = 0)
                      + (SELECT COUNT(*) FROM deliveries WHERE status = 'pending')",
            )
            .fetch_one(&db)
            .await
            .expect("outbox state");
            if busy == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the outbox did not drain within 10 s");
    }

    /// The newest link to `path` (e.g. `/reset`) mailed to `to`, as a path with its query.
    pub async fn mailed_link(&self, to: &str, path: &str) -> String {
        self.wait_outbox_idle().await;
        let mails = self.mails_to(to);
        let mail = mails.last().unwrap_or_else(|| panic!("no mail to {to}"));
        let start = mail
            .find(&format!("{path}?"))
            .unwrap_or_else(|| panic!("no {path} link in {mail}"));
        mail[start..]
            .split_whitespace()
            .next()
            .expect("link")
            .to_string()
    }
}
