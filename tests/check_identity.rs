//! Identities: balance sheet, operations, cash roll-forward, comprehensive income.

mod check_support;

use check_support::{failures, q1, q1_with, q2_with, seed};
use tieout::check::{self, CheckKind, Status};
use tieout::model::StatementKind::{CashFlow, IncomeStatement};

#[test]
fn printed_identities_hold() {
    let report = check::run(&[q1()]);
    let ids: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Identity && c.status == Status::Pass)
        .map(|c| c.id.to_string())
        .collect();
    for id in [
        "identity/qfin-2024q1-press-release/balance-sheet/assets-equal-liabilities-and-equity/1",
        "identity/qfin-2024q1-press-release/balance-sheet/liabilities-plus-equity/2",
        "identity/qfin-2024q1-press-release/balance-sheet/equity-attribution/0",
        "identity/qfin-2024q1-press-release/income-statement/operating-costs/1",
        "identity/qfin-2024q1-press-release/income-statement/income-from-operations/2",
        "identity/qfin-2024q1-press-release/income-statement/net-income-attributable/1",
        "identity/qfin-2024q1-press-release/cash-flow/cash-net-change/1",
        "identity/qfin-2024q1-press-release/cash-flow/cash-roll-forward/1",
        "identity/qfin-2024q1-press-release/cash-flow/cash-end-balance-sheet/1",
        "identity/qfin-2024q1-press-release/cash-flow/cash-end-balance-sheet/2",
        "identity/qfin-2024q1-press-release/cash-flow/cash-begin-balance-sheet/1",
        "identity/qfin-2024q1-press-release/comprehensive-income/total-comprehensive-income/0",
        "identity/qfin-2024q1-press-release/comprehensive-income/comprehensive-income-attribution/1",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} did not pass");
    }
    // Cash at the end of Q1 2024: 5,301,288 + 2,855,305 = 8,156,593 (line 322).
    let end = report
        .checks
        .iter()
        .find(|c| c.id == "identity/qfin-2024q1-press-release/cash-flow/cash-end-balance-sheet/1")
        .unwrap();
    assert_eq!(end.line, Some(322));
    assert_eq!(
        end.contributors.iter().map(|k| k.line).collect::<Vec<_>>(),
        [213, 214]
    );
    // Q1 2023 has no balance sheet column: skipped, not failed.
    let q1_2023 = report
        .checks
        .iter()
        .find(|c| c.id == "identity/qfin-2024q1-press-release/cash-flow/cash-end-balance-sheet/0")
        .unwrap();
    assert_eq!(q1_2023.status, Status::Skip);
}

#[test]
fn a_slipped_income_from_operations_fails_its_identity() {
    let report = check::run(&[q1_with(seed(IncomeStatement, "1,364,101", "1,364,701"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| {
            c.id == "identity/qfin-2024q1-press-release/income-statement/income-from-operations/1"
        })
        .expect("income from operations fails");
    assert_eq!(f.label, "Income from operations");
    assert_eq!(
        (f.row_index, f.column_index, f.line),
        (Some(19), Some(1), Some(288))
    );
    assert_eq!(
        f.expected.map(|e| e.to_string()).as_deref(),
        Some("[1364100, 1364102]")
    );
    assert_eq!(f.actual.as_deref(), Some("1,364,701"));
}

#[test]
fn a_slipped_ending_cash_fails_the_roll_forward_and_the_balance_sheet_tie() {
    let report = check::run(&[q1_with(seed(CashFlow, "8,156,593", "8,165,593"))]);
    let ids: Vec<_> = failures(&report).iter().map(|c| c.id.to_string()).collect();
    assert!(
        ids.contains(
            &"identity/qfin-2024q1-press-release/cash-flow/cash-roll-forward/1".to_string()
        )
    );
    assert!(ids.contains(
        &"identity/qfin-2024q1-press-release/cash-flow/cash-end-balance-sheet/1".to_string()
    ));
    assert!(failures(&report).iter().all(|c| c.line == Some(322)));
}

#[test]
fn q2_net_income_usd_is_judged_by_footing_not_translation() {
    // US$189,412 = 285,743 − 96,331 passes, although 1,376,508 ÷ 7.2672 = 189,413.8.
    let report = check::run(&[q2_with(|_, t| t.to_string())]);
    let c = report
        .checks
        .iter()
        .find(|c| c.id == "identity/qfin-2024q2-6k/income-statement/net-income/2")
        .unwrap();
    assert_eq!(c.status, Status::Pass);
    assert!(
        !report
            .checks
            .iter()
            .any(|c| c.kind == CheckKind::Fx && c.label == "Net income")
    );
}
