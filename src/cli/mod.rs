//! The command line: `tieout [FILES]`, `check`, `export`, `show`.

pub mod args;
pub mod check;
pub mod error;
pub mod explore;
pub mod export;
pub mod inputs;
pub mod output;
pub mod show;

use args::{Cli, Command};
use clap::Parser;
use clap::error::ErrorKind;
pub use error::{CliError, Failure};
use std::process::ExitCode;

/// Parses the command line, runs the command, and returns the exit code
/// (0 success, 1 failed checks, 2 bad input). Every failure is printed as
/// one line per cause: `tieout: THING: reason`.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    match run(&cli) {
        Ok(code) => code,
        Err(Failure(errors)) => {
            for e in errors {
                eprintln!("tieout: {e}");
            }
            ExitCode::from(2)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        None => explore::run(&cli.files, cli.config.as_deref()),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Export(a)) => export::run(a),
        Some(Command::Show(a)) => show::run(a),
    }
}

/// Help and version go to standard output (exit 0); a usage error becomes
/// one line on standard error (exit 2).
fn clap_exit(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            eprintln!("tieout: {}", usage_line(&e));
            ExitCode::from(2)
        }
    }
}

/// Clap's message folded onto one line, without its usage block.
pub fn usage_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let mut line = String::new();
    for part in parts {
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    let line = line.strip_prefix("error: ").unwrap_or(&line);
    format!("{line} (see --help)")
}
