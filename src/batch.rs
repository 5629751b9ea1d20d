//! Checking many filings in bounded memory: files are grouped by company
//! from a quick look at each ([`crate::load::peek`]), then each company's
//! filings are read, loaded, checked and let go, on several threads.
//! Results arrive company by company, in the order companies first appear
//! among the inputs. Knows nothing of display.
//!
//! Checking company by company gives the results of one run over all the
//! filings ([`crate::check::run_company`]); lost labels are recovered from
//! the same company's filings only.

use crate::check::{self, CheckResult, Passes, rules::RuleSet};
use crate::load::{self, LoadError, Source};
use crate::model::Filing;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// A filing to check: a file, read when its company's turn comes, or a
/// source already in memory (the bundled filings).
#[derive(Clone, Debug)]
pub enum Input {
    /// A path, opened read-only.
    Path(PathBuf),
    /// Bytes in memory.
    Source(Source),
}

impl Input {
    fn read(&self) -> Result<Source, LoadError> {
        match self {
            Input::Path(p) => load::read_source(p),
            Input::Source(s) => Ok(s.clone()),
        }
    }
}

/// The checks of one company's filings.
#[derive(Debug)]
pub struct CompanyChecks {
    /// The company's position among the companies (0 for the first seen).
    pub index: usize,
    /// The ids of its filings that loaded, in input order.
    pub filings: Vec<String>,
    /// Every check of its filings, as [`check::run_company_with`] gives
    /// them (without the passes when they are only counted).
    pub checks: Vec<CheckResult>,
    /// Passes counted and let go (0 when passes are kept).
    pub passed: usize,
}

/// Groups `inputs` by company: indices into `inputs`, companies in order of
/// first appearance. Inputs that share a filing id join one group, so
/// check ids stay unique. Also returns the inputs that cannot be read.
pub fn plan(inputs: &[Input], threads: usize) -> (Vec<Vec<usize>>, Vec<(usize, LoadError)>) {
    let peeks = crate::par::map(inputs, threads, |input| {
        let source = input.read()?;
        let peek = load::peek(&source)?;
        Ok::<_, LoadError>((
            source.id.clone(),
            check::company_key_of(&peek.ticker, &peek.company, &source.id),
        ))
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, peek) in peeks.into_iter().enumerate() {
        let (id, key) = match peek {
            Ok(p) => p,
            Err(e) => {
                errors.push((i, e));
                continue;
            }
        };
        let g = match (by_key.get(&key), by_id.get(&id)) {
            (Some(&a), Some(&b)) if a != b => {
                // Two companies share a filing id: their groups become one.
                let moved = std::mem::take(&mut groups[b]);
                groups[a].extend(moved);
                groups[a].sort_unstable();
                for g in by_key.values_mut().chain(by_id.values_mut()) {
                    if *g == b {
                        *g = a;
                    }
                }
                a
            }
            (Some(&a), _) | (None, Some(&a)) => a,
            (None, None) => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        by_key.insert(key, g);
        by_id.insert(id, g);
        groups[g].push(i);
    }
    groups.retain(|g| !g.is_empty());
    (groups, errors)
}

/// Reads, loads and checks each company's filings (`groups` from [`plan`])
/// on `threads` threads, handing each company's checks to `each` on the
/// calling thread, in company order. Returns the inputs that failed to
/// load, by input index; the other companies are still checked.
pub fn run(
    set: &RuleSet,
    inputs: &[Input],
    groups: &[Vec<usize>],
    threads: usize,
    each: impl FnMut(CompanyChecks),
) -> Vec<(usize, LoadError)> {
    run_with(set, inputs, groups, threads, Passes::Keep, each)
}

/// [`run`], keeping passing results or only counting them
/// ([`CompanyChecks::passed`]).
pub fn run_with(
    set: &RuleSet,
    inputs: &[Input],
    groups: &[Vec<usize>],
    threads: usize,
    passes: Passes,
    mut each: impl FnMut(CompanyChecks),
) -> Vec<(usize, LoadError)> {
    let next = AtomicUsize::new(0);
    // Fewer companies than threads (one company, say): each company's
    // filings load side by side instead.
    let inner = if groups.len() < threads { threads } else { 1 };
    let (tx, rx) = mpsc::channel::<(CompanyChecks, Vec<(usize, LoadError)>)>();
    let mut errors = Vec::new();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, groups.len().max(1)) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(group) = groups.get(index) else {
                        break;
                    };
                    if tx
                        .send(company(set, inputs, group, index, inner, passes))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Deliver in company order; a company finished early waits here.
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (done, errs) in rx {
            errors.extend(errs);
            waiting.insert(done.index, done);
            while let Some(c) = waiting.remove(&due) {
                each(c);
                due += 1;
            }
        }
    });
    errors.sort_by_key(|(i, _)| *i);
    errors
}

/// Reads, loads and checks one company's filings.
fn company(
    set: &RuleSet,
    inputs: &[Input],
    group: &[usize],
    index: usize,
    threads: usize,
    passes: Passes,
) -> (CompanyChecks, Vec<(usize, LoadError)>) {
    let mut errors = Vec::new();
    let mut sources = Vec::with_capacity(group.len());
    for &i in group {
        match inputs[i].read() {
            Ok(s) => sources.push((i, s)),
            Err(e) => errors.push((i, e)),
        }
    }
    let mut filings: Vec<Filing> = Vec::with_capacity(sources.len());
    let loaded = crate::par::map(&sources, threads, |(_, s)| load::load_one(s));
    for ((i, _), loaded) in sources.iter().zip(loaded) {
        match loaded {
            Ok(f) => filings.push(f),
            Err(e) => errors.push((*i, e)),
        }
    }
    drop(sources);
    load::recover::labels(&mut filings);
    let refs: Vec<&Filing> = filings.iter().collect();
    let (checks, passed) = check::run_company_with(set, &refs, passes);
    let ids = filings.into_iter().map(|f| f.id).collect();
    (
        CompanyChecks {
            index,
            filings: ids,
            checks,
            passed,
        },
        errors,
    )
}

/// How many threads to use: the machine's parallelism.
pub fn default_threads() -> usize {
    crate::par::threads()
}
