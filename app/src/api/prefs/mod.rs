//! Preference server functions.

mod set_locale;

pub use set_locale::*;
