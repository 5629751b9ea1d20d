//! Bad input: empty, binary, no statements, non-UTF-8 and NUL bytes, on
//! in-memory sources. Never a panic.

use tieout::load::{LoadError, Source, load_all, load_one};

fn src(bytes: &[u8]) -> Source {
    Source {
        id: "mem".into(),
        path: None,
        bytes: bytes.to_vec(),
    }
}

const TABLE: &str = "Unaudited Condensed Consolidated Balance Sheets\n(Amounts in thousands of Renminbi)\n\n\tDecember 31, 2023\tJune 30, 2024\n\tRMB\tRMB\nCash and cash equivalents\t4,177,890\t6,337,134\n";

#[test]
fn empty_file() {
    let e = load_one(&src(b"")).unwrap_err();
    assert!(matches!(e, LoadError::Empty { .. }));
    assert_eq!(e.to_string(), "mem (bundled): the file is empty");
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    assert!(matches!(
        load_one(&src(&bytes)).unwrap_err(),
        LoadError::Binary { .. }
    ));
}

#[test]
fn no_statements() {
    let e = load_one(&src(b"Just some prose.\nNo tables here.\n")).unwrap_err();
    assert!(matches!(e, LoadError::NoStatements { .. }));
}

#[test]
fn load_all_keeps_going() {
    let (f, e) = load_all(&[src(b""), src(TABLE.as_bytes())]);
    assert_eq!((f.len(), e.len()), (1, 1));
    let c = f[0].statements[0].rows[0].cell(1).unwrap();
    assert_eq!((c.amount.plain().as_str(), c.line), ("6337134", 6));
}

#[test]
fn non_utf8_and_nul_bytes_warn() {
    let mut bytes = TABLE.as_bytes().to_vec();
    bytes.extend_from_slice(b"Restricted cash\t3,381,107\t2,035,\x00180\n");
    bytes.extend_from_slice(b"Caf\xe9\t1\t2\n");
    let f = load_one(&src(&bytes)).unwrap();
    assert!(f.warnings.iter().any(|w| w.message.contains("UTF-8")));
    assert!(
        f.warnings
            .iter()
            .any(|w| w.line == Some(7) && w.message.contains("NUL"))
    );
    let r = &f.statements[0].rows[1];
    assert_eq!(r.cell(1).unwrap().amount.plain(), "2035180");
}

#[test]
fn garbage_never_panics() {
    let samples: [&[u8]; 8] = [
        b"\t\t\t\n\t\n",
        b"Balance Sheets\n\t\t\n\t(\t)\t%\n",
        b"Statements of Operations\n\tThree months ended\n\t2023\t2024\nx\t(\t-\t1..2\n",
        b"Balance Sheets\n\n\tJune 31, 2024\nA\t1\n",
        b"Balance Sheets\n\n\tDecember 31, 2023\nTotal\t1 2 3 4\nTotal\t\n",
        b"Statements of Operations\n\tSix months ended February 30,\n\t2023\nItem\t99999999999999999999999999999999\n",
        "Comprehensive Income\n\n\tΔ\tλ\n2023\t2024\nRMB\tUSD\n1\t2\n".as_bytes(),
        b"Reconciliations of GAAP and Non-GAAP Results\n\tThree months ended June 30,\n\t2023\t2024\na b\t1 2 3\t4 5\nc d\t1 2\t3 4\ne f\t1 2 3 4\t5\n",
    ];
    for s in samples {
        let _ = load_one(&src(s));
    }
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Fragments that drive the loader's branches: captions, period words,
    /// years, currencies, numbers (good and malformed), labels, markup.
    const PIECES: [&str; 24] = [
        "Balance Sheets",
        "Statements of Operations",
        "Three months ended June 30,",
        "Six m",
        "onths ended",
        "2023",
        "2024",
        "RMB",
        "USD",
        "KWD",
        "1,234",
        "(2,236)",
        "-",
        "_",
        "0,405,081",
        "27.9%",
        "3.40",
        "Total assets",
        "Current assets:",
        "<b>Net income</b>",
        "Amounts as reported under U.S. GAAP",
        "a b c",
        "1 2 3",
        "Δc",
    ];

    fn line() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                0..PIECES.len(),
                prop_oneof![Just("\t"), Just(" "), Just("\t\t")],
            ),
            0..8,
        )
        .prop_map(|v| {
            v.into_iter()
                .map(|(i, sep)| format!("{}{sep}", PIECES[i]))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn loader_never_panics(lines in proptest::collection::vec(line(), 0..40)) {
            let text = lines.join("\n");
            if let Ok(f) = load_one(&src(text.as_bytes())) {
                for s in &f.statements {
                    for r in &s.rows {
                        prop_assert_eq!(r.cells.len(), s.columns.len());
                        for c in r.cells.iter().flatten() {
                            prop_assert!(c.line >= 1 && c.line <= f.line_count());
                        }
                    }
                }
            }
        }
    }
}
