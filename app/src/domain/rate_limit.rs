//! Rate limits and progressive back-off, kept in memory; plain Rust, time passed in.

use std::collections::{HashMap, VecDeque};

/// At most `max` attempts in any `window_secs` seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window_secs: i64,
}

/// The limits of the guarded operations, per client address and per account.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub login_per_ip: Limit,
    pub register_per_ip: Limit,
    pub reset_per_ip: Limit,
    pub reset_per_account: Limit,
    pub ticket_per_ip: Limit,
    pub ticket_per_account: Limit,
    pub upload_per_ip: Limit,
    /// Diagnosis runs started from one address (an office shares one).
    pub flow_runs_per_ip: Limit,
    /// Failed logins for one account allowed before its back-off starts.
    pub free_failures: u32,
    /// Failed logins from one address allowed before its back-off starts (an office behind
    /// one address makes more honest typos than one person).
    pub free_failures_ip: u32,
}

impl Limits {
    /// Sensible defaults, with every allowance multiplied by `factor` (tests and load drills).
    pub fn scaled(factor: u32) -> Limits {
        let f = factor.max(1);
        let l = |max: u32, window_secs: i64| Limit {
            max: max.saturating_mul(f),
            window_secs,
        };
        Limits {
            login_per_ip: l(30, 300),
            register_per_ip: l(5, 3600),
            reset_per_ip: l(5, 3600),
            reset_per_account: l(3, 3600),
            ticket_per_ip: l(10, 3600),
            ticket_per_account: l(20, 3600),
            upload_per_ip: l(60, 3600),
            flow_runs_per_ip: l(300, 3600),
            free_failures: 3u32.saturating_mul(f),
            free_failures_ip: 10u32.saturating_mul(f),
        }
    }
}

/// Longest back-off after repeated failures, in seconds.
pub const MAX_BACKOFF_SECS: i64 = 15 * 60;

/// Refused: try again after this many seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryAfter(pub i64);

#[derive(Clone, Copy, Debug)]
struct Failures {
    count: u32,
    last_ms: i64,
}

/// Sliding-window counters and failure streaks, keyed by strings such as `login:ip:10.0.0.1`.
#[derive(Debug, Default)]
pub struct RateLimiter {
    hits: HashMap<String, VecDeque<i64>>,
    failures: HashMap<String, Failures>,
}

impl RateLimiter {
    /// Counts an attempt under `key`, or refuses it when the window is full.
    pub fn hit(&mut self, key: &str, limit: Limit, now_ms: i64) -> Result<(), RetryAfter> {
        self.prune(now_ms);
        let window_ms = limit.window_secs * 1000;
        let times = self.hits.entry(key.to_string()).or_default();
        while times.front().is_some_and(|&t| t <= now_ms - window_ms) {
            times.pop_front();
        }
        if times.len() >= limit.max as usize {
            let oldest = times.front().copied().unwrap_or(now_ms);
            return Err(RetryAfter(seconds_until(oldest + window_ms, now_ms)));
        }
        times.push_back(now_ms);
        Ok(())
    }

    /// Refuses while a streak of failures under `key` is still being waited out.
    pub fn backoff(&self, key: &str, free: u32, now_ms: i64) -> Result<(), RetryAfter> {
        match self.failures.get(key) {
            Some(f) if f.count >= free => {
                let wait = backoff_secs(f.count - free);
                let until = f.last_ms + wait * 1000;
                if now_ms < until {
                    Err(RetryAfter(seconds_until(until, now_ms)))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    /// Records a failure under `key` (a wrong password).
    pub fn fail(&mut self, key: &str, now_ms: i64) {
        let f = self.failures.entry(key.to_string()).or_insert(Failures {
            count: 0,
            last_ms: now_ms,
        });
        f.count = f.count.saturating_add(1);
        f.last_ms = now_ms;
    }

    /// Forgets the failures under `key` (after a successful login).
    pub fn succeed(&mut self, key: &str) {
        self.failures.remove(key);
    }

    /// Drops stale entries once the maps grow, so memory stays bounded under attack.
    fn prune(&mut self, now_ms: i64) {
        if self.hits.len() + self.failures.len() < 10_000 {
            return;
        }
        let day = 86_400_000;
        self.hits
            .retain(|_, t| t.back().is_some_and(|&last| last > now_ms - day));
        self.failures.retain(|_, f| f.last_ms > now_ms - day);
    }
}

/// 1, 2, 4, 8 … seconds after the free failures, capped.
fn backoff_secs(extra_failures: u32) -> i64 {
    2i64.saturating_pow(extra_failures.min(20))
        .min(MAX_BACKOFF_SECS)
}

fn seconds_until(until_ms: i64, now_ms: i64) -> i64 {
    ((until_ms - now_ms + 999) / 1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Limit = Limit {
        max: 2,
        window_secs: 60,
    };

    #[test]
    fn a_full_window_refuses_until_the_oldest_hit_ages_out() {
        let mut r = RateLimiter::default();
        assert!(r.hit("k", L, 0).is_ok());
        assert!(r.hit("k", L, 10_000).is_ok());
        assert_eq!(r.hit("k", L, 20_000), Err(RetryAfter(40)));
        assert!(r.hit("other", L, 20_000).is_ok());
        assert!(r.hit("k", L, 60_001).is_ok());
    }

    #[test]
    fn failures_past_the_free_ones_double_the_wait() {
        let mut r = RateLimiter::default();
        for _ in 0..3 {
            r.fail("a", 0);
        }
        assert_eq!(r.backoff("a", 3, 0), Err(RetryAfter(1)));
        r.fail("a", 0);
        assert_eq!(r.backoff("a", 3, 0), Err(RetryAfter(2)));
        r.fail("a", 0);
        assert_eq!(r.backoff("a", 3, 3_000), Err(RetryAfter(1)));
        assert!(r.backoff("a", 3, 4_000).is_ok());
        for _ in 0..40 {
            r.fail("a", 0);
        }
        assert_eq!(r.backoff("a", 3, 0), Err(RetryAfter(MAX_BACKOFF_SECS)));
        r.succeed("a");
        assert!(r.backoff("a", 3, 0).is_ok());
    }
}
