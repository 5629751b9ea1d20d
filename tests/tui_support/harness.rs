//! A fluent driver for state tests: keys go through the keymap into `update`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tieout::tui::action::Action;
use tieout::tui::grid;
use tieout::tui::state::State;
use tieout::tui::update::update;

/// A fluent driver: `T::new().keys("jj").key(KeyCode::Tab)`.
pub struct T(pub State);

impl T {
    pub fn new() -> T {
        T(super::state())
    }
    pub fn key(mut self, code: KeyCode) -> T {
        let ev = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(a) = self.0.key_action(&ev) {
            update(&mut self.0, a);
        }
        self
    }
    pub fn keys(mut self, s: &str) -> T {
        for c in s.chars() {
            self = self.key(KeyCode::Char(c));
        }
        self
    }
    pub fn act(mut self, a: Action) -> T {
        update(&mut self.0, a);
        self
    }
    pub fn label(&self) -> &str {
        &self.0.grid.rows[self.0.row].label
    }
    /// The selected cell as printed.
    pub fn raw(&self) -> String {
        let gc = self.0.selected_cell().expect("a value is selected");
        grid::cell(&self.0.filings, &gc).unwrap().raw.clone()
    }
}
