//! A cheap first look at a check's verdict: intervals of exact values as
//! `i128` counts of `10^-SCALE` (absolute units), for sums of printed cells.
//! Where every step stays within [`LIMIT`] and the printed figures within
//! [`SCALE`] decimals, the [`super::interval::Interval`] arithmetic of the
//! same check is exact too (no rescaling loses a digit, nothing
//! saturates), so both give the same verdict; anything else (`None`) is
//! left to the exact decimals. Used to let passes that are only counted go
//! without computing their figures as decimals.

// `10^i` up to 19: the most a printed figure is multiplied by is
// `SCALE` plus a scale of billions.
use super::interval::POW10 as P10;
use crate::model::{Cell, Row};
use rust_decimal::Decimal;

/// Decimals of the fixed point: values are counts of `10^-SCALE`.
const SCALE: u32 = 10;

/// Bound on every magnitude (in counts): below it a decimal of scale at
/// most [`SCALE`] holds the value exactly (96-bit mantissa, about 7.9e28).
const LIMIT: i128 = 10i128.pow(27);

/// A closed interval `[lo, hi]` in counts of `10^-SCALE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fix {
    lo: i128,
    hi: i128,
}

/// Whether a count is within [`LIMIT`].
fn bounded(x: i128) -> Option<i128> {
    (x.abs() < LIMIT).then_some(x)
}

impl Fix {
    /// Zero.
    pub const ZERO: Fix = Fix { lo: 0, hi: 0 };

    /// The interval `value` printed to `decimals` places stands for, times
    /// `10^exp` (as [`super::interval::Interval::printed_times_pow10`]).
    pub fn printed(value: Decimal, decimals: u32, exp: u32) -> Option<Fix> {
        let s = value.scale();
        if s > SCALE || decimals >= SCALE || exp > 9 {
            return None;
        }
        // Below 2^52, times at most 10^19: no overflow of an i128.
        let m = i64::try_from(value.mantissa())
            .ok()
            .filter(|m| m.unsigned_abs() < 1 << 52)?;
        let c = i128::from(m) * i128::from(P10[(SCALE - s + exp) as usize]);
        let half = i128::from(5 * P10[(SCALE - decimals - 1 + exp) as usize]);
        Some(Fix {
            lo: bounded(c - half)?,
            hi: bounded(c + half)?,
        })
    }

    /// The whole number `n`, exactly.
    pub fn whole(n: i64) -> Fix {
        let c = i128::from(n) * i128::from(P10[SCALE as usize]);
        Fix { lo: c, hi: c }
    }

    /// A cell in absolute units (as [`super::helpers::units`]).
    pub fn cell(row: &Row, cell: &Cell) -> Option<Fix> {
        Fix::printed(
            cell.amount.value,
            cell.amount.decimals,
            row.scale.exponent(),
        )
    }

    /// Sum of two intervals.
    pub fn plus(self, o: Fix) -> Option<Fix> {
        Some(Fix {
            lo: bounded(self.lo + o.lo)?,
            hi: bounded(self.hi + o.hi)?,
        })
    }

    /// Scaling by an exact factor, where the result is exact in counts
    /// (a negative factor swaps the ends).
    pub fn times(self, k: Decimal) -> Option<Fix> {
        let (m, s) = (k.mantissa(), k.scale());
        if s == 0 && m == 1 {
            return Some(self);
        }
        if s == 0 && m == -1 {
            return Some(Fix {
                lo: -self.hi,
                hi: -self.lo,
            });
        }
        if m.abs() >= LIMIT || s > SCALE {
            return None;
        }
        let d = i128::from(P10[s as usize]);
        let end = |x: i128| -> Option<i128> {
            let p = x.checked_mul(m)?;
            (p % d == 0).then(|| p / d).and_then(bounded)
        };
        let (a, b) = (end(self.lo)?, end(self.hi)?);
        Some(Fix {
            lo: a.min(b),
            hi: a.max(b),
        })
    }

    /// Whether the two intervals share at least one value.
    pub fn overlaps(&self, o: &Fix) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

/// Whether `actual` certainly passes against `dividend ÷ divisor` widened
/// by `widen` counts on each side (`divisor` exact and positive), as the
/// decimal arithmetic would judge it. Its divisions round to about 28
/// significant digits, and moving the point or widening may round once
/// more; below [`LIMIT`]`/10` counts each rounding is under a quarter
/// count, so a pass with at least two counts to spare on each side is a
/// pass of the decimals too. Anything closer is left to them.
pub(crate) fn passes_divided(
    actual: Option<Fix>,
    dividend: Option<Fix>,
    divisor: Decimal,
    widen: i128,
) -> bool {
    let (Some(a), Some(x)) = (actual, dividend) else {
        return false;
    };
    let (m, s) = (divisor.mantissa(), divisor.scale());
    if m <= 0 || m >= LIMIT || s > SCALE || !(0..LIMIT).contains(&widen) {
        return false;
    }
    let p = i128::from(P10[s as usize]);
    let check = || -> Option<bool> {
        // The quotient's ends stay below LIMIT/10 counts: |x|·10^s < m·LIMIT/10.
        let (xl, xh) = (x.lo.checked_mul(p)?, x.hi.checked_mul(p)?);
        let bound = m.checked_mul(LIMIT / 10)?;
        if xl.abs() >= bound || xh.abs() >= bound || widen >= LIMIT / 10 {
            return Some(false);
        }
        // hi: xh/d + widen - a.lo ≥ 2 ⇔ xh·10^s + (widen - a.lo - 2)·m ≥ 0.
        let hi = xh.checked_add((widen - a.lo - 2).checked_mul(m)?)?;
        // lo: a.hi + widen - xl/d ≥ 2 ⇔ (a.hi + widen - 2)·m - xl·10^s ≥ 0.
        let lo = (a.hi + widen - 2).checked_mul(m)?.checked_sub(xl)?;
        Some(hi >= 0 && lo >= 0)
    };
    check().unwrap_or(false)
}

/// Whether `actual` certainly passes against `k · numerator ÷ divisor`
/// (`divisor` an interval, `None` for no division; `k` positive), as the
/// decimal interval arithmetic would judge it (quotient of the corners,
/// scaled by `k`, both sides moved to the row's unit). Its divisions and
/// products round to about 28 significant digits; with `actual` below
/// [`LIMIT`]`/10` counts an end near it is off by under a count, so a pass
/// with two counts to spare on each side, found by exact
/// cross-multiplication, is a pass of the decimals too. A divisor that
/// is not certainly positive, and anything that overflows, is left to them.
pub(crate) fn passes_ratio(
    actual: Option<Fix>,
    numerator: Option<Fix>,
    divisor: Option<Option<Fix>>,
    k: Decimal,
) -> bool {
    let (Some(a), Some(n), Some(divisor)) = (actual, numerator, divisor) else {
        return false;
    };
    let (km, ks) = (k.mantissa(), k.scale());
    if km <= 0 || km >= LIMIT || ks > SCALE || a.lo.abs() >= LIMIT / 10 || a.hi.abs() >= LIMIT / 10
    {
        return false;
    }
    let pk = i128::from(P10[ks as usize]);
    // The quotient of two counts is a plain number: times 10^SCALE in counts.
    let (m, d) = match divisor {
        None => (1, Fix { lo: 1, hi: 1 }),
        Some(d) if d.lo > 0 => (i128::from(P10[SCALE as usize]), d),
        Some(_) => return false,
    };
    let check = || -> Option<bool> {
        // hi end: km·N·m / (pk·D) ≥ a.lo + 2, N = n.hi, D the divisor end that maximises.
        let dh = if n.hi >= 0 { d.lo } else { d.hi };
        let top = km.checked_mul(n.hi)?.checked_mul(m)?;
        let hi = top >= (a.lo + 2).checked_mul(pk)?.checked_mul(dh)?;
        // lo end: km·N·m / (pk·D) ≤ a.hi - 2, N = n.lo, D the divisor end that minimises.
        let dl = if n.lo >= 0 { d.hi } else { d.lo };
        let bottom = km.checked_mul(n.lo)?.checked_mul(m)?;
        let lo = bottom <= (a.hi - 2).checked_mul(pk)?.checked_mul(dl)?;
        Some(hi && lo)
    };
    check().unwrap_or(false)
}

/// Half a unit of the last of `decimals` places, times `10^exp`, in counts
/// (the widening of one rounded figure).
pub(crate) fn half_unit(decimals: u32, exp: u32) -> Option<i128> {
    if decimals >= SCALE || exp > 9 {
        return None;
    }
    Some(i128::from(5 * P10[(SCALE - decimals - 1 + exp) as usize]))
}

/// Whether `actual` certainly passes against `expected` as the decimal
/// arithmetic would judge it: both known exactly and overlapping.
pub(crate) fn passes(actual: Option<Fix>, expected: Option<Fix>) -> bool {
    matches!((actual, expected), (Some(a), Some(e)) if a.overlaps(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::interval::Interval;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The fixed interval of a value as the decimal one, scaled.
    fn same(f: Fix, i: Interval) {
        let k = Decimal::from_i128_with_scale(1, SCALE);
        assert_eq!(Decimal::from_i128_with_scale(f.lo, 0) * k, i.lo);
        assert_eq!(Decimal::from_i128_with_scale(f.hi, 0) * k, i.hi);
    }

    #[test]
    fn printed_values_agree_with_decimal_intervals() {
        for (v, dp, e) in [
            ("4160063", 0, 3),
            ("-20.123", 3, 0),
            ("3.40", 2, 6),
            ("0", 0, 9),
            ("-1376508", 0, 3),
        ] {
            let f = Fix::printed(d(v), dp, e).unwrap();
            same(f, Interval::printed_times_pow10(d(v), dp, e));
        }
        assert_eq!(Fix::printed(d("1.5"), 10, 0), None);
        assert_eq!(Fix::printed(d("100000000000000000000"), 0, 9), None);
    }

    /// A division passes where the decimals pass with room to spare, and
    /// never where they fail.
    #[test]
    fn divided_passes_agree_with_decimal_division() {
        let rate = d("7.2672");
        let rmb = |v: &str| Fix::printed(d(v), 0, 3);
        let usd = |v: &str| Fix::printed(d(v), 0, 3);
        let dec = |v: &str, u: &str, n: i64| {
            let e = Interval::printed_times_pow10(d(v), 0, 3)
                .div_exact(rate)
                .unwrap();
            let e = e.widen(Decimal::new(5, 1) * Decimal::from(n) * Decimal::from(1000));
            Interval::printed_times_pow10(d(u), 0, 3).overlaps(&e)
        };
        let w = |n: i64| half_unit(0, 3).unwrap() * i128::from(n);
        // 1,376,508 ÷ 7.2672 = 189,413.8; USD 189,414 passes, 189,416 fails.
        for (u, n) in [
            ("189414", 1),
            ("189415", 1),
            ("189416", 1),
            ("189416", 5),
            ("0", 1),
        ] {
            let fast = passes_divided(usd(u), rmb("1376508"), rate, if n > 1 { w(n) } else { 0 });
            assert!(
                !fast || dec("1376508", u, if n > 1 { n } else { 0 }),
                "{u} {n}"
            );
        }
        assert!(passes_divided(usd("189414"), rmb("1376508"), rate, 0));
        assert!(!passes_divided(usd("189416"), rmb("1376508"), rate, 0));
        assert!(passes_divided(usd("189416"), rmb("1376508"), rate, w(5)));
        assert!(!passes_divided(usd("1"), rmb("1"), d("0"), 0));
    }

    /// A ratio passes where the decimals pass with room to spare, and
    /// never where they fail.
    #[test]
    fn ratio_passes_agree_with_decimal_quotients() {
        // Net income 1,234,567 thousand over 98,765,432 shares, EPS 12.50.
        let dec = |eps: &str, k: &str, den: bool| {
            let n = Interval::printed_times_pow10(d("1234567"), 0, 3);
            let e = if den {
                n.quotient(Interval::printed_times_pow10(d("98765432"), 0, 0))
                    .unwrap()
            } else {
                n
            };
            Interval::printed_times_pow10(d(eps), 2, 0).overlaps(&e.times(d(k)))
        };
        let fast = |eps: &str, k: &str, den: bool| {
            passes_ratio(
                Fix::printed(d(eps), 2, 0),
                Fix::printed(d("1234567"), 0, 3),
                Some(den.then(|| Fix::printed(d("98765432"), 0, 0)).flatten()),
                d(k),
            )
        };
        for eps in [
            "12.49", "12.50", "12.51", "12.52", "25.00", "25.01", "24.99", "-12.50",
        ] {
            for k in ["1", "2", "0.5"] {
                assert!(!fast(eps, k, true) || dec(eps, k, true), "{eps} {k}");
            }
        }
        assert!(fast("12.50", "1", true));
        assert!(fast("25.00", "2", true));
        assert!(!fast("12.52", "1", true));
        assert!(!fast("-12.50", "1", true));
        // No divisor: the numerator scaled.
        assert!(!fast("12.50", "1", false));
        assert!(passes_ratio(
            Fix::printed(d("2469134"), 0, 3),
            Fix::printed(d("1234567"), 0, 3),
            Some(None),
            d("2"),
        ));
        // Growth of 110 over 100 read as 10%: percent + 100 against 100 · value ÷ base.
        let pct = |v: &str| Fix::printed(d(v), 0, 0).and_then(|a| a.plus(Fix::whole(100)));
        let (v, b) = (Fix::printed(d("110"), 0, 6), Fix::printed(d("100"), 0, 6));
        assert!(passes_ratio(pct("10"), v, Some(b), d("100")));
        assert!(!passes_ratio(pct("12"), v, Some(b), d("100")));
        // A divisor that may be zero or negative is left to the decimals.
        let zero = Fix::printed(d("0"), 0, 0);
        assert!(!passes_ratio(zero, zero, Some(zero), d("1")));
        assert!(!passes_ratio(zero, zero, None, d("1")));
    }

    #[test]
    fn sums_and_factors_agree_with_decimal_intervals() {
        let a = Interval::printed_times_pow10(d("1234.5"), 1, 3);
        let b = Interval::printed_times_pow10(d("-20"), 0, 3);
        let (fa, fb) = (
            Fix::printed(d("1234.5"), 1, 3).unwrap(),
            Fix::printed(d("-20"), 0, 3).unwrap(),
        );
        same(fa.plus(fb).unwrap(), a.plus(b));
        for k in ["-1", "2", "0.5", "100"] {
            same(fa.times(d(k)).unwrap(), a.times(d(k)));
        }
        // Half an odd count is not a whole count: left to the decimals.
        let odd = Fix { lo: 1, hi: 3 };
        assert_eq!(odd.times(d("0.5")), None);
        assert!(passes(Some(fa), Some(fa.plus(Fix::ZERO).unwrap())));
        same(Fix::whole(-100), Interval::exact(d("-100")));
        assert_eq!(half_unit(2, 3), Some(5 * 10i128.pow(SCALE - 3 + 3)));
        assert_eq!(half_unit(10, 0), None);
        assert!(!passes(Some(fa), Some(fb)));
        assert!(!passes(None, Some(fb)));
    }

    /// A printed figure: a mantissa of up to 12 digits, 0-3 decimals, a
    /// scale of units, thousands or millions.
    fn figure() -> impl proptest::strategy::Strategy<Value = (Decimal, u32, u32)> {
        use proptest::prelude::*;
        (
            -999_999_999_999i64..=999_999_999_999,
            0u32..=3,
            prop_oneof![Just(0u32), Just(3), Just(6)],
        )
            .prop_map(|(m, dp, e)| (Decimal::new(m, dp), dp, e))
    }

    proptest::proptest! {
        /// Sums of printed figures: the fixed-point intervals are the
        /// decimal ones, so their verdicts agree both ways.
        #[test]
        fn sums_agree_with_decimals_for_any_figures(
            parts in proptest::collection::vec(figure(), 1..6),
            total in figure(),
        ) {
            let mut fix = Some(Fix::ZERO);
            let mut dec = Interval::exact(Decimal::ZERO);
            for &(v, dp, e) in &parts {
                fix = fix.and_then(|f| Fix::printed(v, dp, e).and_then(|p| f.plus(p)));
                dec = dec.plus(Interval::printed_times_pow10(v, dp, e));
            }
            let (v, dp, e) = total;
            let fast = passes(Fix::printed(v, dp, e), fix);
            let slow = Interval::printed_times_pow10(v, dp, e).overlaps(&dec);
            proptest::prop_assert!(!fast || slow);
            if let Some(f) = fix {
                same(f, dec);
                proptest::prop_assert_eq!(fast, slow);
            }
        }

        /// A translation at any rate, printed near its exact value: the
        /// fast path passes only where the decimal division passes too.
        #[test]
        fn divisions_never_pass_where_decimals_fail(
            rmb in figure(),
            rate in 1i64..=999_999,
            off in -3i64..=3,
            udp in 0u32..=2,
            halves in 0i64..4,
        ) {
            let rate = Decimal::new(rate, 4);
            let (rv, rdp, re) = rmb;
            // The figure printed in the same unit, `off` units from the quotient.
            let ue = re;
            let uv = (rv / rate).round_dp(udp) + Decimal::new(off, udp);
            let widen = half_unit(udp, ue).map_or(0, |h| h * i128::from(halves));
            let fast = passes_divided(Fix::printed(uv, udp, ue), Fix::printed(rv, rdp, re), rate, widen);
            if fast {
                let half = Decimal::new(5, udp + 1) * Decimal::from(10i64.pow(ue));
                let expected = Interval::printed_times_pow10(rv, rdp, re)
                    .div_exact(rate)
                    .map(|i| i.widen(half * Decimal::from(halves)));
                let slow = expected
                    .is_some_and(|x| Interval::printed_times_pow10(uv, udp, ue).overlaps(&x));
                proptest::prop_assert!(slow);
            }
        }
    }
}
