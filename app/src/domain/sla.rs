//! Service-level targets (PRODUCT.md step 3): the manuals' defaults and due-time computation.
//! 7×24 service for now; business hours and pauses arrive with the tickets issue.

use super::ticket::{Impact, Priority};
use chrono::{DateTime, Duration, Utc};

/// Response and resolution targets of one class of ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Targets {
    pub respond: Duration,
    pub resolve: Duration,
}

/// The targets in force, per priority plus the major-incident (global fault) case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
            respond: Duration::minutes(respond_min),
            resolve: Duration::hours(resolve_h),
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
                respond: by_priority.respond.min(self.global.respond),
                resolve: by_priority.resolve.min(self.global.resolve),
            },
        }
    }

    /// Due times for a ticket opened at `opened`, on a 7×24 calendar.
    pub fn due(&self, priority: Priority, impact: Impact, opened: DateTime<Utc>) -> DueTimes {
        let t = self.targets(priority, impact);
        DueTimes {
            first_response: opened + t.respond,
            resolve: opened + t.resolve,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, h, m, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn defaults_follow_the_manuals() {
        let p = SlaPolicy::default();
        let d = p.due(Priority::Urgent, Impact::Local, at(9, 0));
        assert_eq!(d.first_response, at(11, 0));
        assert_eq!(d.resolve, at(17, 0));
        let d = p.due(Priority::Normal, Impact::Local, at(9, 0));
        assert_eq!(d.first_response, at(17, 0));
        assert_eq!(d.resolve, at(9, 0) + Duration::hours(48));
    }

    #[test]
    fn a_global_fault_is_answered_in_thirty_minutes_whatever_its_priority() {
        let p = SlaPolicy::default();
        let d = p.due(Priority::Normal, Impact::Global, at(23, 45));
        assert_eq!(d.first_response, at(23, 45) + Duration::minutes(30));
        assert_eq!(d.resolve, at(23, 45) + Duration::hours(12));
        // An urgent global fault keeps the stricter urgent resolve target (8 h < 12 h).
        let d = p.due(Priority::Urgent, Impact::Global, at(8, 0));
        assert_eq!(d.resolve, at(16, 0));
    }
}
