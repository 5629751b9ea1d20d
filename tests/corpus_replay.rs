//! Replays every file of the fuzz corpus (and of fuzz/regressions, the
//! inputs of fixed findings) through the loader and the checks exactly as the
//! fuzz targets do, so CI guards against regressions without a fuzzer.

use std::fs;
use std::path::{Path, PathBuf};
use tieout::load::{Source, bundled, load_all};

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn source(path: &Path) -> Source {
    Source {
        id: "fuzz".into(),
        path: None,
        bytes: fs::read(path).expect("corpus file"),
    }
}

/// The `load` target: bytes to filings.
fn replay_load(path: &Path) {
    let (filings, errors) = load_all(&[source(path)]);
    assert!(filings.len() + errors.len() == 1, "{}", path.display());
}

/// The `load_check` target: beside the bundled Q1 release, then every check.
fn replay_load_check(path: &Path) {
    let mut sources = bundled();
    sources.truncate(1);
    sources.push(source(path));
    let (filings, errors) = load_all(&sources);
    assert_eq!(filings.len() + errors.len(), 2, "{}", path.display());
    let report = tieout::check::run(&filings);
    let s = report.summary();
    assert_eq!(s.pass + s.fail + s.warn + s.skip, report.checks.len());
}

#[test]
fn load_corpus_replays() {
    let corpus = files("fuzz/corpus/load");
    assert!(
        corpus.len() >= 2,
        "the corpus is seeded with the bundled filings"
    );
    for path in corpus.iter().chain(&files("fuzz/regressions/load")) {
        replay_load(path);
    }
}

#[test]
fn load_check_corpus_replays() {
    let corpus = files("fuzz/corpus/load_check");
    assert!(
        !corpus.is_empty(),
        "the corpus is seeded with the bundled Q2 6-K"
    );
    for path in corpus.iter().chain(&files("fuzz/regressions/load_check")) {
        replay_load_check(path);
    }
}

#[test]
fn corpus_holds_real_filings() {
    // Seeded from the bundled filings, the corpus keeps inputs that load
    // into filings with statements: it exercises the table paths, not only errors.
    let loaded = files("fuzz/corpus/load")
        .iter()
        .filter(|p| {
            let (filings, _) = load_all(&[source(p)]);
            filings.iter().any(|f| !f.statements.is_empty())
        })
        .count();
    assert!(loaded >= 1, "no corpus file loads into statements");
}
