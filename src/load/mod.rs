//! The loader: bytes of a filing (Markdown release or PDF-extracted text) to
//! the exact model, through a general pipeline: text, table blocks, header
//! and period recognition, rows, statements. Knows nothing of display.

pub mod bundled;
pub mod error;
pub mod meta;
pub mod narrative;

pub use bundled::bundled;
pub use error::LoadError;

use crate::model::Filing;
use std::path::{Path, PathBuf};

/// A filing's raw bytes and where they came from.
#[derive(Clone, Debug)]
pub struct Source {
    /// The filing id: the file name without extension.
    pub id: String,
    /// The path it was read from (`None` for the bundled filings).
    pub path: Option<PathBuf>,
    /// The bytes as read.
    pub bytes: Vec<u8>,
}

impl Source {
    /// What to call the source in messages: its path, or its id.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => format!("{} (bundled)", self.id),
        }
    }
}

/// Reads `path` read-only into a [`Source`].
pub fn read_source(path: &Path) -> Result<Source, LoadError> {
    error::read_source(path)
}

/// Parses one source into a filing (no cross-filing repairs).
pub fn load_one(source: &Source) -> Result<Filing, LoadError> {
    Err(LoadError::NoStatements {
        file: source.display_name(),
    })
}

/// Loads every source. A source that fails does not stop the others; its
/// error is returned beside the filings that loaded. Cross-filing repairs
/// (labels recovered from another filing's same statement) happen here.
pub fn load_all(sources: &[Source]) -> (Vec<Filing>, Vec<LoadError>) {
    let mut filings = Vec::new();
    let mut errors = Vec::new();
    for s in sources {
        match load_one(s) {
            Ok(f) => filings.push(f),
            Err(e) => errors.push(e),
        }
    }
    (filings, errors)
}
