//! A synthetic filing whose income statement has many rows, for the
//! render benchmark (a frame must cost the visible rows, not all of them).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tieout::model::{
    Amount, Cell, Column, ColumnRole, Currency, Filing, LabelOrigin, Period, Quarter, Row, RowKind,
    Scale, Statement, StatementKind, Unit,
};

/// A filing holding one income statement of `rows` rows in six columns
/// (three- and six-month periods of 2023 and 2024, RMB and USD): groups of
/// nine items under a subtotal, every tenth row a subtotal.
pub fn filing_with_rows(rows: usize) -> Filing {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let periods = [
        Period::months_ending(3, date(2023, 6, 30)),
        Period::months_ending(3, date(2024, 6, 30)),
        Period::months_ending(3, date(2024, 6, 30)),
        Period::months_ending(6, date(2023, 6, 30)),
        Period::months_ending(6, date(2024, 6, 30)),
        Period::months_ending(6, date(2024, 6, 30)),
    ];
    let columns: Vec<Column> = periods
        .iter()
        .enumerate()
        .map(|(i, &period)| {
            let currency = if i % 3 == 2 {
                Currency::USD
            } else {
                Currency::RMB
            };
            Column {
                header: format!("{} {currency}", period.short()),
                period,
                currency,
                role: ColumnRole::Reported,
                line: 1,
            }
        })
        .collect();
    let count = rows;
    let rows: Vec<Row> = (0..count)
        .map(|i| {
            let is_subtotal = i % 10 == 9;
            let cells = (0..columns.len())
                .map(|c| {
                    let value = Decimal::from((i as i64 * 7919 + c as i64 * 104_729) % 9_999_991)
                        * if i % 7 == 3 {
                            Decimal::NEGATIVE_ONE
                        } else {
                            Decimal::ONE
                        };
                    Some(Cell {
                        amount: Amount::new(value, 0),
                        raw: value.to_string(),
                        line: i + 2,
                    })
                })
                .collect();
            Row {
                label: if is_subtotal {
                    format!("Total of group {}", i / 10 + 1)
                } else {
                    format!("Line item {} of a long synthetic statement", i + 1)
                },
                origin: LabelOrigin::Printed,
                section: Some(format!("Group {}", i / 10 + 1)),
                parent: Some(i - i % 10 + 9).filter(|&p| !is_subtotal && p < count),
                depth: u8::from(!is_subtotal),
                kind: if is_subtotal {
                    RowKind::Subtotal
                } else {
                    RowKind::Item
                },
                unit: Unit::Money,
                scale: Scale::Thousands,
                cells,
                line: i + 2,
            }
        })
        .collect();
    let source = (0..rows.len() + 1)
        .map(|i| format!("synthetic line {}", i + 1))
        .collect();
    Filing {
        id: "big-2024q2".into(),
        company: "Big Synthetic Holdings, Inc.".into(),
        ticker: "BIG".into(),
        quarter: Quarter {
            year: 2024,
            quarter: 2,
        },
        date: Some(date(2024, 8, 13)),
        exchange_rate: None,
        statements: vec![Statement {
            kind: StatementKind::IncomeStatement,
            title: "Synthetic Statements of Operations".into(),
            scale: Scale::Thousands,
            columns,
            rows,
            line: 1,
        }],
        facts: Vec::new(),
        claims: Vec::new(),
        repairs: Vec::new(),
        warnings: Vec::new(),
        source,
    }
}
