//! Loading and checking a generated corpus of renamed copies of the bundled
//! filings (see `support/corpus.rs`), written to a temporary directory.
//!
//! `cargo bench --bench corpus`; `TIEOUT_BENCH_PAIRS=400` benches the full
//! 800-filing corpus of the targets (default 50 pairs, 100 filings).
//! `TIEOUT_BENCH_CLOCK=cpu` measures process CPU time instead of wall time.

#[path = "support/corpus.rs"]
mod corpus;

#[path = "support/cpu_time.rs"]
mod cpu_time;

use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput};
use std::hint::black_box;
use tieout::{batch, check, load};

fn corpus<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let pairs = std::env::var("TIEOUT_BENCH_PAIRS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temporary directory");
    let paths = corpus::write_corpus(pairs, dir.path()).expect("corpus written");
    let read = || {
        paths
            .iter()
            .map(|p| load::read_source(p).expect("generated filing is readable"))
            .collect::<Vec<_>>()
    };
    let sources = read();
    let bytes: usize = sources.iter().map(|s| s.bytes.len()).sum();
    let (filings, _) = load::load_all(&sources);

    let mut group = c.benchmark_group(format!("corpus-{}-filings", paths.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("read", |b| b.iter(read));
    group.bench_function("load", |b| b.iter(|| load::load_all(black_box(&sources))));
    group.bench_function("check", |b| b.iter(|| check::run(black_box(&filings))));
    group.bench_function("read+load+check", |b| {
        b.iter(|| {
            let (filings, errors) = load::load_all(&read());
            (check::run(&filings), errors)
        })
    });
    // What `tieout check` does: peek, group by company, then load, check
    // and let go company by company on every core.
    let inputs: Vec<batch::Input> = paths.iter().cloned().map(batch::Input::Path).collect();
    group.bench_function("batch (tieout check)", |b| {
        b.iter(|| {
            let threads = batch::default_threads();
            let (groups, _) = batch::plan(&inputs, threads);
            let mut summary = check::Summary::default();
            let errors = batch::run(check::rules::embedded(), &inputs, &groups, threads, |c| {
                for r in &c.checks {
                    summary.count(r.status);
                }
            });
            (summary, errors)
        })
    });
    group.finish();
}

fn benches<M: Measurement + 'static>(c: &mut Criterion<M>) {
    corpus(c);
}

fn main() {
    cpu_time::run(benches, benches);
}
