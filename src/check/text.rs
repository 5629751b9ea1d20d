//! Small value types of check results that are written out only when shown:
//! shared strings, contributor weights, and computed figures rounded for display.

use super::interval::Interval;
use crate::model::Period;
use chrono::Datelike;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string shared by every result that names it (a filing id,
/// a row label, a column header, a printed cell): cloning it copies a pointer.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Self {
        Shared(Arc::from(s))
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Self {
        Shared(Arc::from(s))
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, o: &str) -> bool {
        &*self.0 == o
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, o: &&str) -> bool {
        &*self.0 == *o
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, o: &Shared) -> bool {
        *self == &*o.0
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// The weight a contributor enters a check with, shown as text: "1", "-1",
/// "2" ([`Weight::Times`]), "1/7.2672" ([`Weight::Over`]) or as written.
#[derive(Clone, Debug, PartialEq)]
pub enum Weight {
    /// Multiplied by the factor.
    Times(Decimal),
    /// Divided by the divisor.
    Over(Decimal),
    /// A weight written out ("1/base").
    Text(Shared),
}

impl Weight {
    /// Weight one.
    pub const ONE: Weight = Weight::Times(Decimal::ONE);
}

impl From<&str> for Weight {
    fn from(s: &str) -> Self {
        Weight::Text(s.into())
    }
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Weight::Text(s) => f.pad(s),
            Weight::Times(k) if *k == Decimal::ONE => f.pad("1"),
            Weight::Times(k) if *k == Decimal::NEGATIVE_ONE => f.pad("-1"),
            Weight::Times(k) => f.pad(&k.normalize().to_string()),
            Weight::Over(k) => f.pad(&format!("1/{}", k.normalize())),
        }
    }
}

impl Serialize for Weight {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a reported value should be: the computed interval, shown rounded
/// outward to `decimals` places ("[16672.5, 16673.5]", or one value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Expected {
    /// The computed interval, unrounded.
    pub interval: Interval,
    /// Decimals it is shown with.
    pub decimals: u32,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.interval.rounded_out(self.decimals).fmt(f)
    }
}

impl Serialize for Expected {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The distance from the reported interval to the expected one (0 when
/// they overlap), shown rounded to `decimals` places.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// The distance, unrounded.
    pub value: Decimal,
    /// Decimals it is shown with.
    pub decimals: u32,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_zero() {
            return f.write_str("0");
        }
        fmt::Display::fmt(&self.value.round_dp(self.decimals).normalize(), f)
    }
}

impl Serialize for Difference {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Writes `normalized` (words joined by single spaces) as a slug: the
/// spaces become dashes.
pub(crate) fn write_dashed(w: &mut impl fmt::Write, normalized: &str) -> fmt::Result {
    let mut words = normalized.split(' ');
    if let Some(first) = words.next() {
        w.write_str(first)?;
    }
    for word in words {
        w.write_char('-')?;
        w.write_str(word)?;
    }
    Ok(())
}

/// Writes the slug of `text`: its normalised words (see
/// [`super::rules::normalize`]) joined by dashes.
pub(crate) fn write_slug(w: &mut impl fmt::Write, text: &str) -> fmt::Result {
    if !text.is_ascii() {
        return write_dashed(w, &super::rules::normalize(text));
    }
    let (mut gap, mut any) = (false, false);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && any {
                w.write_char('-')?;
            }
            gap = false;
            any = true;
            w.write_char(char::from(b.to_ascii_lowercase()))?;
        } else {
            gap = true;
        }
    }
    Ok(())
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Writes [`Period::short`] ("Q2 2024", "6M 2024", "Jun 30, 2024").
pub(crate) fn write_period(w: &mut impl fmt::Write, p: &Period) -> fmt::Result {
    match *p {
        Period::Instant { date } if (1000..=9999).contains(&date.year()) => {
            let month = MONTHS[date.month0() as usize];
            write!(w, "{month} {}, {}", date.day(), date.year())
        }
        Period::Duration { end, .. } => match p.months() {
            3 if end.month() % 3 == 0 => write!(w, "Q{} {}", end.month() / 3, end.year()),
            12 => write!(w, "FY {}", end.year()),
            m => write!(w, "{m}M {}", end.year()),
        },
        Period::Instant { .. } => w.write_str(&p.short()),
    }
}

/// Writes [`Period::short`] lower-cased, spaces as dashes, commas dropped
/// ("q2-2024", "jun-30-2024").
pub(crate) fn write_period_slug(w: &mut impl fmt::Write, p: &Period) -> fmt::Result {
    const LOWER: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let num = |w: &mut dyn fmt::Write, n: u32| -> fmt::Result {
        if n < 10 {
            w.write_char(char::from(b'0' + n as u8))
        } else {
            write!(w, "{n}")
        }
    };
    match *p {
        Period::Instant { date } if (1000..=9999).contains(&date.year()) => {
            w.write_str(LOWER[date.month0() as usize])?;
            w.write_char('-')?;
            num(w, date.day())?;
            w.write_char('-')?;
            num(w, date.year() as u32)
        }
        Period::Duration { end, .. } if end.year() >= 0 => {
            match p.months() {
                3 if end.month() % 3 == 0 => {
                    w.write_char('q')?;
                    num(w, end.month() / 3)?;
                }
                12 => w.write_str("fy")?,
                m => {
                    num(w, m)?;
                    w.write_char('m')?;
                }
            }
            w.write_char('-')?;
            num(w, end.year() as u32)
        }
        _ => write_period(&mut Dashed(w), p),
    }
}

/// [`Period::short`] as a string.
pub(crate) fn period_text(p: &Period) -> String {
    let mut s = String::with_capacity(12);
    let _ = write_period(&mut s, p);
    s
}

/// A writer that lower-cases what it is given, turns spaces into dashes
/// and drops commas ("Jun 30, 2024" gives "jun-30-2024").
pub(crate) struct Dashed<'w, W: fmt::Write>(pub &'w mut W);

impl<W: fmt::Write> fmt::Write for Dashed<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            match c {
                ' ' => self.0.write_char('-')?,
                ',' => {}
                c => {
                    for l in c.to_lowercase() {
                        self.0.write_char(l)?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn weights_read_as_before() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(Weight::ONE.to_string(), "1");
        assert_eq!(Weight::Times(Decimal::NEGATIVE_ONE).to_string(), "-1");
        assert_eq!(Weight::Times(d("2.00")).to_string(), "2");
        assert_eq!(Weight::Over(d("7.2672")).to_string(), "1/7.2672");
        assert_eq!(format!("{:>6}", Weight::ONE), "     1");
    }

    #[test]
    fn periods_and_slugs_read_as_before() {
        use chrono::NaiveDate;
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        for p in [
            Period::instant(d(2023, 12, 31)),
            Period::instant(d(2024, 6, 1)),
            Period::months_ending(3, d(2024, 6, 30)),
            Period::months_ending(6, d(2024, 6, 30)),
            Period::months_ending(12, d(2023, 12, 31)),
            Period::months_ending(3, d(2024, 5, 31)),
        ] {
            assert_eq!(period_text(&p), p.short());
        }
        for t in [
            "Total net revenue",
            "  RMB4,160.1 million ",
            "Ünïcode Ärger",
            "",
        ] {
            let mut s = String::new();
            write_slug(&mut s, t).unwrap();
            assert_eq!(s, super::super::rules::normalize(t).replace(' ', "-"));
        }
    }

    #[test]
    fn figures_round_for_display() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let e = Expected {
            interval: Interval::new(d("16672.50001"), d("16673.49999")),
            decimals: 2,
        };
        assert_eq!(e.to_string(), "[16672.5, 16673.5]");
        let g = Difference {
            value: d("194.50"),
            decimals: 2,
        };
        assert_eq!(g.to_string(), "194.5");
    }
}
