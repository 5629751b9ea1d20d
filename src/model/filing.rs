//! A loaded filing, with everything the loader repaired or could not read.

use super::narrative::{Claim, NarrativeFact};
use super::period::Quarter;
use super::statement::{Statement, StatementKind};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// The stated convenience translation rate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExchangeRate {
    /// RMB per US$1.00 (7.2672).
    #[serde(with = "rust_decimal::serde::str")]
    pub rmb_per_usd: Decimal,
    /// Source line (1-based).
    pub line: usize,
}

/// What kind of repair the loader made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A label printed over two lines was joined.
    JoinedLabel,
    /// One line holding two or more rows was split into rows.
    SplitMergedRow,
    /// A garbled label was replaced by the label it stands for.
    RepairedLabel,
    /// A lost label was taken from the same statement of another filing.
    RecoveredLabel,
    /// A lost label could not be recovered; the row is kept unlabeled.
    UnlabeledRow,
    /// A lost or broken column header was reconstructed.
    RecoveredHeader,
    /// A table continued after a page break was joined to its first part.
    ContinuedTable,
    /// A lost caption was inferred (and how).
    InferredCaption,
    /// A row printed twice was kept once (values merged).
    DuplicateRow,
    /// A number printed with OCR damage was read as the number it stands for.
    RepairedNumber,
    /// Values printed on a heading line were moved to the row below it,
    /// where they belong.
    MovedValues,
}

/// A change the loader made to what was printed, so nothing is fixed silently.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repair {
    /// What kind of repair.
    pub kind: RepairKind,
    /// The statement it happened in, if any.
    pub statement: Option<StatementKind>,
    /// The row label after the repair, if it concerns a row.
    pub label: Option<String>,
    /// A sentence saying what changed and why.
    pub description: String,
    /// Source lines (1-based) involved.
    pub lines: Vec<usize>,
}

/// Something the loader could not read; the line is kept in the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadWarning {
    /// Source line (1-based), if the warning concerns one line.
    pub line: Option<usize>,
    /// What could not be read and why.
    pub message: String,
}

/// One filing: its statements, narrative facts, and its source text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Filing {
    /// The file name without extension ("qfin-2024q2-6k").
    pub id: String,
    /// Company name ("Qifu Technology, Inc.").
    pub company: String,
    /// Ticker ("QFIN").
    pub ticker: String,
    /// The quarter the filing reports.
    pub quarter: Quarter,
    /// The date the release was issued, if printed.
    pub date: Option<NaiveDate>,
    /// The stated RMB/USD convenience rate.
    pub exchange_rate: Option<ExchangeRate>,
    /// Statements in printed order, one per kind (the metrics statement last).
    pub statements: Vec<Statement>,
    /// Figures stated in the text.
    pub facts: Vec<NarrativeFact>,
    /// Growth, share and breakdown claims in the text.
    pub claims: Vec<Claim>,
    /// Every repair the loader made.
    pub repairs: Vec<Repair>,
    /// Every line the loader could not read.
    pub warnings: Vec<LoadWarning>,
    /// The source text (line `n` is `source.line(n)`).
    #[serde(skip)]
    pub source: SourceText,
}

/// A filing's source text: one string holding every line, and where each
/// line starts (one allocation for the whole text, not one per line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText {
    /// The lines, each followed by `\n`.
    text: String,
    /// Byte offset of each line's start in `text`.
    starts: Vec<usize>,
}

impl SourceText {
    /// The text of `lines` (without line endings).
    pub fn from_lines<S: AsRef<str>>(lines: &[S]) -> Self {
        let len = lines.iter().map(|l| l.as_ref().len() + 1).sum();
        let mut text = String::with_capacity(len);
        let mut starts = Vec::with_capacity(lines.len());
        for l in lines {
            starts.push(text.len());
            text.push_str(l.as_ref());
            text.push('\n');
        }
        SourceText { text, starts }
    }

    /// Line `n` (1-based), without its line ending.
    pub fn line(&self, n: usize) -> Option<&str> {
        let i = n.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&e| e) - 1;
        Some(&self.text[start..end])
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The lines in order.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        (1..=self.line_count()).filter_map(|n| self.line(n))
    }
}

impl<S: AsRef<str>> FromIterator<S> for SourceText {
    fn from_iter<I: IntoIterator<Item = S>>(lines: I) -> Self {
        let mut s = SourceText::default();
        for l in lines {
            s.starts.push(s.text.len());
            s.text.push_str(l.as_ref());
            s.text.push('\n');
        }
        s
    }
}

impl From<Vec<String>> for SourceText {
    fn from(lines: Vec<String>) -> Self {
        SourceText::from_lines(&lines)
    }
}

impl Filing {
    /// The statement of `kind`, if loaded.
    pub fn statement(&self, kind: StatementKind) -> Option<&Statement> {
        self.statements.iter().find(|s| s.kind == kind)
    }

    /// The key metrics statement, if the highlights held any.
    pub fn metrics(&self) -> Option<&Statement> {
        self.statement(StatementKind::Metrics)
    }

    /// Source line `n` (1-based).
    pub fn line(&self, n: usize) -> Option<&str> {
        self.source.line(n)
    }

    /// Number of source lines.
    pub fn line_count(&self) -> usize {
        self.source.line_count()
    }

    /// The source lines in order.
    pub fn source_lines(&self) -> impl Iterator<Item = &str> {
        self.source.lines()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_lines_round_trip() {
        let lines = vec!["a\tb".to_string(), String::new(), "last".to_string()];
        let s = SourceText::from_lines(&lines);
        assert_eq!(s.line_count(), 3);
        assert_eq!(s.line(1), Some("a\tb"));
        assert_eq!(s.line(2), Some(""));
        assert_eq!(s.line(3), Some("last"));
        assert_eq!((s.line(0), s.line(4)), (None, None));
        assert_eq!(s.lines().collect::<Vec<_>>(), lines);
        assert_eq!(SourceText::default().line(1), None);
    }
}
