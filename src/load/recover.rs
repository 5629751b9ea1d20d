//! Cross-filing repairs: labels lost in one filing recovered from the same
//! statement of another loaded filing of the same company (same ticker or
//! name) when the structures match (the same number of valued rows, in the
//! same order). Numbers play no part.

use super::structure;
use crate::model::{Filing, LabelOrigin, Repair, RepairKind, Row, RowKind, Statement};

/// Recovers lost labels across `filings`.
pub fn labels(filings: &mut [Filing]) {
    for i in 0..filings.len() {
        for s in 0..filings[i].statements.len() {
            let st = &filings[i].statements[s];
            if !st.rows.iter().any(|r| r.origin == LabelOrigin::Missing) {
                continue;
            }
            // Only the same company's other filings: another company's
            // statement of the same shape is no evidence of these labels.
            let me = &filings[i];
            let same = |f: &Filing| {
                (!me.ticker.is_empty() && f.ticker == me.ticker)
                    || (!me.company.is_empty() && f.company == me.company)
            };
            let candidates = filings
                .iter()
                .enumerate()
                .filter(|&(j, f)| j != i && same(f));
            let reference = candidates.into_iter().find_map(|(_, f)| {
                let t = f.statement(st.kind)?;
                matches(st, t).then(|| (f.id.clone(), t.clone()))
            });
            if let Some((from, t)) = reference {
                let f = &mut filings[i];
                let repairs = recover(&mut f.statements[s], &t, &from);
                let kind = f.statements[s].kind;
                f.repairs
                    .retain(|r| !(r.kind == RepairKind::UnlabeledRow && r.statement == Some(kind)));
                f.repairs.extend(repairs);
            }
        }
    }
}

fn valued(st: &Statement) -> Vec<&Row> {
    st.rows
        .iter()
        .filter(|r| r.cells.iter().any(Option::is_some))
        .collect()
}

/// Whether `t` can lend its labels to `st`: every valued row of `st` lost
/// its label, `t` has the same number of valued rows, all labelled.
fn matches(st: &Statement, t: &Statement) -> bool {
    let a = valued(st);
    let b = valued(t);
    !a.is_empty()
        && a.len() == b.len()
        && a.iter().all(|r| r.origin == LabelOrigin::Missing)
        && b.iter()
            .all(|r| r.origin != LabelOrigin::Missing && !r.label.is_empty())
}

fn recover(st: &mut Statement, t: &Statement, from: &str) -> Vec<Repair> {
    let mut lost: Vec<Row> = st
        .rows
        .drain(..)
        .filter(|r| r.cells.iter().any(Option::is_some))
        .collect();
    lost.reverse();
    let ncols = st.columns.len();
    let mut rows = Vec::with_capacity(t.rows.len());
    let mut repairs = Vec::new();
    let mut pending_headers: Vec<usize> = Vec::new();
    for r in &t.rows {
        let origin = LabelOrigin::Recovered {
            from: from.to_string(),
        };
        if r.kind == RowKind::Header || !r.cells.iter().any(Option::is_some) {
            pending_headers.push(rows.len());
            rows.push(Row {
                label: r.label.clone(),
                origin,
                section: r.section.clone(),
                parent: None,
                depth: r.depth,
                kind: RowKind::Header,
                unit: r.unit,
                scale: st.scale,
                cells: vec![None; ncols],
                line: 0,
            });
            continue;
        }
        let Some(mut row) = lost.pop() else { break };
        for h in pending_headers.drain(..) {
            rows[h].line = row.line;
        }
        let lines: Vec<usize> = {
            let mut l: Vec<usize> = row.cells.iter().flatten().map(|c| c.line).collect();
            l.dedup();
            l
        };
        repairs.push(Repair {
            kind: RepairKind::RecoveredLabel,
            statement: Some(st.kind),
            label: Some(r.label.clone()),
            description: format!(
                "label lost in extraction; recovered as \"{}\" from the same statement of {from}, which prints the same number of valued rows in the same order",
                r.label
            ),
            lines,
        });
        row.label = r.label.clone();
        row.origin = origin;
        row.section = r.section.clone();
        row.depth = r.depth;
        rows.push(row);
    }
    st.rows = rows;
    structure::apply(st);
    repairs
}
