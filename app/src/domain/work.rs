//! Working a ticket: what a status change, a reply or a resume does to its clocks and milestones.
//! Plain functions over [`TicketView`]; the store writes the result under the ticket's revision.

use super::calendar::Calendar;
use super::lifecycle::{self, Action, Actor, LifecyclePolicy, TransitionError};
use super::sla::{self, resume_due, Clock, SlaPolicy};
use super::ticket::{Status, TicketView};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The service settings admins edit: targets, the calendar and the lifecycle windows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSettings {
    pub sla: SlaPolicy,
    pub calendar: Calendar,
    #[serde(default)]
    pub lifecycle: LifecycleDays,
}

/// The lifecycle windows in whole days, as stored and edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifecycleDays {
    pub reopen_window_days: i64,
    pub quiet_period_days: i64,
}

impl Default for LifecycleDays {
    fn default() -> Self {
        let p = LifecyclePolicy::default();
        Self {
            reopen_window_days: p.reopen_window.num_days(),
            quiet_period_days: p.quiet_period.num_days(),
        }
    }
}

impl LifecycleDays {
    /// The policy the state machine uses.
    pub fn policy(&self) -> LifecyclePolicy {
        LifecyclePolicy {
            reopen_window: Duration::days(self.reopen_window_days),
            quiet_period: Duration::days(self.quiet_period_days),
        }
    }
}

/// The new values of a ticket's changing fields after one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub status: Status,
    pub resolve_due: DateTime<Utc>,
    pub paused_at: Option<DateTime<Utc>>,
    pub first_responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Step {
    /// The ticket as it stands, before anything changes.
    fn from_view(t: &TicketView) -> Self {
        Self {
            status: t.status,
            resolve_due: t.resolve_due,
            paused_at: t.work.paused_at,
            first_responded_at: t.work.first_responded_at,
            resolved_at: t.work.resolved_at,
            closed_at: t.work.closed_at,
        }
    }

    /// Moves to `to`, stopping the resolve clock while the ticket waits on the customer or is
    /// resolved, and restarting it (with the service time it had left) when work resumes.
    fn enter(mut self, to: Status, now: DateTime<Utc>, calendar: &Calendar) -> Self {
        let stops = |s: Status| !lifecycle::is_open(s) || s == Status::WaitingOnCustomer;
        match (self.paused_at, stops(to)) {
            (None, true) => self.paused_at = Some(now),
            (Some(at), false) => {
                self.resolve_due = resume_due(self.resolve_due, at, now, calendar);
                self.paused_at = None;
            }
            _ => {}
        }
        match to {
            Status::Resolved => self.resolved_at = Some(now),
            Status::Closed => self.closed_at = Some(now),
            Status::InProgress => {
                self.resolved_at = None;
                self.closed_at = None;
            }
            _ => {}
        }
        self.status = to;
        self
    }

    /// Writes the step into a ticket view.
    pub fn apply_to(&self, t: &mut TicketView) {
        t.status = self.status;
        t.resolve_due = self.resolve_due;
        t.work.paused_at = self.paused_at;
        t.work.first_responded_at = self.first_responded_at;
        t.work.resolved_at = self.resolved_at;
        t.work.closed_at = self.closed_at;
    }

    /// Whether anything differs from the ticket as it stands.
    pub fn changes(&self, t: &TicketView) -> bool {
        *self != Step::from_view(t)
    }
}

/// The result of `action` by `actor` on ticket `t` at `now`.
pub fn act(
    t: &TicketView,
    action: Action,
    actor: Actor,
    now: DateTime<Utc>,
    settings: &ServiceSettings,
) -> Result<Step, TransitionError> {
    let policy = settings.lifecycle.policy();
    let to = lifecycle::transition(t.status, action, actor, t.work.closed_at, now, &policy)?;
    let mut step = Step::from_view(t).enter(to, now, &settings.calendar);
    // An agent acting on the ticket is the customer's first sign of life from support.
    if actor == Actor::Agent && step.first_responded_at.is_none() {
        step.first_responded_at = Some(now);
    }
    Ok(step)
}

/// Closes a duplicate that is merged into another ticket: any ticket not yet closed may be;
/// its clocks stop as on any close.
pub fn merge(
    t: &TicketView,
    now: DateTime<Utc>,
    calendar: &Calendar,
) -> Result<Step, TransitionError> {
    if t.status == Status::Closed {
        return Err(TransitionError::NotFromHere);
    }
    Ok(Step::from_view(t).enter(Status::Closed, now, calendar))
}

/// The result of a public reply: an agent's is a response; a customer's answers a question or
/// says the fix did not hold. Internal notes change nothing and never come here.
pub fn reply(
    t: &TicketView,
    actor: Actor,
    now: DateTime<Utc>,
    settings: &ServiceSettings,
) -> Result<Step, TransitionError> {
    let step = Step::from_view(t);
    match actor {
        Actor::Agent => {
            let to = lifecycle::after_agent_reply(t.status);
            let mut step = step.enter(to, now, &settings.calendar);
            step.first_responded_at.get_or_insert(now);
            Ok(step)
        }
        _ => {
            let to = lifecycle::after_customer_reply(t.status)?;
            Ok(step.enter(to, now, &settings.calendar))
        }
    }
}

/// Both clocks of a ticket as they stand at `now`: first response, then resolution.
pub fn clocks(t: &TicketView, now: DateTime<Utc>, calendar: &Calendar) -> (Clock, Clock) {
    let respond = sla::clock(
        Duration::minutes(t.work.respond_minutes),
        t.first_response_due,
        t.work.first_responded_at,
        false,
        now,
        calendar,
    );
    // A paused clock is measured at the moment it stopped, so its "time left" holds still.
    let at = t.work.paused_at.unwrap_or(now);
    let resolve = sla::clock(
        Duration::minutes(t.work.resolve_minutes),
        t.resolve_due,
        t.work.resolved_at.or(t.work.closed_at),
        t.work.paused_at.is_some(),
        at,
        calendar,
    );
    (respond, resolve)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sla::ClockState;
    use crate::domain::ticket::{Category, Impact, Priority, WorkState};
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, h, 0, 0)
            .single()
            .expect("valid time")
    }

    fn ticket() -> TicketView {
        TicketView {
            number: "IT-2026-000001".into(),
            subject: "s".into(),
            description: "d".into(),
            contact_name: "c".into(),
            category: Category::Network,
            priority: Priority::Important,
            impact: Impact::Local,
            status: Status::New,
            created_at: at(0),
            first_response_due: at(4),
            resolve_due: at(0) + Duration::days(1),
            work: WorkState {
                revision: 1,
                respond_minutes: 240,
                resolve_minutes: 24 * 60,
                ..WorkState::default()
            },
        }
    }

    #[test]
    fn waiting_on_the_customer_stops_the_resolve_clock() {
        let settings = ServiceSettings::default();
        let mut t = ticket();
        let s = act(&t, Action::WaitOnCustomer, Actor::Agent, at(2), &settings);
        assert_eq!(
            s,
            Err(TransitionError::NotFromHere),
            "a new ticket is acknowledged first"
        );
        let s = act(&t, Action::Acknowledge, Actor::Agent, at(1), &settings).expect("ok");
        s.apply_to(&mut t);
        assert_eq!(t.work.first_responded_at, Some(at(1)));
        let s = act(&t, Action::WaitOnCustomer, Actor::Agent, at(2), &settings).expect("ok");
        s.apply_to(&mut t);
        assert_eq!(t.work.paused_at, Some(at(2)));
        assert_eq!(
            clocks(&t, at(10), &settings.calendar).1.state,
            ClockState::Paused
        );
        // The customer answers five hours later: the due time moves by five hours.
        let s = reply(&t, Actor::Customer, at(7), &settings).expect("ok");
        s.apply_to(&mut t);
        assert_eq!(t.status, Status::InProgress);
        assert_eq!(t.work.paused_at, None);
        assert_eq!(
            t.resolve_due,
            at(0) + Duration::days(1) + Duration::hours(5)
        );
    }

    #[test]
    fn an_agent_reply_is_the_first_response() {
        let settings = ServiceSettings::default();
        let mut t = ticket();
        let s = reply(&t, Actor::Agent, at(3), &settings).expect("ok");
        s.apply_to(&mut t);
        assert_eq!(t.status, Status::Acknowledged);
        assert_eq!(t.work.first_responded_at, Some(at(3)));
        let (respond, _) = clocks(&t, at(5), &settings.calendar);
        assert_eq!(respond.state, ClockState::Met);
    }

    #[test]
    fn a_reopened_ticket_gets_back_the_time_it_had_left() {
        let settings = ServiceSettings::default();
        let mut t = ticket();
        let s = act(&t, Action::Resolve, Actor::Agent, at(6), &settings).expect("ok");
        s.apply_to(&mut t);
        assert_eq!(t.work.resolved_at, Some(at(6)));
        assert_eq!(
            clocks(&t, at(8), &settings.calendar).1.state,
            ClockState::Met
        );
        let s = act(&t, Action::Reopen, Actor::Customer, at(8), &settings).expect("ok");
        s.apply_to(&mut t);
        assert_eq!(t.status, Status::InProgress);
        assert_eq!(t.work.resolved_at, None);
        assert_eq!(
            t.resolve_due,
            at(0) + Duration::days(1) + Duration::hours(2)
        );
    }

    #[test]
    fn a_reply_to_a_closed_ticket_is_refused() {
        let settings = ServiceSettings::default();
        let mut t = ticket();
        t.status = Status::Closed;
        t.work.closed_at = Some(at(1));
        assert_eq!(
            reply(&t, Actor::Customer, at(2), &settings),
            Err(TransitionError::NotFromHere)
        );
    }

    #[test]
    fn a_merged_duplicate_closes_with_its_clock_stopped_and_a_closed_one_cannot_be_merged() {
        let now = at(3);
        let mut t = ticket();
        t.status = Status::InProgress;
        let step = merge(&t, now, &Calendar::Always).expect("open tickets merge");
        assert_eq!(step.status, Status::Closed);
        assert_eq!(step.closed_at, Some(now));
        assert_eq!(step.paused_at, Some(now));
        t.status = Status::Closed;
        assert_eq!(
            merge(&t, now, &Calendar::Always),
            Err(TransitionError::NotFromHere)
        );
    }
}
