//! Filing metadata read from the text: company, ticker, quarter, date, exchange rate.

use crate::model::{ExchangeRate, Quarter};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

/// What the loader learns about a filing before reading its tables.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Company name ("Qifu Technology, Inc.").
    pub company: Option<String>,
    /// Ticker ("QFIN").
    pub ticker: Option<String>,
    /// The quarter the filing reports.
    pub quarter: Option<Quarter>,
    /// Date of the release.
    pub date: Option<NaiveDate>,
    /// The stated RMB/USD rate.
    pub exchange_rate: Option<ExchangeRate>,
}

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// "March 31, 2024" anywhere in a text.
pub(crate) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\b")).expect("date regex")
});

/// Parses "March 31, 2024" (comma optional).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.replace(',', "");
    NaiveDate::parse_from_str(t.trim(), "%B %d %Y").ok()
}

/// Company name followed by its exchange listing: "Qifu Technology, Inc. (NASDAQ: QFIN".
static COMPANY_LISTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:[A-Z][\w&'.\-]*\s+)*[A-Z][\w&'.\-]*,?\s+(?:Inc|Ltd|Limited|Corp|Corporation|Co|plc|PLC|Group|Holdings|N\.V|S\.A|AG|SE)\.?)\s*\((?:NASDAQ|Nasdaq|NYSE|NYSE American|AMEX|HKEx|HKEX|SEHK)\b",
    )
    .expect("company regex")
});

/// "(Translation of registrant's name into English)" on a 6-K cover.
static COMPANY_REGISTRANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(.+?)\s*\(Translation of registrant.s name").expect("registrant regex")
});

/// "(NASDAQ: QFIN" or "(NYSE: XYZ".
static TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:NASDAQ|Nasdaq|NYSE|NYSE American|AMEX)(?:\s+Global Select Market)?\s*:\s*([A-Z][A-Z.]{0,6})\b")
        .expect("ticker regex")
});

/// "... quarter [and six months] ended March 31, 2024" / "three months ended ...".
static QUARTER_ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:quarter|three months)\b[^.]{{0,60}}?\bended\s+((?:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}})"
    ))
    .expect("quarter regex")
});

/// "First Quarter 2024" in a title.
static QUARTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(first|second|third|fourth)\s+quarter\s+(\d{4})\b").expect("title regex")
});

/// "RMB7.2203 to US$1.00" (Markdown may escape the dollar sign).
static RATE_RMB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"RMB\s?(\d+\.\d+)\s+(?:to|=|per)\s+US\\?\$\s?1(?:\.00)?\b").expect("rate regex")
});

/// "US$1.00 = RMB7.2672" / "US$1.00 to RMB7.2672".
static RATE_USD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"US\\?\$\s?1(?:\.00)?\s*(?:=|to)\s*RMB\s?(\d+\.\d+)").expect("rate regex")
});

/// Reads the metadata from the filing's lines (line `n` is `lines[n - 1]`).
pub fn read(lines: &[String]) -> Meta {
    Meta {
        company: company(lines),
        ticker: lines
            .iter()
            .find_map(|l| TICKER.captures(l).map(|c| c[1].to_string())),
        quarter: quarter(lines),
        date: release_date(lines),
        exchange_rate: exchange_rate(lines),
    }
}

fn company(lines: &[String]) -> Option<String> {
    let listed = lines.iter().find_map(|l| {
        COMPANY_LISTING
            .captures(&strip_markup(l))
            .map(|c| c[1].trim().to_string())
    });
    listed.or_else(|| {
        lines.iter().find_map(|l| {
            COMPANY_REGISTRANT
                .captures(l)
                .map(|c| c[1].trim().to_string())
        })
    })
}

fn strip_markup(line: &str) -> String {
    line.replace("\\$", "$").replace(['*', '#'], "")
}

fn quarter_of(date: NaiveDate) -> Quarter {
    Quarter {
        year: date.year(),
        quarter: date.month().div_ceil(3) as u8,
    }
}

fn quarter(lines: &[String]) -> Option<Quarter> {
    let ended = lines.iter().find_map(|l| {
        QUARTER_ENDED
            .captures(l)
            .and_then(|c| parse_date(&c[1]))
            .map(quarter_of)
    });
    ended.or_else(|| {
        lines.iter().find_map(|l| {
            let c = QUARTER_TITLE.captures(l)?;
            let q = match c[1].to_ascii_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            Some(Quarter {
                year: c[2].parse().ok()?,
                quarter: q,
            })
        })
    })
}

/// The dateline of the release: the first date on the line that announces
/// the results ("today announced"), else a line holding only a date, else a
/// "Date:" signature line.
fn release_date(lines: &[String]) -> Option<NaiveDate> {
    let first_date = |l: &str| DATE.find(l).and_then(|m| parse_date(m.as_str()));
    let dateline = lines
        .iter()
        .filter(|l| l.contains("today announced") || l.contains("today reported"))
        .find_map(|l| first_date(l));
    dateline
        .or_else(|| {
            lines.iter().find_map(|l| {
                let t = l.trim();
                DATE.find(t)
                    .filter(|m| m.start() == 0 && m.end() == t.len())
                    .and_then(|m| parse_date(m.as_str()))
            })
        })
        .or_else(|| {
            lines
                .iter()
                .filter(|l| l.trim_start().starts_with("Date:"))
                .find_map(|l| first_date(l))
        })
}

fn exchange_rate(lines: &[String]) -> Option<ExchangeRate> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let c = RATE_RMB_FIRST
            .captures(l)
            .or_else(|| RATE_USD_FIRST.captures(l))?;
        Some(ExchangeRate {
            rmb_per_usd: Decimal::from_str(&c[1]).ok()?,
            line: i + 1,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[test]
    fn reads_a_dateline_and_listing() {
        let m = read(&lines(
            "Title\nBEIJING, China, March 3, 2025 (GLOBE NEWSWIRE) -- Acme Lending Group Holdings Limited (NYSE: ACME), a lender, today announced its results for the fourth quarter ended December 31, 2024.\nat a rate of RMB7.1884 to US$1.00, the rate",
        ));
        assert_eq!(
            m.company.as_deref(),
            Some("Acme Lending Group Holdings Limited")
        );
        assert_eq!(m.ticker.as_deref(), Some("ACME"));
        assert_eq!(
            m.quarter,
            Some(Quarter {
                year: 2024,
                quarter: 4
            })
        );
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2025, 3, 3));
        let rate = m.exchange_rate.unwrap();
        assert_eq!(rate.rmb_per_usd.to_string(), "7.1884");
        assert_eq!(rate.line, 3);
    }

    #[test]
    fn nothing_found_is_none() {
        let m = read(&lines("no metadata here"));
        assert_eq!(m.company, None);
        assert_eq!(m.exchange_rate, None);
    }
}
