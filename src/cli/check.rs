//! `tieout check`: run every check and report, company by company
//! ([`crate::batch`]), so memory stays bounded however many files are given.

use super::args::{CheckArgs, CheckFormat};
use super::error::{CliError, Failure};
use super::output;
use crate::batch::{self, CompanyChecks, Input};
use crate::check::{self, CheckResult, Passes, Summary};
use std::collections::HashMap;
use std::io::{self, Seek, Write};
use std::process::ExitCode;

/// Reads and checks the filings (any file that cannot be loaded: exit 2,
/// one line per file, no report), prints the report; exit 1 when any check
/// failed, else 0.
pub fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let inputs: Vec<Input> = if args.inputs.files.is_empty() {
        crate::load::bundled()
            .into_iter()
            .map(Input::Source)
            .collect()
    } else {
        args.inputs.files.iter().cloned().map(Input::Path).collect()
    };
    let threads = batch::default_threads();
    let (groups, errors) = batch::plan(&inputs, threads);
    fail_on(errors)?;
    let set = check::rules::embedded();
    let summary = match args.format {
        CheckFormat::Text => {
            let mut report = TextReport::default();
            let errors = batch::run_with(set, &inputs, &groups, threads, Passes::Count, |c| {
                report.add(c)
            });
            fail_on(errors)?;
            let summary = report.summary;
            let text = report.render();
            output::to_stdout(|out| out.write_all(text.as_bytes()))?;
            summary
        }
        CheckFormat::Json => {
            let mut report = JsonReport::new()?;
            let errors = batch::run(set, &inputs, &groups, threads, |c| report.add(c));
            fail_on(errors)?;
            let summary = report.summary;
            report.finish()?;
            summary
        }
    };
    Ok(if summary.fail > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Any load errors fail the command, one line per file in input order.
fn fail_on(errors: Vec<(usize, crate::load::LoadError)>) -> Result<(), Failure> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Failure(
            errors.into_iter().map(|(_, e)| CliError::Load(e)).collect(),
        ))
    }
}

/// The text report being gathered: counts of everything, the failures and
/// warnings themselves (passes are only counted, by the checks themselves).
#[derive(Default)]
struct TextReport {
    summary: Summary,
    shown: Vec<CheckResult>,
    /// Filing ids in the order first seen.
    order: HashMap<String, usize>,
}

impl TextReport {
    fn add(&mut self, company: CompanyChecks) {
        for id in company.filings {
            let n = self.order.len();
            self.order.entry(id).or_insert(n);
        }
        self.summary.pass += company.passed;
        for c in company.checks {
            self.summary.count(c.status);
            if check::output::shows(&c) {
                self.shown.push(c);
            }
        }
    }

    fn render(&self) -> String {
        let mut shown: Vec<&CheckResult> = self.shown.iter().collect();
        check::output::sort_shown(&mut shown, |id| self.order.get(id).copied());
        check::output::text_of(&shown, self.summary)
    }
}

/// The JSON report being written: each company's checks go to an anonymous
/// temporary file as they come, which is copied to standard output once
/// every file has loaded (so a load error prints no partial document).
struct JsonReport {
    summary: Summary,
    spool: io::BufWriter<std::fs::File>,
    first: bool,
    failed: Option<io::Error>,
}

impl JsonReport {
    fn new() -> Result<Self, Failure> {
        let file = tempfile::tempfile().map_err(|e| spool_error(&e))?;
        Ok(JsonReport {
            summary: Summary::default(),
            spool: io::BufWriter::new(file),
            first: true,
            failed: None,
        })
    }

    fn add(&mut self, company: CompanyChecks) {
        for c in &company.checks {
            self.summary.count(c.status);
            if self.failed.is_none()
                && let Err(e) = self.write(c)
            {
                self.failed = Some(e);
            }
        }
    }

    /// One check as `json` prints it (its keys serialise in alphabetical order).
    fn write(&mut self, c: &CheckResult) -> io::Result<()> {
        if !self.first {
            self.spool.write_all(b",")?;
        }
        self.first = false;
        serde_json::to_writer(&mut self.spool, c).map_err(io::Error::other)
    }

    fn finish(self) -> Result<(), Failure> {
        if let Some(e) = self.failed {
            return Err(spool_error(&e).into());
        }
        let mut file = self
            .spool
            .into_inner()
            .map_err(|e| spool_error(e.error()))?;
        file.rewind().map_err(|e| spool_error(&e))?;
        // Through a `Value`, so its keys come in alphabetical order too.
        let summary = serde_json::to_value(self.summary).map_err(|e| spool_error(&e.into()))?;
        output::to_stdout(|out| {
            out.write_all(b"{\"checks\":[")?;
            io::copy(&mut file, out)?;
            writeln!(out, "],\"summary\":{summary}}}")
        })
    }
}

fn spool_error(e: &io::Error) -> CliError {
    CliError::Output {
        path: "temporary file".into(),
        reason: e.to_string(),
    }
}
