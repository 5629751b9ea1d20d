//! Failures of a command: each prints as one line naming the thing and the reason.

use crate::load::LoadError;
use thiserror::Error;

/// A failure the user can cause; the command prints `tieout: {self}` and exits 2.
#[derive(Debug, Error)]
pub enum CliError {
    /// A filing could not be loaded ("FILE: reason").
    #[error("{0}")]
    Load(#[from] LoadError),
    /// The command line could not be parsed (clap's message on one line).
    #[error("{0}")]
    Usage(String),
    /// `--statement` names no statement kind.
    #[error("unknown statement '{given}'; valid statements: {valid}")]
    UnknownStatement {
        /// What was given.
        given: String,
        /// The valid ids, comma-separated.
        valid: String,
    },
    /// `--filing` names no loaded filing.
    #[error("unknown filing '{given}'; loaded filings: {valid}")]
    UnknownFiling {
        /// What was given.
        given: String,
        /// The loaded filing ids, comma-separated.
        valid: String,
    },
    /// The statement exists as a kind but the selected filings lack it.
    #[error("no {kind} statement in {filings}; statements there: {available}")]
    MissingStatement {
        /// The statement id asked for.
        kind: String,
        /// The filings searched.
        filings: String,
        /// The statement ids they do have.
        available: String,
    },
    /// The export could not be written.
    #[error("{path}: cannot write: {reason}")]
    Output {
        /// The output path as given.
        path: String,
        /// Why.
        reason: String,
    },
    /// `--config` could not be used.
    #[error("{path}: bad config file: {reason}")]
    Config {
        /// The config path as given.
        path: String,
        /// Why.
        reason: String,
    },
    /// The explorer stopped with an error.
    #[error("explorer: {0}")]
    Explorer(String),
}

/// One or more failures, printed one per line.
#[derive(Debug)]
pub struct Failure(pub Vec<CliError>);

impl<E: Into<CliError>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(vec![e.into()])
    }
}
