//! Major incidents: a known problem announced on every page, with tickets linked to it.

use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const MAX_TITLE: usize = 120;
/// Longest list of affected services, in characters.
pub const MAX_SERVICES: usize = 300;

/// An incident as the banner and the staff page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub id: i64,
    pub title_zh: String,
    pub title_en: String,
    pub services_zh: String,
    pub services_en: String,
    pub declared_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Numbers of the tickets linked to it.
    pub tickets: Vec<String>,
}

impl Incident {
    /// The title in `locale`.
    pub fn title(&self, locale: Locale) -> &str {
        match locale {
            Locale::Zh => &self.title_zh,
            Locale::En => &self.title_en,
        }
    }

    /// The affected services in `locale`.
    pub fn services(&self, locale: Locale) -> &str {
        match locale {
            Locale::Zh => &self.services_zh,
            Locale::En => &self.services_en,
        }
    }
}

/// What staff typed to declare an incident.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentForm {
    pub title_zh: String,
    pub title_en: String,
    pub services_zh: String,
    pub services_en: String,
}

/// Why a declaration was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IncidentProblem {
    MissingTitle,
    TitleTooLong,
    MissingServices,
    ServicesTooLong,
}

impl IncidentForm {
    /// The form trimmed, or the first problem; both languages are required.
    pub fn check(&self) -> Result<IncidentForm, IncidentProblem> {
        let t = |s: &str| s.trim().to_string();
        let f = IncidentForm {
            title_zh: t(&self.title_zh),
            title_en: t(&self.title_en),
            services_zh: t(&self.services_zh),
            services_en: t(&self.services_en),
        };
        if f.title_zh.is_empty() || f.title_en.is_empty() {
            return Err(IncidentProblem::MissingTitle);
        }
        if f.title_zh.chars().count() > MAX_TITLE || f.title_en.chars().count() > MAX_TITLE {
            return Err(IncidentProblem::TitleTooLong);
        }
        if f.services_zh.is_empty() || f.services_en.is_empty() {
            return Err(IncidentProblem::MissingServices);
        }
        if f.services_zh.chars().count() > MAX_SERVICES
            || f.services_en.chars().count() > MAX_SERVICES
        {
            return Err(IncidentProblem::ServicesTooLong);
        }
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_required_and_trimmed() {
        let mut f = IncidentForm {
            title_zh: " 邮件服务中断 ".into(),
            title_en: "Mail is down".into(),
            services_zh: "邮件".into(),
            services_en: "".into(),
        };
        assert_eq!(f.check(), Err(IncidentProblem::MissingServices));
        f.services_en = "Mail".into();
        assert_eq!(f.check().map(|c| c.title_zh), Ok("邮件服务中断".into()));
        f.title_en = "x".repeat(MAX_TITLE + 1);
        assert_eq!(f.check(), Err(IncidentProblem::TitleTooLong));
    }
}
