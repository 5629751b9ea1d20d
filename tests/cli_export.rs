//! `tieout export`: every cell of both bundled filings, with real values.

mod cli_common;

use cli_common::tieout;
use std::collections::BTreeSet;
use tieout::export::Record;
use tieout::export::csv::HEADER;

fn export(format: &str) -> Vec<u8> {
    let out = tieout()
        .args(["export", "--format", format])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn csv_text() -> String {
    String::from_utf8(export("csv")).unwrap()
}

fn csv_records() -> Vec<Record> {
    tieout::export::csv::read(export("csv").as_slice()).unwrap()
}

/// The record of `label` in `statement` of `filing` whose column ends `period_end`
/// in `currency`, printed at `line`.
fn find<'a>(
    recs: &'a [Record],
    filing: &str,
    statement: &str,
    label: &str,
    column_starts: &str,
    currency: &str,
) -> &'a Record {
    let hits: Vec<&Record> = recs
        .iter()
        .filter(|r| {
            r.filing == filing
                && r.statement == statement
                && r.label == label
                && r.column.starts_with(column_starts)
                && r.column.ends_with(currency)
        })
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{filing} {statement} {label} {column_starts} {currency}: {hits:?}"
    );
    hits[0]
}

#[test]
fn csv_header_and_exact_rows() {
    let text = csv_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], HEADER);
    for row in [
        "qfin-2024q2-6k,income-statement,Total net revenue,\"Three months ended June 30, 2024 RMB\",2024-04-01,2024-06-30,RMB,4160063,301",
        "qfin-2024q2-6k,income-statement,Total net revenue,\"Three months ended June 30, 2024 USD\",2024-04-01,2024-06-30,USD,572443,301",
        "qfin-2024q2-6k,balance-sheet,Cash and cash equivalents,\"June 30, 2024 RMB\",,2024-06-30,RMB,6337134,240",
        "qfin-2024q1-press-release,balance-sheet,TOTAL ASSETS,\"March 31, 2024 USD\",,2024-03-31,USD,6568496,237",
        "qfin-2024q2-6k,income-statement,Provision for contingent liabilities,\"Three months ended June 30, 2024 USD\",2024-04-01,2024-06-30,USD,-29347,310",
        "qfin-2024q2-6k,income-statement,Investment loss,\"Three months ended June 30, 2024 RMB\",2024-04-01,2024-06-30,RMB,0,316",
    ] {
        assert!(lines.contains(&row), "missing: {row}");
    }
}

#[test]
fn six_months_per_share_and_share_counts() {
    let recs = csv_records();
    let six = find(
        &recs,
        "qfin-2024q2-6k",
        "income-statement",
        "Total net revenue",
        "Six months ended June 30, 2024",
        "RMB",
    );
    assert_eq!(six.period_start.unwrap().to_string(), "2024-01-01");
    assert_eq!(six.value, "8313246");
    assert_eq!(six.line, 301);

    let eps: Vec<&Record> = recs
        .iter()
        .filter(|r| {
            r.filing == "qfin-2024q2-6k"
                && r.statement == "income-statement"
                && r.line == 324
                && r.currency.as_deref() == Some("USD")
        })
        .collect();
    assert_eq!(
        eps.iter().map(|r| r.value.as_str()).collect::<Vec<_>>(),
        ["0.62", "1.14"],
        "basic EPS per ordinary share, USD, three and six months"
    );

    let shares: Vec<&Record> = recs
        .iter()
        .filter(|r| r.filing == "qfin-2024q2-6k" && r.line == 330)
        .collect();
    assert_eq!(shares.len(), 6);
    assert!(shares.iter().all(|r| r.currency.is_none()), "{shares:?}");
    assert_eq!(shares[1].value, "303761387");
}

#[test]
fn percentages_have_no_currency_or_percent_sign() {
    let recs = csv_records();
    let margin = recs
        .iter()
        .find(|r| r.filing == "qfin-2024q2-6k" && r.statement == "non-gaap" && r.value == "30.5")
        .expect("GAAP net income margin 30.5% (six months 2024)");
    assert_eq!(margin.currency, None);
    assert!(recs.iter().all(|r| !r.value.contains(['%', ',', '('])));
}

#[test]
fn reconciliation_columns_carry_their_full_header() {
    let recs = csv_records();
    let columns: BTreeSet<&str> = recs
        .iter()
        .filter(|r| r.statement == "ifrs-balance-sheet")
        .map(|r| r.column.as_str())
        .collect();
    for header in [
        "Amounts as reported under U.S. GAAP",
        "Expected credit losses, net of tax",
        "Amounts as reported under IFRSs",
    ] {
        assert!(
            columns.iter().any(|c| c.contains(header)),
            "{header} not in {columns:?}"
        );
    }
    let ta = recs
        .iter()
        .find(|r| {
            r.statement == "ifrs-balance-sheet"
                && r.label == "TOTAL ASSETS"
                && r.column.contains("IFRSs")
                && r.period_end.to_string() == "2024-06-30"
        })
        .expect("IFRS total assets at June 30, 2024");
    assert_eq!(ta.value, "45296102");
    assert_eq!(ta.line, 581);
}

#[test]
fn every_statement_kind_of_both_filings() {
    let recs = csv_records();
    let pairs: BTreeSet<(&str, &str)> = recs
        .iter()
        .map(|r| (r.filing.as_str(), r.statement.as_str()))
        .collect();
    let q1 = "qfin-2024q1-press-release";
    let q2 = "qfin-2024q2-6k";
    for kind in [
        "balance-sheet",
        "income-statement",
        "cash-flow",
        "comprehensive-income",
        "non-gaap",
        "metrics",
    ] {
        assert!(pairs.contains(&(q1, kind)), "{q1} {kind}");
        assert!(pairs.contains(&(q2, kind)), "{q2} {kind}");
    }
    assert!(pairs.contains(&(q2, "ifrs-income")));
    assert!(pairs.contains(&(q2, "ifrs-balance-sheet")));
    // Every record points at a real line holding its digits.
    let q2_text: Vec<&str> = tieout::load::bundled::Q2_2024.lines().collect();
    for r in recs
        .iter()
        .filter(|r| r.filing == q2 && r.statement != "metrics")
    {
        let digits = r.value.trim_start_matches('-').replace('.', "");
        let line = q2_text[r.line - 1].replace([',', '.'], "");
        assert!(
            digits == "0" || line.contains(&digits),
            "{r:?} not on line {}: {line}",
            r.line
        );
    }
}

#[test]
fn json_holds_the_same_records() {
    let json: Vec<Record> = serde_json::from_slice(&export("json")).unwrap();
    assert_eq!(json, csv_records());
    let v: serde_json::Value = serde_json::from_slice(&export("json")).unwrap();
    let first = &v.as_array().unwrap()[0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = HEADER.split(',').collect();
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
}

#[test]
fn explicit_files_are_the_same_as_bundled() {
    let out = tieout()
        .args(["export", "--format", "csv"])
        .arg(cli_common::q1_path())
        .arg(cli_common::q2_path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), csv_text());
}
