//! Hand-built filings for explorer tests: a subset of the two bundled
//! filings with their real values and line numbers, and a small check
//! report (one real failure: the OCR-damaged USD total of the Q2 6-K).
#![allow(dead_code)]

mod filings;
mod harness;
mod report;

#[allow(unused_imports)]
pub use filings::{q1, q2};
#[allow(unused_imports)]
pub use harness::T;
pub use report::report;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use tieout::model::*;
use tieout::tui::ExplorerInput;
use tieout::tui::state::State;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A cell from its printed text: "(213,267)" is -213267, "-" is 0.
pub fn cell(raw: &str, line: usize) -> Option<Cell> {
    if raw.is_empty() {
        return None;
    }
    let t = raw.trim();
    let neg = t.starts_with('(');
    let body: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let value = if body.is_empty() {
        Decimal::ZERO
    } else {
        let v = Decimal::from_str(&body).unwrap();
        if neg { -v } else { v }
    };
    Some(Cell {
        amount: Amount::from_decimal(value),
        raw: raw.to_string(),
        line,
    })
}

/// A row: label, kind, depth, parent, source line, printed values.
pub fn row(
    label: &str,
    kind: RowKind,
    depth: u8,
    parent: Option<usize>,
    line: usize,
    vals: &[&str],
) -> Row {
    Row {
        label: label.into(),
        origin: LabelOrigin::Printed,
        section: None,
        parent,
        depth,
        kind,
        unit: Unit::Money,
        scale: Scale::Thousands,
        cells: vals.iter().map(|v| cell(v, line)).collect(),
        line,
    }
}

pub fn col(header: &str, period: Period, currency: Currency, line: usize) -> Column {
    Column {
        header: header.into(),
        period,
        currency,
        role: ColumnRole::Reported,
        line,
    }
}

pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// The explorer input over the fixture, with one file that failed to load.
pub fn input() -> ExplorerInput {
    ExplorerInput {
        filings: vec![q1(), q2()],
        errors: vec![tieout::load::LoadError::Empty {
            file: "empty.txt".into(),
        }],
        report: report(),
        config_path: Some("/nonexistent/tieout-test-config.toml".into()),
    }
}

/// The fixture state on a 120x40 terminal.
pub fn state() -> State {
    tieout::tui::initial_state(input(), (120, 40)).0
}
