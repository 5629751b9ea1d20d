//! Printed numbers: a value together with the precision it was printed to.

use rust_decimal::Decimal;
use serde::Serialize;

/// A number exactly as printed: its value in the unit it was printed in
/// (thousands for a statement "in thousands", millions for "RMB4,160.1 million")
/// and the number of decimals it was printed with.
///
/// `Amount::new(dec!(4160.1), 1)` stands for every true value in
/// `[4160.05, 4160.15]`; see [`Amount::half_unit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Amount {
    /// The printed value (negative for parentheses or a leading minus).
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Digits printed after the decimal point (0 for "4,177,890", 2 for "3.40").
    pub decimals: u32,
}

impl Amount {
    /// An amount printed with `decimals` digits after the point.
    pub fn new(value: Decimal, decimals: u32) -> Self {
        Self { value, decimals }
    }

    /// An amount whose decimals are those of the decimal's own scale
    /// (`Decimal` keeps trailing zeros, so "3.40" gives 2).
    pub fn from_decimal(value: Decimal) -> Self {
        Self {
            value,
            decimals: value.scale(),
        }
    }

    /// Half a unit in the last printed place: the rounding radius.
    pub fn half_unit(&self) -> Decimal {
        Decimal::new(5, self.decimals + 1)
    }

    /// The value as printed in the statement's unit, without separators:
    /// "-2236" for "(2,236)", "3.40" for "3.40", "0" for a dash.
    pub fn plain(&self) -> String {
        let mut v = self.value;
        v.rescale(self.decimals);
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn half_unit_follows_printed_decimals() {
        let a = Amount::new(Decimal::from_str("4160.1").unwrap(), 1);
        assert_eq!(a.half_unit(), Decimal::from_str("0.05").unwrap());
        let b = Amount::new(Decimal::from(4_177_890), 0);
        assert_eq!(b.half_unit(), Decimal::from_str("0.5").unwrap());
    }

    #[test]
    fn plain_keeps_trailing_zeros() {
        let a = Amount::from_decimal(Decimal::from_str("3.40").unwrap());
        assert_eq!(a.plain(), "3.40");
        assert_eq!(Amount::new(Decimal::from(-2236), 0).plain(), "-2236");
    }
}
