//! A quick look at a source before loading it: who filed it. Lets a caller
//! group many files by company (see `crate::batch`) without holding them all.

use std::borrow::Cow;

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
    let file = source.display_name();
    let text = text::screen(&source.bytes, &file)?;
    // The lines `text::decode` makes (NUL bytes dropped), borrowed where
    // they hold no NUL and split only as far as the company and ticker are
    // found. A trailing empty piece after the last newline is not a line,
    // and holds neither.
    let lines = text.split('\n').map(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        if l.contains('\0') {
            Cow::Owned(l.replace('\0', ""))
        } else {
            Cow::Borrowed(l)
        }
    });
    let (company, ticker) = meta::company_and_ticker(lines);
    Ok(Peek {
        company: company.unwrap_or_default(),
        ticker: ticker.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peek_finds_what_loading_finds() {
        for source in crate::load::bundled() {
            let p = peek(&source).unwrap();
            let f = crate::load::load_one(&source).unwrap();
            assert_eq!(
                (p.company.as_str(), p.ticker.as_str()),
                ("Qifu Technology, Inc.", "QFIN")
            );
            assert_eq!((p.company, p.ticker), (f.company, f.ticker));
        }
    }

    #[test]
    fn nul_bytes_and_bad_input_peek_as_they_load() {
        let mut bytes = crate::load::bundled::Q1_2024.as_bytes().to_vec();
        let at = crate::load::bundled::Q1_2024.find("NASDAQ").unwrap();
        bytes.insert(at + 2, 0);
        let source = Source {
            id: "nul".into(),
            path: None,
            bytes,
        };
        assert_eq!(peek(&source).unwrap().ticker, "QFIN");
        let empty = Source {
            id: "e".into(),
            path: None,
            bytes: b" \n".to_vec(),
        };
        assert!(matches!(peek(&empty), Err(LoadError::Empty { .. })));
    }
}
