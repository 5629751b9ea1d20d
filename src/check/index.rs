//! A filing indexed once for the checks: each row's numbered key, its
//! normalised label and section, its components, and the shared texts
//! (labels, columns, cells) results point at.

use super::id::RowSlug;
use super::message::Subject;
use super::narrative::has_ads;
use super::rules::{KeyRef, RuleSet, company_phrase};
use super::text::{Shared, period_text};
use crate::model::{Column, ColumnRole, Filing, Period, RowKind, Statement, StatementKind};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::collections::hash_map::Entry;

/// A label's shared text and its normalised form.
#[derive(Clone)]
struct LabelText {
    label: Shared,
    norm: Shared,
}

/// What the filings of one run share: numbered row keys beyond those the
/// rules name, and the texts of labels seen so far.
pub(crate) struct Interner<'a> {
    set: &'a RuleSet,
    keys: FxHashMap<String, u32>,
    next: u32,
    row_keys: FxHashMap<(&'a str, Option<&'a str>, u32), u32>,
    companies: Vec<String>,
    texts: FxHashMap<&'a str, LabelText>,
}

impl<'a> Interner<'a> {
    /// An empty interner for a run with `set`.
    pub fn new(set: &'a RuleSet) -> Self {
        Interner {
            set,
            keys: FxHashMap::default(),
            next: set.labels.known_count(),
            row_keys: FxHashMap::default(),
            companies: Vec::new(),
            texts: FxHashMap::default(),
        }
    }

    /// The number of a key, if any row of the run has it.
    pub fn lookup(&self, key: &KeyRef) -> Option<u32> {
        match key {
            KeyRef::Known(i) => Some(*i),
            KeyRef::Other(s) => self
                .set
                .labels
                .known(s)
                .or_else(|| self.keys.get(s.as_str()).copied()),
        }
    }

    /// The number of `key` in `keys`, numbering it `next` if new.
    fn intern(
        set: &RuleSet,
        keys: &mut FxHashMap<String, u32>,
        next: &mut u32,
        key: KeyRef,
    ) -> u32 {
        let s = match key {
            KeyRef::Known(i) => return i,
            KeyRef::Other(s) => s,
        };
        if let Some(i) = set.labels.known(&s) {
            return i;
        }
        *keys.entry(s).or_insert_with(|| {
            *next += 1;
            *next - 1
        })
    }

    fn text(&mut self, s: &'a str) -> LabelText {
        self.texts
            .entry(s)
            .or_insert_with(|| {
                let (label, norm) = self.set.labels.memo.norm(s);
                LabelText { label, norm }
            })
            .clone()
    }

    fn company(&mut self, phrase: &str) -> u32 {
        match self.companies.iter().position(|c| c == phrase) {
            Some(i) => i as u32,
            None => {
                self.companies.push(phrase.to_string());
                (self.companies.len() - 1) as u32
            }
        }
    }
}

/// One statement's index.
pub(crate) struct StIndex {
    /// Per row: the numbered canonical key.
    pub keys: Vec<u32>,
    /// Per row: how many earlier rows have the same key.
    pub key_occ: Vec<u32>,
    /// Per row: the rows whose parent it is.
    pub children: Vec<Vec<usize>>,
    /// Per row: the label.
    pub labels: Vec<Shared>,
    /// Per row: the normalised label.
    pub norms: Vec<Shared>,
    /// Per row: its id fragment.
    slugs: Vec<RowSlug>,
    /// Per row of share counts: whether its label or section has the word "ADS".
    pub ads: Vec<bool>,
    /// Per row: the normalised section.
    sections: Vec<Option<Shared>>,
    /// Per column: its name (header, else period and currency) and short
    /// name ("Q2 2024 RMB"), made when first needed.
    names: Vec<OnceCell<(Shared, Shared)>>,
    /// (key, row), sorted.
    by_key: Vec<(u32, u32)>,
    /// Per cell (row-major): its printed text, made when first needed (the
    /// slots too: most statements never show a cell).
    cells: OnceCell<Box<[OnceCell<Shared>]>>,
}

/// A filing with each row's canonical key and each row's components.
pub(crate) struct Indexed<'a> {
    /// The filing.
    pub filing: &'a Filing,
    /// The rules.
    pub set: &'a RuleSet,
    /// The filing id.
    pub id: Shared,
    /// The filing's company name as label lookups expect it
    /// (see [`super::rules::company_phrase`]).
    pub company: String,
    /// Per statement.
    pub st: Vec<StIndex>,
}

impl<'a> Indexed<'a> {
    /// Indexes `filing`, numbering its row keys in `keys`.
    pub fn new(set: &'a RuleSet, filing: &'a Filing, keys: &mut Interner<'a>) -> Self {
        let company = company_phrase(&filing.company);
        let cid = keys.company(&company);
        // Room for every row's label and key at once (the maps grow otherwise).
        let rows: usize = filing.statements.iter().map(|s| s.rows.len()).sum();
        keys.texts.reserve(rows);
        keys.row_keys.reserve(rows);
        let st = filing
            .statements
            .iter()
            .map(|s| index_statement(set, s, &company, cid, keys))
            .collect();
        Indexed {
            filing,
            set,
            id: filing.id.as_str().into(),
            company,
            st,
        }
    }

    /// Index of the statement of `kind`.
    pub fn stmt(&self, kind: StatementKind) -> Option<usize> {
        self.filing.statements.iter().position(|s| s.kind == kind)
    }

    /// Rows of statement `si` with `key`, ascending.
    fn rows_with(&self, si: usize, key: u32) -> impl Iterator<Item = usize> + '_ {
        let v = &self.st[si].by_key;
        let lo = v.partition_point(|&(k, _)| k < key);
        let hi = v.partition_point(|&(k, _)| k <= key);
        v[lo..hi].iter().map(|&(_, r)| r as usize)
    }

    /// The row with `key`: the nearest one before `before` if any, else the first.
    pub fn find(&self, si: usize, key: u32, before: Option<usize>) -> Option<usize> {
        let rows = &self.filing.statements[si].rows;
        let ok = |i: &usize| rows[*i].kind != RowKind::Header;
        if let Some(b) = before
            && let Some(i) = self.rows_with(si, key).filter(|&i| i < b).filter(ok).last()
        {
            return Some(i);
        }
        self.rows_with(si, key).find(ok)
    }

    /// Whether the statement is a partial reconciliation table.
    pub fn is_partial(&self, si: usize) -> bool {
        self.set.is_partial(self.filing.statements[si].kind)
    }

    /// The row in statement `si` matching row `row` of statement `from`
    /// (same key; among repeats, the same section, else the same occurrence).
    pub fn match_row(
        &self,
        si: usize,
        from: &Indexed<'_>,
        from_si: usize,
        row: usize,
    ) -> Option<usize> {
        let key = from.st[from_si].keys[row];
        let mut cands = self.rows_with(si, key);
        let first = cands.next()?;
        let Some(second) = cands.next() else {
            return Some(first);
        };
        let own = &self.st[si];
        if let Some(want) = &from.st[from_si].sections[row]
            && let Some(c) = self
                .rows_with(si, key)
                .find(|&c| own.sections[c].as_ref() == Some(want))
        {
            return Some(c);
        }
        let occ = from.st[from_si].key_occ[row] as usize;
        [first, second].into_iter().chain(cands).nth(occ)
    }

    /// Resolves a term for a check on row `at` in column `col` of statement
    /// `si`: the statement, row and column it names (`None` if absent).
    pub fn resolve(
        &self,
        si: usize,
        at: usize,
        col: usize,
        term: &super::compiled::KeyTerm,
    ) -> Option<(usize, usize, Option<usize>)> {
        let here = &self.filing.statements[si];
        match term.statement {
            None => {
                let row = self.find(si, term.key, Some(at))?;
                Some((si, row, Some(col)))
            }
            Some(kind) => {
                let osi = self.stmt(kind)?;
                let row = self.find(osi, term.key, None)?;
                let c = &here.columns[col];
                let other = &self.filing.statements[osi];
                let period = if kind.is_instant() && !here.kind.is_instant() {
                    match (term.at_start, c.period.start()) {
                        (true, Some(start)) => Period::instant(start.pred_opt()?),
                        (true, None) => return Some((osi, row, None)),
                        (false, _) => Period::instant(c.period.end()),
                    }
                } else {
                    c.period
                };
                let oc = other.column_index(&period, c.currency, ColumnRole::Reported);
                Some((osi, row, oc))
            }
        }
    }

    /// The id fragment of a row.
    pub fn slug(&self, si: usize, row: usize) -> RowSlug {
        self.st[si].slugs[row].clone()
    }

    /// What a cell is called in messages: "Total current assets (Jun 30, 2024 RMB)".
    pub fn subject(&self, si: usize, row: usize, col: usize) -> Subject {
        let s = &self.st[si];
        let r = &self.filing.statements[si].rows[row];
        // Generic labels read with their section.
        let label = match r.section.as_deref() {
            Some(x) if self.set.labels.qualifies(&s.norms[row]) => {
                format!("{x} — {}", r.label).into()
            }
            _ => s.labels[row].clone(),
        };
        let column = self
            .names(si, col)
            .map_or_else(Shared::default, |n| n.1.clone());
        Subject::Cell { label, column }
    }

    /// The name of column `col` of statement `si` (its header, else its
    /// period and currency).
    pub fn column(&self, si: usize, col: usize) -> Option<Shared> {
        self.names(si, col).map(|n| n.0.clone())
    }

    /// The name and short name of a column, made when first needed.
    fn names(&self, si: usize, col: usize) -> Option<&(Shared, Shared)> {
        let c = self.filing.statements[si].columns.get(col)?;
        let slot = self.st[si].names.get(col)?;
        Some(slot.get_or_init(|| (column_name(c), column_short(c))))
    }

    /// The printed text of a cell ("(blank)" if none).
    pub fn raw(&self, si: usize, row: usize, col: usize) -> Shared {
        let st = &self.filing.statements[si];
        let s = &self.st[si];
        let cells = s.cells.get_or_init(|| {
            (0..st.rows.len() * st.columns.len())
                .map(|_| OnceCell::new())
                .collect()
        });
        let Some(slot) = cells.get(row * st.columns.len() + col) else {
            return "(blank)".into();
        };
        slot.get_or_init(|| match st.rows[row].cell(col) {
            Some(c) => c.raw.as_str().into(),
            None => "(blank)".into(),
        })
        .clone()
    }
}

fn index_statement<'a>(
    set: &RuleSet,
    st: &'a Statement,
    company: &str,
    cid: u32,
    keys: &mut Interner<'a>,
) -> StIndex {
    let n = st.rows.len();
    let mut s = StIndex {
        keys: Vec::with_capacity(n),
        key_occ: Vec::with_capacity(n),
        children: vec![Vec::new(); n],
        labels: Vec::with_capacity(n),
        norms: Vec::with_capacity(n),
        slugs: Vec::with_capacity(n),
        ads: Vec::with_capacity(n),
        sections: Vec::with_capacity(n),
        names: vec![OnceCell::new(); st.columns.len()],
        by_key: Vec::with_capacity(n),
        cells: OnceCell::new(),
    };
    let mut slug_seen: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(n, Default::default());
    for (i, r) in st.rows.iter().enumerate() {
        let t = keys.text(&r.label);
        let section = r.section.as_deref();
        let k = (r.label.as_str(), section, cid);
        let key = match keys.row_keys.entry(k) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let key_ref = set.labels.key_ref(&t.norm, section, company);
                *e.insert(Interner::intern(
                    keys.set,
                    &mut keys.keys,
                    &mut keys.next,
                    key_ref,
                ))
            }
        };
        s.keys.push(key);
        s.by_key.push((key, i as u32));
        // Rows of one section follow each other: its normal form is found once.
        let section_norm = match (section, i.checked_sub(1)) {
            (Some(x), Some(prev))
                if st.rows[prev].section.as_deref() == Some(x)
                    && let Some(norm) = &s.sections[prev] =>
            {
                Some(norm.clone())
            }
            (Some(x), _) => Some(keys.text(x).norm),
            (None, _) => None,
        };
        s.sections.push(section_norm);
        if let Some(p) = r.parent
            && p < n
            && p != i
        {
            s.children[p].push(i);
        }
        // Only share counts are read against ADS counts of the text.
        s.ads.push(
            r.unit == crate::model::Unit::Shares
                && (section.is_some_and(has_ads) || has_ads(&r.label)),
        );
        s.labels.push(t.label);
        s.norms.push(t.norm);
    }
    for (i, norm) in s.norms.iter().enumerate() {
        let c = slug_seen.entry(norm.as_str()).or_insert(0);
        *c += 1;
        s.slugs.push(RowSlug::new(norm.clone(), *c, i));
    }
    drop(slug_seen);
    s.by_key.sort_unstable();
    // A row's occurrence of its key: its place in the run of that key.
    s.key_occ.resize(n, 0);
    let mut run: Option<(u32, u32)> = None;
    for &(key, row) in &s.by_key {
        let occ = match run {
            Some((k, o)) if k == key => o + 1,
            _ => 0,
        };
        run = Some((key, occ));
        s.key_occ[row as usize] = occ;
    }
    section_totals(st, &s.norms, &s.sections, &mut s.children);
    s
}

/// Components from structure where the loader linked none: a "Total …" row
/// that names its section ("Total current assets" under "Current assets:")
/// sums the item rows of that section printed since the section's previous
/// total (a section that also holds subtotals is left alone: its nesting is
/// not known).
fn section_totals(
    st: &Statement,
    norms: &[Shared],
    sections: &[Option<Shared>],
    kids: &mut [Vec<usize>],
) {
    let is_total = |k: RowKind| matches!(k, RowKind::Total | RowKind::Subtotal);
    for (t, row) in st.rows.iter().enumerate() {
        let (Some(section), Some(section_norm)) = (row.section.as_deref(), &sections[t]) else {
            continue;
        };
        let label = &norms[t];
        // The cheap tests first: most rows are not section totals.
        if !kids[t].is_empty() || !is_total(row.kind) || !label.starts_with("total ") {
            continue;
        }
        if section_norm.split(' ').next_back() != label.split(' ').next_back() {
            continue;
        }
        let same = |i: usize| st.rows[i].section.as_deref() == Some(section);
        let start = (0..t)
            .rev()
            .find(|&i| same(i) && is_total(st.rows[i].kind))
            .map_or(0, |i| i + 1);
        let rows: Vec<usize> = (start..t).filter(|&i| same(i)).collect();
        if rows.iter().any(|&i| is_total(st.rows[i].kind)) {
            continue;
        }
        kids[t] = rows
            .into_iter()
            .filter(|&i| {
                let r = &st.rows[i];
                r.kind == RowKind::Item && r.parent.is_none() && r.cells.iter().any(Option::is_some)
            })
            .collect();
    }
}

/// The column's name for messages: its header, else its period and currency.
fn column_name(c: &Column) -> Shared {
    if c.header.trim().is_empty() {
        format!("{} {}", period_text(&c.period), c.currency).into()
    } else {
        c.header.as_str().into()
    }
}

/// A short name for the column: "Q2 2024 RMB", "Jun 30, 2024 RMB, IFRS",
/// "Dec 31, 2023 RMB, adjustment: Share-based compensation".
fn column_short(c: &Column) -> Shared {
    let role = match c.role {
        ColumnRole::Reported => String::new(),
        ColumnRole::UsGaap => ", U.S. GAAP".to_string(),
        ColumnRole::Ifrs => ", IFRS".to_string(),
        ColumnRole::Adjustment => format!(", adjustment: {}", c.header.trim()),
    };
    format!("{} {}{}", period_text(&c.period), c.currency, role).into()
}
