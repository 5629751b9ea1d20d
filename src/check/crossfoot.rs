//! Cross-footing: reconciliation rows (U.S. GAAP + each adjustment = IFRS),
//! every U.S. GAAP figure of a reconciliation against the same figure in the
//! statements, and figures printed in two statements (net income in the
//! non-GAAP reconciliation) against each other.

use super::fix::Fix;
use super::helpers::{
    Indexed, cell_result, contributor, counted, counted_fix, in_row_unit, judge, row_path, skip,
    units,
};
use super::id::Path;
use super::interval::Interval;
use super::message::Basis;
use super::result::CheckKind;
use super::sink::Out;
use super::text::Weight;
use crate::model::{ColumnRole, StatementKind};
use rust_decimal::Decimal;

/// Runs the agreement and reconciliation checks of one filing.
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Out) {
    agreements(ix, out);
    for &(kind, source) in &ix.set.compiled.reconciliations {
        let Some(si) = ix.stmt(kind) else { continue };
        reconciliation_rows(ix, si, out);
        gaap_against_statements(ix, si, source, out);
    }
}

/// Figures printed twice, declared in the rules.
fn agreements(ix: &Indexed<'_>, out: &mut Out) {
    for rule in &ix.set.compiled.agreements {
        let with = &rule.with;
        let Some(si) = ix.stmt(rule.statement) else {
            continue;
        };
        let Some(row) = ix.find(si, rule.row, None) else {
            continue;
        };
        let k = rule.factor;
        let st = &ix.filing.statements[si];
        let here = &st.rows[row];
        for ci in 0..st.columns.len() {
            let Some(cell) = here.cell(ci) else { continue };
            let path = Path::Rule {
                statement: st.kind,
                rule: rule.id.clone(),
                column: ci as u32,
            };
            let result = |path| cell_result(rule.kind, path, ix, si, row, ci);
            let subject = || ix.subject(si, row, ci);
            let Some((osi, orow, ocol)) = ix.resolve(si, row, ci, with) else {
                let mut r = result(path);
                skip(
                    &mut r,
                    subject(),
                    format!(
                        "the {} statement has no \"{}\" row",
                        with.statement.map_or("same", StatementKind::id),
                        ix.set.labels.name(with.key)
                    ),
                );
                out.push(r);
                continue;
            };
            let other = &ix.filing.statements[osi];
            let orow_ref = &other.rows[orow];
            let Some(oc) = ocol.filter(|&oc| orow_ref.cell(oc).is_some()) else {
                let mut r = result(path);
                skip(
                    &mut r,
                    subject(),
                    format!(
                        "\"{}\" is not printed in the {} for this period",
                        orow_ref.label,
                        other.kind.title()
                    ),
                );
                out.push(r);
                continue;
            };
            let Some(path) = counted_fix(out, rule.kind, ix, path, || {
                let expected = orow_ref
                    .cell(oc)
                    .map_or(Some(Fix::ZERO), |c| Fix::cell(orow_ref, c))
                    .and_then(|x| x.times(k));
                (Fix::cell(here, cell), expected)
            }) else {
                continue;
            };
            let expected = orow_ref
                .cell(oc)
                .map_or(Interval::zero(), |c| units(orow_ref, c))
                .times(k);
            let actual = in_row_unit(here, units(here, cell));
            let expected = in_row_unit(here, expected);
            let Some(path) = counted(out, rule.kind, ix, path, &actual, &expected) else {
                continue;
            };
            let mut r = result(path);
            judge(
                &mut r,
                subject(),
                actual,
                expected,
                cell.amount.decimals,
                Basis::Figure {
                    statement: other.kind,
                    factor: (k != Decimal::ONE).then_some(k),
                },
            );
            out.push_with(r, |cs| {
                cs.push(contributor(ix, osi, orow, oc, Weight::Times(k)));
            });
        }
    }
}

/// Each reconciliation row: IFRS = U.S. GAAP + Σ adjustments (blank = 0).
fn reconciliation_rows(ix: &Indexed<'_>, si: usize, out: &mut Out) {
    let st = &ix.filing.statements[si];
    for (gi, gcol) in st.columns.iter().enumerate() {
        if gcol.role != ColumnRole::UsGaap {
            continue;
        }
        let Some(ii) = st.column_index(&gcol.period, gcol.currency, ColumnRole::Ifrs) else {
            continue;
        };
        let adj: Vec<usize> = (0..st.columns.len())
            .filter(|&c| {
                let col = &st.columns[c];
                col.role == ColumnRole::Adjustment
                    && col.period == gcol.period
                    && col.currency == gcol.currency
            })
            .collect();
        for (ri, row) in st.rows.iter().enumerate() {
            let (Some(g), ifrs) = (row.cell(gi), row.cell(ii)) else {
                continue;
            };
            let path = row_path(ix, si, ri, ii);
            let Some(path) = counted_fix(out, CheckKind::CrossFoot, ix, path, || {
                let mut sum = Fix::cell(row, g);
                for &a in &adj {
                    if let Some(c) = row.cell(a) {
                        sum = sum.and_then(|s| s.plus(Fix::cell(row, c)?));
                    }
                }
                let actual = ifrs.map_or(Some(Fix::ZERO), |c| Fix::cell(row, c));
                (actual, sum)
            }) else {
                continue;
            };
            let mut sum = units(row, g);
            for &a in &adj {
                if let Some(c) = row.cell(a) {
                    sum = sum.plus(units(row, c));
                }
            }
            let actual = ifrs.map_or(Interval::zero(), |c| units(row, c));
            let dp = ifrs.map_or(0, |c| c.amount.decimals);
            let (actual, sum) = (in_row_unit(row, actual), in_row_unit(row, sum));
            let Some(path) = counted(out, CheckKind::CrossFoot, ix, path, &actual, &sum) else {
                continue;
            };
            let mut r = cell_result(CheckKind::CrossFoot, path, ix, si, ri, ii);
            judge(
                &mut r,
                ix.subject(si, ri, ii),
                actual,
                sum,
                dp,
                Basis::Adjustments(adj.len()),
            );
            out.push_with(r, |cs| {
                cs.reserve_exact(adj.len() + 1);
                cs.push(contributor(ix, si, ri, gi, Weight::ONE));
                for &a in &adj {
                    cs.push(contributor(ix, si, ri, a, Weight::ONE));
                }
            });
        }
    }
}

/// Every U.S. GAAP figure of the reconciliation against the statements.
fn gaap_against_statements(ix: &Indexed<'_>, si: usize, source: StatementKind, out: &mut Out) {
    let st = &ix.filing.statements[si];
    let src = ix.stmt(source);
    for (gi, gcol) in st.columns.iter().enumerate() {
        if gcol.role != ColumnRole::UsGaap {
            continue;
        }
        let sc = src.and_then(|ssi| {
            ix.filing.statements[ssi].column_index(
                &gcol.period,
                gcol.currency,
                ColumnRole::Reported,
            )
        });
        for (ri, row) in st.rows.iter().enumerate() {
            let Some(g) = row.cell(gi) else { continue };
            let path = row_path(ix, si, ri, gi);
            let found = src.and_then(|ssi| {
                let srow = ix.match_row(ssi, ix, si, ri)?;
                let sc = sc?;
                ix.filing.statements[ssi].rows[srow].cell(sc)?;
                Some((ssi, srow, sc))
            });
            let Some((ssi, srow, sc)) = found else {
                let mut r = cell_result(CheckKind::CrossFoot, path, ix, si, ri, gi);
                skip(
                    &mut r,
                    ix.subject(si, ri, gi),
                    format!(
                        "the {} does not print this figure for this period",
                        source.title().to_lowercase()
                    ),
                );
                out.push(r);
                continue;
            };
            let srow_ref = &ix.filing.statements[ssi].rows[srow];
            let Some(path) = counted_fix(out, CheckKind::CrossFoot, ix, path, || {
                let expected = srow_ref
                    .cell(sc)
                    .map_or(Some(Fix::ZERO), |c| Fix::cell(srow_ref, c));
                (Fix::cell(row, g), expected)
            }) else {
                continue;
            };
            let expected = srow_ref
                .cell(sc)
                .map_or(Interval::zero(), |c| units(srow_ref, c));
            let actual = in_row_unit(row, units(row, g));
            let expected = in_row_unit(row, expected);
            let Some(path) = counted(out, CheckKind::CrossFoot, ix, path, &actual, &expected)
            else {
                continue;
            };
            let mut r = cell_result(CheckKind::CrossFoot, path, ix, si, ri, gi);
            judge(
                &mut r,
                ix.subject(si, ri, gi),
                actual,
                expected,
                g.amount.decimals,
                Basis::Figure {
                    statement: source,
                    factor: None,
                },
            );
            out.push_with(r, |cs| cs.push(contributor(ix, ssi, srow, sc, Weight::ONE)));
        }
    }
}
