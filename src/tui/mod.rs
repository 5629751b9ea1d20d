//! The interactive explorer (ratatui + crossterm).

use crate::check::Report;
use crate::load::LoadError;
use crate::model::Filing;
use std::path::PathBuf;

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

/// Runs the explorer until the user quits; the terminal is always restored.
pub fn run(input: ExplorerInput) -> std::io::Result<()> {
    println!(
        "loaded {} filings, {} errors, {} checks",
        input.filings.len(),
        input.errors.len(),
        input.report.checks.len()
    );
    Ok(())
}
