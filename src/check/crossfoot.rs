//! Cross-footing: reconciliation rows (U.S. GAAP + each adjustment = IFRS),
//! every U.S. GAAP figure of a reconciliation against the same figure in the
//! statements, and figures printed in two statements (net income in the
//! non-GAAP reconciliation) against each other.

use super::helpers::{
    Indexed, cell_result, cell_subject, contributor, in_row_unit, judge, skip, units, weight_text,
};
use super::interval::Interval;
use super::result::{CheckKind, CheckResult};
use super::rules::{Term, factor, statement};
use crate::model::{ColumnRole, StatementKind};

/// Runs the agreement and reconciliation checks of one filing.
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Vec<CheckResult>) {
    agreements(ix, out);
    for rule in &ix.set.rules.reconciliations {
        let (Some(kind), Some(source)) = (statement(&rule.statement), statement(&rule.source))
        else {
            continue;
        };
        let Some(si) = ix.stmt(kind) else { continue };
        reconciliation_rows(ix, si, out);
        gaap_against_statements(ix, si, source, out);
    }
}

/// Figures printed twice, declared in the rules.
fn agreements(ix: &Indexed<'_>, out: &mut Vec<CheckResult>) {
    for rule in &ix.set.rules.agreements {
        let (Some(kind), Some(with)) = (statement(&rule.statement), Term::parse(&rule.with)) else {
            continue;
        };
        let Some(si) = ix.stmt(kind) else { continue };
        let Some(row) = ix.find(si, &rule.row, None) else {
            continue;
        };
        let k = factor(rule.factor.as_deref());
        let st = &ix.filing.statements[si];
        let here = &st.rows[row];
        for ci in 0..st.columns.len() {
            let Some(cell) = here.cell(ci) else { continue };
            let id = format!(
                "{}/{}/{}/{}/{ci}",
                rule.kind, ix.filing.id, st.kind, rule.id
            );
            let mut r = cell_result(rule.kind, id, ix, si, row, ci);
            let cname = cell_subject(ix, si, row, ci);
            let Some((osi, orow, ocol)) = ix.resolve(si, row, ci, &with) else {
                skip(
                    &mut r,
                    &cname,
                    &format!(
                        "the {} statement has no \"{}\" row",
                        with.statement.map_or("same", StatementKind::id),
                        with.key
                    ),
                );
                out.push(r);
                continue;
            };
            let other = &ix.filing.statements[osi];
            let orow_ref = &other.rows[orow];
            let Some(oc) = ocol.filter(|&oc| orow_ref.cell(oc).is_some()) else {
                skip(
                    &mut r,
                    &cname,
                    &format!(
                        "\"{}\" is not printed in the {} for this period",
                        orow_ref.label,
                        other.kind.title()
                    ),
                );
                out.push(r);
                continue;
            };
            r.contributors
                .push(contributor(ix.filing, osi, orow, oc, &weight_text(k)));
            let expected = orow_ref
                .cell(oc)
                .map_or(Interval::zero(), |c| units(orow_ref, c))
                .times(k);
            let what = if k == rust_decimal::Decimal::ONE {
                format!("the {} figure", other.kind.title().to_lowercase())
            } else {
                format!(
                    "{} × the {} figure",
                    k.normalize(),
                    other.kind.title().to_lowercase()
                )
            };
            judge(
                &mut r,
                &cname,
                in_row_unit(here, units(here, cell)),
                in_row_unit(here, expected),
                cell.amount.decimals,
                &what,
            );
            out.push(r);
        }
    }
}

/// Each reconciliation row: IFRS = U.S. GAAP + Σ adjustments (blank = 0).
fn reconciliation_rows(ix: &Indexed<'_>, si: usize, out: &mut Vec<CheckResult>) {
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
            let id = format!(
                "cross-foot/{}/{}/{}/{ii}",
                ix.filing.id, st.kind, ix.slugs[si][ri]
            );
            let mut r = cell_result(CheckKind::CrossFoot, id, ix, si, ri, ii);
            let cname = cell_subject(ix, si, ri, ii);
            r.contributors.push(contributor(ix.filing, si, ri, gi, "1"));
            let mut sum = vec![(units(row, g), rust_decimal::Decimal::ONE)];
            for &a in &adj {
                r.contributors.push(contributor(ix.filing, si, ri, a, "1"));
                if let Some(c) = row.cell(a) {
                    sum.push((units(row, c), rust_decimal::Decimal::ONE));
                }
            }
            let actual = ifrs.map_or(Interval::zero(), |c| units(row, c));
            let dp = ifrs.map_or(0, |c| c.amount.decimals);
            judge(
                &mut r,
                &cname,
                in_row_unit(row, actual),
                in_row_unit(row, Interval::weighted_sum(sum)),
                dp,
                &format!("U.S. GAAP plus the {} adjustments", adj.len()),
            );
            out.push(r);
        }
    }
}

/// Every U.S. GAAP figure of the reconciliation against the statements.
fn gaap_against_statements(
    ix: &Indexed<'_>,
    si: usize,
    source: StatementKind,
    out: &mut Vec<CheckResult>,
) {
    let st = &ix.filing.statements[si];
    let src = ix.stmt(source);
    for (gi, gcol) in st.columns.iter().enumerate() {
        if gcol.role != ColumnRole::UsGaap {
            continue;
        }
        for (ri, row) in st.rows.iter().enumerate() {
            let Some(g) = row.cell(gi) else { continue };
            let id = format!(
                "cross-foot/{}/{}/{}/{gi}",
                ix.filing.id, st.kind, ix.slugs[si][ri]
            );
            let mut r = cell_result(CheckKind::CrossFoot, id, ix, si, ri, gi);
            let cname = cell_subject(ix, si, ri, gi);
            let found = src.and_then(|ssi| {
                let srow = ix.match_row(ssi, ix, si, ri)?;
                let s = &ix.filing.statements[ssi];
                let sc = s.column_index(&gcol.period, gcol.currency, ColumnRole::Reported)?;
                s.rows[srow].cell(sc)?;
                Some((ssi, srow, sc))
            });
            let Some((ssi, srow, sc)) = found else {
                skip(
                    &mut r,
                    &cname,
                    &format!(
                        "the {} does not print this figure for this period",
                        source.title().to_lowercase()
                    ),
                );
                out.push(r);
                continue;
            };
            let srow_ref = &ix.filing.statements[ssi].rows[srow];
            r.contributors
                .push(contributor(ix.filing, ssi, srow, sc, "1"));
            let expected = srow_ref
                .cell(sc)
                .map_or(Interval::zero(), |c| units(srow_ref, c));
            judge(
                &mut r,
                &cname,
                in_row_unit(row, units(row, g)),
                in_row_unit(row, expected),
                g.amount.decimals,
                &format!("the {} figure", source.title().to_lowercase()),
            );
            out.push(r);
        }
    }
}
