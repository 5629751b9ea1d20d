//! Headless output: every cell as CSV or JSON records, and statements as
//! aligned plain-text tables (`export` and `show`).

pub mod csv;
pub mod json;
pub mod record;
pub mod show;

#[cfg(test)]
pub(crate) mod fixture;

pub use record::{Record, records};
