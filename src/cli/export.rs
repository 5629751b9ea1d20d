//! `tieout export`: every cell as CSV or JSON records.

use super::args::{ExportArgs, ExportFormat};
use super::error::Failure;
use super::{inputs, output};
use crate::export;
use std::io::Write;
use std::process::ExitCode;

/// Loads the filings (any failure: exit 2) and writes their records to
/// standard output or, atomically, to `--output`.
pub fn run(args: &ExportArgs) -> Result<ExitCode, Failure> {
    let filings = inputs::load_strict(&args.inputs.files)?;
    let records = export::records(&filings);
    let write = |out: &mut dyn Write| match args.format {
        ExportFormat::Csv => export::csv::write(&records, out),
        ExportFormat::Json => export::json::write(&records, out),
    };
    match &args.output {
        Some(path) => output::to_file(path, &args.inputs.files, write)?,
        None => output::to_stdout(write)?,
    }
    Ok(ExitCode::SUCCESS)
}
