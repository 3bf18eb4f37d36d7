//! Knowledge sedimentation (manual ch. 6): a resolved ticket becomes an article draft — the
//! symptoms, where it happened, and what support did — for an editor to review and publish.

use super::ticket::{EventKind, TicketEvent, TicketView};
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// A draft as the drafts page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDraft {
    pub id: i64,
    pub ticket_number: String,
    pub locale: Locale,
    pub title: String,
    pub body_md: String,
    pub author: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Title and Markdown body of the draft for ticket `t`. Only the description and the agents'
/// public replies go in: no internal notes, and nothing the customer wrote later, whose
/// messages may carry personal details.
pub fn draft_from_ticket(
    t: &TicketView,
    events: &[TicketEvent],
    locale: Locale,
) -> (String, String) {
    let (symptoms, environment, resolution, source) = match locale {
        Locale::Zh => ("问题现象", "分类", "解决方法", "来源工单"),
        Locale::En => ("Symptoms", "Category", "Resolution", "From ticket"),
    };
    let category = locale.strings().category(t.category);
    let steps: Vec<&str> = events
        .iter()
        .filter(|e| e.kind == EventKind::Reply && e.by_staff && !e.internal)
        .map(|e| e.body.trim())
        .filter(|b| !b.is_empty())
        .collect();
    let mut body = format!(
        "## {symptoms}\n\n{}\n\n**{environment}:** {category}\n\n## {resolution}\n\n",
        t.description.trim()
    );
    if steps.is_empty() {
        body.push_str("- \n");
    }
    for (i, step) in steps.iter().enumerate() {
        body.push_str(&format!("{}. {}\n", i + 1, step.replace('\n', "\n   ")));
    }
    body.push_str(&format!("\n<!-- {source} {} -->\n", t.number));
    (t.subject.trim().to_string(), body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ticket::{Category, Impact, Priority, Status, WorkState};

    fn event(kind: EventKind, body: &str, by_staff: bool, internal: bool) -> TicketEvent {
        TicketEvent {
            kind,
            author: "x".into(),
            body: body.into(),
            internal,
            at: chrono::Utc::now(),
            change: None,
            attachments: Vec::new(),
            by_staff,
        }
    }

    #[test]
    fn only_the_description_and_agents_public_answers_go_in() {
        let t = TicketView {
            number: "IT-2026-000042".into(),
            subject: " VPN 连接后马上断开 ".into(),
            description: "连接成功 3 秒后断开。".into(),
            contact_name: "王芳".into(),
            category: Category::Network,
            priority: Priority::Normal,
            impact: Impact::Local,
            status: Status::Resolved,
            created_at: chrono::Utc::now(),
            first_response_due: chrono::Utc::now(),
            resolve_due: chrono::Utc::now(),
            work: WorkState::default(),
        };
        let events = [
            event(EventKind::Reply, "把客户端升级到 5.3。", true, false),
            event(EventKind::Note, "内部：该用户是 VIP", true, true),
            event(EventKind::Reply, "我的手机号 13800000000", false, false),
            event(EventKind::Reply, "重启电脑。\n再连接一次。", true, false),
        ];
        let (title, body) = draft_from_ticket(&t, &events, Locale::Zh);
        assert_eq!(title, "VPN 连接后马上断开");
        assert!(body.starts_with("## 问题现象\n\n连接成功 3 秒后断开。"));
        assert!(body.contains("**分类:** 网络"));
        assert!(body.contains("1. 把客户端升级到 5.3。\n2. 重启电脑。\n   再连接一次。\n"));
        assert!(!body.contains("VIP") && !body.contains("138") && !body.contains("王芳"));
        assert!(body.contains("IT-2026-000042"));
    }
}
