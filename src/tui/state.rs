//! The explorer's whole state. Rendering reads it; only
//! [`crate::tui::update::update`] changes it.

use super::action::Action;
use super::checks::ChecksList;
use super::config::{Config, THEMES};
use super::format::{CurrencyFilter, UnitMode};
use super::grid::{Grid, GridCell};
use super::index::CheckIndex;
use super::keymap::{Context, Key, Keymap};
use super::pair::{CompareTable, PairKind};
use crate::check::{Report, Summary};
use crate::model::{Filing, StatementKind};
use crossterm::event::{KeyCode, KeyEvent};
use std::collections::HashMap;
use strum::IntoEnumIterator;

/// The main pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// The statement table.
    Table,
    /// The comparison pane.
    Compare,
    /// The checks pane.
    Checks,
}

/// What a detail overlay explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailTarget {
    /// One check (index into the report).
    Check(usize),
    /// One cell (or, without a column, one row) of a statement, with every
    /// check on it and the loader's repairs of its row.
    Cell {
        /// The statement kind.
        kind: StatementKind,
        /// Filing index.
        filing: usize,
        /// Statement index within the filing.
        stmt: usize,
        /// Row index.
        row: usize,
        /// Column index, when a value is selected.
        col: Option<usize>,
    },
}

/// An overlay over the pane; they stack (detail, then its source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Keys.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// A check or a cell explained.
    Detail {
        /// What is explained.
        target: DetailTarget,
        /// First line shown.
        scroll: usize,
    },
    /// Source lines of a filing.
    Source(SourceView),
}

/// The source overlay's position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceView {
    /// Filing index.
    pub filing: usize,
    /// The line (1-based) of interest.
    pub line: usize,
    /// Text to highlight on that line (the cell as printed).
    pub needle: Option<String>,
    /// First line shown (1-based).
    pub top: usize,
}

/// A selection in a scrolled list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// Selected index.
    pub sel: usize,
    /// First index shown.
    pub top: usize,
}

/// Everything the explorer shows and where the user is.
pub struct State {
    /// Loaded filings.
    pub filings: Vec<Filing>,
    /// Files that failed to load, as messages.
    pub errors: Vec<String>,
    /// Check results.
    pub report: Report,
    /// Counts per status, computed once (the report never changes).
    pub summary: Summary,
    /// Failed/warned cells and checks per cell.
    pub index: CheckIndex,
    /// The statement tabs: kinds present in any filing, plus Key metrics.
    pub tabs: Vec<StatementKind>,
    /// Selected tab.
    pub tab: usize,
    /// Filing shown.
    pub filing: usize,
    /// The merged all-filings view is on.
    pub merged: bool,
    /// The table shown.
    pub grid: Grid,
    merged_cache: HashMap<StatementKind, Grid>,
    /// Grid columns shown under the currency filter.
    pub visible_cols: Vec<usize>,
    /// Table selection: row and visible column index, scrolled to `top` and `left`.
    pub row: usize,
    /// First row shown.
    pub top: usize,
    /// Selected column (index into `visible_cols`).
    pub col: usize,
    /// First column shown (index into `visible_cols`).
    pub left: usize,
    /// The main pane.
    pub pane: Pane,
    /// Overlays, topmost last.
    pub overlays: Vec<Overlay>,
    /// The comparison pane's table, or why none.
    pub compare: Option<Result<CompareTable, String>>,
    /// The pair compared.
    pub pair: PairKind,
    /// Selection in the comparison pane.
    pub compare_cur: ListCursor,
    /// The checks pane's lines.
    pub checks: ChecksList,
    /// Selection in the checks pane (index into its lines).
    pub checks_cur: ListCursor,
    /// The search being typed.
    pub search_input: Option<String>,
    /// The last search.
    pub query: super::query::Query,
    /// Unit mode.
    pub unit: UnitMode,
    /// Currency filter.
    pub currency: CurrencyFilter,
    /// Theme (index into [`THEMES`]).
    pub theme: usize,
    /// `NO_COLOR` is set: monochrome only.
    pub no_color: bool,
    /// Terminal size (width, height).
    pub size: (u16, u16),
    /// A one-line message for the footer (search misses, config errors).
    pub message: Option<String>,
    /// The user asked to quit.
    pub quit: bool,
    /// The keymap.
    pub keymap: Keymap,
}

impl State {
    /// The state at start, `size` being the terminal's.
    pub fn new(
        filings: Vec<Filing>,
        errors: Vec<String>,
        report: Report,
        config: Config,
        no_color: bool,
        size: (u16, u16),
    ) -> State {
        let index = CheckIndex::new(&filings, &report);
        let mut tabs: Vec<StatementKind> = StatementKind::iter()
            .filter(|k| filings.iter().any(|f| f.statement(*k).is_some()))
            .collect();
        if !tabs.contains(&StatementKind::Metrics) {
            tabs.push(StatementKind::Metrics);
        }
        let checks = ChecksList::new(&filings, &errors, &report);
        let theme = if no_color {
            THEMES.iter().position(|t| *t == "mono").unwrap_or(0)
        } else {
            THEMES.iter().position(|t| *t == config.theme).unwrap_or(0)
        };
        let checks_cur = ListCursor {
            sel: checks.first_selectable().unwrap_or(0),
            top: 0,
        };
        let first = tabs[0];
        let mut s = State {
            grid: Grid::empty(first),
            filings,
            errors,
            summary: report.summary(),
            report,
            index,
            tabs,
            tab: 0,
            filing: 0,
            merged: false,
            merged_cache: HashMap::new(),
            visible_cols: Vec::new(),
            row: 0,
            top: 0,
            col: 0,
            left: 0,
            pane: Pane::Table,
            overlays: Vec::new(),
            compare: None,
            pair: PairKind::AcrossFilings,
            compare_cur: ListCursor::default(),
            checks,
            checks_cur,
            search_input: None,
            query: Default::default(),
            unit: config.unit,
            currency: config.currency,
            theme,
            no_color,
            size,
            message: None,
            quit: false,
            keymap: config.keymap,
        };
        s.rebuild();
        s
    }

    /// The statement kind of the selected tab.
    pub fn kind(&self) -> StatementKind {
        self.tabs[self.tab.min(self.tabs.len() - 1)]
    }

    /// The filing shown, if any loaded.
    pub fn current_filing(&self) -> Option<&Filing> {
        self.filings.get(self.filing)
    }

    /// The key context: search input, the top overlay, or the pane.
    pub fn context(&self) -> Context {
        if self.search_input.is_some() {
            return Context::Search;
        }
        match self.overlays.last() {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Detail { .. }) => Context::Detail,
            Some(Overlay::Source(_)) => Context::Source,
            None => match self.pane {
                Pane::Table => Context::Table,
                Pane::Compare => Context::Compare,
                Pane::Checks => Context::Checks,
            },
        }
    }

    /// The action a key press means now (typed characters while searching).
    pub fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        let ctx = self.context();
        let found = self.keymap.lookup(Key::from_event(ev), ctx);
        if found.is_none()
            && ctx == Context::Search
            && let KeyCode::Char(c) = ev.code
        {
            return Some(Action::SearchInput(c));
        }
        found
    }

    /// Rebuilds the grid for the current tab, filing and view (and the
    /// comparison when it is open); keeps the selection in range.
    pub fn rebuild(&mut self) {
        let kind = self.kind();
        self.grid = if self.merged {
            self.merged_cache
                .entry(kind)
                .or_insert_with(|| Grid::merged(&self.filings, kind))
                .clone()
        } else {
            Grid::single(&self.filings, self.filing, kind)
        };
        self.refilter();
        self.row = self.row.min(self.grid.rows.len().saturating_sub(1));
        if self.pane == Pane::Compare {
            self.rebuild_compare();
        }
    }

    /// Rebuilds the comparison for the current tab and pair.
    pub fn rebuild_compare(&mut self) {
        let currency = if self.currency == CurrencyFilter::Usd {
            crate::model::Currency::USD
        } else {
            crate::model::Currency::RMB
        };
        self.compare = Some(super::pair::build(
            &self.filings,
            self.kind(),
            self.pair,
            self.filing,
            currency,
        ));
        self.compare_cur = ListCursor::default();
    }

    /// Recomputes the columns shown under the currency filter.
    pub fn refilter(&mut self) {
        let grid_col = self.visible_cols.get(self.col).copied();
        self.visible_cols = (0..self.grid.columns.len())
            .filter(|&c| self.currency.shows(self.grid.columns[c].currency))
            .collect();
        // The nearest shown column at or left of the old one, else the first.
        self.col = grid_col
            .and_then(|g| self.visible_cols.iter().rposition(|&c| c <= g))
            .unwrap_or(0)
            .min(self.visible_cols.len().saturating_sub(1));
        self.left = self.left.min(self.col);
    }

    /// The selected grid cell, if the selection holds a value.
    pub fn selected_cell(&self) -> Option<GridCell> {
        let row = self.grid.rows.get(self.row)?;
        let c = *self.visible_cols.get(self.col)?;
        row.cells.get(c).copied().flatten()
    }
}
