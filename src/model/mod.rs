//! The exact in-memory model of a filing. Knows nothing of loading or display.

pub mod amount;
pub mod filing;
pub mod narrative;
pub mod period;
pub mod row;
pub mod statement;

pub use amount::Amount;
pub use filing::{ExchangeRate, Filing, LoadWarning, Repair, RepairKind, SourceText};
pub use narrative::{Claim, ClaimKind, FactPeriod, NarrativeFact, Quantity, RowRef};
pub use period::{Period, Quarter};
pub use row::{Cell, LabelOrigin, Row, RowKind, Unit};
pub use statement::{Column, ColumnRole, Currency, Scale, Statement, StatementKind};
