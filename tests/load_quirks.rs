//! One test per quirk of the bundled filings: Markdown markup (Q1) and OCR
//! damage in the PDF-extracted 6-K (Q2).

mod common;
use common::*;
use tieout::model::{
    ColumnRole,
    Currency::*,
    LabelOrigin, RepairKind, RowKind,
    StatementKind::{self, *},
    Unit,
};

fn repair(f: &tieout::model::Filing, kind: RepairKind, line: usize) -> &tieout::model::Repair {
    f.repairs
        .iter()
        .find(|r| r.kind == kind && r.lines.contains(&line))
        .unwrap_or_else(|| panic!("no {kind:?} repair at line {line}: {:#?}", f.repairs))
}

fn warned(f: &tieout::model::Filing, line: usize) -> bool {
    f.warnings.iter().any(|w| w.line == Some(line))
}

#[test]
fn q1_markdown_bold_and_headings_removed() {
    let s = st(q1(), IncomeStatement);
    assert_eq!(
        s.title,
        "Unaudited Condensed Consolidated Statements of Operations"
    );
    let r = row_n(s, "Total net revenue", 0);
    assert_cell(r.cell(1), "4153183", 277);
    assert_eq!(
        cell(s, "Total net revenue", q(2024, 3, 31), RMB)
            .unwrap()
            .raw,
        "4,153,183"
    );
    let ng = st(q1(), NonGaap);
    assert_eq!(
        ng.title,
        "Unaudited Reconciliations of GAAP and Non-GAAP Results"
    );
    assert_eq!(
        ng.columns[0].header,
        "Three months ended March 31, 2023 RMB"
    );
}

#[test]
fn q1_blank_lines_inside_tables() {
    // Line 220 (balance sheet) and 280 (operations) are blank.
    let bs = st(q1(), BalanceSheet);
    assert_cell(
        cell(bs, "Amounts due from related parties", at(2024, 3, 31), RMB),
        "25253",
        221,
    );
    let is = st(q1(), IncomeStatement);
    assert_cell(
        cell(is, "Sales and marketing", q(2024, 3, 31), RMB),
        "415617",
        281,
    );
}

#[test]
fn q1_header_row_with_empty_cells() {
    let s = st(q1(), IncomeStatement);
    let h = "Net income per ordinary share attributable to ordinary shareholders of Qifu Technology, Inc.";
    let hi = s.rows.iter().position(|r| r.label == h).unwrap();
    assert_eq!(s.rows[hi].kind, RowKind::Header);
    assert_eq!(s.rows[hi].line, 298);
    let basic = &s.rows[hi + 1];
    assert_eq!(basic.label, "Basic");
    assert_eq!(basic.parent, Some(hi));
    assert_eq!(basic.unit, Unit::PerShare);
    assert_cell(basic.cell(1), "3.73", 299);
    assert_eq!(basic.cell(1).unwrap().amount.decimals, 2);
}

#[test]
fn q1_values_on_the_next_line() {
    let s = st(q1(), NonGaap);
    let r = row_n(
        s,
        "Net income attributable to shareholders of Qifu Technology, Inc.",
        0,
    );
    assert_eq!(r.line, 354);
    assert_cell(r.cell(0), "934109", 355);
    assert_cell(r.cell(2), "161252", 355);
}

#[test]
fn q1_dashes_are_zero() {
    let s = st(q1(), IncomeStatement);
    let c = cell(s, "Investment loss", q(2024, 3, 31), USD).unwrap();
    assert_eq!(c.raw, "-");
    assert!(c.amount.value.is_zero());
    assert_eq!(c.line, 292);
}

#[test]
fn q1_bold_group_row_heads_its_items() {
    let s = st(q1(), IncomeStatement);
    let g = s
        .rows
        .iter()
        .position(|r| r.label == "Credit driven services")
        .unwrap();
    assert_eq!(s.rows[g].kind, RowKind::Subtotal);
    let items: Vec<&str> = s
        .rows
        .iter()
        .filter(|r| r.parent == Some(g))
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "Loan facilitation and servicing fees-capital heavy",
            "Financing income",
            "Revenue from releasing of guarantee liabilities",
            "Other services fees"
        ]
    );
    assert_cell(s.rows[g].cell(0), "2630621", 268);
}

#[test]
fn q1_percentages_keep_one_decimal() {
    let s = st(q1(), NonGaap);
    let r = row_n(s, "GAAP net income margin", 0);
    assert_eq!(r.unit, Unit::Percent);
    assert_cell(r.cell(1), "27.9", 352);
    assert!(r.cell(2).is_none());
}

#[test]
fn q2_garbled_total_label_repaired() {
    let f = q2();
    let s = st(f, BalanceSheet);
    let r = row_n(s, "TOTAL QIFU TECHNOLOGY INC EQUITY", 0);
    assert_eq!(
        r.origin,
        LabelOrigin::Repaired {
            printed: "TOTAL CIABILITIES TOTAL QIFU TECHNOLOGY INC EQUITY".into()
        }
    );
    assert_cell(r.cell(1), "22568768", 282);
    assert_eq!(
        repair(f, RepairKind::RepairedLabel, 282).statement,
        Some(BalanceSheet)
    );
}

#[test]
fn q2_merged_row_split_with_interleaved_values() {
    let f = q2();
    let s = st(f, BalanceSheet);
    let nci = row_n(s, "Noncontrolling interests", 0);
    let te = row_n(s, "TOTAL EQUITY", 0);
    assert_eq!(nci.origin, LabelOrigin::Split);
    assert_cell(nci.cell(0), "72374", 283);
    assert_cell(nci.cell(1), "64211", 283);
    assert_cell(nci.cell(2), "8836", 283);
    assert_cell(te.cell(0), "22009857", 283);
    assert_cell(te.cell(1), "22632979", 283);
    assert_cell(te.cell(2), "3114400", 283);
    repair(f, RepairKind::SplitMergedRow, 283);
}

#[test]
fn q2_row_printed_twice_kept_once() {
    let f = q2();
    let s = st(f, BalanceSheet);
    assert_eq!(
        s.rows
            .iter()
            .filter(|r| r.label == "TOTAL LIABILITIES AND EQUITY")
            .count(),
        1
    );
    let r = row_n(s, "TOTAL LIABILITIES AND EQUITY", 0);
    assert_cell(r.cell(0), "45818572", 285);
    assert_cell(r.cell(1), "46983049", 285);
    assert_cell(r.cell(2), "6465081", 284);
    let rep = repair(f, RepairKind::DuplicateRow, 284);
    assert!(rep.lines.contains(&285));
    // The malformed "0,405,081" is not read as a number.
    assert!(
        f.warnings
            .iter()
            .any(|w| w.line == Some(285) && w.message.contains("0,405,081"))
    );
}

#[test]
fn q2_six_columns_from_broken_header() {
    let s = st(q2(), IncomeStatement);
    let p: Vec<(String, String)> = s
        .columns
        .iter()
        .map(|c| (c.period.short(), c.currency.to_string()))
        .collect();
    let want = [
        ("Q2 2023", "RMB"),
        ("Q2 2024", "RMB"),
        ("Q2 2024", "USD"),
        ("6M 2023", "RMB"),
        ("6M 2024", "RMB"),
        ("6M 2024", "USD"),
    ];
    assert_eq!(p.len(), 6);
    for (got, want) in p.iter().zip(want) {
        assert_eq!((got.0.as_str(), got.1.as_str()), want);
    }
    assert_eq!(s.columns[5].header, "Six months ended June 30, 2024 USD");
    assert_eq!(s.columns[3].period, h1(2023));
    assert_eq!(s.columns[0].line, 289);
    repair(q2(), RepairKind::RecoveredHeader, 289);
}

#[test]
fn q2_labels_split_over_two_lines_joined() {
    let f = q2();
    let cases: [(StatementKind, &str, usize, usize); 10] = [
        (
            IncomeStatement,
            "Provision for accounts receivable and contract assets",
            308,
            309,
        ),
        (
            IncomeStatement,
            "Net income attributable to ordinary shareholders of the Company",
            321,
            322,
        ),
        (
            CashFlow,
            "Cash, cash equivalents, and restricted cash, beginning of period",
            343,
            344,
        ),
        (
            CashFlow,
            "Cash, cash equivalents, and restricted cash, end of period",
            345,
            346,
        ),
        (
            NonGaap,
            "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc diluted",
            386,
            387,
        ),
        (
            NonGaap,
            "Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc diluted",
            388,
            389,
        ),
        (
            IfrsIncome,
            "Revenue, net of value-added tax and related surcharges:",
            464,
            465,
        ),
        (
            IfrsIncome,
            "Net income attributable to ordinary shareholders of the Company",
            481,
            482,
        ),
        (
            IfrsIncome,
            "Net income attributable to ordinary shareholders of the Company",
            511,
            512,
        ),
        (
            IfrsBalanceSheet,
            "Financial assets receivable, net-noncurrent",
            527,
            528,
        ),
    ];
    for (kind, label, first, second) in cases {
        let s = st(f, kind);
        let r = s
            .rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("{label}"));
        assert_eq!(r.origin, LabelOrigin::Joined, "{label}");
        let rep = repair(f, RepairKind::JoinedLabel, first);
        assert_eq!(rep.lines, vec![first, second]);
    }
    let s = st(f, IncomeStatement);
    assert_cell(
        cell(
            s,
            "Provision for accounts receivable and contract assets",
            q(2024, 6, 30),
            RMB,
        ),
        "123766",
        309,
    );
    let ifrs = st(f, IfrsBalanceSheet);
    let r = row_n(ifrs, "Financial assets receivable, net-noncurrent", 0);
    assert_eq!(r.line, 527);
    assert_cell(r.cell(0), "596330", 528);
    assert_eq!(
        row_n(
            st(f, IfrsIncome),
            "Revenue, net of value-added tax and related surcharges:",
            0
        )
        .kind,
        RowKind::Header
    );
}

#[test]
fn q2_labels_broken_by_tabs_and_ocr_repaired() {
    let f = q2();
    let s = st(f, IncomeStatement);
    for (label, line) in [
        (
            "Net income per ordinary share attributable to ordinary shareholders of Qifu Technology, Inc.",
            323,
        ),
        (
            "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc.",
            326,
        ),
        (
            "Weighted average shares used in calculating net income per ordinary share",
            329,
        ),
    ] {
        let r = row_n(s, label, 0);
        assert_eq!(r.line, line);
        assert!(matches!(r.origin, LabelOrigin::Repaired { .. }), "{label}");
        repair(f, RepairKind::RepairedLabel, line);
    }
    let r = row_n(
        s,
        "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc.",
        0,
    );
    assert_eq!(
        r.origin,
        LabelOrigin::Repaired {
            printed: "Net income per ADS attributable to ordinary sharehold ders of Oifu Techr nology, Inc.".into()
        }
    );
    // 6M USD diluted EPS per share, two decimals.
    let diluted = row_n(s, "Diluted", 0);
    assert_eq!(diluted.unit, Unit::PerShare);
    let c = cell(s, "Diluted", h1(2024), USD).unwrap();
    assert_eq!(
        (c.amount.plain().as_str(), c.amount.decimals, c.line),
        ("1.11", 2, 325)
    );
    let shares = row_n(s, "Basic", 2);
    assert_eq!(shares.unit, Unit::Shares);
    assert_cell(shares.cell(1), "303761387", 330);
}

#[test]
fn q2_stray_dash_in_currency_line() {
    let s = st(q2(), CashFlow);
    assert_eq!(s.columns.len(), 6);
    assert_eq!(s.columns[2].currency, USD);
    assert_eq!(s.columns[3].currency, RMB);
    assert_cell(
        cell(
            s,
            "Net cash provided by operating activities",
            h1(2024),
            USD,
        ),
        "539394",
        338,
    );
}

#[test]
fn q2_lost_comprehensive_income_header_and_labels() {
    let f = q2();
    let s = st(f, ComprehensiveIncome);
    assert_eq!(s.columns.len(), 6);
    assert_eq!(s.columns[0].period, q(2023, 6, 30));
    assert_eq!(s.columns[0].header, "Three months ended June 30, 2023 RMB");
    assert_eq!(s.columns[4].period, h1(2024));
    let rep = repair(f, RepairKind::RecoveredHeader, 350);
    assert_eq!(rep.statement, Some(ComprehensiveIncome));
    // Labels recovered from Q1's comprehensive income (load_all).
    let r = row_n(s, "Foreign currency translation adjustment", 0);
    assert_eq!(
        r.origin,
        LabelOrigin::Recovered {
            from: "qfin-2024q1-press-release".into()
        }
    );
    assert_cell(r.cell(0), "19482", 354);
    assert_cell(r.cell(3), "16673", 363);
    let labels: Vec<&str> = s.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Net income",
            "Other comprehensive income, net of tax of nil:",
            "Foreign currency translation adjustment",
            "Other comprehensive (loss) income",
            "Total comprehensive income",
            "Comprehensive loss attributable to noncontrolling interests",
            "Comprehensive income attributable to ordinary shareholders"
        ]
    );
    assert_cell(
        cell(
            s,
            "Comprehensive income attributable to ordinary shareholders",
            h1(2024),
            USD,
        ),
        "350716",
        367,
    );
    assert!(
        f.repairs
            .iter()
            .any(|r| r.kind == RepairKind::RecoveredLabel && r.lines.contains(&354))
    );
    assert!(!f.repairs.iter().any(|r| r.kind == RepairKind::UnlabeledRow));
    // 368, the garbled flattening of the table, is a warning.
    assert!(warned(f, 368));
}

#[test]
fn q2_alone_keeps_comprehensive_rows_unlabeled() {
    let f = tieout::load::load_one(&tieout::load::bundled()[1]).unwrap();
    let s = f.statement(ComprehensiveIncome).unwrap();
    let valued: Vec<_> = s
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(Option::is_some))
        .collect();
    assert_eq!(valued.len(), 6);
    assert!(valued.iter().all(|r| r.origin == LabelOrigin::Missing));
    assert_cell(valued[1].cell(0), "19482", 354);
    let unlabeled: Vec<usize> = f
        .repairs
        .iter()
        .filter(|r| r.kind == RepairKind::UnlabeledRow)
        .flat_map(|r| r.lines.clone())
        .collect();
    assert!(unlabeled.contains(&354) && unlabeled.contains(&363));
}

#[test]
fn q2_junk_lines_in_non_gaap_warn() {
    let f = q2();
    let s = st(f, NonGaap);
    // 381 "N. C.\t1.005.440\t1 200 520\t100.065" and 396, a garbled copy of 395.
    assert!(warned(f, 381));
    assert!(warned(f, 396));
    assert!(s.rows.iter().all(|r| r.line != 381 && r.line != 396));
    // 394: the stray "270,221" on a percentage row is dropped with a warning.
    let r = row_n(s, "GAAP operating margin", 0);
    assert_cell(r.cell(1), "47.7", 394);
    assert!(r.cell(2).is_none());
    assert!(
        f.warnings
            .iter()
            .any(|w| w.line == Some(394) && w.message.contains("270,221"))
    );
    // 372's broken "Three n nonths" header.
    assert_eq!(s.columns[1].period, q(2024, 6, 30));
    repair(f, RepairKind::RecoveredHeader, 372);
    // 399-401 garbled currency lines.
    assert!(warned(f, 399));
    assert!(warned(f, 400));
    assert!(warned(f, 401));
}

#[test]
fn q2_ifrs_table_continued_after_page_break() {
    let f = q2();
    let s = st(f, IfrsBalanceSheet);
    let gaap = s
        .column_index(&at(2023, 12, 31), RMB, ColumnRole::UsGaap)
        .unwrap();
    let ifrs = s
        .column_index(&at(2023, 12, 31), RMB, ColumnRole::Ifrs)
        .unwrap();
    let re = row_n(s, "Retained earnings", 0);
    assert_cell(re.cell(gaap), "16297316", 556);
    assert_cell(re.cell(ifrs), "17570408", 556);
    let jun = s
        .column_index(&at(2024, 6, 30), RMB, ColumnRole::Ifrs)
        .unwrap();
    assert_cell(re.cell(jun), "18947141", 605);
    repair(f, RepairKind::ContinuedTable, 551);
    repair(f, RepairKind::ContinuedTable, 599);
    for line in [546, 547, 557, 564, 589] {
        assert!(warned(f, line), "line {line}");
    }
    assert!(s.rows.iter().all(|r| !r.label.contains("OFFICE")));
}

#[test]
fn q2_heading_values_belong_to_the_row_below() {
    let f = q2();
    let s = st(f, IfrsBalanceSheet);
    let jun_adj = s
        .columns
        .iter()
        .position(|c| c.period == at(2024, 6, 30) && c.header == "Financial guarantee, net of tax")
        .unwrap();
    let r = row_n(s, "Contract liabilities", 0);
    // One row for both periods: line 536 printed "Contract liability".
    assert_eq!(r.line, 536);
    assert_cell(r.cell(jun_adj), "380232", 583);
    assert_cell(r.cell(jun_adj + 1), "380232", 583);
    assert!(
        row_n(s, "Current liabilities:", 0)
            .cells
            .iter()
            .all(Option::is_none)
    );
    repair(f, RepairKind::MovedValues, 583);
    assert!(
        f.warnings
            .iter()
            .any(|w| w.line == Some(584) && w.message.contains("000,202"))
    );
    // 577's "(202,5/1)" is unreadable: warning, no value.
    assert!(
        f.warnings
            .iter()
            .any(|w| w.line == Some(577) && w.message.contains("(202,5/1)"))
    );
    let due = row_n(s, "Amounts due from related parties", 1);
    assert!(due.cell(jun_adj).is_none());
    assert_cell(due.cell(jun_adj + 1), "396", 577);
}

#[test]
fn q2_contract_liability_variant_aligned_as_one_row() {
    let f = q2();
    let s = st(f, IfrsBalanceSheet);
    let rows: Vec<_> = s
        .rows
        .iter()
        .filter(|r| r.label.starts_with("Contract liabilit"))
        .collect();
    assert_eq!(rows.len(), 1);
    let r = rows[0];
    assert_eq!(r.label, "Contract liabilities");
    assert_eq!(
        r.origin,
        LabelOrigin::Repaired {
            printed: "Contract liability".into()
        }
    );
    let dec = s
        .column_index(&at(2023, 12, 31), RMB, ColumnRole::Ifrs)
        .unwrap();
    let jun = s
        .column_index(&at(2024, 6, 30), RMB, ColumnRole::Ifrs)
        .unwrap();
    assert_cell(r.cell(dec), "388181", 536);
    assert_cell(r.cell(jun), "380232", 583);
    repair(f, RepairKind::RepairedLabel, 536);
}
