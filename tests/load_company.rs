//! The loader's structure does not depend on the company's name: a renamed
//! company's equity subtotal rolls up into TOTAL EQUITY just like Qifu's.

use tieout::load::{Source, bundled::Q1_2024, load_one};
use tieout::model::StatementKind;

fn renamed() -> Source {
    let text = Q1_2024
        .replace("QIFU TECHNOLOGY", "ACME AAAB TECHNOLOGY")
        .replace("Qifu Technology", "Acme Aaab Technology")
        .replace("QFIN", "AAAB");
    Source {
        id: "aaab-2024q1-press-release".into(),
        path: None,
        bytes: text.into_bytes(),
    }
}

#[test]
fn renamed_company_equity_rolls_up_into_total_equity() {
    let filing = load_one(&renamed()).unwrap();
    assert_eq!(filing.ticker, "AAAB");
    let bs = filing.statement(StatementKind::BalanceSheet).unwrap();
    let total = bs
        .rows
        .iter()
        .position(|r| r.label == "TOTAL EQUITY")
        .unwrap();
    let parts: Vec<&str> = bs
        .rows
        .iter()
        .filter(|r| r.parent == Some(total))
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        parts,
        vec![
            "TOTAL ACME AAAB TECHNOLOGY INC EQUITY",
            "Noncontrolling interests"
        ]
    );
    // Line 257 prints TOTAL EQUITY 22,141,212 at March 31, 2024.
    let cell = bs.rows[total].cell(1).unwrap();
    assert_eq!((cell.amount.value, cell.line), (22_141_212.into(), 257));
}
