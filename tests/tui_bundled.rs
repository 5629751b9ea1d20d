//! The explorer on the bundled filings as the loader reads them: tabs,
//! jumps from every located check to its cell, the Q1-vs-Q2 comparison.

use tieout::check::Status;
use tieout::model::StatementKind;
use tieout::tui::action::Action;
use tieout::tui::grid;
use tieout::tui::state::{Pane, State};
use tieout::tui::update::update;

fn bundled() -> State {
    let (filings, errors) = tieout::load::load_all(&tieout::load::bundled());
    let report = tieout::check::run(&filings);
    let input = tieout::tui::ExplorerInput {
        filings,
        errors,
        report,
        config_path: Some("/nonexistent/tieout-test-config.toml".into()),
    };
    tieout::tui::initial_state(input, (120, 40)).0
}

#[test]
fn every_statement_kind_has_a_tab_and_metrics_is_last() {
    let s = bundled();
    assert_eq!(s.filings.len(), 2);
    assert_eq!(s.tabs.last(), Some(&StatementKind::Metrics));
    for kind in [
        StatementKind::BalanceSheet,
        StatementKind::IncomeStatement,
        StatementKind::CashFlow,
    ] {
        assert!(s.tabs.contains(&kind), "{kind:?} tab");
    }
}

#[test]
fn every_located_check_jumps_to_its_row_and_column() {
    let s0 = bundled();
    let targets: Vec<usize> = (0..s0.checks.lines.len())
        .filter(|&i| s0.checks.check_at(i).is_some())
        .collect();
    assert!(
        !targets.is_empty(),
        "the bundled filings have failed or warned checks"
    );
    let mut jumped = 0;
    for line in targets {
        let mut s = bundled();
        update(&mut s, Action::Checks);
        s.checks_cur.sel = line;
        let ci = s.checks.check_at(line).unwrap();
        let check = s.report.checks[ci].clone();
        update(&mut s, Action::Activate);
        let (Some(kind), Some(row)) = (check.statement, check.row_index) else {
            // Narrative-only checks open their detail instead.
            assert!(!s.overlays.is_empty(), "{}", check.id);
            continue;
        };
        assert_eq!(s.pane, Pane::Table, "{}", check.id);
        assert_eq!(s.kind(), kind, "{}", check.id);
        assert_eq!(s.current_filing().unwrap().id, check.filing.as_str());
        assert_eq!(s.row, row, "{}", check.id);
        if let Some(col) = check.column_index {
            let gc = s
                .selected_cell()
                .unwrap_or_else(|| panic!("{} has a cell", check.id));
            assert_eq!((gc.row, gc.col), (row, col), "{}", check.id);
            if matches!(check.status, Status::Fail | Status::Warn) {
                assert!(
                    gc.status(&s.index, s.grid.kind).is_some(),
                    "{} cell coloured",
                    check.id
                );
            }
            assert!(grid::cell(&s.filings, &gc).is_some());
        }
        jumped += 1;
    }
    assert!(jumped > 0);
}

#[test]
fn comparison_q1_vs_q2_matches_the_filings() {
    let mut s = bundled();
    update(&mut s, Action::GoTab(1));
    update(&mut s, Action::Compare);
    let c = s.compare.clone().unwrap().unwrap();
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("Q1 2024".into(), "Q2 2024".into())
    );
    let rev = c
        .rows
        .iter()
        .find(|r| r.label == "Total net revenue")
        .unwrap();
    let l = s.filings[c.left.filing].statements[c.left.stmt].rows[rev.left.unwrap()]
        .cell(c.left.col)
        .unwrap();
    let r = s.filings[c.right.filing].statements[c.right.stmt].rows[rev.right.unwrap()]
        .cell(c.right.col)
        .unwrap();
    assert_eq!((l.raw.as_str(), r.raw.as_str()), ("4,153,183", "4,160,063"));
    assert_eq!(r.line, 301);
    // Balance sheet: March 31 against June 30, 2024.
    update(&mut s, Action::GoTab(0));
    let c = s.compare.clone().unwrap().unwrap();
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("Mar 31, 2024".into(), "Jun 30, 2024".into())
    );
}

#[test]
fn source_of_q2_total_net_revenue_is_line_301() {
    let mut s = bundled();
    update(&mut s, Action::NextFiling);
    update(&mut s, Action::GoTab(1));
    s.query = "Total net revenue".into();
    update(&mut s, Action::SearchNext);
    assert_eq!(s.grid.rows[s.row].label, "Total net revenue");
    update(&mut s, Action::Right);
    update(&mut s, Action::Activate);
    match s.overlays.last() {
        Some(tieout::tui::state::Overlay::Source(v)) => {
            assert_eq!(v.line, 301);
            assert_eq!(v.needle.as_deref(), Some("4,160,063"));
        }
        other => panic!("{other:?}"),
    }
}
