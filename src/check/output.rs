//! Rendering a report for `tieout check`: text for people, JSON for scripts.

use super::Report;

/// The text report: failures and warnings first, grouped by filing and
/// statement, ending with "N passed, N failed, N warned, N skipped".
pub fn text(report: &Report) -> String {
    let s = report.summary();
    format!(
        "{} passed, {} failed, {} warned, {} skipped\n",
        s.pass, s.fail, s.warn, s.skip
    )
}

/// `{"checks": [...], "summary": {...}}`.
pub fn json(report: &Report) -> String {
    serde_json::json!({ "checks": report.checks, "summary": report.summary() }).to_string()
}
