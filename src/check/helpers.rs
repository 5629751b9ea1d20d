//! What every check kind shares: cells as intervals in absolute units,
//! and drafting and judging results.

use super::fix::{self, Fix};
use super::id::{CheckId, Path};
pub(crate) use super::index::Indexed;
use super::interval::Interval;
use super::message::{Basis, Explanation, Subject};
use super::result::{CheckKind, CheckResult, Contributor, Status};
use super::sink::Out;
use super::text::{Difference, Expected, Weight};
use crate::model::{Cell, Row};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// `10^exp` as a decimal.
pub(crate) fn pow10(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(27)), 0)
}

/// A cell as an interval in absolute units (thousands multiplied out).
pub(crate) fn units(row: &Row, cell: &Cell) -> Interval {
    Interval::printed_times_pow10(
        cell.amount.value,
        cell.amount.decimals,
        row.scale.exponent(),
    )
}

/// An interval in absolute units expressed in the printed unit of `row`.
pub(crate) fn in_row_unit(row: &Row, x: Interval) -> Interval {
    x.div_pow10(row.scale.exponent()).unwrap_or(x)
}

/// A result about the cell at (`row`, `col`) of statement `si`, not yet judged.
pub(crate) fn cell_result(
    kind: CheckKind,
    path: Path,
    ix: &Indexed<'_>,
    si: usize,
    row: usize,
    col: usize,
) -> CheckResult {
    let st = &ix.filing.statements[si];
    let r = &st.rows[row];
    let c = &st.columns[col];
    let cell = r.cell(col);
    CheckResult {
        id: CheckId::new(kind, ix.id.clone(), path),
        kind,
        status: Status::Skip,
        filing: ix.id.clone(),
        statement: Some(st.kind),
        label: ix.st[si].labels[row].clone(),
        column: ix.column(si, col),
        period_end: Some(c.period.end()),
        expected: None,
        actual: cell.map(|_| ix.raw(si, row, col)),
        difference: None,
        explanation: Explanation::Text(String::new()),
        line: Some(cell.map_or(r.line, |c| c.line)),
        contributors: Vec::new(),
        row_index: Some(row),
        column_index: Some(col),
    }
}

/// The id path of a row-based check on (`row`, `col`) of statement `si`.
pub(crate) fn row_path(ix: &Indexed<'_>, si: usize, row: usize, col: usize) -> Path {
    Path::Row {
        statement: ix.filing.statements[si].kind,
        row: ix.slug(si, row),
        column: col as u32,
        tail: super::id::Tail::None,
    }
}

/// The cell at (`row`, `col`) of statement `si` as a contributor.
pub(crate) fn contributor(
    ix: &Indexed<'_>,
    si: usize,
    row: usize,
    col: usize,
    weight: Weight,
) -> Contributor {
    let st = &ix.filing.statements[si];
    let r = &st.rows[row];
    Contributor {
        filing: ix.id.clone(),
        statement: Some(st.kind),
        label: ix.st[si].labels[row].clone(),
        column: ix.column(si, col),
        value: ix.raw(si, row, col),
        weight,
        line: r.cell(col).map_or(r.line, |c| c.line),
    }
}

/// Judges `actual` against `expected` (both in the printed unit of the
/// reported value, which has `dp` decimals): the verdict about `subject`
/// against `basis`.
pub(crate) fn judge(
    r: &mut CheckResult,
    subject: Subject,
    actual: Interval,
    expected: Interval,
    dp: u32,
    basis: Basis,
) {
    r.expected = Some(Expected {
        interval: expected,
        decimals: dp + 2,
    });
    r.difference = Some(Difference {
        value: actual.distance(&expected),
        decimals: dp + 2,
    });
    r.status = verdict(&actual, &expected);
    r.explanation = Explanation::Judged { subject, basis };
}

/// The verdict on `actual` against `expected`: a pass when the intervals
/// overlap (XBRL Calculations 1.1), else a failure.
fn verdict(actual: &Interval, expected: &Interval) -> Status {
    if actual.overlaps(expected) {
        Status::Pass
    } else {
        Status::Fail
    }
}

/// For a check of `kind` on filing `ix` judged `actual` against `expected`
/// (as [`judge`] would be given them): a pass that `out` only counts is
/// recorded by its id alone, nothing else of it built, and gives `None`;
/// otherwise `path` comes back to build the result with.
pub(crate) fn counted(
    out: &mut Out,
    kind: CheckKind,
    ix: &Indexed<'_>,
    path: Path,
    actual: &Interval,
    expected: &Interval,
) -> Option<Path> {
    if out.keeps(verdict(actual, expected)) {
        return Some(path);
    }
    out.count_pass(CheckId::new(kind, ix.id.clone(), path));
    None
}

/// [`counted`] from the fixed-point look ([`super::fix`]): in a run that
/// only counts passes, a check that certainly passes is recorded by its id
/// alone and gives `None`; otherwise `path` comes back, to be judged with
/// decimals. `look` is called only when passes are counted.
pub(crate) fn counted_fix(
    out: &mut Out,
    kind: CheckKind,
    ix: &Indexed<'_>,
    path: Path,
    look: impl FnOnce() -> (Option<Fix>, Option<Fix>),
) -> Option<Path> {
    if out.counts_passes() {
        let (actual, expected) = look();
        if fix::passes(actual, expected) {
            out.count_pass(CheckId::new(kind, ix.id.clone(), path));
            return None;
        }
    }
    Some(path)
}

/// Marks the result skipped for `reason`.
pub(crate) fn skip(r: &mut CheckResult, subject: Subject, reason: impl Into<Cow<'static, str>>) {
    r.status = Status::Skip;
    r.explanation = Explanation::Skipped {
        subject,
        reason: reason.into(),
    };
}
