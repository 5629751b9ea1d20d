//! Turning FILES into loaded filings.

use super::error::{CliError, Failure};
use crate::load::{self, LoadError, Source};
use crate::model::Filing;
use std::path::PathBuf;

/// Reads each path read-only (or the bundled filings when there are none).
/// Returns the sources that could be read and the errors of those that could not.
pub fn sources(files: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    if files.is_empty() {
        return (load::bundled(), Vec::new());
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        match load::read_source(path) {
            Ok(s) => sources.push(s),
            Err(e) => errors.push(e),
        }
    }
    (sources, errors)
}

/// Reads and loads every file; a file that fails does not stop the others.
pub fn load_lenient(files: &[PathBuf]) -> (Vec<Filing>, Vec<LoadError>) {
    let (sources, mut errors) = sources(files);
    let (filings, load_errors) = load::load_all(&sources);
    errors.extend(load_errors);
    (filings, errors)
}

/// Reads and loads every file; any failure fails the command (exit 2),
/// with one line per file that could not be loaded.
pub fn load_strict(files: &[PathBuf]) -> Result<Vec<Filing>, Failure> {
    let (filings, errors) = load_lenient(files);
    if errors.is_empty() {
        Ok(filings)
    } else {
        Err(Failure(errors.into_iter().map(CliError::Load).collect()))
    }
}
