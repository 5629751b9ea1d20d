//! State tests for the explorer's panes and overlays (compare, checks, detail,
//! source, search): keys go through the keymap into
//! actions, and the resulting state is asserted on the fixture filings
//! (real values and lines of the bundled Q1 and Q2 2024 filings).

mod tui_support;

use crossterm::event::KeyCode;
use tieout::model::{Currency, StatementKind};
use tieout::tui::keymap::Context;
use tieout::tui::pair::PairKind;
use tieout::tui::state::{DetailTarget, Overlay, Pane};
use tui_support::T;

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
    assert_eq!(
        why,
        "qfin-2024q1-press-release prints no 6M 2023 RMB column"
    );
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
        Some(Overlay::Source(v)) => assert!(v.top <= t.0.filings[0].line_count()),
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
fn dollar_in_compare_uses_usd_when_both_sides_print_it() {
    let t = T::new().keys("2c$$");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    let cur = |s: &tieout::tui::pair::Side| {
        t.0.filings[s.filing].statements[s.stmt].columns[s.col].currency
    };
    assert_eq!(
        (cur(&c.left), cur(&c.right)),
        (Currency::USD, Currency::USD)
    );
    let rev = c
        .rows
        .iter()
        .find(|r| r.label == "Total net revenue")
        .unwrap();
    let r = t.0.filings[1].statements[1].rows[rev.right.unwrap()]
        .cell(c.right.col)
        .unwrap();
    assert_eq!(r.raw, "572,443");
    // Year over year: Q2 2023 has no USD column, so both sides stay RMB.
    let t = t.keys("fp");
    let c = t.0.compare.as_ref().unwrap().as_ref().unwrap();
    let cur = |s: &tieout::tui::pair::Side| {
        t.0.filings[s.filing].statements[s.stmt].columns[s.col].currency
    };
    assert_eq!(
        (cur(&c.left), cur(&c.right)),
        (Currency::RMB, Currency::RMB)
    );
}

#[test]
fn search_takes_a_regular_expression() {
    let t = T::new().keys("2/").keys("^net inc").key(KeyCode::Enter);
    assert_eq!(t.label(), "Net income");
    let t = T::new().keys("2/").keys("operations$").key(KeyCode::Enter);
    assert_eq!(t.label(), "Income from operations");
}
