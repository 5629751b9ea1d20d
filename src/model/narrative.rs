//! Figures stated in the narrative text, and claims made about them.

use super::amount::Amount;
use super::row::Unit;
use super::statement::{Currency, Scale, StatementKind};
use serde::Serialize;

/// A quantity as written in prose: "RMB4,160.1 million", "241.4 million", "12.2%".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The number as printed.
    pub amount: Amount,
    /// The scale word that followed it (millions, billions) or units.
    pub scale: Scale,
    /// The currency prefix, if any.
    pub currency: Option<Currency>,
    /// Money, count, percent, months, per share.
    pub unit: Unit,
    /// The text it was read from ("RMB4,160.1 million").
    pub raw: String,
}

/// Which period a narrative figure speaks of, relative to the filing's quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactPeriod {
    /// The quarter the filing reports.
    Current,
    /// The same quarter a year earlier.
    SamePeriodLastYear,
    /// The quarter before.
    PriorQuarter,
    /// The end of the quarter the filing reports (an "as of" figure).
    CurrentInstant,
    /// The same date a year earlier.
    YearAgoInstant,
}

/// A reference to a statement row by statement kind and cleaned label.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct RowRef {
    /// The statement the row is in.
    pub statement: StatementKind,
    /// The row's cleaned label.
    pub label: String,
    /// The row's index in the filing's statement of that kind, once resolved
    /// (labels can repeat: "Other services fees", "Basic").
    pub row: Option<usize>,
}

/// A figure stated in the text, such as the RMB4,160.1 million of
/// "Total net revenue was RMB4,160.1 million (US$572.4 million), ...".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NarrativeFact {
    /// The subject as written ("Total net revenue", "Net income attributed to the Company").
    pub subject: String,
    /// The statement row the subject denotes, when known.
    pub row: Option<RowRef>,
    /// The figure.
    pub quantity: Quantity,
    /// The period it speaks of.
    pub period: FactPeriod,
    /// Source line (1-based).
    pub line: usize,
}

/// The kind of arithmetic a claim asserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// "an increase of 12.2% from 220.6 million a year ago": value against base.
    Growth,
    /// "representing 64.9% of the total": value as a share of a total.
    ShareOfTotal,
    /// A footnoted breakdown: parts that must sum to a total.
    Breakdown,
}

/// A claim in the text with its operands, checkable by arithmetic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Growth, share of total or breakdown.
    pub kind: ClaimKind,
    /// What the claim is about ("consumers", "capital-light loan volume").
    pub subject: String,
    /// The stated percentage (growth or share), signed: a decrease is negative.
    pub percent: Option<Quantity>,
    /// The figure the claim is about (the new value, the part, or the total of a breakdown).
    pub value: Option<Quantity>,
    /// The comparison base (growth) or the total (share of total).
    pub base: Option<Quantity>,
    /// The parts of a breakdown stated in the text.
    pub parts: Vec<Quantity>,
    /// Parts of a breakdown that are statement rows (footnote 11's cash figure).
    pub part_rows: Vec<RowRef>,
    /// Source lines (1-based) of the claim and its operands, in this order:
    /// growth and share of total: the percent's line, the value's, the
    /// base's (total's); breakdown: the total's line, each part's, then the
    /// footnote's.
    pub lines: Vec<usize>,
}
