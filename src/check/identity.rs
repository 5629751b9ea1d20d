//! Identities declared in the rules: a total against a signed sum of rows
//! (total assets = total liabilities + total equity, the cash roll-forward,
//! GAAP + share-based compensation = non-GAAP, ...).

use super::compiled::{Identity, KeyTerm};
use super::fix::Fix;
use super::helpers::{
    Indexed, cell_result, contributor, counted, counted_fix, in_row_unit, judge, skip, units,
};
use super::id::Path;
use super::interval::Interval;
use super::message::Basis;
use super::result::Contributor;
use super::sink::Out;
use super::text::Weight;
use crate::model::{ColumnRole, RowKind};
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// A term of a resolved identity: a keyed row, or row `i` of a range.
enum Operand<'r> {
    Key(&'r KeyTerm),
    Row(usize),
}

impl Operand<'_> {
    fn weight(&self) -> Decimal {
        match self {
            Operand::Key(t) => t.weight,
            Operand::Row(_) => Decimal::ONE,
        }
    }
}

/// An identity rule resolved in one statement: the total row and its terms.
struct Resolved<'r> {
    rule: &'r Identity,
    si: usize,
    total: usize,
    terms: Vec<Operand<'r>>,
}

fn resolved<'r>(ix: &Indexed<'_>, rule: &'r Identity) -> Vec<Resolved<'r>> {
    let mut out = Vec::new();
    for &kind in &rule.statements {
        let Some(si) = ix.stmt(kind) else { continue };
        let Some(total) = ix.find(si, rule.total, None) else {
            continue;
        };
        let mut all: Vec<Operand<'r>> = rule.terms.iter().map(Operand::Key).collect();
        if let Some(after) = rule.after {
            all.extend(range_terms(ix, si, after, total));
        }
        if !all.is_empty() {
            out.push(Resolved {
                rule,
                si,
                total,
                terms: all,
            });
        }
    }
    out
}

/// Totals whose parent-link footing a rule of another kind reports instead
/// (GAAP + share-based compensation = non-GAAP is a cross-foot): (statement, row).
pub(crate) fn claimed(ix: &Indexed<'_>) -> FxHashSet<(usize, usize)> {
    let mut set = FxHashSet::default();
    for rule in &ix.set.compiled.identities {
        if !rule.own_kind {
            continue;
        }
        for r in resolved(ix, rule) {
            if duplicates_footing(ix, r.si, r.total, &r.terms) {
                set.insert((r.si, r.total));
            }
        }
    }
    set
}

/// Runs the identity rules over one filing. An identity that only restates
/// a total's parent-link footing is left to the footing check, unless the
/// rule is of another kind (then the footing check leaves it to the rule).
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Out) {
    for rule in &ix.set.compiled.identities {
        for r in resolved(ix, rule) {
            if !rule.own_kind && duplicates_footing(ix, r.si, r.total, &r.terms) {
                continue;
            }
            check_rule(ix, &r, out);
        }
    }
}

/// The item rows printed strictly between the row `after` and `total`
/// (headings, rows without values and components of rows in the range left out).
fn range_terms<'r>(ix: &Indexed<'_>, si: usize, after: u32, total: usize) -> Vec<Operand<'r>> {
    let st = &ix.filing.statements[si];
    let Some(start) = ix.find(si, after, Some(total)) else {
        return Vec::new();
    };
    let range = start + 1..total;
    range
        .clone()
        .filter(|&i| {
            let r = &st.rows[i];
            r.kind != RowKind::Header
                && r.cells.iter().any(Option::is_some)
                && !r.parent.is_some_and(|p| range.contains(&p))
        })
        .map(Operand::Row)
        .collect()
}

/// Whether the identity only restates the total's parent-link footing.
fn duplicates_footing(ix: &Indexed<'_>, si: usize, total: usize, terms: &[Operand<'_>]) -> bool {
    let kids = &ix.st[si].children[total];
    if kids.is_empty() || terms.len() != kids.len() {
        return false;
    }
    let mut rows = Vec::with_capacity(terms.len());
    for t in terms {
        if let Operand::Key(k) = t
            && (k.statement.is_some() || k.weight != Decimal::ONE)
        {
            return false;
        }
        match row_of(ix, si, total, t) {
            Some(r) => rows.push(r),
            None => return false,
        }
    }
    rows.sort_unstable();
    let mut k = kids.clone();
    k.sort_unstable();
    rows == k
}

/// The row a same-statement term names.
fn row_of(ix: &Indexed<'_>, si: usize, at: usize, t: &Operand<'_>) -> Option<usize> {
    match t {
        Operand::Row(i) => Some(*i),
        Operand::Key(k) => ix.find(si, k.key, Some(at)),
    }
}

fn check_rule(ix: &Indexed<'_>, res: &Resolved<'_>, out: &mut Out) {
    let (si, total, rule) = (res.si, res.total, res.rule);
    let st = &ix.filing.statements[si];
    let partial = ix.is_partial(si);
    let kind = rule.kind;
    let total_row = &st.rows[total];
    // Same-statement terms name the same row in every column.
    let rows: Vec<Option<usize>> = res
        .terms
        .iter()
        .map(|t| match t {
            Operand::Key(k) if k.statement.is_some() => None,
            _ => row_of(ix, si, total, t),
        })
        .collect();
    // The cells that went in: (statement, row, column, weight).
    let mut parts: Vec<(usize, usize, usize, Decimal)> = Vec::with_capacity(res.terms.len());
    let counting = out.counts_passes();
    for (ci, col) in st.columns.iter().enumerate() {
        let adjustment = partial && col.role == ColumnRole::Adjustment;
        if partial && !adjustment && !rule.all_columns {
            continue;
        }
        let tcell = total_row.cell(ci);
        if tcell.is_none() && !adjustment {
            continue;
        }
        let path = Path::Rule {
            statement: st.kind,
            rule: rule.id.clone(),
            column: ci as u32,
        };
        parts.clear();
        let mut fsum = Some(Fix::ZERO);
        let mut missing: Option<Cow<'static, str>> = None;
        let mut printed = usize::from(tcell.is_some());
        for (t, &row) in res.terms.iter().zip(&rows) {
            let w = t.weight();
            let resolved = match t {
                Operand::Key(k) if k.statement.is_some() => ix.resolve(si, total, ci, k),
                _ => row.map(|row| (si, row, Some(ci))),
            };
            let Some((osi, row, ocol)) = resolved else {
                if adjustment {
                    continue;
                }
                if missing.is_none() {
                    let key = match t {
                        Operand::Key(k) => ix.set.labels.name(k.key).to_string(),
                        Operand::Row(i) => format!("#{i}"),
                    };
                    missing = Some(format!("no row \"{key}\" in the statement").into());
                }
                continue;
            };
            let orow = &ix.filing.statements[osi].rows[row];
            let Some(oc) = ocol else {
                if missing.is_none() {
                    missing =
                        Some(format!("\"{}\" is not printed for this period", orow.label).into());
                }
                continue;
            };
            parts.push((osi, row, oc, w));
            match orow.cell(oc) {
                Some(c) => {
                    printed += 1;
                    if counting {
                        fsum = fsum.and_then(|s| s.plus(Fix::cell(orow, c)?.times(w)?));
                    }
                }
                None if adjustment => {}
                None => {
                    if missing.is_none() {
                        missing = Some(
                            format!("\"{}\" is not printed in this column", orow.label).into(),
                        );
                    }
                }
            }
        }
        if printed == 0 {
            continue;
        }
        let subject = || ix.subject(si, total, ci);
        let fill = |cs: &mut Vec<Contributor>| {
            cs.extend(
                parts
                    .iter()
                    .map(|&(osi, row, oc, w)| contributor(ix, osi, row, oc, Weight::Times(w))),
            );
        };
        if let Some(m) = missing {
            let mut r = cell_result(kind, path, ix, si, total, ci);
            skip(&mut r, subject(), m);
            out.push_with(r, fill);
            continue;
        }
        let Some(path) = counted_fix(out, kind, ix, path, || {
            let actual = tcell.map_or(Some(Fix::ZERO), |c| Fix::cell(total_row, c));
            (actual, fsum)
        }) else {
            continue;
        };
        let mut sum = Interval::zero();
        for &(osi, row, oc, w) in &parts {
            let orow = &ix.filing.statements[osi].rows[row];
            if let Some(c) = orow.cell(oc) {
                sum = sum.plus(units(orow, c).times(w));
            }
        }
        let actual = tcell.map_or(Interval::zero(), |c| units(total_row, c));
        let dp = tcell.map_or(0, |c| c.amount.decimals);
        let (actual, sum) = (in_row_unit(total_row, actual), in_row_unit(total_row, sum));
        let Some(path) = counted(out, kind, ix, path, &actual, &sum) else {
            continue;
        };
        let mut r = cell_result(kind, path, ix, si, total, ci);
        judge(
            &mut r,
            subject(),
            actual,
            sum,
            dp,
            Basis::Rule(rule.description.clone()),
        );
        out.push_with(r, fill);
    }
}
