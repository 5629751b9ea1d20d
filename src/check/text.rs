//! Small value types of check results that are written out only when shown:
//! shared strings, contributor weights, and computed figures rounded for display.

use super::interval::Interval;
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
