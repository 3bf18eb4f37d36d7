//! Diagnosis-flow figures: validation and layout time by flow size (in-process), and the
//! latency of starting a run and answering a screen over HTTP against the release server.
//! Usage: flow_bench <work-dir> <server-binary>

use app::domain::flow::{Choice, FlowGraph, Node, NodeKind, Text};
use app::domain::flow_check::validate;
use app::domain::flow_layout::layout;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

/// A flow of `n` nodes: a tree of questions (three answers each) whose leaves are steps that
/// lead to one escalation, the shape of a large real flow.
fn flow(n: usize) -> FlowGraph {
    let text = |i: usize| {
        Text::new(
            &format!("第 {i} 步：检查设备"),
            &format!("Step {i}: check the device"),
        )
    };
    let last = n - 1;
    let nodes = (0..n)
        .map(|i| {
            let kids: Vec<usize> = (1..=3).map(|k| 3 * i + k).filter(|&k| k < last).collect();
            let kind = if i == last {
                NodeKind::Escalate {
                    priority: "normal".into(),
                }
            } else if kids.is_empty() {
                NodeKind::Step {
                    next: format!("n{last}"),
                }
            } else {
                NodeKind::Question {
                    options: kids
                        .iter()
                        .map(|k| Choice {
                            label: text(*k),
                            next: format!("n{k}"),
                        })
                        .collect(),
                }
            };
            Node {
                id: format!("n{i}"),
                text: text(i),
                kind,
            }
        })
        .collect();
    FlowGraph {
        title: Text::new("大流程", "Large flow"),
        summary: Text::default(),
        category: "hardware".into(),
        start: "n0".into(),
        nodes,
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(bin)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: flow_bench <dir> <server-binary>");
    };
    for n in [50, 200, 500] {
        let g = flow(n);
        assert!(validate(&g).is_empty(), "the generated flow is valid");
        let mut v = Vec::new();
        let mut l = Vec::new();
        for _ in 0..101 {
            let t = Instant::now();
            std::hint::black_box(validate(&g));
            v.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(layout(&g));
            l.push(t.elapsed());
        }
        let json = serde_json::to_string(&g)?.len();
        println!(
            "{n:>4} nodes ({json:>6} B JSON): validate {:.3} ms, layout {:.3} ms (median of 101)",
            ms(median(v)),
            ms(median(l))
        );
    }

    // Over HTTP: the shipped "cannot get online" flow, run 200 times to an escalation.
    let dir = std::path::Path::new(dir).join("flows");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let mut child = std::process::Command::new(bin)
        .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", &url)
        .env("MAIL_OUTBOX", dir.join("outbox"))
        .env("FILES_DIR", dir.join("files"))
        .env("RATE_LIMIT_FACTOR", "1000")
        .env("RUST_LOG", "warn")
        .env("LEPTOS_OUTPUT_NAME", "helpdesk")
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let base = line.trim().trim_start_matches("listening on ").to_string();
    let http = reqwest::Client::new();
    let post = |path: &str, fields: Vec<(&str, String)>| {
        http.post(format!("{base}/api/{path}"))
            .header("Origin", base.clone())
            .form(&fields)
            .send()
    };
    let (mut starts, mut answers, mut views) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..200 {
        let t = Instant::now();
        let token: String = post(
            "flows/start",
            vec![
                ("slug", "cannot-get-online".into()),
                ("preview", "false".into()),
            ],
        )
        .await?
        .json()
        .await?;
        starts.push(t.elapsed());
        for (node, choice) in [
            ("start", "1"),
            ("how", "0"),
            ("cable", "1"),
            ("symptom", "2"),
        ] {
            let t = Instant::now();
            let res = post(
                "flows/answer",
                vec![
                    ("token", token.clone()),
                    ("node", node.into()),
                    ("choice", choice.into()),
                ],
            )
            .await?;
            anyhow::ensure!(res.status().is_success(), "answer {node}: {}", res.status());
            answers.push(t.elapsed());
            let t = Instant::now();
            let res = post("flows/run", vec![("token", token.clone())]).await?;
            anyhow::ensure!(res.status().is_success(), "run view: {}", res.status());
            views.push(t.elapsed());
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    for (name, mut s) in [
        ("start a run", starts),
        ("answer a screen (durable write)", answers),
        ("read the screen", views),
    ] {
        s.sort();
        println!(
            "HTTP {name}: p50 {:.2} ms, p99 {:.2} ms ({} sequential requests)",
            ms(percentile(&s, 0.5)),
            ms(percentile(&s, 0.99)),
            s.len()
        );
    }
    Ok(())
}
