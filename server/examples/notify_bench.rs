//! Notification figures against the release server: the time from creating a ticket to its
//! live event arriving at 1, 100 and 1,000 connected SSE clients (p50, p99), and e-mails per
//! second through a local SMTP server (aiosmtpd on loopback).
//! Usage: notify_bench <work-dir> <server-binary> <python-with-aiosmtpd> <smtp_sink.py>

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Arrivals = Arc<Mutex<Vec<(String, Instant)>>>;

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn first_line(child: &mut Child) -> String {
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    line.trim().to_string()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Opens one staff stream and records when each ticket's `ticket_created` notice arrives.
async fn listen(
    client: reqwest::Client,
    url: String,
    arrivals: Arrivals,
    ready: tokio::sync::mpsc::Sender<()>,
) {
    let Ok(mut res) = client.get(url).send().await else {
        return;
    };
    let mut buf = String::new();
    while let Ok(Some(chunk)) = res.chunk().await {
        let now = Instant::now();
        buf.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buf.find("\n\n") {
            let event: String = buf.drain(..end + 2).collect();
            if event.contains("event: ready") {
                let _ = ready.send(()).await;
            }
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                let v: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
                if v["kind"] == "ticket_created" {
                    let n = v["ticket"].as_str().unwrap_or_default().to_string();
                    if let Ok(mut a) = arrivals.lock() {
                        a.push((n, now));
                    }
                }
            }
        }
    }
}

async fn create(c: &reqwest::Client, base: &str, subject: &str) -> Option<String> {
    let form = [
        ("form[contact_name]", "压测"),
        ("form[contact_email]", "bench@example.com"),
        ("form[subject]", subject),
        ("form[description]", "网络打印机无法连接，已重启仍然不行。"),
        ("form[category]", "network"),
        ("form[priority]", "normal"),
        ("form[impact]", "local"),
        ("locale", "zh"),
    ];
    let v: serde_json::Value = c
        .post(format!("{base}/api/tickets/create"))
        .header("Origin", base)
        .form(&form)
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    v["Created"]["number"].as_str().map(str::to_string)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, work, bin, python, sink_py] = args.as_slice() else {
        return Err(
            "usage: notify_bench <work-dir> <server-binary> <python> <smtp_sink.py>".into(),
        );
    };
    let dir = std::path::Path::new(work).join("notify");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let smtp_port = free_port()?;
    let mail_log = dir.join("mail.jsonl");
    let mut sink = Command::new(python)
        .args([
            sink_py,
            &smtp_port.to_string(),
            &mail_log.display().to_string(),
            "0",
        ])
        .stdout(Stdio::piped())
        .spawn()?;
    if first_line(&mut sink) != "ready" {
        return Err("the SMTP server did not start".into());
    }
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let admin = Command::new(bin)
        .args([
            "admin",
            "create",
            "--email",
            "bench@example.com",
            "--name",
            "Bench",
            "--password-stdin",
        ])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            if let Some(mut i) = c.stdin.take() {
                i.write_all(b"correct horse battery staple\n")?;
            }
            c.wait()
        })?;
    if !admin.success() {
        return Err("admin create failed".into());
    }
    let mut server = Command::new(bin)
        .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", &url)
        .env("MAIL_OUTBOX", dir.join("outbox"))
        .env("FILES_DIR", dir.join("files"))
        .env("RATE_LIMIT_FACTOR", "1000")
        .env("SMTP_HOST", "127.0.0.1")
        .env("SMTP_PORT", smtp_port.to_string())
        .env("SMTP_TLS", "none")
        .env("RUST_LOG", "warn")
        .env("LEPTOS_OUTPUT_NAME", "helpdesk")
        .stdout(Stdio::piped())
        .spawn()?;
    let base = first_line(&mut server)
        .strip_prefix("listening on ")
        .ok_or("the server did not start")?
        .to_string();
    let login = reqwest::Client::builder().cookie_store(true).build()?;
    login
        .post(format!("{base}/api/auth/login"))
        .header("Origin", &base)
        .form(&[
            ("form[email]", "bench@example.com"),
            ("form[password]", "correct horse battery staple"),
        ])
        .send()
        .await?;
    let guest = reqwest::Client::new();

    println!("Live events: ticket created (request sent) → notice received on every staff stream; 20 tickets each");
    for clients in [1usize, 100, 1000] {
        let arrivals: Arrivals = Arc::default();
        let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel(clients);
        let mut tasks = Vec::new();
        for _ in 0..clients {
            tasks.push(tokio::spawn(listen(
                login.clone(),
                format!("{base}/events"),
                arrivals.clone(),
                ready_tx.clone(),
            )));
        }
        for _ in 0..clients {
            ready_rx.recv().await;
        }
        let mut sent = Vec::new();
        for i in 0..20 {
            let t0 = Instant::now();
            if let Some(n) = create(&guest, &base, &format!("延迟测试 {clients}-{i}")).await {
                sent.push((n, t0));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
        let got = arrivals.lock().map(|a| a.clone()).unwrap_or_default();
        let mut ms: Vec<f64> = got
            .iter()
            .filter_map(|(n, at)| {
                let t0 = sent.iter().find(|(s, _)| s == n)?.1;
                Some(at.duration_since(t0).as_secs_f64() * 1000.0)
            })
            .collect();
        ms.sort_by(|a, b| a.total_cmp(b));
        println!(
            "  {clients:>5} clients: {} of {} events arrived, p50 {:.2} ms, p99 {:.2} ms",
            ms.len(),
            clients * sent.len(),
            percentile(&ms, 0.5),
            percentile(&ms, 0.99)
        );
        for t in tasks {
            t.abort();
        }
    }

    // E-mail throughput: 300 tickets from 8 clients, each mails the customer and the admin.
    let before = std::fs::read_to_string(&mail_log)
        .map(|s| s.lines().count())
        .unwrap_or(0);
    let start = Instant::now();
    let mut creators = Vec::new();
    for w in 0..8 {
        let (c, b) = (guest.clone(), base.clone());
        creators.push(tokio::spawn(async move {
            for i in 0..38 {
                create(&c, &b, &format!("邮件测试 {w}-{i}")).await;
            }
        }));
    }
    for c in creators {
        let _ = c.await;
    }
    let expected = before + 8 * 38 * 2;
    let mut count = before;
    while count < expected && start.elapsed() < Duration::from_secs(120) {
        tokio::time::sleep(Duration::from_millis(20)).await;
        count = std::fs::read_to_string(&mail_log)
            .map(|s| s.lines().count())
            .unwrap_or(0);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "E-mail through local SMTP (aiosmtpd): {} messages in {secs:.2} s = {:.0} messages/s (from the first ticket to the last message accepted)",
        count - before,
        (count - before) as f64 / secs
    );
    let _ = server.kill();
    let _ = sink.kill();
    Ok(())
}
