//! The statement view: a frozen label column, a sticky two-line header,
//! indentation by depth, totals bold, failed cells red and warned yellow.
//! Only the rows and columns on screen are formatted.

use super::format::format_cell;
use super::grid::{self, Grid};
use super::layout::{self, TABLE_HEADER};
use super::state::State;
use super::theme::Theme;
use crate::check::Status;
use crate::model::RowKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// Cuts `s` to `width` columns, ending in "…" when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(ch);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Right-aligns `s` in `width` columns.
pub fn right(s: &str, width: usize) -> String {
    let s = fit(s, width);
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

/// Writes `s` right-aligned in `width` columns at (x, y), styling the whole
/// width with `style` (only the text's cells are written: cheaper than padding).
pub fn put_right(buf: &mut Buffer, x: u16, y: u16, width: usize, s: &str, style: Style) {
    buf.set_style(Rect::new(x, y, width as u16, 1), style);
    let s = fit(s, width);
    let pad = width.saturating_sub(s.width()) as u16;
    buf.set_stringn(x + pad, y, s, width, style);
}

/// A number as shown in a column: positives keep a trailing space so
/// digits line up with the ")" of negatives.
pub fn numeric(s: &str) -> String {
    if s.ends_with(')') || s.ends_with('%') {
        s.to_string()
    } else {
        format!("{s} ")
    }
}

/// The style of a row's label and values.
pub fn row_style(theme: &Theme, kind: RowKind) -> Style {
    match kind {
        RowKind::Header => theme.heading,
        RowKind::Item => theme.text,
        RowKind::Subtotal | RowKind::Total => theme.text.patch(theme.total),
    }
}

/// Draws the label cell of a row: indentation, repaired marker, label.
pub fn draw_label(
    buf: &mut Buffer,
    theme: &Theme,
    x: u16,
    y: u16,
    width: u16,
    (label, depth, repaired): (&str, u8, bool),
    style: Style,
) {
    let indent = (2 * depth as u16).min(width / 2);
    if repaired {
        buf.set_string(x, y, "*", theme.repaired);
    }
    let room = width.saturating_sub(indent + 2) as usize;
    buf.set_stringn(x + indent + 1, y, fit(label, room), room, style);
}

/// Draws the statement table of `state` in `area`.
pub fn render(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let g: &Grid = &state.grid;
    if g.rows.is_empty() {
        let what = if state.merged {
            "any loaded filing".to_string()
        } else {
            state
                .current_filing()
                .map_or("any loaded filing".into(), |f| f.id.clone())
        };
        let msg = format!("No {} in {what}.", g.kind.title().to_lowercase());
        buf.set_stringn(
            area.x + 1,
            area.y + 1.min(area.height),
            msg,
            area.width as usize,
            theme.dim,
        );
        return;
    }
    if area.height <= TABLE_HEADER {
        return;
    }
    let lw = layout::label_width(g, &state.filings, area.width);
    let width = |c| g.width(&state.filings, state.unit, c);
    let room = area.width.saturating_sub(lw + 1);
    let n = layout::fitting_columns(width, &state.visible_cols, state.left, room);
    let shown: Vec<usize> = state
        .visible_cols
        .iter()
        .skip(state.left)
        .take(n)
        .copied()
        .collect();

    // Sticky header.
    let hdr = if state.merged {
        "All filings by period"
    } else {
        ""
    };
    buf.set_stringn(
        area.x,
        area.y,
        fit(hdr, lw as usize),
        lw as usize,
        theme.header,
    );
    let scale_note = format!(
        "{} {}",
        state.currency.label(),
        state.unit.describe(g.scale)
    );
    buf.set_stringn(
        area.x,
        area.y + 1,
        fit(&scale_note, lw as usize),
        lw as usize,
        theme.dim,
    );
    let mut x = area.x + lw + 1;
    for (vi, &c) in shown.iter().enumerate() {
        let w = width(c);
        let (a, b) = grid::header_lines(&state.filings, &g.columns[c], state.merged);
        let sel = state.left + vi == state.col;
        let hs = if sel {
            theme.header.patch(theme.selected_row)
        } else {
            theme.header
        };
        buf.set_string(x, area.y, right(&a, w as usize), hs);
        buf.set_string(x, area.y + 1, right(&b, w as usize), theme.dim);
        x += w + 1;
    }
    if state.left > 0 {
        buf.set_string(area.x + lw - 1, area.y, "◀", theme.key);
    }
    if state.left + n < state.visible_cols.len() {
        buf.set_string(area.x + area.width - 1, area.y, "▶", theme.key);
    }

    // Visible rows only.
    let body = area.height - TABLE_HEADER;
    let end = (state.top + body as usize).min(g.rows.len());
    for (i, row) in g.rows[state.top..end].iter().enumerate() {
        let ri = state.top + i;
        let y = area.y + TABLE_HEADER + i as u16;
        let base = row_style(theme, row.kind);
        let selected = ri == state.row;
        if selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.selected_row);
        }
        // Labels matching the last search are underlined.
        let matched = state.query.matches(&row.label);
        let label_style = if matched {
            base.add_modifier(Modifier::UNDERLINED)
        } else {
            base
        };
        draw_label(
            buf,
            theme,
            area.x,
            y,
            lw,
            (&row.label, row.depth, row.repaired),
            label_style,
        );
        let mut x = area.x + lw + 1;
        for (vi, &c) in shown.iter().enumerate() {
            let w = width(c) as usize;
            let gc = row.cells.get(c).copied().flatten();
            let text = gc
                .and_then(|gc| grid::cell(&state.filings, &gc))
                .map(|cell| numeric(&format_cell(cell, row.unit, row.scale, state.unit)))
                .unwrap_or_default();
            let status = gc.and_then(|gc| gc.status(&state.index, g.kind));
            let mut style = match status {
                Some(Status::Fail) => base.patch(theme.fail),
                Some(Status::Warn) => base.patch(theme.warn),
                _ => base,
            };
            if selected && state.left + vi == state.col {
                style = style.patch(theme.selected_cell);
            }
            put_right(buf, x, y, w, &text, style);
            x += w as u16 + 1;
        }
    }
}
