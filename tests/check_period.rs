//! Period checks across filings: roll-ups, repeated columns, the cash chain.

mod check_support;

use check_support::{failures, q1, q2, q2_with, seed};
use tieout::check::{self, CheckKind, Status};
use tieout::model::StatementKind::{CashFlow, IncomeStatement};

#[test]
fn quarters_roll_up_to_six_months_across_filings() {
    let report = check::run(&[q1(), q2()]);
    let get = |id: &str| {
        report
            .checks
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Q1 2024 4,153,183 (Q1 filing) + Q2 2024 4,160,063 = 8,313,246 (line 301).
    let rev = get("period/qfin-2024q2-6k/income-statement/total-net-revenue/4/roll-up");
    assert_eq!(rev.status, Status::Pass);
    assert_eq!(rev.line, Some(301));
    assert_eq!(&*rev.contributors[0].filing, "qfin-2024q1-press-release");
    assert_eq!(rev.contributors[0].line, 277);
    // The December 31, 2023 balance sheet agrees cell by cell.
    assert_eq!(
        get("period/qfin-2024q2-6k/balance-sheet/cash-and-cash-equivalents/0/repeated-qfin-2024q1-press-release").status,
        Status::Pass
    );
    // Q1 2024 ending cash 8,156,593 = Q2 2024 beginning cash 8,156,593.
    let chain = get(
        "period/qfin-2024q2-6k/cash-flow/cash-cash-equivalents-and-restricted-cash-beginning-of-period/1/begin-after-end",
    );
    assert_eq!(chain.status, Status::Pass);
    assert_eq!(chain.contributors[0].line, 322);
    assert!(
        report
            .checks
            .iter()
            .filter(|c| c.kind == CheckKind::Period)
            .count()
            > 60
    );
    assert!(failures(&report).is_empty());
}

#[test]
fn with_one_filing_the_roll_ups_are_skipped() {
    let report = check::run(&[q2()]);
    let rev = report
        .checks
        .iter()
        .find(|c| c.id == "period/qfin-2024q2-6k/income-statement/total-net-revenue/4/roll-up")
        .unwrap();
    assert_eq!(rev.status, Status::Skip);
    assert!(
        rev.message().to_string().contains("Q1 2024"),
        "{}",
        rev.message()
    );
}

#[test]
fn a_slipped_six_month_figure_fails_the_roll_up() {
    let report = check::run(&[
        q1(),
        q2_with(seed(IncomeStatement, "8,313,246", "8,313,846")),
    ]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.kind == CheckKind::Period)
        .expect("period failure");
    assert_eq!(
        f.id,
        "period/qfin-2024q2-6k/income-statement/total-net-revenue/4/roll-up"
    );
    assert_eq!(
        (f.row_index, f.column_index, f.line),
        (Some(9), Some(4), Some(301))
    );
}

#[test]
fn a_slipped_beginning_cash_breaks_the_chain() {
    let report = check::run(&[q1(), q2_with(seed(CashFlow, "8,156,593", "8,156,893"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.kind == CheckKind::Period)
        .expect("period failure");
    assert!(f.id.to_string().ends_with("/1/begin-after-end"), "{}", f.id);
    assert_eq!(f.line, Some(344));
    assert_eq!(&*f.contributors[0].filing, "qfin-2024q1-press-release");
}
