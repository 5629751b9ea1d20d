//! `tieout show`: every statement kind, legible, with real values.

mod cli_common;

use cli_common::{fails_with_one_line, os, tieout};

fn show(args: &[&str]) -> String {
    let out = tieout().arg("show").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The line whose label (after indentation) starts with `label`.
fn line<'a>(text: &'a str, label: &str) -> &'a str {
    text.lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line for {label} in:\n{text}"))
}

/// The whitespace-separated value fields at the end of a table line.
fn values(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .skip(1)
        .collect()
}

#[test]
fn income_statement_of_q2() {
    let text = show(&[
        "--statement",
        "income-statement",
        "--filing",
        "qfin-2024q2-6k",
    ]);
    assert!(
        text.starts_with(
            "qfin-2024q2-6k: Unaudited Condensed Consolidated Statements of Operations"
        )
    );
    assert!(text.contains("Q2 2023") && text.contains("Q2 2024") && text.contains("6M 2024"));
    assert_eq!(
        values(line(&text, "Total net revenue")),
        [
            "3,914,324",
            "4,160,063",
            "572,443",
            "7,513,498",
            "8,313,246",
            "1,143,941"
        ]
    );
    assert_eq!(
        values(line(&text, "Provision for contingent liabilities")),
        [
            "757,590",
            "(213,267)",
            "(29,347)",
            "1,437,924",
            "103,397",
            "14,228"
        ]
    );
    assert_eq!(
        values(line(&text, "Investment loss")),
        ["(30,112)", "-", "-", "(30,112)", "-", "-"]
    );
    // Every value line has the same width up to its last column: aligned.
    let revenue = line(&text, "Total net revenue");
    let income = line(&text, "Income from operations");
    assert_eq!(revenue.len(), income.len());
}

#[test]
fn balance_sheet_of_both_filings_is_indented() {
    let text = show(&["--statement", "balance-sheet"]);
    assert!(text.contains("qfin-2024q1-press-release: "));
    assert!(text.contains("qfin-2024q2-6k: "));
    assert!(text.contains("Mar 31, 2024") && text.contains("Jun 30, 2024"));
    let cash = line(&text, "Cash and cash equivalents");
    assert_eq!(values(cash), ["4,177,890", "5,301,288", "734,220"]);
    let total = line(&text, "TOTAL ASSETS");
    let indent = |l: &str| l.len() - l.trim_start().len();
    assert!(
        indent(cash) > indent(total),
        "items indented under their total"
    );
}

#[test]
fn every_statement_kind_is_shown() {
    for (kind, label, value) in [
        ("balance-sheet", "Restricted cash", "2,035,180"),
        ("income-statement", "Net income", "1,376,508"),
        (
            "cash-flow",
            "Net cash provided by operating activities",
            "1,961,616",
        ),
        ("comprehensive-income", "Net income", "1,376,508"),
        ("non-gaap", "Non-GAAP net income", "2,618,206"),
        ("ifrs-income", "Total net revenue", ""),
        ("ifrs-balance-sheet", "TOTAL ASSETS", "45,296,102"),
        ("metrics", "", ""),
    ] {
        let text = show(&["--statement", kind, "--filing", "qfin-2024q2-6k"]);
        assert!(text.lines().count() > 5, "{kind}:\n{text}");
        assert!(
            text.lines().nth(2).is_some_and(str::is_empty),
            "{kind}: title, subtitle, blank"
        );
        if !label.is_empty() {
            let l = line(&text, label);
            assert!(l.contains(value), "{kind} {label}: {l}");
        }
    }
}

#[test]
fn a_statement_the_filing_lacks() {
    let line = fails_with_one_line(&os(&[
        "show",
        "--statement",
        "ifrs-income",
        "--filing",
        "qfin-2024q1-press-release",
    ]));
    assert!(
        line.starts_with(
            "tieout: no ifrs-income statement in qfin-2024q1-press-release; statements there: "
        ),
        "{line}"
    );
    assert!(line.contains("balance-sheet"), "{line}");
}
