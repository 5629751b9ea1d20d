//! Writes a synthetic corpus for benchmarks: `gen-corpus N DIR` writes N
//! companies' Q1 press release and Q2 6-K (2N files) into DIR, each a
//! renamed copy of the bundled filings (see `benches/support/corpus.rs`).
//!
//! `cargo run --release --example gen-corpus -- 400 /tmp/corpus` writes the
//! 800-filing, ~42 MB corpus of the performance targets.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (pairs, dir) = match args.as_slice() {
        [n, dir] => match n.parse::<usize>() {
            Ok(n) if n > 0 => (n, PathBuf::from(dir)),
            _ => return usage(&format!("N must be a positive number, got {n:?}")),
        },
        _ => return usage("expected two arguments"),
    };
    match corpus::write_corpus(pairs, &dir) {
        Ok(paths) => {
            let bytes: u64 = paths
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "wrote {} filings ({} companies, {:.1} MB) to {}",
                paths.len(),
                pairs,
                bytes as f64 / 1e6,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}

fn usage(reason: &str) -> ExitCode {
    eprintln!(
        "gen-corpus: {reason}\nusage: gen-corpus N DIR  (writes N pairs of filings into DIR)"
    );
    ExitCode::from(2)
}
