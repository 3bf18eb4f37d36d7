//! Who may do what: roles, the person asking, and the authorisation matrix.

use serde::{Deserialize, Serialize};

/// A staff role; a person may hold several. Customers hold none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Agent,
    Editor,
    Admin,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 3] = [Role::Agent, Role::Editor, Role::Admin];

    /// The code stored in the database and posted by forms.
    pub fn code(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The signed-in person, as the server functions see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub email_verified: bool,
}

impl Viewer {
    /// True when the person holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// True for agents, editors and admins.
    pub fn is_staff(&self) -> bool {
        !self.roles.is_empty()
    }
}

/// Everything the portal guards, named by what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// Read public articles, run flows, open a ticket (guests included).
    UsePublicPortal,
    /// Manage one's own account: password, data export, erasure.
    ManageOwnAccount,
    /// Read a ticket one opened (or holds the link of), and reply to it.
    UseOwnTicket,
    /// Read every ticket, internal notes included; add notes; change status.
    WorkTickets,
    /// Read internal articles.
    ReadInternalArticles,
    /// Write, review and publish articles and flows.
    EditKnowledge,
    /// Grant and revoke staff roles.
    ManageStaff,
    /// Browse the audit trail.
    ReadAudit,
    /// Change SLA targets, the service calendar and lifecycle windows.
    ManageSettings,
    /// Handle complaints from poor ratings: the support lead's work (admins).
    HandleComplaints,
}

/// The authorisation matrix: may `viewer` (None when anonymous) perform `op`?
pub fn may(viewer: Option<&Viewer>, op: Operation) -> bool {
    use Operation::*;
    match (viewer, op) {
        (_, UsePublicPortal) => true,
        // A guest's ticket is guarded by its link key, checked where the ticket is read.
        (None, UseOwnTicket) => true,
        (None, _) => false,
        (Some(_), ManageOwnAccount | UseOwnTicket) => true,
        (Some(v), WorkTickets) => v.has(Role::Agent) || v.has(Role::Admin),
        (Some(v), ReadInternalArticles) => v.is_staff(),
        (Some(v), EditKnowledge) => v.has(Role::Editor) || v.has(Role::Admin),
        (Some(v), ManageStaff | ReadAudit | ManageSettings | HandleComplaints) => {
            v.has(Role::Admin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Operation::*;

    fn person(roles: &[Role]) -> Viewer {
        Viewer {
            id: 1,
            email: "a@example.com".into(),
            display_name: "A".into(),
            roles: roles.to_vec(),
            email_verified: true,
        }
    }

    #[test]
    fn each_role_gets_exactly_its_row_of_the_matrix() {
        let ops = [
            UsePublicPortal,
            ManageOwnAccount,
            UseOwnTicket,
            WorkTickets,
            ReadInternalArticles,
            EditKnowledge,
            ManageStaff,
            ReadAudit,
            ManageSettings,
            HandleComplaints,
        ];
        let customer = person(&[]);
        let agent = person(&[Role::Agent]);
        let editor = person(&[Role::Editor]);
        let admin = person(&[Role::Admin]);
        let rows: [(Option<&Viewer>, [bool; 10]); 5] = [
            (
                None,
                [
                    true, false, true, false, false, false, false, false, false, false,
                ],
            ),
            (
                Some(&customer),
                [
                    true, true, true, false, false, false, false, false, false, false,
                ],
            ),
            (
                Some(&agent),
                [
                    true, true, true, true, true, false, false, false, false, false,
                ],
            ),
            (
                Some(&editor),
                [
                    true, true, true, false, true, true, false, false, false, false,
                ],
            ),
            (
                Some(&admin),
                [true, true, true, true, true, true, true, true, true, true],
            ),
        ];
        for (viewer, expected) in rows {
            for (op, want) in ops.iter().zip(expected) {
                assert_eq!(may(viewer, *op), want, "{viewer:?} {op:?}");
            }
        }
    }

    #[test]
    fn roles_add_up() {
        let both = person(&[Role::Agent, Role::Editor]);
        assert!(may(Some(&both), WorkTickets) && may(Some(&both), EditKnowledge));
        assert!(!may(Some(&both), ManageStaff));
        assert_eq!(Role::from_code("editor"), Some(Role::Editor));
        assert_eq!(Role::from_code("root"), None);
    }
}
