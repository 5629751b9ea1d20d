//! A renamed company (as the corpus generator writes it) loads and checks
//! exactly like the bundled pair: the vocabulary's labels naming the company
//! (`*` in assets/labels.toml) are spelled with each filing's own name.

use tieout::check::{self, Report, Status};
use tieout::load::{Source, bundled, load_all};
use tieout::model::{Filing, LabelOrigin, StatementKind};

/// The bundled pair with every spelling of the company's name and ticker
/// replaced, as `examples/gen-corpus` does (OCR-damaged spellings such as
/// "Q ifu" are left as they are).
fn renamed() -> Vec<Source> {
    bundled()
        .into_iter()
        .map(|mut s| {
            let text = String::from_utf8(s.bytes).unwrap();
            let text = text
                .replace("qifu.tech", "aczt.tech")
                .replace("QIFU TECHNOLOGY", "ACME ZETA TECHNOLOGY")
                .replace("Qifu", "Acme Zeta")
                .replace("QFIN", "ACZT");
            s.id = s.id.replace("qfin", "aczt");
            s.bytes = text.into_bytes();
            s
        })
        .collect()
}

fn load(sources: &[Source]) -> Vec<Filing> {
    let (filings, errors) = load_all(sources);
    assert!(errors.is_empty(), "{errors:?}");
    filings
}

fn counts(r: &Report) -> [usize; 4] {
    [Status::Pass, Status::Fail, Status::Warn, Status::Skip]
        .map(|s| r.checks.iter().filter(|c| c.status == s).count())
}

#[test]
fn a_renamed_pair_checks_like_the_bundled_pair() {
    let bundled = check::run(&load(&bundled()));
    let renamed = check::run(&load(&renamed()));
    assert_eq!(counts(&bundled), [1222, 5, 2, 44]);
    assert_eq!(counts(&renamed), counts(&bundled));
}

#[test]
fn company_labels_are_repaired_with_the_filings_own_name() {
    let filings = load(&renamed());
    let q2 = &filings[1];
    assert_eq!(q2.company, "Acme Zeta Technology, Inc.");
    let bs = q2.statement(StatementKind::BalanceSheet).unwrap();
    // Line 283 of the 6-K runs a garbled "TOTAL LIABILITIES" into the
    // company's equity total; the vocabulary's "TOTAL * EQUITY" repairs it.
    let row = bs
        .rows
        .iter()
        .find(|r| r.label == "TOTAL ACME ZETA TECHNOLOGY INC EQUITY")
        .unwrap();
    assert_eq!(row.line, 282);
    assert_eq!(
        row.origin,
        LabelOrigin::Repaired {
            printed: "TOTAL CIABILITIES TOTAL ACME ZETA TECHNOLOGY INC EQUITY".into()
        }
    );
    // The Non-GAAP total naming the company closes its declared roll-up.
    let ng = q2.statement(StatementKind::NonGaap).unwrap();
    let total = ng
        .rows
        .iter()
        .position(|r| {
            r.label
                == "Non-GAAP net income attributable to shareholders of Acme Zeta Technology, Inc."
        })
        .unwrap();
    assert_eq!(ng.rows[total].kind, tieout::model::RowKind::Total);
    assert!(ng.rows.iter().any(|r| r.parent == Some(total)));
}
