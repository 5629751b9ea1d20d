//! State tests for the explorer's `update`: keys go through the keymap into
//! actions, and the resulting state is asserted on the fixture filings
//! (real values and lines of the bundled Q1 and Q2 2024 filings).

mod tui_support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tieout::model::StatementKind;
use tieout::tui::action::Action;
use tieout::tui::grid;
use tieout::tui::keymap::Context;
use tieout::tui::state::{Overlay, Pane, State};
use tieout::tui::update::update;
use tui_support::T;

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
    assert_eq!(
        gc.status(&t.0.index, t.0.grid.kind),
        Some(tieout::check::Status::Fail)
    );
    assert_eq!(grid::cell(&t.0.filings, &gc).unwrap().raw, "0,405,081");
    let t = t.keys("2");
    let warned = t.0.grid.rows[5].cells[1].unwrap();
    assert_eq!(
        warned.status(&t.0.index, t.0.grid.kind),
        Some(tieout::check::Status::Warn)
    );
    // A passed check does not colour its cell.
    let passed = t.0.grid.rows[2].cells[1].unwrap();
    assert_eq!(passed.status(&t.0.index, t.0.grid.kind), None);
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
