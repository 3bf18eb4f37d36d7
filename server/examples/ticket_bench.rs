//! Ticket benchmarks; prints figures, asserts nothing. Run by `scripts/bench.sh`.
//!
//! - `create <base-url> <seconds> <clients>`: tickets opened through the portal's form endpoint
//!   by that many concurrent clients; tickets/s, p50 and p99 latency.
//! - `bare <dir> <seconds>`: the ceiling — one connection inserting rows of the same size into
//!   SQLite with the portal's settings (WAL, synchronous=FULL), a transaction per row.
//! - `queue <dir> <tickets>`: fills a database with that many tickets and times every console
//!   queue (50 lines), median of 20 runs each.

use app::domain::console::{Queue, QueueQuery, Sort};
use app::ports::TicketStore;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    match arg(0).as_str() {
        "create" => create(&arg(1), arg(2).parse()?, arg(3).parse()?).await,
        "bare" => bare(&arg(1), arg(2).parse()?).await,
        "queue" => queue(&arg(1), arg(2).parse()?).await,
        _ => anyhow::bail!("usage: ticket_bench create <url> <secs> <clients> | bare <dir> <secs> | queue <dir> <tickets>"),
    }
}

fn form(i: usize) -> Vec<(String, String)> {
    [
        ("contact_name", "压测用户".to_string()),
        ("contact_email", format!("bench{i}@example.com")),
        ("subject", format!("打印机无法打印 #{i}")),
        (
            "description",
            "打印队列卡住，重启打印机后仍然无法打印，显示脱机。".repeat(3),
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

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn create(base: &str, secs: u64, clients: usize) -> anyhow::Result<()> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()?;
    let end = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, url, origin) = (
            http.clone(),
            format!("{base}/api/tickets/create"),
            base.to_string(),
        );
        tasks.push(tokio::spawn(async move {
            let (mut lat, mut failed, mut i) = (Vec::new(), 0usize, c * 1_000_000);
            while Instant::now() < end {
                i += 1;
                let t = Instant::now();
                let ok = http
                    .post(&url)
                    .header("Origin", &origin)
                    .form(&form(i))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success());
                if ok {
                    lat.push(t.elapsed());
                } else {
                    failed += 1;
                }
            }
            (lat, failed)
        }));
    }
    let (mut all, mut failed) = (Vec::new(), 0);
    for t in tasks {
        let (lat, f) = t.await?;
        all.extend(lat);
        failed += f;
    }
    all.sort();
    println!(
        "create over HTTP, {clients:>2} clients: {:>8.1} tickets/s   p50 {:>6.1} ms   p99 {:>6.1} ms   ({} tickets, {failed} failed)",
        all.len() as f64 / secs as f64,
        percentile(&all, 0.50).as_secs_f64() * 1000.0,
        percentile(&all, 0.99).as_secs_f64() * 1000.0,
        all.len()
    );
    Ok(())
}

async fn bare(dir: &str, secs: u64) -> anyhow::Result<()> {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    use sqlx::ConnectOptions;
    let options = SqliteConnectOptions::new()
        .filename(format!("{dir}/bare.db"))
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
    let mut conn = options.connect().await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, number TEXT UNIQUE, email TEXT,
         subject TEXT, description TEXT, created_at INTEGER)",
    )
    .execute(&mut conn)
    .await?;
    let description = "打印队列卡住，重启打印机后仍然无法打印，显示脱机。".repeat(3);
    let end = Instant::now() + Duration::from_secs(secs);
    let mut n = 0u64;
    while Instant::now() < end {
        n += 1;
        sqlx::query("INSERT INTO t (number, email, subject, description, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(format!("IT-2026-{n:06}"))
            .bind(format!("bench{n}@example.com"))
            .bind(format!("打印机无法打印 #{n}"))
            .bind(&description)
            .bind(n as i64)
            .execute(&mut conn)
            .await?;
    }
    println!(
        "bare SQLite insert loop:     {:>8.1} rows/s (one connection, a commit per row)",
        n as f64 / secs as f64
    );
    Ok(())
}

async fn queue(dir: &str, tickets: i64) -> anyhow::Result<()> {
    let url = format!("sqlite://{dir}/queue.db");
    let store = server::store::SqlStore::open(&url).await?;
    store.migrate().await?;
    let now = chrono::Utc::now();
    let ms = now.timestamp_millis();
    let started = Instant::now();
    for agent in 1..=20i64 {
        sqlx::query(
            "INSERT INTO users (id, email, display_name, created_at) VALUES ($1, $2, $3, 0)",
        )
        .bind(agent)
        .bind(format!("agent{agent}@example.com"))
        .bind(format!("坐席 {agent}"))
        .execute(store.pool())
        .await?;
    }
    // 97 % closed, the rest spread over the open states, as a busy desk's history looks;
    // stopped clocks carry their pause time, as the portal writes them.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1),
         s(i, status, at) AS (SELECT i,
             CASE i % 200 WHEN 194 THEN 'new' WHEN 195 THEN 'acknowledged'
                 WHEN 196 THEN 'in_progress' WHEN 197 THEN 'waiting_on_customer'
                 WHEN 198 THEN 'resolved' WHEN 199 THEN 'new'
                 ELSE CASE WHEN i % 200 < 194 THEN 'closed' END END,
             $2 - i * 30000 FROM n)
         INSERT INTO tickets (number, contact_name, contact_email, subject, description,
             category, priority, impact, status, locale, access_hash, created_at, updated_at,
             first_response_due, resolve_due, first_responded_at, paused_at, assignee_id,
             respond_minutes, resolve_minutes)
         SELECT printf('IT-2026-%07d', i), '用户' || (i % 5000), 'u' || (i % 5000) || '@example.com',
             '问题 ' || i, '描述',
             CASE i % 6 WHEN 0 THEN 'hardware' WHEN 1 THEN 'software' WHEN 2 THEN 'network'
                 WHEN 3 THEN 'system' WHEN 4 THEN 'security' ELSE 'consultation' END,
             CASE i % 3 WHEN 0 THEN 'urgent' WHEN 1 THEN 'important' ELSE 'normal' END,
             CASE WHEN i % 50 = 0 THEN 'global' ELSE 'local' END,
             status, 'zh', 'x', at, at, at + 3600000, at + 86400000,
             CASE WHEN status IN ('new') THEN NULL ELSE at + 600000 END,
             CASE WHEN status IN ('waiting_on_customer', 'resolved', 'closed') THEN at + 7200000 END,
             CASE WHEN status = 'new' THEN NULL ELSE 1 + i % 20 END,
             240, 1440
         FROM s",
    )
    .bind(tickets)
    .bind(ms)
    .execute(store.pool())
    .await?;
    sqlx::query("ANALYZE").execute(store.pool()).await?;
    println!(
        "queue database: {tickets} tickets written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let queues = [
        ("unassigned", Queue::Unassigned),
        ("mine", Queue::Mine),
        ("breaching soon", Queue::BreachingSoon),
        ("waiting", Queue::Waiting),
        ("all", Queue::All),
    ];
    for (name, q) in queues {
        for sort in [Sort::Due, Sort::Priority, Sort::Newest] {
            let query = QueueQuery {
                queue: q,
                sort,
                ..Default::default()
            };
            let mut times = Vec::new();
            for _ in 0..20 {
                let t = Instant::now();
                let lines = store.queue(&query, 1, now, 50).await?;
                times.push(t.elapsed());
                std::hint::black_box(lines);
            }
            times.sort();
            println!(
                "queue {name:<15} sort {:<9} median {:>7.2} ms   slowest {:>7.2} ms",
                format!("{sort:?}"),
                percentile(&times, 0.5).as_secs_f64() * 1000.0,
                times[times.len() - 1].as_secs_f64() * 1000.0
            );
        }
    }
    Ok(())
}
