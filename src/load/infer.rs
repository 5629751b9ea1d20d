//! Periods the printed headers lost: a header reconstructed from the
//! filing's other statements (or its quarter), a reconciliation's caption
//! inferred from the statement its U.S. GAAP column ties to.

use super::context::Ctx;
use super::merge::Table;
use crate::model::{ColumnRole, Currency, Period, Quarter, RepairKind, Statement, StatementKind};
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};

/// Fills in the periods of columns whose headers were lost.
pub fn periods(tables: &mut [Table], quarter: Option<Quarter>, ctx: &mut Ctx) {
    recover_headers(tables, quarter, ctx);
    infer_captions(tables, ctx);
    for t in tables.iter() {
        if t.cols.iter().any(|c| c.period.is_none()) {
            ctx.warnings.push(crate::model::LoadWarning {
                line: Some(t.first_line),
                message: format!(
                    "the period of the {} table at line {} could not be determined",
                    t.kind, t.first_line
                ),
            });
        }
    }
}

fn month_name(m: u32) -> &'static str {
    super::scan::MONTH_NAMES[(m as usize).saturating_sub(1).min(11)]
}

fn duration_words(m: u32) -> String {
    match m {
        3 => "Three".into(),
        6 => "Six".into(),
        9 => "Nine".into(),
        12 => "Twelve".into(),
        n => n.to_string(),
    }
}

/// Period tables whose header lost the period phrase: the phrase is taken
/// from another statement of the filing printing the same years (a period
/// length not already printed for this statement), else the filing's quarter.
fn recover_headers(tables: &mut [Table], quarter: Option<Quarter>, ctx: &mut Ctx) {
    // Period lengths printed per statement kind, with how many columns
    // print each (kept up to date as headers are recovered, so each table
    // sees the lengths as the tables before it left them).
    let mut used: HashMap<(StatementKind, u32), usize> = HashMap::new();
    for t in tables.iter() {
        for p in t.cols.iter().filter_map(|c| c.period) {
            *used.entry((t.kind, p.months())).or_default() += 1;
        }
    }
    // Period groups a lost header may be read from, by the years they
    // print: (table, first column of the group), in table then group order.
    // Kinds, groups and years never change here; periods are read live.
    let mut refs: HashMap<Vec<Option<i32>>, Vec<(usize, usize)>> = HashMap::new();
    for (o, t) in tables.iter().enumerate().filter(|(_, t)| !t.recon) {
        let mut groups: std::collections::BTreeMap<usize, (Vec<Option<i32>>, usize)> =
            std::collections::BTreeMap::new();
        for (c, col) in t.cols.iter().enumerate() {
            groups
                .entry(col.group)
                .or_insert((Vec::new(), c))
                .0
                .push(col.year);
        }
        for (ys, c0) in groups.into_values() {
            refs.entry(ys).or_default().push((o, c0));
        }
    }
    for i in 0..tables.len() {
        let t = &tables[i];
        if t.recon || !t.cols.iter().any(|c| c.period.is_none()) {
            continue;
        }
        let years: Vec<Option<i32>> = t.cols.iter().map(|c| c.year).collect();
        if years.iter().any(Option::is_none) {
            continue;
        }
        let is_used = |m: u32| used.get(&(t.kind, m)).is_some_and(|&n| n > 0);
        // (months, month, day, source)
        let mut found: Option<(u32, u32, u32, String)> = None;
        for &(o, c0) in refs.get(&years).into_iter().flatten() {
            let o = &tables[o];
            if o.kind == t.kind {
                continue;
            }
            if let Some(p) = o.cols[c0].period
                && p.months() > 0
                && !is_used(p.months())
            {
                let e = p.end();
                found = Some((
                    p.months(),
                    e.month(),
                    e.day(),
                    format!("the {} header", o.kind),
                ));
                break;
            }
        }
        if found.is_none()
            && let Some(q) = quarter
        {
            let e = q.end();
            found = Some((3, e.month(), e.day(), format!("the filing's quarter ({q})")));
        }
        let Some((months, month, day, source)) = found else {
            continue;
        };
        let phrase = format!(
            "{} months ended {} {day},",
            duration_words(months),
            month_name(month)
        );
        let t = &mut tables[i];
        for c in t.cols.iter_mut() {
            let y = c.year.unwrap_or(0);
            if let Some(end) = NaiveDate::from_ymd_opt(y, month, day) {
                if let Some(old) = c.period
                    && let Some(n) = used.get_mut(&(t.kind, old.months()))
                {
                    *n -= 1;
                }
                *used.entry((t.kind, months)).or_default() += 1;
                c.period = Some(Period::months_ending(months, end));
                c.header = format!("{phrase} {y} {}", c.currency);
            }
        }
        ctx.repairs.push(crate::model::Repair {
            kind: RepairKind::RecoveredHeader,
            statement: Some(t.kind),
            label: None,
            description: format!(
                "the header above line {} lost its period (only the years and currencies were printed); read as \"{phrase}\" from {source}",
                t.first_line
            ),
            lines: t.header_lines.clone(),
        });
    }
}

/// Reconciliation tables printed without a period caption: the period is
/// the one of the statement column their U.S. GAAP column ties to.
fn infer_captions(tables: &mut [Table], ctx: &mut Ctx) {
    // The base statement tables a caption may be inferred from, read once.
    let mut bases: HashMap<StatementKind, Vec<BaseIndex>> = HashMap::new();
    for i in 0..tables.len() {
        let t = &tables[i];
        if !t.recon || !t.cols.iter().any(|c| c.period.is_none()) {
            continue;
        }
        let base = match t.kind {
            StatementKind::IfrsIncome => StatementKind::IncomeStatement,
            StatementKind::IfrsBalanceSheet => StatementKind::BalanceSheet,
            _ => continue,
        };
        let Some(u) = t.cols.iter().position(|c| c.role == ColumnRole::UsGaap) else {
            continue;
        };
        let mine: Vec<(&str, rust_decimal::Decimal)> = t
            .rows
            .iter()
            .filter_map(|r| Some((r.key.as_str(), r.cells.get(u)?.as_ref()?.amount.value)))
            .collect();
        let mut best: Option<(usize, Period, String, usize)> = None;
        let refs = bases
            .entry(base)
            .or_insert_with(|| distinct_bases(tables, base));
        for (o, index) in refs.iter().map(|(o, index)| (&tables[*o], index)) {
            for (c, col) in o.cols.iter().enumerate() {
                let Some(period) = col.period else { continue };
                if col.currency != Currency::RMB {
                    continue;
                }
                let (mut hit, mut miss) = (0, 0);
                for (l, v) in &mine {
                    if let Some(Some(cell)) = index
                        .get(*l)
                        .map(|&r| o.rows[r].cells.get(c).and_then(Option::as_ref))
                    {
                        if cell.amount.value == *v {
                            hit += 1;
                        } else {
                            miss += 1;
                        }
                    }
                }
                if miss == 0 && hit >= 2 && best.as_ref().is_none_or(|b| hit > b.0) {
                    best = Some((hit, period, col.header.clone(), o.first_line));
                }
            }
        }
        let Some((hits, period, header, line)) = best else {
            continue;
        };
        let t = &mut tables[i];
        for c in t.cols.iter_mut() {
            c.period = Some(period);
        }
        ctx.repairs.push(crate::model::Repair {
            kind: RepairKind::InferredCaption,
            statement: Some(t.kind),
            label: None,
            description: format!(
                "the table at line {} was printed without its caption; its U.S. GAAP column equals the \"{header}\" column of the {base} (line {line}) on all {hits} rows they share, so it covers {}",
                t.first_line,
                period_words(period)
            ),
            lines: t.header_lines.clone(),
        });
    }
}

/// A base table (by index) and its rows by letters form (the first row of
/// each label).
type BaseIndex = (usize, HashMap<String, usize>);

/// The non-reconciliation tables of `kind`, each with its row index; a table
/// printing exactly what an earlier one printed (columns and rows, as
/// [`print_key`] writes them) is left out: it cannot tie better than the
/// earlier one, which wins ties.
fn distinct_bases(tables: &[Table], kind: StatementKind) -> Vec<BaseIndex> {
    let of_kind = || {
        tables
            .iter()
            .enumerate()
            .filter(|(_, o)| o.kind == kind && !o.recon)
    };
    // Without separators in labels and headers the printed key reads back
    // into its parts: keys are equal exactly when the parts are.
    let plain = |s: &str| !s.contains(['|', ';', '\n']);
    let by_parts = of_kind().all(|(_, o)| {
        o.cols.iter().all(|c| plain(&c.header)) && o.rows.iter().all(|r| plain(&r.label))
    });
    let mut seen: HashSet<String> = HashSet::new();
    let mut out: Vec<BaseIndex> = Vec::new();
    for (i, o) in of_kind() {
        let repeated = if by_parts {
            out.iter().any(|(e, _)| same_print(&tables[*e], o))
        } else {
            !seen.insert(print_key(o))
        };
        if repeated {
            continue;
        }
        let index: HashMap<String, usize> = o
            .rows
            .iter()
            .enumerate()
            .rev()
            .map(|(k, r)| (r.key.clone(), k))
            .collect();
        out.push((i, index));
    }
    out
}

/// What a table prints, as one key: columns (period, header, currency),
/// then each row's label and values.
fn print_key(o: &Table) -> String {
    let mut key = String::new();
    for c in &o.cols {
        key.push_str(&format!("{:?}|{}|{:?};", c.period, c.header, c.currency));
    }
    for r in &o.rows {
        key.push_str(&format!("\n{}", r.label));
        for c in &r.cells {
            key.push_str(&format!("|{:?}", c.as_ref().map(|c| c.amount.value)));
        }
    }
    key
}

/// Whether two tables have the same parts of [`print_key`]: columns,
/// labels and values (a value printed the same: same digits, scale and
/// sign).
fn same_print(a: &Table, b: &Table) -> bool {
    let value = |c: &Option<crate::model::Cell>| c.as_ref().map(|c| c.amount.value.serialize());
    a.cols.len() == b.cols.len()
        && a.cols
            .iter()
            .zip(&b.cols)
            .all(|(x, y)| x.period == y.period && x.header == y.header && x.currency == y.currency)
        && a.rows.len() == b.rows.len()
        && a.rows.iter().zip(&b.rows).all(|(x, y)| {
            x.label == y.label
                && x.cells.len() == y.cells.len()
                && x.cells
                    .iter()
                    .zip(&y.cells)
                    .all(|(p, q)| value(p) == value(q))
        })
}

fn period_words(p: Period) -> String {
    let e = p.end();
    match p.months() {
        0 => format!("{} {}, {}", month_name(e.month()), e.day(), e.year()),
        m => format!(
            "the {} months ended {} {}, {}",
            duration_words(m).to_lowercase(),
            month_name(e.month()),
            e.day(),
            e.year()
        ),
    }
}

/// The quarter a filing reports, from its latest three-month column.
pub fn quarter_of(statements: &[Statement]) -> Quarter {
    let end = statements
        .iter()
        .flat_map(|s| &s.columns)
        .filter_map(|c| match c.period {
            Period::Duration { .. } if c.period.months() == 3 => Some(c.period.end()),
            _ => None,
        })
        .max()
        .or_else(|| {
            statements
                .iter()
                .flat_map(|s| &s.columns)
                .map(|c| c.period.end())
                .max()
        });
    match end {
        Some(d) => Quarter {
            year: d.year(),
            quarter: ((d.month() - 1) / 3 + 1) as u8,
        },
        None => Quarter {
            year: 1970,
            quarter: 1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::header::ColSpec;
    use crate::load::rows::RawRow;
    use crate::model::{Amount, Cell, LabelOrigin, Scale};
    use rust_decimal::Decimal;

    fn table(label: &str, values: &[Option<(i64, u32, bool)>]) -> Table {
        let cell = |&(m, scale, neg): &(i64, u32, bool)| {
            let mut value = Decimal::new(m, scale);
            value.set_sign_negative(neg);
            Cell {
                amount: Amount::new(value, scale),
                raw: String::new(),
                line: 1,
            }
        };
        Table {
            kind: StatementKind::IncomeStatement,
            title: (String::new(), 1),
            scale: Scale::Thousands,
            scale_stated: true,
            cols: vec![ColSpec {
                header: "2024 RMB".into(),
                period: None,
                currency: Currency::RMB,
                role: ColumnRole::Reported,
                line: 1,
                group: 0,
                year: Some(2024),
            }],
            rows: vec![RawRow {
                label: label.into(),
                key: String::new(),
                origin: LabelOrigin::Printed,
                line: 2,
                cells: values.iter().map(|v| v.as_ref().map(cell)).collect(),
                bold: false,
                heading: false,
                percent: false,
            }],
            first_line: 1,
            header_lines: vec![1],
            recon: false,
        }
    }

    #[test]
    fn same_print_is_equal_print_keys() {
        let tables = [
            table("Revenues", &[Some((10, 1, false))]),
            table("Revenues", &[Some((100, 2, false))]),
            table("Revenues", &[Some((1, 0, false))]),
            table("Revenues", &[Some((0, 0, true))]),
            table("Revenues", &[Some((0, 0, false))]),
            table("Revenues", &[None]),
            table("Revenues", &[]),
            table("Revenues", &[None, None]),
            table("Costs", &[Some((10, 1, false))]),
        ];
        for a in &tables {
            for b in &tables {
                assert_eq!(same_print(a, b), print_key(a) == print_key(b));
            }
        }
        assert!(same_print(
            &tables[0],
            &table("Revenues", &[Some((10, 1, false))])
        ));
    }
}
