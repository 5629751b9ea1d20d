//! Balance sheets of both filings: periods, currencies, values with their
//! lines, sections and parent totals.

mod common;
use common::*;
use tieout::model::{Currency::*, RowKind, StatementKind::BalanceSheet};

#[test]
fn q1_balance_sheet_columns_and_cash() {
    let s = st(q1(), BalanceSheet);
    assert_eq!(s.columns.len(), 3);
    assert_eq!(s.columns[0].header, "December 31, 2023 RMB");
    assert_eq!(s.columns[2].header, "March 31, 2024 USD");
    assert_cell(
        cell(s, "Cash and cash equivalents", at(2024, 3, 31), RMB),
        "5301288",
        213,
    );
    assert_cell(
        cell(s, "Cash and cash equivalents", at(2023, 12, 31), RMB),
        "4177890",
        213,
    );
    assert_cell(
        cell(s, "Cash and cash equivalents", at(2024, 3, 31), USD),
        "734220",
        213,
    );
    assert_eq!(s.scale, tieout::model::Scale::Thousands);
}

#[test]
fn q1_amounts_due_from_related_parties_twice() {
    let s = st(q1(), BalanceSheet);
    let cur = row_n(s, "Amounts due from related parties", 0);
    let non = row_n(s, "Amounts due from related parties", 1);
    assert_eq!(cur.section.as_deref(), Some("Current assets"));
    assert_eq!(non.section.as_deref(), Some("Non-current assets"));
    assert_cell(cur.cell(1), "25253", 221);
    assert_cell(non.cell(1), "1677", 228);
    // Items roll up into their section totals, sections into TOTAL ASSETS.
    let tca = s
        .rows
        .iter()
        .position(|r| r.label == "Total current assets")
        .unwrap();
    let ta = s
        .rows
        .iter()
        .position(|r| r.label == "TOTAL ASSETS")
        .unwrap();
    assert_eq!(cur.parent, Some(tca));
    assert_eq!(s.rows[tca].parent, Some(ta));
    assert_eq!(s.rows[tca].kind, RowKind::Subtotal);
    assert_eq!(s.rows[ta].kind, RowKind::Total);
}
