//! Load errors: one clear line naming the file and the reason.

use super::Source;
use std::io::Read;
use std::path::Path;
use thiserror::Error;

/// Why a file could not be loaded. `Display` gives "FILE: reason".
#[derive(Debug, Error, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{file}: cannot read: {reason}")]
    Io {
        /// The path as given.
        file: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The path is a directory.
    #[error("{file}: is a directory, not a filing")]
    Directory {
        /// The path as given.
        file: String,
    },
    /// The file is empty.
    #[error("{file}: the file is empty")]
    Empty {
        /// The path as given.
        file: String,
    },
    /// The file holds binary data, not text.
    #[error("{file}: binary data, not a text filing")]
    Binary {
        /// The path as given.
        file: String,
    },
    /// No financial statement was found.
    #[error("{file}: no financial statements found")]
    NoStatements {
        /// The path as given.
        file: String,
    },
}

/// Reads `path` (opened read-only) into a source.
pub(crate) fn read_source(path: &Path) -> Result<Source, LoadError> {
    let file = path.display().to_string();
    if path.is_dir() {
        return Err(LoadError::Directory { file });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| LoadError::Io {
            file: file.clone(),
            reason: e.to_string(),
        })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    Ok(Source {
        id,
        path: Some(path.to_path_buf()),
        bytes,
    })
}
