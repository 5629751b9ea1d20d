//! Footing: components against their totals, in every column.

mod check_support;

use check_support::{failures, q1, q1_with, seed};
use tieout::check::{self, CheckKind, Status};
use tieout::model::StatementKind::BalanceSheet;

#[test]
fn printed_totals_foot_in_every_column() {
    let report = check::run(&[q1()]);
    let footing: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Footing)
        .collect();
    // Total current assets, total non-current, TOTAL ASSETS, total current and
    // non-current liabilities, the two revenue lines, OCI: 9 totals × 3 columns.
    assert_eq!(footing.len(), 30);
    assert!(footing.iter().all(|c| c.status == Status::Pass));
    let tca = footing
        .iter()
        .find(|c| c.id == "footing/qfin-2024q1-press-release/balance-sheet/total-current-assets/1")
        .unwrap();
    assert_eq!(tca.actual.as_deref(), Some("41,816,332"));
    assert_eq!(
        tca.expected.map(|e| e.to_string()).as_deref(),
        Some("[41816327, 41816337]")
    );
    assert_eq!(tca.contributors.len(), 10);
    assert_eq!(&*tca.contributors[0].label, "Cash and cash equivalents");
    assert_eq!(tca.contributors[0].line, 213);
}

#[test]
fn a_slipped_subtotal_fails_naming_row_column_and_line() {
    let report = check::run(&[q1_with(seed(BalanceSheet, "41,816,332", "41,816,532"))]);
    let fails = failures(&report);
    let f = fails
        .iter()
        .find(|c| c.kind == CheckKind::Footing && c.label == "Total current assets")
        .expect("footing failure on Total current assets");
    assert_eq!(
        f.id,
        "footing/qfin-2024q1-press-release/balance-sheet/total-current-assets/1"
    );
    assert_eq!(f.column.as_deref(), Some("March 31, 2024 RMB"));
    assert_eq!(f.column_index, Some(1));
    assert_eq!(f.row_index, Some(12));
    assert_eq!(f.line, Some(224));
    assert_eq!(
        f.difference.map(|d| d.to_string()).as_deref(),
        Some("194.5")
    );
    assert!(
        f.message().to_string().contains("41,816,532"),
        "{}",
        f.message()
    );
    // Every failure concerns that figure: its own footing, TOTAL ASSETS which
    // it feeds, and the USD translations of those totals, which use it.
    for c in &fails {
        assert!(
            c.label == "Total current assets" || c.label == "TOTAL ASSETS",
            "{}",
            c.id
        );
        let uses_it = c.column_index == Some(1)
            || c.contributors
                .iter()
                .any(|k| &*k.value == "41,816,532" && k.line == 224);
        assert!(uses_it, "{}", c.id);
    }
}

#[test]
fn a_slipped_component_fails_the_total_it_feeds() {
    let report = check::run(&[q1_with(seed(BalanceSheet, "1,067,738", "1,067,788"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.kind == CheckKind::Footing)
        .expect("a footing failure");
    assert_eq!(f.label, "Total non-current assets");
    assert_eq!(f.column_index, Some(0));
    assert!(
        f.contributors
            .iter()
            .any(|k| &*k.label == "Deferred tax assets"
                && &*k.value == "1,067,788"
                && k.line == 234)
    );
}
