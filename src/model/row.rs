//! Rows, cells and where their labels came from.

use super::amount::Amount;
use super::statement::Scale;
use serde::Serialize;

/// The structural part a row plays in its statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A section heading without values ("Current assets:").
    Header,
    /// An ordinary line item.
    Item,
    /// A total of a section within a larger total ("Total current assets",
    /// "Credit driven services" heading its components).
    Subtotal,
    /// A grand total ("TOTAL ASSETS", "Net income").
    Total,
}

/// What a row's numbers measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Money in the column's currency at the row's scale.
    Money,
    /// Money per ordinary share or per ADS (units).
    PerShare,
    /// A number of shares or ADSs.
    Shares,
    /// A percentage printed without its `%`.
    Percent,
    /// A count of things (partners, loans, consumers).
    Count,
    /// Months (contractual tenor).
    Months,
}

impl Unit {
    /// Whether cells of this unit carry the column's currency.
    pub fn has_currency(self) -> bool {
        matches!(self, Unit::Money | Unit::PerShare)
    }
}

/// Where a row's label came from: as printed, or repaired by the loader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "origin", rename_all = "snake_case")]
pub enum LabelOrigin {
    /// Printed on one line as is (after removing markup and footnote marks).
    Printed,
    /// Printed over several lines and joined.
    Joined,
    /// Garbled by extraction and repaired (the printed text is kept).
    Repaired {
        /// The label exactly as it appeared.
        printed: String,
    },
    /// Split out of a line holding several rows.
    Split,
    /// Lost in extraction and recovered from the same statement of another filing.
    Recovered {
        /// Id of the filing the label was taken from.
        from: String,
    },
    /// Lost in extraction and not recoverable: the row keeps its values only.
    Missing,
}

/// One value of a row in one column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The number as printed.
    pub amount: Amount,
    /// The text it was read from ("(2,236)", "-", "27.9%").
    pub raw: String,
    /// Source line (1-based) the value was read from.
    pub line: usize,
}

/// One row of a statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The cleaned label: markup, footnote marks and stray spaces removed,
    /// split labels joined, garbled labels repaired.
    pub label: String,
    /// Where the label came from.
    pub origin: LabelOrigin,
    /// The section heading the row sits under, if any ("Current assets").
    pub section: Option<String>,
    /// Index of the row this one is a component of (its header or parent total).
    pub parent: Option<usize>,
    /// Nesting depth for display (0 for top level).
    pub depth: u8,
    /// Header, item, subtotal or total.
    pub kind: RowKind,
    /// What the numbers measure.
    pub unit: Unit,
    /// The scale the numbers are printed in (thousands for money in a
    /// thousands statement, units for per-share data).
    pub scale: Scale,
    /// One slot per statement column; `None` where nothing was printed.
    pub cells: Vec<Option<Cell>>,
    /// Source line (1-based) of the label (its first line when joined).
    pub line: usize,
}

impl Row {
    /// The cell in column `col`, if printed.
    pub fn cell(&self, col: usize) -> Option<&Cell> {
        self.cells.get(col).and_then(Option::as_ref)
    }

    /// Whether the row's label was changed or supplied by the loader.
    pub fn is_repaired(&self) -> bool {
        !matches!(self.origin, LabelOrigin::Printed)
    }
}
