//! The check engine: ties out totals, identities, periods, translations and
//! narrative figures, with XBRL Calculations 1.1 rounding. No display code.
//!
//! Relationships come from the statements' structure (parent links) and the
//! declarative rules of `assets/rules.toml`, never from whether numbers
//! happen to add up. Every printed value is an interval ([`interval`]).

pub mod interval;
pub mod output;
pub mod result;
pub mod rules;

mod crossfoot;
mod footing;
mod fx;
mod helpers;
mod identity;
mod narrative;
mod period;
mod ratio;
mod scale;

pub use interval::Interval;
pub use result::{CheckKind, CheckResult, Contributor, Report, Status, Summary};

use crate::model::Filing;
use helpers::Indexed;
use rules::RuleSet;
use std::collections::{HashMap, HashSet};

/// Runs every check over `filings` (cross-filing checks included) with the
/// embedded rules.
pub fn run(filings: &[Filing]) -> Report {
    run_with(rules::embedded(), filings)
}

/// Runs every check with the given rules.
pub fn run_with(set: &RuleSet, filings: &[Filing]) -> Report {
    let mut checks = Vec::new();
    // Filings of one company, in the order given; cross-filing checks run
    // within a group, so their cost grows with the filings of one company.
    let mut groups: Vec<Vec<Indexed<'_>>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut cache = helpers::KeyCache::new();
    for f in filings {
        let ix = Indexed::with_cache(set, f, &mut cache);
        let claimed = identity::claimed(&ix);
        footing::run(&ix, &claimed, &mut checks);
        identity::run(&ix, &mut checks);
        crossfoot::run(&ix, &mut checks);
        fx::run(&ix, &mut checks);
        ratio::run(&ix, &mut checks);
        scale::run(f, set.rules.scale.separator_like_decimals, &mut checks);
        let company = company_key(f);
        let n = groups.len();
        let g = *group_of.entry(company).or_insert(n);
        if g == n {
            groups.push(Vec::new());
        }
        groups[g].push(ix);
    }
    for g in &groups {
        period::run(g, &mut checks);
        narrative::run(g, &mut checks);
    }
    unique_ids(&mut checks);
    result::forget_shared();
    Report { checks }
}

/// What groups filings of one company: the ticker, else the company name,
/// else the filing itself.
fn company_key(f: &Filing) -> String {
    if !f.ticker.trim().is_empty() {
        format!("ticker:{}", f.ticker.trim().to_uppercase())
    } else if !f.company.trim().is_empty() {
        format!("company:{}", rules::normalize(&f.company))
    } else {
        format!("filing:{}", f.id)
    }
}

/// Makes ids unique within a run (the same filing loaded twice, say) by
/// suffixing repeats with "~2", "~3".
fn unique_ids(checks: &mut [CheckResult]) {
    // Usually nothing repeats: find that out without copying every id.
    let mut borrowed: HashSet<&str> = HashSet::with_capacity(checks.len());
    if checks.iter().all(|c| borrowed.insert(c.id.as_str())) {
        return;
    }
    drop(borrowed);
    let mut seen: HashSet<String> = HashSet::new();
    for c in checks.iter_mut() {
        if !seen.insert(c.id.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{}~{n}", c.id)) {
                n += 1;
            }
            c.id = format!("{}~{n}", c.id);
        }
    }
}
