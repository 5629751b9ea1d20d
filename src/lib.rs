//! tieout: a keyboard-driven terminal explorer for company financial filings.
//!
//! The library holds everything but `main`: [`model`] (the exact in-memory
//! filing), [`load`] (bytes to model), [`check`] (the tie-out engine) and
//! [`export`] know nothing of ratatui; [`tui`] is the explorer and [`cli`]
//! the command line.

#![warn(missing_docs)]

pub mod batch;
pub mod check;
pub mod cli;
pub mod compare;
pub mod export;
pub mod load;
pub mod model;
pub mod par;
pub mod tui;
