//! Rendering a report for `tieout check`: text for people, JSON for scripts.

use super::Report;
use super::result::{CheckResult, Status};
use serde::Serialize;
use std::fmt::Write;

/// The text report: failures and warnings first, grouped by filing and
/// statement, ending with "N passed, N failed, N warned, N skipped".
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let mut shown: Vec<&CheckResult> = report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Warn))
        .collect();
    // Stable: by filing (first seen), statement (text last), then status.
    let mut order: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for c in &report.checks {
        let n = order.len();
        order.entry(c.filing.as_str()).or_insert(n);
    }
    let filing_order = |id: &str| order.get(id).copied();
    shown.sort_by_key(|c| {
        (
            filing_order(&c.filing),
            c.statement.is_none(),
            c.statement,
            c.status,
        )
    });
    let mut current: Option<(&str, Option<crate::model::StatementKind>)> = None;
    for c in shown {
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
    let s = report.summary();
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
