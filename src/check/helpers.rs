//! What every check kind shares: a filing indexed by row keys and parent
//! links, cells as intervals in absolute units, and result drafting.

use super::interval::Interval;
use super::result::{CheckKind, CheckResult, Contributor, Status, shared};
use super::rules::{RuleSet, Term, normalize};
use crate::model::{
    Cell, Column, ColumnRole, Filing, Period, Row, RowKind, Statement, StatementKind,
};
use rust_decimal::Decimal;

/// Row keys by (company phrase, label, section), shared by the filings of one run.
pub(crate) type KeyCache = std::collections::HashMap<(String, String, Option<String>), String>;

/// A filing with each row's canonical key and each row's components.
pub(crate) struct Indexed<'a> {
    /// The filing.
    pub filing: &'a Filing,
    /// The rules.
    pub set: &'a RuleSet,
    /// Per statement, per row: the canonical key.
    pub keys: Vec<Vec<String>>,
    /// Per statement, per row: the rows whose parent it is.
    pub children: Vec<Vec<Vec<usize>>>,
    /// Per statement, per row: the id fragment (see [`row_slugs`]).
    pub slugs: Vec<Vec<String>>,
    /// The filing's company name as label lookups expect it
    /// (see [`super::rules::company_phrase`]).
    pub company: String,
    /// Per statement, per row: the normalised label (see [`normalize`]).
    pub norm: Vec<Vec<String>>,
}

impl<'a> Indexed<'a> {
    /// Indexes `filing`, reusing the row keys already computed for labels
    /// seen in other filings.
    pub fn with_cache(set: &'a RuleSet, filing: &'a Filing, cache: &mut KeyCache) -> Self {
        let company = super::rules::company_phrase(&filing.company);
        let mut keys = Vec::with_capacity(filing.statements.len());
        let mut children = Vec::with_capacity(filing.statements.len());
        for st in &filing.statements {
            keys.push(
                st.rows
                    .iter()
                    .map(|r| {
                        let k = (company.clone(), r.label.clone(), r.section.clone());
                        cache
                            .entry(k)
                            .or_insert_with(|| {
                                set.labels.key_in(&r.label, r.section.as_deref(), &company)
                            })
                            .clone()
                    })
                    .collect(),
            );
            let mut kids = vec![Vec::new(); st.rows.len()];
            for (i, r) in st.rows.iter().enumerate() {
                if let Some(p) = r.parent
                    && p < st.rows.len()
                    && p != i
                {
                    kids[p].push(i);
                }
            }
            section_totals(st, &mut kids);
            children.push(kids);
        }
        let slugs = filing.statements.iter().map(row_slugs).collect();
        let norm = filing
            .statements
            .iter()
            .map(|st| st.rows.iter().map(|r| normalize(&r.label)).collect())
            .collect();
        Indexed {
            filing,
            set,
            keys,
            children,
            slugs,
            company,
            norm,
        }
    }

    /// Index of the statement of `kind`.
    pub fn stmt(&self, kind: StatementKind) -> Option<usize> {
        self.filing.statements.iter().position(|s| s.kind == kind)
    }

    /// The row with `key`: the nearest one before `before` if any, else the first.
    pub fn find(&self, si: usize, key: &str, before: Option<usize>) -> Option<usize> {
        let keys = &self.keys[si];
        let rows = &self.filing.statements[si].rows;
        let hit = |i: &usize| keys[*i] == key && rows[*i].kind != RowKind::Header;
        if let Some(b) = before
            && let Some(i) = (0..b.min(keys.len())).rev().find(hit)
        {
            return Some(i);
        }
        (0..keys.len()).find(hit)
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
        let key = &from.keys[from_si][row];
        let cands: Vec<usize> = (0..self.keys[si].len())
            .filter(|&i| &self.keys[si][i] == key)
            .collect();
        match cands.len() {
            0 => None,
            1 => Some(cands[0]),
            _ => {
                let section =
                    |st: &Statement, i: usize| st.rows[i].section.as_deref().map(normalize);
                let want = section(&from.filing.statements[from_si], row);
                let own = &self.filing.statements[si];
                if want.is_some()
                    && let Some(&c) = cands.iter().find(|&&c| section(own, c) == want)
                {
                    return Some(c);
                }
                let occ = (0..row).filter(|&i| &from.keys[from_si][i] == key).count();
                cands.get(occ).copied()
            }
        }
    }

    /// Resolves a term for a check on row `at` in column `col` of statement
    /// `si`: the statement, row and column it names (`None` if absent).
    pub fn resolve(
        &self,
        si: usize,
        at: usize,
        col: usize,
        term: &Term,
    ) -> Option<(usize, usize, Option<usize>)> {
        let here = &self.filing.statements[si];
        match term.statement {
            None => {
                let row = self.find(si, &term.key, Some(at))?;
                Some((si, row, Some(col)))
            }
            Some(kind) => {
                let osi = self.stmt(kind)?;
                let row = self.find(osi, &term.key, None)?;
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
}

/// Components from structure where the loader linked none: a "Total …" row
/// that names its section ("Total current assets" under "Current assets:")
/// sums the item rows of that section printed since the section's previous
/// total (a section that also holds subtotals is left alone: its nesting is
/// not known).
fn section_totals(st: &Statement, kids: &mut [Vec<usize>]) {
    let is_total = |k: RowKind| matches!(k, RowKind::Total | RowKind::Subtotal);
    for (t, row) in st.rows.iter().enumerate() {
        let Some(section) = row.section.as_deref() else {
            continue;
        };
        let label = normalize(&row.label);
        let names_section =
            normalize(section).split(' ').next_back() == label.split(' ').next_back();
        if !kids[t].is_empty()
            || !is_total(row.kind)
            || !label.starts_with("total ")
            || !names_section
        {
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

/// `10^exp` as a decimal.
pub(crate) fn pow10(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(27)), 0)
}

/// A cell as an interval in absolute units (thousands multiplied out).
pub(crate) fn units(row: &Row, cell: &Cell) -> Interval {
    Interval::of(&cell.amount).times(pow10(row.scale.exponent()))
}

/// An interval in absolute units expressed in the printed unit of `row`.
pub(crate) fn in_row_unit(row: &Row, x: Interval) -> Interval {
    x.div_exact(pow10(row.scale.exponent())).unwrap_or(x)
}

/// The column's name for messages: its header, else its period and currency.
pub(crate) fn column_name(c: &Column) -> String {
    if c.header.trim().is_empty() {
        format!("{} {}", c.period.short(), c.currency)
    } else {
        c.header.clone()
    }
}

/// A short name for the column: "Q2 2024 RMB", "Jun 30, 2024 RMB, IFRS",
/// "Dec 31, 2023 RMB, adjustment: Share-based compensation".
pub(crate) fn column_short(c: &Column) -> String {
    let role = match c.role {
        ColumnRole::Reported => String::new(),
        ColumnRole::UsGaap => ", U.S. GAAP".to_string(),
        ColumnRole::Ifrs => ", IFRS".to_string(),
        ColumnRole::Adjustment => format!(", adjustment: {}", c.header.trim()),
    };
    format!("{} {}{}", c.period.short(), c.currency, role)
}

/// Each row's id fragment: its slugged label, with "-2", "-3" for repeats.
pub(crate) fn row_slugs(st: &Statement) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    st.rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let base = slug(&r.label);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            match (base.is_empty(), *n) {
                (true, _) => format!("row-{i}"),
                (false, 1) => base,
                (false, n) => format!("{base}-{n}"),
            }
        })
        .collect()
}

/// Lower-case words joined by dashes.
pub(crate) fn slug(s: &str) -> String {
    normalize(s).replace(' ', "-")
}

/// A result about the cell at (`row`, `col`) of statement `si`, not yet judged.
pub(crate) fn cell_result(
    kind: CheckKind,
    id: String,
    ix: &Indexed<'_>,
    si: usize,
    row: usize,
    col: usize,
) -> CheckResult {
    let st = &ix.filing.statements[si];
    let r = &st.rows[row];
    let c = &st.columns[col];
    let cell = r.cell(col);
    CheckResult {
        id,
        kind,
        status: Status::Skip,
        filing: ix.filing.id.clone(),
        statement: Some(st.kind),
        label: r.label.clone(),
        column: Some(column_name(c)),
        period_end: Some(c.period.end()),
        expected: None,
        actual: cell.map(|c| c.raw.clone()),
        difference: None,
        message: String::new(),
        line: Some(cell.map_or(r.line, |c| c.line)),
        contributors: Vec::new(),
        row_index: Some(row),
        column_index: Some(col),
    }
}

/// The cell at (`row`, `col`) of statement `si` as a contributor.
pub(crate) fn contributor(
    filing: &Filing,
    si: usize,
    row: usize,
    col: usize,
    weight: &str,
) -> Contributor {
    let st = &filing.statements[si];
    let r = &st.rows[row];
    let cell = r.cell(col);
    Contributor {
        filing: shared(&filing.id),
        statement: Some(st.kind),
        label: shared(&r.label),
        column: st.columns.get(col).map(|c| shared(&column_name(c))),
        value: shared(cell.map_or("(blank)", |c| c.raw.as_str())),
        weight: shared(weight),
        line: cell.map_or(r.line, |c| c.line),
    }
}

/// A weight as text: "1", "-1", "2", "1/7.2672".
pub(crate) fn weight_text(w: Decimal) -> String {
    w.normalize().to_string()
}

/// What a cell is called in messages: "Total current assets (Jun 30, 2024 RMB)";
/// a generic label gets its section ("Net income per ADS ... — Diluted").
pub(crate) fn cell_subject(ix: &Indexed<'_>, si: usize, row: usize, col: usize) -> String {
    let st = &ix.filing.statements[si];
    let r = &st.rows[row];
    let label = match &r.section {
        Some(s) if ix.set.labels.qualifies(&ix.norm[si][row]) => {
            format!("{s} — {}", r.label)
        }
        _ => r.label.clone(),
    };
    format!("{label} ({})", column_short(&st.columns[col]))
}

/// Judges `actual` against `expected` (both in the printed unit of the
/// reported value, which has `dp` decimals) and writes the verdict about
/// `who` (see [`cell_subject`]).
pub(crate) fn judge(
    r: &mut CheckResult,
    who: &str,
    actual: Interval,
    expected: Interval,
    dp: u32,
    what: &str,
) {
    let shown = expected.rounded_out(dp + 2);
    let diff = actual.distance(&expected);
    r.expected = Some(shown.to_string());
    r.difference = Some(diff.round_dp(dp + 2).normalize().to_string());
    let printed = r.actual.clone().unwrap_or_else(|| "blank".to_string());
    if actual.overlaps(&expected) {
        r.status = Status::Pass;
        r.message = format!("{who} {printed} agrees with {what}, which gives {shown}.");
    } else {
        r.status = Status::Fail;
        r.message = format!(
            "{who} is printed as {printed}, but {what} gives {shown}: off by {} beyond rounding.",
            diff.round_dp(dp + 2).normalize()
        );
    }
}

/// Marks the result skipped for `reason`.
pub(crate) fn skip(r: &mut CheckResult, who: &str, reason: &str) {
    r.status = Status::Skip;
    r.message = format!("{who} not checked: {reason}.");
}
