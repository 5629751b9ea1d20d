//! Identities declared in the rules: a total against a signed sum of rows
//! (total assets = total liabilities + total equity, the cash roll-forward,
//! GAAP + share-based compensation = non-GAAP, ...).

use super::helpers::{
    Indexed, cell_result, cell_subject, contributor, in_row_unit, judge, skip, units, weight_text,
};
use super::interval::Interval;
use super::result::{CheckKind, CheckResult};
use super::rules::{IdentityRule, Term, statement};
use crate::model::{ColumnRole, RowKind};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// An identity rule resolved in one statement: the total row and its terms.
struct Resolved<'r> {
    rule: &'r IdentityRule,
    si: usize,
    total: usize,
    terms: Vec<Term>,
}

fn resolved<'r>(ix: &Indexed<'_>, rule: &'r IdentityRule) -> Vec<Resolved<'r>> {
    let terms: Vec<Term> = rule.terms.iter().filter_map(|t| Term::parse(t)).collect();
    let mut out = Vec::new();
    for kind in rule.statements.iter().filter_map(|s| statement(s)) {
        let Some(si) = ix.stmt(kind) else { continue };
        let Some(total) = ix.find(si, &rule.total, None) else {
            continue;
        };
        let mut all = terms.clone();
        if let Some(after) = &rule.after {
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
pub(crate) fn claimed(ix: &Indexed<'_>) -> HashSet<(usize, usize)> {
    let mut set = HashSet::new();
    for rule in &ix.set.rules.identities {
        if rule.kind.is_none_or(|k| k == CheckKind::Identity) {
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
pub(crate) fn run(ix: &Indexed<'_>, out: &mut Vec<CheckResult>) {
    for rule in &ix.set.rules.identities {
        let own_kind = rule.kind.is_some_and(|k| k != CheckKind::Identity);
        for r in resolved(ix, rule) {
            if !own_kind && duplicates_footing(ix, r.si, r.total, &r.terms) {
                continue;
            }
            check_rule(ix, r.si, r.total, r.rule, &r.terms, out);
        }
    }
}

/// The item rows printed strictly between the row `after` and `total`
/// (headings, rows without values and components of rows in the range left out).
fn range_terms(ix: &Indexed<'_>, si: usize, after: &str, total: usize) -> Vec<Term> {
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
        .map(|i| Term {
            weight: Decimal::ONE,
            statement: None,
            key: format!("#{i}"),
            at_start: false,
        })
        .collect()
}

/// Whether the identity only restates the total's parent-link footing.
fn duplicates_footing(ix: &Indexed<'_>, si: usize, total: usize, terms: &[Term]) -> bool {
    let kids = &ix.children[si][total];
    if kids.is_empty() || terms.len() != kids.len() {
        return false;
    }
    let mut rows = Vec::new();
    for t in terms {
        if t.statement.is_some() || t.weight != Decimal::ONE {
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

/// The row a same-statement term names ("#i" is row i of a range).
fn row_of(ix: &Indexed<'_>, si: usize, at: usize, t: &Term) -> Option<usize> {
    match t.key.strip_prefix('#') {
        Some(i) => i.parse().ok(),
        None => ix.find(si, &t.key, Some(at)),
    }
}

fn check_rule(
    ix: &Indexed<'_>,
    si: usize,
    total: usize,
    rule: &IdentityRule,
    terms: &[Term],
    out: &mut Vec<CheckResult>,
) {
    let st = &ix.filing.statements[si];
    let partial = ix.is_partial(si);
    let kind = rule.kind.unwrap_or(CheckKind::Identity);
    let total_row = &st.rows[total];
    for (ci, col) in st.columns.iter().enumerate() {
        let adjustment = partial && col.role == ColumnRole::Adjustment;
        if partial && !adjustment && !rule.all_columns {
            continue;
        }
        let tcell = total_row.cell(ci);
        if tcell.is_none() && !adjustment {
            continue;
        }
        let id = format!("{kind}/{}/{}/{}/{ci}", ix.filing.id, st.kind, rule.id);
        let mut r = cell_result(kind, id, ix, si, total, ci);
        let cname = cell_subject(ix, si, total, ci);
        let mut sum = Vec::new();
        let mut missing: Option<String> = None;
        let mut printed = usize::from(tcell.is_some());
        for t in terms {
            let w = weight_text(t.weight);
            let resolved = match t.statement {
                None => row_of(ix, si, total, t).map(|row| (si, row, Some(ci))),
                Some(_) => ix.resolve(si, total, ci, t),
            };
            let Some((osi, row, ocol)) = resolved else {
                if adjustment {
                    continue;
                }
                missing = missing.or(Some(format!("no row \"{}\" in the statement", t.key)));
                continue;
            };
            let orow = &ix.filing.statements[osi].rows[row];
            let Some(oc) = ocol else {
                missing = missing.or(Some(format!(
                    "\"{}\" is not printed for this period",
                    orow.label
                )));
                continue;
            };
            r.contributors
                .push(contributor(ix.filing, osi, row, oc, &w));
            match orow.cell(oc) {
                Some(c) => {
                    printed += 1;
                    sum.push((units(orow, c), t.weight));
                }
                None if adjustment => sum.push((Interval::zero(), t.weight)),
                None => {
                    missing = missing.or(Some(format!(
                        "\"{}\" is not printed in this column",
                        orow.label
                    )));
                }
            }
        }
        if printed == 0 {
            continue;
        }
        if let Some(m) = missing {
            skip(&mut r, &cname, &m);
            out.push(r);
            continue;
        }
        let actual = tcell.map_or(Interval::zero(), |c| units(total_row, c));
        let expected = Interval::weighted_sum(sum);
        let dp = tcell.map_or(0, |c| c.amount.decimals);
        judge(
            &mut r,
            &cname,
            in_row_unit(total_row, actual),
            in_row_unit(total_row, expected),
            dp,
            &rule.description,
        );
        out.push(r);
    }
}
