//! A hand-built filing with figures from the Q2 2024 6-K, for unit tests of
//! export and show independent of the loader.

use crate::model::*;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

fn cell(raw: &str, line: usize) -> Option<Cell> {
    let dash = matches!(raw, "-" | "—" | "_");
    let neg = raw.starts_with('(');
    let digits: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut value = if dash {
        Decimal::ZERO
    } else {
        Decimal::from_str(&digits).expect("fixture number")
    };
    if neg {
        value = -value;
    }
    Some(Cell {
        amount: Amount::from_decimal(value),
        raw: raw.to_string(),
        line,
    })
}

fn row(label: &str, kind: RowKind, unit: Unit, depth: u8, cells: Vec<Option<Cell>>) -> Row {
    let line = cells.iter().flatten().map(|c| c.line).next().unwrap_or(0);
    Row {
        label: label.to_string(),
        origin: LabelOrigin::Printed,
        section: None,
        parent: None,
        depth,
        kind,
        unit,
        scale: if unit == Unit::Money {
            Scale::Thousands
        } else {
            Scale::Units
        },
        cells,
        line,
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// A Q2 2024 filing with part of the income statement and balance sheet.
pub(crate) fn filing() -> Filing {
    let q2 = Period::months_ending(3, d(2024, 6, 30));
    let income = Statement {
        kind: StatementKind::IncomeStatement,
        title: "Unaudited Condensed Consolidated Statements of Operations".into(),
        scale: Scale::Thousands,
        columns: vec![
            Column {
                header: "Three months ended June 30, 2024 RMB".into(),
                period: q2,
                currency: Currency::RMB,
                role: ColumnRole::Reported,
                line: 289,
            },
            Column {
                header: "Three months ended June 30, 2024 USD".into(),
                period: q2,
                currency: Currency::USD,
                role: ColumnRole::Reported,
                line: 289,
            },
        ],
        rows: vec![
            row(
                "Revenues",
                RowKind::Header,
                Unit::Money,
                0,
                vec![None, None],
            ),
            row(
                "Total net revenue",
                RowKind::Total,
                Unit::Money,
                1,
                vec![cell("4,160,063", 301), cell("572,443", 301)],
            ),
            row(
                "Provision for contingent liabilities",
                RowKind::Item,
                Unit::Money,
                1,
                vec![cell("(213,267)", 310), cell("(29,347)", 310)],
            ),
            row(
                "Investment loss",
                RowKind::Item,
                Unit::Money,
                0,
                vec![cell("-", 316), cell("-", 316)],
            ),
            row(
                "Basic",
                RowKind::Item,
                Unit::PerShare,
                1,
                vec![cell("4.54", 324), cell("0.62", 324)],
            ),
            row(
                "Weighted average shares",
                RowKind::Item,
                Unit::Shares,
                1,
                vec![cell("303,761,387", 330), None],
            ),
        ],
        line: 286,
    };
    let balance = Statement {
        kind: StatementKind::BalanceSheet,
        title: "Unaudited Condensed Consolidated Balance Sheets".into(),
        scale: Scale::Thousands,
        columns: vec![Column {
            header: "June 30, 2024 RMB".into(),
            period: Period::instant(d(2024, 6, 30)),
            currency: Currency::RMB,
            role: ColumnRole::Reported,
            line: 237,
        }],
        rows: vec![
            row(
                "Cash and cash equivalents",
                RowKind::Item,
                Unit::Money,
                1,
                vec![cell("6,337,134", 240)],
            ),
            row(
                "Restricted cash",
                RowKind::Item,
                Unit::Money,
                1,
                vec![cell("2,035,180", 241)],
            ),
        ],
        line: 234,
    };
    Filing {
        id: "qfin-2024q2-6k".into(),
        company: "Qifu Technology, Inc.".into(),
        ticker: "QFIN".into(),
        quarter: Quarter {
            year: 2024,
            quarter: 2,
        },
        date: None,
        exchange_rate: None,
        statements: vec![income, balance],
        facts: Vec::new(),
        claims: Vec::new(),
        repairs: Vec::new(),
        warnings: Vec::new(),
        source: Default::default(),
    }
}
