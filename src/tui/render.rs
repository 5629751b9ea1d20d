//! Rendering: a pure function of the state onto a buffer.

use super::config::THEMES;
use super::layout;
use super::state::{Overlay, Pane, State};
use super::theme::{self, Theme};
use super::{checks, comparison, detail, footer, help, source, statement, tabs};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The state's theme.
pub fn theme(state: &State) -> Theme {
    if state.no_color {
        return theme::by_name("mono");
    }
    theme::by_name(THEMES.get(state.theme).copied().unwrap_or("dark"))
}

/// Draws the whole screen.
pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = theme(state);
    let a = layout::areas(area);
    if area.height < 4 || area.width < 20 {
        buf.set_stringn(
            area.x,
            area.y,
            "tieout: terminal too small",
            area.width as usize,
            theme.warn,
        );
        return;
    }
    tabs::render_title(state, &theme, a.title, buf);
    tabs::render_tabs(state, &theme, a.tabs, buf);
    match state.pane {
        Pane::Table => statement::render(state, &theme, a.body, buf),
        Pane::Compare => comparison::render(state, &theme, a.body, buf),
        Pane::Checks => checks::render(state, &theme, a.body, buf),
    }
    footer::render(state, &theme, a.footer, buf);
    let o = layout::overlay(area);
    for overlay in &state.overlays {
        match overlay {
            Overlay::Help { scroll } => help::render(state, &theme, *scroll, o, buf),
            Overlay::Detail { target, scroll } => {
                detail::render(state, &theme, *target, *scroll, o, buf)
            }
            Overlay::Source(v) => source::render(state, &theme, v, layout::wide_overlay(area), buf),
        }
    }
}

impl Widget for &State {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}
