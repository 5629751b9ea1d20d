//! The command-line grammar (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// tieout: ties out the figures of company financial filings.
///
/// With no command, opens the explorer. With no FILES, every command works on
/// the two bundled filings (Qifu Technology, Q1 and Q2 2024).
#[derive(Debug, Parser)]
#[command(name = "tieout", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Filings to open (Markdown or PDF-extracted text); none: the bundled filings.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// Explorer settings file, instead of the platform config file.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every check; exit 0 when none failed, 1 when any failed, 2 on bad input.
    Check(CheckArgs),
    /// Write every cell of every statement as CSV or JSON records.
    Export(ExportArgs),
    /// Print one statement as an aligned plain-text table.
    Show(ShowArgs),
}

/// The filings a headless command works on.
#[derive(Debug, Args)]
pub struct Inputs {
    /// Filings to read; none: the bundled filings.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
}

/// `tieout check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The filings.
    #[command(flatten)]
    pub inputs: Inputs,
    /// Report format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Formats of the check report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Failures and warnings first, then the summary line.
    Text,
    /// `{"checks": [...], "summary": {...}}`.
    Json,
}

/// `tieout export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The filings.
    #[command(flatten)]
    pub inputs: Inputs,
    /// Record format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here (replaced only once complete) instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One header line, then one line per cell.
    Csv,
    /// An array of objects with the CSV's fields.
    Json,
}

/// `tieout show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The filings.
    #[command(flatten)]
    pub inputs: Inputs,
    /// Statement id: balance-sheet, income-statement, cash-flow,
    /// comprehensive-income, non-gaap, ifrs-income, ifrs-balance-sheet, metrics.
    #[arg(long, value_name = "KIND")]
    pub statement: String,
    /// Only this filing (its file name without extension); default: every filing.
    #[arg(long, value_name = "ID")]
    pub filing: Option<String>,
}
