//! Indexes over the check report, built once at start: which cells fail or
//! warn, and which checks concern a cell, so no frame re-runs or re-scans checks.

use crate::check::{Report, Status};
use crate::model::{Filing, StatementKind};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// Checks located by (filing index, statement, row, column).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckIndex {
    cells: FxHashMap<(usize, StatementKind, usize, usize), Vec<usize>>,
    worst: FxHashMap<(usize, StatementKind, usize, usize), Status>,
    /// Filing index by filing id.
    pub filing_of: HashMap<String, usize>,
}

impl CheckIndex {
    /// Indexes `report` against `filings`.
    pub fn new(filings: &[Filing], report: &Report) -> CheckIndex {
        let filing_of: HashMap<String, usize> = filings
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let mut idx = CheckIndex {
            filing_of,
            ..Default::default()
        };
        for (ci, c) in report.checks.iter().enumerate() {
            let (Some(&f), Some(kind), Some(r), Some(col)) = (
                idx.filing_of.get(c.filing.as_str()),
                c.statement,
                c.row_index,
                c.column_index,
            ) else {
                continue;
            };
            let key = (f, kind, r, col);
            idx.cells.entry(key).or_default().push(ci);
            if matches!(c.status, Status::Fail | Status::Warn) {
                let w = idx.worst.entry(key).or_insert(c.status);
                // Fail orders before Warn.
                *w = (*w).min(c.status);
            }
        }
        idx
    }

    /// The worst failing or warning status on a cell.
    pub fn status(&self, f: usize, kind: StatementKind, row: usize, col: usize) -> Option<Status> {
        self.worst.get(&(f, kind, row, col)).copied()
    }

    /// Indexes (into the report) of the checks whose reported value is this cell.
    pub fn checks_at(&self, f: usize, kind: StatementKind, row: usize, col: usize) -> &[usize] {
        self.cells
            .get(&(f, kind, row, col))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}
