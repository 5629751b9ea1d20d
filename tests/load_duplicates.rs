//! A row printed twice is merged only when it really is the same row: rows
//! whose labels differ only in digits, or whose values disagree, are kept.

use tieout::load::{Source, load_one};
use tieout::model::{RepairKind, StatementKind};

fn balance_sheet(rows: &str) -> Source {
    let text = format!(
        "## Unaudited Condensed Consolidated Balance Sheets\n\n\
         (Amounts in thousands of Renminbi (\"RMB\") and U.S. dollars (\"USD\")\n\
         except for number of shares and per share data, or otherwise noted)\n\n\
         \tDecember 31, 2023\tMarch 31, 2024\tMarch 31, 2024\n\
         \tRMB\tRMB\tUSD\n\
         Current assets:\t\t\t\n{rows}"
    );
    Source {
        id: "dupes".into(),
        path: None,
        bytes: text.into_bytes(),
    }
}

#[test]
fn labels_differing_in_digits_are_distinct_rows() {
    let rows: String = (0..10)
        .map(|n| {
            format!(
                "Receivable from counterparty {n}\t{}\t{}\t{}\n",
                100 + n,
                200 + n,
                30 + n
            )
        })
        .collect();
    let filing = load_one(&balance_sheet(&rows)).unwrap();
    let bs = filing.statement(StatementKind::BalanceSheet).unwrap();
    let items: Vec<_> = bs
        .rows
        .iter()
        .filter(|r| r.label.starts_with("Receivable from counterparty"))
        .collect();
    assert_eq!(items.len(), 10);
    assert_eq!(items[7].label, "Receivable from counterparty 7");
    assert_eq!(items[7].cell(1).unwrap().amount.value, 207.into());
    assert_eq!(items[7].cell(1).unwrap().line, 16);
    assert!(
        !filing
            .repairs
            .iter()
            .any(|r| r.kind == RepairKind::DuplicateRow)
    );
}

#[test]
fn same_label_with_conflicting_values_is_kept_twice() {
    let rows = "Other receivables\t10\t20\t3\nOther receivables\t11\t21\t3\n";
    let filing = load_one(&balance_sheet(rows)).unwrap();
    let bs = filing.statement(StatementKind::BalanceSheet).unwrap();
    let values: Vec<_> = bs
        .rows
        .iter()
        .filter(|r| r.label == "Other receivables")
        .map(|r| r.cell(0).unwrap().amount.value)
        .collect();
    assert_eq!(values, vec![10.into(), 11.into()]);
}

#[test]
fn a_row_printed_twice_with_missing_values_is_merged_and_recorded() {
    let rows = "Other receivables\t\t\t3\nOther receivables\t10\t20\t\n";
    let filing = load_one(&balance_sheet(rows)).unwrap();
    let bs = filing.statement(StatementKind::BalanceSheet).unwrap();
    let row = bs.row("Other receivables").unwrap();
    assert_eq!(row.cell(0).unwrap().amount.value, 10.into());
    assert_eq!(row.cell(2).unwrap().amount.value, 3.into());
    assert_eq!(row.cell(2).unwrap().line, 9);
    assert_eq!(row.cell(0).unwrap().line, 10);
    assert!(
        filing
            .repairs
            .iter()
            .any(|r| r.kind == RepairKind::DuplicateRow)
    );
}
