//! Periods the printed headers lost: a header reconstructed from the
//! filing's other statements (or its quarter), a reconciliation's caption
//! inferred from the statement its U.S. GAAP column ties to.

use super::clean::letters;
use super::context::Ctx;
use super::merge::Table;
use crate::model::{ColumnRole, Currency, Period, Quarter, RepairKind, Statement, StatementKind};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

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
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m as usize).saturating_sub(1).min(11)]
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
    for i in 0..tables.len() {
        let t = &tables[i];
        if t.recon || !t.cols.iter().any(|c| c.period.is_none()) {
            continue;
        }
        let years: Vec<Option<i32>> = t.cols.iter().map(|c| c.year).collect();
        if years.iter().any(Option::is_none) {
            continue;
        }
        let used: Vec<u32> = tables
            .iter()
            .filter(|o| o.kind == t.kind)
            .flat_map(|o| o.cols.iter().filter_map(|c| c.period.map(|p| p.months())))
            .collect();
        // (months, month, day, source)
        let mut found: Option<(u32, u32, u32, String)> = None;
        'refs: for o in tables.iter().filter(|o| !o.recon && o.kind != t.kind) {
            let mut groups: HashMap<usize, Vec<&super::header::ColSpec>> = HashMap::new();
            for c in &o.cols {
                groups.entry(c.group).or_default().push(c);
            }
            let mut keys: Vec<usize> = groups.keys().copied().collect();
            keys.sort_unstable();
            for g in keys {
                let cols = &groups[&g];
                let ys: Vec<Option<i32>> = cols.iter().map(|c| c.year).collect();
                if ys != years {
                    continue;
                }
                if let Some(p) = cols[0].period
                    && p.months() > 0
                    && !used.contains(&p.months())
                {
                    let e = p.end();
                    found = Some((
                        p.months(),
                        e.month(),
                        e.day(),
                        format!("the {} header", o.kind),
                    ));
                    break 'refs;
                }
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
        let mine: Vec<(String, rust_decimal::Decimal)> = t
            .rows
            .iter()
            .filter_map(|r| Some((letters(&r.label), r.cells.get(u)?.as_ref()?.amount.value)))
            .collect();
        let mut best: Option<(usize, Period, String, usize)> = None;
        for o in tables.iter().filter(|o| o.kind == base && !o.recon) {
            let index: HashMap<String, &super::rows::RawRow> = o
                .rows
                .iter()
                .rev()
                .map(|r| (letters(&r.label), r))
                .collect();
            for (c, col) in o.cols.iter().enumerate() {
                let Some(period) = col.period else { continue };
                if col.currency != Currency::RMB {
                    continue;
                }
                let (mut hit, mut miss) = (0, 0);
                for (l, v) in &mine {
                    if let Some(Some(cell)) =
                        index.get(l).map(|r| r.cells.get(c).cloned().flatten())
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
