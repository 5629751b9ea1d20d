//! Narrative figures and claims against the tables (facts built by hand,
//! as the narrative reader would link them).

mod check_support;

use check_support::{dec, failures, q1, q2};
use tieout::check::{self, CheckKind, Status};
use tieout::model::{
    Amount, Claim, ClaimKind, Currency, FactPeriod, Filing, NarrativeFact, Quantity, RowRef, Scale,
    StatementKind, Unit,
};

fn qty(raw: &str, value: &str, scale: Scale, currency: Option<Currency>, unit: Unit) -> Quantity {
    Quantity {
        amount: Amount::from_decimal(dec(value)),
        scale,
        currency,
        unit,
        raw: raw.into(),
    }
}

fn money(raw: &str, value: &str) -> Quantity {
    let usd = raw.starts_with("US");
    let scale = if raw.contains("billion") {
        Scale::Billions
    } else {
        Scale::Millions
    };
    qty(
        raw,
        value,
        scale,
        Some(if usd { Currency::USD } else { Currency::RMB }),
        Unit::Money,
    )
}

fn fact(
    subject: &str,
    kind: StatementKind,
    label: &str,
    row: Option<usize>,
    q: Quantity,
    period: FactPeriod,
    line: usize,
) -> NarrativeFact {
    NarrativeFact {
        subject: subject.into(),
        row: Some(RowRef {
            statement: kind,
            label: label.into(),
            row,
        }),
        quantity: q,
        period,
        line,
    }
}

fn q2_with_facts(prior: &str) -> Filing {
    let mut f = q2();
    let rev = |q, p| {
        fact(
            "Total net revenue",
            StatementKind::IncomeStatement,
            "Total net revenue",
            Some(9),
            q,
            p,
            95,
        )
    };
    f.facts = vec![
        rev(money("RMB4,160.1 million", "4160.1"), FactPeriod::Current),
        rev(money("US$572.4 million", "572.4"), FactPeriod::Current),
        rev(
            money("RMB3,914.3 million", "3914.3"),
            FactPeriod::SamePeriodLastYear,
        ),
        rev(
            money(prior, &prior[3..prior.len() - 8].replace(',', "")),
            FactPeriod::PriorQuarter,
        ),
        fact(
            "Weighted average basic ADS used in calculating GAAP and non-GAAP net income per ADS",
            StatementKind::IncomeStatement,
            "Basic",
            Some(36),
            qty(
                "151.88 million",
                "151.88",
                Scale::Millions,
                None,
                Unit::Shares,
            ),
            FactPeriod::Current,
            156,
        ),
    ];
    f
}

fn growth(subject: &str, pct: &str, value: Quantity, base: Quantity, line: usize) -> Claim {
    Claim {
        kind: ClaimKind::Growth,
        subject: subject.into(),
        percent: Some(qty(
            &format!("{pct}%"),
            pct,
            Scale::Units,
            None,
            Unit::Percent,
        )),
        value: Some(value),
        base: Some(base),
        parts: vec![],
        part_rows: vec![],
        lines: vec![line],
    }
}

#[test]
fn stated_figures_match_their_cells_including_the_prior_quarter_in_the_other_filing() {
    let report = check::run(&[q1(), q2_with_facts("RMB4,153.2 million")]);
    let n: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Narrative)
        .collect();
    assert_eq!(n.len(), 5);
    for c in &n {
        assert_eq!(c.status, Status::Pass, "{}", c.message());
        assert_eq!(c.filing, "qfin-2024q2-6k");
    }
    let prior = n
        .iter()
        .find(|c| c.actual.as_deref() == Some("RMB4,153.2 million"))
        .unwrap();
    assert_eq!(&*prior.contributors[0].filing, "qfin-2024q1-press-release");
    assert_eq!(prior.contributors[0].line, 277);
    let ads = n.iter().find(|c| c.line == Some(156)).unwrap();
    assert!(
        ads.message().to_string().contains("÷ 2"),
        "{}",
        ads.message()
    );
}

#[test]
fn a_misstated_prior_quarter_figure_fails_naming_its_line() {
    let report = check::run(&[q1(), q2_with_facts("RMB4,135.2 million")]);
    let f = failures(&report);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, CheckKind::Narrative);
    assert_eq!(f[0].line, Some(95));
    assert_eq!(f[0].label, "Total net revenue");
    assert_eq!(f[0].period_end, Some(check_support::d(2024, 3, 31)));
}

#[test]
fn prior_quarter_without_the_other_filing_is_skipped() {
    let report = check::run(&[q2_with_facts("RMB4,153.2 million")]);
    let skipped: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Narrative && c.status == Status::Skip)
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].line, Some(95));
}

#[test]
fn growth_share_and_breakdown_claims_are_recomputed() {
    let mut f = q1();
    let m = |raw: &str, v: &str| qty(raw, v, Scale::Millions, None, Unit::Count);
    f.claims = vec![
        // Line 13: 241.4 million consumers, an increase of 12.5% from 214.5 million.
        growth(
            "consumers",
            "12.5",
            m("241.4 million", "241.4"),
            m("214.5 million", "214.5"),
            13,
        ),
        // Line 16: RMB99,237 million, a decrease of 9.3% from RMB109,456 million.
        growth(
            "loan volume",
            "-9.3",
            money("RMB99,237 million", "99237"),
            money("RMB109,456 million", "109456"),
            16,
        ),
        Claim {
            kind: ClaimKind::ShareOfTotal,
            subject: "capital-light loan volume".into(),
            percent: Some(qty("61.0%", "61.0", Scale::Units, None, Unit::Percent)),
            value: Some(money("RMB60,506 million", "60506")),
            base: Some(money("RMB99,237 million", "99237")),
            parts: vec![],
            part_rows: vec![],
            lines: vec![17],
        },
        Claim {
            kind: ClaimKind::Breakdown,
            subject: "total cash and cash equivalent".into(),
            percent: None,
            value: Some(money("RMB8.32 billion", "8.32")),
            base: None,
            parts: vec![],
            part_rows: [
                "Cash and cash equivalents",
                "Restricted cash",
                "Security deposit prepaid to third-party guarantee companies",
            ]
            .iter()
            .map(|l| RowRef {
                statement: StatementKind::BalanceSheet,
                label: (*l).into(),
                row: None,
            })
            .collect(),
            lines: vec![65, 69],
        },
    ];
    let report = check::run(&[f.clone()]);
    let claims: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Narrative)
        .collect();
    assert_eq!(claims.len(), 4);
    assert!(
        claims.iter().all(|c| c.status == Status::Pass),
        "{:#?}",
        claims
    );
    let cash = claims.iter().find(|c| c.line == Some(65)).unwrap();
    assert_eq!(
        cash.contributors.iter().map(|k| k.line).collect::<Vec<_>>(),
        [213, 214, 216]
    );

    // A wrong percentage and a wrong total fail.
    f.claims[0].percent = Some(qty("12.8%", "12.8", Scale::Units, None, Unit::Percent));
    f.claims[3].value = Some(money("RMB8.23 billion", "8.23"));
    let report = check::run(&[f]);
    let lines: Vec<_> = failures(&report).iter().map(|c| c.line).collect();
    assert_eq!(lines, [Some(13), Some(65)]);
}

#[test]
fn a_misprinted_base_fails_the_growth_claim() {
    // 6-K line 47: "a decrease of 13.9% from RMB71.860 million": 61,905 against 71.860 is no decrease.
    let mut f = q2();
    f.claims = vec![growth(
        "capital-light loan volume",
        "-13.9",
        money("RMB61,905 million", "61905"),
        money("RMB71.860 million", "71.860"),
        47,
    )];
    let report = check::run(&[f]);
    let fails = failures(&report);
    assert_eq!(fails.len(), 1);
    assert_eq!(fails[0].line, Some(47));
    assert!(
        fails[0].message().to_string().contains("RMB71.860 million"),
        "{}",
        fails[0].message()
    );
}
