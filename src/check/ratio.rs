//! Ratios declared in the rules: margins against revenue, EPS against net
//! income attributable ÷ weighted shares, per-ADS amounts against two times
//! the per-share amount, non-GAAP per-ADS against the weighted ADS. All by
//! interval division.

use super::compiled::{KeyTerm, Ratio};
use super::fix::{self, Fix};
use super::helpers::{Indexed, cell_result, contributor, counted, in_row_unit, judge, skip, units};
use super::id::{CheckId, Path};
use super::message::Basis;
use super::result::{CheckKind, CheckResult};
use super::sink::Out;
use super::text::Weight;
use crate::model::{Cell, Row};
use std::borrow::Cow;

/// Runs the ratio rules over one filing.
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Out) {
    for rule in &ix.set.compiled.ratios {
        let Some(si) = ix.stmt(rule.statement) else {
            continue;
        };
        let Some(row) = ix.find(si, rule.row, None) else {
            continue;
        };
        check_rule(ix, si, row, rule, out);
    }
}

/// The cell an operand is read from: statement, row, column, weight.
type Place = (usize, usize, usize, rust_decimal::Decimal);

/// One operand: its row and cell, and where it is, or why it is absent.
fn operand<'a>(
    ix: &Indexed<'a>,
    si: usize,
    row: usize,
    ci: usize,
    term: &KeyTerm,
) -> Result<(&'a Row, &'a Cell, Place), Cow<'static, str>> {
    let Some((osi, orow, ocol)) = ix.resolve(si, row, ci, term) else {
        return Err(format!(
            "no \"{}\" row to compute it from",
            ix.set.labels.name(term.key)
        )
        .into());
    };
    let o = &ix.filing.statements[osi].rows[orow];
    let Some(oc) = ocol else {
        return Err(format!("\"{}\" is not printed for this period", o.label).into());
    };
    let Some(cell) = o.cell(oc) else {
        return Err(format!("\"{}\" is not printed in this column", o.label).into());
    };
    Ok((o, cell, (osi, orow, oc, term.weight)))
}

fn check_rule<'a>(ix: &Indexed<'a>, si: usize, row: usize, rule: &Ratio, out: &mut Out) {
    let st = &ix.filing.statements[si];
    let here = &st.rows[row];
    let k = rule.factor;
    for (ci, col) in st.columns.iter().enumerate() {
        if rule.currency.is_some_and(|c| c != col.currency) {
            continue;
        }
        let Some(cell) = here.cell(ci) else { continue };
        let path = Path::Rule {
            statement: st.kind,
            rule: rule.id.clone(),
            column: ci as u32,
        };
        // The cells that went in, in the order they were read.
        let mut places: Vec<Place> = Vec::with_capacity(2);
        let mut read = |r: Result<(&'a Row, &'a Cell, Place), Cow<'static, str>>| {
            r.map(|(o, c, p)| {
                places.push(p);
                (o, c)
            })
        };
        let n = read(operand(ix, si, row, ci, &rule.numerator));
        let d = match &rule.denominator {
            Some(Some(t)) => read(operand(ix, si, row, ci, t)).map(Some),
            Some(None) => Err("the rule's denominator is malformed".into()),
            None => Ok(None),
        };
        // A pass only counted is found in fixed point, without dividing.
        if out.counts_passes()
            && let (Ok((no, nc)), Ok(d)) = (&n, &d)
            && fix::passes_ratio(
                Fix::cell(here, cell),
                Fix::cell(no, nc),
                d.map(|(o, c)| Fix::cell(o, c))
                    .map_or(Some(None), |f| f.map(Some)),
                k,
            )
        {
            out.count_pass(CheckId::new(CheckKind::Ratio, ix.id.clone(), path));
            continue;
        }
        let interval = |(o, c): (&'a Row, &'a Cell)| units(o, c);
        let (n, d) = (n.map(interval), d.map(|d| d.map(interval)));
        let expected = match (n, d) {
            (Ok(n), Ok(None)) => Ok(n.times(k)),
            (Ok(n), Ok(Some(d))) => n
                .quotient(d)
                .map(|q| q.times(k))
                .ok_or_else(|| "the denominator may be zero".into()),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        let fill = |r: &mut CheckResult| {
            r.contributors.extend(
                places
                    .iter()
                    .map(|&(osi, orow, oc, w)| contributor(ix, osi, orow, oc, Weight::Times(w))),
            );
        };
        match expected {
            Ok(e) => {
                let (actual, e) = (in_row_unit(here, units(here, cell)), in_row_unit(here, e));
                let Some(path) = counted(out, CheckKind::Ratio, ix, path, &actual, &e) else {
                    continue;
                };
                let mut r = cell_result(CheckKind::Ratio, path, ix, si, row, ci);
                fill(&mut r);
                judge(
                    &mut r,
                    ix.subject(si, row, ci),
                    actual,
                    e,
                    cell.amount.decimals,
                    Basis::Rule(rule.description.clone()),
                );
                out.push(r);
            }
            Err(e) => {
                let mut r = cell_result(CheckKind::Ratio, path, ix, si, row, ci);
                fill(&mut r);
                skip(&mut r, ix.subject(si, row, ci), e);
                out.push(r);
            }
        }
    }
}
