//! Rows smeared cumulatively by extraction: each line repeats the labels and
//! values of the lines before it and adds more. The rows are rebuilt from the
//! most complete line: its label run is split at the labels already known
//! (the same statement's other table, the vocabulary) and each cell is read
//! as one column's values in row order (percentage rows only where the
//! column has percentages).

use super::clean::letters;
use super::context::Ctx;
use super::known::{Known, segment};
use super::line::{DataLine, Val};
use super::number;
use super::rows::{self, RawRow};
use crate::model::{Cell, LabelOrigin, RepairKind};
use std::collections::HashSet;

/// Lines holding several values per cell needed to call a table smeared.
const MIN_SMEARED_LINES: usize = 3;
/// Label runs longer than this are not split.
const MAX_RUN: usize = 4000;

/// Whether a table's lines are smeared.
pub fn is_smeared(data: &[DataLine<'_>]) -> bool {
    data.iter().filter(|d| d.has_multi()).count() >= MIN_SMEARED_LINES
}

/// The tokens of a value position.
fn tokens<'v>(v: &'v Val<'_>) -> &'v [std::borrow::Cow<'v, str>] {
    match v {
        Val::Multi(t) => t,
        Val::Num { raw, .. } | Val::Bad(raw) => std::slice::from_ref(raw),
        _ => &[],
    }
}

/// Reads a smeared table.
pub fn read(data: &[DataLine<'_>], width: usize, known: &Known, ctx: &mut Ctx) -> Vec<RawRow> {
    let best = data
        .iter()
        .enumerate()
        .filter(|(_, d)| d.label.len() <= MAX_RUN)
        .max_by_key(|(_, d)| d.vals.iter().map(|v| tokens(v).len()).sum::<usize>())
        .map(|(i, _)| i);
    let Some(best) = best else {
        return rows::read(data, width, known, ctx);
    };
    let b = &data[best];
    let Some(segs) = segment(&b.label, known) else {
        ctx.warn(
            b.no,
            "smeared lines: the label run of the most complete line matches no known labels",
        );
        return rows::read(data, width, known, ctx);
    };
    // Each label's letters form, read once.
    let keys: Vec<String> = segs.iter().map(|s| letters(s)).collect();
    let in_best: HashSet<&str> = keys.iter().map(String::as_str).collect();
    let start = data
        .iter()
        .position(|d| {
            d.has_multi()
                || (d.label.is_empty() && d.numbers() > 0)
                || segment(&d.label, known).is_some_and(|s| {
                    s.len() >= 2
                        || s.first()
                            .is_some_and(|x| in_best.contains(letters(x).as_str()))
                })
        })
        .unwrap_or(0);
    let mut out = rows::read(&data[..start], width, known, ctx);
    let region: Vec<usize> = data[start..].iter().map(|d| d.no).collect();
    let is_heading = |k: &str| {
        known.headings.contains(k)
            || super::vocab::Vocab::get().is_heading_key(k, Some(&known.company))
    };
    let percent: Vec<bool> = segs
        .iter()
        .zip(&keys)
        .map(|(s, k)| known.percent.contains(k) || super::clean::lower_contains(s, "margin"))
        .collect();
    let valued: Vec<usize> = (0..segs.len()).filter(|&i| !is_heading(&keys[i])).collect();
    let mut cells: Vec<Vec<Option<Cell>>> = vec![vec![None; width]; segs.len()];
    for (c, val) in b.vals.iter().enumerate().take(width) {
        let toks = tokens(val);
        let mut ti = 0;
        let mut cut: Vec<&str> = Vec::new();
        for &r in &valued {
            let pct_row = percent[r];
            let Some(tok) = toks.get(ti) else {
                if !pct_row {
                    cut.push(&segs[r]);
                }
                continue;
            };
            let pct_tok = tok.ends_with('%');
            if pct_row && !pct_tok {
                continue;
            }
            ti += 1;
            match number::number(tok) {
                Some((amount, _)) if pct_tok == pct_row => {
                    cells[r][c] = Some(Cell {
                        amount,
                        raw: tok.to_string(),
                        line: b.no,
                    })
                }
                _ => ctx.warn(
                    b.no,
                    format!(
                        "smeared value \"{tok}\" for \"{}\" in column {} not read",
                        segs[r],
                        c + 1
                    ),
                ),
            }
        }
        if !cut.is_empty() {
            ctx.warn(
                b.no,
                format!(
                    "smeared line: column {} ends early; no value for {}",
                    c + 1,
                    cut.iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        if ti < toks.len() {
            ctx.warn(
                b.no,
                format!(
                    "smeared line: extra values \"{}\" in column {}",
                    toks[ti..].join(" "),
                    c + 1
                ),
            );
        }
    }
    ctx.repair(
        RepairKind::SplitMergedRow,
        None,
        format!(
            "lines {}-{} repeat the rows before them cumulatively (extraction smear); {} rows rebuilt from the most complete line {}, its labels split at known labels and each cell read as one column's values in row order",
            region.first().copied().unwrap_or(b.no),
            region.last().copied().unwrap_or(b.no),
            valued.len(),
            b.no
        ),
        region,
    );
    for (r, (label, key)) in segs.into_iter().zip(keys).enumerate() {
        let heading = !valued.contains(&r);
        out.push(RawRow {
            label,
            key,
            origin: LabelOrigin::Split,
            line: b.no,
            cells: if heading {
                Vec::new()
            } else {
                std::mem::take(&mut cells[r])
            },
            bold: false,
            heading,
            percent: percent[r],
        });
    }
    out
}
