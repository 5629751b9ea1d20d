//! Stage 5: tables of one kind merged into one statement: columns in printed
//! order (a continued table reuses its columns), rows aligned by
//! (section, label, occurrence).

use super::header::ColSpec;
use super::rows::RawRow;
use super::structure;
use super::vocab::Company;
use crate::model::{Column, Period, Row, RowKind, Scale, Statement, StatementKind, Unit};
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use std::collections::hash_map::Entry;

/// One table, read and ready to merge.
#[derive(Clone, Debug)]
pub struct Table {
    /// Statement kind.
    pub kind: StatementKind,
    /// Title as printed, and its line.
    pub title: (String, usize),
    /// Scale of monetary amounts.
    pub scale: Scale,
    /// Whether the scale was stated (else taken from the tables before).
    pub scale_stated: bool,
    /// Columns.
    pub cols: Vec<ColSpec>,
    /// Rows.
    pub rows: Vec<RawRow>,
    /// First source line of the table.
    pub first_line: usize,
    /// Source lines of the table's header.
    pub header_lines: Vec<usize>,
    /// Whether the columns are reconciliation columns.
    pub recon: bool,
}

/// A placeholder period for a column whose period could not be read
/// (the loader warns about it).
fn unknown_period() -> Period {
    Period::instant(NaiveDate::MIN)
}

/// Merges the tables of one kind (in printed order) into a statement.
pub fn statement(tables: Vec<Table>, company: Option<&Company>) -> Statement {
    let (kind, title, scale) = (tables[0].kind, tables[0].title.clone(), tables[0].scale);
    let secs: Vec<structure::Sections> = tables
        .iter()
        .map(|t| structure::sections(&t.rows, company))
        .collect();
    // First pass, on borrowed keys: the statement row of every table row
    // (rows aligned by section, label and occurrence; ids in order of
    // first appearance) and the printed order of the statement rows: a
    // linked list over row ids (a row first seen in a later table goes
    // right after the row above it there).
    let mut next: Vec<Option<usize>> = Vec::new();
    let mut head: Option<usize> = None;
    let mut tail: Option<usize> = None;
    let mut ids: Vec<Vec<usize>> = Vec::with_capacity(tables.len());
    {
        let mut index: HashMap<(Option<&str>, &str, usize), usize> = HashMap::default();
        for (t, sec) in tables.iter().zip(&secs) {
            let mut seen: HashMap<(Option<&str>, &str), usize> = HashMap::default();
            let mut last_id: Option<usize> = None;
            let mut of_table = Vec::with_capacity(t.rows.len());
            for (i, r) in t.rows.iter().enumerate() {
                let section = sec.name(i);
                let occ = seen.entry((section, r.key.as_str())).or_insert(0);
                let key = (section, r.key.as_str(), *occ);
                *occ += 1;
                let id = match index.entry(key) {
                    Entry::Occupied(e) => *e.get(),
                    Entry::Vacant(e) => {
                        let id = next.len();
                        e.insert(id);
                        next.push(None);
                        match last_id.filter(|&l| Some(l) != tail) {
                            Some(l) => {
                                next[id] = next[l];
                                next[l] = Some(id);
                            }
                            None => {
                                match tail {
                                    Some(t) => next[t] = Some(id),
                                    None => head = Some(id),
                                }
                                tail = Some(id);
                            }
                        }
                        id
                    }
                };
                last_id = Some(id);
                of_table.push(id);
            }
            ids.push(of_table);
        }
    }
    // Second pass: rows moved into the statement (a row is made from its
    // first appearance), cells merged by column.
    let mut columns: Vec<Column> = Vec::new();
    let mut store: Vec<Row> = Vec::with_capacity(next.len());
    // Letters form of each stored row's label.
    let mut keys: Vec<String> = Vec::with_capacity(next.len());
    for ((t, sec), of_table) in tables.into_iter().zip(secs).zip(ids) {
        let colmap: Vec<usize> = t
            .cols
            .iter()
            .map(|c| {
                let period = c.period.unwrap_or_else(unknown_period);
                match columns.iter().position(|x| {
                    x.header == c.header
                        && x.period == period
                        && x.currency == c.currency
                        && x.role == c.role
                }) {
                    Some(p) => p,
                    None => {
                        columns.push(Column {
                            header: c.header.clone(),
                            period,
                            currency: c.currency,
                            role: c.role,
                            line: c.line,
                        });
                        columns.len() - 1
                    }
                }
            })
            .collect();
        for ((i, r), id) in t.rows.into_iter().enumerate().zip(of_table) {
            if id == store.len() {
                keys.push(r.key);
                store.push(Row {
                    label: r.label,
                    origin: r.origin,
                    section: sec.name(i).map(str::to_string),
                    parent: None,
                    depth: sec.rows[i].1,
                    kind: if r.heading {
                        RowKind::Header
                    } else {
                        RowKind::Item
                    },
                    unit: Unit::Money,
                    scale: t.scale,
                    cells: Vec::new(),
                    line: r.line,
                });
            }
            let row = &mut store[id];
            if row.cells.len() < columns.len() {
                row.cells.resize(columns.len(), None);
            }
            for (c, cell) in r.cells.into_iter().enumerate() {
                if let (Some(cell), Some(&to)) = (cell, colmap.get(c))
                    && row.cells[to].is_none()
                {
                    row.cells[to] = Some(cell);
                }
            }
        }
    }
    let ncols = columns.len();
    let mut order = Vec::with_capacity(store.len());
    let mut at = head;
    while let Some(id) = at {
        order.push(id);
        at = next[id];
    }
    let mut slots: Vec<Option<Row>> = store.into_iter().map(Some).collect();
    let mut keys_slots: Vec<Option<String>> = keys.into_iter().map(Some).collect();
    let mut row_keys: Vec<String> = Vec::with_capacity(order.len());
    let rows: Vec<Row> = order
        .into_iter()
        .filter_map(|id| {
            let mut r = slots[id].take()?;
            r.cells.resize(ncols, None);
            row_keys.push(keys_slots[id].take().unwrap_or_default());
            Some(r)
        })
        .collect();
    let mut st = Statement {
        kind,
        title: title.0,
        scale,
        columns,
        rows,
        line: title.1,
    };
    structure::apply_keyed(&mut st, company, &row_keys);
    st
}
