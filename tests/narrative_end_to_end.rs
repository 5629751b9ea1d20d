//! Narrative facts and claims linked to the statements the loader builds
//! from the bundled filings.

use tieout::load::{bundled, load_all};
use tieout::model::{ClaimKind, FactPeriod, Filing, RowRef, StatementKind};

fn filings() -> Vec<Filing> {
    let (filings, errors) = load_all(&bundled());
    assert!(errors.is_empty(), "{errors:?}");
    filings
}

fn by_id<'a>(fs: &'a [Filing], id: &str) -> &'a Filing {
    fs.iter().find(|f| f.id == id).expect("filing")
}

/// The row the Current fact about `subject` on `line` links to, with the
/// cell it names in that row (the reported quarter, RMB) as printed.
fn linked(f: &Filing, line: usize, subject: &str) -> (RowRef, Option<String>) {
    let fact = f
        .facts
        .iter()
        .find(|x| x.line == line && x.subject == subject && x.period == FactPeriod::Current)
        .unwrap_or_else(|| panic!("no fact {subject} at {line}"));
    let r = fact
        .row
        .clone()
        .unwrap_or_else(|| panic!("{subject} unlinked"));
    let st = f.statement(r.statement).expect("statement");
    let row = &st.rows[r.row.expect("row index")];
    assert_eq!(row.label, r.label);
    let col = st.columns.iter().position(|c| {
        c.period == f.quarter.period()
            && c.currency == tieout::model::Currency::RMB
            && c.role == tieout::model::ColumnRole::Reported
    });
    let raw = col.and_then(|c| row.cell(c)).map(|c| c.raw.clone());
    (r, raw)
}

#[test]
fn q2_results_link_to_income_statement_cells() {
    let fs = filings();
    let q2 = by_id(&fs, "qfin-2024q2-6k");
    let (r, raw) = linked(q2, 95, "Total net revenue");
    assert_eq!(r.statement, StatementKind::IncomeStatement);
    assert_eq!(r.label, "Total net revenue");
    assert_eq!(raw.as_deref(), Some("4,160,063"));
    let (r, raw) = linked(q2, 147, "Net income attributed to the Company");
    assert_eq!(
        r.label,
        "Net income attributable to ordinary shareholders of the Company"
    );
    assert_eq!(raw.as_deref(), Some("1,380,528"));
    let (r, raw) = linked(q2, 131, "Provision for contingent liability");
    assert_eq!(r.label, "Provision for contingent liabilities");
    assert_eq!(raw.as_deref(), Some("(213,267)"));
    let (r, raw) = linked(
        q2,
        129,
        "Provision for accounts receivable and contract assets",
    );
    assert_eq!(
        r.label,
        "Provision for accounts receivable and contract assets"
    );
    assert_eq!(raw.as_deref(), Some("123,766"));
    let (_, raw) = linked(q2, 105, "Other services fees");
    assert_eq!(raw.as_deref(), Some("98,436"));
    let (_, raw) = linked(q2, 113, "Other services fees");
    assert_eq!(raw.as_deref(), Some("99,962"));
    let (r, raw) = linked(q2, 151, "Net income per fully diluted ADS");
    assert_eq!(
        (r.statement, r.label.as_str()),
        (StatementKind::IncomeStatement, "Diluted")
    );
    assert_eq!(raw.as_deref(), Some("8.92"));
    let (r, raw) = linked(q2, 137, "Operating margin");
    assert_eq!(
        (r.statement, r.label.as_str()),
        (StatementKind::NonGaap, "GAAP operating margin")
    );
    assert_eq!(raw.as_deref(), Some("47.7%"));
    let (r, _) = linked(q2, 135, "Non-GAAP income from operations");
    assert_eq!(r.statement, StatementKind::NonGaap);
}

#[test]
fn q1_results_link_to_income_statement_cells() {
    let fs = filings();
    let q1 = by_id(&fs, "qfin-2024q1-press-release");
    let (r, raw) = linked(q1, 79, "Net revenue from Credit Driven Services");
    assert_eq!(r.label, "Credit driven services");
    assert_eq!(raw.as_deref(), Some("3,016,282"));
    let (r, raw) = linked(q1, 101, "Facilitation, origination and servicing expenses");
    assert_eq!(r.label, "Facilitation, origination and servicing");
    assert_eq!(raw.as_deref(), Some("736,026"));
    let (_, raw) = linked(q1, 89, "Other services fees");
    assert_eq!(raw.as_deref(), Some("71,512"));
    let (_, raw) = linked(q1, 97, "Other services fees");
    assert_eq!(raw.as_deref(), Some("85,362"));
    let (r, raw) = linked(q1, 65, "cash from operations");
    assert_eq!(r.statement, StatementKind::CashFlow);
    assert_eq!(raw.as_deref(), Some("1,958,267"));
    // Every results paragraph figure found its row.
    let unlinked: Vec<_> = q1
        .facts
        .iter()
        .filter(|x| (77..=137).contains(&x.line) && x.row.is_none())
        .map(|x| (x.line, x.subject.clone()))
        .collect();
    assert!(unlinked.is_empty(), "{unlinked:?}");
}

#[test]
fn cash_breakdown_rows_at_the_quarter_end() {
    let fs = filings();
    for (id, cash) in [
        (
            "qfin-2024q1-press-release",
            ["5,301,288", "2,855,305", "166,622"],
        ),
        ("qfin-2024q2-6k", ["6,337,134", "2,035,180", "114,832"]),
    ] {
        let f = by_id(&fs, id);
        let claim = f
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Breakdown && !c.part_rows.is_empty())
            .expect("footnote 11");
        let bs = f.statement(StatementKind::BalanceSheet).unwrap();
        let col = bs
            .columns
            .iter()
            .position(|c| {
                c.period.end() == f.quarter.end() && c.currency == tieout::model::Currency::RMB
            })
            .unwrap();
        let got: Vec<String> = claim
            .part_rows
            .iter()
            .map(|r| {
                assert_eq!(r.statement, StatementKind::BalanceSheet);
                bs.rows[r.row.unwrap()].cell(col).unwrap().raw.clone()
            })
            .collect();
        assert_eq!(got, cash, "{id}");
    }
}

#[test]
fn metrics_statement_is_loaded_last() {
    let fs = filings();
    for f in &fs {
        let last = f.statements.last().unwrap();
        assert_eq!(last.kind, StatementKind::Metrics, "{}", f.id);
        let consumers = f
            .facts
            .iter()
            .find(|x| x.subject == "consumers")
            .and_then(|x| x.row.clone())
            .unwrap();
        assert_eq!(consumers.statement, StatementKind::Metrics);
        assert_eq!(consumers.label, "Consumers");
    }
}
