//! Period checks across the filings of one company: a quarter plus the
//! months before it equal the longer period (Q1 + Q2 = six months), a
//! column printed in two filings agrees cell by cell, and one period's
//! ending cash is the next period's beginning cash. Cells are indexed once
//! by (statement, row key, period, currency, role), so the cost grows
//! linearly with the number of filings.

use super::fix::Fix;
use super::helpers::{
    Indexed, cell_result, contributor, counted, counted_fix, in_row_unit, judge, skip, units,
};
use super::id::{Path, Tail};
use super::interval::Interval;
use super::message::Basis;
use super::result::CheckKind;
use super::sink::Out;
use super::text::Weight;
use crate::model::{ColumnRole, Currency, Period, StatementKind, Unit};
use chrono::Days;
use rustc_hash::FxHashMap;

/// A cell's place: filing, statement, row, column.
type Place = (usize, usize, usize, usize);

/// A [`Place`] as stored in the index (half the room).
type Packed = [u32; 4];

/// The place `p` stands for.
fn unpack(p: Packed) -> Place {
    (p[0] as usize, p[1] as usize, p[2] as usize, p[3] as usize)
}

/// What identifies a figure across filings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    kind: StatementKind,
    /// The row key's number.
    row: u32,
    occurrence: u32,
    period: Period,
    currency: Currency,
    role: ColumnRole,
    /// The number of (kind, period, currency, role) in [`CellIndex::columns`].
    column: u32,
}

/// What a column of a statement kind is made of.
type ColumnKey = (StatementKind, Period, Currency, ColumnRole);

/// How a column's figures roll up: the months before its last quarter and
/// that quarter, with the numbers of those columns if any filing prints them.
#[derive(Clone, Copy)]
struct RollUp {
    rest: Period,
    last: Period,
    rest_column: Option<u32>,
    last_column: Option<u32>,
}

/// Every printed cell of a company's filings, grouped by [`Key`] in first-seen order.
struct CellIndex {
    keys: Vec<Key>,
    /// Per key: its first place (index into `places`).
    first: Vec<u32>,
    /// Per key: its last place so far.
    last: Vec<u32>,
    /// Every place, each with the next place of the same key (`u32::MAX`: none).
    places: Vec<(Packed, u32)>,
    /// Key number by (column number, row key, occurrence).
    by_key: FxHashMap<(u32, u32, u32), usize>,
    /// Column number by what the column is made of, in first-seen order.
    columns: FxHashMap<ColumnKey, u32>,
}

impl CellIndex {
    fn build(ixs: &[&Indexed<'_>]) -> Self {
        let cells: usize = ixs
            .iter()
            .flat_map(|ix| &ix.filing.statements)
            .map(|st| st.rows.len() * st.columns.len())
            .sum();
        let mut idx = CellIndex {
            keys: Vec::with_capacity(cells),
            first: Vec::with_capacity(cells),
            last: Vec::with_capacity(cells),
            places: Vec::with_capacity(cells),
            by_key: FxHashMap::with_capacity_and_hasher(cells, Default::default()),
            columns: FxHashMap::default(),
        };
        let mut numbers: Vec<u32> = Vec::new();
        for (fi, ix) in ixs.iter().enumerate() {
            for (si, st) in ix.filing.statements.iter().enumerate() {
                numbers.clear();
                for col in &st.columns {
                    let n = idx.columns.len() as u32;
                    let k = (st.kind, col.period, col.currency, col.role);
                    numbers.push(*idx.columns.entry(k).or_insert(n));
                }
                for (ri, row) in st.rows.iter().enumerate() {
                    let row_id = ix.st[si].keys[ri];
                    let occurrence = ix.st[si].key_occ[ri];
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
                            column: numbers[ci],
                        };
                        let n = idx.keys.len();
                        let slot = *idx
                            .by_key
                            .entry((k.column, row_id, occurrence))
                            .or_insert(n);
                        let at = idx.places.len() as u32;
                        idx.places
                            .push(([fi as u32, si as u32, ri as u32, ci as u32], u32::MAX));
                        if slot == n {
                            idx.keys.push(k);
                            idx.first.push(at);
                        } else {
                            idx.places[idx.last[slot] as usize].1 = at;
                            idx.last[slot] = at;
                            continue;
                        }
                        idx.last.push(at);
                    }
                }
            }
        }
        idx
    }

    /// The first place of the figure of `k`'s row in column number `column`.
    fn get(&self, k: &Key, column: Option<u32>) -> Option<Place> {
        let i = *self.by_key.get(&(column?, k.row, k.occurrence))?;
        Some(self.first_place(i))
    }

    /// How the figures of `k`'s column roll up (`None`: they do not: not a
    /// longer period in whole quarters of reported figures).
    fn roll_up(&self, k: &Key) -> Option<RollUp> {
        let months = k.period.months();
        if months <= 3 || !months.is_multiple_of(3) || k.role != ColumnRole::Reported {
            return None;
        }
        let last = Period::months_ending(3, k.period.end());
        let before_end = last.start().and_then(|s| s.pred_opt())?;
        let rest = Period::months_ending(months - 3, before_end);
        let number = |p: Period| self.columns.get(&(k.kind, p, k.currency, k.role)).copied();
        Some(RollUp {
            rest,
            last,
            rest_column: number(rest),
            last_column: number(last),
        })
    }

    /// The first place of key number `i`.
    fn first_place(&self, i: usize) -> Place {
        unpack(self.places[self.first[i] as usize].0)
    }

    /// The places of key number `i`, first seen first.
    fn places(&self, i: usize) -> impl Iterator<Item = Place> + '_ {
        let mut at = self.first[i];
        std::iter::from_fn(move || {
            let (p, next) = *self.places.get(at as usize)?;
            at = next;
            Some(unpack(p))
        })
    }
}

/// Runs the period checks over the filings of one company.
pub(crate) fn run(ixs: &[&Indexed<'_>], out: &mut Out) {
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

/// [`cell_interval`] in fixed point ([`Fix`]).
fn cell_fix(ixs: &[&Indexed<'_>], p: Place) -> Option<Fix> {
    let row = &ixs[p.0].filing.statements[p.1].rows[p.2];
    row.cell(p.3).map_or(Some(Fix::ZERO), |c| Fix::cell(row, c))
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
    tail: Tail,
    at: Place,
    parts: &[Place],
    what: Basis,
    out: &mut Out,
) {
    let ix = ixs[at.0];
    let st = &ix.filing.statements[at.1];
    let row = &st.rows[at.2];
    let Some(path) = counted_fix(out, CheckKind::Period, ix, path(ix, at, tail), || {
        let mut expected = Some(Fix::ZERO);
        for &p in parts {
            expected = expected.and_then(|e| e.plus(cell_fix(ixs, p)?));
        }
        (cell_fix(ixs, at), expected)
    }) else {
        return;
    };
    let mut expected = Interval::zero();
    for &p in parts {
        expected = expected.plus(cell_interval(ixs, p));
    }
    let dp = row.cell(at.3).map_or(0, |c| c.amount.decimals);
    let actual = in_row_unit(row, cell_interval(ixs, at));
    let expected = in_row_unit(row, expected);
    let Some(path) = counted(out, CheckKind::Period, ix, path, &actual, &expected) else {
        return;
    };
    let mut r = cell_result(CheckKind::Period, path, ix, at.1, at.2, at.3);
    judge(
        &mut r,
        ix.subject(at.1, at.2, at.3),
        actual,
        expected,
        dp,
        what,
    );
    out.push_with(r, |cs| {
        cs.reserve_exact(parts.len());
        for &p in parts {
            cs.push(contributor(ixs[p.0], p.1, p.2, p.3, Weight::ONE));
        }
    });
}

/// The id path of a period check on the cell at `at`.
fn path(ix: &Indexed<'_>, at: Place, tail: Tail) -> Path {
    Path::Row {
        statement: ix.filing.statements[at.1].kind,
        row: ix.slug(at.1, at.2),
        column: at.3 as u32,
        tail,
    }
}

/// A figure printed in two filings for the same period agrees.
fn repeated(ixs: &[&Indexed<'_>], idx: &CellIndex, out: &mut Out) {
    for (i, k) in idx.keys.iter().enumerate() {
        let first = idx.first_place(i);
        for p in idx.places(i).skip(1) {
            if p.0 == first.0 || (k.currency == Currency::USD && !same_rate(ixs, p.0, first.0)) {
                continue;
            }
            let other = &ixs[first.0].id;
            let what = Basis::SameFigure(other.clone());
            compare(ixs, Tail::Repeated(other.clone()), p, &[first], what, out);
        }
    }
}

/// The longer period = the months before its last quarter + that quarter.
fn roll_ups(ixs: &[&Indexed<'_>], idx: &CellIndex, out: &mut Out) {
    let rules = &ixs[0].set.compiled;
    // Per column number: how its figures roll up, found once.
    let mut rolls: Vec<Option<Option<RollUp>>> = vec![None; idx.columns.len()];
    for (i, k) in idx.keys.iter().enumerate() {
        let Some(roll) = *rolls[k.column as usize].get_or_insert_with(|| idx.roll_up(k)) else {
            continue;
        };
        if rules.non_additive.contains(&k.row) || ixs[0].set.is_partial(k.kind) {
            continue;
        }
        let at = idx.first_place(i);
        let row = &ixs[at.0].filing.statements[at.1].rows[at.2];
        if row.unit != Unit::Money {
            continue;
        }
        let (rest, last) = (roll.rest, roll.last);
        let find = |column: Option<u32>| idx.get(k, column);
        match (find(roll.rest_column), find(roll.last_column)) {
            (Some(a), Some(b)) => {
                if k.currency == Currency::USD
                    && !(same_rate(ixs, at.0, a.0) && same_rate(ixs, at.0, b.0))
                {
                    continue;
                }
                let what = Basis::RollUp(rest, last);
                compare(ixs, Tail::RollUp, at, &[a, b], what, out);
            }
            (a, _) if k.currency == Currency::RMB => {
                let missing = if a.is_none() { rest } else { last };
                let ix = ixs[at.0];
                let path = path(ix, at, Tail::RollUp);
                let mut r = cell_result(CheckKind::Period, path, ix, at.1, at.2, at.3);
                skip(
                    &mut r,
                    ix.subject(at.1, at.2, at.3),
                    format!("no loaded filing prints {} {}", missing.short(), k.currency),
                );
                out.push(r);
            }
            _ => {}
        }
    }
}

/// One period's ending cash = the next period's beginning cash; periods that
/// start (or end) together have the same beginning (or ending) cash.
fn cash_chain(ixs: &[&Indexed<'_>], idx: &CellIndex, out: &mut Out) {
    let Some(chain) = ixs[0].set.compiled.chain.as_ref() else {
        return;
    };
    let (kind, begin, end) = (chain.statement, chain.begin, chain.end);
    let of = |row: u32| -> Vec<(&Key, Place)> {
        idx.keys
            .iter()
            .enumerate()
            .filter(|(_, k)| k.kind == kind && k.row == row && k.role == ColumnRole::Reported)
            .map(|(i, k)| (k, idx.first_place(i)))
            .collect()
    };
    let begins = of(begin);
    let ends = of(end);
    let mut link = |at: Place, other: Place, tag: &'static str, what: Basis| {
        compare(ixs, Tail::Tag(tag), at, &[other], what, out);
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
            link(*b, *e, "begin-after-end", Basis::EndingCash(ek.period));
        }
        // An earlier-listed period with the same start.
        if let Some((ok, o)) = begins.iter().find(|(ok, o)| {
            ok.currency == bk.currency
                && ok.period != bk.period
                && ok.period.start() == Some(start)
                && ok.period.end() < bk.period.end()
                && usable(*b, *o, bk.currency)
        }) {
            link(*b, *o, "same-start", Basis::BeginningCash(ok.period));
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
            link(*e, *o, "same-end", Basis::EndingCash(ok.period));
        }
    }
}
