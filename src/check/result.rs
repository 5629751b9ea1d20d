//! Check results: what was compared, what was found, and where.

use crate::model::StatementKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
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

/// A cell that went into a check. Its texts are shared (`Arc<str>`): a run
/// yields hundreds of thousands of contributors naming the same filings,
/// labels, columns and cells.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contributor {
    /// Filing id.
    pub filing: Arc<str>,
    /// Statement, if the value is a table cell.
    pub statement: Option<StatementKind>,
    /// Row label (or narrative subject).
    pub label: Arc<str>,
    /// Column header, if a table cell.
    pub column: Option<Arc<str>>,
    /// The value as printed.
    pub value: Arc<str>,
    /// The weight it enters with (1, -1, or a factor such as 2 or 1/rate), as text.
    pub weight: Arc<str>,
    /// Source line (1-based).
    pub line: usize,
}

thread_local! {
    static SHARED: std::cell::RefCell<std::collections::HashSet<Arc<str>>> =
        std::cell::RefCell::default();
}

/// The shared copy of `s` for contributors of the current run.
pub(crate) fn shared(s: &str) -> Arc<str> {
    SHARED.with(|set| {
        let mut set = set.borrow_mut();
        if let Some(a) = set.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        set.insert(a.clone());
        a
    })
}

/// Forgets the shared strings (results keep their own references).
pub(crate) fn forget_shared() {
    SHARED.with(|set| set.borrow_mut().clear());
}

/// One check's result. Field names match the JSON output of `tieout check`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    /// Stable id, unique within a run ("footing/qfin-2024q2-6k/balance-sheet/total-current-assets/2").
    pub id: String,
    /// The family.
    pub kind: CheckKind,
    /// pass, fail, warn or skip.
    pub status: Status,
    /// Filing id of the reported value.
    pub filing: String,
    /// Statement of the reported value (none for narrative-only claims).
    pub statement: Option<StatementKind>,
    /// Row label (or narrative subject) of the reported value.
    pub label: String,
    /// Column header of the reported value.
    pub column: Option<String>,
    /// End date of the reported value's period.
    pub period_end: Option<NaiveDate>,
    /// What the reported value should be: the computed interval ("[16672.5, 16673.5]") or value.
    pub expected: Option<String>,
    /// The reported value as printed.
    pub actual: Option<String>,
    /// Distance from the reported interval to the expected one (0 when they overlap).
    pub difference: Option<String>,
    /// A sentence a person understands.
    pub message: String,
    /// Source line (1-based) of the reported value.
    pub line: Option<usize>,
    /// The cells that went into the expected value.
    pub contributors: Vec<Contributor>,
    /// Row index of the reported value within its statement (for jumping to it).
    #[serde(skip)]
    pub row_index: Option<usize>,
    /// Column index of the reported value within its statement.
    #[serde(skip)]
    pub column_index: Option<usize>,
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
