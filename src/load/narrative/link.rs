//! Linking narrative subjects to statement rows: by normal form, by the
//! configured prefix/suffix variants, by metric, then by alias
//! (assets/narrative.toml). Never by value. When a label repeats ("Other
//! services fees" under two revenue headings), the text's paragraph order
//! decides: the first such row after the row the previous subject linked to.

use super::aliases::{ALIASES, Alias, Table};
use super::memo::{self, Subject};
use crate::model::{Filing, Row, RowKind, RowRef, Statement, StatementKind, Unit};
use foldhash::{HashMap, HashMapExt};
use std::rc::Rc;

/// Links every fact of `filing` and every claim part row to its row.
pub fn link(filing: &mut Filing) {
    let table = &*ALIASES;
    let order = table.statement_order();
    let mut cursor: HashMap<StatementKind, usize> = HashMap::new();
    let mut cache: HashMap<(usize, &str), Option<RowRef>> =
        HashMap::with_capacity(filing.facts.len());
    let keys: Vec<Vec<Rc<str>>> = filing
        .statements
        .iter()
        .map(|st| st.rows.iter().map(row_key).collect())
        .collect();
    let ctx = Ctx::new(table, &filing.statements, &keys, &order);
    let mut refs = Vec::with_capacity(filing.facts.len());
    for fact in &filing.facts {
        let subject = fact.subject.as_str();
        let r = cache.entry((fact.line, subject)).or_insert_with(|| {
            ctx.resolve(&memo::subject(subject), fact.quantity.unit, &mut cursor)
        });
        refs.push(r.clone());
    }
    for claim in &mut filing.claims {
        for part in &mut claim.part_rows {
            if let Some(r) = ctx.resolve_label(part.statement, &part.label) {
                *part = r;
            }
        }
    }
    for (fact, r) in filing.facts.iter_mut().zip(refs) {
        fact.row = r;
    }
}

/// A row label in normal form (empty for headers, which never link).
fn row_key(row: &Row) -> Rc<str> {
    if row.kind == RowKind::Header {
        return Rc::from("");
    }
    memo::key(&row.label)
}

/// The filing's statements with their row labels in normal form, indexed.
struct Ctx<'a> {
    table: &'a Table,
    statements: &'a [Statement],
    order: &'a [StatementKind],
    /// Non-header rows by label key.
    rows_by_key: RowIndex<'a>,
    /// For each alias of the table, its statement (by index) and target rows.
    alias_rows: Vec<Option<(usize, Vec<usize>)>>,
}

/// Rows by label key: for each key the chain of its (statement index, row
/// index) entries in statement and row order.
#[derive(Default)]
struct RowIndex<'a> {
    /// First and last entry of each key's chain.
    chains: HashMap<&'a str, (usize, usize)>,
    /// (statement, row, next entry of the chain or `usize::MAX`).
    entries: Vec<(usize, usize, usize)>,
}

impl<'a> RowIndex<'a> {
    /// Appends row `i` of statement `s` to the chain of `key`.
    fn push(&mut self, key: &'a str, s: usize, i: usize) {
        let at = self.entries.len();
        self.entries.push((s, i, usize::MAX));
        match self.chains.get_mut(key) {
            Some((_, last)) => {
                self.entries[*last].2 = at;
                *last = at;
            }
            None => {
                self.chains.insert(key, (at, at));
            }
        }
    }

    /// Whether any row has `key`.
    fn contains(&self, key: &str) -> bool {
        self.chains.contains_key(key)
    }

    /// The rows of statement `s` with `key`, in order.
    fn rows(&self, key: &str, s: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = self.chains.get(key).map_or(usize::MAX, |c| c.0);
        while let Some(&(t, i, next)) = self.entries.get(at) {
            if t == s {
                out.push(i);
            }
            at = next;
        }
        out
    }
}

impl<'a> Ctx<'a> {
    /// Indexes the rows of `statements` by their keys.
    fn new(
        table: &'a Table,
        statements: &'a [Statement],
        keys: &'a [Vec<Rc<str>>],
        order: &'a [StatementKind],
    ) -> Self {
        let rows: usize = statements.iter().map(|st| st.rows.len()).sum();
        let mut rows_by_key = RowIndex {
            chains: HashMap::with_capacity(rows),
            entries: Vec::with_capacity(rows),
        };
        for (s, (st, ks)) in statements.iter().zip(keys).enumerate() {
            for (i, (row, k)) in st.rows.iter().zip(ks).enumerate() {
                if row.kind != RowKind::Header {
                    rows_by_key.push(k, s, i);
                }
            }
        }
        let mut ctx = Self {
            table,
            statements,
            order,
            rows_by_key,
            alias_rows: Vec::new(),
        };
        ctx.alias_rows = table
            .alias
            .iter()
            .map(|alias| {
                let s = ctx.index_of(alias.statement.parse().ok()?)?;
                let (st, keys) = (&statements[s], &keys[s]);
                let rows = (0..st.rows.len())
                    .filter(|&i| alias_targets(alias, st, keys, i))
                    .collect();
                Some((s, rows))
            })
            .collect();
        ctx
    }

    /// The index of the statement of `kind`.
    fn index_of(&self, kind: StatementKind) -> Option<usize> {
        self.statements.iter().position(|s| s.kind == kind)
    }

    /// Rows of statement `s` whose key equals `key` (headers excluded).
    fn rows_keyed(&self, s: usize, key: &str) -> Vec<usize> {
        self.rows_by_key.rows(key, s)
    }

    /// The row a subject denotes.
    fn resolve(
        &self,
        subject: &Subject,
        unit: Unit,
        cursor: &mut HashMap<StatementKind, usize>,
    ) -> Option<RowRef> {
        let table = self.table;
        // 1. Same normal form (then a variant), statements in order.
        for v in &subject.variants {
            if !self.rows_by_key.contains(v) {
                continue;
            }
            for &kind in self.order {
                let Some(s) = self.index_of(kind) else {
                    continue;
                };
                let cands = self.rows_keyed(s, v);
                if let Some(r) = pick(&self.statements[s], &cands, unit, cursor) {
                    return Some(r);
                }
            }
        }
        // 2. A key operating metric.
        if let Some(m) = subject.metric
            && let Some(s) = self.index_of(StatementKind::Metrics)
        {
            let cands = self.rows_keyed(s, &table.metric[m].label_key);
            if let Some(r) = pick(&self.statements[s], &cands, unit, cursor) {
                return Some(r);
            }
        }
        // 3. An alias.
        for &a in &subject.aliases {
            let Some((s, cands)) = &self.alias_rows[a] else {
                continue;
            };
            if let Some(r) = pick(&self.statements[*s], cands, unit, cursor) {
                return Some(r);
            }
        }
        None
    }

    /// The row a quoted label names ("Restricted cash"), preferring `preferred`.
    fn resolve_label(&self, preferred: StatementKind, label: &str) -> Option<RowRef> {
        let key = memo::key(label);
        std::iter::once(preferred)
            .chain(self.order.iter().copied())
            .filter_map(|k| self.index_of(k))
            .find_map(|s| {
                let i = *self.rows_keyed(s, &key).first()?;
                let st = &self.statements[s];
                Some(RowRef {
                    statement: st.kind,
                    label: st.rows[i].label.clone(),
                    row: Some(i),
                })
            })
    }
}

/// Whether row `i` of `st` is the alias's target.
fn alias_targets(alias: &Alias, st: &Statement, keys: &[Rc<str>], i: usize) -> bool {
    if st.rows[i].kind == RowKind::Header {
        return false;
    }
    let label: &str = &keys[i];
    let label_ok = match (&alias.label, &alias.label_prefix) {
        (Some(l), _) => label == l.as_str(),
        (None, Some(p)) => label
            .strip_prefix(p.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' ')),
        (None, None) => false,
    };
    label_ok
        && alias.section_contains.as_ref().is_none_or(|s| {
            context(st, i)
                .iter()
                .any(|c| memo::key(c).contains(s.as_str()))
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
