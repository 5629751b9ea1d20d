//! Narrative facts read from the bundled filings: values, precision, period,
//! currency, unit and line exactly as printed.

mod narrative_support;

use narrative_support::{Q1, Q2, d, read};
use tieout::model::{Currency, FactPeriod, NarrativeFact, Scale, Unit};

/// The facts on `line` about `subject`.
fn at<'a>(facts: &'a [NarrativeFact], line: usize, subject: &str) -> Vec<&'a NarrativeFact> {
    facts
        .iter()
        .filter(|f| f.line == line && f.subject == subject)
        .collect()
}

fn check(
    f: &NarrativeFact,
    value: &str,
    decimals: u32,
    currency: Option<Currency>,
    period: FactPeriod,
) {
    assert_eq!(f.quantity.amount.value, d(value), "{f:?}");
    assert_eq!(f.quantity.amount.decimals, decimals, "{f:?}");
    assert_eq!(f.quantity.currency, currency, "{f:?}");
    assert_eq!(f.period, period, "{f:?}");
}

#[test]
fn q2_total_net_revenue_in_results_and_highlights() {
    let (_, n) = read(Q2);
    let l95 = at(&n.facts, 95, "Total net revenue");
    assert_eq!(l95.len(), 4);
    check(
        l95[0],
        "4160.1",
        1,
        Some(Currency::RMB),
        FactPeriod::Current,
    );
    assert_eq!(l95[0].quantity.scale, Scale::Millions);
    assert_eq!(l95[0].quantity.unit, Unit::Money);
    assert_eq!(l95[0].quantity.raw, "RMB4,160.1 million");
    check(l95[1], "572.4", 1, Some(Currency::USD), FactPeriod::Current);
    check(
        l95[2],
        "3914.3",
        1,
        Some(Currency::RMB),
        FactPeriod::SamePeriodLastYear,
    );
    check(
        l95[3],
        "4153.2",
        1,
        Some(Currency::RMB),
        FactPeriod::PriorQuarter,
    );
    let l67 = at(&n.facts, 67, "Total net revenue");
    assert_eq!(l67.len(), 3);
    check(
        l67[0],
        "4160.1",
        1,
        Some(Currency::RMB),
        FactPeriod::Current,
    );
}

#[test]
fn negative_amounts_keep_their_sign() {
    let (_, n) = read(Q2);
    let f = at(&n.facts, 131, "Provision for contingent liability");
    check(f[0], "-213.3", 1, Some(Currency::RMB), FactPeriod::Current);
    check(f[1], "-29.3", 1, Some(Currency::USD), FactPeriod::Current);
    check(
        f[2],
        "757.6",
        1,
        Some(Currency::RMB),
        FactPeriod::SamePeriodLastYear,
    );
    let (_, n1) = read(Q1);
    let g = at(
        &n1.facts,
        113,
        "Provision for accounts receivable and contract assets",
    );
    check(
        g[2],
        "-2.2",
        1,
        Some(Currency::RMB),
        FactPeriod::SamePeriodLastYear,
    );
}

#[test]
fn markup_and_footnote_marks_are_not_part_of_subjects() {
    let (_, n2) = read(Q2);
    // "*Financing income**14 was RMB1,690.1 million"
    let f = at(&n2.facts, 101, "Financing income");
    check(f[0], "1690.1", 1, Some(Currency::RMB), FactPeriod::Current);
    check(
        f[3],
        "1535.0",
        1,
        Some(Currency::RMB),
        FactPeriod::PriorQuarter,
    );
    // "- · Operating margin was 47.7%. Non-GAAP operating margin was 48.6%."
    let om = at(&n2.facts, 70, "Operating margin");
    assert_eq!(om.len(), 1);
    check(om[0], "47.7", 1, None, FactPeriod::Current);
    assert_eq!(om[0].quantity.unit, Unit::Percent);
    let ng = at(&n2.facts, 70, "Non-GAAP operating margin");
    check(ng[0], "48.6", 1, None, FactPeriod::Current);
    let (_, n1) = read(Q1);
    // "**Net revenue from Credit Driven Services** was RMB3,016.3 million"
    let c = at(&n1.facts, 79, "Net revenue from Credit Driven Services");
    check(c[0], "3016.3", 1, Some(Currency::RMB), FactPeriod::Current);
    // "Non-GAAP<sup>\*10</sup> income from operations was RMB1,408.7 million"
    let ng = at(&n1.facts, 48, "Non-GAAP income from operations");
    check(ng[0], "1408.7", 1, Some(Currency::RMB), FactPeriod::Current);
    // A label holding a comma.
    let fos = at(
        &n1.facts,
        101,
        "Facilitation, origination and servicing expenses",
    );
    check(fos[0], "736.0", 1, Some(Currency::RMB), FactPeriod::Current);
}

#[test]
fn billions_in_the_cfo_quote() {
    let (_, n) = read(Q2);
    let rev = at(&n.facts, 85, "Total net revenue");
    check(rev[0], "4.16", 2, Some(Currency::RMB), FactPeriod::Current);
    assert_eq!(rev[0].quantity.scale, Scale::Billions);
    let cash = at(&n.facts, 85, "total cash and cash equivalent");
    check(
        cash[0],
        "8.49",
        2,
        Some(Currency::RMB),
        FactPeriod::CurrentInstant,
    );
    let ops = at(&n.facts, 85, "cash from operations");
    check(ops[0], "1.96", 2, Some(Currency::RMB), FactPeriod::Current);
    let (_, n1) = read(Q1);
    let cash1 = at(&n1.facts, 65, "total cash and cash equivalent");
    check(
        cash1[0],
        "8.32",
        2,
        Some(Currency::RMB),
        FactPeriod::CurrentInstant,
    );
}

#[test]
fn per_ads_amounts_share_counts_and_risk_rates() {
    let (_, n) = read(Q2);
    let eps = at(
        &n.facts,
        74,
        "Net income per fully diluted American depositary share (ADS)",
    );
    check(eps[0], "8.92", 2, Some(Currency::RMB), FactPeriod::Current);
    assert_eq!(eps[0].quantity.unit, Unit::PerShare);
    assert_eq!(eps[0].quantity.scale, Scale::Units);
    check(eps[1], "1.22", 2, Some(Currency::USD), FactPeriod::Current);
    check(
        eps[2],
        "6.64",
        2,
        Some(Currency::RMB),
        FactPeriod::SamePeriodLastYear,
    );
    let ads = at(
        &n.facts,
        156,
        "Weighted average basic ADS used in calculating GAAP and non-GAAP net income per ADS",
    );
    check(ads[0], "151.88", 2, None, FactPeriod::Current);
    assert_eq!(ads[0].quantity.unit, Unit::Shares);
    assert_eq!(ads[0].quantity.scale, Scale::Millions);
    let day1 = at(&n.facts, 87, "Day-1 delinquency rate");
    check(day1[0], "4.8", 1, None, FactPeriod::Current);
    let coll = at(&n.facts, 87, "30-day collection rate");
    check(coll[0], "86.3", 1, None, FactPeriod::Current);
    assert_eq!(coll[0].quantity.unit, Unit::Percent);
}

#[test]
fn misprinted_scale_is_kept_as_printed() {
    let (_, n) = read(Q2);
    let ice = at(&n.facts, 57, "Loan facilitation volume through ICE");
    check(
        ice[0],
        "23.464",
        3,
        Some(Currency::RMB),
        FactPeriod::Current,
    );
    assert_eq!(ice[0].quantity.scale, Scale::Millions);
    let other = at(
        &n.facts,
        58,
        "Loan facilitation volume through other technology solutions",
    );
    check(
        other[0],
        "23245",
        0,
        Some(Currency::RMB),
        FactPeriod::Current,
    );
}

#[test]
fn business_highlights_are_facts_with_instants() {
    let (_, n) = read(Q1);
    let partners = at(&n.facts, 13, "financial institutional partners");
    check(partners[0], "159", 0, None, FactPeriod::CurrentInstant);
    assert_eq!(partners[0].quantity.unit, Unit::Count);
    let consumers = at(&n.facts, 13, "consumers");
    check(consumers[0], "241.4", 1, None, FactPeriod::CurrentInstant);
    check(consumers[1], "214.5", 1, None, FactPeriod::YearAgoInstant);
    let tenor: Vec<_> = n
        .facts
        .iter()
        .filter(|f| f.line == 20 && f.quantity.unit == Unit::Months)
        .collect();
    check(tenor[0], "10.10", 2, None, FactPeriod::Current);
    check(tenor[1], "11.21", 2, None, FactPeriod::SamePeriodLastYear);
}

#[test]
fn fact_counts_per_filing() {
    let (_, n1) = read(Q1);
    let (_, n2) = read(Q2);
    // Every fact lies in a highlights or results section.
    assert!(n1.facts.iter().all(|f| (13..=141).contains(&f.line)));
    assert!(n2.facts.iter().all(|f| (43..=159).contains(&f.line)));
    assert_eq!(n1.facts.len(), 180);
    assert_eq!(n2.facts.len(), 173);
}
