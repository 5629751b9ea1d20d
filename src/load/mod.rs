//! The loader: bytes of a filing (Markdown release or PDF-extracted text) to
//! the exact model, through a general pipeline. Knows nothing of display.
//!
//! 1. [`text`]: bytes to lines (lossy UTF-8, NUL bytes, empty/binary checks).
//! 2. [`block`]: runs of table lines and their captions; [`line`] classifies
//!    each table line and [`table`] splits a block into tables.
//! 3. [`header`]: multi-line headers, periods, currencies, reconciliation
//!    columns; [`infer`] recovers periods a header or caption lost.
//! 4. [`rows`]: labels joined, repaired, split, deduplicated; values read
//!    exactly; [`smear`] rebuilds cumulatively smeared lines.
//! 5. [`merge`]: tables of one kind merged into a statement; [`structure`]
//!    sets kinds, sections, units and parents; [`recover`] takes lost labels
//!    from another filing (in [`load_all`]).
//!
//! [`assemble`] runs stages 2-4 over a text; [`clean`], [`number`],
//! [`vocab`] (assets/labels.toml) and [`context`] are shared pieces.

pub mod assemble;
pub mod block;
pub mod bundled;
pub mod clean;
pub mod context;
pub mod error;
pub mod header;
pub mod infer;
pub mod known;
pub mod line;
pub mod merge;
pub mod meta;
pub mod meta_scan;
pub mod narrative;
pub mod number;
pub mod peek;
pub mod phrase;
pub mod recover;
pub mod rows;
pub mod scan;
pub mod smear;
pub mod structure;
pub mod table;
pub mod text;
pub mod vocab;

pub use bundled::bundled;
pub use error::LoadError;
pub use peek::{Peek, peek};

use crate::model::{Filing, SourceText, Statement};
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
    let file = source.display_name();
    let text = text::decode(&source.bytes, &file)?;
    let lines = text.lines;
    let mut ctx = context::Ctx {
        warnings: text.warnings,
        ..Default::default()
    };
    let meta = meta::read(&lines);
    let narrative = narrative::extract(&lines, &meta);
    let company = vocab::Vocab::get().company(meta.company.as_deref().unwrap_or(""));
    let mut tables = assemble::tables(&lines, &company, &mut ctx);
    infer::periods(&mut tables, meta.quarter, &mut ctx);
    // Tables grouped by kind (kinds in order of first appearance), moved
    // into their statement.
    let mut groups: Vec<Vec<merge::Table>> = Vec::new();
    for t in tables {
        match groups.iter_mut().find(|g| g[0].kind == t.kind) {
            Some(g) => g.push(t),
            None => groups.push(vec![t]),
        }
    }
    let mut statements: Vec<Statement> = groups
        .into_iter()
        .map(|of_kind| merge::statement(of_kind, Some(&company)))
        .collect();
    if statements.is_empty() {
        return Err(LoadError::NoStatements { file });
    }
    if let Some(m) = narrative.metrics {
        statements.push(m);
    }
    // The lines are needed no longer: the filing keeps the text in one string.
    let source_text = SourceText::from_lines(&lines);
    drop(lines);
    let quarter = meta
        .quarter
        .unwrap_or_else(|| infer::quarter_of(&statements));
    let mut filing = Filing {
        id: source.id.clone(),
        company: meta.company.clone().unwrap_or_default(),
        ticker: meta.ticker.clone().unwrap_or_default(),
        quarter,
        date: meta.date,
        exchange_rate: meta.exchange_rate.clone(),
        statements,
        facts: narrative.facts,
        claims: narrative.claims,
        repairs: ctx.repairs,
        warnings: ctx.warnings,
        source: source_text,
    };
    filing.warnings.sort_by_key(|w| w.line);
    narrative::link(&mut filing);
    Ok(filing)
}

/// Loads every source, one per core. A source that fails does not stop the
/// others; its error is returned beside the filings that loaded.
/// Cross-filing repairs (labels recovered from the same statement of
/// another filing of the company) happen here.
pub fn load_all(sources: &[Source]) -> (Vec<Filing>, Vec<LoadError>) {
    let mut filings = Vec::new();
    let mut errors = Vec::new();
    // Filings load independently: one per core, results in source order.
    for loaded in crate::par::map(sources, crate::par::threads(), load_one) {
        match loaded {
            Ok(f) => filings.push(f),
            Err(e) => errors.push(e),
        }
    }
    recover::labels(&mut filings);
    (filings, errors)
}
