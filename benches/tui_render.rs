//! Explorer frame costs (targets: a frame of a 10,000-row statement under
//! 2 ms; a keypress with 800 filings loaded, update + redraw, under 16 ms).
//!
//! `cargo bench --bench tui_render`

#[path = "support/big_statement.rs"]
mod big_statement;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;
use tieout::check::Report;
use tieout::model::Quarter;
use tieout::tui::action::Action;
use tieout::tui::config::Config;
use tieout::tui::state::State;
use tieout::tui::update::update;

const SIZE: (u16, u16) = (120, 40);

fn state(filings: Vec<tieout::model::Filing>) -> State {
    State::new(
        filings,
        Vec::new(),
        Report::default(),
        Config::default(),
        false,
        SIZE,
    )
}

fn render(c: &mut Criterion) {
    let area = Rect::new(0, 0, SIZE.0, SIZE.1);
    let mut group = c.benchmark_group("tui");

    let mut big = state(vec![big_statement::filing_with_rows(10_000)]);
    for _ in 0..5_000 {
        update(&mut big, Action::Down);
    }
    let mut buf = Buffer::empty(area);
    group.bench_function("frame 10k-row statement", |b| {
        b.iter(|| {
            buf.reset();
            tieout::tui::render::render(black_box(&big), area, &mut buf);
        })
    });

    let many: Vec<_> = (0..800)
        .map(|i| {
            let mut f = big_statement::filing_with_rows(60);
            f.id = format!("synthetic-{i:03}");
            f.quarter = Quarter {
                year: 2000 + (i / 4),
                quarter: (i % 4) as u8 + 1,
            };
            f
        })
        .collect();
    let mut s = state(many);
    group.bench_function("keypress with 800 filings (j + frame)", |b| {
        b.iter(|| {
            update(&mut s, Action::Down);
            buf.reset();
            tieout::tui::render::render(black_box(&s), area, &mut buf);
        })
    });
    group.bench_function("keypress with 800 filings (f + frame)", |b| {
        b.iter(|| {
            update(&mut s, Action::NextFiling);
            buf.reset();
            tieout::tui::render::render(black_box(&s), area, &mut buf);
        })
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
