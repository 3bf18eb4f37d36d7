//! Account forms and their outcomes, shared by the server functions and the pages.

use super::auth::Role;
use super::password::PasswordProblem;
use serde::{Deserialize, Serialize};

/// Why an account form was refused; the page says it in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AccountProblem {
    /// E-mail and password do not match an account (never says which one is wrong).
    BadCredentials,
    InvalidEmail,
    NameRequired,
    Password {
        problem: PasswordProblem,
    },
    PasswordsDiffer,
    EmailTaken,
    CurrentPasswordWrong,
    LinkInvalid,
    LinkExpired,
    LinkUsed,
    NoSuchAccount,
    NotSignedIn,
    /// The change would leave the portal without an administrator.
    LastAdmin,
}

impl AccountProblem {
    /// Short code for `?error=` when a page without JavaScript is sent back to its form.
    pub fn code(self) -> &'static str {
        match self {
            AccountProblem::BadCredentials => "credentials",
            AccountProblem::InvalidEmail => "email",
            AccountProblem::NameRequired => "name",
            AccountProblem::Password { problem } => match problem {
                PasswordProblem::TooShort => "pw_short",
                PasswordProblem::TooLong => "pw_long",
                PasswordProblem::Common => "pw_common",
                PasswordProblem::ContainsEmail => "pw_email",
            },
            AccountProblem::PasswordsDiffer => "pw_differ",
            AccountProblem::EmailTaken => "taken",
            AccountProblem::CurrentPasswordWrong => "current",
            AccountProblem::LinkInvalid => "link_invalid",
            AccountProblem::LinkExpired => "link_expired",
            AccountProblem::LinkUsed => "link_used",
            AccountProblem::NoSuchAccount => "no_account",
            AccountProblem::NotSignedIn => "signed_out",
            AccountProblem::LastAdmin => "last_admin",
        }
    }

    /// Every problem, for parsing codes back.
    pub const ALL: [AccountProblem; 16] = [
        AccountProblem::BadCredentials,
        AccountProblem::InvalidEmail,
        AccountProblem::NameRequired,
        AccountProblem::Password {
            problem: PasswordProblem::TooShort,
        },
        AccountProblem::Password {
            problem: PasswordProblem::TooLong,
        },
        AccountProblem::Password {
            problem: PasswordProblem::Common,
        },
        AccountProblem::Password {
            problem: PasswordProblem::ContainsEmail,
        },
        AccountProblem::PasswordsDiffer,
        AccountProblem::EmailTaken,
        AccountProblem::CurrentPasswordWrong,
        AccountProblem::LinkInvalid,
        AccountProblem::LinkExpired,
        AccountProblem::LinkUsed,
        AccountProblem::NoSuchAccount,
        AccountProblem::NotSignedIn,
        AccountProblem::LastAdmin,
    ];

    /// Parses a code from `?error=`.
    pub fn from_code(code: &str) -> Option<AccountProblem> {
        AccountProblem::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// What became of an account form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AccountOutcome {
    /// Done; go to `next` when given.
    Done { next: Option<String> },
    /// Refused; the form keeps its values and shows the problem.
    Refused { problem: AccountProblem },
}

/// A member of staff as the admin pages list them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
}

/// Normalises an e-mail address for lookups: trimmed and lower-case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_codes_round_trip() {
        for p in AccountProblem::ALL {
            assert_eq!(AccountProblem::from_code(p.code()), Some(p));
        }
        assert_eq!(
            normalise_email("  Wang.Fang@Example.COM "),
            "wang.fang@example.com"
        );
    }
}
