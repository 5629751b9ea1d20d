//! Statements and their columns.

use super::period::Period;
use super::row::Row;
use serde::Serialize;
use strum::{Display, EnumIter, EnumString, IntoStaticStr};

/// Which statement a table is. The string form is the id used on the
/// command line and in exports (`balance-sheet`, `non-gaap`, ...).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Display,
    EnumString,
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum StatementKind {
    /// Condensed consolidated balance sheet.
    BalanceSheet,
    /// Statement of operations.
    IncomeStatement,
    /// Statement of cash flows.
    CashFlow,
    /// Statement of comprehensive income.
    ComprehensiveIncome,
    /// Reconciliation of GAAP and non-GAAP results.
    NonGaap,
    /// U.S. GAAP to IFRS reconciliation of the statement of operations.
    IfrsIncome,
    /// U.S. GAAP to IFRS reconciliation of the balance sheet.
    IfrsBalanceSheet,
    /// Key operating metrics gathered from the highlights.
    Metrics,
}

impl StatementKind {
    /// The id (`"balance-sheet"`).
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// A human title for tabs and headings.
    pub fn title(self) -> &'static str {
        match self {
            StatementKind::BalanceSheet => "Balance sheet",
            StatementKind::IncomeStatement => "Income statement",
            StatementKind::CashFlow => "Cash flow",
            StatementKind::ComprehensiveIncome => "Comprehensive income",
            StatementKind::NonGaap => "Non-GAAP",
            StatementKind::IfrsIncome => "IFRS income",
            StatementKind::IfrsBalanceSheet => "IFRS balance sheet",
            StatementKind::Metrics => "Key metrics",
        }
    }

    /// Whether columns are instants (balance sheets) rather than durations.
    pub fn is_instant(self) -> bool {
        matches!(
            self,
            StatementKind::BalanceSheet | StatementKind::IfrsBalanceSheet
        )
    }
}

/// Currencies the filings report in.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Display, EnumString,
)]
pub enum Currency {
    /// Renminbi.
    #[strum(serialize = "RMB")]
    RMB,
    /// U.S. dollars (convenience translation).
    #[strum(serialize = "USD")]
    USD,
}

/// The unit multiplier a number is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Display)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// As is (per-share amounts, share counts, percentages, counts).
    #[strum(serialize = "units")]
    Units,
    /// Thousands.
    #[strum(serialize = "thousands")]
    Thousands,
    /// Millions.
    #[strum(serialize = "millions")]
    Millions,
    /// Billions.
    #[strum(serialize = "billions")]
    Billions,
}

impl Scale {
    /// Powers of ten the scale stands for (3 for thousands).
    pub fn exponent(self) -> u32 {
        match self {
            Scale::Units => 0,
            Scale::Thousands => 3,
            Scale::Millions => 6,
            Scale::Billions => 9,
        }
    }
}

/// What a reconciliation column holds; ordinary statement columns are `Reported`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Display)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// An ordinary reported figure.
    #[strum(serialize = "reported")]
    Reported,
    /// "Amounts as reported under U.S. GAAP" in a reconciliation.
    #[strum(serialize = "us-gaap")]
    UsGaap,
    /// One adjustment column of a reconciliation (its name is the header).
    #[strum(serialize = "adjustment")]
    Adjustment,
    /// "Amounts as reported under IFRSs".
    #[strum(serialize = "ifrs")]
    Ifrs,
}

/// One column of a statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// The header as printed, its lines joined with spaces
    /// ("Three months ended June 30, 2024 USD"; for reconciliations the full
    /// header such as "Amounts as reported under U.S. GAAP").
    pub header: String,
    /// The period the column covers.
    pub period: Period,
    /// RMB or USD.
    pub currency: Currency,
    /// Reported, or the column's part in a reconciliation.
    pub role: ColumnRole,
    /// Source line (1-based) of the header line that names the period.
    pub line: usize,
}

/// One statement of a filing: a table, or several tables of the same kind
/// merged (a continued table, the three- and six-month halves).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    /// Which statement this is.
    pub kind: StatementKind,
    /// The title as printed ("Unaudited Condensed Consolidated Statements of Operations").
    pub title: String,
    /// The scale monetary amounts are printed in (thousands).
    pub scale: Scale,
    /// The columns, in printed order.
    pub columns: Vec<Column>,
    /// The rows, in printed order; each has one cell slot per column.
    pub rows: Vec<Row>,
    /// Source line (1-based) of the title.
    pub line: usize,
}

impl Statement {
    /// The first row whose cleaned label equals `label` (case-insensitive).
    pub fn row(&self, label: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.label.eq_ignore_ascii_case(label))
    }

    /// The index of the column covering `period` in `currency` with `role`.
    pub fn column_index(
        &self,
        period: &Period,
        currency: Currency,
        role: ColumnRole,
    ) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| &c.period == period && c.currency == currency && c.role == role)
    }
}
