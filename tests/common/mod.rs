//! Shared helpers for the loader tests: the bundled filings loaded once,
//! and lookups by statement, label, period and currency.
#![allow(dead_code)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::OnceLock;
use tieout::load;
use tieout::model::{Cell, ColumnRole, Currency, Filing, Period, Row, Statement, StatementKind};

/// Both bundled filings loaded together (Q1 first).
pub fn filings() -> &'static [Filing] {
    static F: OnceLock<Vec<Filing>> = OnceLock::new();
    F.get_or_init(|| {
        let (f, e) = load::load_all(&load::bundled());
        assert!(e.is_empty(), "{e:?}");
        f
    })
}

/// The Q1 press release.
pub fn q1() -> &'static Filing {
    &filings()[0]
}

/// The Q2 6-K.
pub fn q2() -> &'static Filing {
    &filings()[1]
}

/// A date.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Three months ended `m`/`day` of `y`.
pub fn q(y: i32, m: u32, day: u32) -> Period {
    Period::months_ending(3, d(y, m, day))
}

/// Six months ended June 30 of `y`.
pub fn h1(y: i32) -> Period {
    Period::months_ending(6, d(y, 6, 30))
}

/// The instant `y-m-day`.
pub fn at(y: i32, m: u32, day: u32) -> Period {
    Period::instant(d(y, m, day))
}

/// A decimal from text.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The statement of `kind` (panics if missing).
pub fn st(f: &Filing, kind: StatementKind) -> &Statement {
    f.statement(kind)
        .unwrap_or_else(|| panic!("{} has no {kind}", f.id))
}

/// The `n`-th (0-based) row labelled `label`.
pub fn row_n<'a>(s: &'a Statement, label: &str, n: usize) -> &'a Row {
    s.rows
        .iter()
        .filter(|r| r.label == label)
        .nth(n)
        .unwrap_or_else(|| panic!("no row {label:?} #{n} in {}", s.kind))
}

/// The cell of `label` (first occurrence) in the reported column of
/// `period` and `currency`.
pub fn cell<'a>(s: &'a Statement, label: &str, period: Period, cur: Currency) -> Option<&'a Cell> {
    cell_n(s, label, 0, period, cur, ColumnRole::Reported)
}

/// The cell of the `n`-th row labelled `label` in the column of `period`,
/// `currency` and `role`.
pub fn cell_n<'a>(
    s: &'a Statement,
    label: &str,
    n: usize,
    period: Period,
    cur: Currency,
    role: ColumnRole,
) -> Option<&'a Cell> {
    let c = s
        .column_index(&period, cur, role)
        .unwrap_or_else(|| panic!("no column {period} {cur} {role} in {}", s.kind));
    row_n(s, label, n).cell(c)
}

/// Asserts a cell's printed value (as `Amount::plain`) and source line.
pub fn assert_cell(c: Option<&Cell>, plain: &str, line: usize) {
    let c = c.unwrap_or_else(|| panic!("missing cell, expected {plain} at line {line}"));
    assert_eq!(c.amount.plain(), plain, "value (raw {:?})", c.raw);
    assert_eq!(c.line, line, "line of {plain}");
}
