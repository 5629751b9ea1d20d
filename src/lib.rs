//! tieout: a keyboard-driven terminal explorer for company financial filings.
//!
//! The library holds everything but the terminal plumbing: [`model`] (the exact
//! in-memory filing), [`load`] (bytes to model), [`check`] (the tie-out
//! engine). None of them knows of ratatui.

pub mod check;
pub mod load;
pub mod model;
