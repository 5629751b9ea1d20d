//! Rendering a report for `tieout check`: text for people, JSON for scripts.

use super::result::{CheckResult, Status};
use super::{Report, Summary};
use serde::Serialize;
use std::fmt::Write;

/// The text report: failures and warnings first, grouped by filing and
/// statement, ending with "N passed, N failed, N warned, N skipped".
pub fn text(report: &Report) -> String {
    let mut shown: Vec<&CheckResult> = report.checks.iter().filter(|c| shows(c)).collect();
    // Filings in the order first seen.
    let mut order: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for c in &report.checks {
        let n = order.len();
        order.entry(c.filing.as_str()).or_insert(n);
    }
    sort_shown(&mut shown, |id| order.get(id).copied());
    text_of(&shown, report.summary())
}

/// Whether the text report shows a result (failures and warnings).
pub fn shows(c: &CheckResult) -> bool {
    matches!(c.status, Status::Fail | Status::Warn)
}

/// Puts shown results in report order: by filing (`filing_order` of its
/// id), statement (text last), then status; stable otherwise.
pub fn sort_shown(shown: &mut [&CheckResult], filing_order: impl Fn(&str) -> Option<usize>) {
    shown.sort_by_cached_key(|c| {
        (
            filing_order(&c.filing),
            c.statement.is_none(),
            c.statement,
            c.status,
        )
    });
}

/// The text report of `shown` (in report order, see [`sort_shown`]) and
/// the counts of the whole run.
pub fn text_of(shown: &[&CheckResult], s: Summary) -> String {
    let mut out = String::new();
    let mut current: Option<(&str, Option<crate::model::StatementKind>)> = None;
    for &c in shown {
        let key = (c.filing.as_str(), c.statement);
        if current != Some(key) {
            if current.is_some() {
                out.push('\n');
            }
            let title = c.statement.map_or("Text", |s| s.title());
            let _ = writeln!(out, "{} — {}", c.filing, title);
            current = Some(key);
        }
        let status = match c.status {
            Status::Fail => "FAIL",
            Status::Warn => "WARN",
            Status::Pass => "PASS",
            Status::Skip => "SKIP",
        };
        let line = c.line.map_or_else(String::new, |l| format!(" line {l}"));
        let _ = writeln!(out, "  {status} [{}]{line}: {}", c.kind, c.message());
        let _ = writeln!(out, "       id {}", c.id);
        for k in &c.contributors {
            let col = k
                .column
                .as_deref()
                .map_or_else(String::new, |c| format!(" [{c}]"));
            let _ = writeln!(
                out,
                "       {:>10} × {}{col} = {} (line {})",
                k.weight, k.label, k.value, k.line
            );
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} passed, {} failed, {} warned, {} skipped",
        s.pass, s.fail, s.warn, s.skip
    );
    out
}

/// `{"checks": [...], "summary": {"fail": N, "pass": N, "skip": N, "warn": N}}`
/// (keys in alphabetical order).
pub fn json(report: &Report) -> String {
    #[derive(Serialize)]
    struct Counts {
        fail: usize,
        pass: usize,
        skip: usize,
        warn: usize,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        checks: &'a [CheckResult],
        summary: Counts,
    }
    let s = report.summary();
    let out = Out {
        checks: &report.checks,
        summary: Counts {
            fail: s.fail,
            pass: s.pass,
            skip: s.skip,
            warn: s.warn,
        },
    };
    serde_json::to_string(&out).unwrap_or_default()
}
