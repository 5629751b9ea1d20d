//! The interactive explorer (ratatui + crossterm).
//!
//! Architecture: [`state::State`] holds everything; [`update::update`]
//! applies an [`action::Action`] and is the only place state changes;
//! [`render::render`] draws the state (one module per view). The keymap
//! ([`keymap`], assets/keymap.toml) turns keys into actions and feeds the
//! footer and the help overlay.

pub mod action;
pub mod checks;
pub mod comparison;
pub mod config;
pub mod detail;
pub mod footer;
pub mod format;
pub mod grid;
pub mod help;
pub mod index;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod pair;
pub mod query;
pub mod render;
pub mod source;
pub mod state;
pub mod statement;
pub mod tabs;
pub mod terminal;
pub mod theme;
pub mod update;

use crate::check::Report;
use crate::load::LoadError;
use crate::model::Filing;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Everything the explorer starts from.
pub struct ExplorerInput {
    /// Filings that loaded.
    pub filings: Vec<Filing>,
    /// Files that failed to load (listed in the checks pane).
    pub errors: Vec<LoadError>,
    /// Check results over `filings`.
    pub report: Report,
    /// `--config PATH`, overriding the platform config file.
    pub config_path: Option<PathBuf>,
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Builds the starting state for a terminal of `size` (also used by tests).
pub fn initial_state(input: ExplorerInput, size: (u16, u16)) -> (state::State, Option<String>) {
    let (config, config_error) = config::load(input.config_path.as_deref());
    let errors = input.errors.iter().map(ToString::to_string).collect();
    let mut s = state::State::new(
        input.filings,
        errors,
        input.report,
        config,
        no_color(),
        size,
    );
    s.message = config_error.clone();
    (s, config_error)
}

/// Whether the terminal went away (its pseudo-terminal closed without a
/// SIGHUP reaching us): the standard streams stop being terminals. Without
/// this the event loop would spin on a dead input forever.
fn hung_up() -> bool {
    use std::io::IsTerminal;
    !std::io::stdout().is_terminal()
}

/// Runs the explorer until the user quits; the terminal is always restored.
pub fn run(input: ExplorerInput) -> std::io::Result<()> {
    if hung_up() {
        return Err(std::io::Error::other(
            "standard output is not a terminal (use `tieout show`, `check` or `export` in scripts)",
        ));
    }
    let stop = terminal::termination_flag();
    let mut term = terminal::setup()?;
    let _restore = terminal::RestoreOnDrop;
    let size = term.size()?;
    let (mut state, config_error) = initial_state(input, (size.width, size.height));
    // Test builds only: a forced panic on the first key, to prove restore.
    let test_panic = cfg!(debug_assertions) && std::env::var_os("TIEOUT_TEST_PANIC").is_some();
    let mut dirty = true;
    loop {
        if dirty {
            term.draw(|f| f.render_widget(&state, f.area()))?;
            dirty = false;
        }
        if state.quit || stop.load(Ordering::Relaxed) {
            break;
        }
        if !crossterm::event::poll(Duration::from_millis(100))? {
            if hung_up() {
                break;
            }
            continue;
        }
        let ev = crossterm::event::read()?;
        if test_panic && matches!(ev, crossterm::event::Event::Key(_)) {
            panic!("TIEOUT_TEST_PANIC: forced panic to test terminal restore");
        }
        if let Some(action) = input::event_action(&state, &ev) {
            update::update(&mut state, action);
            dirty = true;
        }
    }
    drop(_restore);
    if let Some(msg) = config_error {
        eprintln!("tieout: {msg}");
    }
    Ok(())
}
