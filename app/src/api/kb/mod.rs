//! Knowledge-base server functions.

mod article;
mod categories;
mod category;
mod feedback;
mod search;
mod suggest;

pub use article::*;
pub use categories::*;
pub use category::*;
pub use feedback::*;
pub use search::*;
pub use suggest::*;
