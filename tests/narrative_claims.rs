//! Growth, share-of-total and breakdown claims with their operands.

mod narrative_support;

use narrative_support::{Q1, Q2, d, read};
use tieout::model::{Claim, ClaimKind, Scale, StatementKind, Unit};

fn of(claims: &[Claim], kind: ClaimKind) -> Vec<&Claim> {
    claims.iter().filter(|c| c.kind == kind).collect()
}

#[test]
fn q2_consumer_growth() {
    let (_, n) = read(Q2);
    let g = of(&n.claims, ClaimKind::Growth);
    let c = g.iter().find(|c| c.subject == "consumers").expect("claim");
    let pct = c.percent.as_ref().unwrap();
    assert_eq!(pct.amount.value, d("12.2"));
    assert_eq!(pct.amount.decimals, 1);
    let base = c.base.as_ref().unwrap();
    assert_eq!(base.amount.value, d("220.6"));
    assert_eq!(base.scale, Scale::Millions);
    assert_eq!(base.unit, Unit::Count);
    assert_eq!(c.value.as_ref().unwrap().amount.value, d("247.6"));
    assert_eq!(c.lines, vec![43, 43, 43]);
}

#[test]
fn decreases_are_negative() {
    let (_, n) = read(Q1);
    let g = of(&n.claims, ClaimKind::Growth);
    let c = g
        .iter()
        .find(|c| c.subject == "Total facilitation and origination loan volume")
        .unwrap();
    assert_eq!(c.percent.as_ref().unwrap().amount.value, d("-9.3"));
    assert_eq!(c.percent.as_ref().unwrap().raw, "9.3%");
    assert_eq!(c.base.as_ref().unwrap().amount.value, d("109456"));
    assert_eq!(c.value.as_ref().unwrap().amount.value, d("99237"));
}

#[test]
fn share_of_total_uses_the_previous_bullets_volume() {
    let (_, n2) = read(Q2);
    let s = of(&n2.claims, ClaimKind::ShareOfTotal);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].percent.as_ref().unwrap().amount.value, d("64.9"));
    assert_eq!(s[0].value.as_ref().unwrap().amount.value, d("61905"));
    assert_eq!(s[0].base.as_ref().unwrap().amount.value, d("95425"));
    assert_eq!(s[0].lines, vec![47, 47, 46]);
    let (_, n1) = read(Q1);
    let s1 = of(&n1.claims, ClaimKind::ShareOfTotal);
    assert_eq!(s1[0].percent.as_ref().unwrap().amount.value, d("61.0"));
    assert_eq!(s1[0].value.as_ref().unwrap().amount.value, d("60506"));
    assert_eq!(s1[0].base.as_ref().unwrap().amount.value, d("99237"));
}

#[test]
fn misprinted_growth_base_is_kept_as_printed() {
    let (_, n) = read(Q2);
    let c = of(&n.claims, ClaimKind::Growth)
        .into_iter()
        .find(|c| c.lines[0] == 47)
        .expect("capital-light growth claim");
    let base = c.base.as_ref().unwrap();
    assert_eq!(base.raw, "RMB71.860 million");
    assert_eq!(base.amount.value, d("71.860"));
    assert_eq!(base.amount.decimals, 3);
    assert_eq!(base.scale, Scale::Millions);
    assert_eq!(c.percent.as_ref().unwrap().amount.value, d("-13.9"));
    assert_eq!(c.value.as_ref().unwrap().amount.value, d("61905"));
}

#[test]
fn footnote_3_loans_breakdown() {
    for (id, total, parts, lines) in [
        (
            Q1,
            "17524872",
            ["3449001", "14075871"],
            vec![16, 28, 28, 28],
        ),
        (
            Q2,
            "19112187",
            ["3587251", "15524936"],
            vec![46, 55, 55, 55],
        ),
    ] {
        let (_, n) = read(id);
        let b = of(&n.claims, ClaimKind::Breakdown);
        let c = b.iter().find(|c| !c.parts.is_empty()).expect("breakdown");
        assert_eq!(c.value.as_ref().unwrap().amount.value, d(total));
        let got: Vec<_> = c.parts.iter().map(|p| p.amount.value).collect();
        assert_eq!(got, vec![d(parts[0]), d(parts[1])]);
        // The printed parts do sum to the printed total in both filings.
        assert_eq!(got.iter().sum::<rust_decimal::Decimal>(), d(total));
        assert_eq!(c.lines, lines);
    }
}

#[test]
fn footnote_11_cash_breakdown_names_balance_sheet_rows() {
    for (id, value, lines) in [(Q1, "8.32", vec![65, 69]), (Q2, "8.49", vec![85, 89])] {
        let (_, n) = read(id);
        let c = of(&n.claims, ClaimKind::Breakdown)
            .into_iter()
            .find(|c| !c.part_rows.is_empty())
            .expect("cash breakdown");
        assert_eq!(c.subject, "total cash and cash equivalent");
        let v = c.value.as_ref().unwrap();
        assert_eq!(v.amount.value, d(value));
        assert_eq!(v.scale, Scale::Billions);
        let labels: Vec<_> = c.part_rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "Cash and cash equivalents",
                "Restricted cash",
                "Security deposit prepaid to third-party guarantee companies"
            ]
        );
        assert!(
            c.part_rows
                .iter()
                .all(|r| r.statement == StatementKind::BalanceSheet)
        );
        assert_eq!(c.lines, lines);
    }
}

#[test]
fn claim_counts_per_filing() {
    for id in [Q1, Q2] {
        let (_, n) = read(id);
        assert_eq!(of(&n.claims, ClaimKind::Growth).len(), 7, "{id}");
        assert_eq!(of(&n.claims, ClaimKind::ShareOfTotal).len(), 1, "{id}");
        assert_eq!(of(&n.claims, ClaimKind::Breakdown).len(), 2, "{id}");
    }
}
