//! `tieout check`: run every check and report.

use super::args::{CheckArgs, CheckFormat};
use super::error::Failure;
use super::{inputs, output};
use crate::check;
use std::process::ExitCode;

/// Loads the filings (any failure: exit 2), runs the checks, prints the
/// report; exit 1 when any check failed, else 0.
pub fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let filings = inputs::load_strict(&args.inputs.files)?;
    let report = check::run(&filings);
    let text = match args.format {
        CheckFormat::Text => check::output::text(&report),
        CheckFormat::Json => check::output::json(&report),
    };
    output::to_stdout(|out| {
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(if report.summary().fail > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
