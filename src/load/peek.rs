//! A quick look at a source before loading it: who filed it. Lets a caller
//! group many files by company (see `crate::batch`) without holding them all.

use super::{LoadError, Source, meta, text};

/// Who filed a source, read from its text without reading its tables.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Peek {
    /// Company name, if printed ("Qifu Technology, Inc.").
    pub company: String,
    /// Ticker, if printed ("QFIN").
    pub ticker: String,
}

/// Reads the company and ticker of `source`. Fails as loading would on an
/// empty or binary file; a text without tables fails only when loaded.
pub fn peek(source: &Source) -> Result<Peek, LoadError> {
    let text = text::decode(&source.bytes, &source.display_name())?;
    let meta = meta::read(&text.lines);
    Ok(Peek {
        company: meta.company.unwrap_or_default(),
        ticker: meta.ticker.unwrap_or_default(),
    })
}
