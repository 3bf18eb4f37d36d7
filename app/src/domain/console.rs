//! The agents' console: which queue, filters and order, and what a queue line shows.

use super::sla::Clock;
use super::ticket::{Category, Code, Priority, TicketView};
use serde::{Deserialize, Serialize};

/// The console's queues (issue 6 §8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// Open tickets nobody has taken.
    #[default]
    Unassigned,
    /// Open tickets assigned to the viewer.
    Mine,
    /// Open tickets with a running clock in its last quarter, or past due.
    BreachingSoon,
    /// Tickets waiting on the customer.
    Waiting,
    /// Everything, closed tickets included.
    All,
}

/// The console's orders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// The next clock to run out first.
    #[default]
    Due,
    /// Urgent first, then by due time.
    Priority,
    /// Newest first.
    Newest,
}

/// One request for a queue; any part left out takes its default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    pub queue: Queue,
    pub category: Option<Category>,
    pub priority: Option<Priority>,
    pub sort: Sort,
}

impl QueueQuery {
    /// Reads a query from URL parameters; unknown values fall back to the defaults.
    pub fn from_params(queue: &str, category: &str, priority: &str, sort: &str) -> Self {
        Self {
            queue: match queue {
                "mine" => Queue::Mine,
                "breaching" => Queue::BreachingSoon,
                "waiting" => Queue::Waiting,
                "all" => Queue::All,
                _ => Queue::Unassigned,
            },
            category: Category::from_code(category),
            priority: Priority::from_code(priority),
            sort: match sort {
                "priority" => Sort::Priority,
                "newest" => Sort::Newest,
                _ => Sort::Due,
            },
        }
    }
}

impl Queue {
    /// Every queue, in the console's tab order.
    pub const ALL: [Queue; 5] = [
        Queue::Unassigned,
        Queue::Mine,
        Queue::BreachingSoon,
        Queue::Waiting,
        Queue::All,
    ];

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Queue::Unassigned => "unassigned",
            Queue::Mine => "mine",
            Queue::BreachingSoon => "breaching",
            Queue::Waiting => "waiting",
            Queue::All => "all",
        }
    }
}

impl Sort {
    /// Every order, as offered.
    pub const ALL: [Sort; 3] = [Sort::Due, Sort::Priority, Sort::Newest];

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Due => "due",
            Sort::Priority => "priority",
            Sort::Newest => "newest",
        }
    }
}

/// A ticket in a queue with both clocks as they stand (its description is left out).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueLine {
    pub ticket: TicketView,
    pub respond: Clock,
    pub resolve: Clock,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_round_trip_and_fall_back() {
        for q in Queue::ALL {
            assert_eq!(QueueQuery::from_params(q.code(), "", "", "").queue, q);
        }
        for s in Sort::ALL {
            assert_eq!(QueueQuery::from_params("", "", "", s.code()).sort, s);
        }
        let q = QueueQuery::from_params("nonsense", "network", "URGENT", "x");
        assert_eq!(q.queue, Queue::Unassigned);
        assert_eq!(q.category, Some(Category::Network));
        assert_eq!(q.priority, None);
        assert_eq!(q.sort, Sort::Due);
    }
}
