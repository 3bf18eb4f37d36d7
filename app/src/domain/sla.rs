//! Service-level targets (PRODUCT.md step 3): the manuals' defaults, due times on the service
//! calendar, the pause while waiting on the customer, and the warning and breach states.

use super::calendar::Calendar;
use super::ticket::{Impact, Priority};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Response and resolution targets of one class of ticket, in minutes of service time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    pub respond_minutes: i64,
    pub resolve_minutes: i64,
}

impl Targets {
    /// Time allowed for the first response.
    pub fn respond(&self) -> Duration {
        Duration::minutes(self.respond_minutes)
    }
    /// Time allowed for the resolution.
    pub fn resolve(&self) -> Duration {
        Duration::minutes(self.resolve_minutes)
    }
}

/// The targets in force, per priority plus the major-incident (global fault) case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub urgent: Targets,
    pub important: Targets,
    pub normal: Targets,
    pub global: Targets,
}

impl Default for SlaPolicy {
    /// The defaults of 000 §5.3 / 002 §4.1 and 001 §7.3 for global faults.
    fn default() -> Self {
        let t = |respond_min: i64, resolve_h: i64| Targets {
            respond_minutes: respond_min,
            resolve_minutes: resolve_h * 60,
        };
        Self {
            urgent: t(120, 8),
            important: t(240, 24),
            normal: t(480, 48),
            global: t(30, 12),
        }
    }
}

/// When a ticket must first be answered and when it must be resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueTimes {
    pub first_response: DateTime<Utc>,
    pub resolve: DateTime<Utc>,
}

impl SlaPolicy {
    /// The targets for a ticket; a global fault takes the stricter of its own and its priority's.
    pub fn targets(&self, priority: Priority, impact: Impact) -> Targets {
        let by_priority = match priority {
            Priority::Urgent => self.urgent,
            Priority::Important => self.important,
            Priority::Normal => self.normal,
        };
        match impact {
            Impact::Local => by_priority,
            Impact::Global => Targets {
                respond_minutes: by_priority.respond_minutes.min(self.global.respond_minutes),
                resolve_minutes: by_priority.resolve_minutes.min(self.global.resolve_minutes),
            },
        }
    }

    /// Due times for a ticket opened at `opened`, counted in service time on `calendar`.
    pub fn due(
        &self,
        priority: Priority,
        impact: Impact,
        opened: DateTime<Utc>,
        calendar: &Calendar,
    ) -> DueTimes {
        let t = self.targets(priority, impact);
        DueTimes {
            first_response: calendar.add(opened, t.respond()),
            resolve: calendar.add(opened, t.resolve()),
        }
    }
}

/// The resolve-due time after a pause from `paused_at` to `resumed_at`: the service time that
/// was left at the pause is left again at the resume. A clock already breached stays breached.
pub fn resume_due(
    due: DateTime<Utc>,
    paused_at: DateTime<Utc>,
    resumed_at: DateTime<Utc>,
    calendar: &Calendar,
) -> DateTime<Utc> {
    if paused_at >= due {
        return due;
    }
    calendar.add(resumed_at, calendar.between(paused_at, due))
}

/// Where one SLA clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Running with more than a quarter of its time left.
    Running,
    /// Three quarters of the time are gone (the warning of PRODUCT.md step 3).
    Warning,
    /// Past due and not met.
    Breached,
    /// Stopped while the ticket waits on the customer.
    Paused,
    /// Met in time.
    Met,
    /// Met, but late.
    MetLate,
}

/// One clock as pages show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub state: ClockState,
    pub due: DateTime<Utc>,
    /// Service time left (negative once breached), in whole minutes.
    pub minutes_left: i64,
}

/// Share of the target that triggers the warning.
const WARN_AT: f64 = 0.75;

/// The state of a clock with `target` service time due at `due`; `done` is when it was met,
/// `paused` whether it stands still now.
pub fn clock(
    target: Duration,
    due: DateTime<Utc>,
    done: Option<DateTime<Utc>>,
    paused: bool,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Clock {
    let left = if now <= due {
        calendar.between(now, due)
    } else {
        -calendar.between(due, now)
    };
    let state = match done {
        Some(at) if at <= due => ClockState::Met,
        Some(_) => ClockState::MetLate,
        None if now > due => ClockState::Breached,
        None if paused => ClockState::Paused,
        None => {
            let total = target.num_seconds().max(1) as f64;
            let gone = 1.0 - left.num_seconds() as f64 / total;
            if gone >= WARN_AT {
                ClockState::Warning
            } else {
                ClockState::Running
            }
        }
    };
    Clock {
        state,
        due,
        minutes_left: left.num_minutes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::BusinessHours;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, h, m, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn defaults_follow_the_manuals() {
        let p = SlaPolicy::default();
        let d = p.due(Priority::Urgent, Impact::Local, at(9, 0), &Calendar::Always);
        assert_eq!(d.first_response, at(11, 0));
        assert_eq!(d.resolve, at(17, 0));
        let d = p.due(Priority::Normal, Impact::Local, at(9, 0), &Calendar::Always);
        assert_eq!(d.first_response, at(17, 0));
        assert_eq!(d.resolve, at(9, 0) + Duration::hours(48));
    }

    #[test]
    fn a_global_fault_is_answered_in_thirty_minutes_whatever_its_priority() {
        let p = SlaPolicy::default();
        let d = p.due(
            Priority::Normal,
            Impact::Global,
            at(23, 45),
            &Calendar::Always,
        );
        assert_eq!(d.first_response, at(23, 45) + Duration::minutes(30));
        assert_eq!(d.resolve, at(23, 45) + Duration::hours(12));
        // An urgent global fault keeps the stricter urgent resolve target (8 h < 12 h).
        let d = p.due(
            Priority::Urgent,
            Impact::Global,
            at(8, 0),
            &Calendar::Always,
        );
        assert_eq!(d.resolve, at(16, 0));
    }

    #[test]
    fn business_hours_push_due_times_past_the_night() {
        // 2026-11-30 is a Monday; 17:00 China time is 09:00 UTC.
        let cal = Calendar::Business(BusinessHours::office());
        let d = SlaPolicy::default().due(
            Priority::Urgent,
            Impact::Local,
            at(9, 0) + Duration::days(1),
            &cal,
        );
        // 1 h left on Monday, the other hour on Tuesday from 09:00 China time (01:00 UTC).
        assert_eq!(d.first_response, at(2, 0) + Duration::days(2));
    }

    #[test]
    fn a_pause_keeps_the_time_that_was_left() {
        let due = at(17, 0);
        // Paused at 12:00 with 5 h left, resumed at 15:00: due 20:00.
        assert_eq!(
            resume_due(due, at(12, 0), at(15, 0), &Calendar::Always),
            at(20, 0)
        );
        // Paused after the breach: the breach stands.
        assert_eq!(
            resume_due(due, at(18, 0), at(19, 0), &Calendar::Always),
            due
        );
    }

    #[test]
    fn a_pause_over_a_weekend_costs_nothing_on_business_hours() {
        let cal = Calendar::Business(BusinessHours::office());
        // Friday 2026-11-27 16:00 China (08:00 UTC) paused with 3 working hours left.
        let paused = at(8, 0) - Duration::days(2);
        let due = cal.add(paused, Duration::hours(3));
        // Resumed on Monday 09:00 China (01:00 UTC): 3 h left, due at 12:00 China.
        let resumed = at(1, 0) + Duration::days(1);
        assert_eq!(
            resume_due(due, paused, resumed, &cal),
            at(4, 0) + Duration::days(1)
        );
    }

    #[test]
    fn clocks_warn_at_three_quarters_and_flag_breaches() {
        let cal = Calendar::Always;
        let target = Duration::hours(8);
        let due = at(17, 0);
        let c = |now, done, paused| clock(target, due, done, paused, now, &cal).state;
        assert_eq!(c(at(10, 0), None, false), ClockState::Running);
        assert_eq!(c(at(15, 0), None, false), ClockState::Warning);
        assert_eq!(c(at(15, 0), None, true), ClockState::Paused);
        assert_eq!(c(at(17, 1), None, false), ClockState::Breached);
        assert_eq!(c(at(18, 0), Some(at(16, 0)), false), ClockState::Met);
        assert_eq!(c(at(18, 0), Some(at(17, 30)), false), ClockState::MetLate);
        assert_eq!(
            clock(target, due, None, false, at(18, 0), &cal).minutes_left,
            -60
        );
    }
}
