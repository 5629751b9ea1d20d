//! The table a statement view shows: one filing's statement, or every
//! filing's statement merged by period with rows aligned by label. Built
//! once per view change (never per frame). A cell's check status is looked
//! up in the `CheckIndex` when the cell is drawn, and a column's width is
//! measured the first time the column is laid out and kept: the merged view
//! of 800 filings has thousands of columns, of which a screen shows a few.

use super::format::{UnitMode, format_cell};
use super::index::CheckIndex;
use crate::check::Status;
use crate::model::{
    Cell, ColumnRole, Currency, Filing, Period, RowKind, Scale, Statement, StatementKind, Unit,
};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use unicode_width::UnicodeWidthStr;

/// A column of the grid: one statement column of one filing.
#[derive(Clone, Debug, PartialEq)]
pub struct GridColumn {
    /// Filing index.
    pub filing: usize,
    /// Column index within the filing's statement.
    pub col: usize,
    /// Period covered.
    pub period: Period,
    /// RMB or USD.
    pub currency: Currency,
    /// Reported or a reconciliation role.
    pub role: ColumnRole,
    /// The header as printed.
    pub header: String,
}

impl GridColumn {
    /// The second header line: the currency, or the reconciliation role.
    pub fn subtitle(&self) -> String {
        match self.role {
            ColumnRole::Reported => self.currency.to_string(),
            ColumnRole::UsGaap => format!("GAAP {}", self.currency),
            ColumnRole::Ifrs => format!("IFRS {}", self.currency),
            ColumnRole::Adjustment => {
                let h = self.header.trim();
                if h.is_empty() {
                    "Adj.".into()
                } else {
                    h.to_string()
                }
            }
        }
    }
}

/// Where a grid cell's value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GridCell {
    /// Filing index.
    pub filing: usize,
    /// Statement index within the filing.
    pub stmt: usize,
    /// Row index within the statement.
    pub row: usize,
    /// Column index within the statement.
    pub col: usize,
}

impl GridCell {
    /// The worst failing or warning check on this cell (a passed check
    /// does not count), for a grid of statement `kind`.
    pub fn status(&self, index: &CheckIndex, kind: StatementKind) -> Option<Status> {
        index.status(self.filing, kind, self.row, self.col)
    }
}

/// A row of the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// The label.
    pub label: String,
    /// Indentation depth.
    pub depth: u8,
    /// Header, item, subtotal, total.
    pub kind: RowKind,
    /// What the numbers measure.
    pub unit: Unit,
    /// The scale the numbers are printed in.
    pub scale: Scale,
    /// Whether the loader repaired or recovered the label.
    pub repaired: bool,
    /// (filing, statement index, row index) of the row the label comes from.
    pub home: (usize, usize, usize),
    /// One slot per grid column.
    pub cells: Vec<Option<GridCell>>,
}

/// The table of a statement view.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The statement kind.
    pub kind: StatementKind,
    /// Whether this is the merged all-filings view.
    pub merged: bool,
    /// The columns, in display order.
    pub columns: Vec<GridColumn>,
    /// The rows.
    pub rows: Vec<GridRow>,
    /// Column display widths per unit mode (see [`UnitMode::index`]),
    /// each measured on first use by [`Grid::width`].
    widths: [Vec<OnceCell<u16>>; 3],
    /// Width of the label column content (indent, marker and label).
    pub label_width: u16,
    /// The scale money is printed in (from the first statement).
    pub scale: Scale,
}

/// The two header lines of a column: the period, then the currency (or
/// reconciliation role), with the filing's quarter in the merged view.
pub fn header_lines(filings: &[Filing], c: &GridColumn, merged: bool) -> (String, String) {
    let sub = c.subtitle();
    let sub = if merged {
        match filings.get(c.filing) {
            Some(f) => format!("{sub} ·{}", f.quarter),
            None => sub,
        }
    } else {
        sub
    };
    (c.period.short(), sub)
}

/// The indentation a row is shown with: its depth, one more for a line
/// item whose parent total sits at the same depth or shallower (the
/// statement of operations prints components flush with their totals).
pub fn display_depth(st: &Statement, r: usize) -> u8 {
    let row = &st.rows[r];
    let nested = row.kind == RowKind::Item
        && row
            .parent
            .and_then(|p| st.rows.get(p))
            .is_some_and(|p| p.kind != RowKind::Header && p.depth >= row.depth);
    row.depth + u8::from(nested)
}

/// The cell a grid cell points at.
pub fn cell<'a>(filings: &'a [Filing], gc: &GridCell) -> Option<&'a Cell> {
    filings
        .get(gc.filing)?
        .statements
        .get(gc.stmt)?
        .rows
        .get(gc.row)?
        .cell(gc.col)
}

/// Row labels numbered by their normalised form (see
/// [`crate::compare::normalize`]): labels that align exactly get one number.
#[derive(Default)]
struct LabelNumbers<'a> {
    by_label: FxHashMap<&'a str, u32>,
    by_form: FxHashMap<String, u32>,
    forms: Vec<String>,
}

impl<'a> LabelNumbers<'a> {
    /// The number of `label`'s normal form.
    fn number(&mut self, label: &'a str) -> u32 {
        if let Some(&k) = self.by_label.get(label) {
            return k;
        }
        let form = crate::compare::normalize(label);
        let next = self.forms.len() as u32;
        let k = *self.by_form.entry(form.clone()).or_insert(next);
        if k == next {
            self.forms.push(form);
        }
        self.by_label.insert(label, k);
        k
    }

    /// The similarity of the labels numbered `a` and `b`.
    fn similarity(&self, a: u32, b: u32) -> f64 {
        crate::compare::similarity_keyed(&self.forms[a as usize], &self.forms[b as usize])
    }
}

impl Grid {
    /// The display width of column `c` in unit mode `mode`: its widest
    /// header line (the currency line counted up to 16) or value, plus one.
    /// Measured on first use and kept; 10 for a column that does not exist.
    pub fn width(&self, filings: &[Filing], mode: UnitMode, c: usize) -> u16 {
        let Some(slot) = self.widths[mode.index()].get(c) else {
            return 10;
        };
        *slot.get_or_init(|| {
            let (a, b) = header_lines(filings, &self.columns[c], self.merged);
            let header = a.width().max(b.width().min(16)) as u16 + 1;
            self.rows
                .iter()
                .filter_map(|row| {
                    let gc = row.cells.get(c).copied().flatten()?;
                    let cell = cell(filings, &gc)?;
                    Some(format_cell(cell, row.unit, row.scale, mode).width() as u16 + 1)
                })
                .fold(header, u16::max)
        })
    }

    /// An empty grid (the statement is absent).
    pub fn empty(kind: StatementKind) -> Grid {
        Grid {
            kind,
            merged: false,
            columns: Vec::new(),
            rows: Vec::new(),
            widths: [Vec::new(), Vec::new(), Vec::new()],
            label_width: 0,
            scale: Scale::Thousands,
        }
    }

    /// The statement `kind` of filing `f`.
    pub fn single(filings: &[Filing], f: usize, kind: StatementKind) -> Grid {
        let Some(filing) = filings.get(f) else {
            return Grid::empty(kind);
        };
        let Some(si) = filing.statements.iter().position(|s| s.kind == kind) else {
            return Grid::empty(kind);
        };
        let st = &filing.statements[si];
        let columns = st
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| GridColumn {
                filing: f,
                col: c,
                period: col.period,
                currency: col.currency,
                role: col.role,
                header: col.header.clone(),
            })
            .collect();
        let rows = st
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| GridRow {
                label: row.label.clone(),
                depth: display_depth(st, r),
                kind: row.kind,
                unit: row.unit,
                scale: row.scale,
                repaired: row.is_repaired(),
                home: (f, si, r),
                cells: (0..st.columns.len())
                    .map(|c| {
                        row.cell(c).map(|_| GridCell {
                            filing: f,
                            stmt: si,
                            row: r,
                            col: c,
                        })
                    })
                    .collect(),
            })
            .collect();
        Grid::finish(kind, false, columns, rows, st.scale)
    }

    /// Every filing's statement `kind`, columns ordered by period (then
    /// currency, then filing), rows aligned by label across filings.
    pub fn merged(filings: &[Filing], kind: StatementKind) -> Grid {
        // Each merged row remembers its label's number (see `labels`) and
        // its source row in every filing.
        struct Acc {
            row: GridRow,
            key: u32,
            src: Vec<Option<usize>>,
        }
        let n = filings.len();
        let mut acc: Vec<Acc> = Vec::new();
        let mut scale = None;
        let mut stmt_of: Vec<Option<usize>> = vec![None; n];
        // Labels repeat from filing to filing: each is normalised once and
        // numbered by its normal form, and each similarity computed once.
        let mut labels = LabelNumbers::default();
        let mut similar: FxHashMap<(u32, u32), f64> = FxHashMap::default();
        for (f, filing) in filings.iter().enumerate() {
            let Some(si) = filing.statements.iter().position(|s| s.kind == kind) else {
                continue;
            };
            stmt_of[f] = Some(si);
            let st = &filing.statements[si];
            scale.get_or_insert(st.scale);
            let left_keys: Vec<u32> = acc.iter().map(|a| a.key).collect();
            let right_keys: Vec<u32> = st.rows.iter().map(|r| labels.number(&r.label)).collect();
            let pairs = crate::compare::align_by(&left_keys, &right_keys, |&a, &b| {
                *similar
                    .entry((a, b))
                    .or_insert_with(|| labels.similarity(a, b))
            });
            let mut old: Vec<Option<Acc>> = acc.into_iter().map(Some).collect();
            let mut next = Vec::with_capacity(pairs.len());
            for (l, r) in pairs {
                let mut a = match l {
                    Some(i) => old[i].take().expect("each left index once"),
                    None => {
                        let ri = r.expect("one side present");
                        let row = &st.rows[ri];
                        Acc {
                            row: GridRow {
                                label: row.label.clone(),
                                depth: display_depth(st, ri),
                                kind: row.kind,
                                unit: row.unit,
                                scale: row.scale,
                                repaired: row.is_repaired(),
                                home: (f, si, r.unwrap_or(0)),
                                cells: Vec::new(),
                            },
                            key: right_keys[ri],
                            src: vec![None; n],
                        }
                    }
                };
                if let Some(r) = r {
                    a.src[f] = Some(r);
                }
                next.push(a);
            }
            acc = next;
        }
        let mut columns: Vec<GridColumn> = Vec::new();
        for (f, filing) in filings.iter().enumerate() {
            if let Some(si) = stmt_of[f] {
                for (c, col) in filing.statements[si].columns.iter().enumerate() {
                    columns.push(GridColumn {
                        filing: f,
                        col: c,
                        period: col.period,
                        currency: col.currency,
                        role: col.role,
                        header: col.header.clone(),
                    });
                }
            }
        }
        columns.sort_by_cached_key(|c| {
            (
                c.period.end(),
                c.period.months(),
                c.currency,
                c.filing,
                c.col,
            )
        });
        let rows = acc
            .into_iter()
            .map(|a| {
                let mut row = a.row;
                row.cells = columns
                    .iter()
                    .map(|gc| {
                        let si = stmt_of[gc.filing]?;
                        let r = a.src[gc.filing]?;
                        filings[gc.filing].statements[si].rows[r].cell(gc.col)?;
                        Some(GridCell {
                            filing: gc.filing,
                            stmt: si,
                            row: r,
                            col: gc.col,
                        })
                    })
                    .collect();
                row
            })
            .collect();
        Grid::finish(kind, true, columns, rows, scale.unwrap_or(Scale::Thousands))
    }

    fn finish(
        kind: StatementKind,
        merged: bool,
        columns: Vec<GridColumn>,
        rows: Vec<GridRow>,
        scale: Scale,
    ) -> Grid {
        let widths = std::array::from_fn(|_| vec![OnceCell::new(); columns.len()]);
        let label_width = rows
            .iter()
            .map(|r| r.label.width() + 2 * r.depth as usize + 2)
            .max()
            .unwrap_or(10) as u16;
        Grid {
            kind,
            merged,
            columns,
            rows,
            widths,
            label_width,
            scale,
        }
    }
}
