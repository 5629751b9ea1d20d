//! The one place state changes: `update(&mut State, Action)`. Pure: no I/O,
//! no terminal; geometry comes from the last known terminal size.

use super::action::Action;
use super::config::THEMES;
use super::format::CurrencyFilter;
use super::layout;
use super::state::{DetailTarget, ListCursor, Overlay, Pane, SourceView, State};
use super::{detail, help};

/// Applies `action` to `state`.
pub fn update(state: &mut State, action: Action) {
    state.message = None;
    match action {
        Action::Quit => state.quit = true,
        Action::Resize(w, h) => {
            state.size = (w, h);
            table_follow(state);
            columns_follow(state);
        }
        Action::Help => {
            if matches!(state.overlays.last(), Some(Overlay::Help { .. })) {
                state.overlays.pop();
            } else {
                state.overlays.push(Overlay::Help { scroll: 0 });
            }
        }
        Action::Close => close(state),
        Action::Up => step(state, -1),
        Action::Down => step(state, 1),
        Action::ScrollUp(n) => step(state, -(n as isize)),
        Action::ScrollDown(n) => step(state, n as isize),
        Action::PageUp => step(state, -(page(state) as isize)),
        Action::PageDown => step(state, page(state) as isize),
        Action::Top => step(state, isize::MIN / 2),
        Action::Bottom => step(state, isize::MAX / 2),
        Action::Left => move_col(state, -1),
        Action::Right => move_col(state, 1),
        Action::NextTab => {
            let n = state.tabs.len();
            set_tab(state, (state.tab + 1) % n);
        }
        Action::PrevTab => {
            let n = state.tabs.len();
            set_tab(state, (state.tab + n - 1) % n);
        }
        Action::GoTab(i) => {
            if i < state.tabs.len() {
                set_tab(state, i);
            }
        }
        Action::NextFiling | Action::PrevFiling => {
            let n = state.filings.len();
            if n > 0 {
                state.filing = if action == Action::NextFiling {
                    (state.filing + 1) % n
                } else {
                    (state.filing + n - 1) % n
                };
                if state.merged {
                    state.merged = false;
                }
                state.rebuild();
                table_follow(state);
            }
        }
        Action::ToggleMerged => {
            state.merged = !state.merged;
            state.rebuild();
            table_follow(state);
            columns_follow(state);
        }
        Action::Activate => match (state.pane, state.overlays.last()) {
            (Pane::Checks, None) => {
                if let Some(ci) = state.checks.check_at(state.checks_cur.sel) {
                    jump_to_check(state, ci);
                }
            }
            (Pane::Table, None) => open_source(state),
            _ => {}
        },
        Action::Source => open_source(state),
        Action::Detail => open_detail(state),
        Action::Search => {
            if state.pane == Pane::Table && state.overlays.is_empty() {
                state.search_input = Some(String::new());
            }
        }
        Action::SearchInput(c) => {
            if let Some(s) = state.search_input.as_mut() {
                s.push(c);
            }
        }
        Action::SearchBackspace => {
            if let Some(s) = state.search_input.as_mut() {
                s.pop();
            }
        }
        Action::SearchCancel => state.search_input = None,
        Action::SearchConfirm => {
            if let Some(q) = state.search_input.take() {
                state.query = super::query::Query::new(q);
                search(state, 0, true);
            }
        }
        Action::SearchNext => search(state, 1, true),
        Action::SearchPrev => search(state, 1, false),
        Action::Compare => {
            if state.pane == Pane::Compare {
                state.pane = Pane::Table;
            } else {
                state.pane = Pane::Compare;
                state.rebuild_compare();
            }
        }
        Action::NextPair => {
            state.pair = state.pair.next();
            if state.pane == Pane::Compare {
                state.rebuild_compare();
            }
        }
        Action::Checks => {
            state.pane = if state.pane == Pane::Checks {
                Pane::Table
            } else {
                Pane::Checks
            };
        }
        Action::ToggleCurrency => {
            state.currency = state.currency.next();
            state.refilter();
            columns_follow(state);
            if state.pane == Pane::Compare {
                state.rebuild_compare();
            }
        }
        Action::CycleUnit => {
            state.unit = state.unit.next();
            columns_follow(state);
        }
        Action::CycleTheme => {
            if state.no_color {
                state.message = Some("NO_COLOR is set: monochrome only".into());
            } else {
                state.theme = (state.theme + 1) % THEMES.len();
            }
        }
        Action::ClickRow(n) => click_row(state, n),
    }
}

fn close(state: &mut State) {
    if state.search_input.take().is_some() {
        return;
    }
    if state.overlays.pop().is_some() {
        return;
    }
    if state.pane != Pane::Table {
        state.pane = Pane::Table;
    } else if state.merged {
        state.merged = false;
        state.rebuild();
        table_follow(state);
    }
}

fn page(state: &State) -> usize {
    match (state.overlays.last(), state.pane) {
        (Some(_), _) => layout::overlay_rows(state.size),
        (None, Pane::Checks) => layout::list_rows(state.size),
        _ => layout::table_rows(state.size),
    }
    .max(1)
}

fn clamp_add(v: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (v as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

fn follow(cur: &mut ListCursor, rows: usize) {
    let rows = rows.max(1);
    if cur.sel < cur.top {
        cur.top = cur.sel;
    } else if cur.sel >= cur.top + rows {
        cur.top = cur.sel + 1 - rows;
    }
}

/// Moves the focused selection (or overlay scroll) by `delta` lines.
fn step(state: &mut State, delta: isize) {
    let rows = layout::overlay_rows(state.size);
    let len = match state.overlays.last() {
        Some(Overlay::Help { .. }) => help::lines(state).len(),
        Some(Overlay::Detail { target, .. }) => detail::lines(state, *target).len(),
        Some(Overlay::Source(v)) => state.filings.get(v.filing).map_or(0, |f| f.line_count()),
        None => 0,
    };
    let max_scroll = len.saturating_sub(rows);
    match state.overlays.last_mut() {
        Some(Overlay::Help { scroll }) | Some(Overlay::Detail { scroll, .. }) => {
            *scroll = clamp_add(*scroll, delta, max_scroll + 1);
            return;
        }
        Some(Overlay::Source(v)) => {
            v.top = clamp_add(v.top - 1, delta, max_scroll + 1) + 1;
            return;
        }
        None => {}
    }
    match state.pane {
        Pane::Table => {
            state.row = clamp_add(state.row, delta, state.grid.rows.len());
            table_follow(state);
        }
        Pane::Compare => {
            let n = match &state.compare {
                Some(Ok(t)) => t.rows.len(),
                _ => 0,
            };
            state.compare_cur.sel = clamp_add(state.compare_cur.sel, delta, n);
            let rows = layout::table_rows(state.size);
            follow(&mut state.compare_cur, rows);
        }
        Pane::Checks => {
            let target = clamp_add(state.checks_cur.sel, delta, state.checks.lines.len());
            if let Some(sel) = state.checks.nearest_selectable(target, delta >= 0) {
                state.checks_cur.sel = sel;
            }
            follow(&mut state.checks_cur, layout::list_rows(state.size));
        }
    }
}

/// Keeps the selected table row on screen.
fn table_follow(state: &mut State) {
    let mut cur = ListCursor {
        sel: state.row,
        top: state.top,
    };
    follow(&mut cur, layout::table_rows(state.size));
    state.top = cur.top;
}

/// Keeps the selected column on screen (horizontal scroll).
fn columns_follow(state: &mut State) {
    if state.col < state.left {
        state.left = state.col;
    }
    let room = state
        .size
        .0
        .saturating_sub(layout::label_width(&state.grid, &state.filings, state.size.0) + 1);
    let width = |c| state.grid.width(&state.filings, state.unit, c);
    while state.left < state.col
        && state.left + layout::fitting_columns(width, &state.visible_cols, state.left, room)
            <= state.col
    {
        state.left += 1;
    }
}

fn move_col(state: &mut State, delta: isize) {
    if state.pane != Pane::Table || !state.overlays.is_empty() {
        return;
    }
    state.col = clamp_add(state.col, delta, state.visible_cols.len());
    columns_follow(state);
}

fn set_tab(state: &mut State, tab: usize) {
    if tab == state.tab {
        return;
    }
    state.tab = tab;
    state.row = 0;
    state.top = 0;
    state.col = 0;
    state.left = 0;
    state.rebuild();
}

fn click_row(state: &mut State, n: usize) {
    if !state.overlays.is_empty() {
        return;
    }
    match state.pane {
        Pane::Table => {
            let r = state.top + n;
            if r < state.grid.rows.len() {
                state.row = r;
            }
        }
        Pane::Compare => {
            let r = state.compare_cur.top + n;
            if let Some(Ok(t)) = &state.compare
                && r < t.rows.len()
            {
                state.compare_cur.sel = r;
            }
        }
        Pane::Checks => {
            let r = state.checks_cur.top + n;
            if state.checks.check_at(r).is_some() {
                state.checks_cur.sel = r;
            }
        }
    }
}

/// Searches row labels for the query from the selection (`skip` rows on).
fn search(state: &mut State, skip: usize, forward: bool) {
    if state.query.is_empty() || state.pane != Pane::Table {
        return;
    }
    let n = state.grid.rows.len();
    let hit = (0..n).map(|i| i + skip).find_map(|i| {
        let r = if forward {
            (state.row + i) % n
        } else {
            (state.row + n * 2 - i) % n
        };
        state.query.matches(&state.grid.rows[r].label).then_some(r)
    });
    match hit {
        Some(r) => {
            state.row = r;
            table_follow(state);
        }
        None => state.message = Some(format!("no row matches \"{}\"", state.query)),
    }
}

/// Jumps to the cell a check reports on; opens its detail when it has no cell.
fn jump_to_check(state: &mut State, ci: usize) {
    let check = &state.report.checks[ci];
    let located = (|| {
        let f = *state.index.filing_of.get(check.filing.as_str())?;
        let kind = check.statement?;
        let tab = state.tabs.iter().position(|k| *k == kind)?;
        Some((f, tab, check.row_index?, check.column_index))
    })();
    let Some((f, tab, row, col)) = located else {
        state.overlays.push(Overlay::Detail {
            target: DetailTarget::Check(ci),
            scroll: 0,
        });
        return;
    };
    state.pane = Pane::Table;
    state.overlays.clear();
    state.filing = f;
    state.tab = tab;
    state.merged = false;
    state.rebuild();
    state.row = row.min(state.grid.rows.len().saturating_sub(1));
    if let Some(c) = col {
        if !state.visible_cols.contains(&c) {
            state.currency = CurrencyFilter::Both;
            state.refilter();
        }
        state.col = state.visible_cols.iter().position(|&v| v == c).unwrap_or(0);
    }
    table_follow(state);
    columns_follow(state);
}

fn open_detail(state: &mut State) {
    if let Some(Overlay::Detail { .. }) = state.overlays.last() {
        return;
    }
    let target = match state.pane {
        Pane::Checks if state.overlays.is_empty() => state
            .checks
            .check_at(state.checks_cur.sel)
            .map(DetailTarget::Check),
        Pane::Table if state.overlays.is_empty() => state.grid.rows.get(state.row).map(|r| {
            let (filing, stmt, row) = r.home;
            match state.selected_cell() {
                Some(gc) => DetailTarget::Cell {
                    kind: state.grid.kind,
                    filing: gc.filing,
                    stmt: gc.stmt,
                    row: gc.row,
                    col: Some(gc.col),
                },
                None => DetailTarget::Cell {
                    kind: state.grid.kind,
                    filing,
                    stmt,
                    row,
                    col: None,
                },
            }
        }),
        _ => None,
    };
    if let Some(target) = target {
        state.overlays.push(Overlay::Detail { target, scroll: 0 });
    }
}

fn open_source(state: &mut State) {
    let found = match state.overlays.last() {
        Some(Overlay::Detail { target, .. }) => match *target {
            DetailTarget::Check(ci) => {
                let c = &state.report.checks[ci];
                state
                    .index
                    .filing_of
                    .get(c.filing.as_str())
                    .zip(c.line)
                    .map(|(&f, line)| (f, line, c.actual.as_deref().map(str::to_string)))
            }
            DetailTarget::Cell {
                filing,
                stmt,
                row,
                col,
                ..
            } => cell_source(state, filing, stmt, row, col),
        },
        None if state.pane == Pane::Table => {
            let sel = state.selected_cell();
            state.grid.rows.get(state.row).and_then(|r| match sel {
                Some(gc) => cell_source(state, gc.filing, gc.stmt, gc.row, Some(gc.col)),
                None => cell_source(state, r.home.0, r.home.1, r.home.2, None),
            })
        }
        None if state.pane == Pane::Checks => {
            state.checks.check_at(state.checks_cur.sel).and_then(|ci| {
                let c = &state.report.checks[ci];
                state
                    .index
                    .filing_of
                    .get(c.filing.as_str())
                    .zip(c.line)
                    .map(|(&f, line)| (f, line, c.actual.as_deref().map(str::to_string)))
            })
        }
        _ => None,
    };
    match found {
        Some((filing, line, needle)) => {
            let context = layout::overlay_rows(state.size) / 3;
            state.overlays.push(Overlay::Source(SourceView {
                filing,
                line,
                needle,
                top: line.saturating_sub(context).max(1),
            }));
        }
        None => state.message = Some("no source line for this selection".into()),
    }
}

/// (filing, line, raw text) of a cell, or of the row's label without a column.
fn cell_source(
    state: &State,
    filing: usize,
    stmt: usize,
    row: usize,
    col: Option<usize>,
) -> Option<(usize, usize, Option<String>)> {
    let r = state
        .filings
        .get(filing)?
        .statements
        .get(stmt)?
        .rows
        .get(row)?;
    match col.and_then(|c| r.cell(c)) {
        Some(cell) => Some((filing, cell.line, Some(cell.raw.clone()))),
        None => Some((filing, r.line, None)),
    }
}
