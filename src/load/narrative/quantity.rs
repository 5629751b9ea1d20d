//! Quantities as written in prose: "RMB4,160.1 million", "US$-29.3 million",
//! "241.4 million", "12.2%", "10.10 months", "RMB8.92".

use crate::load::meta::DATE;
use crate::model::{Amount, Currency, Quantity, Scale, Unit};
use regex::Regex;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?P<cur>RMB|US\$|HK\$)\s?)?
        (?P<num>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
        (?P<pct>\s?%)?
        (?:\s+(?P<scale>million|billion|thousand)\b)?
        (?:\s+(?P<months>months)\b)?",
    )
    .expect("number regex")
});

/// A quantity found in a clean line, with its byte span.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// Byte offset where the quantity starts.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The quantity (its unit provisional until the context is known).
    pub q: Quantity,
    /// Printed with neither currency, percent sign nor scale word.
    pub bare: bool,
}

/// Every quantity of `text`, skipping dates, years and numbers inside words
/// ("Day-1", "30-day", "90 day+", "360 Jietiao").
pub(crate) fn scan(text: &str) -> Vec<Found> {
    let dates: Vec<(usize, usize)> = DATE.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (start, end) = (whole.start(), whole.end());
        if dates.iter().any(|&(a, b)| start < b && end > a) {
            continue;
        }
        let num = &c["num"];
        let cur = c.name("cur").map(|m| m.as_str());
        let pct = c.name("pct").is_some();
        let scale_word = c.name("scale").map(|m| m.as_str());
        let months = c.name("months").is_some();
        let bare = cur.is_none() && !pct && scale_word.is_none();
        let before = text[..start].chars().next_back();
        let after = &text[end..];
        if cur.is_none() {
            if before.is_some_and(|b| b.is_alphanumeric() || b == '-' || b == '$' || b == '.') {
                continue;
            }
            if num.starts_with('-') {
                continue;
            }
        }
        if after.starts_with('-') || after.starts_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        if bare && !months {
            let is_year =
                num.len() == 4 && num.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
            let next_word = after.split_whitespace().next().unwrap_or("");
            let singular_unit = matches!(
                next_word.trim_end_matches(['+', ',', '.']),
                "day" | "month" | "year"
            ) || next_word.starts_with("day+");
            let capitalized =
                after.starts_with(' ') && next_word.chars().next().is_some_and(char::is_uppercase);
            if is_year || singular_unit || capitalized {
                continue;
            }
        }
        let Ok(value) = Decimal::from_str(&num.replace(',', "")) else {
            continue;
        };
        let decimals = num.split_once('.').map_or(0, |(_, d)| d.len() as u32);
        let scale = match scale_word {
            Some("thousand") => Scale::Thousands,
            Some("million") => Scale::Millions,
            Some("billion") => Scale::Billions,
            _ => Scale::Units,
        };
        let currency = match cur {
            Some("RMB") => Some(Currency::RMB),
            Some("US$") => Some(Currency::USD),
            _ => None,
        };
        if cur == Some("HK$") {
            continue;
        }
        let unit = if pct {
            Unit::Percent
        } else if months {
            Unit::Months
        } else if currency.is_some() {
            Unit::Money
        } else {
            Unit::Count
        };
        out.push(Found {
            start,
            end,
            q: Quantity {
                amount: Amount::new(value, decimals),
                scale,
                currency,
                unit,
                raw: whole.as_str().to_string(),
            },
            bare,
        });
    }
    out
}

/// The unit a quantity measures, given the subject it belongs to and the
/// text that follows it.
pub(crate) fn unit_for(q: &Quantity, subject: &str, after: &str) -> Unit {
    let s = subject.to_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match q.unit {
        Unit::Percent | Unit::Months => q.unit,
        _ if q.currency.is_some() => {
            let per = words.contains(&"per") || after.trim_start().starts_with("per ");
            if q.scale == Scale::Units && per {
                Unit::PerShare
            } else {
                Unit::Money
            }
        }
        _ if words
            .iter()
            .any(|w| matches!(*w, "ads" | "adss" | "shares" | "share")) =>
        {
            Unit::Shares
        }
        _ => Unit::Count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raws(t: &str) -> Vec<String> {
        scan(t).into_iter().map(|f| f.q.raw).collect()
    }

    #[test]
    fn reads_money_percent_and_counts() {
        let f = scan("was RMB-213.3 million (US$-29.3 million), compared to RMB757.6 million");
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].q.amount.value.to_string(), "-213.3");
        assert_eq!(f[0].q.amount.decimals, 1);
        assert_eq!(f[1].q.currency, Some(Currency::USD));
        assert_eq!(f[2].q.scale, Scale::Millions);
        let g = scan("was RMB71.860 million in the same period");
        assert_eq!(g[0].q.amount.decimals, 3);
        assert_eq!(g[0].q.amount.value.to_string(), "71.860");
    }

    #[test]
    fn skips_dates_years_and_words() {
        assert_eq!(
            raws(
                "As of June 30, 2024, Day-1 delinquency rate was 4.8%, 30-day collection rate and 90 day+ loans in 2023 on our 360 Jietiao APP, 159 financial institutional partners"
            ),
            vec!["4.8%", "159"]
        );
        assert_eq!(raws("approximately 10.10 months"), vec!["10.10 months"]);
        assert_eq!(scan("10.10 months")[0].q.unit, Unit::Months);
    }
}
