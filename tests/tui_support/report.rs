//! The fixture check report.

use super::d;
use std::str::FromStr;
use tieout::check::{
    CheckKind, CheckResult, Contributor, Difference, Expected, Interval, Report, Status,
};
use tieout::model::StatementKind;

fn contributor(
    filing: &str,
    label: &str,
    column: &str,
    value: &str,
    weight: &str,
    line: usize,
) -> Contributor {
    Contributor {
        filing: filing.into(),
        statement: Some(StatementKind::BalanceSheet),
        label: label.into(),
        column: Some(column.into()),
        value: value.into(),
        weight: weight.into(),
        line,
    }
}

fn expected(lo: &str, hi: &str) -> Expected {
    let d = |s: &str| rust_decimal::Decimal::from_str(s).unwrap();
    Expected {
        interval: Interval::new(d(lo), d(hi)),
        decimals: 2,
    }
}

fn difference(v: &str) -> Difference {
    Difference {
        value: rust_decimal::Decimal::from_str(v).unwrap(),
        decimals: 2,
    }
}

/// A report over [`q1`] and [`q2`]: the real failure (USD total liabilities
/// and equity printed "0,405,081" against total assets 6,465,081), one
/// warning, passes and a skip.
pub fn report() -> Report {
    let fail = CheckResult {
        id: "identity/qfin-2024q2-6k/balance-sheet/total-liabilities-and-equity/2".into(),
        kind: CheckKind::Identity,
        status: Status::Fail,
        filing: "qfin-2024q2-6k".into(),
        statement: Some(StatementKind::BalanceSheet),
        label: "TOTAL LIABILITIES AND EQUITY".into(),
        column: Some("June 30, 2024 USD".into()),
        period_end: Some(d(2024, 6, 30)),
        expected: Some(expected("6465080.5", "6465081.5")),
        actual: Some("0,405,081".into()),
        difference: Some(difference("6059999")),
        explanation: "total liabilities and equity 405,081 does not equal total assets 6,465,081"
            .into(),
        line: Some(285),
        contributors: vec![contributor(
            "qfin-2024q2-6k",
            "TOTAL ASSETS",
            "June 30, 2024 USD",
            "6,465,081",
            "1",
            263,
        )],
        row_index: Some(7),
        column_index: Some(2),
    };
    let warn = CheckResult {
        id: "scale/qfin-2024q2-6k/income-statement/provision-for-contingent-liabilities/1".into(),
        kind: CheckKind::Scale,
        status: Status::Warn,
        filing: "qfin-2024q2-6k".into(),
        statement: Some(StatementKind::IncomeStatement),
        label: "Provision for contingent liabilities".into(),
        column: Some("Three months ended June 30, 2024 RMB".into()),
        period_end: Some(d(2024, 6, 30)),
        expected: None,
        actual: Some("(213,267)".into()),
        difference: None,
        explanation: "a provision is negative (a reversal)".into(),
        line: Some(310),
        contributors: vec![],
        row_index: Some(5),
        column_index: Some(1),
    };
    let pass = CheckResult {
        id: "footing/qfin-2024q2-6k/income-statement/total-net-revenue/1".into(),
        kind: CheckKind::Footing,
        status: Status::Pass,
        label: "Total net revenue".into(),
        column: Some("Three months ended June 30, 2024 RMB".into()),
        expected: Some(expected("4160062.5", "4160063.5")),
        actual: Some("4,160,063".into()),
        difference: Some(difference("0")),
        explanation: "credit driven and platform services sum to total net revenue".into(),
        line: Some(301),
        row_index: Some(2),
        column_index: Some(1),
        ..warn.clone()
    };
    let skip = CheckResult {
        id: "fx/qfin-2024q1-press-release/balance-sheet/total-assets/2".into(),
        kind: CheckKind::Fx,
        status: Status::Skip,
        filing: "qfin-2024q1-press-release".into(),
        statement: Some(StatementKind::BalanceSheet),
        label: "TOTAL ASSETS".into(),
        explanation: "no exchange rate loaded".into(),
        row_index: Some(4),
        column_index: Some(2),
        line: Some(237),
        ..pass.clone()
    };
    Report {
        checks: vec![pass, fail, warn, skip],
    }
}
