//! Session lifetimes: an idle timeout and an absolute one.

use chrono::{DateTime, Duration, Utc};

/// How long a session lives.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    /// Ends a session nobody has used for this long.
    pub idle: Duration,
    /// Ends every session this long after login, however active.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: Duration::hours(8),
            absolute: Duration::days(7),
        }
    }
}

impl SessionPolicy {
    /// True while a session created at `created` and last used at `last_seen` is still valid.
    pub fn is_live(
        &self,
        created: DateTime<Utc>,
        last_seen: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < created + self.absolute && now < last_seen + self.idle
    }

    /// Whether to record `now` as the last use; once a minute is enough and saves writes.
    pub fn should_touch(&self, last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen >= Duration::minutes(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn sessions_end_when_idle_or_too_old() {
        let p = SessionPolicy::default();
        let t0 = Utc
            .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
            .single()
            .expect("time");
        assert!(p.is_live(t0, t0, t0 + Duration::hours(7)));
        assert!(!p.is_live(t0, t0, t0 + Duration::hours(8)));
        let busy = t0 + Duration::days(7) - Duration::minutes(5);
        assert!(p.is_live(t0, busy, busy + Duration::minutes(4)));
        assert!(!p.is_live(t0, busy, t0 + Duration::days(7)));
        assert!(!p.should_touch(t0, t0 + Duration::seconds(30)));
        assert!(p.should_touch(t0, t0 + Duration::seconds(61)));
    }
}
