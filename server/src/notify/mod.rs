//! Notifications: the outbox worker (fan-out, sending with retries), e-mail, webhooks and the
//! live event stream.

pub mod fanout;
pub mod live;
pub mod mail;
pub mod webhook;

use crate::store::{Claimed, SqlStore};
use app::domain::notify::{retry_delay_ms, MAX_ATTEMPTS};
use app::domain::webhook::Webhook;
use app::ports::{NotifyStore, StoreError};
use chrono::Utc;
use mail::{MailPayload, MailTransport};
use std::sync::Arc;
use std::time::Duration;

/// How the worker sends.
pub struct NotifyConfig {
    /// The portal's public address, for links.
    pub base_url: String,
    /// The From address of e-mail.
    pub from: String,
    /// The first retry's wait; each further one doubles, up to an hour.
    pub retry_base_ms: u64,
    /// How long a sender holds a delivery; a crashed sender's deliveries return after it.
    pub lease_ms: i64,
    pub transport: MailTransport,
}

/// Deliveries sent at once.
const BATCH: i64 = 32;

/// Runs the worker until the process ends; it wakes on every outbox commit and twice a second.
pub fn spawn(store: SqlStore, config: Arc<NotifyConfig>) {
    tokio::spawn(async move {
        let mut signal = store.notice_signal();
        let client = webhook::client();
        loop {
            let mut busy = false;
            match dispatch_round(&store, &config.base_url).await {
                Ok(n) => busy |= n > 0,
                Err(e) => tracing::warn!(error = %e, "notification fan-out failed; retrying"),
            }
            match send_round(&store, &config, &client).await {
                Ok(n) => busy |= n > 0,
                Err(e) => tracing::warn!(error = %e, "notification sending failed; retrying"),
            }
            if !busy {
                tokio::select! {
                    _ = signal.changed() => {}
                    _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                }
            }
        }
    });
}

/// Writes the deliveries of up to 100 undispatched notices; returns how many were handled.
pub async fn dispatch_round(store: &SqlStore, base: &str) -> Result<usize, StoreError> {
    let events = store.undispatched(100).await?;
    if events.is_empty() {
        return Ok(0);
    }
    let hooks = store.webhooks().await?;
    for ev in &events {
        let deliveries = fanout::plan(store, ev, &hooks, base).await?;
        store.dispatch(ev.id, &deliveries, Utc::now()).await?;
    }
    Ok(events.len())
}

/// Sends one batch of due deliveries concurrently; returns how many were tried.
pub async fn send_round(
    store: &SqlStore,
    config: &Arc<NotifyConfig>,
    client: &reqwest::Client,
) -> Result<usize, StoreError> {
    let claimed = store.claim_due(Utc::now(), config.lease_ms, BATCH).await?;
    if claimed.is_empty() {
        return Ok(0);
    }
    let hooks: Arc<Vec<Webhook>> = Arc::new(if claimed.iter().any(|c| c.webhook_id.is_some()) {
        store.webhooks().await?
    } else {
        Vec::new()
    });
    let count = claimed.len();
    let mut tasks = tokio::task::JoinSet::new();
    for c in claimed {
        let (config, client, hooks) = (config.clone(), client.clone(), hooks.clone());
        tasks.spawn(async move {
            let result = send_one(&c, &config, &client, &hooks).await;
            (c, result)
        });
    }
    while let Some(done) = tasks.join_next().await {
        let Ok((c, result)) = done else { continue };
        settle(store, config, &c, result).await?;
    }
    Ok(count)
}

/// Sends one delivery.
async fn send_one(
    c: &Claimed,
    config: &NotifyConfig,
    client: &reqwest::Client,
    hooks: &[Webhook],
) -> Result<(), String> {
    match c.webhook_id {
        None => {
            let mail: MailPayload = serde_json::from_str(&c.payload)
                .map_err(|e| format!("stored message unreadable: {e}"))?;
            config
                .transport
                .send(&config.from, &c.idem_key, &mail)
                .await
                .map_err(|e| e.to_string())
        }
        Some(id) => {
            let Some(h) = hooks.iter().find(|h| h.id == id) else {
                return Err("the webhook was removed".into());
            };
            webhook::post(client, &h.url, &h.secret, &c.idem_key, &c.kind, &c.payload).await
        }
    }
}

/// Records the outcome: sent, retried later with back-off (and jitter), or failed for good.
async fn settle(
    store: &SqlStore,
    config: &NotifyConfig,
    c: &Claimed,
    result: Result<(), String>,
) -> Result<(), StoreError> {
    match result {
        Ok(()) => store.delivered(c.id, Utc::now()).await,
        Err(error) => {
            let attempts = u32::try_from(c.attempts).unwrap_or(u32::MAX);
            tracing::warn!(delivery = c.id, attempts, %error, "notification not delivered");
            let retry_at = (attempts < MAX_ATTEMPTS).then(|| {
                let wait = retry_delay_ms(attempts, config.retry_base_ms);
                let jitter = rand::random::<u64>() % (wait / 5 + 1);
                Utc::now() + chrono::Duration::milliseconds((wait + jitter) as i64)
            });
            store.attempt_failed(c.id, &error, retry_at).await
        }
    }
}
