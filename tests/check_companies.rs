//! Checking company by company (`check::run_company`, what a streaming
//! `tieout check` does) gives exactly the results of one run over all
//! filings, for the bundled pair beside a renamed copy of it.

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use tieout::check::{self, CheckResult, Status};
use tieout::load::{self, Source};
use tieout::model::Filing;

fn sources() -> Vec<Source> {
    let mut sources = load::bundled();
    for f in corpus::company_pair(2) {
        sources.push(Source {
            id: f.file_name.split('.').next().unwrap().to_string(),
            path: None,
            bytes: f.text.into_bytes(),
        });
    }
    sources
}

fn by_id(mut checks: Vec<CheckResult>) -> Vec<CheckResult> {
    checks.sort_by_cached_key(|c| c.id.to_string());
    checks
}

#[test]
fn companies_are_the_bundled_pair_and_the_renamed_pair() {
    let (filings, errors) = load::load_all(&sources());
    assert!(errors.is_empty());
    assert_eq!(check::companies(&filings), vec![vec![0, 1], vec![2, 3]]);
    assert_eq!(filings[2].ticker, "AAAB");
}

#[test]
fn company_by_company_equals_one_run() {
    let (filings, _) = load::load_all(&sources());
    let whole = check::run(&filings);
    let mut parts = Vec::new();
    for g in check::companies(&filings) {
        let group: Vec<&Filing> = g.iter().map(|&i| &filings[i]).collect();
        parts.extend(check::run_company(check::rules::embedded(), &group));
    }
    assert_eq!(parts.len(), whole.checks.len());
    let fails = parts.iter().filter(|c| c.status == Status::Fail).count();
    assert_eq!(fails, whole.summary().fail);
    assert!(fails >= 10, "both companies' failures are found: {fails}");
    assert_eq!(by_id(parts), by_id(whole.checks));
}

#[test]
fn the_bundled_company_alone_gives_the_bundled_results_in_order() {
    let (filings, _) = load::load_all(&load::bundled());
    let group: Vec<&Filing> = filings.iter().collect();
    let checks = check::run_company(check::rules::embedded(), &group);
    let s = check::Report {
        checks: checks.clone(),
    }
    .summary();
    assert_eq!((s.pass, s.fail, s.warn, s.skip), (1222, 5, 2, 44));
    assert_eq!(checks, check::run(&filings).checks);
}

/// Counting passes instead of keeping them leaves every other result as it
/// was, ids included, even where repeated ids are numbered ("~2").
#[test]
fn counting_passes_keeps_the_other_results_and_their_ids() {
    let (filings, _) = load::load_all(&load::bundled());
    let set = check::rules::embedded();
    // The bundled pair, then its first filing again: every id of that
    // filing repeats.
    let group: Vec<&Filing> = vec![&filings[0], &filings[1], &filings[0]];
    let (all, none_counted) = check::run_company_with(set, &group, check::Passes::Keep);
    let (kept, passed) = check::run_company_with(set, &group, check::Passes::Count);
    assert_eq!(none_counted, 0);
    let passes = all.iter().filter(|c| c.status == Status::Pass).count();
    assert_eq!(passed, passes);
    assert!(passes > 1222, "the repeated filing passes too: {passes}");
    let others: Vec<CheckResult> = all
        .into_iter()
        .filter(|c| c.status != Status::Pass)
        .collect();
    assert!(others.iter().any(|c| c.id.to_string().ends_with("~2")));
    assert_eq!(kept, others);
}
