//! Fuzz target: arbitrary bytes loaded beside the bundled Q1 release (so
//! cross-filing repairs and checks run too), then every check, must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tieout::load::{Source, bundled, load_all};

fuzz_target!(|data: &[u8]| {
    let mut sources = bundled();
    sources.truncate(1);
    sources.push(Source {
        id: "fuzz".into(),
        path: None,
        bytes: data.to_vec(),
    });
    let (filings, _errors) = load_all(&sources);
    let _ = tieout::check::run(&filings);
});
