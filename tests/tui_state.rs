//! State tests for the explorer's `update`: keys go through the keymap into
//! actions, and the resulting state is asserted on the fixture filings
//! (real values and lines of the bundled Q1 and Q2 2024 filings).

mod tui_support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tieout::model::StatementKind;
use tieout::tui::action::Action;
use tieout::tui::grid;
use tieout::tui::keymap::Context;
use tieout::tui::pair::PairKind;
use tieout::tui::state::{DetailTarget, Overlay, Pane, State};
use tieout::tui::update::update;

/// A fluent driver: `T::new().keys("jj").key(KeyCode::Tab)`.
struct T(State);

impl T {
    fn new() -> T {
        T(tui_support::state())
    }
    fn key(mut self, code: KeyCode) -> T {
        let ev = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(a) = self.0.key_action(&ev) {
            update(&mut self.0, a);
        }
        self
    }
    fn keys(mut self, s: &str) -> T {
        for c in s.chars() {
            self = self.key(KeyCode::Char(c));
        }
        self
    }
    fn act(mut self, a: Action) -> T {
        update(&mut self.0, a);
        self
    }
    fn label(&self) -> &str {
        &self.0.grid.rows[self.0.row].label
    }
    /// The selected cell as printed.
    fn raw(&self) -> String {
        let gc = self.0.selected_cell().expect("a value is selected");
        grid::cell(&self.0.filings, &gc).unwrap().raw.clone()
    }
}

#[test]
fn starts_on_the_first_filing_balance_sheet() {
    let t = T::new();
    assert_eq!(
        t.0.tabs,
        vec![
            StatementKind::BalanceSheet,
            StatementKind::IncomeStatement,
            StatementKind::Metrics
        ]
    );
    assert_eq!(t.0.kind(), StatementKind::BalanceSheet);
    assert_eq!(
        t.0.current_filing().unwrap().id,
        "qfin-2024q1-press-release"
    );
    assert_eq!(t.label(), "Current assets:");
    assert_eq!(t.0.pane, Pane::Table);
    assert_eq!(t.0.context(), Context::Table);
}

#[test]
fn j_and_k_move_rows_within_bounds() {
    let t = T::new().keys("jj");
    assert_eq!(t.label(), "Restricted cash");
    let t = t.keys("kkkk");
    assert_eq!(t.0.row, 0);
    let t = t.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Up);
    assert_eq!(t.label(), "Cash and cash equivalents");
}

#[test]
fn g_and_shift_g_go_to_ends() {
    let t = T::new().keys("G");
    assert_eq!(t.label(), "TOTAL LIABILITIES AND EQUITY");
    let t = t.keys("g");
    assert_eq!(t.0.row, 0);
    let t = t.key(KeyCode::End);
    assert_eq!(t.0.row, 5);
    assert_eq!(t.key(KeyCode::Home).0.row, 0);
}

#[test]
fn page_down_stops_at_last_row() {
    let t = T::new().key(KeyCode::PageDown);
    assert_eq!(t.0.row, 5);
    assert_eq!(t.key(KeyCode::PageUp).0.row, 0);
}

#[test]
fn columns_move_with_h_and_l() {
    let t = T::new().keys("jl");
    assert_eq!(t.raw(), "5,301,288");
    let t = t.keys("l");
    assert_eq!(t.raw(), "734,220");
    let t = t.keys("ll");
    assert_eq!(t.0.col, 2, "stops at the last column");
    let t = t.key(KeyCode::Left).keys("hhh");
    assert_eq!(t.raw(), "4,177,890");
}

#[test]
fn horizontal_scroll_keeps_selected_column_visible() {
    let t = T::new()
        .act(Action::Resize(60, 24))
        .key(KeyCode::Tab)
        .keys("f");
    // Q2 income statement: six columns cannot all fit in 60 columns.
    assert_eq!(t.0.grid.columns.len(), 6);
    let t = t.keys("lllll");
    assert_eq!(t.0.col, 5);
    assert!(t.0.left > 0, "scrolled right");
    let t = t.keys("hhhhh");
    assert_eq!(t.0.left, 0);
}

#[test]
fn tab_and_backtab_cycle_statements() {
    let t = T::new().key(KeyCode::Tab);
    assert_eq!(t.0.kind(), StatementKind::IncomeStatement);
    let t = t.key(KeyCode::Tab);
    assert_eq!(t.0.kind(), StatementKind::Metrics);
    let t = t.key(KeyCode::Tab);
    assert_eq!(t.0.kind(), StatementKind::BalanceSheet);
    let t = t.key(KeyCode::BackTab);
    assert_eq!(t.0.kind(), StatementKind::Metrics);
}

#[test]
fn number_keys_select_tabs_and_ignore_missing_ones() {
    let t = T::new().keys("2");
    assert_eq!(t.0.kind(), StatementKind::IncomeStatement);
    let t = t.keys("9");
    assert_eq!(t.0.kind(), StatementKind::IncomeStatement);
    assert_eq!(t.keys("1").0.kind(), StatementKind::BalanceSheet);
}

#[test]
fn tab_change_resets_the_selection() {
    let t = T::new().keys("jjjl").key(KeyCode::Tab);
    assert_eq!((t.0.row, t.0.col, t.0.top), (0, 0, 0));
    assert_eq!(t.label(), "Credit driven services");
}

#[test]
fn metrics_tab_is_present_even_when_empty() {
    let t = T::new().keys("3");
    assert_eq!(t.0.kind(), StatementKind::Metrics);
    assert!(t.0.grid.rows.is_empty());
    assert!(t.0.selected_cell().is_none());
}

#[test]
fn f_and_shift_f_cycle_filings() {
    let t = T::new().keys("f");
    assert_eq!(t.0.current_filing().unwrap().id, "qfin-2024q2-6k");
    assert_eq!(t.0.grid.rows.len(), 8);
    let t = t.keys("f");
    assert_eq!(t.0.filing, 0);
    assert_eq!(t.keys("F").0.filing, 1);
}

#[test]
fn filing_change_keeps_row_in_range() {
    let t = T::new().keys("fG");
    assert_eq!(t.0.row, 7);
    let t = t.keys("f");
    assert_eq!(t.0.row, 5, "clamped to Q1's six rows");
}

#[test]
fn merged_view_orders_columns_by_period() {
    let t = T::new().keys("2a");
    assert!(t.0.merged);
    let periods: Vec<String> =
        t.0.grid
            .columns
            .iter()
            .map(|c| format!("{} {}", c.period.short(), c.currency))
            .collect();
    assert_eq!(
        periods,
        vec![
            "Q1 2023 RMB",
            "Q2 2023 RMB",
            "6M 2023 RMB",
            "Q1 2024 RMB",
            "Q1 2024 USD",
            "Q2 2024 RMB",
            "Q2 2024 USD",
            "6M 2024 RMB",
            "6M 2024 USD"
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    );
}

#[test]
fn merged_view_aligns_rows_by_label() {
    let t = T::new().keys("2a");
    let revenue =
        t.0.grid
            .rows
            .iter()
            .find(|r| r.label == "Total net revenue")
            .unwrap();
    // Q1 2024 (col 3) and Q2 2024 (col 5) in one row.
    let q1 = grid::cell(&t.0.filings, &revenue.cells[3].unwrap()).unwrap();
    let q2 = grid::cell(&t.0.filings, &revenue.cells[5].unwrap()).unwrap();
    assert_eq!(
        (q1.raw.as_str(), q2.raw.as_str()),
        ("4,153,183", "4,160,063")
    );
    // Rows only in Q2 are kept, with no Q1 values.
    let joined =
        t.0.grid
            .rows
            .iter()
            .find(|r| r.label.starts_with("Provision for accounts"))
            .unwrap();
    assert!(joined.cells[3].is_none() && joined.cells[5].is_some());
    assert_eq!(t.0.grid.rows.len(), 9);
}

#[test]
fn a_toggles_back_and_esc_leaves_merged() {
    let t = T::new().keys("aa");
    assert!(!t.0.merged);
    let t = t.keys("a").key(KeyCode::Esc);
    assert!(!t.0.merged);
}

#[test]
fn failed_and_warned_cells_are_indexed() {
    let t = T::new().keys("fG");
    let gc = t.0.grid.rows[7].cells[2].unwrap();
    assert_eq!(gc.status, Some(tieout::check::Status::Fail));
    assert_eq!(grid::cell(&t.0.filings, &gc).unwrap().raw, "0,405,081");
    let t = t.keys("2");
    let warned = t.0.grid.rows[5].cells[1].unwrap();
    assert_eq!(warned.status, Some(tieout::check::Status::Warn));
    // A passed check does not colour its cell.
    assert_eq!(t.0.grid.rows[2].cells[1].unwrap().status, None);
}

#[test]
fn dollar_cycles_currency_columns() {
    let t = T::new().keys("$");
    assert_eq!(t.0.visible_cols, vec![0, 1]);
    let t = t.keys("$");
    assert_eq!(t.0.visible_cols, vec![2]);
    let t = t.keys("$");
    assert_eq!(t.0.visible_cols, vec![0, 1, 2]);
}

#[test]
fn currency_filter_keeps_selection_on_a_shown_column() {
    let t = T::new().keys("jll$");
    assert_eq!(t.0.col, 1);
    assert_eq!(t.raw(), "5,301,288");
}

#[test]
fn u_cycles_units() {
    use tieout::tui::format::UnitMode;
    let t = T::new().keys("u");
    assert_eq!(t.0.unit, UnitMode::Millions);
    let t = t.keys("u");
    assert_eq!(t.0.unit, UnitMode::Billions);
    assert_eq!(t.keys("u").0.unit, UnitMode::AsPrinted);
}

#[test]
fn t_cycles_themes() {
    let t = T::new();
    let before = t.0.theme;
    let t = t.keys("t");
    if t.0.no_color {
        assert_eq!(t.0.theme, before);
        assert!(t.0.message.is_some());
    } else {
        assert_ne!(t.0.theme, before);
    }
}

#[test]
fn question_mark_and_f1_toggle_help() {
    let t = T::new().keys("?");
    assert_eq!(t.0.overlays, vec![Overlay::Help { scroll: 0 }]);
    assert_eq!(t.0.context(), Context::Help);
    let t = t.keys("?");
    assert!(t.0.overlays.is_empty());
    let t = t.key(KeyCode::F(1)).key(KeyCode::Esc);
    assert!(t.0.overlays.is_empty());
}

#[test]
fn help_scrolls_and_keys_do_not_leak_to_the_table() {
    let t = T::new().keys("?jj");
    assert_eq!(t.0.overlays, vec![Overlay::Help { scroll: 2 }]);
    assert_eq!(t.0.row, 0);
}

#[test]
fn c_opens_the_comparison_of_q1_and_q2() {
    let t = T::new().keys("c");
    assert_eq!(t.0.pane, Pane::Compare);
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(c.pair, PairKind::AcrossFilings);
    assert_eq!(c.left.period.short(), "Mar 31, 2024");
    assert_eq!(c.right.period.short(), "Jun 30, 2024");
    assert_eq!((c.left.filing, c.right.filing), (0, 1));
    let t = t.keys("c");
    assert_eq!(t.0.pane, Pane::Table);
}

#[test]
fn comparison_shows_one_sided_rows() {
    let t = T::new().keys("c");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    let only_right: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.left.is_none())
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        only_right,
        vec!["TOTAL LIABILITIES", "Total Qifu Technology Inc equity"]
    );
    assert!(c.rows.iter().all(|r| r.left.is_some() || r.right.is_some()));
}

#[test]
fn comparison_of_income_statement_uses_quarters() {
    let t = T::new().keys("2c");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("Q1 2024".into(), "Q2 2024".into())
    );
    let rev = c
        .rows
        .iter()
        .find(|r| r.label == "Total net revenue")
        .unwrap();
    let l = t.0.filings[0].statements[1].rows[rev.left.unwrap()]
        .cell(c.left.col)
        .unwrap();
    let r = t.0.filings[1].statements[1].rows[rev.right.unwrap()]
        .cell(c.right.col)
        .unwrap();
    assert_eq!((l.raw.as_str(), r.raw.as_str()), ("4,153,183", "4,160,063"));
}

#[test]
fn comparison_delta_is_exact() {
    use tieout::tui::comparison::delta;
    let t = T::new().keys("2c");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    let rev = c
        .rows
        .iter()
        .find(|r| r.label == "Total net revenue")
        .unwrap();
    let l = t.0.filings[0].statements[1].rows[rev.left.unwrap()]
        .cell(c.left.col)
        .unwrap();
    let r = t.0.filings[1].statements[1].rows[rev.right.unwrap()]
        .cell(c.right.col)
        .unwrap();
    let (d, p, _) = delta(rev, l, r, t.0.unit);
    assert_eq!((d.as_str(), p.as_str()), ("+6,880", "+0.2%"));
    let cost = c
        .rows
        .iter()
        .find(|r| r.label == "Total operating costs and expenses")
        .unwrap();
    let l = t.0.filings[0].statements[1].rows[cost.left.unwrap()]
        .cell(c.left.col)
        .unwrap();
    let r = t.0.filings[1].statements[1].rows[cost.right.unwrap()]
        .cell(c.right.col)
        .unwrap();
    let (d, p, o) = delta(cost, l, r, t.0.unit);
    assert_eq!((d.as_str(), p.as_str()), ("(614,005)", "-22.0%"));
    assert_eq!(o, std::cmp::Ordering::Less);
}

#[test]
fn p_switches_pairs() {
    let t = T::new().keys("2fc");
    let t = t.keys("p");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(c.pair, PairKind::YearOverYear);
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("Q2 2023".into(), "Q2 2024".into())
    );
    let t = t.keys("p");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("6M 2023".into(), "6M 2024".into())
    );
    let t = t.keys("p");
    assert_eq!(t.0.pair, PairKind::AcrossFilings);
}

#[test]
fn balance_sheet_year_over_year_uses_prior_year_end() {
    let t = T::new().keys("fcp");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("Dec 31, 2023".into(), "Jun 30, 2024".into())
    );
}

#[test]
fn unavailable_pairs_say_why() {
    let t = T::new().keys("cpp");
    assert_eq!(t.0.pair, PairKind::SixMonthsYoY);
    let why = t.0.compare.as_ref().unwrap().as_ref().unwrap_err();
    assert!(why.contains("no six-month"), "{why}");
    // Q1 has no six-month columns.
    let t = T::new().keys("2cpp");
    let why = t.0.compare.as_ref().unwrap().as_ref().unwrap_err();
    assert_eq!(why, "qfin-2024q1-press-release prints no 6M 2023 column");
}

#[test]
fn tab_in_compare_rebuilds_the_comparison() {
    let t = T::new().keys("c").key(KeyCode::Tab);
    assert_eq!(t.0.pane, Pane::Compare);
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(c.kind, StatementKind::IncomeStatement);
}

#[test]
fn bang_opens_checks_with_errors_first_and_fails_before_warns() {
    use tieout::tui::checks::ChecksLine;
    let t = T::new().keys("!");
    assert_eq!(t.0.pane, Pane::Checks);
    let l = &t.0.checks.lines;
    assert_eq!(l[0], ChecksLine::Group("Load errors (1)".into()));
    assert_eq!(
        l[1],
        ChecksLine::Error("empty.txt: the file is empty".into())
    );
    assert!(
        matches!(&l[2], ChecksLine::Group(g) if g.starts_with("qfin-2024q2-6k · Balance sheet: 1 failed"))
    );
    assert_eq!(l[3], ChecksLine::Check(1));
    assert_eq!(l[5], ChecksLine::Check(2));
    assert_eq!(l.len(), 6, "passed and skipped checks are only counted");
    assert_eq!(t.0.checks_cur.sel, 3);
}

#[test]
fn checks_selection_skips_headings() {
    let t = T::new().keys("!j");
    assert_eq!(t.0.checks_cur.sel, 5);
    let t = t.keys("k");
    assert_eq!(t.0.checks_cur.sel, 3);
    let t = t.keys("kk");
    assert_eq!(t.0.checks_cur.sel, 3);
}

#[test]
fn enter_on_a_check_jumps_to_its_cell() {
    let t = T::new().keys("!").key(KeyCode::Enter);
    assert_eq!(t.0.pane, Pane::Table);
    assert_eq!(t.0.current_filing().unwrap().id, "qfin-2024q2-6k");
    assert_eq!(t.0.kind(), StatementKind::BalanceSheet);
    assert_eq!(t.label(), "TOTAL LIABILITIES AND EQUITY");
    assert_eq!(t.raw(), "0,405,081");
}

#[test]
fn jump_shows_a_column_hidden_by_the_currency_filter() {
    let t = T::new().keys("$!").key(KeyCode::Enter);
    assert_eq!(t.raw(), "0,405,081");
    assert_eq!(t.0.visible_cols.len(), 3);
}

#[test]
fn jump_to_warning_switches_tab() {
    let t = T::new().keys("!j").key(KeyCode::Enter);
    assert_eq!(t.0.kind(), StatementKind::IncomeStatement);
    assert_eq!(t.label(), "Provision for contingent liabilities");
    assert_eq!(t.raw(), "(213,267)");
}

#[test]
fn d_in_checks_opens_the_check_detail() {
    let t = T::new().keys("!d");
    assert_eq!(
        t.0.overlays,
        vec![Overlay::Detail {
            target: DetailTarget::Check(1),
            scroll: 0
        }]
    );
    let text: String = tieout::tui::detail::lines(&t.0, DetailTarget::Check(1))
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(text.contains("[6465080.5, 6465081.5]"));
    assert!(text.contains("0,405,081"));
    assert!(text.contains("6059999"));
    assert!(text.contains("TOTAL ASSETS @ June 30, 2024 USD"));
    assert!(
        text.contains("263 │ TOTAL ASSETS"),
        "contributor's source line:\n{text}"
    );
}

#[test]
fn s_from_a_check_detail_opens_its_source_line() {
    let t = T::new().keys("!ds");
    match t.0.overlays.last() {
        Some(Overlay::Source(v)) => {
            assert_eq!((v.filing, v.line), (1, 285));
            assert_eq!(v.needle.as_deref(), Some("0,405,081"));
        }
        other => panic!("{other:?}"),
    }
    let t = t.key(KeyCode::Esc);
    assert!(matches!(t.0.overlays.last(), Some(Overlay::Detail { .. })));
    let t = t.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(t.0.overlays.is_empty());
    assert_eq!(t.0.pane, Pane::Table);
}

#[test]
fn enter_on_a_cell_opens_its_source() {
    let t = T::new().keys("f2jjjjl").key(KeyCode::Enter);
    match t.0.overlays.last() {
        Some(Overlay::Source(v)) => {
            assert_eq!(
                v.line, 309,
                "the joined label's values are on its second line"
            );
            assert_eq!(v.needle.as_deref(), Some("123,766"));
            assert!(v.top <= 309);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn s_on_a_heading_opens_the_label_line() {
    let t = T::new().keys("s");
    match t.0.overlays.last() {
        Some(Overlay::Source(v)) => assert_eq!((v.line, v.needle.clone()), (211, None)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn source_scrolls_within_the_file() {
    let t = T::new().keys("s");
    let top = match t.0.overlays.last() {
        Some(Overlay::Source(v)) => v.top,
        _ => unreachable!(),
    };
    let t = t.keys("jjj");
    match t.0.overlays.last() {
        Some(Overlay::Source(v)) => assert_eq!(v.top, top + 3),
        _ => unreachable!(),
    }
    let t = t.keys("G");
    match t.0.overlays.last() {
        Some(Overlay::Source(v)) => assert!(v.top <= t.0.filings[0].source.len()),
        _ => unreachable!(),
    }
}

#[test]
fn d_on_a_repaired_row_explains_the_repair() {
    let t = T::new().keys("f2jjjj").keys("d");
    let target = match t.0.overlays.last() {
        Some(Overlay::Detail { target, .. }) => *target,
        other => panic!("{other:?}"),
    };
    let text: String = tieout::tui::detail::lines(&t.0, target)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(
        text.contains("printed over several lines and joined"),
        "{text}"
    );
    assert!(
        text.contains("label printed over lines 308 and 309; joined (lines 308, 309)"),
        "{text}"
    );
}

#[test]
fn d_on_a_failed_cell_lists_its_check() {
    let t = T::new().keys("fGll").keys("d");
    let target = match t.0.overlays.last() {
        Some(Overlay::Detail { target, .. }) => *target,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        target,
        DetailTarget::Cell {
            kind: StatementKind::BalanceSheet,
            filing: 1,
            stmt: 0,
            row: 7,
            col: Some(2)
        }
    );
    let text: String = tieout::tui::detail::lines(&t.0, target)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(text.contains("FAIL"));
    assert!(text.contains("does not equal total assets 6,465,081"));
}

#[test]
fn slash_searches_labels_with_n_and_shift_n() {
    let t = T::new().keys("2/").keys("income").key(KeyCode::Enter);
    assert_eq!(t.0.query, "income");
    assert_eq!(t.label(), "Income from operations");
    let t = t.keys("n");
    assert_eq!(t.label(), "Net income");
    let t = t.keys("n");
    assert_eq!(t.label(), "Income from operations", "wraps around");
    let t = t.keys("N");
    assert_eq!(t.label(), "Net income");
}

#[test]
fn search_typing_does_not_trigger_keys() {
    let t = T::new().keys("/qjc");
    assert!(!t.0.quit);
    assert_eq!(t.0.search_input.as_deref(), Some("qjc"));
    assert_eq!(t.0.context(), Context::Search);
    let t = t.key(KeyCode::Backspace);
    assert_eq!(t.0.search_input.as_deref(), Some("qj"));
    let t = t.key(KeyCode::Esc);
    assert!(t.0.search_input.is_none());
    assert_eq!(t.0.row, 0);
}

#[test]
fn search_miss_leaves_a_message() {
    let t = T::new().keys("/zebra").key(KeyCode::Enter);
    assert_eq!(t.0.row, 0);
    assert_eq!(t.0.message.as_deref(), Some("no row matches \"zebra\""));
}

#[test]
fn q_and_ctrl_c_quit() {
    assert!(T::new().keys("q").0.quit);
    let mut s = tui_support::state();
    let ev = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let a = s.key_action(&ev).unwrap();
    update(&mut s, a);
    assert!(s.quit);
}

#[test]
fn mouse_wheel_and_clicks() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use tieout::tui::input::mouse_action;
    let s = tui_support::state();
    let m = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(
        mouse_action(&s, &m(MouseEventKind::ScrollDown, 5, 5)),
        Some(Action::ScrollDown(3))
    );
    // Tab bar is line 1; " 1 Balance sheet " is 17 wide, then a separator.
    assert_eq!(
        mouse_action(&s, &m(MouseEventKind::Down(MouseButton::Left), 20, 1)),
        Some(Action::GoTab(1))
    );
    // Body starts at line 2 with two header lines: line 6 is the third row.
    assert_eq!(
        mouse_action(&s, &m(MouseEventKind::Down(MouseButton::Left), 5, 6)),
        Some(Action::ClickRow(2))
    );
    let t = T::new().act(Action::ClickRow(2));
    assert_eq!(t.label(), "Restricted cash");
    let t = t.act(Action::ScrollDown(3));
    assert_eq!(t.label(), "TOTAL LIABILITIES AND EQUITY");
}

#[test]
fn resize_keeps_the_selection_visible() {
    let t = T::new().keys("fG").act(Action::Resize(80, 8));
    let rows = tieout::tui::layout::table_rows((80, 8));
    assert_eq!(rows, 3);
    assert!(t.0.row >= t.0.top && t.0.row < t.0.top + rows);
}

#[test]
fn config_remap_takes_effect() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    std::fs::write(&p, "unit = \"millions\"\n[keys]\nx = \"quit\"\n").unwrap();
    let mut input = tui_support::input();
    input.config_path = Some(p);
    let (mut s, msg) = tieout::tui::initial_state(input, (120, 40));
    assert_eq!(msg, None);
    assert_eq!(s.unit, tieout::tui::format::UnitMode::Millions);
    let a = s
        .key_action(&KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE))
        .unwrap();
    update(&mut s, a);
    assert!(s.quit);
}

#[test]
fn broken_config_is_reported_and_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    std::fs::write(&p, "theme = \"dark\"\nunit = \"furlongs\"\n").unwrap();
    let mut input = tui_support::input();
    input.config_path = Some(p);
    let (s, msg) = tieout::tui::initial_state(input, (120, 40));
    let msg = msg.unwrap();
    assert!(msg.contains("line 2: unknown unit \"furlongs\""), "{msg}");
    assert_eq!(s.message.as_deref(), Some(msg.as_str()));
    assert_eq!(s.unit, tieout::tui::format::UnitMode::AsPrinted);
}

#[test]
fn no_filings_is_not_a_crash() {
    let input = tieout::tui::ExplorerInput {
        filings: vec![],
        errors: vec![tieout::load::LoadError::Binary {
            file: "x.bin".into(),
        }],
        report: Default::default(),
        config_path: Some("/nonexistent/x.toml".into()),
    };
    let (s, _) = tieout::tui::initial_state(input, (80, 24));
    let t = T(s).keys("jjfFa2cp!").key(KeyCode::Enter).keys("ds?");
    assert_eq!(t.0.tabs, vec![StatementKind::Metrics]);
    assert!(!t.0.quit);
}

#[test]
fn f_in_compare_changes_the_filing_and_the_pair() {
    let t = T::new().keys("2cp");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(c.left.period.short(), "Q1 2023");
    let t = t.keys("f");
    assert_eq!(t.0.pane, Pane::Compare);
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(
        (c.left.period.short(), c.right.period.short()),
        ("Q2 2023".into(), "Q2 2024".into())
    );
}

#[test]
fn no_color_forces_mono_and_t_keeps_it() {
    let input = tui_support::input();
    let errors = input.errors.iter().map(ToString::to_string).collect();
    let config = tieout::tui::config::Config::default();
    let s = State::new(input.filings, errors, input.report, config, true, (120, 40));
    assert_eq!(tieout::tui::render::theme(&s).name, "mono");
    let t = T(s).keys("t");
    assert_eq!(tieout::tui::render::theme(&t.0).name, "mono");
    assert_eq!(
        t.0.message.as_deref(),
        Some("NO_COLOR is set: monochrome only")
    );
}

#[test]
fn config_theme_and_currency_apply_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    std::fs::write(&p, "theme = \"light\"\ncurrency = \"usd\"\n").unwrap();
    let mut input = tui_support::input();
    input.config_path = Some(p);
    let (s, _) = tieout::tui::initial_state(input, (120, 40));
    if !s.no_color {
        assert_eq!(tieout::tui::render::theme(&s).name, "light");
    }
    assert_eq!(s.visible_cols, vec![2], "USD column only");
}
