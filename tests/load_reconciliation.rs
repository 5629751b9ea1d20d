//! Non-GAAP and IFRS reconciliations: the smeared six-month table, the
//! reconciliation column headers and roles, the inferred caption.

mod common;
use common::*;
use tieout::model::{ColumnRole, Currency::*, LabelOrigin, RepairKind, StatementKind::*};

#[test]
fn q2_smeared_six_month_reconciliation_rebuilt() {
    let f = q2();
    let s = st(f, NonGaap);
    assert_eq!(s.columns.len(), 6);
    let v = |label: &str, n: usize, cur, y| cell_n(s, label, n, h1(y), cur, ColumnRole::Reported);
    assert_cell(v("Non-GAAP net income", 0, RMB, 2023), "2122942", 421);
    assert_cell(v("Non-GAAP net income", 0, RMB, 2024), "2618206", 421);
    assert_cell(v("Non-GAAP net income", 0, USD, 2024), "360278", 421);
    let w = "Weighted average ADS used in calculating net income per ordinary share for both GAAP and non-GAAP EPS - diluted";
    assert_cell(v(w, 0, RMB, 2023), "165559445", 421);
    assert_cell(v(w, 0, RMB, 2024), "157122212", 421);
    assert_cell(v(w, 0, USD, 2024), "157122212", 421);
    let eps =
        "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc diluted";
    assert_cell(v(eps, 0, RMB, 2023), "12.28", 421);
    assert_cell(v(eps, 0, RMB, 2024), "16.20", 421);
    assert_cell(v(eps, 0, USD, 2024), "2.22", 421);
    let ng = "Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc diluted";
    assert_cell(v(ng, 0, RMB, 2023), "12.87", 421);
    assert_cell(v(ng, 0, RMB, 2024), "16.72", 421);
    assert_cell(v(ng, 0, USD, 2024), "2.30", 421);
    assert_cell(
        v("Non-GAAP Income from operations", 0, RMB, 2023),
        "2288273",
        421,
    );
    assert_cell(
        v("Non-GAAP Income from operations", 0, RMB, 2024),
        "3430641",
        421,
    );
    assert!(v("Non-GAAP Income from operations", 0, USD, 2024).is_none());
    // Percentages only in the RMB columns.
    assert_cell(v("GAAP net income margin", 0, RMB, 2024), "30.5", 421);
    assert!(v("GAAP net income margin", 0, USD, 2024).is_none());
    // The second "Add: Share-based compensation expenses" (under net income attributable).
    assert_cell(
        v("Add: Share-based compensation expenses", 1, USD, 2024),
        "11222",
        421,
    );
    // The three-month values are untouched.
    assert_cell(
        cell(s, "Non-GAAP net income", q(2024, 6, 30), RMB),
        "1413417",
        378,
    );
    let rep = f
        .repairs
        .iter()
        .find(|r| r.kind == RepairKind::SplitMergedRow && r.statement == Some(NonGaap))
        .unwrap();
    assert_eq!(rep.lines, (402..=422).collect::<Vec<_>>());
    assert!(
        f.warnings
            .iter()
            .any(|w| w.line == Some(421) && w.message.contains("Non-GAAP Income from operations"))
    );
    assert_eq!(
        row_n(s, "Non-GAAP net income", 0).origin,
        LabelOrigin::Printed
    );
}

#[test]
fn q2_ifrs_income_caption_inferred() {
    let f = q2();
    let s = st(f, IfrsIncome);
    assert_eq!(s.columns.len(), 12);
    let headers: Vec<&str> = s.columns[..6].iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "Amounts as reported under U.S. GAAP",
            "Expected credit losses, net of tax",
            "Effective interest rate on loans receivable, net of tax",
            "Share-based compensation",
            "Financial guarantee, net of tax",
            "Amounts as reported under IFRSs"
        ]
    );
    let roles: Vec<ColumnRole> = s.columns[..6].iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [
            ColumnRole::UsGaap,
            ColumnRole::Adjustment,
            ColumnRole::Adjustment,
            ColumnRole::Adjustment,
            ColumnRole::Adjustment,
            ColumnRole::Ifrs
        ]
    );
    assert!(s.columns[..6].iter().all(|c| c.period == h1(2023)));
    assert!(s.columns[6..].iter().all(|c| c.period == h1(2024)));
    assert_cell(
        cell_n(s, "Net income", 0, h1(2023), RMB, ColumnRole::Ifrs),
        "1746887",
        480,
    );
    assert_cell(
        cell_n(s, "Net income", 0, h1(2024), RMB, ColumnRole::Ifrs),
        "2014994",
        510,
    );
    let rep = f
        .repairs
        .iter()
        .find(|r| r.kind == RepairKind::InferredCaption)
        .unwrap();
    assert_eq!(rep.statement, Some(IfrsIncome));
    assert!(rep.lines.contains(&456));
    assert!(rep.description.contains("Six months ended June 30, 2023"));
    // Spelling made consistent with the other reconciliation tables.
    assert!(
        f.repairs
            .iter()
            .any(|r| r.kind == RepairKind::RecoveredHeader
                && r.statement == Some(IfrsIncome)
                && r.description.contains("Expected credit Losses, net of tax"))
    );
}

#[test]
fn q2_ifrs_blank_cells_and_underscores() {
    let s = st(q2(), IfrsIncome);
    let adj = |n: usize| {
        s.columns
            .iter()
            .position(|c| c.period == h1(2023) && c.header == n.to_string())
    };
    assert!(adj(0).is_none());
    // 468 "Total net revenue\t7,513,498\t\t(253,007)\t\t\t7,260,491": blank cells are None.
    let ecl = s
        .columns
        .iter()
        .position(|c| c.period == h1(2023) && c.header == "Expected credit losses, net of tax")
        .unwrap();
    let r = row_n(s, "Total net revenue", 0);
    assert!(r.cell(ecl).is_none());
    assert_cell(r.cell(ecl + 1), "-253007", 468);
    // 466 "_" is zero.
    let c = row_n(s, "Credit driven services", 0).cell(ecl).unwrap();
    assert_eq!(
        (c.raw.as_str(), c.amount.value.is_zero(), c.line),
        ("_", true, 466)
    );
    assert_eq!(s.scale, tieout::model::Scale::Thousands);
}

#[test]
fn q1_non_gaap_per_ads_and_shares() {
    let s = st(q1(), NonGaap);
    assert_cell(
        cell(
            s,
            "Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc. -diluted",
            q(2024, 3, 31),
            USD,
        ),
        "1.05",
        360,
    );
    assert_cell(
        cell(
            s,
            "Weighted average ADS used in calculating net income per ordinary share for both GAAP and non-GAAP EPS -diluted",
            q(2023, 3, 31),
            RMB,
        ),
        "165609633",
        358,
    );
}
