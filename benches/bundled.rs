//! Loading and checking the two bundled filings (target: load + check under 5 ms).
//!
//! `cargo bench --bench bundled`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tieout::{check, load};

fn bundled(c: &mut Criterion) {
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

criterion_group!(benches, bundled);
criterion_main!(benches);
