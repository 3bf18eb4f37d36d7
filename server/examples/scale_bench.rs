//! One instance versus two behind one database: ticket creation and article-page throughput on
//! SQLite (one instance), PostgreSQL with one instance and with two (clients spread round-robin
//! over both), and the time from a ticket created through one instance to its live event on the
//! other (p50, p99). Prints figures, asserts nothing. Run by `scripts/bench.sh`.
//! Usage: scale_bench <work-dir> <server-binary> <seconds> <postgres-admin-url>

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PASSWORD: &str = "correct horse battery staple";

struct Instance {
    child: Child,
    base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(bin: &str, url: &str, dir: &std::path::Path, n: usize) -> anyhow::Result<Instance> {
    let mut child = Command::new(bin)
        .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", url)
        .env("SEARCH_DIR", dir.join(format!("search-{n}")))
        .env("FILES_DIR", dir.join("files"))
        .env("MAIL_OUTBOX", dir.join(format!("outbox-{n}")))
        .env("RATE_LIMIT_FACTOR", "1000000")
        .env("RUST_LOG", "warn")
        .env("LEPTOS_OUTPUT_NAME", "helpdesk")
        .stdout(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        BufReader::new(out).read_line(&mut line)?;
    }
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .ok_or_else(|| anyhow::anyhow!("the server did not start: {line:?}"))?
        .to_string();
    Ok(Instance { child, base })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ticket_form(i: usize) -> Vec<(String, String)> {
    [
        ("contact_name", "压测用户".to_string()),
        ("contact_email", format!("bench{i}@example.com")),
        ("subject", format!("打印机无法打印 #{i}")),
        (
            "description",
            "打印队列卡住，重启打印机后仍然无法打印。".repeat(3),
        ),
        ("category", "hardware".to_string()),
        ("priority", "normal".to_string()),
        ("impact", "local".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v))
    .chain([("locale".to_string(), "zh".to_string())])
    .collect()
}

/// `clients` workers, client i on instance i mod n, for `secs`: requests/s, p50, p99 (ms).
async fn load(bases: &[String], secs: u64, clients: usize, create: bool) -> (f64, f64, f64) {
    let http = reqwest::Client::new();
    let end = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, base) = (http.clone(), bases[c % bases.len()].clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut i = c * 10_000_000;
            while Instant::now() < end {
                i += 1;
                let t = Instant::now();
                let req = if create {
                    http.post(format!("{base}/api/tickets/create"))
                        .header("Origin", &base)
                        .form(&ticket_form(i))
                } else {
                    http.get(format!("{base}/articles/blue-screen"))
                        .header("Accept-Language", "zh-CN")
                };
                let ok = match req.send().await {
                    Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if ok {
                    lat.push(t.elapsed().as_secs_f64() * 1000.0);
                }
            }
            lat
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap_or_default());
    }
    all.sort_by(|a, b| a.total_cmp(b));
    (
        all.len() as f64 / secs as f64,
        percentile(&all, 0.5),
        percentile(&all, 0.99),
    )
}

/// Creates through `a`, listens on `b` as a signed-in admin: ms from request to event.
async fn cross_sse(a: &str, b: &str, tickets: usize) -> anyhow::Result<Vec<f64>> {
    let staff = reqwest::Client::builder().cookie_store(true).build()?;
    staff
        .post(format!("{b}/api/auth/login"))
        .header("Origin", b)
        .form(&[
            ("form[email]", "bench@example.com"),
            ("form[password]", PASSWORD),
        ])
        .send()
        .await?;
    let mut res = staff.get(format!("{b}/events")).send().await?;
    anyhow::ensure!(
        res.status().is_success(),
        "stream refused: {}",
        res.status()
    );
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(String, Instant)>();
    let reader = tokio::spawn(async move {
        let mut buf = String::new();
        while let Ok(Some(chunk)) = res.chunk().await {
            let now = Instant::now();
            buf.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = buf.find("\n\n") {
                let event: String = buf.drain(..end + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                    let v: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
                    if v["kind"] == "ticket_created" {
                        let _ = tx.send((v["ticket"].as_str().unwrap_or_default().into(), now));
                    }
                }
            }
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let guest = reqwest::Client::new();
    let mut sent = Vec::new();
    for i in 0..tickets {
        let t0 = Instant::now();
        let v: serde_json::Value = guest
            .post(format!("{a}/api/tickets/create"))
            .header("Origin", a)
            .form(&ticket_form(900_000_000 + i))
            .send()
            .await?
            .json()
            .await?;
        if let Some(n) = v["Created"]["number"].as_str() {
            sent.push((n.to_string(), t0));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    reader.abort();
    let mut ms = Vec::new();
    while let Ok((n, at)) = rx.try_recv() {
        if let Some((_, t0)) = sent.iter().find(|(s, _)| *s == n) {
            ms.push(at.duration_since(*t0).as_secs_f64() * 1000.0);
        }
    }
    ms.sort_by(|a, b| a.total_cmp(b));
    Ok(ms)
}

fn admin_create(bin: &str, url: &str) -> anyhow::Result<()> {
    let mut c = Command::new(bin)
        .args([
            "admin",
            "create",
            "--email",
            "bench@example.com",
            "--name",
            "Bench",
        ])
        .arg("--password-stdin")
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()?;
    if let Some(mut i) = c.stdin.take() {
        i.write_all(format!("{PASSWORD}\n").as_bytes())?;
    }
    anyhow::ensure!(c.wait()?.success(), "admin create failed");
    Ok(())
}

fn psql(admin: &str, sql: &str) -> anyhow::Result<()> {
    let ok = Command::new("psql")
        .args([admin, "-q", "-c", sql])
        .env("PGOPTIONS", "--client-min-messages=warning")
        .status()?
        .success();
    anyhow::ensure!(ok, "psql {sql} failed");
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, work, bin, secs, pg] = args.as_slice() else {
        anyhow::bail!(
            "usage: scale_bench <work-dir> <server-binary> <seconds> <postgres-admin-url>"
        );
    };
    let secs: u64 = secs.parse()?;
    let root = std::path::Path::new(work).join("scale");
    let _ = std::fs::remove_dir_all(&root);
    println!(
        "{:<26} {:>22} {:>22}",
        "", "tickets/s (p50/p99 ms)", "article pages/s (p50/p99)"
    );
    let pg_base = pg.rsplit_once('/').map(|(b, _)| b).unwrap_or(pg);
    let setups: [(&str, usize); 3] = [
        ("SQLite, 1 instance", 1),
        ("PostgreSQL, 1 instance", 1),
        ("PostgreSQL, 2 instances", 2),
    ];
    for (i, (name, n)) in setups.into_iter().enumerate() {
        let dir = root.join(format!("setup-{i}"));
        std::fs::create_dir_all(&dir)?;
        let url = if i == 0 {
            format!("sqlite://{}", dir.join("bench.db").display())
        } else {
            let db = format!("scale_bench_{i}");
            psql(pg, &format!("DROP DATABASE IF EXISTS {db}"))?;
            psql(pg, &format!("CREATE DATABASE {db}"))?;
            format!("{pg_base}/{db}")
        };
        // The first instance migrates and seeds before the second starts.
        let mut instances = vec![start(bin, &url, &dir, 0)?];
        for k in 1..n {
            instances.push(start(bin, &url, &dir, k)?);
        }
        let bases: Vec<String> = instances.iter().map(|x| x.base.clone()).collect();
        load(&bases, 1, 8, false).await; // warm-up
        let (t, t50, t99) = load(&bases, secs, 32, true).await;
        let (p, p50, p99) = load(&bases, secs, 32, false).await;
        println!("{name:<26} {t:>9.0} ({t50:>5.1}/{t99:>6.1}) {p:>11.0} ({p50:>5.1}/{p99:>6.1})");
        if n == 2 {
            admin_create(bin, &url)?;
            let ms = cross_sse(&bases[0], &bases[1], 50).await?;
            println!(
                "live event, created through instance A, received on instance B: {} of 50, p50 {:.2} ms, p99 {:.2} ms",
                ms.len(),
                percentile(&ms, 0.5),
                percentile(&ms, 0.99)
            );
        }
        drop(instances);
    }
    Ok(())
}
