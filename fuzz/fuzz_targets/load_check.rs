//! Fuzz target: arbitrary bytes loaded beside the bundled Q1 release (so
//! cross-filing repairs and checks run too), then every check, must never panic.
//! Q1 is loaded once per process and cloned per input, so each execution
//! pays for the fuzzed bytes only.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use tieout::load::{Source, bundled, load_one, recover};
use tieout::model::Filing;

static Q1: LazyLock<Filing> = LazyLock::new(|| {
    let sources = bundled();
    load_one(&sources[0]).expect("the bundled Q1 release loads")
});

fuzz_target!(|data: &[u8]| {
    let source = Source {
        id: "fuzz".into(),
        path: None,
        bytes: data.to_vec(),
    };
    let mut filings = vec![Q1.clone()];
    if let Ok(f) = load_one(&source) {
        filings.push(f);
    }
    recover::labels(&mut filings);
    let _ = tieout::check::run(&filings);
});
