//! USD convenience translations: every USD cell of a leaf item equals its
//! RMB cell ÷ the stated rate (the rate exact). Subtotals and totals are
//! summed from translated components in these filings, so they are judged
//! by footing and identities in the USD column instead. Share counts in a
//! USD column repeat the RMB column's count.

use super::fix::{self, Fix};
use super::helpers::{
    Indexed, cell_result, contributor, counted, counted_fix, in_row_unit, judge, row_path, skip,
    units,
};
use super::id::CheckId;
use super::message::Basis;
use super::result::{CheckKind, Contributor};
use super::sink::Out;
use super::text::Weight;
use crate::model::{Currency, RowKind, Unit};
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

/// How many translated leaf items a total sums through its parent links;
/// `None` when a component is itself a total whose components are not
/// linked (its rounding is not known) or the nesting is implausibly deep.
fn leaf_count(
    ix: &Indexed<'_>,
    totals: &FxHashSet<u32>,
    si: usize,
    ri: usize,
    depth: usize,
) -> Option<usize> {
    let kids = &ix.st[si].children[ri];
    if kids.is_empty() {
        let row = &ix.filing.statements[si].rows[ri];
        let total = matches!(row.kind, RowKind::Subtotal | RowKind::Total)
            || totals.contains(&ix.st[si].keys[ri]);
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
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Out) {
    let totals = &ix.set.compiled.fx_totals;
    let rate = ix.filing.exchange_rate.as_ref();
    for (si, st) in ix.filing.statements.iter().enumerate() {
        if ix.set.is_partial(st.kind) {
            continue;
        }
        for (ui, ucol) in st.columns.iter().enumerate() {
            if ucol.currency != Currency::USD {
                continue;
            }
            let rmb = st.column_index(&ucol.period, Currency::RMB, ucol.role);
            for (ri, row) in st.rows.iter().enumerate() {
                let Some(ucell) = row.cell(ui) else { continue };
                let leaf = ix.st[si].children[ri].is_empty()
                    && !matches!(row.kind, RowKind::Subtotal | RowKind::Total)
                    && !totals.contains(&ix.st[si].keys[ri]);
                let money = matches!(row.unit, Unit::Money | Unit::PerShare);
                // A total summed from translated components: translated too,
                // widened by the rounding of every component it sums.
                let leaves = if leaf {
                    Some(1)
                } else {
                    leaf_count(ix, totals, si, ri, 0)
                };
                if !(money && leaves.is_some()) && row.unit != Unit::Shares {
                    continue;
                }
                let path = row_path(ix, si, ri, ui);
                let result = |path| cell_result(CheckKind::Fx, path, ix, si, ri, ui);
                let cname = || ix.subject(si, ri, ui);
                let Some(rc) = rmb.filter(|&c| row.cell(c).is_some()) else {
                    let mut r = result(path);
                    skip(
                        &mut r,
                        cname(),
                        "the RMB figure is not printed for this period",
                    );
                    out.push(r);
                    continue;
                };
                let rcell = row.cell(rc).expect("filtered above");
                if row.unit == Unit::Shares {
                    let look = || (Fix::cell(row, ucell), Fix::cell(row, rcell));
                    let Some(path) = counted_fix(out, CheckKind::Fx, ix, path, look) else {
                        continue;
                    };
                    let actual = in_row_unit(row, units(row, ucell));
                    let expected = in_row_unit(row, units(row, rcell));
                    let Some(path) = counted(out, CheckKind::Fx, ix, path, &actual, &expected)
                    else {
                        continue;
                    };
                    let mut r = result(path);
                    judge(
                        &mut r,
                        cname(),
                        actual,
                        expected,
                        ucell.amount.decimals,
                        Basis::ShareCount,
                    );
                    out.push_with(r, |cs| cs.push(contributor(ix, si, ri, rc, Weight::ONE)));
                    continue;
                }
                let Some(rate) = rate else {
                    let mut r = result(path);
                    skip(&mut r, cname(), "the filing states no exchange rate");
                    out.push(r);
                    continue;
                };
                let fill = |cs: &mut Vec<Contributor>| {
                    cs.push(contributor(ix, si, ri, rc, Weight::Over(rate.rmb_per_usd)));
                };
                let n = leaves.unwrap_or(1);
                if out.counts_passes() {
                    let exp = row.scale.exponent();
                    let widen = if n > 1 {
                        fix::half_unit(ucell.amount.decimals, exp)
                            .and_then(|h| h.checked_mul(n as i128))
                    } else {
                        Some(0)
                    };
                    let (actual, rmb) = (Fix::cell(row, ucell), Fix::cell(row, rcell));
                    if let Some(widen) = widen
                        && fix::passes_divided(actual, rmb, rate.rmb_per_usd, widen)
                    {
                        out.count_pass(CheckId::new(CheckKind::Fx, ix.id.clone(), path));
                        continue;
                    }
                }
                let actual = in_row_unit(row, units(row, ucell));
                let Some(expected) = units(row, rcell).div_exact(rate.rmb_per_usd) else {
                    let mut r = result(path);
                    skip(&mut r, cname(), "the stated exchange rate is zero");
                    out.push_with(r, fill);
                    continue;
                };
                let mut expected = in_row_unit(row, expected);
                if n > 1 {
                    let half = Decimal::new(5, ucell.amount.decimals.min(27) + 1);
                    expected = expected.widen(half * Decimal::from(n));
                }
                let Some(path) = counted(out, CheckKind::Fx, ix, path, &actual, &expected) else {
                    continue;
                };
                let mut r = result(path);
                let basis = Basis::Translation {
                    rmb: ix.raw(si, ri, rc),
                    rate: rate.rmb_per_usd,
                    components: n,
                };
                judge(
                    &mut r,
                    cname(),
                    actual,
                    expected,
                    ucell.amount.decimals,
                    basis,
                );
                out.push_with(r, fill);
            }
        }
    }
}
