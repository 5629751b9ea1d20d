//! Where the checks of a run put their results: every one of them, or,
//! for a report that only counts passes, the others plus the ids of the
//! passes (so repeated ids are numbered exactly as in a full run).

use super::id::{self, CheckId};
use super::result::{CheckResult, Contributor, Status};

/// Whether a run keeps its passing results or only counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passes {
    /// Every result is kept (JSON output, the explorer).
    Keep,
    /// Passes are counted and let go; only their ids are kept until the
    /// ids of the run are made unique.
    Count,
}

/// The results of a run as they come, in order.
pub(crate) struct Out {
    passes: Passes,
    /// The results kept.
    results: Vec<CheckResult>,
    /// The ids of the passes let go, each with its position among all results.
    passed: Vec<(usize, CheckId)>,
    /// How many results came.
    count: usize,
}

impl Out {
    /// An empty sink for about `expected` results.
    pub fn new(passes: Passes, expected: usize) -> Self {
        let (kept, passed) = match passes {
            Passes::Keep => (expected, 0),
            Passes::Count => (expected / 8, expected),
        };
        Out {
            passes,
            results: Vec::with_capacity(kept),
            passed: Vec::with_capacity(passed),
            count: 0,
        }
    }

    /// Whether a result of `status` is kept whole.
    pub fn keeps(&self, status: Status) -> bool {
        self.passes == Passes::Keep || status != Status::Pass
    }

    /// Whether passes are only counted (their figures need not be kept).
    pub fn counts_passes(&self) -> bool {
        self.passes == Passes::Count
    }

    /// Records a judged result whose contributors are all in place.
    pub fn push(&mut self, r: CheckResult) {
        self.push_with(r, |_| {});
    }

    /// Records a judged result; `fill` adds its contributors, called only
    /// when the result is kept whole.
    pub fn push_with(&mut self, mut r: CheckResult, fill: impl FnOnce(&mut Vec<Contributor>)) {
        if self.keeps(r.status) {
            fill(&mut r.contributors);
            self.results.push(r);
        } else {
            self.passed.push((self.count, r.id));
        }
        self.count += 1;
    }

    /// Records a pass only counted, by its id (see [`Out::keeps`]).
    pub fn count_pass(&mut self, id: CheckId) {
        self.passed.push((self.count, id));
        self.count += 1;
    }

    /// The results kept, ids made unique over every result of the run, and
    /// the number of passes let go.
    pub fn finish(mut self) -> (Vec<CheckResult>, usize) {
        if self.passed.is_empty() {
            let mut ids: Vec<&mut CheckId> = self.results.iter_mut().map(|r| &mut r.id).collect();
            id::make_unique(&mut ids);
        } else {
            let mut ids: Vec<&mut CheckId> = Vec::with_capacity(self.count);
            let mut passed = self.passed.iter_mut().peekable();
            let mut kept = self.results.iter_mut();
            for i in 0..self.count {
                let id = match passed.next_if(|(at, _)| *at == i) {
                    Some((_, id)) => Some(id),
                    None => kept.next().map(|r| &mut r.id),
                };
                ids.extend(id);
            }
            id::make_unique(&mut ids);
        }
        self.results.shrink_to_fit();
        (self.results, self.passed.len())
    }
}
