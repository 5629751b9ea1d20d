//! The `metrics` statement built from the highlights of both filings.

mod narrative_support;

use narrative_support::{Q1, Q2, d, read};
use tieout::model::{ColumnRole, Currency, Quarter, Scale, Statement, StatementKind, Unit};

fn metrics(id: &str) -> Statement {
    read(id).1.metrics.expect("metrics statement")
}

fn cell(st: &Statement, label: &str, col: usize) -> Option<(String, u32, usize)> {
    let row = st.row(label).unwrap_or_else(|| panic!("row {label}"));
    row.cell(col)
        .map(|c| (c.amount.value.to_string(), c.amount.decimals, c.line))
}

#[test]
fn columns_are_the_quarter_and_a_year_earlier() {
    let st = metrics(Q2);
    assert_eq!(st.kind, StatementKind::Metrics);
    assert_eq!(st.title, "Key operating metrics");
    let q2 = Quarter {
        year: 2024,
        quarter: 2,
    };
    assert_eq!(st.columns.len(), 2);
    assert_eq!(st.columns[0].header, "Q2 2024");
    assert_eq!(st.columns[0].period, q2.period());
    assert_eq!(st.columns[1].header, "Q2 2023");
    assert_eq!(st.columns[1].period, q2.year_ago().period());
    assert!(
        st.columns
            .iter()
            .all(|c| c.currency == Currency::RMB && c.role == ColumnRole::Reported)
    );
}

#[test]
fn q1_and_q2_share_row_labels() {
    let a: Vec<String> = metrics(Q1).rows.iter().map(|r| r.label.clone()).collect();
    let b: Vec<String> = metrics(Q2).rows.iter().map(|r| r.label.clone()).collect();
    assert_eq!(a, b);
    assert_eq!(a.len(), 14);
}

#[test]
fn q1_versus_q2_values() {
    let (q1, q2) = (metrics(Q1), metrics(Q2));
    assert_eq!(
        cell(&q1, "Financial institutional partners", 0),
        Some(("159".into(), 0, 13))
    );
    assert_eq!(
        cell(&q2, "Financial institutional partners", 0),
        Some(("160".into(), 0, 43))
    );
    assert_eq!(cell(&q2, "Financial institutional partners", 1), None);
    assert_eq!(
        cell(&q1, "90 day+ delinquency rate", 0),
        Some(("3.35".into(), 2, 21))
    );
    assert_eq!(
        cell(&q2, "90 day+ delinquency rate", 0),
        Some(("3.40".into(), 2, 51))
    );
    assert_eq!(
        cell(&q1, "Weighted average contractual tenor", 0),
        Some(("10.10".into(), 2, 20))
    );
    assert_eq!(
        cell(&q2, "Weighted average contractual tenor", 0),
        Some(("9.97".into(), 2, 50))
    );
    assert_eq!(
        cell(&q2, "Weighted average contractual tenor", 1),
        Some(("11.00".into(), 2, 50))
    );
    assert_eq!(
        cell(&q2, "Loans originated", 0),
        Some(("19112187".into(), 0, 46))
    );
    assert_eq!(
        cell(&q1, "Day-1 delinquency rate", 0),
        Some(("4.9".into(), 1, 67))
    );
    assert_eq!(
        cell(&q2, "30-day collection rate", 0),
        Some(("86.3".into(), 1, 87))
    );
    assert_eq!(
        cell(&q1, "Repeat borrower contribution", 0),
        Some(("91.5".into(), 1, 22))
    );
}

#[test]
fn money_metrics_in_millions_with_the_misprint_kept() {
    let q2 = metrics(Q2);
    let row = q2.row("Capital-light loan volume").unwrap();
    assert_eq!(row.unit, Unit::Money);
    assert_eq!(row.scale, Scale::Millions);
    assert_eq!(row.cell(0).unwrap().amount.value, d("61905"));
    let ya = row.cell(1).unwrap();
    assert_eq!(ya.amount.value, d("71.860"));
    assert_eq!(ya.amount.decimals, 3);
    assert_eq!(ya.raw, "RMB71.860 million");
    assert_eq!(
        cell(&q2, "Outstanding loan balance", 1),
        Some(("184459".into(), 0, 48))
    );
    let consumers = q2.row("Consumers").unwrap();
    assert_eq!(consumers.unit, Unit::Count);
    assert_eq!(consumers.scale, Scale::Millions);
    assert_eq!(consumers.cell(1).unwrap().amount.value, d("220.6"));
}
