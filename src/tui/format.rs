//! Number display: thousands separators, negatives in parentheses, unit
//! conversion (as printed, millions, billions) in exact decimal arithmetic.

use crate::model::{Amount, Cell, Currency, Scale, Unit};
use rust_decimal::{Decimal, RoundingStrategy};

/// How money is scaled for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitMode {
    /// The statement's own scale (thousands).
    AsPrinted,
    /// Millions, one decimal.
    Millions,
    /// Billions, two decimals.
    Billions,
}

impl UnitMode {
    /// All modes in cycle order.
    pub const ALL: [UnitMode; 3] = [UnitMode::AsPrinted, UnitMode::Millions, UnitMode::Billions];

    /// Parses a config value.
    pub fn parse(s: &str) -> Option<UnitMode> {
        Some(match s {
            "as-printed" | "as printed" | "thousands" => UnitMode::AsPrinted,
            "millions" => UnitMode::Millions,
            "billions" => UnitMode::Billions,
            _ => return None,
        })
    }

    /// The next mode.
    pub fn next(self) -> UnitMode {
        match self {
            UnitMode::AsPrinted => UnitMode::Millions,
            UnitMode::Millions => UnitMode::Billions,
            UnitMode::Billions => UnitMode::AsPrinted,
        }
    }

    /// Index into [`UnitMode::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// What the title says ("in thousands" for as printed at `scale`).
    pub fn describe(self, scale: Scale) -> String {
        match self {
            UnitMode::AsPrinted => format!("in {scale}"),
            UnitMode::Millions => "in millions".into(),
            UnitMode::Billions => "in billions".into(),
        }
    }
}

/// Which currency columns are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CurrencyFilter {
    /// RMB and USD.
    Both,
    /// RMB only.
    Rmb,
    /// USD only.
    Usd,
}

impl CurrencyFilter {
    /// Parses a config value.
    pub fn parse(s: &str) -> Option<CurrencyFilter> {
        Some(match s.to_ascii_lowercase().as_str() {
            "both" | "all" => CurrencyFilter::Both,
            "rmb" => CurrencyFilter::Rmb,
            "usd" => CurrencyFilter::Usd,
            _ => return None,
        })
    }

    /// The next filter.
    pub fn next(self) -> CurrencyFilter {
        match self {
            CurrencyFilter::Both => CurrencyFilter::Rmb,
            CurrencyFilter::Rmb => CurrencyFilter::Usd,
            CurrencyFilter::Usd => CurrencyFilter::Both,
        }
    }

    /// Whether a column in `currency` is shown.
    pub fn shows(self, currency: Currency) -> bool {
        match self {
            CurrencyFilter::Both => true,
            CurrencyFilter::Rmb => currency == Currency::RMB,
            CurrencyFilter::Usd => currency == Currency::USD,
        }
    }

    /// A short label ("RMB+USD").
    pub fn label(self) -> &'static str {
        match self {
            CurrencyFilter::Both => "RMB+USD",
            CurrencyFilter::Rmb => "RMB",
            CurrencyFilter::Usd => "USD",
        }
    }
}

/// Inserts thousands separators into a plain non-negative number ("4160063.5" → "4,160,063.5").
pub fn group_thousands(plain: &str) -> String {
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain, None),
    };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3);
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A value with separators and parentheses for negatives: "(2,236)".
pub fn format_decimal(value: Decimal, decimals: u32) -> String {
    let mut v = value.abs();
    v.rescale(decimals);
    let body = group_thousands(&v.to_string());
    if value.is_sign_negative() && !v.is_zero() {
        format!("({body})")
    } else {
        body
    }
}

/// The amount converted to `mode`: (value, decimals shown). Only money rows
/// are converted; other units stay as printed.
pub fn convert(amount: &Amount, unit: Unit, scale: Scale, mode: UnitMode) -> (Decimal, u32) {
    let target = match mode {
        UnitMode::AsPrinted => return (amount.value, amount.decimals),
        UnitMode::Millions => 6u32,
        UnitMode::Billions => 9u32,
    };
    if unit != Unit::Money || scale.exponent() >= target {
        return (amount.value, amount.decimals);
    }
    let shift = target - scale.exponent();
    let mut v = amount.value;
    // Exact: dividing by a power of ten only moves the decimal point.
    v.set_scale(v.scale() + shift).ok();
    let shown = if mode == UnitMode::Millions { 1 } else { 2 };
    (
        v.round_dp_with_strategy(shown, RoundingStrategy::MidpointAwayFromZero),
        shown,
    )
}

/// A cell as displayed in `mode`: dashes stay dashes, percentages get "%".
pub fn format_cell(cell: &Cell, unit: Unit, scale: Scale, mode: UnitMode) -> String {
    let raw = cell.raw.trim();
    if cell.amount.value.is_zero() && matches!(raw, "-" | "—" | "–" | "_") {
        return "-".into();
    }
    let (v, d) = convert(&cell.amount, unit, scale, mode);
    let s = format_decimal(v, d);
    if unit == Unit::Percent {
        format!("{s}%")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn cell(v: &str, raw: &str) -> Cell {
        Cell {
            amount: Amount::from_decimal(Decimal::from_str(v).unwrap()),
            raw: raw.into(),
            line: 1,
        }
    }

    #[test]
    fn separators_and_parentheses() {
        assert_eq!(format_decimal(Decimal::from(4_160_063), 0), "4,160,063");
        assert_eq!(format_decimal(Decimal::from(-213_267), 0), "(213,267)");
        assert_eq!(
            format_decimal(Decimal::from_str("3.40").unwrap(), 2),
            "3.40"
        );
        assert_eq!(group_thousands("123"), "123");
    }

    #[test]
    fn millions_and_billions_are_exact() {
        let c = cell("4160063", "4,160,063");
        let m = format_cell(&c, Unit::Money, Scale::Thousands, UnitMode::Millions);
        assert_eq!(m, "4,160.1");
        let b = format_cell(&c, Unit::Money, Scale::Thousands, UnitMode::Billions);
        assert_eq!(b, "4.16");
        let neg = cell("-213267", "(213,267)");
        assert_eq!(
            format_cell(&neg, Unit::Money, Scale::Thousands, UnitMode::Millions),
            "(213.3)"
        );
        // Per-share figures are not money at a scale: unchanged.
        let eps = cell("4.54", "4.54");
        assert_eq!(
            format_cell(&eps, Unit::PerShare, Scale::Units, UnitMode::Billions),
            "4.54"
        );
    }

    #[test]
    fn dashes_and_percentages() {
        assert_eq!(
            format_cell(
                &cell("0", "-"),
                Unit::Money,
                Scale::Thousands,
                UnitMode::AsPrinted
            ),
            "-"
        );
        assert_eq!(
            format_cell(
                &cell("27.9", "27.9%"),
                Unit::Percent,
                Scale::Units,
                UnitMode::AsPrinted
            ),
            "27.9%"
        );
    }
}
