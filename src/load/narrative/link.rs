//! Linking narrative subjects to statement rows: by normal form, by the
//! configured prefix/suffix variants, by metric, then by alias
//! (assets/narrative.toml). Never by value. When a label repeats ("Other
//! services fees" under two revenue headings), the text's paragraph order
//! decides: the first such row after the row the previous subject linked to.

use super::aliases::{ALIASES, Alias, Table};
use crate::model::{Filing, RowKind, RowRef, Statement, StatementKind, Unit};
use std::collections::HashMap;

/// Links every fact of `filing` and every claim part row to its row.
pub fn link(filing: &mut Filing) {
    let table = &*ALIASES;
    let order = table.statement_order();
    let mut cursor: HashMap<StatementKind, usize> = HashMap::new();
    let mut cache: HashMap<(usize, String), Option<RowRef>> = HashMap::new();
    let mut refs = Vec::with_capacity(filing.facts.len());
    for fact in &filing.facts {
        let key = (fact.line, fact.subject.clone());
        let r = match cache.get(&key) {
            Some(r) => r.clone(),
            None => {
                let r = resolve(
                    table,
                    &filing.statements,
                    &order,
                    &fact.subject,
                    fact.quantity.unit,
                    &mut cursor,
                );
                cache.insert(key, r.clone());
                r
            }
        };
        refs.push(r);
    }
    for (fact, r) in filing.facts.iter_mut().zip(refs) {
        fact.row = r;
    }
    for claim in &mut filing.claims {
        for part in &mut claim.part_rows {
            if let Some(r) = resolve_label(
                table,
                &filing.statements,
                &order,
                part.statement,
                &part.label,
            ) {
                *part = r;
            }
        }
    }
}

/// The row a subject denotes.
fn resolve(
    table: &Table,
    statements: &[Statement],
    order: &[StatementKind],
    subject: &str,
    unit: Unit,
    cursor: &mut HashMap<StatementKind, usize>,
) -> Option<RowRef> {
    let variants = table.variants(subject);
    let by_kind = |kind: StatementKind| statements.iter().find(|s| s.kind == kind);
    // 1. Same normal form (then a variant), statements in order.
    for v in &variants {
        for &kind in order {
            let Some(st) = by_kind(kind) else { continue };
            let cands: Vec<usize> = st
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind != RowKind::Header && table.key(&r.label) == *v)
                .map(|(i, _)| i)
                .collect();
            if let Some(r) = pick(st, &cands, unit, cursor) {
                return Some(r);
            }
        }
    }
    // 2. A key operating metric.
    if let Some(m) = table.metric_for(subject)
        && let Some(st) = by_kind(StatementKind::Metrics)
    {
        let label = table.key(&table.metric[m].label);
        let cands: Vec<usize> = st
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| table.key(&r.label) == label)
            .map(|(i, _)| i)
            .collect();
        if let Some(r) = pick(st, &cands, unit, cursor) {
            return Some(r);
        }
    }
    // 3. An alias.
    let key = table.key(subject);
    for alias in table
        .alias
        .iter()
        .filter(|a| table.matches(&key, &a.subjects, &a.contains))
    {
        let Some(st) = alias.statement.parse().ok().and_then(by_kind) else {
            continue;
        };
        let cands: Vec<usize> = (0..st.rows.len())
            .filter(|&i| alias_targets(table, alias, st, i))
            .collect();
        if let Some(r) = pick(st, &cands, unit, cursor) {
            return Some(r);
        }
    }
    None
}

/// Whether row `i` of `st` is the alias's target.
fn alias_targets(table: &Table, alias: &Alias, st: &Statement, i: usize) -> bool {
    let row = &st.rows[i];
    if row.kind == RowKind::Header {
        return false;
    }
    let label = table.key(&row.label);
    let label_ok = match (&alias.label, &alias.label_prefix) {
        (Some(l), _) => label == table.key(l),
        (None, Some(p)) => {
            let p = table.key(p);
            label == p || label.starts_with(&format!("{p} "))
        }
        (None, None) => false,
    };
    label_ok
        && alias.section_contains.as_ref().is_none_or(|s| {
            let s = table.key(s);
            context(st, i).iter().any(|c| table.key(c).contains(&s))
        })
}

/// The headings a row sits under: its section and the nearest header row above.
fn context(st: &Statement, i: usize) -> Vec<String> {
    let row = &st.rows[i];
    let mut out: Vec<String> = row.section.iter().cloned().collect();
    if let Some(p) = row.parent.and_then(|p| st.rows.get(p)) {
        out.push(p.label.clone());
    }
    if let Some(h) = st.rows[..i]
        .iter()
        .rev()
        .find(|r| r.kind == RowKind::Header)
    {
        out.push(h.label.clone());
    }
    out
}

/// Among candidate rows, the one the text's order points to: the first after
/// the statement's cursor, else the first; rows of the fact's unit preferred.
fn pick(
    st: &Statement,
    cands: &[usize],
    unit: Unit,
    cursor: &mut HashMap<StatementKind, usize>,
) -> Option<RowRef> {
    if cands.is_empty() {
        return None;
    }
    let same_unit: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&i| st.rows[i].unit == unit)
        .collect();
    let cands = if same_unit.is_empty() {
        cands
    } else {
        &same_unit
    };
    let after = cursor.get(&st.kind).copied();
    let i = after
        .and_then(|c| cands.iter().copied().find(|&i| i > c))
        .unwrap_or(cands[0]);
    cursor.insert(st.kind, i);
    Some(RowRef {
        statement: st.kind,
        label: st.rows[i].label.clone(),
        row: Some(i),
    })
}

/// The row a quoted label names ("Restricted cash"), preferring `preferred`.
fn resolve_label(
    table: &Table,
    statements: &[Statement],
    order: &[StatementKind],
    preferred: StatementKind,
    label: &str,
) -> Option<RowRef> {
    let key = table.key(label);
    std::iter::once(preferred)
        .chain(order.iter().copied())
        .filter_map(|k| statements.iter().find(|s| s.kind == k))
        .find_map(|st| {
            let i = st
                .rows
                .iter()
                .position(|r| r.kind != RowKind::Header && table.key(&r.label) == key)?;
            Some(RowRef {
                statement: st.kind,
                label: st.rows[i].label.clone(),
                row: Some(i),
            })
        })
}
