//! Background work: flagging SLA warnings and breaches (each with its notice) and closing
//! resolved tickets after the quiet period.

use app::domain::lifecycle::{Action, Actor};
use app::domain::ticket::{EventChange, EventKind};
use app::domain::work;
use app::ports::{FileBytes, NewTicketEvent, Store, StoreError, TicketChange};
use chrono::Utc;
use std::sync::Arc;
use std::time::Duration;

/// How long a staged file waits for the message it was chosen for.
const STAGED_FILE_HOURS: i64 = 24;

/// How long the delivery log keeps notices that have nothing left to send.
const NOTICE_DAYS: i64 = 90;

/// This process, as a job-lease holder: host, process id and a random part.
pub fn instance_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
        format!(
            "{}-{}-{:08x}",
            host.trim(),
            std::process::id(),
            rand::random::<u32>()
        )
    })
}

/// Runs the sweep every `every` until the process ends; a failed sweep is logged and retried.
/// With several instances on one database, only the holder of the sweep's lease runs it.
pub fn spawn(store: Arc<dyn Store>, files: Arc<dyn FileBytes>, every: Duration) {
    tokio::spawn(async move {
        let mut timer = tokio::time::interval(every);
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        // Three missed rounds before another instance takes over.
        let lease = chrono::Duration::from_std(every * 3).unwrap_or(chrono::Duration::minutes(3));
        loop {
            timer.tick().await;
            let now = Utc::now();
            match store
                .claim_job("sweep", instance_id(), now, now + lease)
                .await
            {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot take the sweep's lease; retrying at the next tick");
                    continue;
                }
            }
            if let Err(e) = sweep(store.as_ref()).await {
                tracing::warn!(error = %e, "ticket sweep failed; retrying at the next tick");
            }
            let old = Utc::now() - chrono::Duration::days(NOTICE_DAYS);
            if let Err(e) = store.prune_notices(old).await {
                tracing::warn!(error = %e, "pruning old notices failed; retrying at the next tick");
            }
            if let Err(e) = drop_unsent_files(store.as_ref(), files.as_ref()).await {
                tracing::warn!(error = %e, "removing unsent files failed; retrying at the next tick");
            }
        }
    });
}

/// Removes files staged for messages that were never sent.
pub async fn drop_unsent_files(store: &dyn Store, files: &dyn FileBytes) -> Result<(), StoreError> {
    let before = Utc::now() - chrono::Duration::hours(STAGED_FILE_HOURS);
    for key in store.expire_staged(before).await? {
        if let Err(e) = files.remove(&key).await {
            tracing::warn!(error = %e, "an unsent file could not be removed");
        }
    }
    Ok(())
}

/// One pass: flags clocks that ran out and closes quiet resolved tickets.
pub async fn sweep(store: &dyn Store) -> Result<(), StoreError> {
    let now = Utc::now();
    let flagged = store.flag_breaches(now).await?;
    if flagged.response + flagged.resolve + flagged.warned > 0 {
        tracing::info!(
            response = flagged.response,
            resolve = flagged.resolve,
            warned = flagged.warned,
            "SLA clocks flagged"
        );
    }
    let settings = store.service_settings().await?;
    let quiet = settings.lifecycle.policy().quiet_period;
    for number in store.quiet_resolved(now - quiet).await? {
        let Some(t) = store.ticket(&number).await? else {
            continue;
        };
        let Ok(step) = work::act(&t.view, Action::Close, Actor::System, now, &settings) else {
            continue;
        };
        let event = NewTicketEvent {
            number: number.clone(),
            kind: EventKind::Status,
            actor_id: None,
            // An empty name is shown as the portal itself.
            actor_name: String::new(),
            public: true,
            body: String::new(),
            at: now,
            change: Some(EventChange::Status {
                from: t.view.status,
                to: step.status,
            }),
            files: Vec::new(),
        };
        let change = TicketChange {
            number,
            revision: t.view.work.revision,
            step: Some(step),
            assignee: None,
            events: vec![event],
            others: Vec::new(),
        };
        // A conflict means someone acted on it just now; the next pass looks again.
        store.change_ticket(change).await?;
    }
    Ok(())
}
