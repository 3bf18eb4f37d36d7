//! Turning one outbox notice into its deliveries: who gets an e-mail, in which language, and
//! which webhooks want it. Rendering happens here, once, so retries resend the same bytes.

use super::mail::MailPayload;
use crate::store::{NewDelivery, OutboxRow, People, Person, SqlStore, TicketContext};
use app::domain::notify::{audience, idempotency_key, Audience, NoticeKind, TicketFacts};
use app::domain::notify_text::{render, MailFacts};
use app::domain::ticket::EventChange;
use app::domain::webhook::{payload, HookTicket, Webhook};
use app::i18n::Locale;
use app::ports::StoreError;

/// One e-mail recipient with the tag its idempotency key uses.
struct Recipient {
    tag: String,
    email: String,
    locale: Locale,
    staff: bool,
    /// The link to open: a guest's private one when known.
    link: String,
    secret: bool,
}

/// Every delivery of `ev`; `base` is the portal's public address.
pub async fn plan(
    store: &SqlStore,
    ev: &OutboxRow,
    hooks: &[Webhook],
    base: &str,
) -> Result<Vec<NewDelivery>, StoreError> {
    let text = |k: &str| ev.data[k].as_str().unwrap_or_default().to_string();
    if ev.kind == NoticeKind::AccountLink {
        let locale = Locale::parse(&text("locale")).unwrap_or_default();
        let facts = MailFacts {
            link: text("link"),
            reset: ev.data["reset"].as_bool().unwrap_or(false),
            ..MailFacts::default()
        };
        let to = Recipient {
            tag: "a".into(),
            email: text("to"),
            locale,
            staff: false,
            link: facts.link.clone(),
            secret: true,
        };
        return Ok(vec![email(ev, &to, &facts)]);
    }
    let ticket = match ev.ticket_id {
        Some(id) => store.ticket_context(id).await?,
        None => None,
    };
    let mut out = Vec::new();
    if let Some(t) = &ticket {
        for r in recipients(store, ev, t, base).await? {
            let facts = mail_facts(ev, t, &r);
            out.push(email(ev, &r, &facts));
        }
    }
    for h in hooks.iter().filter(|h| h.wants(ev.kind)) {
        out.push(hook(ev, h, ticket.as_ref(), base));
    }
    Ok(out)
}

/// The people told of a ticket notice, each once, never the one who acted, minus those who
/// turned this kind off.
async fn recipients(
    store: &SqlStore,
    ev: &OutboxRow,
    t: &TicketContext,
    base: &str,
) -> Result<Vec<Recipient>, StoreError> {
    let facts = TicketFacts {
        assigned: t.assignee_id.is_some(),
        urgent: t.priority == "urgent",
        public: ev.public,
    };
    let page = format!("{base}/tickets/{}", t.number);
    let mut out: Vec<Recipient> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let add = |p: Person, out: &mut Vec<Recipient>, seen: &mut std::collections::HashSet<i64>| {
        let muted = ev.kind.mutable() && p.muted.contains(&ev.kind);
        // The one who acted knows.
        let acted = Some(p.id) == ev.actor_id;
        if acted || muted || !seen.insert(p.id) {
            return;
        }
        out.push(Recipient {
            tag: format!("u{}", p.id),
            email: p.email,
            locale: p.locale,
            staff: true,
            link: page.clone(),
            secret: false,
        });
    };
    // A status change that came with a reply is told by the reply's own notice.
    let quiet = ev.kind == NoticeKind::StatusChanged && ev.data["with_reply"] == true;
    for a in audience(ev.kind, facts) {
        let people = match a {
            Audience::Customer if quiet => Vec::new(),
            Audience::Customer => {
                // The ticket's contact address, in the account's language and choices when the
                // customer has one; the private link when this notice carries it.
                let account = match t.requester_id {
                    Some(id) => store.people(People::One(id)).await?.into_iter().next(),
                    None => None,
                };
                let acted = account.as_ref().is_some_and(|p| {
                    Some(p.id) == ev.actor_id && ev.kind != NoticeKind::TicketCreated
                });
                let muted = account
                    .as_ref()
                    .is_some_and(|p| ev.kind.mutable() && p.muted.contains(&ev.kind));
                if acted || muted || account.as_ref().is_some_and(|p| !seen.insert(p.id)) {
                    continue;
                }
                let link = ev.data["link"].as_str().unwrap_or_default();
                out.push(Recipient {
                    tag: account
                        .as_ref()
                        .map_or("c".into(), |p| format!("u{}", p.id)),
                    email: t.contact_email.clone(),
                    locale: account.as_ref().map_or(t.locale, |p| p.locale),
                    staff: false,
                    link: if link.is_empty() {
                        page.clone()
                    } else {
                        link.to_string()
                    },
                    secret: !link.is_empty(),
                });
                continue;
            }
            Audience::Assignee => match t.assignee_id {
                Some(id) => store.people(People::One(id)).await?,
                None => Vec::new(),
            },
            Audience::Team => store.people(People::Team(t.team_id)).await?,
            Audience::Leads => store.people(People::Leads).await?,
        };
        for p in people {
            add(p, &mut out, &mut seen);
        }
    }
    Ok(out)
}

/// What the message says, in the recipient's language.
fn mail_facts(ev: &OutboxRow, t: &TicketContext, r: &Recipient) -> MailFacts {
    let s = r.locale.strings();
    let detail = match ev.kind {
        NoticeKind::StatusChanged => {
            match serde_json::from_value::<EventChange>(ev.data["change"].clone()) {
                Ok(EventChange::Status { to, .. }) => s.status(to).to_string(),
                _ => String::new(),
            }
        }
        NoticeKind::SlaWarning | NoticeKind::SlaBreach => match ev.data["clock"].as_str() {
            Some("response") => s.notify.clock_response.to_string(),
            _ => s.notify.clock_resolve.to_string(),
        },
        NoticeKind::IncidentResolved => {
            let key = format!("title_{}", r.locale.code());
            ev.data[key.as_str()]
                .as_str()
                .unwrap_or_default()
                .to_string()
        }
        _ => String::new(),
    };
    MailFacts {
        number: t.number.clone(),
        subject: t.subject.clone(),
        link: r.link.clone(),
        actor: ev.data["actor"].as_str().unwrap_or_default().to_string(),
        body: ev.data["body"].as_str().unwrap_or_default().to_string(),
        detail,
        due: Some(t.first_response_due),
        page: ev.kind == NoticeKind::TicketCreated
            && t.assignee_id.is_none()
            && t.priority == "urgent",
        reset: false,
    }
}

/// One rendered e-mail delivery.
fn email(ev: &OutboxRow, r: &Recipient, facts: &MailFacts) -> NewDelivery {
    let rendered = render(ev.kind, facts, r.locale, r.staff);
    let mail = MailPayload {
        to: r.email.clone(),
        subject: rendered.subject.clone(),
        text: rendered.text,
        html: rendered.html,
    };
    NewDelivery {
        channel: "email",
        recipient: r.email.clone(),
        webhook_id: None,
        idem_key: idempotency_key(ev.id, "email", &r.tag),
        summary: rendered.subject,
        payload: serde_json::to_string(&mail).unwrap_or_default(),
        secret: r.secret,
    }
}

/// One webhook delivery, with a one-line summary in both languages for chat tools.
fn hook(ev: &OutboxRow, h: &Webhook, t: Option<&TicketContext>, base: &str) -> NewDelivery {
    let key = idempotency_key(ev.id, "webhook", &format!("w{}", h.id));
    let (zh, en) = (Locale::Zh.strings().notify, Locale::En.strings().notify);
    let about = match t {
        Some(t) => format!("{} · {}", t.number, t.subject),
        None => format!(
            "{} / {}",
            ev.data["title_zh"].as_str().unwrap_or_default(),
            ev.data["title_en"].as_str().unwrap_or_default()
        ),
    };
    let summary = format!("{} / {}: {about}", zh.kind(ev.kind), en.kind(ev.kind));
    let ticket = t.map(|t| HookTicket {
        number: t.number.clone(),
        subject: t.subject.clone(),
        priority: t.priority.clone(),
        status: t.status.clone(),
        category: t.category.clone(),
        url: format!("{base}/tickets/{}", t.number),
    });
    NewDelivery {
        channel: "webhook",
        recipient: h.name.clone(),
        webhook_id: Some(h.id),
        payload: payload(h.format, &key, ev.kind, ev.at, ticket.as_ref(), &summary),
        idem_key: key,
        summary,
        secret: false,
    }
}
