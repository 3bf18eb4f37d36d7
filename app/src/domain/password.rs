//! The password policy: long enough, not a well-known password, not the e-mail address.

use serde::{Deserialize, Serialize};

/// Shortest password accepted, in characters.
pub const MIN_LEN: usize = 10;
/// Longest password accepted, in characters (hashing cost stays bounded).
pub const MAX_LEN: usize = 128;

/// Why a password was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsEmail,
}

/// Frequently breached passwords of ten characters or more (from public breach top lists),
/// lower-case. Shorter ones are already refused by length.
const COMMON: &[&str] = &[
    "1234567890",
    "0123456789",
    "0987654321",
    "9876543210",
    "1111111111",
    "0000000000",
    "1234512345",
    "1122334455",
    "1qaz2wsx3edc",
    "1q2w3e4r5t",
    "1q2w3e4r5t6y",
    "q1w2e3r4t5",
    "qwertyuiop",
    "asdfghjkl;",
    "zxcvbnm123",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "qwertyuiop123",
    "password12",
    "password123",
    "password1234",
    "password!",
    "passw0rd123",
    "p@ssw0rd123",
    "p@ssword123",
    "administrator",
    "admin12345",
    "admin123456",
    "welcome123",
    "welcome1234",
    "iloveyou123",
    "iloveyou12",
    "princess123",
    "sunshine123",
    "football123",
    "baseball123",
    "superman123",
    "letmein123",
    "trustno1234",
    "starwars123",
    "dragon1234",
    "monkey12345",
    "abc1234567",
    "abcdefghij",
    "abcd123456",
    "a123456789",
    "aa12345678",
    "123456789a",
    "12345678910",
    "123123123123",
    "1231231231",
    "5201314520",
    "woaini1314",
    "woaini520",
    "woaini12345",
    "wpf12345678",
    "qq123456789",
    "1234qwerasdf",
    "zaq12wsxcde",
    "changeme123",
    "letmein1234",
    "helpdesk123",
    "support123",
    "china123456",
    "beijing2008",
];

/// Checks a new password; `email` is the account's address, which must not be reused in it.
pub fn check_password(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordProblem::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    let first = lower.chars().next();
    if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| Some(c) == first) {
        return Err(PasswordProblem::Common);
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if local.chars().count() >= 4 && lower.contains(&local) {
        return Err(PasswordProblem::ContainsEmail);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_personal_passwords_are_refused_with_the_reason() {
        let e = "wang.fang@example.com";
        assert_eq!(check_password("short1!", e), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_password("Password123", e),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_password("aaaaaaaaaaaa", e),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_password("my-wang.fang-2026", e),
            Err(PasswordProblem::ContainsEmail)
        );
        assert_eq!(
            check_password(&"x1".repeat(65), e),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(check_password("打印机蓝屏了怎么办呀好", e), Ok(()));
        assert_eq!(check_password("correct horse battery", e), Ok(()));
    }
}
