//! Row structure: sections and depth (from headings), kind (header, item,
//! subtotal, total), unit and scale, and parent links from the printed
//! structure and the declarative roll-ups of assets/labels.toml.

use super::clean::{LowerWords, letters, lower_starts_with};
use super::rows::RawRow;
use super::vocab::{Company, Vocab, part_matches};
use crate::model::{Row, RowKind, Scale, Statement, Unit};
use rustc_hash::FxHashMap as HashMap;

/// How far back (in rows) a total looks for its components.
const MAX_LOOKBACK: usize = 2000;

/// The sections of one table's rows, from its headings.
#[derive(Clone, Debug, Default)]
pub struct Sections {
    /// The name of each heading, in printed order.
    pub names: Vec<String>,
    /// Per row: its section (an index into `names`) and its depth.
    pub rows: Vec<(Option<usize>, u8)>,
}

impl Sections {
    /// The section name of row `i`.
    pub fn name(&self, i: usize) -> Option<&str> {
        self.rows[i].0.map(|n| self.names[n].as_str())
    }
}

/// Section and depth of each row of one table, from its headings.
pub fn sections(rows: &[RawRow], company: Option<&Company>) -> Sections {
    // Open headings: name (index), printed in capitals, letters form.
    let mut stack: Vec<(usize, bool, &str)> = Vec::new();
    let mut names = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if r.heading {
            let name = r.label.trim().trim_end_matches(':').trim();
            let caps = name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if caps {
                stack.clear();
            } else {
                while stack.last().is_some_and(|(_, c, _)| !c) {
                    stack.pop();
                }
            }
            out.push((stack.last().map(|s| s.0), stack.len() as u8));
            names.push(name.to_string());
            stack.push((names.len() - 1, caps, r.key.as_str()));
            continue;
        }
        // The letters of the name are the label's (trimming and a colon
        // change no letter).
        let l = &r.key;
        let closes = l
            .strip_prefix("total")
            .and_then(|rest| stack.iter().rposition(|(_, _, k)| *k == rest));
        match closes {
            Some(j) => {
                out.push((Some(stack[j].0), j as u8));
                stack.truncate(j);
            }
            // A "Total …" whose components are declared (not the section's
            // items, e.g. "Total comprehensive income" after "Other
            // comprehensive income, net of tax of nil:") closes the open
            // heading's section and stands outside it.
            None if l.starts_with("total") && Vocab::get().rollup_key(l, company).is_some() => {
                if stack.last().is_some_and(|(_, caps, _)| !caps) {
                    stack.pop();
                }
                out.push((stack.last().map(|s| s.0), stack.len() as u8));
            }
            None => out.push((stack.last().map(|s| s.0), stack.len() as u8)),
        }
    }
    Sections { names, rows: out }
}

/// What [`unit_of`] looks for in a lowercased label or section.
static UNIT_WORDS: LowerWords =
    LowerWords::new(&["margin", "weighted average", "number of shares", " per "]);

/// The unit a row's numbers measure.
pub fn unit_of(row: &Row) -> Unit {
    unit_with(row, || {
        UNIT_WORDS.in_lower(row.section.as_deref().unwrap_or(""))
    })
}

/// [`unit_of`], with the words of the row's section (as
/// [`UNIT_WORDS`]`.in_lower` gives them) asked of `section` only when needed.
fn unit_with(row: &Row, section: impl FnOnce() -> u8) -> Unit {
    // What the lowercased label and section contain, each read once.
    let [margin, weighted, shares, per] = [1, 2, 4, 8];
    let l = UNIT_WORDS.in_lower(&row.label);
    if row.cells.iter().flatten().any(|c| c.raw.ends_with('%')) || l & margin != 0 {
        return Unit::Percent;
    }
    let s = section();
    if l & (weighted | shares) != 0 || s & weighted != 0 {
        Unit::Shares
    } else if l & per != 0 || (s & per != 0 && !lower_starts_with(&row.label, "total")) {
        Unit::PerShare
    } else {
        Unit::Money
    }
}

/// The units of `rows`, each section's words read once for its run of rows.
fn units(rows: &[Row]) -> Vec<Unit> {
    let mut last: Option<(Option<&str>, u8)> = None;
    rows.iter()
        .map(|r| {
            let sec = r.section.as_deref();
            unit_with(r, || match last {
                Some((s, bits)) if s == sec => bits,
                _ => {
                    let bits = UNIT_WORDS.in_lower(sec.unwrap_or(""));
                    last = Some((sec, bits));
                    bits
                }
            })
        })
        .collect()
}

/// Sets kind, unit, scale and parent of every row of a statement.
/// Reconciliation statements list only the rows with differences, so their
/// rows get no parent totals.
pub fn apply(st: &mut Statement, company: Option<&Company>) {
    let keys: Vec<String> = st.rows.iter().map(|r| letters(&r.label)).collect();
    apply_keyed(st, company, &keys);
}

/// [`apply`] with the letters form of each row's label given (`keys[i]`
/// is row `i`'s).
pub fn apply_keyed(st: &mut Statement, company: Option<&Company>, keys: &[String]) {
    let vocab = Vocab::get();
    let scale = st.scale;
    let n = st.rows.len();
    let units = units(&st.rows);
    for ((r, key), unit) in st.rows.iter_mut().zip(keys).zip(units) {
        r.parent = None;
        let has = r.cells.iter().any(Option::is_some);
        r.unit = unit;
        r.scale = if r.unit == Unit::Money {
            scale
        } else {
            Scale::Units
        };
        r.kind = if !has {
            RowKind::Header
        } else if lower_starts_with(&r.label, "total") || vocab.is_total_key(key, company) {
            RowKind::Total
        } else if vocab.is_group_key(key, company) {
            RowKind::Subtotal
        } else {
            RowKind::Item
        };
    }
    if matches!(
        st.kind,
        crate::model::StatementKind::IfrsIncome | crate::model::StatementKind::IfrsBalanceSheet
    ) {
        return;
    }
    let rows = &mut st.rows;
    let mut closing = vec![false; n];
    let mut children = vec![0usize; n];
    // Latest heading by letters, so "Total X" finds "X:" in O(1).
    let mut headings: HashMap<String, usize> = HashMap::default();
    for i in 0..n {
        match rows[i].kind {
            RowKind::Header => {
                headings.insert(keys[i].clone(), i);
            }
            RowKind::Subtotal => {
                // A group row heads the items printed below it.
                let mut j = i + 1;
                while j < n && rows[j].kind == RowKind::Item && rows[j].unit == rows[i].unit {
                    rows[j].parent = Some(i);
                    children[i] += 1;
                    j += 1;
                }
            }
            RowKind::Total => {
                let unit = rows[i].unit;
                let mut parts: Vec<usize> = Vec::new();
                if let Some(names) = vocab.rollup_key(&keys[i], company) {
                    for name in names {
                        if let Some(j) = (0..i)
                            .rev()
                            .find(|&j| rows[j].parent.is_none() && part_matches(name, &keys[j]))
                        {
                            parts.push(j);
                        }
                    }
                } else if let Some(h) = keys[i]
                    .strip_prefix("total")
                    .and_then(|rest| headings.get(rest).copied())
                {
                    closing[i] = true;
                    parts.extend((h + 1..i).filter(|&j| {
                        rows[j].parent.is_none()
                            && rows[j].kind != RowKind::Header
                            && rows[j].unit == unit
                    }));
                } else {
                    let depth = rows[i].depth;
                    for j in (i.saturating_sub(MAX_LOOKBACK)..i).rev() {
                        let r = &rows[j];
                        if r.parent.is_some() || r.unit != unit {
                            continue;
                        }
                        if r.kind == RowKind::Header {
                            if r.depth < depth {
                                break;
                            }
                            continue;
                        }
                        // An earlier total ends the run (unless it closed
                        // a section: then it is a component).
                        if r.kind == RowKind::Total && !closing[j] {
                            break;
                        }
                        parts.push(j);
                    }
                }
                for j in parts {
                    rows[j].parent = Some(i);
                    children[i] += 1;
                }
            }
            _ => {}
        }
    }
    // Items under a heading without a total: the heading is their parent.
    let mut heading: Option<usize> = None;
    for i in 0..n {
        if rows[i].kind == RowKind::Header {
            heading = Some(i);
            continue;
        }
        if rows[i].parent.is_none()
            && let Some(h) = heading
            && rows[i].section.as_deref() == Some(rows[h].label.trim_end_matches(':').trim())
        {
            rows[i].parent = Some(h);
        }
    }
    // Totals that are components of a larger total are subtotals.
    for i in 0..n {
        if rows[i].kind == RowKind::Total
            && rows[i]
                .parent
                .is_some_and(|p| rows[p].kind != RowKind::Header)
        {
            rows[i].kind = RowKind::Subtotal;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelOrigin;

    fn row(label: &str, section: Option<&str>) -> Row {
        Row {
            label: label.to_string(),
            origin: LabelOrigin::Printed,
            section: section.map(str::to_string),
            parent: None,
            depth: 0,
            kind: RowKind::Item,
            unit: Unit::Money,
            scale: Scale::Units,
            cells: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn units_read_each_section_once_with_the_same_result() {
        let rows = [
            row("Basic", Some("Net income per share:")),
            row("Diluted", Some("Net income per share:")),
            row("Total", Some("Net income per share:")),
            row("Basic", Some("Weighted average number of shares")),
            row("Gross margin", None),
            row("Revenues", None),
        ];
        let got = units(&rows);
        assert_eq!(
            got,
            [
                Unit::PerShare,
                Unit::PerShare,
                Unit::Money,
                Unit::Shares,
                Unit::Percent,
                Unit::Money
            ]
        );
        let each: Vec<Unit> = rows.iter().map(unit_of).collect();
        assert_eq!(got, each);
    }
}
