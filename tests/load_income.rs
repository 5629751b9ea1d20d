//! Statements of operations, cash flows and comprehensive income of both
//! filings: every period and currency, signs, per-share and share rows.

mod common;
use common::*;
use tieout::model::{Currency::*, RowKind, Scale, StatementKind::*, Unit};

#[test]
fn q1_operations_values() {
    let s = st(q1(), IncomeStatement);
    assert_cell(
        cell(
            s,
            "Provision for accounts receivable and contract assets",
            q(2023, 3, 31),
            RMB,
        ),
        "-2236",
        285,
    );
    assert_cell(
        cell(s, "Income taxes expense", q(2024, 3, 31), USD),
        "-50699",
        294,
    );
    assert_cell(cell(s, "Net income", q(2024, 3, 31), RMB), "1160144", 295);
    let shares = row_n(s, "Diluted", 2);
    assert_eq!((shares.unit, shares.scale), (Unit::Shares, Scale::Units));
    assert_cell(shares.cell(0), "331219266", 306);
    assert_eq!(row_n(s, "Net income", 0).scale, Scale::Thousands);
}

#[test]
fn q2_operations_values() {
    let s = st(q2(), IncomeStatement);
    assert_cell(
        cell(s, "Total net revenue", q(2024, 6, 30), RMB),
        "4160063",
        301,
    );
    assert_cell(
        cell(
            s,
            "Provision for contingent liabilities",
            q(2024, 6, 30),
            RMB,
        ),
        "-213267",
        310,
    );
    assert_cell(
        cell(s, "Investment loss", q(2023, 6, 30), RMB),
        "-30112",
        316,
    );
    assert_cell(cell(s, "Net income", h1(2024), USD), "349056", 319);
    assert_cell(cell(s, "Basic", h1(2023), RMB), "6.29", 324);
    // "Other services fees" twice: credit driven and platform.
    let a = row_n(s, "Other services fees", 0);
    let b = row_n(s, "Other services fees", 1);
    assert_cell(a.cell(1), "98436", 296);
    assert_cell(b.cell(1), "99962", 300);
    let platform = s
        .rows
        .iter()
        .position(|r| r.label == "Platform services")
        .unwrap();
    assert_eq!(b.parent, Some(platform));
    let total = s
        .rows
        .iter()
        .position(|r| r.label == "Total net revenue")
        .unwrap();
    assert_eq!(s.rows[platform].parent, Some(total));
    assert_eq!(s.rows[total].kind, RowKind::Total);
}

#[test]
fn cash_flow_both_filings() {
    let s = st(q1(), CashFlow);
    assert_cell(
        cell(
            s,
            "Net cash used in investing activities",
            q(2023, 3, 31),
            RMB,
        ),
        "-3564207",
        317,
    );
    let s = st(q2(), CashFlow);
    assert_cell(
        cell(
            s,
            "Cash, cash equivalents, and restricted cash, end of period",
            h1(2024),
            RMB,
        ),
        "8372314",
        346,
    );
    let end = s
        .rows
        .iter()
        .position(|r| r.label == "Cash, cash equivalents, and restricted cash, end of period")
        .unwrap();
    let begin = row_n(
        s,
        "Cash, cash equivalents, and restricted cash, beginning of period",
        0,
    );
    assert_eq!(begin.parent, Some(end));
}

#[test]
fn q1_comprehensive_income() {
    let s = st(q1(), ComprehensiveIncome);
    assert_eq!(
        s.title,
        "Unaudited Condensed Consolidated Statements of Comprehensive (Loss)/Income"
    );
    assert_cell(
        cell(
            s,
            "Foreign currency translation adjustment",
            q(2023, 3, 31),
            RMB,
        ),
        "-2808",
        334,
    );
    assert_eq!(
        row_n(s, "Other comprehensive income, net of tax of nil:", 0).kind,
        RowKind::Header
    );
    // The heading's section closes at "Total comprehensive income".
    let oci = Some("Other comprehensive income, net of tax of nil");
    assert_eq!(
        row_n(s, "Foreign currency translation adjustment", 0)
            .section
            .as_deref(),
        oci
    );
    assert_eq!(
        row_n(s, "Other comprehensive (loss) income", 0)
            .section
            .as_deref(),
        oci
    );
    for label in [
        "Total comprehensive income",
        "Comprehensive loss attributable to noncontrolling interests",
        "Comprehensive income attributable to ordinary shareholders",
    ] {
        assert_eq!(row_n(s, label, 0).section, None, "{label}");
    }
    let total = row_n(s, "Total comprehensive income", 0);
    assert_cell(total.cell(2), "160956", 336);
}

#[test]
fn statement_kinds_in_printed_order() {
    let ids = |f: &tieout::model::Filing| -> Vec<&'static str> {
        f.statements.iter().map(|s| s.kind.id()).collect()
    };
    assert_eq!(
        ids(q1())[..5],
        [
            "balance-sheet",
            "income-statement",
            "cash-flow",
            "comprehensive-income",
            "non-gaap"
        ]
    );
    assert_eq!(
        ids(q2())[..7],
        [
            "balance-sheet",
            "income-statement",
            "cash-flow",
            "comprehensive-income",
            "non-gaap",
            "ifrs-income",
            "ifrs-balance-sheet"
        ]
    );
    assert_eq!(q1().quarter.to_string(), "Q1 2024");
    assert_eq!(q2().quarter.to_string(), "Q2 2024");
    assert_eq!(
        q2().line(301).unwrap().split('\t').next(),
        Some("Total net revenue")
    );
}
