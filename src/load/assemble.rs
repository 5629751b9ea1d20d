//! The pipeline from lines to tables: blocks, tables, headers, rows.

use super::block::{self, Block};
use super::context::Ctx;
use super::header::{self, ColSpec};
use super::known::Known;
use super::merge::Table;
use super::rows;
use super::smear;
use super::table::{self, RawTable};
use super::vocab::Company;
use crate::model::{RepairKind, Scale, StatementKind};
use std::collections::HashMap;
use std::sync::Arc;

/// The most common width (last printed value position) of the data lines.
fn width(rt: &RawTable<'_>) -> usize {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for d in &rt.data {
        if d.numbers() > 0 || d.has_multi() {
            *counts.entry(d.width()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(w, n)| (n, w))
        .map_or(0, |(w, _)| w)
}

fn same_columns(a: &[ColSpec], b: &[ColSpec]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.header == y.header && x.period == y.period && x.currency == y.currency)
}

/// Reads every table of the text.
/// `company`: the vocabulary's labels naming the filing's company.
pub fn tables(lines: &[String], company: &Arc<Company>, ctx: &mut Ctx) -> Vec<Table> {
    let blocks = block::find(lines);
    let mut known = Known {
        company: Arc::clone(company),
        ..Known::default()
    };
    let mut out: Vec<Table> = Vec::new();
    let mut last_scale: Option<Scale> = None;
    for (bi, b) in blocks.iter().enumerate() {
        // The previous table of this block (an index into `out`).
        let mut prev: Option<usize> = None;
        for rt in table::split(bi, b, lines) {
            if let Some(mut t) = read_table(b, &rt, prev.map(|p| &out[p]), &mut known, ctx) {
                match (t.scale_stated, last_scale) {
                    (true, _) => last_scale = Some(t.scale),
                    (false, Some(s)) => t.scale = s,
                    _ => {}
                }
                prev = Some(out.len());
                out.push(t);
            }
        }
    }
    out
}

fn read_table(
    b: &Block,
    rt: &RawTable<'_>,
    prev: Option<&Table>,
    known: &mut Known,
    ctx: &mut Ctx,
) -> Option<Table> {
    let w = width(rt);
    if rt.data.is_empty() || w == 0 {
        // A header with no rows inside a statement's block: unreadable.
        if prev.is_some() || b.caption.kind.is_some() {
            for (no, _, _) in &rt.header {
                ctx.warn(*no, "table header line without rows below it, not read");
            }
        }
        return None;
    }
    let caption_period = b.caption.period.as_ref().map(|(t, l)| (t.as_str(), *l));
    let mut h = header::read(&rt.header, w, caption_period);
    let base = b
        .caption
        .kind
        .or_else(|| block::title_kind(&h.label_text))
        .or_else(|| {
            h.label_text
                .to_lowercase()
                .contains("balance sheet")
                .then_some(StatementKind::BalanceSheet)
        })
        .or_else(|| prev.map(|p| p.kind))?;
    let kind = match (base, h.recon) {
        (StatementKind::IncomeStatement, true) => StatementKind::IfrsIncome,
        (StatementKind::BalanceSheet, true) => StatementKind::IfrsBalanceSheet,
        (k, _) => k,
    };
    ctx.kind = Some(kind);
    for mut r in std::mem::take(&mut h.repairs) {
        r.statement = Some(kind);
        ctx.repairs.push(r);
    }
    ctx.warnings.append(&mut h.warnings);
    for &j in &rt.junk {
        ctx.warn(j, "unreadable table line skipped");
    }
    let mut cols = h.cols.clone();
    if let Some(p) = prev.filter(|p| p.kind == kind && rt.continued) {
        let inherit = h.missing_period && p.cols.len() == cols.len();
        if inherit || same_columns(&p.cols, &cols) {
            if inherit {
                for (c, pc) in cols.iter_mut().zip(&p.cols) {
                    c.period = pc.period;
                    c.line = pc.line;
                    if c.header.is_empty() {
                        c.header = pc.header.clone();
                    }
                }
            }
            let lines: Vec<usize> = rt.header.iter().map(|l| l.0).collect();
            ctx.repair(
                RepairKind::ContinuedTable,
                None,
                format!(
                    "the table continues after a page break at line {}; its rows are joined to the table above (line {})",
                    rt.first_line, p.first_line
                ),
                if lines.is_empty() { vec![rt.first_line] } else { lines },
            );
        }
    }
    let rows = if smear::is_smeared(&rt.data) {
        smear::read(&rt.data, w, known, ctx)
    } else {
        rows::read(&rt.data, w, known, ctx)
    };
    known.add(&rows);
    let title = b
        .caption
        .title
        .clone()
        .or_else(|| prev.filter(|p| p.kind == kind).map(|p| p.title.clone()))
        .or_else(|| {
            (!h.label_text.is_empty())
                .then(|| (clean_title(&h.label_text), h.label_line.max(rt.first_line)))
        })
        .unwrap_or_else(|| (kind.title().to_string(), rt.first_line));
    let stated = b
        .caption
        .scale
        .or(h.scale)
        .or_else(|| prev.map(|p| p.scale));
    let scale = stated.unwrap_or(Scale::Units);
    Some(Table {
        kind,
        title,
        scale,
        scale_stated: stated.is_some(),
        cols,
        rows,
        first_line: rt.first_line,
        header_lines: rt.header.iter().map(|l| l.0).collect(),
        recon: h.recon,
    })
}

/// The title printed in a reconciliation header's label column (its last
/// readable statement name).
fn clean_title(text: &str) -> String {
    let t = super::clean::label(text);
    let lower = t.to_lowercase();
    for name in ["statement of operations", "balance sheet"] {
        if let Some(p) = lower.rfind(name) {
            let start = lower[..p].rfind("condensed consolidated").unwrap_or(p);
            return t[start..p + name.len()].to_string();
        }
    }
    t.into_owned()
}
