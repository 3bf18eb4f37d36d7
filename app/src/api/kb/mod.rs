//! Knowledge-base server functions.

mod article;
mod categories;
mod category;
mod search;

pub use article::*;
pub use categories::*;
pub use category::*;
pub use search::*;
