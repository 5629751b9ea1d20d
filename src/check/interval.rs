//! Closed intervals of exact decimals: the XBRL Calculations 1.1 reading of
//! a printed number. A value printed to `d` decimals stands for every true
//! value within half a unit of its last place, `[v − ½·10^−d, v + ½·10^−d]`.
//! Sums, exact scalings and divisions of such intervals bound what a
//! computed figure can be; a check passes when two intervals overlap.

use crate::model::Amount;
use rust_decimal::Decimal;
use std::fmt;

/// `10^i` for `i` up to 19, shared by the interval arithmetic and its
/// fixed-point fast path ([`super::fix`]).
pub(crate) const POW10: [u64; 20] = {
    let mut p = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// A closed interval `[lo, hi]` of exact decimals (`lo <= hi`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    /// Lower end.
    pub lo: Decimal,
    /// Upper end.
    pub hi: Decimal,
}

impl Interval {
    /// The interval between `a` and `b`, in whichever order they are given.
    pub fn new(a: Decimal, b: Decimal) -> Self {
        if a <= b {
            Self { lo: a, hi: b }
        } else {
            Self { lo: b, hi: a }
        }
    }

    /// The single exact value `v` (a stated rate, a factor, zero).
    pub fn exact(v: Decimal) -> Self {
        Self { lo: v, hi: v }
    }

    /// Zero.
    pub fn zero() -> Self {
        Self::exact(Decimal::ZERO)
    }

    /// The values `v` printed to `decimals` places can stand for:
    /// `[v − ½·10^−decimals, v + ½·10^−decimals]`.
    pub fn printed(v: Decimal, decimals: u32) -> Self {
        let h = Decimal::new(5, decimals.min(27) + 1);
        Self {
            lo: v.saturating_sub(h),
            hi: v.saturating_add(h),
        }
    }

    /// The interval a printed amount stands for, in its printed unit.
    pub fn of(amount: &Amount) -> Self {
        Self::printed(amount.value, amount.decimals)
    }

    /// `printed(v, decimals).times_pow10(e)`, computed on the integer
    /// mantissa where that is exact (printed amounts nearly always).
    pub fn printed_times_pow10(v: Decimal, decimals: u32, e: u32) -> Self {
        // 10^i as an i64 (up to 10^18).
        let p10 = |i: u32| POW10.get(i as usize).and_then(|&p| i64::try_from(p).ok());
        let fast = || -> Option<Self> {
            let (s, d1) = (v.scale(), decimals.checked_add(1)?);
            if d1 > 28 || s > d1 {
                return None;
            }
            let m = i64::try_from(v.mantissa()).ok()?;
            let m = m.checked_mul(p10(d1 - s)?)?;
            let (lo, hi) = (m.checked_sub(5)?, m.checked_add(5)?);
            let end = |x: i64| -> Option<Decimal> {
                if d1 >= e {
                    Some(Decimal::new(x, d1 - e))
                } else {
                    Some(Decimal::new(x.checked_mul(p10(e - d1)?)?, 0))
                }
            };
            Some(Self {
                lo: end(lo)?,
                hi: end(hi)?,
            })
        };
        fast().unwrap_or_else(|| Self::printed(v, decimals).times_pow10(e))
    }

    /// Sum of two intervals.
    pub fn plus(self, o: Interval) -> Self {
        Self {
            lo: self.lo.saturating_add(o.lo),
            hi: self.hi.saturating_add(o.hi),
        }
    }

    /// Difference of two intervals (the subtrahend's ends swap).
    pub fn minus(self, o: Interval) -> Self {
        self.plus(o.times(Decimal::NEGATIVE_ONE))
    }

    /// Scaling by an exact factor; a negative factor swaps the ends.
    pub fn times(self, k: Decimal) -> Self {
        if k == Decimal::ONE {
            return self;
        }
        if k == Decimal::NEGATIVE_ONE {
            return Self {
                lo: -self.hi,
                hi: -self.lo,
            };
        }
        Self::new(self.lo.saturating_mul(k), self.hi.saturating_mul(k))
    }

    /// Scaling by `10^e` (e ≤ 27): [`Interval::times`] by a power of ten,
    /// done by moving the decimal point where the result is exact.
    pub fn times_pow10(self, e: u32) -> Self {
        let k = || Decimal::from_i128_with_scale(10i128.pow(e.min(27)), 0);
        let shift = |d: Decimal| -> Decimal {
            let s = d.scale();
            if s >= e {
                let mut x = d;
                if x.set_scale(s - e).is_ok() {
                    return x;
                }
            } else if let Some(m) = d.mantissa().checked_mul(10i128.pow((e - s).min(27)))
                && let Ok(x) = Decimal::try_from_i128_with_scale(m, 0)
            {
                return x;
            }
            d.saturating_mul(k())
        };
        Self {
            lo: shift(self.lo),
            hi: shift(self.hi),
        }
    }

    /// Division by `10^e` (e ≤ 27): [`Interval::div_exact`] by a power of
    /// ten, done by moving the decimal point where the result is exact.
    pub fn div_pow10(self, e: u32) -> Option<Self> {
        if self.lo.scale() + e <= 28 && self.hi.scale() + e <= 28 {
            let (mut lo, mut hi) = (self.lo, self.hi);
            if lo.set_scale(lo.scale() + e).is_ok() && hi.set_scale(hi.scale() + e).is_ok() {
                return Some(Self { lo, hi });
            }
        }
        self.div_exact(Decimal::from_i128_with_scale(10i128.pow(e.min(27)), 0))
    }

    /// Product of two intervals.
    pub fn product(self, o: Interval) -> Self {
        let c = [
            self.lo.saturating_mul(o.lo),
            self.lo.saturating_mul(o.hi),
            self.hi.saturating_mul(o.lo),
            self.hi.saturating_mul(o.hi),
        ];
        Self::hull(&c)
    }

    /// Quotient of two intervals; `None` when the divisor contains zero
    /// (the quotient is unbounded) or a division overflows.
    pub fn quotient(self, o: Interval) -> Option<Interval> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return None;
        }
        let c = [
            self.lo.checked_div(o.lo)?,
            self.lo.checked_div(o.hi)?,
            self.hi.checked_div(o.lo)?,
            self.hi.checked_div(o.hi)?,
        ];
        Some(Self::hull(&c))
    }

    /// Division by an exact non-zero value (a stated exchange rate).
    pub fn div_exact(self, k: Decimal) -> Option<Interval> {
        if k == Decimal::ONE {
            return Some(self);
        }
        if k > Decimal::ZERO {
            // Division by a positive value keeps the order of the ends.
            return Some(Self {
                lo: self.lo.checked_div(k)?,
                hi: self.hi.checked_div(k)?,
            });
        }
        self.quotient(Self::exact(k))
    }

    /// The weighted sum `Σ wᵢ·xᵢ` of intervals with exact weights
    /// (a weight of −1 swaps the ends of its interval).
    pub fn weighted_sum<I: IntoIterator<Item = (Interval, Decimal)>>(items: I) -> Self {
        items
            .into_iter()
            .fold(Self::zero(), |acc, (x, w)| acc.plus(x.times(w)))
    }

    /// The interval widened by `r` on both sides.
    pub fn widen(self, r: Decimal) -> Self {
        Self {
            lo: self.lo.saturating_sub(r),
            hi: self.hi.saturating_add(r),
        }
    }

    /// Whether the two intervals share at least one value.
    pub fn overlaps(&self, o: &Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    /// Whether `v` lies in the interval.
    pub fn contains(&self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }

    /// The gap between the two intervals (zero when they overlap).
    pub fn distance(&self, o: &Interval) -> Decimal {
        if self.overlaps(o) {
            Decimal::ZERO
        } else if self.hi < o.lo {
            o.lo.saturating_sub(self.hi)
        } else {
            self.lo.saturating_sub(o.hi)
        }
    }

    /// The midpoint.
    pub fn mid(&self) -> Decimal {
        (self.lo.saturating_add(self.hi)) / Decimal::TWO
    }

    /// The interval rounded outward to `dp` decimals, for display.
    pub fn rounded_out(&self, dp: u32) -> Self {
        use rust_decimal::RoundingStrategy;
        Self {
            lo: self
                .lo
                .round_dp_with_strategy(dp, RoundingStrategy::ToNegativeInfinity)
                .normalize(),
            hi: self
                .hi
                .round_dp_with_strategy(dp, RoundingStrategy::ToPositiveInfinity)
                .normalize(),
        }
    }

    fn hull(c: &[Decimal]) -> Self {
        let lo = c.iter().copied().min().unwrap_or_default();
        let hi = c.iter().copied().max().unwrap_or_default();
        Self { lo, hi }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lo == self.hi {
            write!(f, "{}", self.lo.normalize())
        } else {
            write!(f, "[{}, {}]", self.lo.normalize(), self.hi.normalize())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn published_vectors() {
        assert_eq!(
            Interval::printed(d("20"), 0),
            Interval::new(d("19.5"), d("20.5"))
        );
        assert_eq!(
            Interval::printed(d("-20.123"), 3),
            Interval::new(d("-20.1235"), d("-20.1225"))
        );
    }

    #[test]
    fn negative_weight_swaps_ends() {
        let x = Interval::printed(d("10"), 0).times(Decimal::NEGATIVE_ONE);
        assert_eq!(x, Interval::new(d("-10.5"), d("-9.5")));
    }

    #[test]
    fn division_by_interval_containing_zero_is_unbounded() {
        let x = Interval::printed(d("1"), 0);
        assert!(x.quotient(Interval::printed(d("0"), 0)).is_none());
        let q = x.quotient(Interval::printed(d("2"), 0)).unwrap();
        assert_eq!(q, Interval::new(d("0.2"), d("1")));
    }

    #[test]
    fn powers_of_ten_move_the_point_exactly() {
        let x = Interval::printed(d("4160063"), 0);
        let k = Decimal::from(1000);
        assert_eq!(x.times_pow10(3), x.times(k));
        assert_eq!(x.times_pow10(3).div_pow10(3), Some(x));
        let y = Interval::printed(d("-20.123"), 3);
        assert_eq!(y.times_pow10(6), y.times(Decimal::from(1_000_000)));
        assert_eq!(y.div_pow10(3), y.div_exact(k));
        assert_eq!(
            y.times(Decimal::NEGATIVE_ONE),
            Interval::new(d("20.1225"), d("20.1235"))
        );
    }

    #[test]
    fn distance_is_gap_between_ends() {
        let a = Interval::new(d("1"), d("2"));
        let b = Interval::new(d("3.5"), d("4"));
        assert_eq!(a.distance(&b), d("1.5"));
        assert_eq!(b.distance(&a), d("1.5"));
        assert_eq!(a.distance(&a), Decimal::ZERO);
    }
}
