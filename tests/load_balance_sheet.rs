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

#[test]
fn q2_balance_sheet_june_values() {
    let s = st(q2(), BalanceSheet);
    assert_eq!(s.columns[1].header, "June 30, 2024 RMB");
    assert_eq!(s.columns[1].period, at(2024, 6, 30));
    assert_cell(
        cell(s, "Cash and cash equivalents", at(2024, 6, 30), RMB),
        "6337134",
        240,
    );
    assert_cell(
        cell(s, "TOTAL ASSETS", at(2024, 6, 30), USD),
        "6465081",
        263,
    );
    assert_cell(
        cell(s, "Total current liabilities", at(2024, 6, 30), RMB),
        "16883628",
        275,
    );
}

#[test]
fn q2_ghost_values_on_section_heading_are_ignored() {
    // 276 "Non-current liabilities:\t17,077,017..." is a heading.
    let f = q2();
    let s = st(f, BalanceSheet);
    let h = row_n(s, "Non-current liabilities:", 0);
    assert_eq!(h.kind, RowKind::Header);
    assert_eq!(h.line, 276);
    assert!(h.cells.iter().all(Option::is_none));
    assert!(f.warnings.iter().any(|w| w.line == Some(276)));
    // The row below keeps its own values.
    assert_cell(
        cell(s, "Deferred tax liabilities", at(2024, 6, 30), RMB),
        "453808",
        277,
    );
}

#[test]
fn q2_junk_line_inside_balance_sheet_warns() {
    // 264 "\t,\t,,,.\t2,122,002"
    let f = q2();
    assert!(f.warnings.iter().any(|w| w.line == Some(264)));
    let s = st(f, BalanceSheet);
    assert!(
        s.rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .all(|c| c.line != 264)
    );
}
