//! Terminal events to actions: keys through the keymap, mouse wheel and
//! clicks through the screen geometry.

use super::action::Action;
use super::layout::{self, TABLE_HEADER};
use super::state::{Pane, State};
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

/// The action a mouse event means, if any.
pub fn mouse_action(state: &State, m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(3)),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(3)),
        MouseEventKind::Down(MouseButton::Left) => {
            let a = layout::areas(Rect::new(0, 0, state.size.0, state.size.1));
            if m.row == a.tabs.y {
                return layout::tab_at(&state.tabs, a.tabs.width, m.column).map(Action::GoTab);
            }
            if !state.overlays.is_empty() || m.row < a.body.y || m.row >= a.body.y + a.body.height {
                return None;
            }
            // Lines above the first row: table header, or the pane's title/summary line.
            let skip = match state.pane {
                Pane::Table => TABLE_HEADER,
                Pane::Compare => TABLE_HEADER + 1,
                Pane::Checks => 1,
            };
            let y = m.row - a.body.y;
            (y >= skip).then(|| Action::ClickRow((y - skip) as usize))
        }
        _ => None,
    }
}

/// The action a terminal event means, if any.
pub fn event_action(state: &State, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => state.key_action(k),
        Event::Mouse(m) => mouse_action(state, m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
