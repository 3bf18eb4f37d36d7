//! Account pages: log in, register, forgotten password, reset, address confirmation, account.

mod forgot;
mod login;
mod notify_prefs;
mod overview;
mod register;
mod reset;
mod verify;

pub use forgot::ForgotPage;
pub use login::LoginPage;
pub use overview::{AccountPage, SignInPrompt};
pub use register::RegisterPage;
pub use reset::ResetPage;
pub use verify::VerifyPage;
