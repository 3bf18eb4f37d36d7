//! Knowledge-base search benchmark; prints figures, asserts nothing. Run by `scripts/bench.sh`.
//!
//! `kb_bench <dir> <articles> <server-binary>` generates a corpus (half Chinese, half English)
//! in a fresh database, then reports: index build time; search latency p50/p99 in-process and
//! over HTTP (the real server, sequential requests); and the same queries on SQLite FTS5 with
//! the trigram tokenizer as the baseline, with ratios and how many queries each answered.

use app::i18n::Locale;
use app::ports::{Search, SearchRequest};
use server::search::SearchIndex;
use server::store::SqlStore;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};
use words::{EN_FILLER, EN_WORDS, QUERIES, ZH_FILLER, ZH_WORDS};

mod words;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next() % list.len()]
    }
}

/// A sentence of `n` words, mostly filler, every third a subject word.
fn sentence(rng: &mut Rng, n: usize, words: &[&str], filler: &[&str], sep: &str) -> String {
    (0..n)
        .map(|i| {
            if i % 3 == 0 {
                rng.pick(words)
            } else {
                rng.pick(filler)
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    (percentile(&samples, 0.5), percentile(&samples, 0.99))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count), Some(bin)) = (args.first(), args.get(1), args.get(2)) else {
        anyhow::bail!("usage: kb_bench <dir> <articles> <server-binary>");
    };
    let count: usize = count.parse()?;
    let dir = std::path::Path::new(dir).join("kb");
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("kb.db");
    let url = format!("sqlite://{}", db.display());
    let store = SqlStore::open(&url).await?;
    store.migrate().await?;
    let pool = store.pool().clone();

    let started = Instant::now();
    let mut tx = pool.begin().await?;
    let category: i64 = sqlx::query_scalar(
        "INSERT INTO kb_categories (slug, position) VALUES ('bench', 1) RETURNING id",
    )
    .fetch_one(&mut *tx)
    .await?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut bytes = 0usize;
    for i in 0..count {
        let zh = i % 2 == 0;
        let (words, filler, sep) = if zh {
            (ZH_WORDS, ZH_FILLER, "")
        } else {
            (EN_WORDS, EN_FILLER, " ")
        };
        let title = sentence(&mut rng, 5, words, filler, sep);
        let body: Vec<String> = (0..8)
            .map(|_| sentence(&mut rng, 18, words, filler, sep))
            .collect();
        let body = body.join(if zh { "。\n\n" } else { ".\n\n" });
        bytes += title.len() + body.len();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO articles (category_id, slug, position, created_at) VALUES ($1, $2, $3, 0)
             RETURNING id",
        )
        .bind(category)
        .bind(format!("bench-{i}"))
        .bind(i as i64)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO article_translations
                 (article_id, locale, title, summary, body_md, body_html, version, updated_at)
             VALUES ($1, $2, $3, '', $4, '', 1, 0)",
        )
        .bind(id)
        .bind(if zh { "zh" } else { "en" })
        .bind(&title)
        .bind(&body)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    println!(
        "corpus: {count} articles (half Chinese, half English), {:.1} MB of text, written in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // Index build (tantivy, jieba + stemming), from the database as at a cold start.
    let index_dir = dir.join("kb.db.search");
    let started = Instant::now();
    let (index, indexed) = SearchIndex::open(&index_dir, store.clone()).await?;
    let build = started.elapsed();
    println!(
        "index build: {indexed} texts in {:.1} s",
        build.as_secs_f64()
    );

    // In-process: every query 25 times.
    let request = |q: &str, lang: Locale| SearchRequest {
        query: q.to_string(),
        lang: Some(lang),
        category: None,
        internal: false,
        limit: 20,
    };
    let mut samples = Vec::new();
    let mut answered = 0;
    for round in 0..25 {
        for (q, lang) in QUERIES {
            let t = Instant::now();
            let hits = index.search(request(q, *lang)).await?;
            samples.push(t.elapsed());
            if round == 0 && !hits.is_empty() {
                answered += 1;
            }
        }
    }
    let (tp50, tp99) = summary(samples);
    println!(
        "tantivy in-process: p50 {:.2} ms, p99 {:.2} ms; {answered}/{} queries found articles",
        ms(tp50),
        ms(tp99),
        QUERIES.len()
    );
    drop(index);

    // Baseline: SQLite FTS5 with the trigram tokenizer on the same texts, bm25 order.
    let started = Instant::now();
    sqlx::query("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'trigram')")
        .execute(&pool)
        .await?;
    sqlx::query("INSERT INTO fts (rowid, title, body) SELECT article_id, title, body_md FROM article_translations")
        .execute(&pool)
        .await?;
    println!(
        "FTS5 trigram build: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut samples = Vec::new();
    let mut answered = 0;
    for round in 0..25 {
        for (q, _) in QUERIES {
            // Each word quoted (no query syntax); trigram needs 3 characters per word.
            let matched: String = q
                .split_whitespace()
                .map(|w| format!("\"{}\"", w.replace('"', "")))
                .collect::<Vec<_>>()
                .join(" ");
            let t = Instant::now();
            let rows: Vec<i64> = sqlx::query_scalar(
                "SELECT rowid FROM fts WHERE fts MATCH $1 ORDER BY rank LIMIT 20",
            )
            .bind(&matched)
            .fetch_all(&pool)
            .await
            .unwrap_or_default();
            samples.push(t.elapsed());
            if round == 0 && !rows.is_empty() {
                answered += 1;
            }
        }
    }
    let (fp50, fp99) = summary(samples);
    println!(
        "FTS5 trigram in-process: p50 {:.2} ms, p99 {:.2} ms; {answered}/{} queries found articles",
        ms(fp50),
        ms(fp99),
        QUERIES.len()
    );
    println!(
        "ratio tantivy / FTS5: p50 {:.2}, p99 {:.2}",
        ms(tp50) / ms(fp50).max(1e-9),
        ms(tp99) / ms(fp99).max(1e-9)
    );
    pool.close().await;

    // Over HTTP: the real server on this database, one client, sequential requests.
    let mut child = std::process::Command::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", &url)
        .env("MAIL_OUTBOX", dir.join("outbox"))
        .env("FILES_DIR", dir.join("files"))
        .env("RUST_LOG", "warn")
        .env("LEPTOS_OUTPUT_NAME", "helpdesk")
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        BufReader::new(out).read_line(&mut line)?;
    }
    let base = line.trim().trim_start_matches("listening on ").to_string();
    let http = reqwest::Client::new();
    let mut samples = Vec::new();
    for round in 0..26 {
        for (q, lang) in QUERIES {
            let fields = [
                ("query", *q),
                ("locale", lang.code()),
                ("lang", lang.code()),
                ("category", ""),
            ];
            let t = Instant::now();
            let res = http
                .post(format!("{base}/api/kb/search"))
                .header("Origin", &base)
                .form(&fields)
                .send()
                .await?;
            let ok = res.status().is_success();
            let _ = res.bytes().await?;
            if round > 0 && ok {
                samples.push(t.elapsed());
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let measured = samples.len();
    let (hp50, hp99) = summary(samples);
    println!(
        "tantivy over HTTP (the real server; the query is logged after the answer): p50 {:.2} ms, p99 {:.2} ms over {measured} requests",
        ms(hp50),
        ms(hp99)
    );
    println!(
        "ratio HTTP / FTS5 in-process: p50 {:.2}, p99 {:.2}",
        ms(hp50) / ms(fp50).max(1e-9),
        ms(hp99) / ms(fp99).max(1e-9)
    );
    Ok(())
}
