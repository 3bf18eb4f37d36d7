//! UI translations: one table per language, checked by the compiler so none can miss a string.

mod account;
mod care;
mod editor;
mod en;
mod flow_problems;
mod flows;
mod kb;
mod notify;
mod work;
mod zh;

pub use account::AccountStrings;
pub use care::CareStrings;
pub use editor::EditorStrings;
pub use flows::FlowStrings;
pub use kb::KbStrings;
pub use notify::NotifyStrings;
pub use work::WorkStrings;

use crate::domain::ticket::{Category, Impact, Priority, Status};
use crate::domain::validation::{Field, Problem};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The languages the UI speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Zh,
    En,
}

/// Name of the cookie that remembers the chosen language.
pub const LOCALE_COOKIE: &str = "lang";

impl Locale {
    /// Every locale, in switcher order.
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// BCP 47 tag used in `<html lang>` and stored content.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Short code used in cookies, URLs and the database.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Zh => "zh",
            Locale::En => "en",
        }
    }

    /// Parses a code or a language tag such as `zh-Hans-CN` or `en-GB`.
    pub fn parse(s: &str) -> Option<Locale> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(locale) = Locale::parse(tag) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, locale));
                }
            }
        }
        best.map(|(_, l)| l)
    }

    /// The cookie value wins, then the browser's preference, then Chinese (the manuals' readers).
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(Locale::parse)
            .or_else(|| accept_language.and_then(Locale::from_accept_language))
            .unwrap_or_default()
    }

    /// The string table of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::Zh => &zh::STRINGS,
            Locale::En => &en::STRINGS,
        }
    }
}

/// Every UI string, one field a string.
pub struct Strings {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_kb: &'static str,
    pub nav_diagnosis: &'static str,
    pub nav_my_tickets: &'static str,
    pub nav_staff: &'static str,
    pub nav_new_ticket: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub search_title: &'static str,
    pub search_results_for: &'static str,
    pub search_none: &'static str,
    pub search_empty_query: &'static str,
    pub lang_switch_label: &'static str,
    pub lang_name_zh: &'static str,
    pub lang_name_en: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_kb_card: &'static str,
    pub home_kb_card_text: &'static str,
    pub home_diag_card: &'static str,
    pub home_diag_card_text: &'static str,
    pub home_ticket_card: &'static str,
    pub home_ticket_card_text: &'static str,
    pub home_hours: &'static str,
    pub kb_title: &'static str,
    pub kb_intro: &'static str,
    pub kb_articles_count: &'static str,
    pub kb_empty_category: &'static str,
    pub kb_breadcrumb: &'static str,
    pub kb_home: &'static str,
    pub article_updated: &'static str,
    pub article_other_language: &'static str,
    pub article_not_solved: &'static str,
    pub loading: &'static str,
    pub diag_title: &'static str,
    pub diag_intro: &'static str,
    pub staff_title: &'static str,
    pub staff_intro: &'static str,
    pub my_tickets_title: &'static str,
    pub my_tickets_intro: &'static str,
    pub my_tickets_none: &'static str,
    pub ticket_new_title: &'static str,
    pub ticket_new_intro: &'static str,
    pub section_contact: &'static str,
    pub section_problem: &'static str,
    pub section_classification: &'static str,
    pub field_contact_name: &'static str,
    pub field_contact_email: &'static str,
    pub field_contact_phone: &'static str,
    pub field_organisation: &'static str,
    pub field_subject: &'static str,
    pub field_description: &'static str,
    pub field_description_hint: &'static str,
    pub field_started: &'static str,
    pub field_started_hint: &'static str,
    pub field_device: &'static str,
    pub field_device_hint: &'static str,
    pub field_software_version: &'static str,
    pub field_category: &'static str,
    pub field_priority: &'static str,
    pub field_impact: &'static str,
    pub optional: &'static str,
    pub choose: &'static str,
    pub submit_ticket: &'static str,
    pub submitting: &'static str,
    pub errors_summary: &'static str,
    pub error_required: &'static str,
    pub error_too_short: &'static str,
    pub error_too_long: &'static str,
    pub error_email: &'static str,
    pub error_choice: &'static str,
    pub error_generic: &'static str,
    pub ticket_created: &'static str,
    pub ticket_number: &'static str,
    pub ticket_status: &'static str,
    pub ticket_opened: &'static str,
    pub ticket_expect_response: &'static str,
    pub ticket_expect_resolve: &'static str,
    pub ticket_keep_link: &'static str,
    pub ticket_not_found: &'static str,
    pub ticket_details: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub server_error_title: &'static str,
    pub server_error_text: &'static str,
    pub footer_text: &'static str,
    pub category_hardware: &'static str,
    pub category_software: &'static str,
    pub category_network: &'static str,
    pub category_system: &'static str,
    pub category_security: &'static str,
    pub category_consultation: &'static str,
    pub priority_urgent: &'static str,
    pub priority_urgent_hint: &'static str,
    pub priority_important: &'static str,
    pub priority_important_hint: &'static str,
    pub priority_normal: &'static str,
    pub priority_normal_hint: &'static str,
    pub impact_local: &'static str,
    pub impact_local_hint: &'static str,
    pub impact_global: &'static str,
    pub impact_global_hint: &'static str,
    pub status_new: &'static str,
    pub status_acknowledged: &'static str,
    pub status_in_progress: &'static str,
    pub status_waiting: &'static str,
    pub status_resolved: &'static str,
    pub status_closed: &'static str,
    /// Account, staff and audit pages.
    pub account: &'static AccountStrings,
    pub work: &'static WorkStrings,
    pub care: &'static CareStrings,
    pub kb: &'static KbStrings,
    pub editor: &'static EditorStrings,
    pub flows: &'static FlowStrings,
    pub notify: &'static NotifyStrings,
}

impl Strings {
    /// Label of a ticket category.
    pub fn category(&self, c: Category) -> &'static str {
        match c {
            Category::Hardware => self.category_hardware,
            Category::Software => self.category_software,
            Category::Network => self.category_network,
            Category::System => self.category_system,
            Category::Security => self.category_security,
            Category::Consultation => self.category_consultation,
        }
    }

    /// Label and hint of a priority.
    pub fn priority(&self, p: Priority) -> (&'static str, &'static str) {
        match p {
            Priority::Urgent => (self.priority_urgent, self.priority_urgent_hint),
            Priority::Important => (self.priority_important, self.priority_important_hint),
            Priority::Normal => (self.priority_normal, self.priority_normal_hint),
        }
    }

    /// Label and hint of an impact scope.
    pub fn impact(&self, i: Impact) -> (&'static str, &'static str) {
        match i {
            Impact::Local => (self.impact_local, self.impact_local_hint),
            Impact::Global => (self.impact_global, self.impact_global_hint),
        }
    }

    /// Label of a ticket status.
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::New => self.status_new,
            Status::Acknowledged => self.status_acknowledged,
            Status::InProgress => self.status_in_progress,
            Status::WaitingOnCustomer => self.status_waiting,
            Status::Resolved => self.status_resolved,
            Status::Closed => self.status_closed,
        }
    }

    /// Label of a form field.
    pub fn field(&self, f: Field) -> &'static str {
        match f {
            Field::ContactName => self.field_contact_name,
            Field::ContactEmail => self.field_contact_email,
            Field::ContactPhone => self.field_contact_phone,
            Field::Organisation => self.field_organisation,
            Field::Subject => self.field_subject,
            Field::Description => self.field_description,
            Field::Started => self.field_started,
            Field::Device => self.field_device,
            Field::SoftwareVersion => self.field_software_version,
            Field::Category => self.field_category,
            Field::Priority => self.field_priority,
            Field::Impact => self.field_impact,
        }
    }

    /// A sentence saying what is wrong with a field.
    pub fn problem(&self, p: Problem) -> String {
        match p {
            Problem::Required => self.error_required.to_string(),
            Problem::TooShort { min } => self.error_too_short.replace("{n}", &min.to_string()),
            Problem::TooLong { max } => self.error_too_long.replace("{n}", &max.to_string()),
            Problem::InvalidEmail => self.error_email.to_string(),
            Problem::InvalidChoice => self.error_choice.to_string(),
        }
    }
}

/// The reactive current language, provided at the root.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

/// Provides the language context, starting from `initial`.
pub fn provide_i18n(initial: Locale) -> I18n {
    let i18n = I18n(RwSignal::new(initial));
    provide_context(i18n);
    i18n
}

/// The language context.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(Locale::default())))
}

impl I18n {
    /// The current locale, tracked.
    pub fn locale(self) -> Locale {
        self.0.get()
    }

    /// A reactive string from the current table.
    pub fn t(
        self,
        pick: fn(&Strings) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync {
        move || pick(self.0.get().strings())
    }
}

/// Formats a UTC time for display; `Asia/Shanghai` is the manuals' clock, so Chinese shows UTC+8.
pub fn format_time(t: chrono::DateTime<chrono::Utc>, locale: Locale) -> String {
    match locale {
        Locale::Zh => {
            let offset = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M (UTC+8)")
                .to_string()
        }
        Locale::En => t.format("%d %b %Y, %H:%M UTC").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_highest_supported_quality() {
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9,zh;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("fr;q=1, zh-Hans-CN;q=0.7, en;q=0.5"),
            Some(Locale::Zh)
        );
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(Locale::from_accept_language("en;q=0"), None);
    }

    #[test]
    fn the_cookie_beats_the_browser_and_chinese_is_the_fallback() {
        assert_eq!(Locale::negotiate(Some("en"), Some("zh-CN")), Locale::En);
        assert_eq!(Locale::negotiate(Some("xx"), Some("en-US")), Locale::En);
        assert_eq!(Locale::negotiate(None, None), Locale::Zh);
    }

    #[test]
    fn messages_fill_in_their_numbers() {
        let s = Locale::En.strings();
        assert_eq!(
            s.problem(Problem::TooLong { max: 200 }),
            "Please keep this under 200 characters."
        );
        assert!(Locale::Zh
            .strings()
            .problem(Problem::TooShort { min: 10 })
            .contains("10"));
    }
}
