//! Prints the loaded model of FILES (none: the bundled filings) as pretty JSON:
//! statements, cells, facts, claims, repairs and warnings. A debugging aid and
//! the golden reference when the loader is changed for speed:
//! `cargo run --release --example dump-model -- FILES > before.json`.

use std::path::PathBuf;

fn main() {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let sources = if files.is_empty() {
        tieout::load::bundled()
    } else {
        files
            .iter()
            .map(|p| tieout::load::read_source(p).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    };
    let (filings, errors) = tieout::load::load_all(&sources);
    for e in &errors {
        eprintln!("{e}");
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&filings).expect("the model serialises")
    );
}
