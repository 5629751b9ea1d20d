//! The check engine: ties out totals, identities, periods, translations and
//! narrative figures, with XBRL Calculations 1.1 rounding. No display code.
//!
//! Relationships come from the statements' structure (parent links) and the
//! declarative rules of `assets/rules.toml`, never from whether numbers
//! happen to add up. Every printed value is an interval ([`interval`]).

pub mod id;
pub mod interval;
pub mod message;
pub mod output;
pub mod result;
pub mod rules;
pub mod text;

mod company;
mod compiled;
mod crossfoot;
mod fix;
mod footing;
mod fx;
mod helpers;
mod identity;
mod index;
mod labels;
mod memo;
mod narrative;
mod period;
mod ratio;
mod scale;
mod sink;

pub use id::CheckId;
pub use interval::Interval;
pub use message::{Basis, Explanation, Message, Subject};
pub use result::{CheckKind, CheckResult, Contributor, Report, Status, Summary};
pub use sink::Passes;
pub use text::{Difference, Expected, Shared, Weight};

use crate::model::Filing;
use helpers::Indexed;
use index::Interner;
use rules::RuleSet;
use rustc_hash::FxHashMap;
use sink::Out;

/// Runs every check over `filings` (cross-filing checks included) with the
/// embedded rules.
pub fn run(filings: &[Filing]) -> Report {
    run_with(rules::embedded(), filings)
}

/// Runs every check with the given rules. Results come filing by filing
/// (each filing's own checks), then company by company (cross-filing checks).
pub fn run_with(set: &RuleSet, filings: &[Filing]) -> Report {
    let mut checks = Out::new(Passes::Keep, filings.iter().map(expected_results).sum());
    let mut keys = Interner::new(set);
    let indexed: Vec<Indexed<'_>> = filings
        .iter()
        .map(|f| {
            let ix = Indexed::new(set, f, &mut keys);
            run_own(&ix, &mut checks);
            ix
        })
        .collect();
    for g in companies(filings) {
        let group: Vec<&Indexed<'_>> = g.iter().map(|&i| &indexed[i]).collect();
        run_cross(&group, &keys, &mut checks);
    }
    let (checks, _) = checks.finish();
    Report { checks }
}

/// Runs every check over the filings of one company (see [`companies`]):
/// each filing's own checks, then the cross-filing ones. Checking a set of
/// filings company by company gives the same results as [`run_with`] over
/// all of them, grouped differently, so a caller can check a large set
/// one company at a time and let each go.
pub fn run_company(set: &RuleSet, filings: &[&Filing]) -> Vec<CheckResult> {
    run_company_with(set, filings, Passes::Keep).0
}

/// [`run_company`], keeping passes or only counting them: gives the
/// results kept (ids exactly as when every result is kept) and the number
/// of passes let go.
pub fn run_company_with(
    set: &RuleSet,
    filings: &[&Filing],
    passes: Passes,
) -> (Vec<CheckResult>, usize) {
    let mut checks = Out::new(passes, filings.iter().map(|f| expected_results(f)).sum());
    let mut keys = Interner::new(set);
    let indexed: Vec<Indexed<'_>> = filings
        .iter()
        .map(|f| {
            let ix = Indexed::new(set, f, &mut keys);
            run_own(&ix, &mut checks);
            ix
        })
        .collect();
    let group: Vec<&Indexed<'_>> = indexed.iter().collect();
    run_cross(&group, &keys, &mut checks);
    checks.finish()
}

/// The filings of each company (indices into `filings`, in the order
/// given; companies in order of first appearance). Cross-filing checks run
/// within a company, so their cost grows with the filings of one company.
pub fn companies(filings: &[Filing]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: FxHashMap<String, usize> = FxHashMap::default();
    for (i, f) in filings.iter().enumerate() {
        let n = groups.len();
        let g = *group_of.entry(company_key(f)).or_insert(n);
        if g == n {
            groups.push(Vec::new());
        }
        groups[g].push(i);
    }
    groups
}

/// About how many results a filing yields (one per printed cell and
/// narrative figure), to reserve room for them once.
fn expected_results(f: &Filing) -> usize {
    let cells: usize = f
        .statements
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| r.cells.iter().filter(|c| c.is_some()).count())
        .sum();
    cells + f.facts.len() + f.claims.len()
}

/// The checks of one filing on its own.
fn run_own(ix: &Indexed<'_>, checks: &mut Out) {
    let claimed = identity::claimed(ix);
    footing::run(ix, &claimed, checks);
    identity::run(ix, checks);
    crossfoot::run(ix, checks);
    fx::run(ix, checks);
    ratio::run(ix, checks);
    scale::run(ix, ix.set.rules.scale.separator_like_decimals, checks);
}

/// The cross-filing checks of one company's filings.
fn run_cross(group: &[&Indexed<'_>], keys: &Interner<'_>, checks: &mut Out) {
    period::run(group, checks);
    narrative::run(group, keys, checks);
}

/// What groups filings of one company: the ticker, else the company name,
/// else the filing itself.
pub fn company_key(f: &Filing) -> String {
    company_key_of(&f.ticker, &f.company, &f.id)
}

/// [`company_key`] from a filing's ticker, company name and id, as known
/// before it is loaded (see [`crate::load::peek`]).
pub fn company_key_of(ticker: &str, company: &str, id: &str) -> String {
    if !ticker.trim().is_empty() {
        format!("ticker:{}", ticker.trim().to_uppercase())
    } else if !company.trim().is_empty() {
        format!("company:{}", rules::normalize(company))
    } else {
        format!("filing:{id}")
    }
}
