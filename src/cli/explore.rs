//! `tieout [FILES]`: the explorer.

use super::error::{CliError, Failure};
use super::inputs;
use crate::check;
use crate::tui::{self, ExplorerInput};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Loads what loads (the others' errors go to the explorer), runs the
/// checks and opens the explorer. Exit 2 when nothing could be loaded.
pub fn run(files: &[PathBuf], config: Option<&Path>) -> Result<ExitCode, Failure> {
    if let Some(path) = config {
        check_config(path)?;
    }
    let (filings, errors) = inputs::load_lenient(files);
    if filings.is_empty() {
        return Err(Failure(errors.into_iter().map(CliError::Load).collect()));
    }
    let report = check::run(&filings);
    tui::run(ExplorerInput {
        filings,
        errors,
        report,
        config_path: config.map(Path::to_path_buf),
    })
    .map_err(|e| CliError::Explorer(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// An explicit `--config` must be a readable, valid config file (the
/// explorer falls back to defaults only for the platform file).
fn check_config(path: &Path) -> Result<(), CliError> {
    let err = |reason: String| CliError::Config {
        path: path.display().to_string(),
        reason,
    };
    if path.is_dir() {
        return Err(err("is a directory".into()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    tui::config::parse(&text).map_err(err)?;
    Ok(())
}
