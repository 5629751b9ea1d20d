//! The hand-built filings, as printed, tie out: no check fails.

mod check_support;

use check_support::{failures, q1, q2};
use tieout::check::{self, CheckKind, Status};

#[test]
fn printed_q1_and_q2_have_no_failures_and_many_passes() {
    let report = check::run(&[q1(), q2()]);
    for c in failures(&report) {
        eprintln!("{} {}", c.id, c.message());
    }
    assert!(failures(&report).is_empty());
    for kind in [
        CheckKind::Footing,
        CheckKind::Identity,
        CheckKind::CrossFoot,
        CheckKind::Fx,
        CheckKind::Ratio,
        CheckKind::Period,
    ] {
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.kind == kind && c.status == Status::Pass),
            "no passing {kind} check"
        );
    }
    let s = report.summary();
    assert!(s.pass > 300, "{s:?}");
}
