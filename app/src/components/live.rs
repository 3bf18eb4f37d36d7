//! Live updates: an `EventSource` on `/events` that tells the page when something happened.
//! The browser reconnects by itself and sends `Last-Event-ID`, so nothing is missed.

use crate::domain::notify::{LiveEvent, NoticeKind};
use crate::i18n::{use_i18n, Locale};
use leptos::prelude::*;

/// A line announcing a notice, e.g. "New ticket: HD-2026-000001 · Printer jammed".
pub fn announce(e: &LiveEvent, locale: Locale) -> String {
    let s = locale.strings().notify;
    let label = match e.kind {
        NoticeKind::TicketCreated => s.live_new_ticket,
        NoticeKind::CustomerReply | NoticeKind::AgentReply => s.live_reply,
        NoticeKind::SlaWarning => s.live_warning,
        NoticeKind::SlaBreach => s.live_breach,
        k => s.kind(k),
    };
    match &e.ticket {
        Some(n) => format!("{label}: {n} · {}", e.title),
        None => format!("{label}: {}", e.title),
    }
}

/// Opens the stream (in the browser only) and calls `on_notice` for each notice, and with
/// `None` when a fresh connection opens (the page should reload its data then). Shows the
/// latest notice in a polite live region.
#[component]
pub fn LiveUpdates(
    /// Only this ticket's notices, when not empty.
    #[prop(into, optional)]
    ticket: String,
    /// A guest's key to the ticket.
    #[prop(into, optional)]
    key: String,
    on_notice: Callback<Option<LiveEvent>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let latest = RwSignal::new(None::<LiveEvent>);
    let lost = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let url = format!(
            "/events?ticket={}&key={}",
            crate::domain::flow_run::url_encode(&ticket),
            crate::domain::flow_run::url_encode(&key)
        );
        open(url, on_notice, latest, lost);
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (ticket, key, on_notice);
    let text = move || latest.get().map(|e| announce(&e, i18n.locale()));
    view! {
        // A log (polite by nature), not role="status": pages keep that role for their outcomes.
        <div class="live-region" role="log" aria-live="polite" aria-label=i18n.t(|s| s.notify.live_label)>
            <Show when=move || lost.get()>
                <p class="live-lost">{i18n.t(|s| s.notify.live_reconnecting)}</p>
            </Show>
            <Show when=move || text().is_some()>
                <p class="live-toast" data-live-kind=move || latest.get().map(|e| format!("{:?}", e.kind))>
                    {text}
                </p>
            </Show>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn open(
    url: String,
    on_notice: Callback<Option<LiveEvent>>,
    latest: RwSignal<Option<LiveEvent>>,
    lost: RwSignal<bool>,
) {
    use futures::StreamExt;
    use gloo_net::eventsource::futures::EventSource;
    let Ok(mut source) = EventSource::new(&url) else {
        return;
    };
    let (Ok(notices), Ok(ready)) = (source.subscribe("notice"), source.subscribe("ready")) else {
        return;
    };
    let mut events = futures::stream::select(notices, ready);
    leptos::task::spawn_local(async move {
        while let Some(item) = events.next().await {
            match item {
                Ok((kind, msg)) => {
                    lost.set(false);
                    if kind == "ready" {
                        on_notice.run(None);
                        continue;
                    }
                    let data = msg.data().as_string().unwrap_or_default();
                    if let Ok(e) = serde_json::from_str::<LiveEvent>(&data) {
                        latest.set(Some(e.clone()));
                        on_notice.run(Some(e));
                    }
                }
                // The browser retries by itself; say so meanwhile.
                Err(_) => lost.set(true),
            }
        }
    });
    // Closed when the page (and this owner) goes away.
    on_cleanup(move || source.close());
}
