//! One record per printed cell: the unit of `tieout export`.

use crate::model::{Filing, Statement};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One cell of one statement, flattened. Field order is the CSV header:
/// `filing,statement,label,column,period_start,period_end,currency,value,line`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Filing id ("qfin-2024q2-6k").
    pub filing: String,
    /// Statement id ("income-statement").
    pub statement: String,
    /// The row's cleaned label.
    pub label: String,
    /// The column's header as printed (the full header for reconciliation columns).
    pub column: String,
    /// First day of the period; empty (None) for instants.
    pub period_start: Option<NaiveDate>,
    /// Last day of the period (the date itself for instants).
    pub period_end: NaiveDate,
    /// "RMB" or "USD"; empty (None) for share counts, percentages and counts.
    pub currency: Option<String>,
    /// The value as printed in the statement's unit: no separators or `%`,
    /// a leading minus for parentheses, 0 for a dash.
    pub value: String,
    /// 1-based source line of the value.
    pub line: usize,
}

/// Every printed cell of every statement of `filings`, in filing, statement,
/// row, column order.
pub fn records(filings: &[Filing]) -> Vec<Record> {
    filings
        .iter()
        .flat_map(|f| f.statements.iter().flat_map(|s| statement_records(f, s)))
        .collect()
}

/// The printed cells of one statement, row by row.
pub fn statement_records(filing: &Filing, statement: &Statement) -> Vec<Record> {
    let mut out = Vec::new();
    for row in &statement.rows {
        for (col, column) in statement.columns.iter().enumerate() {
            let Some(cell) = row.cell(col) else { continue };
            out.push(Record {
                filing: filing.id.clone(),
                statement: statement.kind.id().to_string(),
                label: row.label.clone(),
                column: column.header.clone(),
                period_start: column.period.start(),
                period_end: column.period.end(),
                currency: row.unit.has_currency().then(|| column.currency.to_string()),
                value: cell.amount.plain(),
                line: cell.line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn one_record_per_printed_cell_with_period_currency_and_line() {
        let filing = fixture::filing();
        let recs = records(std::slice::from_ref(&filing));
        // Income statement: 3 money rows and EPS in 2 columns, shares in 1 of 2
        // (the header row has no cells); balance sheet: 2 rows in 1 column.
        assert_eq!(recs.len(), 4 * 2 + 1 + 2);
        let revenue = &recs[0];
        assert_eq!(revenue.label, "Total net revenue");
        assert_eq!(revenue.column, "Three months ended June 30, 2024 RMB");
        assert_eq!(revenue.period_start, NaiveDate::from_ymd_opt(2024, 4, 1));
        assert_eq!(
            revenue.period_end,
            NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
        );
        assert_eq!(revenue.currency.as_deref(), Some("RMB"));
        assert_eq!(revenue.value, "4160063");
        assert_eq!(revenue.line, 301);
        let usd = &recs[1];
        assert_eq!(usd.currency.as_deref(), Some("USD"));
        assert_eq!(usd.value, "572443");
    }

    #[test]
    fn parentheses_dashes_per_share_and_shares() {
        let filing = fixture::filing();
        let recs = records(std::slice::from_ref(&filing));
        let find = |label: &str, col: &str| {
            recs.iter()
                .find(|r| r.label == label && r.column.ends_with(col))
                .unwrap_or_else(|| panic!("{label} {col}"))
        };
        assert_eq!(
            find("Provision for contingent liabilities", "RMB").value,
            "-213267"
        );
        assert_eq!(find("Investment loss", "RMB").value, "0");
        assert_eq!(find("Basic", "USD").value, "0.62");
        let shares = find("Weighted average shares", "RMB");
        assert_eq!(shares.value, "303761387");
        assert_eq!(shares.currency, None);
        // The USD cell of the share count was not printed: no record.
        assert!(
            !recs
                .iter()
                .any(|r| r.label == "Weighted average shares" && r.column.ends_with("USD"))
        );
    }

    #[test]
    fn instants_have_no_period_start() {
        let filing = fixture::filing();
        let recs = records(std::slice::from_ref(&filing));
        let cash = recs
            .iter()
            .find(|r| r.statement == "balance-sheet")
            .unwrap();
        assert_eq!(cash.period_start, None);
        assert_eq!(
            cash.period_end,
            NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
        );
        assert_eq!(cash.label, "Cash and cash equivalents");
    }
}
