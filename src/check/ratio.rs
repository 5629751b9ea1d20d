//! Ratios declared in the rules: margins against revenue, EPS against net
//! income attributable ÷ weighted shares, per-ADS amounts against two times
//! the per-share amount, non-GAAP per-ADS against the weighted ADS. All by
//! interval division.

use super::helpers::{
    Indexed, cell_result, cell_subject, contributor, in_row_unit, judge, skip, units, weight_text,
};
use super::interval::Interval;
use super::result::{CheckKind, CheckResult};
use super::rules::{RatioRule, Term, currency, factor, statement};

/// Runs the ratio rules over one filing.
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Vec<CheckResult>) {
    for rule in &ix.set.rules.ratios {
        let Some(kind) = statement(&rule.statement) else {
            continue;
        };
        let Some(si) = ix.stmt(kind) else { continue };
        let Some(row) = ix.find(si, &rule.row, None) else {
            continue;
        };
        check_rule(ix, si, row, rule, out);
    }
}

/// One operand: its interval in absolute units, or why it is absent.
fn operand(
    ix: &Indexed<'_>,
    si: usize,
    row: usize,
    ci: usize,
    term: &Term,
    r: &mut CheckResult,
) -> Result<Interval, String> {
    let Some((osi, orow, ocol)) = ix.resolve(si, row, ci, term) else {
        return Err(format!("no \"{}\" row to compute it from", term.key));
    };
    let o = &ix.filing.statements[osi].rows[orow];
    let Some(oc) = ocol else {
        return Err(format!("\"{}\" is not printed for this period", o.label));
    };
    let Some(cell) = o.cell(oc) else {
        return Err(format!("\"{}\" is not printed in this column", o.label));
    };
    r.contributors.push(contributor(
        ix.filing,
        osi,
        orow,
        oc,
        &weight_text(term.weight),
    ));
    Ok(units(o, cell))
}

fn check_rule(
    ix: &Indexed<'_>,
    si: usize,
    row: usize,
    rule: &RatioRule,
    out: &mut Vec<CheckResult>,
) {
    let st = &ix.filing.statements[si];
    let here = &st.rows[row];
    let only = rule.currency.as_deref().and_then(currency);
    let k = factor(rule.factor.as_deref());
    let (Some(num), den) = (
        Term::parse(&rule.numerator),
        rule.denominator.as_deref().map(Term::parse),
    ) else {
        return;
    };
    for (ci, col) in st.columns.iter().enumerate() {
        if only.is_some_and(|c| c != col.currency) {
            continue;
        }
        let Some(cell) = here.cell(ci) else { continue };
        let id = format!("ratio/{}/{}/{}/{ci}", ix.filing.id, st.kind, rule.id);
        let mut r = cell_result(CheckKind::Ratio, id, ix, si, row, ci);
        let cname = cell_subject(ix, si, row, ci);
        let n = operand(ix, si, row, ci, &num, &mut r);
        let d = match &den {
            Some(Some(t)) => operand(ix, si, row, ci, t, &mut r).map(Some),
            Some(None) => Err("the rule's denominator is malformed".to_string()),
            None => Ok(None),
        };
        let expected = match (n, d) {
            (Ok(n), Ok(None)) => Ok(n.times(k)),
            (Ok(n), Ok(Some(d))) => n
                .quotient(d)
                .map(|q| q.times(k))
                .ok_or_else(|| "the denominator may be zero".to_string()),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        match expected {
            Ok(e) => judge(
                &mut r,
                &cname,
                in_row_unit(here, units(here, cell)),
                in_row_unit(here, e),
                cell.amount.decimals,
                &rule.description,
            ),
            Err(e) => skip(&mut r, &cname, &e),
        }
        out.push(r);
    }
}
