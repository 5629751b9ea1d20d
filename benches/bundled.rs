//! Loading and checking the two bundled filings (target: load + check under 5 ms).
//!
//! `cargo bench --bench bundled` (wall time; `TIEOUT_BENCH_CLOCK=cpu` for
//! process CPU time on a busy machine, see `support/cpu_time.rs`).

#[path = "support/cpu_time.rs"]
mod cpu_time;

use criterion::Criterion;
use criterion::measurement::Measurement;
use std::hint::black_box;
use tieout::{check, load};

fn bundled<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let sources = load::bundled();
    let (filings, _) = load::load_all(&sources);
    let mut group = c.benchmark_group("bundled");
    group.bench_function("load", |b| b.iter(|| load::load_all(black_box(&sources))));
    group.bench_function("check", |b| b.iter(|| check::run(black_box(&filings))));
    group.bench_function("load+check", |b| {
        b.iter(|| {
            let (filings, errors) = load::load_all(black_box(&sources));
            (check::run(&filings), errors)
        })
    });
    group.finish();
}

fn benches<M: Measurement + 'static>(c: &mut Criterion<M>) {
    bundled(c);
}

fn main() {
    cpu_time::run(benches, benches);
}
