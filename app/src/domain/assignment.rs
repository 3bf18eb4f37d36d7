//! Automatic assignment: a new ticket's category names a team, and the team's available agent
//! who has waited longest since their last automatic ticket takes it (round robin).

use super::ticket::Category;
use serde::{Deserialize, Serialize};

/// A team member as the round robin sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: i64,
    pub available: bool,
    /// When they last got a ticket this way (milliseconds; 0 for never).
    pub last_assigned_ms: i64,
}

/// The next assignee: the available member assigned longest ago, the lower id on a tie.
pub fn next_assignee(candidates: &[Candidate]) -> Option<i64> {
    candidates
        .iter()
        .filter(|c| c.available)
        .min_by_key(|c| (c.last_assigned_ms, c.user_id))
        .map(|c| c.user_id)
}

/// A team with its members and the categories it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub members: Vec<TeamMember>,
    pub categories: Vec<Category>,
}

/// A team member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user_id: i64,
    pub name: String,
    /// Takes automatic assignments (off while away).
    pub available: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(user_id: i64, available: bool, last_assigned_ms: i64) -> Candidate {
        Candidate {
            user_id,
            available,
            last_assigned_ms,
        }
    }

    #[test]
    fn the_longest_waiting_available_member_is_next() {
        let team = [c(1, true, 300), c(2, true, 100), c(3, false, 0)];
        assert_eq!(next_assignee(&team), Some(2));
    }

    #[test]
    fn ties_go_to_the_lower_id_and_nobody_available_means_nobody() {
        assert_eq!(next_assignee(&[c(7, true, 0), c(4, true, 0)]), Some(4));
        assert_eq!(next_assignee(&[c(1, false, 0)]), None);
        assert_eq!(next_assignee(&[]), None);
    }

    #[test]
    fn turns_go_round() {
        let mut team = vec![c(1, true, 0), c(2, true, 0), c(3, true, 0)];
        let mut order = Vec::new();
        for t in 1..=6 {
            let next = next_assignee(&team).expect("someone");
            order.push(next);
            if let Some(m) = team.iter_mut().find(|m| m.user_id == next) {
                m.last_assigned_ms = t;
            }
        }
        assert_eq!(order, [1, 2, 3, 1, 2, 3]);
    }
}
