//! The narrative reader on text other than the two bundled filings: other
//! wording, another company, damaged input.

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;
use tieout::load::{meta, narrative};
use tieout::model::{ClaimKind, Currency, FactPeriod, Quarter, Scale, Unit};

const RELEASE: &str = r#"# Acme Credit Holdings Limited Reports Third Quarter 2025 Results

BEIJING, China, November 18, 2025 (PR Newswire) -- Acme Credit Holdings Limited (NYSE: ACMC), a consumer finance platform, today announced its unaudited financial results for the three months ended September 30, 2025.

## Third Quarter 2025 Operational Highlights

- Total loan origination volume reached RMB52,118 million, an increase of 4.1% from RMB50,066 million in the same period of 2024.
- The 90 day+ delinquency rate was 2.61% as of September 30, 2025, compared with 2.95% as of September 30, 2024.

## Third Quarter 2025 Financial Highlights

- Total net revenue was RMB3,210.5 million (US$457.5 million), compared with RMB2,998.0 million in the same period of 2024 and RMB3,100.2 million in the previous quarter.
- Net income was RMB-12.4 million (US$-1.8 million), compared with RMB230.0 million in the same period of 2024.
- Diluted net income per ADS was RMB0.35 (US$0.05).

## Exchange Rate

Translations are made at a rate of RMB7.0176 to US$1.00.

## About Acme

Acme served 30.2 million users as of September 30, 2025.
"#;

fn lines(text: &str) -> Vec<String> {
    text.lines().map(String::from).collect()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn another_companys_release() {
    let l = lines(RELEASE);
    let m = meta::read(&l);
    assert_eq!(m.company.as_deref(), Some("Acme Credit Holdings Limited"));
    assert_eq!(m.ticker.as_deref(), Some("ACMC"));
    assert_eq!(
        m.quarter,
        Some(Quarter {
            year: 2025,
            quarter: 3
        })
    );
    assert_eq!(m.exchange_rate.as_ref().unwrap().rmb_per_usd, d("7.0176"));
    assert_eq!(m.exchange_rate.as_ref().unwrap().line, 18);
    let n = narrative::extract(&l, &m);
    let rev: Vec<_> = n
        .facts
        .iter()
        .filter(|f| f.subject == "Total net revenue")
        .collect();
    assert_eq!(rev.len(), 4);
    assert_eq!(rev[0].quantity.amount.value, d("3210.5"));
    assert_eq!(rev[1].quantity.currency, Some(Currency::USD));
    assert_eq!(rev[2].period, FactPeriod::SamePeriodLastYear);
    assert_eq!(rev[3].period, FactPeriod::PriorQuarter);
    assert_eq!(rev[3].quantity.amount.value, d("3100.2"));
    let ni: Vec<_> = n
        .facts
        .iter()
        .filter(|f| f.subject == "Net income")
        .collect();
    assert_eq!(ni[0].quantity.amount.value, d("-12.4"));
    let eps = n
        .facts
        .iter()
        .find(|f| f.subject == "Diluted net income per ADS")
        .unwrap();
    assert_eq!(eps.quantity.unit, Unit::PerShare);
    let rate = n
        .facts
        .iter()
        .find(|f| f.subject.starts_with("90 day+") && f.period == FactPeriod::YearAgoInstant)
        .unwrap();
    assert_eq!(rate.quantity.amount.value, d("2.95"));
    // Figures outside the highlights (the "About" section) are not facts.
    assert!(n.facts.iter().all(|f| f.line < 16));
    let growth: Vec<_> = n
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Growth)
        .collect();
    assert_eq!(growth.len(), 1);
    assert_eq!(growth[0].percent.as_ref().unwrap().amount.value, d("4.1"));
    assert_eq!(growth[0].base.as_ref().unwrap().amount.value, d("50066"));
    // The metrics statement holds the volume and the delinquency rate.
    let st = n.metrics.expect("metrics");
    assert_eq!(st.columns[0].header, "Q3 2025");
    let vol = st.row("Loan volume").unwrap();
    assert_eq!(vol.scale, Scale::Millions);
    assert_eq!(vol.cell(0).unwrap().amount.value, d("52118"));
    assert_eq!(vol.cell(1).unwrap().amount.value, d("50066"));
    let dq = st.row("90 day+ delinquency rate").unwrap();
    assert_eq!(dq.cell(1).unwrap().amount.value, d("2.95"));
}

#[test]
fn text_without_narrative_sections_yields_nothing() {
    let l = lines("Balance sheet\n\nCash\t1\t2\n");
    let m = meta::read(&l);
    assert_eq!(m.quarter, None);
    let n = narrative::extract(&l, &m);
    assert!(n.facts.is_empty() && n.claims.is_empty() && n.metrics.is_none());
    let n = narrative::extract(&[], &m);
    assert!(n.facts.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_prose_never_panics(body in proptest::collection::vec(".{0,160}", 0..12)) {
        let mut l = vec!["## Financial Highlights".to_string(), String::new()];
        l.extend(body);
        let m = meta::read(&l);
        let n = narrative::extract(&l, &m);
        for f in &n.facts {
            prop_assert!(f.line >= 1 && f.line <= l.len());
        }
    }

    #[test]
    fn damaged_figures_never_panic(
        cut in 0usize..200,
        junk in "[0-9.,%$*()<>RMBUS -]{0,12}",
    ) {
        let line = "- Total net revenue was RMB4,160.1 million (US\\$572.4 million), compared to RMB3,914.3 million in the same period of 2023, and RMB4,153.2 million in the prior quarter.";
        let cut = line.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(line.len());
        let damaged = format!("{}{}{}", &line[..cut], junk, &line[cut..]);
        let l = vec!["Second Quarter 2024 Financial Highlights".to_string(), String::new(), damaged];
        let m = meta::read(&l);
        let _ = narrative::extract(&l, &m);
    }
}
