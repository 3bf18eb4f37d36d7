//! Webhooks: what admins register and the payloads sent (signing is the server's).

use super::notify::NoticeKind;
use super::ticket::Code;
use serde::{Deserialize, Serialize};

/// Longest name, in characters.
pub const MAX_NAME: usize = 80;
/// Longest address, in bytes.
pub const MAX_URL: usize = 2_000;

/// The body format a receiver accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HookFormat {
    /// Our documented JSON object.
    Json,
    /// `{"text": …}`, which Slack, Mattermost, Rocket.Chat and others accept.
    Slack,
}

super::ticket::codes!(HookFormat { Json => "json", Slack => "slack" });

/// A registered endpoint, as admins see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub secret: String,
    /// Kinds it wants; empty means all.
    pub events: Vec<NoticeKind>,
    pub format: HookFormat,
}

impl Webhook {
    /// Whether this endpoint wants `kind`.
    pub fn wants(&self, kind: NoticeKind) -> bool {
        kind != NoticeKind::AccountLink && (self.events.is_empty() || self.events.contains(&kind))
    }
}

/// Why a registration was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookProblem {
    BadName,
    BadUrl,
}

/// Checks a name and address; the address must be absolute http(s) with a host.
pub fn check(name: &str, url: &str) -> Result<(String, String), HookProblem> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(HookProblem::BadName);
    }
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or(HookProblem::BadUrl)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || url.len() > MAX_URL || url.chars().any(char::is_whitespace) {
        return Err(HookProblem::BadUrl);
    }
    Ok((name.to_string(), url.to_string()))
}

/// What a payload tells.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HookTicket {
    pub number: String,
    pub subject: String,
    pub priority: String,
    pub status: String,
    pub category: String,
    pub url: String,
}

/// The body sent for one event in `format`; `summary` is the one-line text for chat tools.
pub fn payload(
    format: HookFormat,
    delivery: &str,
    kind: NoticeKind,
    occurred_at: chrono::DateTime<chrono::Utc>,
    ticket: Option<&HookTicket>,
    summary: &str,
) -> String {
    let value = match format {
        HookFormat::Json => serde_json::json!({
            "delivery": delivery,
            "event": kind.code(),
            "occurred_at": occurred_at.to_rfc3339(),
            "ticket": ticket,
            "summary": summary,
        }),
        HookFormat::Slack => {
            let link = ticket
                .filter(|t| !t.url.is_empty())
                .map(|t| format!(" <{}|{}>", t.url, t.number))
                .unwrap_or_default();
            serde_json::json!({ "text": format!("{summary}{link}") })
        }
    };
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_must_be_http_with_a_host() {
        assert!(check("chat", "https://chat.example.com/hooks/1").is_ok());
        assert_eq!(check("chat", "ftp://x"), Err(HookProblem::BadUrl));
        assert_eq!(check("chat", "https:///x"), Err(HookProblem::BadUrl));
        assert_eq!(check(" ", "https://x"), Err(HookProblem::BadName));
    }

    #[test]
    fn slack_form_is_text_and_json_form_names_the_event() {
        let t = HookTicket {
            number: "HD-2026-000001".into(),
            url: "http://h/tickets/HD-2026-000001".into(),
            ..HookTicket::default()
        };
        let at = chrono::DateTime::from_timestamp(0, 0).unwrap_or_default();
        let slack = payload(
            HookFormat::Slack,
            "n1-webhook-w1",
            NoticeKind::TicketCreated,
            at,
            Some(&t),
            "New ticket",
        );
        let v: serde_json::Value = serde_json::from_str(&slack).unwrap_or_default();
        assert_eq!(
            v["text"],
            "New ticket <http://h/tickets/HD-2026-000001|HD-2026-000001>"
        );
        let json = payload(
            HookFormat::Json,
            "n1-webhook-w1",
            NoticeKind::SlaBreach,
            at,
            Some(&t),
            "x",
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(v["event"], "sla_breach");
        assert_eq!(v["ticket"]["number"], "HD-2026-000001");
        assert_eq!(v["delivery"], "n1-webhook-w1");
    }
}
