//! The service calendar SLA clocks run on: 7×24 by default (000 §2.3), or business hours with
//! public holidays and make-up working days (调休, when a weekend day is worked instead).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Opening hours of one day, in minutes after local midnight (`start < end <= 1440`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    pub start: u32,
    pub end: u32,
}

/// When the clock runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Calendar {
    /// Around the clock, every day.
    #[default]
    Always,
    /// Only within opening hours.
    Business(BusinessHours),
}

/// Opening hours per weekday plus the exceptions of the year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessHours {
    /// Local time's offset from UTC in minutes (China: 480).
    pub utc_offset_minutes: i32,
    /// Monday first; `None` is a day off.
    pub week: [Option<Hours>; 7],
    /// Public holidays: closed whatever the weekday.
    pub holidays: BTreeSet<NaiveDate>,
    /// Make-up working days: open with the first working weekday's hours.
    pub workdays: BTreeSet<NaiveDate>,
}

impl BusinessHours {
    /// Monday to Friday, 09:00–18:00 China time, no exceptions.
    pub fn office() -> Self {
        let day = Some(Hours {
            start: 9 * 60,
            end: 18 * 60,
        });
        Self {
            utc_offset_minutes: 480,
            week: [day, day, day, day, day, None, None],
            holidays: BTreeSet::new(),
            workdays: BTreeSet::new(),
        }
    }

    /// The opening hours of one local date.
    fn hours_on(&self, date: NaiveDate) -> Option<Hours> {
        if self.holidays.contains(&date) {
            return None;
        }
        if self.workdays.contains(&date) {
            return self.week.iter().flatten().next().copied();
        }
        self.week[date.weekday().num_days_from_monday() as usize]
    }

    /// UTC bounds of `date`'s opening hours.
    fn window(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let h = self.hours_on(date)?;
        let midnight = Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0)?)
            - Duration::minutes(i64::from(self.utc_offset_minutes));
        Some((
            midnight + Duration::minutes(i64::from(h.start)),
            midnight + Duration::minutes(i64::from(h.end)),
        ))
    }

    fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        (t + Duration::minutes(i64::from(self.utc_offset_minutes))).date_naive()
    }

    /// Whether any day can ever be open; a calendar without one falls back to 7×24.
    fn ever_open(&self) -> bool {
        self.week.iter().any(Option::is_some) || !self.workdays.is_empty()
    }
}

/// Days searched for opening hours before giving up (a year of holidays cannot exceed this).
const MAX_DAYS: i64 = 800;

impl Calendar {
    /// The moment `work` of service time after `start`.
    pub fn add(&self, start: DateTime<Utc>, work: Duration) -> DateTime<Utc> {
        let b = match self {
            Calendar::Business(b) if b.ever_open() => b,
            _ => return start + work,
        };
        let mut left = work.max(Duration::zero());
        let mut date = b.local_date(start);
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = b.window(date) {
                let from = open.max(start);
                if from < close {
                    if from + left <= close {
                        return from + left;
                    }
                    left -= close - from;
                }
            }
            date = date.succ_opt().unwrap_or(date);
        }
        start + work
    }

    /// Service time between `from` and `to` (zero when `to` is earlier).
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        if to <= from {
            return Duration::zero();
        }
        let b = match self {
            Calendar::Business(b) if b.ever_open() => b,
            _ => return to - from,
        };
        let mut total = Duration::zero();
        let mut date = b.local_date(from);
        let last = b.local_date(to);
        while date <= last {
            if let Some((open, close)) = b.window(date) {
                let (s, e) = (open.max(from), close.min(to));
                if s < e {
                    total += e - s;
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A China-time wall clock reading as UTC.
    fn cn(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .expect("valid time")
            - Duration::hours(8)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn always_is_plain_arithmetic() {
        let c = Calendar::Always;
        let t = cn(2026, 11, 28, 23, 0);
        assert_eq!(c.add(t, Duration::hours(2)), t + Duration::hours(2));
        assert_eq!(c.between(t, t + Duration::hours(5)), Duration::hours(5));
    }

    #[test]
    fn business_hours_skip_nights_and_weekends() {
        let c = Calendar::Business(BusinessHours::office());
        // Friday 17:00 + 2 working hours = Monday 10:00 (2026-11-27 is a Friday).
        assert_eq!(
            c.add(cn(2026, 11, 27, 17, 0), Duration::hours(2)),
            cn(2026, 11, 30, 10, 0)
        );
        // Opened on Saturday night: the clock starts Monday 09:00.
        assert_eq!(
            c.add(cn(2026, 11, 28, 22, 0), Duration::hours(8)),
            cn(2026, 11, 30, 17, 0)
        );
        // Exactly 9 hours fill one day and end at closing time.
        assert_eq!(
            c.add(cn(2026, 11, 30, 9, 0), Duration::hours(9)),
            cn(2026, 11, 30, 18, 0)
        );
        assert_eq!(
            c.between(cn(2026, 11, 27, 17, 0), cn(2026, 11, 30, 10, 0)),
            Duration::hours(2)
        );
    }

    #[test]
    fn holidays_close_and_make_up_days_open() {
        let mut b = BusinessHours::office();
        // National Day week: Thursday 1 Oct 2026 off; Saturday 10 Oct worked instead.
        b.holidays.insert(date(2026, 10, 1));
        b.workdays.insert(date(2026, 10, 10));
        let c = Calendar::Business(b);
        // Wednesday 17:00 + 2 h skips the Thursday holiday: Friday 10:00.
        assert_eq!(
            c.add(cn(2026, 9, 30, 17, 0), Duration::hours(2)),
            cn(2026, 10, 2, 10, 0)
        );
        // Friday 9 Oct 17:00 + 2 h lands on the make-up Saturday.
        assert_eq!(
            c.add(cn(2026, 10, 9, 17, 0), Duration::hours(2)),
            cn(2026, 10, 10, 10, 0)
        );
        assert_eq!(
            c.between(cn(2026, 10, 10, 0, 0), cn(2026, 10, 11, 23, 0)),
            Duration::hours(9)
        );
    }

    #[test]
    fn a_calendar_with_no_open_day_falls_back_to_always() {
        let mut b = BusinessHours::office();
        b.week = [None; 7];
        let c = Calendar::Business(b);
        let t = cn(2026, 11, 30, 9, 0);
        assert_eq!(c.add(t, Duration::hours(3)), t + Duration::hours(3));
    }

    #[test]
    fn add_and_between_agree() {
        let c = Calendar::Business(BusinessHours::office());
        let start = cn(2026, 11, 26, 15, 17);
        for hours in [1, 5, 9, 13, 40, 100] {
            let end = c.add(start, Duration::hours(hours));
            assert_eq!(c.between(start, end), Duration::hours(hours), "{hours} h");
        }
    }
}
