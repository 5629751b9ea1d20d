//! The text and JSON reports of `tieout check`.

mod check_support;

use check_support::{q1, q1_with, seed};
use tieout::check::{self, output};
use tieout::model::StatementKind::BalanceSheet;

#[test]
fn text_lists_failures_first_and_ends_with_the_counts() {
    let report = check::run(&[q1_with(seed(BalanceSheet, "41,816,332", "41,816,532"))]);
    let s = report.summary();
    let text = output::text(&report);
    let last = text.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "{} passed, {} failed, {} warned, {} skipped",
            s.pass, s.fail, s.warn, s.skip
        )
    );
    assert_eq!(s.fail, 3);
    let first = text.lines().next().unwrap();
    assert_eq!(first, "qfin-2024q1-press-release — Balance sheet");
    assert!(text.lines().nth(1).unwrap().starts_with("  FAIL [footing] line 224: Total current assets (Mar 31, 2024 RMB) is printed as 41,816,532"));
    assert!(!text.contains("PASS"));
    assert!(text.ends_with('\n'));
}

#[test]
fn clean_text_is_just_the_counts() {
    let report = check::run(&[q1()]);
    let s = report.summary();
    assert_eq!(
        output::text(&report),
        format!(
            "{} passed, 0 failed, 0 warned, {} skipped\n",
            s.pass, s.skip
        )
    );
}

#[test]
fn json_has_checks_and_summary_with_every_field() {
    let report = check::run(&[q1_with(seed(BalanceSheet, "41,816,332", "41,816,532"))]);
    let v: serde_json::Value = serde_json::from_str(&output::json(&report)).unwrap();
    let s = report.summary();
    assert_eq!(v["summary"]["pass"], s.pass);
    assert_eq!(v["summary"]["fail"], 3);
    assert_eq!(v["summary"]["warn"], 0);
    assert_eq!(v["summary"]["skip"], s.skip);
    let checks = v["checks"].as_array().unwrap();
    assert_eq!(checks.len(), report.checks.len());
    let fail = checks.iter().find(|c| c["status"] == "fail").unwrap();
    let keys: Vec<_> = fail.as_object().unwrap().keys().cloned().collect();
    for k in [
        "id",
        "kind",
        "status",
        "filing",
        "statement",
        "label",
        "column",
        "period_end",
        "expected",
        "actual",
        "difference",
        "message",
        "line",
        "contributors",
    ] {
        assert!(keys.iter().any(|x| x == k), "missing {k}");
    }
    assert!(!keys.iter().any(|x| x == "row_index"));
    assert_eq!(fail["kind"], "footing");
    assert_eq!(fail["statement"], "balance-sheet");
    assert_eq!(fail["period_end"], "2024-03-31");
    assert_eq!(fail["line"], 224);
    assert_eq!(fail["contributors"][0]["line"], 213);
    assert_eq!(fail["contributors"][0]["weight"], "1");
}
