//! Period checks across the filings of one company: a quarter plus the
//! months before it equal the longer period (Q1 + Q2 = six months), a
//! column printed in two filings agrees cell by cell, and one period's
//! ending cash is the next period's beginning cash. Cells are indexed once
//! by (statement, row key, period, currency, role), so the cost grows
//! linearly with the number of filings.

use super::helpers::{
    Indexed, cell_result, cell_subject, contributor, in_row_unit, judge, skip, units,
};
use super::interval::Interval;
use super::result::{CheckKind, CheckResult};
use super::rules::statement;
use crate::model::{ColumnRole, Currency, Period, StatementKind, Unit};
use chrono::Days;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A cell's place: filing, statement, row, column.
type Place = (usize, usize, usize, usize);

/// What identifies a figure across filings.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    kind: StatementKind,
    /// The row key, interned (see [`CellIndex::names`]).
    row: u32,
    occurrence: usize,
    period: Period,
    currency: Currency,
    role: ColumnRole,
}

/// Every printed cell of a company's filings, grouped by [`Key`] in first-seen order.
struct CellIndex {
    /// Row keys by their interned number.
    names: Vec<String>,
    keys: Vec<Key>,
    places: Vec<Vec<Place>>,
    by_key: HashMap<Key, usize>,
}

impl CellIndex {
    fn build(ixs: &[&Indexed<'_>]) -> Self {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut idx = CellIndex {
            names: Vec::new(),
            keys: Vec::new(),
            places: Vec::new(),
            by_key: HashMap::new(),
        };
        for (fi, ix) in ixs.iter().enumerate() {
            for (si, st) in ix.filing.statements.iter().enumerate() {
                let mut seen: HashMap<&str, usize> = HashMap::new();
                for (ri, row) in st.rows.iter().enumerate() {
                    let key = ix.keys[si][ri].as_str();
                    let row_id = *ids.entry(key).or_insert_with(|| {
                        names.push(key.to_string());
                        (names.len() - 1) as u32
                    });
                    let occ = seen.entry(key).or_insert(0);
                    let occurrence = *occ;
                    *occ += 1;
                    for (ci, col) in st.columns.iter().enumerate() {
                        if row.cell(ci).is_none() {
                            continue;
                        }
                        let k = Key {
                            kind: st.kind,
                            row: row_id,
                            occurrence,
                            period: col.period,
                            currency: col.currency,
                            role: col.role,
                        };
                        let n = idx.keys.len();
                        let slot = *idx.by_key.entry(k.clone()).or_insert(n);
                        if slot == n {
                            idx.keys.push(k);
                            idx.places.push(Vec::new());
                        }
                        idx.places[slot].push((fi, si, ri, ci));
                    }
                }
            }
        }
        idx.names = names;
        idx
    }

    fn get(&self, k: &Key) -> Option<&[Place]> {
        self.by_key.get(k).map(|&i| self.places[i].as_slice())
    }
}

/// Runs the period checks over the filings of one company.
pub(crate) fn run(ixs: &[&Indexed<'_>], out: &mut Vec<CheckResult>) {
    if ixs.is_empty() {
        return;
    }
    let idx = CellIndex::build(ixs);
    repeated(ixs, &idx, out);
    roll_ups(ixs, &idx, out);
    cash_chain(ixs, &idx, out);
}

fn cell_interval(ixs: &[&Indexed<'_>], p: Place) -> Interval {
    let row = &ixs[p.0].filing.statements[p.1].rows[p.2];
    row.cell(p.3).map_or(Interval::zero(), |c| units(row, c))
}

fn same_rate(ixs: &[&Indexed<'_>], a: usize, b: usize) -> bool {
    a == b
        || matches!(
            (&ixs[a].filing.exchange_rate, &ixs[b].filing.exchange_rate),
            (Some(x), Some(y)) if x.rmb_per_usd == y.rmb_per_usd
        )
}

/// Judges the cell at `at` against the sum of `parts` and records it.
fn compare(
    ixs: &[&Indexed<'_>],
    id: String,
    at: Place,
    parts: &[Place],
    what: &str,
    out: &mut Vec<CheckResult>,
) {
    let ix = &ixs[at.0];
    let st = &ix.filing.statements[at.1];
    let row = &st.rows[at.2];
    let mut r = cell_result(CheckKind::Period, id, ix, at.1, at.2, at.3);
    for &p in parts {
        r.contributors
            .push(contributor(ixs[p.0].filing, p.1, p.2, p.3, "1"));
    }
    let expected =
        Interval::weighted_sum(parts.iter().map(|&p| (cell_interval(ixs, p), Decimal::ONE)));
    let dp = row.cell(at.3).map_or(0, |c| c.amount.decimals);
    judge(
        &mut r,
        &cell_subject(ix, at.1, at.2, at.3),
        in_row_unit(row, cell_interval(ixs, at)),
        in_row_unit(row, expected),
        dp,
        what,
    );
    out.push(r);
}

/// A figure printed in two filings for the same period agrees.
fn repeated(ixs: &[&Indexed<'_>], idx: &CellIndex, out: &mut Vec<CheckResult>) {
    for (k, places) in idx.keys.iter().zip(&idx.places) {
        let Some(&first) = places.first() else {
            continue;
        };
        for &p in &places[1..] {
            if p.0 == first.0 || (k.currency == Currency::USD && !same_rate(ixs, p.0, first.0)) {
                continue;
            }
            let st = &ixs[p.0].filing.statements[p.1];
            let id = format!(
                "period/{}/{}/{}/{}/repeated-{}",
                ixs[p.0].filing.id, st.kind, ixs[p.0].slugs[p.1][p.2], p.3, ixs[first.0].filing.id
            );
            let what = format!("the same figure in {}", ixs[first.0].filing.id);
            compare(ixs, id, p, &[first], &what, out);
        }
    }
}

/// The longer period = the months before its last quarter + that quarter.
fn roll_ups(ixs: &[&Indexed<'_>], idx: &CellIndex, out: &mut Vec<CheckResult>) {
    let rules = &ixs[0].set.rules;
    for (k, places) in idx.keys.iter().zip(&idx.places) {
        let months = k.period.months();
        if months <= 3 || months % 3 != 0 || k.role != ColumnRole::Reported {
            continue;
        }
        if rules
            .period
            .non_additive
            .contains(&idx.names[k.row as usize])
            || ixs[0].set.is_partial(k.kind)
        {
            continue;
        }
        let at = places[0];
        let row = &ixs[at.0].filing.statements[at.1].rows[at.2];
        if row.unit != Unit::Money {
            continue;
        }
        let end = k.period.end();
        let last = Period::months_ending(3, end);
        let Some(before_end) = last.start().and_then(|s| s.pred_opt()) else {
            continue;
        };
        let rest = Period::months_ending(months - 3, before_end);
        let find = |p: Period| {
            idx.get(&Key {
                period: p,
                ..k.clone()
            })
            .and_then(|v| v.first().copied())
        };
        let st = &ixs[at.0].filing.statements[at.1];
        let id = format!(
            "period/{}/{}/{}/{}/roll-up",
            ixs[at.0].filing.id, st.kind, ixs[at.0].slugs[at.1][at.2], at.3
        );
        match (find(rest), find(last)) {
            (Some(a), Some(b)) => {
                if k.currency == Currency::USD
                    && !(same_rate(ixs, at.0, a.0) && same_rate(ixs, at.0, b.0))
                {
                    continue;
                }
                let what = format!("{} + {}", rest.short(), last.short());
                compare(ixs, id, at, &[a, b], &what, out);
            }
            (a, _) if k.currency == Currency::RMB => {
                let missing = if a.is_none() { rest } else { last };
                let mut r = cell_result(CheckKind::Period, id, ixs[at.0], at.1, at.2, at.3);
                skip(
                    &mut r,
                    &cell_subject(ixs[at.0], at.1, at.2, at.3),
                    &format!("no loaded filing prints {} {}", missing.short(), k.currency),
                );
                out.push(r);
            }
            _ => {}
        }
    }
}

/// One period's ending cash = the next period's beginning cash; periods that
/// start (or end) together have the same beginning (or ending) cash.
fn cash_chain(ixs: &[&Indexed<'_>], idx: &CellIndex, out: &mut Vec<CheckResult>) {
    let Some(chain) = ixs[0].set.rules.period.chain.as_ref() else {
        return;
    };
    let Some(kind) = statement(&chain.statement) else {
        return;
    };
    let id_of = |name: &str| idx.names.iter().position(|n| n == name).map(|i| i as u32);
    let (Some(begin), Some(end)) = (id_of(&chain.begin), id_of(&chain.end)) else {
        return;
    };
    let of = |row: u32| -> Vec<(&Key, Place)> {
        idx.keys
            .iter()
            .zip(&idx.places)
            .filter(|(k, _)| k.kind == kind && k.row == row && k.role == ColumnRole::Reported)
            .map(|(k, p)| (k, p[0]))
            .collect()
    };
    let begins = of(begin);
    let ends = of(end);
    let mut link = |at: Place, other: Place, tag: &str, what: String| {
        let st = &ixs[at.0].filing.statements[at.1];
        let id = format!(
            "period/{}/{}/{}/{}/{tag}",
            ixs[at.0].filing.id, st.kind, ixs[at.0].slugs[at.1][at.2], at.3
        );
        compare(ixs, id, at, &[other], &what, out);
    };
    let usable =
        |a: Place, b: Place, cur: Currency| cur == Currency::RMB || same_rate(ixs, a.0, b.0);
    for (bk, b) in &begins {
        let Some(start) = bk.period.start() else {
            continue;
        };
        // The period that ended the day before this one started.
        if let Some((ek, e)) = ends.iter().find(|(ek, e)| {
            ek.currency == bk.currency
                && ek.period.end().checked_add_days(Days::new(1)) == Some(start)
                && usable(*b, *e, bk.currency)
        }) {
            link(
                *b,
                *e,
                "begin-after-end",
                format!("the ending cash of {}", ek.period.short()),
            );
        }
        // An earlier-listed period with the same start.
        if let Some((ok, o)) = begins.iter().find(|(ok, o)| {
            ok.currency == bk.currency
                && ok.period != bk.period
                && ok.period.start() == Some(start)
                && ok.period.end() < bk.period.end()
                && usable(*b, *o, bk.currency)
        }) {
            link(
                *b,
                *o,
                "same-start",
                format!("the beginning cash of {}", ok.period.short()),
            );
        }
    }
    for (ek, e) in &ends {
        if let Some((ok, o)) = ends.iter().find(|(ok, o)| {
            ok.currency == ek.currency
                && ok.period != ek.period
                && ok.period.end() == ek.period.end()
                && ok.period.months() < ek.period.months()
                && usable(*e, *o, ek.currency)
        }) {
            link(
                *e,
                *o,
                "same-end",
                format!("the ending cash of {}", ok.period.short()),
            );
        }
    }
}
