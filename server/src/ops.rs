//! Operations endpoints: liveness, readiness and Prometheus metrics, and the request counter
//! behind them.

use crate::store::SqlStore;
use axum::extract::{MatchedPath, Request};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// Upper bounds (seconds) of the latency histogram's buckets.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// One label set's counts.
#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Requests by (method, route, status class).
type Table = BTreeMap<(String, String, &'static str), Series>;

fn table() -> &'static Mutex<Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

/// The route label: the matched route, or the first path segment for pages and files, so the
/// number of series stays small whatever addresses clients ask for.
fn route_of(req: &Request) -> String {
    if let Some(m) = req.extensions().get::<MatchedPath>() {
        return m.as_str().to_string();
    }
    let path = req.uri().path();
    if path.starts_with("/api/") {
        // Server functions: /api/<area>/<name>, a fixed set.
        return path.split('/').take(4).collect::<Vec<_>>().join("/");
    }
    match path.split('/').nth(1) {
        Some("") | None => "/".into(),
        Some(first) if first.len() <= 24 => format!("/{first}/…"),
        Some(_) => "/other".into(),
    }
}

/// Counts every request with its latency; long-lived event streams count when they open.
pub async fn count(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let route = route_of(&req);
    let res = next.run(req).await;
    let status = match res.status().as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    let secs = started.elapsed().as_secs_f64();
    if let Ok(mut t) = table().lock() {
        let s = t.entry((method, route, status)).or_default();
        s.count += 1;
        s.sum += secs;
        for (i, le) in BUCKETS.iter().enumerate() {
            if secs <= *le {
                s.buckets[i] += 1;
            }
        }
    }
    res
}

/// `GET /readyz`: 200 when the database answers and every migration this build knows has run.
pub async fn readyz(store: SqlStore) -> Response {
    match store.readiness().await {
        Ok(()) => (StatusCode::OK, "ready\n").into_response(),
        Err(reason) => {
            tracing::warn!(%reason, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                format!("not ready: {reason}\n"),
            )
                .into_response()
        }
    }
}

/// `GET /metrics` in Prometheus' text format. With `METRICS_TOKEN` set, only a request bearing
/// it is answered.
pub async fn metrics(store: SqlStore, token: String, headers: axum::http::HeaderMap) -> Response {
    if !token.is_empty() {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(token.as_str()) {
            return StatusCode::UNAUTHORIZED.into_response();
        }
    }
    let mut out = String::new();
    write_requests(&mut out);
    match store.gauges().await {
        Ok(g) => write_gauges(&mut out, &g),
        Err(e) => {
            tracing::warn!(error = %e, "metrics: cannot read the database gauges");
            let _ = writeln!(out, "# database gauges unavailable\nhelpdesk_database_up 0");
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

fn write_requests(out: &mut String) {
    let _ = writeln!(
        out,
        "# HELP helpdesk_http_requests_total HTTP requests by method, route and status class.\n\
         # TYPE helpdesk_http_requests_total counter"
    );
    let Ok(t) = table().lock() else { return };
    for ((m, r, s), v) in t.iter() {
        let _ = writeln!(
            out,
            "helpdesk_http_requests_total{{method=\"{m}\",route=\"{}\",status=\"{s}\"}} {}",
            escape(r),
            v.count
        );
    }
    let _ = writeln!(
        out,
        "# HELP helpdesk_http_request_duration_seconds Time to the response's head.\n\
         # TYPE helpdesk_http_request_duration_seconds histogram"
    );
    for ((m, r, s), v) in t.iter() {
        let labels = format!("method=\"{m}\",route=\"{}\",status=\"{s}\"", escape(r));
        for (i, le) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "helpdesk_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {}",
                v.buckets[i]
            );
        }
        let _ = writeln!(
            out,
            "helpdesk_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\n\
             helpdesk_http_request_duration_seconds_sum{{{labels}}} {}\n\
             helpdesk_http_request_duration_seconds_count{{{labels}}} {}",
            v.count, v.sum, v.count
        );
    }
}

fn write_gauges(out: &mut String, g: &crate::store::Gauges) {
    let _ = writeln!(
        out,
        "# HELP helpdesk_database_up Whether the database answered.\n\
         # TYPE helpdesk_database_up gauge\nhelpdesk_database_up 1\n\
         # HELP helpdesk_tickets Tickets by status (the queues' depths).\n\
         # TYPE helpdesk_tickets gauge"
    );
    for (status, n) in &g.tickets_by_status {
        let _ = writeln!(out, "helpdesk_tickets{{status=\"{}\"}} {n}", escape(status));
    }
    let _ = writeln!(
        out,
        "# HELP helpdesk_unassigned_open_tickets Open tickets nobody is assigned to.\n\
         # TYPE helpdesk_unassigned_open_tickets gauge\nhelpdesk_unassigned_open_tickets {}\n\
         # HELP helpdesk_outbox_undispatched Notices not yet turned into deliveries.\n\
         # TYPE helpdesk_outbox_undispatched gauge\nhelpdesk_outbox_undispatched {}\n\
         # HELP helpdesk_deliveries Notification deliveries by status (pending is the backlog).\n\
         # TYPE helpdesk_deliveries gauge",
        g.unassigned_open, g.undispatched
    );
    for (status, n) in &g.deliveries_by_status {
        let _ = writeln!(
            out,
            "helpdesk_deliveries{{status=\"{}\"}} {n}",
            escape(status)
        );
    }
    let _ = writeln!(
        out,
        "# HELP helpdesk_sla_breaches_total Tickets whose response or resolve target was missed.\n\
         # TYPE helpdesk_sla_breaches_total counter\n\
         helpdesk_sla_breaches_total{{clock=\"response\"}} {}\n\
         helpdesk_sla_breaches_total{{clock=\"resolve\"}} {}\n\
         # HELP helpdesk_sla_breached_open Open tickets with a missed target.\n\
         # TYPE helpdesk_sla_breached_open gauge\nhelpdesk_sla_breached_open {}",
        g.response_breaches, g.resolve_breaches, g.breached_open
    );
}

/// Escapes a label value.
fn escape(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
