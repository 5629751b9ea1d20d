//! Interval arithmetic with the published XBRL Calculations 1.1 vectors.

use rust_decimal::Decimal;
use std::str::FromStr;
use tieout::check::Interval;
use tieout::model::Amount;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn twenty_at_zero_decimals() {
    assert_eq!(
        Interval::printed(d("20"), 0),
        Interval::new(d("19.5"), d("20.5"))
    );
}

#[test]
fn minus_twenty_point_one_two_three_at_three_decimals() {
    let x = Interval::of(&Amount::from_decimal(d("-20.123")));
    assert_eq!(x, Interval::new(d("-20.1235"), d("-20.1225")));
}

#[test]
fn comprehensive_income_roll_up_within_rounding() {
    // Q1 2023 OCI (2,808) + Q2 2023 OCI 19,482 against the printed six months 16,673.
    let sum = Interval::weighted_sum([
        (Interval::printed(d("-2808"), 0), Decimal::ONE),
        (Interval::printed(d("19482"), 0), Decimal::ONE),
    ]);
    assert_eq!(sum, Interval::new(d("16673"), d("16675")));
    assert!(sum.overlaps(&Interval::printed(d("16673"), 0)));
    // A one-digit slip in the total fails.
    let slip = Interval::printed(d("16637"), 0);
    assert!(!sum.overlaps(&slip));
    assert_eq!(sum.distance(&slip), d("35.5"));
}

#[test]
fn negative_weight_swaps_the_ends() {
    let x = Interval::weighted_sum([(Interval::printed(d("10"), 0), Decimal::NEGATIVE_ONE)]);
    assert_eq!(x, Interval::new(d("-10.5"), d("-9.5")));
}

#[test]
fn usd_translation_of_a_total_is_not_its_printed_usd() {
    // Q2 net income 1,376,508 ÷ 7.2672 = 189,413.8, printed US$189,412.
    let rmb = Interval::printed(d("1376508"), 0)
        .div_exact(d("7.2672"))
        .unwrap();
    assert!(!rmb.overlaps(&Interval::printed(d("189412"), 0)));
    // The printed USD total is the sum of translated components: 285,743 − 96,331.
    let usd = Interval::printed(d("285743"), 0).minus(Interval::printed(d("96331"), 0));
    assert!(usd.overlaps(&Interval::printed(d("189412"), 0)));
}

#[test]
fn eps_by_interval_division() {
    // Q2 basic EPS: 1,380,528 thousand ÷ 303,761,387 shares = 4.5448, printed 4.54.
    let ni = Interval::printed(d("1380528"), 0).times(d("1000"));
    let q = ni.quotient(Interval::printed(d("303761387"), 0)).unwrap();
    assert!(q.overlaps(&Interval::printed(d("4.54"), 2)));
    assert!(!q.overlaps(&Interval::printed(d("4.45"), 2)));
    assert!(
        Interval::printed(d("1"), 0)
            .quotient(Interval::printed(d("0"), 0))
            .is_none()
    );
}
