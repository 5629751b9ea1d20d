//! The explorer's frame and keypress costs (targets: first frame within
//! 50 ms of start with the bundled filings; a keypress redraws within 16 ms
//! with 800 filings loaded; a 10,000-row statement frame under 2 ms).
//!
//! `cargo bench --bench explorer`; `TIEOUT_BENCH_PAIRS` sets the corpus of
//! the keypress benches (default 400 pairs, 800 filings).
//! `TIEOUT_BENCH_CLOCK=cpu` measures process CPU time instead of wall time.

#[path = "support/big_statement.rs"]
mod big_statement;
#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

#[path = "support/cpu_time.rs"]
mod cpu_time;

use criterion::Criterion;
use criterion::measurement::Measurement;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;
use tieout::check::{self, Report};
use tieout::load::{self, Source};
use tieout::tui::action::Action;
use tieout::tui::grid::Grid;
use tieout::tui::render::render;
use tieout::tui::state::State;
use tieout::tui::update::update;
use tieout::tui::{ExplorerInput, initial_state};

/// The terminal size of the frames (the explorer's snapshot size).
const SIZE: (u16, u16) = (120, 40);

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test terminal")
}

fn draw(term: &mut Terminal<TestBackend>, state: &State) {
    term.draw(|f| f.render_widget(state, f.area()))
        .expect("draw on a test backend");
}

fn state_of(sources: &[Source]) -> State {
    let (filings, errors) = load::load_all(sources);
    let report = check::run(&filings);
    let input = ExplorerInput {
        filings,
        errors,
        report,
        config_path: None,
    };
    initial_state(input, SIZE).0
}

/// From the bundled sources to the first frame drawn: load, check, build
/// the state, draw (process start and terminal set-up excluded).
fn first_frame<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let sources = load::bundled();
    c.bench_function("explorer/first-frame-bundled", |b| {
        b.iter(|| {
            let state = state_of(black_box(&sources));
            let mut term = terminal();
            draw(&mut term, &state);
            term
        })
    });
}

/// One frame of a statement of `rows` rows, scrolled to the middle: the
/// whole frame through a test terminal (render, diff, backend), and the
/// render alone into a buffer. 100 rows is the control: a frame must cost
/// the visible rows, whatever the statement's length.
fn big_frame<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let mut group = c.benchmark_group("explorer/statement-frame");
    for rows in [100, 10_000] {
        let input = ExplorerInput {
            filings: vec![big_statement::filing_with_rows(rows)],
            errors: Vec::new(),
            report: Report::default(),
            config_path: None,
        };
        let mut state = initial_state(input, SIZE).0;
        for _ in 0..(rows / 2 / usize::from(SIZE.1)) {
            update(&mut state, Action::PageDown);
        }
        let mut term = terminal();
        group.bench_function(format!("{rows}-rows"), |b| {
            b.iter(|| draw(&mut term, black_box(&state)))
        });
        let area = Rect::new(0, 0, SIZE.0, SIZE.1);
        let mut buf = Buffer::empty(area);
        group.bench_function(format!("{rows}-rows-render-only"), |b| {
            b.iter(|| {
                buf.reset();
                render(black_box(&state), area, &mut buf);
            })
        });
    }
    group.finish();
}

/// One keypress (update and redraw) with the generated corpus loaded.
fn keypress<M: Measurement + 'static>(c: &mut Criterion<M>) {
    let pairs = std::env::var("TIEOUT_BENCH_PAIRS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400);
    let sources: Vec<Source> = (1..=pairs)
        .flat_map(corpus::company_pair)
        .map(|f| Source {
            id: f
                .file_name
                .rsplit_once('.')
                .map_or(&*f.file_name, |p| p.0)
                .into(),
            path: None,
            bytes: f.text.into_bytes(),
        })
        .collect();
    let mut state = state_of(&sources);
    let mut term = terminal();
    let mut group = c.benchmark_group(format!("explorer/keypress-{}-filings", sources.len()));
    // Down then Up, so the selection stays where it is.
    let mut down = true;
    group.bench_function("down-up", |b| {
        b.iter(|| {
            update(&mut state, if down { Action::Down } else { Action::Up });
            down = !down;
            draw(&mut term, &state);
        })
    });
    group.bench_function("next-filing", |b| {
        b.iter(|| {
            update(&mut state, Action::NextFiling);
            draw(&mut term, &state);
        })
    });
    group.bench_function("next-tab", |b| {
        b.iter(|| {
            update(&mut state, Action::NextTab);
            draw(&mut term, &state);
        })
    });
    group.bench_function("checks-pane", |b| {
        b.iter(|| {
            update(&mut state, Action::Checks);
            draw(&mut term, &state);
        })
    });
    group.bench_function("compare-pane", |b| {
        b.iter(|| {
            update(&mut state, Action::Compare);
            draw(&mut term, &state);
        })
    });
    // The merged view of every filing: the first toggle builds the merged
    // grid (measured alone here), later toggles reuse a cached copy.
    let kind = state.kind();
    group.bench_function("merged-grid-build", |b| {
        b.iter(|| Grid::merged(&state.filings, kind))
    });
    group.bench_function("merged-toggle-cached", |b| {
        b.iter(|| {
            update(&mut state, Action::ToggleMerged);
            draw(&mut term, &state);
        })
    });
    group.finish();
}

fn benches<M: Measurement + 'static>(c: &mut Criterion<M>) {
    first_frame(c);
    big_frame(c);
    keypress(c);
}

fn main() {
    cpu_time::run(benches, benches);
}
