//! Check ids are unique within a run: the same filing loaded twice gets
//! its repeats suffixed "~2", and an id compares with its text.

mod check_support;

use check_support::q1;
use std::collections::HashSet;
use tieout::check;

#[test]
fn a_filing_loaded_twice_gets_suffixed_ids() {
    let one = check::run(&[q1()]);
    let two = check::run(&[q1(), q1()]);
    let ids: Vec<String> = two.checks.iter().map(|c| c.id.to_string()).collect();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids repeat");
    let tca = "footing/qfin-2024q1-press-release/balance-sheet/total-current-assets/1";
    assert!(one.checks.iter().any(|c| c.id == tca));
    assert!(ids.iter().any(|i| i == tca));
    assert!(ids.iter().any(|i| *i == format!("{tca}~2")));
    // The first copy's own checks (they come first) keep the ids they have alone.
    let own = |c: &&check::CheckResult| {
        !matches!(
            c.kind,
            check::CheckKind::Period | check::CheckKind::Narrative
        )
    };
    let n = one.checks.iter().take_while(own).count();
    assert!(n > 100);
    for (a, b) in one.checks.iter().zip(&two.checks).take(n) {
        assert_eq!(a.id.to_string(), b.id.to_string());
    }
}
