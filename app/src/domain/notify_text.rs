//! E-mail texts of notifications, plain and HTML, in the recipient's language (no I/O).

use super::notify::NoticeKind;
use crate::i18n::{format_time, Locale};
use chrono::{DateTime, Utc};

/// What a message may mention; empty fields are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailFacts {
    pub number: String,
    pub subject: String,
    /// The page the recipient should open (with a guest's key for a guest).
    pub link: String,
    /// Who acted: the replier, for instance.
    pub actor: String,
    /// A reply's text.
    pub body: String,
    /// A status label, an SLA clock's name or an incident's title, per kind.
    pub detail: String,
    pub due: Option<DateTime<Utc>>,
    /// An unassigned urgent ticket: the team is paged.
    pub page: bool,
    /// For account links: a password reset (else an address verification).
    pub reset: bool,
}

/// A rendered e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Longest reply text quoted in a notification, in characters.
const QUOTE_CHARS: usize = 2_000;

/// The message telling of `kind` in `locale`; `to_staff` picks the agents' wording of a new ticket.
pub fn render(kind: NoticeKind, f: &MailFacts, locale: Locale, to_staff: bool) -> Rendered {
    let s = locale.strings().notify;
    let fill = |t: &str| {
        t.replace("{n}", &f.number)
            .replace("{s}", &f.subject)
            .replace("{a}", &f.actor)
            .replace("{x}", &f.detail)
    };
    let (subject, intro) = match kind {
        NoticeKind::TicketCreated if !to_staff => {
            (s.subj_created_customer, s.intro_created_customer)
        }
        NoticeKind::TicketCreated if f.page => (s.subj_urgent_page, s.intro_urgent_page),
        NoticeKind::TicketCreated => (s.subj_created_agent, s.intro_created_agent),
        NoticeKind::CustomerReply => (s.subj_customer_reply, s.intro_customer_reply),
        NoticeKind::AgentReply => (s.subj_agent_reply, s.intro_agent_reply),
        NoticeKind::Assigned => (s.subj_assigned, s.intro_assigned),
        NoticeKind::RatingRequest => (s.subj_rating, s.intro_rating),
        NoticeKind::SlaWarning => (s.subj_warning, s.intro_warning),
        NoticeKind::SlaBreach => (s.subj_breach, s.intro_breach),
        NoticeKind::Complaint => (s.subj_complaint, s.intro_complaint),
        NoticeKind::IncidentResolved => (s.subj_incident_resolved, s.intro_incident_resolved),
        NoticeKind::AccountLink if f.reset => (s.subj_reset, s.intro_reset),
        NoticeKind::AccountLink => (s.subj_verify, s.intro_verify),
        _ => (s.subj_status, s.intro_status),
    };
    let app = locale.strings().app_name;
    let mut paragraphs = vec![fill(intro)];
    let about_ticket = !f.number.is_empty() && kind != NoticeKind::AccountLink;
    if about_ticket {
        paragraphs.push(format!("{} · {}", f.number, f.subject));
    }
    if !f.body.is_empty() {
        paragraphs.push(f.body.chars().take(QUOTE_CHARS).collect());
    }
    if let Some(due) = f
        .due
        .filter(|_| kind == NoticeKind::TicketCreated && !to_staff)
    {
        paragraphs.push(format!(
            "{}{}",
            s.expected_response,
            format_time(due, locale)
        ));
    }
    let link_label = if about_ticket {
        s.open_ticket
    } else {
        s.open_link
    };
    let keep = kind == NoticeKind::TicketCreated && !to_staff;
    let mut text = paragraphs.join("\n\n");
    if keep {
        text.push_str(&format!("\n\n{}", s.keep_link));
    }
    text.push_str(&format!(
        "\n\n{link_label}: {}\n\n-- \n{}\n",
        f.link, s.footer
    ));
    let mut html = String::from("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    for p in &paragraphs {
        html.push_str(&format!("<p>{}</p>", escape(p).replace('\n', "<br>")));
    }
    if keep {
        html.push_str(&format!("<p>{}</p>", escape(s.keep_link)));
    }
    html.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p><hr><p style=\"color:#666;font-size:12px\">{}</p></body></html>",
        escape(&f.link),
        escape(link_label),
        escape(s.footer)
    ));
    Rendered {
        subject: format!("{} · {}", app, fill(subject)),
        text,
        html,
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> MailFacts {
        MailFacts {
            number: "HD-2026-000042".into(),
            subject: "<b>打印机</b> 卡纸".into(),
            link: "http://h/tickets/HD-2026-000042?key=abc".into(),
            actor: "王工".into(),
            body: "请重启打印机。<script>x</script>".into(),
            due: DateTime::from_timestamp(1_790_000_000, 0),
            ..MailFacts::default()
        }
    }

    #[test]
    fn customer_receipt_names_number_link_and_expected_time() {
        let r = render(NoticeKind::TicketCreated, &facts(), Locale::Zh, false);
        assert!(r.subject.contains("已收到您的工单 HD-2026-000042"));
        assert!(r.text.contains("预计响应时间：2026-"));
        assert!(r.text.contains("?key=abc"));
        let en = render(NoticeKind::TicketCreated, &facts(), Locale::En, false);
        assert!(en.text.contains("Expected response by: "));
    }

    #[test]
    fn html_is_escaped_and_staff_get_their_wording() {
        let r = render(NoticeKind::AgentReply, &facts(), Locale::En, false);
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(!r.html.contains("<script>"));
        assert!(r.text.contains("王工 replied on your ticket"));
        let page = MailFacts {
            page: true,
            ..facts()
        };
        let p = render(NoticeKind::TicketCreated, &page, Locale::En, true);
        assert!(p.subject.contains("[URGENT, unassigned]"));
        assert!(!p.text.contains("Expected response"));
    }
}
