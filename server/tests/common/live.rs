//! Reading a live event stream (Server-Sent Events) in tests.

#![allow(dead_code)] // each test file uses a different part of the harness

use std::time::Duration;

/// One parsed SSE event.
#[derive(Debug, Clone)]
pub struct Sse {
    pub id: String,
    pub event: String,
    pub data: serde_json::Value,
}

/// An open stream, read event by event.
pub struct Stream {
    res: reqwest::Response,
    buf: String,
}

impl Stream {
    pub async fn open(
        c: &reqwest::Client,
        url: String,
        last_id: Option<&str>,
    ) -> (reqwest::StatusCode, Stream) {
        let mut req = c.get(url).header("Accept", "text/event-stream");
        if let Some(id) = last_id {
            req = req.header("Last-Event-ID", id);
        }
        let res = req.send().await.expect("connect");
        (
            res.status(),
            Stream {
                res,
                buf: String::new(),
            },
        )
    }

    /// The next event, or `None` after `wait` without one.
    pub async fn next(&mut self, wait: Duration) -> Option<Sse> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buf.find("\n\n") {
                let raw: String = self.buf.drain(..end + 2).collect();
                let field = |k: &str| {
                    raw.lines()
                        .find_map(|l| l.strip_prefix(&format!("{k}:")))
                        .map(|v| v.trim().to_string())
                };
                // Keep-alive comments have no event.
                let Some(event) = field("event") else {
                    continue;
                };
                return Some(Sse {
                    id: field("id").unwrap_or_default(),
                    event,
                    data: serde_json::from_str(&field("data").unwrap_or_default())
                        .unwrap_or_default(),
                });
            }
            let chunk = tokio::time::timeout_at(deadline, self.res.chunk())
                .await
                .ok()?
                .ok()??;
            self.buf.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// Waits for the notice about `number` of `kind`, skipping others; panics after 5 s.
    pub async fn expect(&mut self, number: &str, kind: &str) -> Sse {
        while let Some(e) = self.next(Duration::from_secs(5)).await {
            if e.data["ticket"] == number && e.data["kind"] == kind {
                return e;
            }
        }
        panic!("no {kind} notice for {number}");
    }

    /// Every notice within `wait`.
    pub async fn drain(&mut self, wait: Duration) -> Vec<Sse> {
        let mut out = Vec::new();
        while let Some(e) = self.next(wait).await {
            out.push(e);
        }
        out
    }
}
