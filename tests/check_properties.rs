//! Properties: generated statements whose components sum to their totals
//! produce no failed check; changing one value produces a failed check that
//! names that row and column.

mod check_support;

use check_support::{col, d, filing};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tieout::check::{self, Status};
use tieout::model::{
    Amount, Cell, ColumnRole, Currency, LabelOrigin, Period, Quarter, Row, RowKind, Scale,
    Statement, StatementKind, Unit,
};

/// A balance-sheet-like statement: `values[c][i]` for component i in column c,
/// the total row last; every cell on its own line.
fn build(values: &[Vec<i64>], decimals: u32) -> tieout::model::Filing {
    let n = values[0].len();
    let columns: Vec<_> = (0..values.len())
        .map(|c| {
            col(
                &format!("Column {c}"),
                Period::instant(d(2024, 6, 30)),
                Currency::RMB,
                ColumnRole::Reported,
                1,
            )
        })
        .collect();
    let mut rows = Vec::new();
    for i in 0..=n {
        let cells = values
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let raw: i64 = if i < n { v[i] } else { v.iter().sum() };
                let value = Decimal::new(raw, decimals);
                Some(Cell {
                    amount: Amount::new(value, decimals),
                    raw: value.to_string(),
                    line: 100 + i * 10 + c,
                })
            })
            .collect();
        rows.push(Row {
            label: if i < n {
                format!("Component {i}")
            } else {
                "Sum of components".into()
            },
            origin: LabelOrigin::Printed,
            section: None,
            parent: (i < n).then_some(n),
            depth: u8::from(i < n),
            kind: if i < n {
                RowKind::Item
            } else {
                RowKind::Subtotal
            },
            unit: Unit::Money,
            scale: Scale::Thousands,
            cells,
            line: 100 + i * 10,
        });
    }
    let mut f = filing(
        "generated",
        Quarter {
            year: 2024,
            quarter: 2,
        },
        "7.2672",
        1,
    );
    f.statements.push(Statement {
        kind: StatementKind::BalanceSheet,
        title: "Generated".into(),
        scale: Scale::Thousands,
        columns,
        rows,
        line: 1,
    });
    f
}

fn table() -> impl Strategy<Value = (Vec<Vec<i64>>, u32)> {
    (1usize..8, 1usize..4, 0u32..3).prop_flat_map(|(n, cols, dec)| {
        (
            prop::collection::vec(
                prop::collection::vec(-1_000_000_000i64..1_000_000_000, n),
                cols,
            ),
            Just(dec),
        )
    })
}

proptest! {
    #[test]
    fn components_that_sum_to_their_total_never_fail((values, dec) in table()) {
        let report = check::run(&[build(&values, dec)]);
        prop_assert!(report.checks.iter().all(|c| c.status != Status::Fail));
        prop_assert_eq!(report.summary().pass, values.len());
    }

    #[test]
    fn changing_one_value_fails_naming_its_row_and_column(
        (values, dec) in table(),
        pick in any::<prop::sample::Index>(),
        col_pick in any::<prop::sample::Index>(),
        delta in 1i64..1_000_000,
        negative in any::<bool>(),
    ) {
        let n = values[0].len();
        let c = col_pick.index(values.len());
        let row = pick.index(n + 1);
        let mut f = build(&values, dec);
        // Beyond the rounding of the n components and the total, half a unit each.
        let step = (delta + n as i64 + 1) * if negative { -1 } else { 1 };
        let cell = f.statements[0].rows[row].cells[c].as_mut().unwrap();
        let changed = cell.amount.value + Decimal::new(step, dec);
        cell.amount = Amount::new(changed, dec);
        cell.raw = changed.to_string();
        let line = cell.line;
        let report = check::run(&[f]);
        let fails: Vec<_> = report.checks.iter().filter(|x| x.status == Status::Fail).collect();
        prop_assert_eq!(fails.len(), 1);
        let x = fails[0];
        prop_assert_eq!(x.column_index, Some(c));
        let names_it = x.row_index == Some(row)
            || x.contributors.iter().any(|k| *k.label == *format!("Component {row}") && k.line == line);
        prop_assert!(names_it, "{:?}", x);
    }
}

/// Labels the rules know, so identities, ratios and translations all fire.
const LABELS: [&str; 12] = [
    "Total net revenue",
    "Total operating costs and expenses",
    "Income from operations",
    "Net income",
    "Basic",
    "Diluted",
    "Cash and cash equivalents",
    "TOTAL ASSETS",
    "Total current assets",
    "Cash, cash equivalents, and restricted cash, end of period",
    "Add: Share-based compensation expenses",
    "Non-GAAP net income",
];

fn wild_filing(
    cells: Vec<(i64, u32)>,
    parents: Vec<usize>,
    rate: (i64, u32),
) -> tieout::model::Filing {
    let n = parents.len();
    let mut f = filing(
        "wild",
        Quarter {
            year: 2024,
            quarter: 2,
        },
        "1",
        1,
    );
    f.exchange_rate.as_mut().unwrap().rmb_per_usd = Decimal::new(rate.0, rate.1);
    let periods = [
        Period::instant(d(2024, 6, 30)),
        Period::months_ending(3, d(2024, 6, 30)),
        Period::months_ending(6, d(2024, 6, 30)),
    ];
    for (k, kind) in [
        StatementKind::BalanceSheet,
        StatementKind::IncomeStatement,
        StatementKind::CashFlow,
        StatementKind::NonGaap,
    ]
    .into_iter()
    .enumerate()
    {
        let columns: Vec<_> = (0..4)
            .map(|c| {
                let currency = if c % 2 == 0 {
                    Currency::RMB
                } else {
                    Currency::USD
                };
                col("c", periods[(c + k) % 3], currency, ColumnRole::Reported, 1)
            })
            .collect();
        let rows = (0..n)
            .map(|i| Row {
                label: LABELS[(i + k) % LABELS.len()].into(),
                origin: LabelOrigin::Printed,
                section: Some("Net income per ordinary share".into()),
                parent: Some(parents[i] % (n + 1)).filter(|&p| p < n),
                depth: 0,
                kind: if i % 3 == 0 {
                    RowKind::Total
                } else {
                    RowKind::Item
                },
                unit: [Unit::Money, Unit::PerShare, Unit::Shares, Unit::Percent][(i + k) % 4],
                scale: [Scale::Thousands, Scale::Units, Scale::Billions][i % 3],
                cells: (0..4)
                    .map(|c| {
                        let (v, dec) = cells[(i * 4 + c + k) % cells.len()];
                        (v % 7 != 0).then(|| Cell {
                            amount: Amount::new(Decimal::new(v, dec), dec),
                            raw: v.to_string(),
                            line: i,
                        })
                    })
                    .collect(),
                line: i,
            })
            .collect();
        f.statements.push(Statement {
            kind,
            title: "wild".into(),
            scale: Scale::Thousands,
            columns,
            rows,
            line: 1,
        });
    }
    f
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_statement_is_checked_without_panicking(
        cells in prop::collection::vec((any::<i64>(), 0u32..=28), 1..40),
        parents in prop::collection::vec(0usize..20, 1..20),
        rate in (any::<i64>(), 0u32..=28),
    ) {
        let f = wild_filing(cells, parents, rate);
        let report = check::run(&[f.clone(), f]);
        let _ = tieout::check::output::text(&report);
        let _ = tieout::check::output::json(&report);
    }
}
