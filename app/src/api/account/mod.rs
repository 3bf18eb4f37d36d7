//! The customer's own data: download and erasure.

mod erase;
mod export;

pub use erase::*;
pub use export::*;
