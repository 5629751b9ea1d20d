//! Check results: what was compared, what was found, and where.

use super::id::CheckId;
use super::message::{Explanation, Message};
use super::text::{Difference, Expected, Shared, Weight};
use crate::model::StatementKind;
use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use strum::Display;

/// The family a check belongs to.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Display,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum CheckKind {
    /// Components against their subtotal or total.
    Footing,
    /// Accounting identities (assets = liabilities + equity, ...).
    Identity,
    /// Reconciliation rows and reconciliation figures against the statements.
    CrossFoot,
    /// Period roll-ups and figures repeated across filings.
    Period,
    /// USD convenience translations.
    Fx,
    /// Margins, EPS and per-ADS amounts.
    Ratio,
    /// Narrative figures and claims against the tables.
    Narrative,
    /// Figures printed at an odd scale or precision.
    Scale,
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Display)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    /// Failed: the figures cannot all be right.
    Fail,
    /// Suspicious but not provably wrong.
    Warn,
    /// Ties out within rounding.
    Pass,
    /// Could not run: an input is absent.
    Skip,
}

/// A cell (or a figure of the text) that went into a check. Its texts are
/// shared: a run yields hundreds of thousands of contributors naming the
/// same filings, labels, columns and cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Contributor {
    /// Filing id.
    pub filing: Shared,
    /// Statement, if the value is a table cell.
    pub statement: Option<StatementKind>,
    /// Row label (or narrative subject).
    pub label: Shared,
    /// Column header, if a table cell.
    pub column: Option<Shared>,
    /// The value as printed.
    pub value: Shared,
    /// The weight it enters with (1, -1, or a factor such as 2 or 1/rate).
    pub weight: Weight,
    /// Source line (1-based).
    pub line: usize,
}

/// One check's result. Structured: the id, message and computed figures
/// are written only when shown or serialised (field names as in the JSON
/// output of `tieout check`; see [`CheckResult::message`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// Stable id, unique within a run ("footing/qfin-2024q2-6k/balance-sheet/total-current-assets/2").
    pub id: CheckId,
    /// The family.
    pub kind: CheckKind,
    /// pass, fail, warn or skip.
    pub status: Status,
    /// Filing id of the reported value.
    pub filing: Shared,
    /// Statement of the reported value (none for narrative-only claims).
    pub statement: Option<StatementKind>,
    /// Row label (or narrative subject) of the reported value.
    pub label: Shared,
    /// Column header of the reported value.
    pub column: Option<Shared>,
    /// End date of the reported value's period.
    pub period_end: Option<NaiveDate>,
    /// What the reported value should be: the computed interval ("[16672.5, 16673.5]") or value.
    pub expected: Option<Expected>,
    /// The reported value as printed.
    pub actual: Option<Shared>,
    /// Distance from the reported interval to the expected one (0 when they overlap).
    pub difference: Option<Difference>,
    /// Why the result has its status: the parts of [`CheckResult::message`].
    pub explanation: Explanation,
    /// Source line (1-based) of the reported value.
    pub line: Option<usize>,
    /// The cells that went into the expected value.
    pub contributors: Vec<Contributor>,
    /// Row index of the reported value within its statement (for jumping to it).
    pub row_index: Option<usize>,
    /// Column index of the reported value within its statement.
    pub column_index: Option<usize>,
}

impl CheckResult {
    /// A sentence a person understands (written when displayed).
    pub fn message(&self) -> Message<'_> {
        Message(self)
    }
}

/// Keys in alphabetical order, as `tieout check --format json` prints them.
impl Serialize for CheckResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("CheckResult", 14)?;
        m.serialize_field("actual", &self.actual)?;
        m.serialize_field("column", &self.column)?;
        m.serialize_field("contributors", &self.contributors)?;
        m.serialize_field("difference", &self.difference)?;
        m.serialize_field("expected", &self.expected)?;
        m.serialize_field("filing", &self.filing)?;
        m.serialize_field("id", &self.id)?;
        m.serialize_field("kind", &self.kind)?;
        m.serialize_field("label", &self.label)?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("message", &Collect(&self.message()))?;
        m.serialize_field("period_end", &self.period_end)?;
        m.serialize_field("statement", &self.statement)?;
        m.serialize_field("status", &self.status)?;
        m.end()
    }
}

/// Keys in alphabetical order, as `tieout check --format json` prints them.
impl Serialize for Contributor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Contributor", 7)?;
        m.serialize_field("column", &self.column)?;
        m.serialize_field("filing", &self.filing)?;
        m.serialize_field("label", &self.label)?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("statement", &self.statement)?;
        m.serialize_field("value", &self.value)?;
        m.serialize_field("weight", &self.weight)?;
        m.end()
    }
}

/// Serialises a displayable value as a string.
struct Collect<'a, T>(&'a T);

impl<T: std::fmt::Display> Serialize for Collect<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

/// All results of a run, in a stable order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every check run.
    pub checks: Vec<CheckResult>,
}

/// Counts per status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Passed checks.
    pub pass: usize,
    /// Failed checks.
    pub fail: usize,
    /// Warnings.
    pub warn: usize,
    /// Skipped checks.
    pub skip: usize,
}

impl Report {
    /// Counts per status.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.checks {
            s.count(c.status);
        }
        s
    }
}

impl Summary {
    /// Counts one more result of `status`.
    pub fn count(&mut self, status: Status) {
        match status {
            Status::Pass => self.pass += 1,
            Status::Fail => self.fail += 1,
            Status::Warn => self.warn += 1,
            Status::Skip => self.skip += 1,
        }
    }
}
