//! Footing: every subtotal or total against the sum of its components
//! (`Row.parent` links), in every column. In a partial reconciliation table
//! only the adjustment columns foot, and a blank adjustment is zero.

use super::fix::Fix;
use super::helpers::{
    Indexed, cell_result, contributor, counted, counted_fix, in_row_unit, judge, row_path, skip,
    units,
};
use super::interval::Interval;
use super::message::Basis;
use super::result::{CheckKind, Contributor};
use super::sink::Out;
use super::text::Weight;
use crate::model::ColumnRole;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

/// Runs the footing checks of one filing (`claimed` totals are reported by
/// a rule of another kind).
pub(crate) fn run(ix: &Indexed<'_>, claimed: &FxHashSet<(usize, usize)>, out: &mut Out) {
    let prefixes = &ix.set.compiled.subtract_prefixes;
    let counting = out.counts_passes();
    let mut weights: Vec<Decimal> = Vec::new();
    for (si, st) in ix.filing.statements.iter().enumerate() {
        let partial = ix.is_partial(si);
        for (p, kids) in ix.st[si].children.iter().enumerate() {
            let total_row = &st.rows[p];
            if kids.is_empty()
                || total_row.cells.iter().all(Option::is_none)
                || claimed.contains(&(si, p))
            {
                continue;
            }
            weights.clear();
            weights.extend(kids.iter().map(|&k| {
                let n = &ix.st[si].norms[k];
                let first = n.split_once(' ').map_or(n.as_str(), |(w, _)| w);
                if prefixes.iter().any(|p| p == first) {
                    Decimal::NEGATIVE_ONE
                } else {
                    Decimal::ONE
                }
            }));
            let weights = weights.as_slice();
            for (ci, col) in st.columns.iter().enumerate() {
                if partial && col.role != ColumnRole::Adjustment {
                    continue;
                }
                let total = total_row.cell(ci);
                // One pass over the components: how many are printed, the
                // first one missing, and (when passes are only counted)
                // their sum in fixed point.
                let mut printed = 0;
                let mut missing = None;
                let mut fsum = Some(Fix::ZERO);
                for (&k, &w) in kids.iter().zip(weights) {
                    let row = &st.rows[k];
                    match row.cell(ci) {
                        Some(c) => {
                            printed += 1;
                            if counting {
                                fsum = fsum.and_then(|s| s.plus(Fix::cell(row, c)?.times(w)?));
                            }
                        }
                        None if !partial && missing.is_none() => missing = Some(&row.label),
                        None => {}
                    }
                }
                if total.is_none() && printed == 0 {
                    continue;
                }
                let path = row_path(ix, si, p, ci);
                let result = |path| cell_result(CheckKind::Footing, path, ix, si, p, ci);
                let cname = || ix.subject(si, p, ci);
                let fill = |cs: &mut Vec<Contributor>| {
                    cs.reserve_exact(kids.len());
                    for (&k, &w) in kids.iter().zip(weights) {
                        cs.push(contributor(ix, si, k, ci, Weight::Times(w)));
                    }
                };
                if total.is_none() && !partial {
                    let mut r = result(path);
                    skip(&mut r, cname(), "the total is not printed in this column");
                    out.push_with(r, fill);
                    continue;
                }
                if let Some(m) = missing {
                    let mut r = result(path);
                    skip(
                        &mut r,
                        cname(),
                        format!("component \"{m}\" is not printed in this column"),
                    );
                    out.push_with(r, fill);
                    continue;
                }
                let Some(path) = counted_fix(out, CheckKind::Footing, ix, path, || {
                    let actual = total.map_or(Some(Fix::ZERO), |c| Fix::cell(total_row, c));
                    (actual, fsum)
                }) else {
                    continue;
                };
                let mut sum = Interval::zero();
                for (&k, &w) in kids.iter().zip(weights) {
                    let row = &st.rows[k];
                    if let Some(c) = row.cell(ci) {
                        sum = sum.plus(units(row, c).times(w));
                    }
                }
                let actual = total.map_or(Interval::zero(), |c| units(total_row, c));
                let dp = total.map_or(0, |c| c.amount.decimals);
                let (actual, sum) = (in_row_unit(total_row, actual), in_row_unit(total_row, sum));
                let Some(path) = counted(out, CheckKind::Footing, ix, path, &actual, &sum) else {
                    continue;
                };
                let mut r = result(path);
                judge(
                    &mut r,
                    cname(),
                    actual,
                    sum,
                    dp,
                    Basis::Components(kids.len()),
                );
                out.push_with(r, fill);
            }
        }
    }
}
