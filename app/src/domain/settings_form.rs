//! The admins' service-settings form: every field as typed, parsed into [`ServiceSettings`].

use super::calendar::{BusinessHours, Calendar, Hours};
use super::sla::{SlaPolicy, Targets};
use super::work::{LifecycleDays, ServiceSettings};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What the form posts; targets in minutes, dates one per line as `YYYY-MM-DD`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub urgent_respond: String,
    pub urgent_resolve: String,
    pub important_respond: String,
    pub important_resolve: String,
    pub normal_respond: String,
    pub normal_resolve: String,
    pub global_respond: String,
    pub global_resolve: String,
    /// `always` (7×24) or `business`.
    pub mode: String,
    /// Opening hours as `HH:MM-HH:MM`.
    pub hours: String,
    /// Open weekdays, `1` (Monday) to `7`, as checkbox values.
    pub mon: Option<String>,
    pub tue: Option<String>,
    pub wed: Option<String>,
    pub thu: Option<String>,
    pub fri: Option<String>,
    pub sat: Option<String>,
    pub sun: Option<String>,
    /// Local time's offset from UTC, `+08:00`.
    pub utc_offset: String,
    pub holidays: String,
    pub workdays: String,
    pub reopen_days: String,
    pub quiet_days: String,
}

/// Which field is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingsProblem {
    /// A target is not a whole number of minutes between 1 and a year.
    Minutes,
    /// The opening hours are not `HH:MM-HH:MM` with the start first.
    Hours,
    /// Business hours with no open weekday.
    NoWeekday,
    /// The offset is not `±HH:MM` within ±14 h.
    Offset,
    /// A holiday or working day is not a date.
    Date,
    /// A window in days is not a whole number between 0 and 365.
    Days,
}

const YEAR_MINUTES: i64 = 366 * 24 * 60;

impl SettingsForm {
    /// The form filled in from stored settings.
    pub fn from_settings(s: &ServiceSettings) -> Self {
        let t = |x: Targets| (x.respond_minutes.to_string(), x.resolve_minutes.to_string());
        let (urgent_respond, urgent_resolve) = t(s.sla.urgent);
        let (important_respond, important_resolve) = t(s.sla.important);
        let (normal_respond, normal_resolve) = t(s.sla.normal);
        let (global_respond, global_resolve) = t(s.sla.global);
        let b = match &s.calendar {
            Calendar::Business(b) => b.clone(),
            Calendar::Always => BusinessHours::office(),
        };
        let hours = b.week.iter().flatten().next().copied().unwrap_or(Hours {
            start: 540,
            end: 1080,
        });
        let on = |i: usize| b.week[i].map(|_| "on".to_string());
        let dates = |d: &BTreeSet<NaiveDate>| {
            d.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let off = b.utc_offset_minutes;
        Self {
            urgent_respond,
            urgent_resolve,
            important_respond,
            important_resolve,
            normal_respond,
            normal_resolve,
            global_respond,
            global_resolve,
            mode: match s.calendar {
                Calendar::Always => "always".into(),
                Calendar::Business(_) => "business".into(),
            },
            hours: format!(
                "{:02}:{:02}-{:02}:{:02}",
                hours.start / 60,
                hours.start % 60,
                hours.end / 60,
                hours.end % 60
            ),
            mon: on(0),
            tue: on(1),
            wed: on(2),
            thu: on(3),
            fri: on(4),
            sat: on(5),
            sun: on(6),
            utc_offset: format!(
                "{}{:02}:{:02}",
                if off < 0 { '-' } else { '+' },
                off.abs() / 60,
                off.abs() % 60
            ),
            holidays: dates(&b.holidays),
            workdays: dates(&b.workdays),
            reopen_days: s.lifecycle.reopen_window_days.to_string(),
            quiet_days: s.lifecycle.quiet_period_days.to_string(),
        }
    }

    /// Parses the form; the first wrong field is named.
    pub fn parse(&self) -> Result<ServiceSettings, (&'static str, SettingsProblem)> {
        let minutes = |field: &'static str, v: &str| match v.trim().parse::<i64>() {
            Ok(m) if (1..=YEAR_MINUTES).contains(&m) => Ok(m),
            _ => Err((field, SettingsProblem::Minutes)),
        };
        let targets = |rf: &'static str, r: &str, sf: &'static str, s: &str| {
            Ok::<_, (&'static str, SettingsProblem)>(Targets {
                respond_minutes: minutes(rf, r)?,
                resolve_minutes: minutes(sf, s)?,
            })
        };
        let sla = SlaPolicy {
            urgent: targets(
                "urgent_respond",
                &self.urgent_respond,
                "urgent_resolve",
                &self.urgent_resolve,
            )?,
            important: targets(
                "important_respond",
                &self.important_respond,
                "important_resolve",
                &self.important_resolve,
            )?,
            normal: targets(
                "normal_respond",
                &self.normal_respond,
                "normal_resolve",
                &self.normal_resolve,
            )?,
            global: targets(
                "global_respond",
                &self.global_respond,
                "global_resolve",
                &self.global_resolve,
            )?,
        };
        // The calendar fields are checked even for 7×24 (bar the weekdays), so a typo never
        // passes unnoticed.
        let calendar = match (self.business_hours(), self.mode == "business") {
            (Ok(b), true) => Calendar::Business(b),
            (Ok(_) | Err((_, SettingsProblem::NoWeekday)), false) => Calendar::Always,
            (Err(e), _) => return Err(e),
        };
        let days = |field: &'static str, v: &str| match v.trim().parse::<i64>() {
            Ok(d) if (0..=365).contains(&d) => Ok(d),
            _ => Err((field, SettingsProblem::Days)),
        };
        Ok(ServiceSettings {
            sla,
            calendar,
            lifecycle: LifecycleDays {
                reopen_window_days: days("reopen_days", &self.reopen_days)?,
                quiet_period_days: days("quiet_days", &self.quiet_days)?,
            },
        })
    }

    fn business_hours(&self) -> Result<BusinessHours, (&'static str, SettingsProblem)> {
        let hours = parse_hours(&self.hours).ok_or(("hours", SettingsProblem::Hours))?;
        let open = [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ];
        let week = open.map(|d| d.is_some().then_some(hours));
        if week.iter().all(Option::is_none) {
            return Err(("mon", SettingsProblem::NoWeekday));
        }
        Ok(BusinessHours {
            utc_offset_minutes: parse_offset(&self.utc_offset)
                .ok_or(("utc_offset", SettingsProblem::Offset))?,
            week,
            holidays: parse_dates(&self.holidays).ok_or(("holidays", SettingsProblem::Date))?,
            workdays: parse_dates(&self.workdays).ok_or(("workdays", SettingsProblem::Date))?,
        })
    }
}

/// `09:00-18:00` (also with `–` or `~`) as minutes after midnight.
fn parse_hours(text: &str) -> Option<Hours> {
    let normalised = text.replace(['–', '~', '～', '—'], "-");
    let (a, b) = normalised.split_once('-')?;
    let clock = |t: &str| {
        let (h, m) = t.trim().split_once(':')?;
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (m < 60 && h * 60 + m <= 1440).then_some(h * 60 + m)
    };
    let (start, end) = (clock(a)?, clock(b)?);
    (start < end).then_some(Hours { start, end })
}

/// `+08:00`, `-05:30` or `8` as minutes.
fn parse_offset(text: &str) -> Option<i32> {
    let t = text.trim();
    let (sign, rest) = match t.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m) = (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Dates separated by lines, commas or spaces.
fn parse_dates(text: &str) -> Option<BTreeSet<NaiveDate>> {
    text.split(|c: char| c == ',' || c == '，' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_survive_a_round_trip_through_the_form() {
        let mut s = ServiceSettings::default();
        assert_eq!(SettingsForm::from_settings(&s).parse(), Ok(s.clone()));
        let mut b = BusinessHours::office();
        b.holidays
            .insert(NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"));
        b.workdays
            .insert(NaiveDate::from_ymd_opt(2026, 10, 10).expect("date"));
        s.calendar = Calendar::Business(b);
        assert_eq!(SettingsForm::from_settings(&s).parse(), Ok(s));
    }

    #[test]
    fn wrong_fields_are_named() {
        let good = SettingsForm::from_settings(&ServiceSettings::default());
        let bad = |f: fn(&mut SettingsForm)| {
            let mut form = good.clone();
            form.mode = "business".into();
            f(&mut form);
            form.parse().err()
        };
        assert_eq!(
            bad(|f| f.urgent_respond = "两小时".into()),
            Some(("urgent_respond", SettingsProblem::Minutes))
        );
        assert_eq!(
            bad(|f| f.normal_resolve = "0".into()),
            Some(("normal_resolve", SettingsProblem::Minutes))
        );
        assert_eq!(
            bad(|f| f.hours = "18:00-09:00".into()),
            Some(("hours", SettingsProblem::Hours))
        );
        assert_eq!(
            bad(|f| f.utc_offset = "+25:00".into()),
            Some(("utc_offset", SettingsProblem::Offset))
        );
        assert_eq!(
            bad(|f| f.holidays = "2026-02-30".into()),
            Some(("holidays", SettingsProblem::Date))
        );
        assert_eq!(
            bad(|f| f.quiet_days = "-1".into()),
            Some(("quiet_days", SettingsProblem::Days))
        );
        assert_eq!(
            bad(|f| {
                f.mon = None;
                f.tue = None;
                f.wed = None;
                f.thu = None;
                f.fri = None;
            }),
            Some(("mon", SettingsProblem::NoWeekday))
        );
    }

    #[test]
    fn lenient_spellings_are_accepted() {
        assert_eq!(
            parse_hours("8:30～17:30"),
            Some(Hours {
                start: 510,
                end: 1050
            })
        );
        assert_eq!(parse_offset("-05:30"), Some(-330));
        assert_eq!(parse_offset("8"), Some(480));
        assert_eq!(
            parse_dates("2026-10-01，2026-10-02\n2026-10-03").map(|d| d.len()),
            Some(3)
        );
    }
}
