//! The command line: `tieout [FILES]`, `check`, `export`, `show`.

use std::process::ExitCode;

/// Parses the command line, runs the command, and returns the exit code
/// (0 success, 1 failed checks, 2 bad input).
pub fn main() -> ExitCode {
    let (filings, errors) = crate::load::load_all(&crate::load::bundled());
    let report = crate::check::run(&filings);
    match crate::tui::run(crate::tui::ExplorerInput {
        filings,
        errors,
        report,
        config_path: None,
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tieout: {e}");
            ExitCode::from(2)
        }
    }
}
