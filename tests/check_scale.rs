//! Scale warnings: figures printed at an odd scale or precision.

mod check_support;

use check_support::{dec, q2};
use tieout::check::{self, CheckKind, Status};
use tieout::model::{Amount, Currency, FactPeriod, NarrativeFact, Quantity, Scale, Unit};

fn fact(raw: &str, value: &str, line: usize) -> NarrativeFact {
    NarrativeFact {
        subject: "Loan facilitation volume".into(),
        row: None,
        quantity: Quantity {
            amount: Amount::from_decimal(dec(value)),
            scale: if raw.contains("million") {
                Scale::Millions
            } else {
                Scale::Units
            },
            currency: Some(Currency::RMB),
            unit: Unit::Money,
            raw: raw.into(),
        },
        period: FactPeriod::Current,
        line,
    }
}

#[test]
fn three_decimals_in_millions_beside_separated_figures_warns() {
    // 6-K line 57 "RMB23.464 million" where line 58 writes "RMB23,245 million".
    let mut f = q2();
    f.facts = vec![
        fact("RMB23.464 million", "23.464", 57),
        fact("RMB23,245 million", "23245", 58),
    ];
    let report = check::run(&[f]);
    let w: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Scale)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].status, Status::Warn);
    assert_eq!(w[0].line, Some(57));
    assert!(
        w[0].message()
            .to_string()
            .contains("probably means RMB23,464 million"),
        "{}",
        w[0].message()
    );
    assert_eq!(w[0].contributors[0].line, 58);
    assert_eq!(report.summary().warn, 1);
}

#[test]
fn the_same_figures_written_consistently_do_not_warn() {
    let mut f = q2();
    f.facts = vec![
        fact("RMB23,464 million", "23464", 57),
        fact("RMB23,245 million", "23245", 58),
    ];
    let report = check::run(&[f]);
    assert!(!report.checks.iter().any(|c| c.kind == CheckKind::Scale));
}

#[test]
fn a_table_figure_stated_without_its_scale_word_warns() {
    // "RMB4,160,063" in prose is the Q2 total net revenue printed in thousands (line 301).
    let mut f = q2();
    f.facts = vec![fact("RMB4,160,063", "4160063", 90)];
    let report = check::run(&[f]);
    let w: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Scale)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].contributors[0].line, 301);
}
