//! The ticket lifecycle (PRODUCT.md steps 4–6) as a state machine:
//! new → acknowledged → in progress → waiting on customer → resolved → closed, with reopening.

use super::ticket::Status;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Something that moves a ticket between states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// An agent confirms the ticket is seen and classified.
    Acknowledge,
    /// An agent starts (or resumes) working on it.
    Start,
    /// An agent needs something from the customer; the resolve clock pauses.
    WaitOnCustomer,
    /// An agent has fixed and verified it.
    Resolve,
    /// Ends the ticket: the customer confirms, an agent closes, or the quiet period passed.
    Close,
    /// The fix did not hold: back to work.
    Reopen,
}

impl Action {
    /// Every action, in the order an agent meets them.
    pub const ALL: [Action; 6] = [
        Action::Acknowledge,
        Action::Start,
        Action::WaitOnCustomer,
        Action::Resolve,
        Action::Close,
        Action::Reopen,
    ];

    /// The stable code, as posted by forms.
    pub fn code(self) -> &'static str {
        match self {
            Action::Acknowledge => "acknowledge",
            Action::Start => "start",
            Action::WaitOnCustomer => "wait",
            Action::Resolve => "resolve",
            Action::Close => "close",
            Action::Reopen => "reopen",
        }
    }

    /// Parses a stable code.
    pub fn from_code(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Who asks for a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Agent,
    /// The requester, signed in or holding the ticket's link.
    Customer,
    /// The server's background jobs (the quiet-period close).
    System,
}

/// Why a transition is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransitionError {
    /// The action makes no sense from the ticket's current state.
    NotFromHere,
    /// This actor may not take the action.
    NotAllowed,
    /// The ticket was closed too long ago to reopen; open a new one.
    ReopenWindowPassed,
}

/// Lifecycle settings an admin can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LifecyclePolicy {
    /// How long after closing a ticket may still be reopened.
    pub reopen_window: Duration,
    /// How long a resolved ticket waits for the customer before it closes on its own.
    pub quiet_period: Duration,
}

impl Default for LifecyclePolicy {
    fn default() -> Self {
        Self {
            reopen_window: Duration::days(14),
            quiet_period: Duration::days(7),
        }
    }
}

/// Whether a state still needs work (everything before resolved).
pub fn is_open(status: Status) -> bool {
    !matches!(status, Status::Resolved | Status::Closed)
}

/// The state after `action`, or why it is refused. `closed_at` is when a closed ticket closed.
pub fn transition(
    from: Status,
    action: Action,
    actor: Actor,
    closed_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    policy: &LifecyclePolicy,
) -> Result<Status, TransitionError> {
    use Action as A;
    use Status as S;
    let agent = actor == Actor::Agent;
    let to = match (action, from) {
        (A::Acknowledge, S::New) => S::Acknowledged,
        (A::Start, S::New | S::Acknowledged | S::WaitingOnCustomer) => S::InProgress,
        (A::WaitOnCustomer, S::Acknowledged | S::InProgress) => S::WaitingOnCustomer,
        (A::Resolve, s) if is_open(s) => S::Resolved,
        // Customers confirm a resolution; agents may also close open duplicates and spam.
        (A::Close, S::Resolved) => S::Closed,
        (A::Close, s) if is_open(s) && agent => S::Closed,
        (A::Close, s) if is_open(s) => return Err(TransitionError::NotAllowed),
        (A::Reopen, S::Resolved) => S::InProgress,
        (A::Reopen, S::Closed) => {
            let within = closed_at.is_some_and(|c| now - c <= policy.reopen_window);
            if !within {
                return Err(TransitionError::ReopenWindowPassed);
            }
            S::InProgress
        }
        _ => return Err(TransitionError::NotFromHere),
    };
    let allowed = match actor {
        Actor::Agent => true,
        Actor::Customer => matches!(action, A::Close | A::Reopen),
        Actor::System => action == A::Close && from == S::Resolved,
    };
    if allowed {
        Ok(to)
    } else {
        Err(TransitionError::NotAllowed)
    }
}

/// The state a customer's reply leaves a ticket in: it answers a question, or says the fix did
/// not hold. A closed ticket takes no replies; the customer is offered a reopen instead.
pub fn after_customer_reply(from: Status) -> Result<Status, TransitionError> {
    match from {
        Status::WaitingOnCustomer | Status::Resolved => Ok(Status::InProgress),
        Status::Closed => Err(TransitionError::NotFromHere),
        s => Ok(s),
    }
}

/// The state an agent's public reply leaves a ticket in: a new ticket counts as acknowledged.
pub fn after_agent_reply(from: Status) -> Status {
    match from {
        Status::New => Status::Acknowledged,
        s => s,
    }
}

/// Whether a resolved ticket has been quiet long enough to close on its own.
pub fn due_to_close(
    status: Status,
    resolved_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    policy: &LifecyclePolicy,
) -> bool {
    status == Status::Resolved && resolved_at.is_some_and(|r| now - r >= policy.quiet_period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use Action as A;
    use Status as S;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0)
            .single()
            .expect("valid time")
    }

    fn go(from: Status, action: Action, actor: Actor) -> Result<Status, TransitionError> {
        transition(
            from,
            action,
            actor,
            None,
            now(),
            &LifecyclePolicy::default(),
        )
    }

    #[test]
    fn the_happy_path_runs_from_new_to_closed() {
        let mut s = S::New;
        for a in [
            A::Acknowledge,
            A::Start,
            A::WaitOnCustomer,
            A::Start,
            A::Resolve,
        ] {
            s = go(s, a, Actor::Agent).expect("agent may");
        }
        assert_eq!(s, S::Resolved);
        assert_eq!(go(s, A::Close, Actor::Customer), Ok(S::Closed));
    }

    #[test]
    fn invalid_transitions_are_refused() {
        assert_eq!(
            go(S::New, A::WaitOnCustomer, Actor::Agent),
            Err(TransitionError::NotFromHere)
        );
        assert_eq!(
            go(S::Closed, A::Resolve, Actor::Agent),
            Err(TransitionError::NotFromHere)
        );
        assert_eq!(
            go(S::InProgress, A::Acknowledge, Actor::Agent),
            Err(TransitionError::NotFromHere)
        );
        assert_eq!(
            go(S::New, A::Reopen, Actor::Agent),
            Err(TransitionError::NotFromHere)
        );
        assert_eq!(
            go(S::Resolved, A::Resolve, Actor::Agent),
            Err(TransitionError::NotFromHere)
        );
    }

    #[test]
    fn every_pair_either_moves_or_says_why() {
        for from in <S as super::super::ticket::Code>::ALL {
            for action in A::ALL {
                for actor in [Actor::Agent, Actor::Customer, Actor::System] {
                    if let Ok(to) = go(*from, action, actor) {
                        assert_ne!(to, *from, "{from:?} --{action:?}--> itself");
                    }
                }
            }
        }
    }

    #[test]
    fn customers_only_confirm_or_reopen() {
        assert_eq!(
            go(S::New, A::Resolve, Actor::Customer),
            Err(TransitionError::NotAllowed)
        );
        assert_eq!(
            go(S::InProgress, A::Close, Actor::Customer),
            Err(TransitionError::NotAllowed)
        );
        assert_eq!(
            go(S::Resolved, A::Reopen, Actor::Customer),
            Ok(S::InProgress)
        );
        assert_eq!(go(S::InProgress, A::Close, Actor::Agent), Ok(S::Closed));
    }

    #[test]
    fn the_system_only_closes_resolved_tickets() {
        assert_eq!(go(S::Resolved, A::Close, Actor::System), Ok(S::Closed));
        assert_eq!(
            go(S::InProgress, A::Close, Actor::System),
            Err(TransitionError::NotAllowed)
        );
        assert_eq!(
            go(S::Resolved, A::Reopen, Actor::System),
            Err(TransitionError::NotAllowed)
        );
    }

    #[test]
    fn reopening_a_closed_ticket_has_a_window() {
        let p = LifecyclePolicy::default();
        let recent = Some(now() - Duration::days(3));
        let old = Some(now() - Duration::days(15));
        let reopen = |closed| transition(S::Closed, A::Reopen, Actor::Customer, closed, now(), &p);
        assert_eq!(reopen(recent), Ok(S::InProgress));
        assert_eq!(reopen(old), Err(TransitionError::ReopenWindowPassed));
        assert_eq!(reopen(None), Err(TransitionError::ReopenWindowPassed));
    }

    #[test]
    fn replies_move_the_ticket_on() {
        assert_eq!(
            after_customer_reply(S::WaitingOnCustomer),
            Ok(S::InProgress)
        );
        assert_eq!(after_customer_reply(S::Resolved), Ok(S::InProgress));
        assert_eq!(after_customer_reply(S::New), Ok(S::New));
        assert_eq!(
            after_customer_reply(S::Closed),
            Err(TransitionError::NotFromHere)
        );
        assert_eq!(after_agent_reply(S::New), S::Acknowledged);
        assert_eq!(
            after_agent_reply(S::WaitingOnCustomer),
            S::WaitingOnCustomer
        );
    }

    #[test]
    fn a_quiet_resolved_ticket_closes_after_the_quiet_period() {
        let p = LifecyclePolicy::default();
        let resolved = Some(now() - Duration::days(7));
        assert!(due_to_close(S::Resolved, resolved, now(), &p));
        assert!(!due_to_close(
            S::Resolved,
            Some(now() - Duration::days(6)),
            now(),
            &p
        ));
        assert!(!due_to_close(S::InProgress, resolved, now(), &p));
    }
}
