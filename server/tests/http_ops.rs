//! Operations: readiness, Prometheus metrics, graceful shutdown, and backup / verify / restore
//! taken while tickets are being written.

mod common;

use common::{client, create_ticket, open_ticket, staged_token, ticket_fields, upload, TestServer};
use reqwest::StatusCode;
use std::process::Command;
use std::time::Duration;

#[tokio::test]
async fn readiness_and_metrics_tell_an_operator_how_the_portal_is() {
    let server = TestServer::start_with(&[("METRICS_TOKEN", "s3cret-scrape")]);
    let c = client();
    let res = c.get(server.url("/healthz")).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    let res = c.get(server.url("/readyz")).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.expect("text"), "ready\n");

    open_ticket(&server, &c, "显示器不亮").await;
    let res = c.get(server.url("/metrics")).send().await.expect("get");
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "the token is asked for"
    );
    let res = c
        .get(server.url("/metrics"))
        .bearer_auth("s3cret-scrape")
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap_or_default()
        .starts_with("text/plain; version=0.0.4"));
    let text = res.text().await.expect("text");
    for line in [
        "helpdesk_database_up 1",
        "helpdesk_tickets{status=\"new\"} 1",
        "helpdesk_unassigned_open_tickets 1",
        "helpdesk_sla_breaches_total{clock=\"response\"} 0",
        "# TYPE helpdesk_http_request_duration_seconds histogram",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing:\n{text}");
    }
    assert!(
        text.contains("helpdesk_http_requests_total{method=\"POST\",route=\"/api/tickets/create\",status=\"2xx\"} 1"),
        "{text}"
    );
    assert!(text.contains("\nhelpdesk_outbox_undispatched "), "{text}");

    // A database behind this build's migrations is not ready.
    server
        .sql("DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)")
        .await;
    let res = c.get(server.url("/readyz")).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.text().await.expect("text").contains("this build needs"));
}

#[tokio::test]
async fn shutdown_finishes_requests_and_ends_live_streams() {
    let mut server = TestServer::start();
    let agent = common::staff(&server, "agent.wu@example.com", &["agent"]).await;
    let (status, mut stream) =
        common::live::Stream::open(&agent, server.url("/events"), None).await;
    assert_eq!(status, StatusCode::OK);
    stream.next(Duration::from_secs(5)).await.expect("ready");
    // A request in flight when the signal comes still gets its answer.
    let c = client();
    let pending = tokio::spawn({
        let url = server.url("/kb");
        let c = c.clone();
        async move { c.get(url).send().await.map(|r| r.status()) }
    });
    tokio::time::sleep(Duration::from_millis(5)).await;
    let started = std::time::Instant::now();
    server.terminate();
    assert_eq!(pending.await.expect("join").ok(), Some(StatusCode::OK));
    // The open stream ends instead of holding the shutdown.
    assert!(stream.next(Duration::from_secs(5)).await.is_none());
    let code = server.wait_exit(Duration::from_secs(10));
    assert_eq!(code, Some(0), "clean exit");
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// Runs the server binary with `args` and `env`; returns (success, output).
fn run(args: &[&str], env: &[(&str, String)]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("RUST_LOG", "warn")
        .output()
        .expect("run the server binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn json_logs_are_one_object_per_line() {
    let (ok, out) = run(
        &["backup", "verify", "/nonexistent/backup"],
        &[("LOG_FORMAT", "json".into())],
    );
    assert!(!ok);
    let line = out
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON line: {out}"));
    let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object");
    assert_eq!(v["level"], "ERROR", "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("manifest.json"),
        "{v}"
    );
    assert!(v["timestamp"].is_string());
}

/// Guests opening tickets over HTTP until stopped; the numbers of those confirmed so far.
struct Writers {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    done: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Writers {
    fn start(server: &TestServer, n: usize) -> Writers {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let done = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
        let mut tasks = Vec::new();
        for w in 0..n {
            let (stop, done, base) = (stop.clone(), done.clone(), server.base.clone());
            let url = server.url("/api/tickets/create");
            tasks.push(tokio::spawn(async move {
                let c = client();
                let mut i = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    i += 1;
                    let res = c
                        .post(&url)
                        .header("Origin", &base)
                        .header("Accept-Language", "en")
                        .form(&ticket_fields(&format!("写入中 {w}-{i}")))
                        .send()
                        .await;
                    let Ok(r) = res else { continue };
                    if let Ok(v) = r.json::<serde_json::Value>().await {
                        if let Some(n) = v["Created"]["number"].as_str() {
                            done.lock().expect("lock").push(n.to_string());
                        }
                    }
                }
            }));
        }
        Writers { stop, done, tasks }
    }

    fn confirmed(&self) -> Vec<String> {
        self.done.lock().expect("lock").clone()
    }

    async fn finish(self) -> usize {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for t in self.tasks {
            t.await.expect("writer");
        }
        let n = self.done.lock().expect("lock").len();
        n
    }
}

/// Opens a ticket with a small photo, so a backup must carry files.
async fn ticket_with_photo(server: &TestServer) -> String {
    let guest = client();
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 30, 30]))
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("encode");
    let staged = upload(&guest, server, vec![("screen.png", png.into_inner())]).await;
    let mut fields = ticket_fields("屏幕闪烁");
    fields.push(("attachments".into(), staged_token(&staged)));
    create_ticket(server, &guest, fields).await.0
}

/// Asserts that the database at `url` holds every ticket in `numbers`.
async fn holds(url: &str, numbers: &[String]) {
    sqlx::any::install_default_drivers();
    let db = sqlx::AnyPool::connect(url).await.expect("open restored");
    let stored: Vec<String> = sqlx::query_scalar("SELECT number FROM tickets")
        .fetch_all(&db)
        .await
        .expect("numbers");
    for n in numbers {
        assert!(
            stored.contains(n),
            "{n}, committed before the backup, is missing"
        );
    }
    let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachments")
        .fetch_one(&db)
        .await
        .expect("attachments");
    assert_eq!(files, 1);
    db.close().await;
}

#[tokio::test]
async fn a_backup_taken_while_tickets_are_written_restores_and_verifies() {
    let server = TestServer::start_with(&[("RATE_LIMIT_FACTOR", "10000")]);
    let photo = ticket_with_photo(&server).await;
    let writers = Writers::start(&server, 4);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut before = writers.confirmed();
    assert!(!before.is_empty(), "tickets were being written");
    before.push(photo);
    let files = (
        "FILES_DIR",
        server.dir.path().join("files").display().to_string(),
    );
    if server.is_postgres() {
        return pg_dump_and_restore(&server, writers, &before, files).await;
    }
    let backup = server.dir.path().join("backup-1");
    let db = ("DATABASE_URL", server.database_url.clone());
    let (ok, out) = run(
        &["backup", "create", &backup.display().to_string()],
        &[db.clone(), files.clone()],
    );
    assert!(ok, "{out}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        writers.finish().await > before.len(),
        "writes went on during the backup"
    );

    let (ok, out) = run(&["backup", "verify", &backup.display().to_string()], &[]);
    assert!(ok, "{out}");
    assert!(
        out.contains("backup verified") && out.contains("audit trail intact"),
        "{out}"
    );

    // Restore into a fresh place and check it there.
    let target = server.dir.path().join("restored");
    let new_db = (
        "DATABASE_URL",
        format!("sqlite://{}", target.join("helpdesk.db").display()),
    );
    let new_files = ("FILES_DIR", target.join("files").display().to_string());
    let (ok, out) = run(
        &["backup", "restore", &backup.display().to_string()],
        &[new_db.clone(), new_files.clone()],
    );
    assert!(ok, "{out}");
    let (ok, out) = run(
        &["backup", "verify-db"],
        &[new_db.clone(), new_files.clone()],
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("files present: 2 of 2"),
        "photo and its display copy: {out}"
    );
    holds(&new_db.1, &before).await;

    // A damaged backup is caught: a file gone, a table emptied behind the manifest's back.
    let first = walk(&backup.join("files"))
        .into_iter()
        .next()
        .expect("a file");
    std::fs::remove_file(first).expect("remove");
    let damaged = sqlx::AnyPool::connect(&format!(
        "sqlite://{}",
        backup.join("helpdesk.db").display()
    ))
    .await
    .expect("open backup");
    sqlx::query("DELETE FROM ticket_counters")
        .execute(&damaged)
        .await
        .expect("delete");
    damaged.close().await;
    let (ok, out) = run(&["backup", "verify", &backup.display().to_string()], &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("ticket_counters: 0 rows, the manifest says"),
        "{out}"
    );
    assert!(out.contains("is missing"), "{out}");
}

/// PostgreSQL, as docs/operations.md says: pg_dump while tickets are written, the files copied
/// after, pg_restore into a new database, `backup verify-db` on it.
async fn pg_dump_and_restore(
    server: &TestServer,
    writers: Writers,
    before: &[String],
    files: (&str, String),
) {
    let dump = server.dir.path().join("helpdesk.pgdump");
    let status = Command::new("pg_dump")
        .args(["--format=custom", "--file"])
        .arg(&dump)
        .arg(&server.database_url)
        .status()
        .expect("run pg_dump");
    assert!(status.success());
    let copy = server.dir.path().join("files-backup");
    let status = Command::new("cp")
        .arg("-a")
        .arg(&files.1)
        .arg(&copy)
        .status()
        .expect("cp");
    assert!(status.success());
    assert!(
        writers.finish().await > before.len(),
        "writes went on during the dump"
    );
    let admin = common::postgres_admin_url().expect("postgres");
    let name = format!("restored_{}", std::process::id());
    common::psql(&admin, &format!("CREATE DATABASE {name}"));
    let url = format!(
        "{}/{name}",
        admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin)
    );
    let status = Command::new("pg_restore")
        .args(["--no-owner", "--dbname", &url])
        .arg(&dump)
        .status()
        .expect("run pg_restore");
    assert!(status.success());
    let (ok, out) = run(
        &["backup", "verify-db"],
        &[
            ("DATABASE_URL", url.clone()),
            ("FILES_DIR", copy.display().to_string()),
        ],
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("backup verified") && out.contains("files present: 2 of 2"),
        "{out}"
    );
    holds(&url, before).await;
    common::psql(&admin, &format!("DROP DATABASE {name} WITH (FORCE)"));
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            } else {
                out.push(e.path());
            }
        }
    }
    out
}
