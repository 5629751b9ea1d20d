//! The title bar (company, filing, statement, scale, check counts) and the
//! tab bar (one tab per statement kind present, plus Key metrics).

use super::layout;
use super::state::{Pane, State};
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The title text.
pub fn title(state: &State) -> String {
    let Some(f) = state.current_filing() else {
        return " tieout · no filings loaded".into();
    };
    let which = if state.merged {
        format!("all {} filings by period", state.filings.len())
    } else {
        format!(
            "{} · {} · {}/{}",
            f.id,
            f.quarter,
            state.filing + 1,
            state.filings.len()
        )
    };
    let what = match state.pane {
        Pane::Checks => "Checks".to_string(),
        Pane::Compare => format!("{} · compare", state.kind().title()),
        Pane::Table => state.kind().title().to_string(),
    };
    let scale = state.unit.describe(state.grid.scale);
    let ticker = if f.ticker.is_empty() {
        String::new()
    } else {
        format!("{} · ", f.ticker)
    };
    format!(" {ticker}{} │ {which} │ {what} │ {scale}", f.company)
}

/// The title without the company name, for narrow screens.
pub fn short_title(state: &State) -> String {
    let full = title(state);
    match state.current_filing() {
        Some(f) if !f.ticker.is_empty() => full.replacen(&format!(" · {}", f.company), "", 1),
        _ => full,
    }
}

/// Draws the title bar with the check counts on the right.
pub fn render_title(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let s = state.summary;
    let counts = Line::from(vec![
        Span::styled(format!(" {} failed", s.fail), theme.fail),
        Span::styled(format!(" {} warned", s.warn), theme.warn),
        Span::styled(format!(" {} passed ", s.pass), theme.pass),
    ]);
    let cw = counts.width() as u16;
    let room = area.width.saturating_sub(cw);
    let mut t = title(state);
    if t.width() > room as usize {
        t = short_title(state);
    }
    let t = super::statement::fit(&t, room as usize);
    buf.set_stringn(area.x, area.y, t, room as usize, theme.title);
    if area.width > cw {
        buf.set_line(area.x + room, area.y, &counts, cw);
    }
}

/// Draws the tab bar.
pub fn render_tabs(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut x = area.x;
    for (i, t) in layout::tab_titles(&state.tabs, area.width)
        .iter()
        .enumerate()
    {
        if x >= area.x + area.width {
            break;
        }
        let style = if i == state.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        let room = (area.x + area.width - x) as usize;
        buf.set_stringn(x, area.y, t, room, style);
        x += t.width() as u16;
        if x < area.x + area.width {
            buf.set_string(x, area.y, "│", theme.dim);
        }
        x += 1;
    }
}
