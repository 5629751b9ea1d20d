//! `tieout show`: one statement as an aligned plain-text table.

use super::args::ShowArgs;
use super::error::{CliError, Failure};
use super::{inputs, output};
use crate::export::show;
use crate::model::{Filing, StatementKind};
use std::process::ExitCode;
use std::str::FromStr;
use strum::IntoEnumIterator;

/// Validates `--statement` (before loading), loads the filings (any failure:
/// exit 2), validates `--filing`, and prints the statement of each selected
/// filing that has it.
pub fn run(args: &ShowArgs) -> Result<ExitCode, Failure> {
    let kind =
        StatementKind::from_str(&args.statement).map_err(|_| CliError::UnknownStatement {
            given: args.statement.clone(),
            valid: StatementKind::iter()
                .map(StatementKind::id)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let filings = inputs::load_strict(&args.inputs.files)?;
    let selected: Vec<&Filing> = match &args.filing {
        Some(id) => {
            let found: Vec<&Filing> = filings.iter().filter(|f| &f.id == id).collect();
            if found.is_empty() {
                return Err(CliError::UnknownFiling {
                    given: id.clone(),
                    valid: ids(filings.iter()),
                }
                .into());
            }
            found
        }
        None => filings.iter().collect(),
    };
    let tables: Vec<String> = selected
        .iter()
        .filter_map(|f| f.statement(kind).map(|s| show::render(f, s)))
        .collect();
    if tables.is_empty() {
        let mut available: Vec<&str> = selected
            .iter()
            .flat_map(|f| f.statements.iter().map(|s| s.kind.id()))
            .collect();
        available.sort_unstable();
        available.dedup();
        return Err(CliError::MissingStatement {
            kind: kind.id().to_string(),
            filings: ids(selected.iter().copied()),
            available: available.join(", "),
        }
        .into());
    }
    output::to_stdout(|out| out.write_all(tables.join("\n").as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

fn ids<'a>(filings: impl Iterator<Item = &'a Filing>) -> String {
    filings
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
