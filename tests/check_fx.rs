//! USD translations of leaf items at the stated rate.

mod check_support;

use check_support::{failures, q1, q1_with, q2, seed};
use tieout::check::{self, CheckKind, Status};
use tieout::model::StatementKind::{BalanceSheet, IncomeStatement};

#[test]
fn leaf_items_translate_at_the_stated_rate() {
    let report = check::run(&[q1(), q2()]);
    let fx: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Fx)
        .collect();
    assert!(fx.len() > 80, "{}", fx.len());
    assert!(fx.iter().all(|c| c.status == Status::Pass));
    // Goodwill 41,210 ÷ 7.2203 = 5,707.52 → US$5,708 (line 233).
    let g = fx
        .iter()
        .find(|c| c.id == "fx/qfin-2024q1-press-release/balance-sheet/goodwill/2")
        .unwrap();
    assert_eq!(g.line, Some(233));
    assert_eq!(g.contributors[0].weight.to_string(), "1/7.2203");
    // Per-share amounts translate; per-ADS amounts are 2 × per share (a ratio), not translations.
    assert!(
        fx.iter()
            .any(|c| c.id == "fx/qfin-2024q2-6k/income-statement/basic/2")
    );
    assert!(
        !fx.iter()
            .any(|c| c.id == "fx/qfin-2024q2-6k/income-statement/basic-2/2")
    );
    // Totals summed from translated components are translated with the
    // rounding of every component: 41,816,332 ÷ 7.2203 ± 10 × 0.5.
    let tca = fx
        .iter()
        .find(|c| c.id == "fx/qfin-2024q1-press-release/balance-sheet/total-current-assets/2")
        .unwrap();
    assert!(
        tca.message()
            .to_string()
            .contains("widened by the rounding of the 10 translated components"),
        "{}",
        tca.message()
    );
    // Totals of signed identities (net income) are judged in the USD column only.
    assert!(
        !fx.iter()
            .any(|c| c.label == "Net income" || c.label == "Income from operations")
    );
}

#[test]
fn a_slipped_usd_cell_fails() {
    let report = check::run(&[q1_with(seed(BalanceSheet, "5,708", "5,780"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.kind == CheckKind::Fx)
        .expect("fx failure");
    assert_eq!(
        f.id,
        "fx/qfin-2024q1-press-release/balance-sheet/goodwill/2"
    );
    assert_eq!(
        (f.row_index, f.column_index, f.line),
        (Some(21), Some(2), Some(233))
    );
    assert_eq!(f.column.as_deref(), Some("March 31, 2024 USD"));
}

#[test]
fn a_slipped_usd_per_share_amount_fails() {
    let report = check::run(&[q1_with(seed(IncomeStatement, "0.52", "0.55"))]);
    let f = failures(&report)
        .into_iter()
        .find(|c| c.kind == CheckKind::Fx)
        .expect("fx failure");
    assert_eq!(f.label, "Basic");
    assert_eq!((f.column_index, f.line), (Some(2), Some(299)));
    assert!(
        f.message().to_string().contains("3.73 ÷ 7.2203"),
        "{}",
        f.message()
    );
}
