//! Footing: every subtotal or total against the sum of its components
//! (`Row.parent` links), in every column. In a partial reconciliation table
//! only the adjustment columns foot, and a blank adjustment is zero.

use super::helpers::{
    Indexed, cell_result, cell_subject, contributor, in_row_unit, judge, skip, units, weight_text,
};
use super::interval::Interval;
use super::result::{CheckKind, CheckResult};
use super::rules::normalize;
use crate::model::ColumnRole;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// Runs the footing checks of one filing (`claimed` totals are reported by
/// a rule of another kind).
pub(crate) fn run(ix: &Indexed<'_>, claimed: &HashSet<(usize, usize)>, out: &mut Vec<CheckResult>) {
    let prefixes: Vec<String> = ix
        .set
        .rules
        .footing
        .subtract_prefixes
        .iter()
        .map(|p| normalize(p))
        .collect();
    for (si, st) in ix.filing.statements.iter().enumerate() {
        let partial = ix.is_partial(si);
        for (p, kids) in ix.children[si].iter().enumerate() {
            let total_row = &st.rows[p];
            if kids.is_empty()
                || total_row.cells.iter().all(Option::is_none)
                || claimed.contains(&(si, p))
            {
                continue;
            }
            let weights: Vec<Decimal> = kids
                .iter()
                .map(|&k| {
                    let n = &ix.norm[si][k];
                    let first = n.split(' ').next().unwrap_or("");
                    if prefixes.iter().any(|p| p == first) {
                        Decimal::NEGATIVE_ONE
                    } else {
                        Decimal::ONE
                    }
                })
                .collect();
            for (ci, col) in st.columns.iter().enumerate() {
                if partial && col.role != ColumnRole::Adjustment {
                    continue;
                }
                let total = total_row.cell(ci);
                let printed = kids
                    .iter()
                    .filter(|&&k| st.rows[k].cell(ci).is_some())
                    .count();
                if total.is_none() && printed == 0 {
                    continue;
                }
                let id = format!(
                    "footing/{}/{}/{}/{ci}",
                    ix.filing.id, st.kind, ix.slugs[si][p]
                );
                let mut r = cell_result(CheckKind::Footing, id, ix, si, p, ci);
                let cname = cell_subject(ix, si, p, ci);
                let mut sum = Vec::with_capacity(kids.len());
                let mut missing = None;
                for (&k, &w) in kids.iter().zip(&weights) {
                    let row = &st.rows[k];
                    r.contributors
                        .push(contributor(ix.filing, si, k, ci, &weight_text(w)));
                    match row.cell(ci) {
                        Some(c) => sum.push((units(row, c), w)),
                        None if partial => sum.push((Interval::zero(), w)),
                        None => missing = missing.or(Some(row.label.clone())),
                    }
                }
                let actual = match total {
                    Some(c) => units(total_row, c),
                    None if partial => Interval::zero(),
                    None => {
                        skip(&mut r, &cname, "the total is not printed in this column");
                        out.push(r);
                        continue;
                    }
                };
                if let Some(m) = missing {
                    skip(
                        &mut r,
                        &cname,
                        &format!("component \"{m}\" is not printed in this column"),
                    );
                    out.push(r);
                    continue;
                }
                let expected = Interval::weighted_sum(sum);
                let dp = total.map_or(0, |c| c.amount.decimals);
                let what = format!("the sum of its {} components", kids.len());
                judge(
                    &mut r,
                    &cname,
                    in_row_unit(total_row, actual),
                    in_row_unit(total_row, expected),
                    dp,
                    &what,
                );
                out.push(r);
            }
        }
    }
}
