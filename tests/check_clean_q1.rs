//! The hand-built Q1 2024 filing, as printed, ties out: no check fails.

mod check_support;

use tieout::check::{self, CheckKind, Status};

#[test]
fn printed_q1_has_no_failures_and_many_passes() {
    let report = check::run(&[check_support::q1()]);
    let failed: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == Status::Fail)
        .collect();
    for c in &failed {
        eprintln!("{} {}", c.id, c.message);
    }
    assert!(failed.is_empty());
    let s = report.summary();
    eprintln!("{}", check::output::text(&report));
    for kind in [
        CheckKind::Footing,
        CheckKind::Identity,
        CheckKind::CrossFoot,
        CheckKind::Fx,
        CheckKind::Ratio,
    ] {
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.kind == kind && c.status == Status::Pass),
            "no passing {kind} check"
        );
    }
    assert!(s.pass > 150, "{s:?}");
}
