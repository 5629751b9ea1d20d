//! USD convenience translations: every USD cell of a leaf item equals its
//! RMB cell ÷ the stated rate (the rate exact). Subtotals and totals are
//! summed from translated components in these filings, so they are judged
//! by footing and identities in the USD column instead. Share counts in a
//! USD column repeat the RMB column's count.

use super::helpers::{
    Indexed, cell_result, cell_subject, contributor, in_row_unit, judge, skip, units,
};
use super::result::{CheckKind, CheckResult};
use super::rules::statement;
use crate::model::{Currency, RowKind, Unit};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// How many translated leaf items a total sums through its parent links;
/// `None` when a component is itself a total whose components are not
/// linked (its rounding is not known) or the nesting is implausibly deep.
fn leaf_count(
    ix: &Indexed<'_>,
    totals: &HashSet<&str>,
    si: usize,
    ri: usize,
    depth: usize,
) -> Option<usize> {
    let kids = &ix.children[si][ri];
    if kids.is_empty() {
        let row = &ix.filing.statements[si].rows[ri];
        let total = matches!(row.kind, RowKind::Subtotal | RowKind::Total)
            || totals.contains(ix.keys[si][ri].as_str());
        return (!total).then_some(1);
    }
    if depth > 16 {
        return None;
    }
    kids.iter()
        .map(|&k| leaf_count(ix, totals, si, k, depth + 1))
        .sum()
}

/// Runs the translation checks of one filing.
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Vec<CheckResult>) {
    let rules = &ix.set.rules;
    let mut totals: HashSet<&str> = rules.identities.iter().map(|i| i.total.as_str()).collect();
    totals.extend(rules.fx.derived.iter().map(String::as_str));
    let partial: HashSet<_> = rules
        .reconciliations
        .iter()
        .filter(|r| r.partial)
        .filter_map(|r| statement(&r.statement))
        .collect();
    let rate = ix.filing.exchange_rate.as_ref();
    for (si, st) in ix.filing.statements.iter().enumerate() {
        if partial.contains(&st.kind) {
            continue;
        }
        for (ui, ucol) in st.columns.iter().enumerate() {
            if ucol.currency != Currency::USD {
                continue;
            }
            let rmb = st.column_index(&ucol.period, Currency::RMB, ucol.role);
            for (ri, row) in st.rows.iter().enumerate() {
                let Some(ucell) = row.cell(ui) else { continue };
                let leaf = ix.children[si][ri].is_empty()
                    && !matches!(row.kind, RowKind::Subtotal | RowKind::Total)
                    && !totals.contains(ix.keys[si][ri].as_str());
                let money = matches!(row.unit, Unit::Money | Unit::PerShare);
                // A total summed from translated components: translated too,
                // widened by the rounding of every component it sums.
                let leaves = if leaf {
                    Some(1)
                } else {
                    leaf_count(ix, &totals, si, ri, 0)
                };
                if !(money && leaves.is_some()) && row.unit != Unit::Shares {
                    continue;
                }
                let id = format!("fx/{}/{}/{}/{ui}", ix.filing.id, st.kind, ix.slugs[si][ri]);
                let mut r = cell_result(CheckKind::Fx, id, ix, si, ri, ui);
                let cname = cell_subject(ix, si, ri, ui);
                let Some(rc) = rmb.filter(|&c| row.cell(c).is_some()) else {
                    skip(
                        &mut r,
                        &cname,
                        "the RMB figure is not printed for this period",
                    );
                    out.push(r);
                    continue;
                };
                let rcell = row.cell(rc).expect("filtered above");
                let actual = in_row_unit(row, units(row, ucell));
                if row.unit == Unit::Shares {
                    r.contributors.push(contributor(ix.filing, si, ri, rc, "1"));
                    let expected = in_row_unit(row, units(row, rcell));
                    judge(
                        &mut r,
                        &cname,
                        actual,
                        expected,
                        ucell.amount.decimals,
                        "the share count of the RMB column",
                    );
                    out.push(r);
                    continue;
                }
                let Some(rate) = rate else {
                    skip(&mut r, &cname, "the filing states no exchange rate");
                    out.push(r);
                    continue;
                };
                r.contributors.push(contributor(
                    ix.filing,
                    si,
                    ri,
                    rc,
                    &format!("1/{}", rate.rmb_per_usd.normalize()),
                ));
                let Some(expected) = units(row, rcell).div_exact(rate.rmb_per_usd) else {
                    skip(&mut r, &cname, "the stated exchange rate is zero");
                    out.push(r);
                    continue;
                };
                let n = leaves.unwrap_or(1);
                let mut what = format!(
                    "RMB {} ÷ {} (the stated rate)",
                    rcell.raw,
                    rate.rmb_per_usd.normalize()
                );
                let mut expected = in_row_unit(row, expected);
                if n > 1 {
                    let half = Decimal::new(5, ucell.amount.decimals.min(27) + 1);
                    expected = expected.widen(half * Decimal::from(n));
                    what.push_str(&format!(
                        ", widened by the rounding of the {n} translated components it sums"
                    ));
                }
                judge(
                    &mut r,
                    &cname,
                    actual,
                    expected,
                    ucell.amount.decimals,
                    &what,
                );
                out.push(r);
            }
        }
    }
}
