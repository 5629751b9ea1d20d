//! Screen geometry shared by rendering, scrolling and mouse hit-testing.

use super::format::UnitMode;
use super::grid::Grid;
use crate::model::{Filing, StatementKind};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// The screen's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// Title bar (filing, company, scale).
    pub title: Rect,
    /// Tab bar.
    pub tabs: Rect,
    /// The pane.
    pub body: Rect,
    /// Key hints or the search prompt.
    pub footer: Rect,
}

/// Header lines above a table body (period, currency).
pub const TABLE_HEADER: u16 = 2;

/// Splits the screen.
pub fn areas(area: Rect) -> Areas {
    let line = |y: u16| Rect::new(area.x, y, area.width, 1.min(area.height));
    let body_h = area.height.saturating_sub(3);
    Areas {
        title: line(area.y),
        tabs: line(area.y + 1.min(area.height)),
        body: Rect::new(area.x, area.y + 2.min(area.height), area.width, body_h),
        footer: line(area.y + area.height.saturating_sub(1)),
    }
}

/// Rows of a table body that fit on a screen of `size`.
pub fn table_rows(size: (u16, u16)) -> usize {
    let a = areas(Rect::new(0, 0, size.0, size.1));
    a.body.height.saturating_sub(TABLE_HEADER) as usize
}

/// Lines of a list pane (checks) that fit.
pub fn list_rows(size: (u16, u16)) -> usize {
    let a = areas(Rect::new(0, 0, size.0, size.1));
    a.body.height.saturating_sub(1) as usize
}

/// The area of a centred overlay.
pub fn overlay(area: Rect) -> Rect {
    let w = if area.width < 100 {
        area.width.saturating_sub(2)
    } else {
        (area.width * 4 / 5).max(96).min(area.width)
    };
    let h = area.height.saturating_sub(2);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The area of a full-width overlay (source lines are long).
pub fn wide_overlay(area: Rect) -> Rect {
    let o = overlay(area);
    Rect::new(
        area.x + 1.min(area.width),
        o.y,
        area.width.saturating_sub(2),
        o.height,
    )
}

/// Lines inside an overlay on a screen of `size`.
pub fn overlay_rows(size: (u16, u16)) -> usize {
    overlay(Rect::new(0, 0, size.0, size.1))
        .height
        .saturating_sub(2) as usize
}

/// Width of the frozen label column for `grid` on a screen `width` wide:
/// labels up to 45% of the screen, more when the value columns leave room,
/// less (down to 30%) when that lets every value column fit. Columns are
/// measured (as printed) only until they fill the screen.
pub fn label_width(grid: &Grid, filings: &[Filing], width: u16) -> u16 {
    let max = (width as u32 * 45 / 100) as u16;
    let capped = grid.label_width.clamp(16, max.max(16));
    let mut columns = 0u16;
    for c in 0..grid.columns.len() {
        if columns >= width {
            break;
        }
        columns = columns.saturating_add(grid.width(filings, UnitMode::AsPrinted, c) + 1);
    }
    let room = width.saturating_sub(columns.saturating_add(1));
    let w = if room >= capped {
        capped.max(grid.label_width.min(room))
    } else {
        let floor = capped.min(((width as u32 * 30 / 100) as u16).max(16));
        room.max(floor)
    };
    w.min(width)
}

/// How many grid columns starting at visible column `left` fit beside the labels.
/// `width` gives a grid column's display width (see [`Grid::width`]).
pub fn fitting_columns(
    width: impl Fn(usize) -> u16,
    visible: &[usize],
    left: usize,
    room: u16,
) -> usize {
    let mut used = 0u16;
    let mut n = 0;
    for &c in visible.iter().skip(left) {
        let w = width(c) + 1;
        if used + w > room && n > 0 {
            break;
        }
        used += w;
        n += 1;
    }
    n
}

/// Tab titles for a bar `width` wide: full names when they fit, then
/// medium, then short ones.
pub fn tab_titles(tabs: &[StatementKind], width: u16) -> Vec<String> {
    let tier = |name: fn(StatementKind) -> &'static str| -> Vec<String> {
        tabs.iter()
            .enumerate()
            .map(|(i, k)| format!(" {} {} ", i + 1, name(*k)))
            .collect()
    };
    let fits = |t: &Vec<String>| t.iter().map(|t| t.width() + 1).sum::<usize>() <= width as usize;
    for name in [StatementKind::title, medium_title, short_title] {
        let t = tier(name);
        if fits(&t) {
            return t;
        }
    }
    tier(tiny_title)
}

/// The shortest tab names (an 80-column bar holds all eight).
pub fn tiny_title(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::BalanceSheet => "BS",
        StatementKind::IncomeStatement => "IS",
        StatementKind::CashFlow => "CF",
        StatementKind::ComprehensiveIncome => "OCI",
        StatementKind::NonGaap => "Non-GAAP",
        StatementKind::IfrsIncome => "IFRS IS",
        StatementKind::IfrsBalanceSheet => "IFRS BS",
        StatementKind::Metrics => "Metrics",
    }
}

/// A tab name for medium-width terminals.
pub fn medium_title(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::IncomeStatement => "Income",
        StatementKind::ComprehensiveIncome => "Compr. income",
        StatementKind::IfrsBalanceSheet => "IFRS BS",
        other => other.title(),
    }
}

/// A compact tab name for narrow terminals.
pub fn short_title(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::BalanceSheet => "Bal.sheet",
        StatementKind::IncomeStatement => "Income",
        StatementKind::CashFlow => "Cash flow",
        StatementKind::ComprehensiveIncome => "Compr.",
        StatementKind::NonGaap => "Non-GAAP",
        StatementKind::IfrsIncome => "IFRS inc",
        StatementKind::IfrsBalanceSheet => "IFRS BS",
        StatementKind::Metrics => "Metrics",
    }
}

/// The tab under column `x` of the tab bar, if any (tabs are separated by one column).
pub fn tab_at(tabs: &[StatementKind], width: u16, x: u16) -> Option<usize> {
    let mut start = 0u16;
    for (i, t) in tab_titles(tabs, width).iter().enumerate() {
        let end = start + t.width() as u16;
        if x >= start && x < end {
            return Some(i);
        }
        start = end + 1;
    }
    None
}
