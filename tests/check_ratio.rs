//! Ratios: EPS, per-ADS amounts, non-GAAP per ADS, margins, weighted ADS.

mod check_support;

use check_support::{failures, q1, q1_with, q2, seed};
use tieout::check::{self, CheckKind, Status};
use tieout::model::StatementKind::{IncomeStatement, NonGaap};

#[test]
fn printed_ratios_tie_out() {
    let report = check::run(&[q1(), q2()]);
    let get = |id: &str| {
        report
            .checks
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Q2 basic EPS 4.54 = 1,380,528 thousand ÷ 303,761,387.
    let eps = get("ratio/qfin-2024q2-6k/income-statement/eps-basic/1");
    assert_eq!(eps.status, Status::Pass);
    assert_eq!(
        eps.expected.map(|e| e.to_string()).as_deref(),
        Some("[4.5447, 4.5448]")
    );
    // Per ADS 9.08 = 2 × 4.54, though 1,380,528 ÷ 151,880,694 ADS = 9.0896.
    assert_eq!(
        get("ratio/qfin-2024q2-6k/income-statement/per-ads-basic/1").status,
        Status::Pass
    );
    // US$1.24 = 2 × US$0.62, though 9.08 ÷ 7.2672 = 1.2494.
    assert_eq!(
        get("ratio/qfin-2024q2-6k/income-statement/per-ads-basic/2").status,
        Status::Pass
    );
    assert_eq!(
        get("ratio/qfin-2024q1-press-release/non-gaap/non-gaap-per-ads-diluted/1").status,
        Status::Pass
    );
    assert_eq!(
        get("ratio/qfin-2024q1-press-release/non-gaap/gaap-operating-margin/1").status,
        Status::Pass
    );
    assert_eq!(
        get("ratio/qfin-2024q1-press-release/non-gaap/weighted-ads-diluted/1").status,
        Status::Pass
    );
    let ratios = report.checks.iter().filter(|c| c.kind == CheckKind::Ratio);
    assert!(ratios.clone().count() >= 40);
    assert!(ratios.clone().all(|c| c.status == Status::Pass));
}

#[test]
fn a_slipped_eps_fails() {
    let report = check::run(&[q1_with(seed(IncomeStatement, "\t3.73\t", "\t3.78\t"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.id == "ratio/qfin-2024q1-press-release/income-statement/eps-basic/1")
        .expect("EPS fails");
    assert_eq!(
        (f.row_index, f.column_index, f.line),
        (Some(30), Some(1), Some(299))
    );
    assert!(f.message().to_string().contains("3.78"), "{}", f.message());
}

#[test]
fn a_slipped_margin_fails() {
    let report = check::run(&[q1_with(seed(NonGaap, "32.8%", "23.8%"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.kind == CheckKind::Ratio)
        .expect("margin fails");
    assert_eq!(
        f.id,
        "ratio/qfin-2024q1-press-release/non-gaap/gaap-operating-margin/1"
    );
    assert_eq!(f.line, Some(365));
}
