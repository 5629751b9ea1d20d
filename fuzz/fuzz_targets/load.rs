//! Fuzz target: arbitrary bytes through the loader must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tieout::load::{Source, load_all};

fuzz_target!(|data: &[u8]| {
    let source = Source {
        id: "fuzz".into(),
        path: None,
        bytes: data.to_vec(),
    };
    let _ = load_all(&[source]);
});
