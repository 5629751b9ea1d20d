//! Linking narrative facts to statement rows, on a filing whose statements
//! are built by hand with the Q1 release's cleaned table labels (the loader
//! builds them for real; see narrative_end_to_end.rs).

mod narrative_support;

use narrative_support::{Q1, lines, read};
use tieout::load::narrative;
use tieout::model::{
    Column, ColumnRole, Currency, FactPeriod, Filing, LabelOrigin, Period, Quarter, Row, RowKind,
    RowRef, Scale, Statement, StatementKind, Unit,
};

const H: RowKind = RowKind::Header;
const I: RowKind = RowKind::Item;
const S: RowKind = RowKind::Subtotal;
const T: RowKind = RowKind::Total;

const INCOME: &[(&str, RowKind, Unit)] = &[
    ("Credit driven services", S, Unit::Money),
    (
        "Loan facilitation and servicing fees-capital heavy",
        I,
        Unit::Money,
    ),
    ("Financing income", I, Unit::Money),
    (
        "Revenue from releasing of guarantee liabilities",
        I,
        Unit::Money,
    ),
    ("Other services fees", I, Unit::Money),
    ("Platform services", S, Unit::Money),
    (
        "Loan facilitation and servicing fees-capital light",
        I,
        Unit::Money,
    ),
    ("Referral services fees", I, Unit::Money),
    ("Other services fees", I, Unit::Money),
    ("Total net revenue", T, Unit::Money),
    ("Facilitation, origination and servicing", I, Unit::Money),
    ("Funding costs", I, Unit::Money),
    ("Sales and marketing", I, Unit::Money),
    ("General and administrative", I, Unit::Money),
    ("Provision for loans receivable", I, Unit::Money),
    ("Provision for financial assets receivable", I, Unit::Money),
    (
        "Provision for accounts receivable and contract assets",
        I,
        Unit::Money,
    ),
    ("Provision for contingent liabilities", I, Unit::Money),
    ("Total operating costs and expenses", T, Unit::Money),
    ("Income from operations", T, Unit::Money),
    ("Interest income, net", I, Unit::Money),
    ("Foreign exchange gain", I, Unit::Money),
    ("Other income, net", I, Unit::Money),
    ("Investment loss", I, Unit::Money),
    ("Income before income tax expense", T, Unit::Money),
    ("Income taxes expense", I, Unit::Money),
    ("Net income", T, Unit::Money),
    (
        "Net loss attributable to noncontrolling interests",
        I,
        Unit::Money,
    ),
    (
        "Net income attributable to ordinary shareholders of the Company",
        T,
        Unit::Money,
    ),
    (
        "Net income per ordinary share attributable to ordinary shareholders of Qifu Technology, Inc.",
        H,
        Unit::PerShare,
    ),
    ("Basic", I, Unit::PerShare),
    ("Diluted", I, Unit::PerShare),
    (
        "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc.",
        H,
        Unit::PerShare,
    ),
    ("Basic", I, Unit::PerShare),
    ("Diluted", I, Unit::PerShare),
    (
        "Weighted average shares used in calculating net income per ordinary share",
        H,
        Unit::Shares,
    ),
    ("Basic", I, Unit::Shares),
    ("Diluted", I, Unit::Shares),
];

const NON_GAAP: &[(&str, RowKind, Unit)] = &[
    (
        "Reconciliation of Non-GAAP Net Income to Net Income",
        H,
        Unit::Money,
    ),
    ("Net income", I, Unit::Money),
    ("Add: Share-based compensation expenses", I, Unit::Money),
    ("Non-GAAP net income", T, Unit::Money),
    ("GAAP net income margin", I, Unit::Percent),
    ("Non-GAAP net income margin", I, Unit::Percent),
    (
        "Net income attributable to shareholders of Qifu Technology, Inc.",
        I,
        Unit::Money,
    ),
    ("Add: Share-based compensation expenses", I, Unit::Money),
    (
        "Non-GAAP net income attributable to shareholders of Qifu Technology, Inc.",
        T,
        Unit::Money,
    ),
    (
        "Weighted average ADS used in calculating net income per ordinary share for both GAAP and non-GAAP EPS -diluted",
        I,
        Unit::Shares,
    ),
    (
        "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc. -diluted",
        I,
        Unit::PerShare,
    ),
    (
        "Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc. -diluted",
        I,
        Unit::PerShare,
    ),
    (
        "Reconciliation of Non-GAAP Income from operations to Income from operations",
        H,
        Unit::Money,
    ),
    ("Income from operations", I, Unit::Money),
    ("Add: Share-based compensation expenses", I, Unit::Money),
    ("Non-GAAP Income from operations", T, Unit::Money),
    ("GAAP operating margin", I, Unit::Percent),
    ("Non-GAAP operating margin", I, Unit::Percent),
];

const BALANCE: &[(&str, RowKind, Unit)] = &[
    ("ASSETS", H, Unit::Money),
    ("Current assets", H, Unit::Money),
    ("Cash and cash equivalents", I, Unit::Money),
    ("Restricted cash", I, Unit::Money),
    ("Short term investments", I, Unit::Money),
    (
        "Security deposit prepaid to third-party guarantee companies",
        I,
        Unit::Money,
    ),
];

const CASH: &[(&str, RowKind, Unit)] = &[
    ("Net cash provided by operating activities", I, Unit::Money),
    ("Net cash used in investing activities", I, Unit::Money),
];

fn statement(kind: StatementKind, rows: &[(&str, RowKind, Unit)]) -> Statement {
    let q = Quarter {
        year: 2024,
        quarter: 1,
    };
    Statement {
        kind,
        title: kind.title().into(),
        scale: Scale::Thousands,
        columns: vec![Column {
            header: "2024 RMB".into(),
            period: if kind.is_instant() {
                Period::instant(q.end())
            } else {
                q.period()
            },
            currency: Currency::RMB,
            role: ColumnRole::Reported,
            line: 1,
        }],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, &(label, kind, unit))| Row {
                label: label.into(),
                origin: LabelOrigin::Printed,
                section: None,
                parent: None,
                depth: 0,
                kind,
                unit,
                scale: Scale::Thousands,
                cells: vec![None],
                line: 200 + i,
            })
            .collect(),
        line: 199,
    }
}

fn filing() -> Filing {
    let (m, n) = read(Q1);
    let mut statements = vec![
        statement(StatementKind::BalanceSheet, BALANCE),
        statement(StatementKind::IncomeStatement, INCOME),
        statement(StatementKind::CashFlow, CASH),
        statement(StatementKind::NonGaap, NON_GAAP),
    ];
    statements.extend(n.metrics);
    let mut f = Filing {
        id: Q1.into(),
        company: m.company.unwrap_or_default(),
        ticker: m.ticker.unwrap_or_default(),
        quarter: m.quarter.expect("quarter"),
        date: m.date,
        exchange_rate: m.exchange_rate,
        statements,
        facts: n.facts,
        claims: n.claims,
        repairs: Vec::new(),
        warnings: Vec::new(),
        source: lines(Q1).into(),
    };
    narrative::link(&mut f);
    f
}

/// The row the Current RMB (or unit-less) fact about `subject` on `line` links to.
fn linked(f: &Filing, line: usize, subject: &str) -> Option<RowRef> {
    let facts: Vec<_> = f
        .facts
        .iter()
        .filter(|x| x.line == line && x.subject == subject)
        .collect();
    assert!(!facts.is_empty(), "no fact {subject} at {line}");
    // Every figure of one subject in one sentence links to the same row.
    assert!(facts.iter().all(|x| x.row == facts[0].row), "{facts:?}");
    facts[0].row.clone()
}

fn row(st: StatementKind, label: &str, i: usize) -> Option<RowRef> {
    Some(RowRef {
        statement: st,
        label: label.into(),
        row: Some(i),
    })
}

#[test]
fn wording_differs_from_the_label() {
    let f = filing();
    use StatementKind::*;
    assert_eq!(
        linked(&f, 131, "Net income attributed to the Company"),
        row(
            IncomeStatement,
            "Net income attributable to ordinary shareholders of the Company",
            28
        )
    );
    assert_eq!(
        linked(&f, 79, "Net revenue from Credit Driven Services"),
        row(IncomeStatement, "Credit driven services", 0)
    );
    assert_eq!(
        linked(&f, 101, "Facilitation, origination and servicing expenses"),
        row(
            IncomeStatement,
            "Facilitation, origination and servicing",
            10
        )
    );
    assert_eq!(
        linked(&f, 115, "Provision for contingent liability"),
        row(IncomeStatement, "Provision for contingent liabilities", 17)
    );
    assert_eq!(
        linked(&f, 119, "Non-GAAP income from operations"),
        row(NonGaap, "Non-GAAP Income from operations", 15)
    );
    assert_eq!(
        linked(&f, 121, "Operating margin"),
        row(NonGaap, "GAAP operating margin", 16)
    );
    assert_eq!(
        linked(&f, 129, "Net income margin"),
        row(NonGaap, "GAAP net income margin", 4)
    );
    assert_eq!(
        linked(&f, 135, "Net income per fully diluted ADS"),
        row(IncomeStatement, "Diluted", 34)
    );
    assert_eq!(
        linked(
            &f,
            54,
            "Net income per fully diluted American depository share (ADS)"
        ),
        row(IncomeStatement, "Diluted", 34)
    );
    assert_eq!(
        linked(&f, 137, "Non-GAAP net income per fully diluted ADS"),
        row(
            NonGaap,
            "Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc. -diluted",
            11
        )
    );
    assert_eq!(
        linked(&f, 133, "Non-GAAP net income attributed to the Company"),
        row(
            NonGaap,
            "Non-GAAP net income attributable to shareholders of Qifu Technology, Inc.",
            8
        )
    );
    assert_eq!(
        linked(&f, 65, "cash from operations"),
        row(CashFlow, "Net cash provided by operating activities", 0)
    );
    assert_eq!(
        linked(
            &f,
            141,
            "Weighted average diluted ADS used in calculating GAAP and Non-GAAP net income per ADS"
        ),
        row(
            NonGaap,
            "Weighted average ADS used in calculating net income per ordinary share for both GAAP and non-GAAP EPS -diluted",
            9
        )
    );
}

#[test]
fn same_label_twice_follows_paragraph_order() {
    let f = filing();
    assert_eq!(
        linked(&f, 89, "Other services fees"),
        row(StatementKind::IncomeStatement, "Other services fees", 4)
    );
    assert_eq!(
        linked(&f, 97, "Other services fees"),
        row(StatementKind::IncomeStatement, "Other services fees", 8)
    );
}

#[test]
fn exact_labels_prefer_the_income_statement() {
    let f = filing();
    use StatementKind::*;
    assert_eq!(
        linked(&f, 125, "Net income"),
        row(IncomeStatement, "Net income", 26)
    );
    assert_eq!(
        linked(&f, 117, "Income from operations"),
        row(IncomeStatement, "Income from operations", 19)
    );
    assert_eq!(
        linked(&f, 127, "Non-GAAP net income"),
        row(NonGaap, "Non-GAAP net income", 3)
    );
    assert_eq!(
        linked(&f, 77, "Total net revenue"),
        row(IncomeStatement, "Total net revenue", 9)
    );
    assert_eq!(
        linked(&f, 105, "Sales and marketing expenses"),
        row(IncomeStatement, "Sales and marketing", 12)
    );
}

#[test]
fn metric_facts_link_to_metrics_rows() {
    let f = filing();
    let metrics = f.metrics().expect("metrics");
    let idx = |label: &str| metrics.rows.iter().position(|r| r.label == label);
    let m = |label: &str| {
        Some(RowRef {
            statement: StatementKind::Metrics,
            label: label.into(),
            row: idx(label),
        })
    };
    assert_eq!(linked(&f, 13, "consumers"), m("Consumers"));
    assert_eq!(
        linked(&f, 13, "financial institutional partners"),
        m("Financial institutional partners")
    );
    assert_eq!(linked(&f, 16, "loans"), m("Loans originated"));
    assert_eq!(
        linked(
            &f,
            17,
            "Total facilitation and origination loan volume under capital-light model"
        ),
        m("Capital-light loan volume")
    );
    assert_eq!(
        linked(&f, 67, "Day-1 delinquency rate"),
        m("Day-1 delinquency rate")
    );
}

#[test]
fn facts_without_a_row_stay_unlinked() {
    let f = filing();
    assert_eq!(
        linked(
            &f,
            139,
            "Weighted average basic ADS used in calculating GAAP and Non-GAAP net income per ADS"
        ),
        None
    );
    assert_eq!(linked(&f, 65, "total cash and cash equivalent"), None);
    assert_eq!(linked(&f, 38, "outstanding loan balance for ICE"), None);
    // Every financial-results figure (lines 77-141) found its row.
    let unlinked: Vec<_> = f
        .facts
        .iter()
        .filter(|x| (77..=137).contains(&x.line) && x.row.is_none())
        .map(|x| (x.line, x.subject.as_str()))
        .collect();
    assert!(unlinked.is_empty(), "{unlinked:?}");
    let prior = f
        .facts
        .iter()
        .filter(|x| x.period == FactPeriod::PriorQuarter)
        .count();
    assert_eq!(prior, 28);
}

#[test]
fn cash_breakdown_rows_resolve_on_the_balance_sheet() {
    let f = filing();
    let c = f
        .claims
        .iter()
        .find(|c| !c.part_rows.is_empty())
        .expect("footnote 11");
    let rows: Vec<_> = c.part_rows.iter().map(|r| (r.statement, r.row)).collect();
    assert_eq!(
        rows,
        vec![
            (StatementKind::BalanceSheet, Some(2)),
            (StatementKind::BalanceSheet, Some(3)),
            (StatementKind::BalanceSheet, Some(5)),
        ]
    );
}
