//! The footer: the search prompt, a message, or the keys that work in the
//! current view (from the keymap), with the display settings on the right.

use super::state::State;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Draws the footer line.
pub fn render(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    if let Some(q) = &state.search_input {
        let l = Line::from(vec![
            Span::styled("/", theme.key),
            Span::styled(format!("{q}█"), theme.text),
            Span::styled("  Enter find · Esc cancel", theme.dim),
        ]);
        buf.set_line(area.x, area.y, &l, area.width);
        return;
    }
    let status = format!(
        " {} · {} · {} ",
        state.currency.label(),
        match state.unit {
            super::format::UnitMode::AsPrinted => "as printed",
            super::format::UnitMode::Millions => "millions",
            super::format::UnitMode::Billions => "billions",
        },
        theme.name
    );
    // Compact screens give the status's room to key hints.
    let status = if area.width < 100 {
        String::new()
    } else {
        status
    };
    let room = (area.width as usize).saturating_sub(status.width());
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    if let Some(m) = &state.message {
        spans.push(Span::styled(format!("{m}  "), theme.warn));
        used += m.width() + 2;
    }
    let hints = state.keymap.hints(state.context());
    // The help hint is always shown, at the end.
    let help = hints.iter().position(|(_, d)| d == "help");
    let reserve = help.map_or(0, |i| hints[i].0.width() + hints[i].1.width() + 3);
    let order = hints
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != help)
        .chain(help.map(|i| (i, &hints[i])));
    for (i, (keys, desc)) in order {
        let w = keys.width() + desc.width() + 3;
        let limit = if Some(i) == help {
            room
        } else {
            room.saturating_sub(reserve)
        };
        if used + w > limit {
            continue;
        }
        let (keys, desc) = (keys.clone(), desc.clone());
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {desc}  "), theme.dim));
        used += w;
    }
    buf.set_line(area.x, area.y, &Line::from(spans), room as u16);
    if area.width as usize > status.width() {
        buf.set_string(area.x + room as u16, area.y, status, theme.dim);
    }
}
