//! Pathological inputs: each is generated here (into a temporary directory,
//! or into `$TIEOUT_KEEP_PATHOLOGICAL` to keep them for measuring the release
//! binary, see README "Robustness") and must load or fail cleanly: no panic,
//! every lost line reported.

use std::fs;
use std::path::{Path, PathBuf};
use tieout::load::bundled::Q2_2024;
use tieout::load::{LoadError, Source, load_all, read_source};
use tieout::model::{Filing, StatementKind};

/// Where generated inputs go; the guard removes a temporary directory on drop.
struct Dir {
    path: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

fn dir() -> Dir {
    match std::env::var_os("TIEOUT_KEEP_PATHOLOGICAL") {
        Some(p) => {
            let path = PathBuf::from(p);
            fs::create_dir_all(&path).unwrap();
            Dir { path, _tmp: None }
        }
        None => {
            let tmp = tempfile::tempdir().unwrap();
            Dir {
                path: tmp.path().to_path_buf(),
                _tmp: Some(tmp),
            }
        }
    }
}

fn write(dir: &Dir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Loads one file the way the command line does.
fn load(path: &Path) -> Result<Filing, LoadError> {
    let source: Source = read_source(path)?;
    let (mut filings, mut errors) = load_all(&[source]);
    match errors.pop() {
        Some(e) => Err(e),
        None => Ok(filings.remove(0)),
    }
}

/// The Q2 6-K's lines (1-based line n is `lines()[n - 1]`).
fn q2_lines() -> Vec<&'static str> {
    Q2_2024.lines().collect()
}

fn cell_text(f: &Filing, kind: StatementKind, label: &str, col: usize) -> Option<String> {
    f.statement(kind)?
        .row(label)?
        .cell(col)
        .map(|c| c.raw.clone())
}

/// The Q2 6-K repeated to over 100 MB (about 1,500 copies of every table).
pub fn huge_file() -> Vec<u8> {
    repeated(100 * 1024 * 1024)
}

/// The Q2 6-K repeated to over `size` bytes.
fn repeated(size: usize) -> Vec<u8> {
    let copies = size / Q2_2024.len() + 1;
    let mut out = Vec::with_capacity(copies * (Q2_2024.len() + 1));
    for _ in 0..copies {
        out.extend_from_slice(Q2_2024.as_bytes());
        out.push(b'\n');
    }
    out
}

/// About 50 s in a debug build (6 s for `tieout check` in release).
#[test]
fn a_100_mb_file_loads() {
    let d = dir();
    let bytes = huge_file();
    assert!(bytes.len() > 100 * 1024 * 1024);
    let path = write(&d, "huge-100mb.txt", &bytes);
    drop(bytes);
    let filing = load(&path).expect("the repeated 6-K still holds its statements");
    assert_eq!(
        cell_text(
            &filing,
            StatementKind::BalanceSheet,
            "Cash and cash equivalents",
            1
        )
        .as_deref(),
        Some("6,337,134")
    );
}

/// The 100 MB case at a size a debug build loads in seconds: every copy's
/// tables merge into the one statement of each kind (rows aligned, not
/// repeated), and the loader's work grows with the copies.
#[test]
fn a_2_mb_file_of_repeated_statements_loads() {
    let d = dir();
    let bytes = repeated(2 * 1024 * 1024);
    let copies = bytes.len() / (Q2_2024.len() + 1);
    assert_eq!(copies, 31);
    let path = write(&d, "repeated-2mb.txt", &bytes);
    let once = write(&d, "once.txt", Q2_2024.as_bytes());
    let filing = load(&path).expect("the repeated 6-K still holds its statements");
    let single = load(&once).unwrap();
    assert_eq!(
        cell_text(
            &filing,
            StatementKind::BalanceSheet,
            "Cash and cash equivalents",
            1
        )
        .as_deref(),
        Some("6,337,134")
    );
    for kind in [StatementKind::BalanceSheet, StatementKind::IncomeStatement] {
        let rows = |f: &Filing| f.statement(kind).unwrap().rows.len();
        assert_eq!(rows(&filing), rows(&single), "{kind}");
    }
    // Each copy's garbled headers are repaired again, copy by copy.
    let headers = |f: &Filing| {
        f.repairs
            .iter()
            .filter(|r| r.kind == tieout::model::RepairKind::RecoveredHeader)
            .count()
    };
    assert_eq!(headers(&single), 11);
    assert_eq!(headers(&filing), copies * headers(&single));
}

/// The Q2 6-K with one 10 MB line inside the balance sheet, after line 240.
pub fn long_line() -> Vec<u8> {
    let mut line = String::from("Garbage row");
    while line.len() < 10 * 1024 * 1024 {
        line.push_str("\t1,234");
    }
    let mut lines = q2_lines();
    lines.insert(240, &line);
    (lines.join("\n") + "\n").into_bytes()
}

#[test]
fn a_single_10_mb_line() {
    let d = dir();
    let path = write(&d, "long-line-10mb.txt", &long_line());
    let filing = load(&path).expect("the rest of the filing loads");
    let bs = filing.statement(StatementKind::BalanceSheet).unwrap();
    assert_eq!(
        bs.row("Cash and cash equivalents")
            .unwrap()
            .cell(1)
            .unwrap()
            .raw,
        "6,337,134"
    );
    assert_eq!(
        bs.row("Restricted cash").unwrap().cell(1).unwrap().line,
        242,
        "lines after the long one keep their numbers"
    );
    // Nothing silently dropped: the long line is a row or a warning.
    let kept = bs.rows.iter().any(|r| r.line == 241)
        || filing.warnings.iter().any(|w| w.line == Some(241));
    assert!(kept, "line 241 neither loaded nor reported");
    // Its warning names a few of the two million unreadable tokens and
    // counts the rest, rather than listing them all.
    let w = filing
        .warnings
        .iter()
        .find(|w| w.line == Some(241))
        .expect("the long line is reported");
    assert!(w.message.contains("more"), "{}", &w.message[..200]);
    assert!(w.message.len() < 2_000, "{} bytes", w.message.len());
    assert!(
        bs.columns.len() < 100,
        "the long line must not become columns"
    );
}

/// A balance sheet with 100,000 current assets and their total.
pub fn big_table() -> Vec<u8> {
    let lines = q2_lines();
    let mut out = String::new();
    for l in &lines[232..239] {
        // title, scale, blank, headers, ASSETS, Current assets:
        out.push_str(l);
        out.push('\n');
    }
    for i in 0..100_000u32 {
        out.push_str(&format!("Receivable from {}\t1\t2\t3\n", letters(i)));
    }
    out.push_str("Total current assets\t100,000\t200,000\t300,000\n");
    out.push_str("TOTAL ASSETS\t100,000\t200,000\t300,000\n");
    out.into_bytes()
}

/// A distinct name of letters for `i` ("aaaa", "aaab", ...): labels that
/// differ only in digits are taken for a row printed twice.
fn letters(mut i: u32) -> String {
    let mut out = vec![b'a'; 4];
    for slot in out.iter_mut().rev() {
        *slot = b'a' + (i % 26) as u8;
        i /= 26;
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn a_table_of_100_000_rows() {
    let d = dir();
    let path = write(&d, "table-100k-rows.txt", &big_table());
    let filing = load(&path).expect("a long table loads");
    let bs = filing.statement(StatementKind::BalanceSheet).unwrap();
    assert!(bs.rows.len() >= 100_002, "{} rows", bs.rows.len());
    assert_eq!(
        bs.row(&format!("Receivable from {}", letters(99_999)))
            .unwrap()
            .cell(2)
            .unwrap()
            .raw,
        "3"
    );
    assert_eq!(
        bs.row("Total current assets").unwrap().cell(0).unwrap().raw,
        "100,000"
    );
    let report = tieout::check::run(std::slice::from_ref(&filing));
    let s = report.summary();
    assert_eq!(s.pass + s.fail + s.warn + s.skip, report.checks.len());
}

/// The Q2 6-K with Latin-1 bytes in line 67 (narrative) and line 240 (a label).
pub fn latin1() -> Vec<u8> {
    let mut out = Vec::new();
    for (i, l) in q2_lines().iter().enumerate() {
        out.extend_from_slice(l.as_bytes());
        if i + 1 == 67 {
            out.extend_from_slice(b" (r\xe9sum\xe9)");
        }
        if i + 1 == 240 {
            // "Cash and cash equivalents\xa0" would hide the label: put it after the values.
            out.extend_from_slice(b"\t\xa0");
        }
        out.push(b'\n');
    }
    out
}

#[test]
fn non_utf8_text_is_decoded_lossily_and_reported() {
    let d = dir();
    let path = write(&d, "latin1.txt", &latin1());
    let filing = load(&path).expect("non-UTF-8 text still loads");
    assert!(
        filing
            .warnings
            .iter()
            .any(|w| w.message.to_lowercase().contains("utf-8")),
        "lossy decoding reported: {:?}",
        filing.warnings
    );
    assert_eq!(
        cell_text(
            &filing,
            StatementKind::IncomeStatement,
            "Total net revenue",
            1
        )
        .as_deref(),
        Some("4,160,063")
    );
}

/// The Q2 6-K with NUL bytes in a narrative line and inside a table row.
pub fn nul_bytes() -> Vec<u8> {
    let mut text = q2_lines().join("\n");
    text = text.replacen("Total net revenue was", "Total net\0revenue was", 1);
    text = text.replacen("Restricted cash\t", "Restricted cash\0\0\t", 1);
    text.into_bytes()
}

#[test]
fn nul_bytes_do_not_crash() {
    let d = dir();
    let path = write(&d, "nul-bytes.txt", &nul_bytes());
    match load(&path) {
        // Either text with a few stray NULs (read, NULs reported or ignored)...
        Ok(filing) => assert_eq!(
            cell_text(
                &filing,
                StatementKind::BalanceSheet,
                "Cash and cash equivalents",
                1
            )
            .as_deref(),
            Some("6,337,134")
        ),
        // ...or refused as binary, with the one-line reason.
        Err(e) => assert_eq!(
            e.to_string(),
            format!("{}: binary data, not a text filing", path.display())
        ),
    }
}

/// The Q2 6-K cut off in the middle of line 305 (a row of the statement of operations).
pub fn truncated() -> Vec<u8> {
    let lines = q2_lines();
    let mut text = lines[..304].join("\n");
    text.push('\n');
    let row = lines[304];
    text.push_str(&row[..row.len() / 2]);
    text.into_bytes()
}

#[test]
fn a_file_cut_off_mid_table() {
    let d = dir();
    let path = write(&d, "truncated.txt", &truncated());
    let filing = load(&path).expect("what was printed before the cut loads");
    assert_eq!(
        cell_text(&filing, StatementKind::BalanceSheet, "TOTAL ASSETS", 1).as_deref(),
        Some("46,983,049")
    );
    let income = filing.statement(StatementKind::IncomeStatement).unwrap();
    assert_eq!(
        income
            .row("Total net revenue")
            .unwrap()
            .cell(1)
            .unwrap()
            .raw,
        "4,160,063"
    );
    assert!(income.row("Net income").is_none());
}

/// Prose only: the Safe Harbor paragraph repeated, no table.
pub fn no_tables() -> Vec<u8> {
    let lines = q2_lines();
    let prose = lines[226];
    assert!(prose.starts_with("Any forward-looking statements"));
    let mut text = String::from("# Safe Harbor\n\n");
    for _ in 0..50 {
        text.push_str(prose);
        text.push_str("\n\n");
    }
    text.into_bytes()
}

#[test]
fn a_file_with_no_tables() {
    let d = dir();
    let path = write(&d, "no-tables.md", &no_tables());
    let err = load(&path).expect_err("nothing to load");
    assert_eq!(
        err.to_string(),
        format!("{}: no financial statements found", path.display())
    );
}

/// Writes every input above into `$TIEOUT_KEEP_PATHOLOGICAL` without loading
/// them, for measuring the release binary (README "Robustness"):
/// `TIEOUT_KEEP_PATHOLOGICAL=/tmp/p cargo test --test pathological -- --ignored write_inputs`.
#[test]
#[ignore = "writes the inputs for measurement only"]
fn write_inputs_for_measurement() {
    let Some(dir) = std::env::var_os("TIEOUT_KEEP_PATHOLOGICAL") else {
        panic!("set TIEOUT_KEEP_PATHOLOGICAL to a directory");
    };
    let dir = PathBuf::from(dir);
    fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("huge-100mb.txt", huge_file()),
        ("long-line-10mb.txt", long_line()),
        ("table-100k-rows.txt", big_table()),
        ("latin1.txt", latin1()),
        ("nul-bytes.txt", nul_bytes()),
        ("truncated.txt", truncated()),
        ("no-tables.md", no_tables()),
    ] {
        fs::write(dir.join(name), bytes).unwrap();
    }
}
