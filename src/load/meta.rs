//! Filing metadata read from the text: company, ticker, quarter, date, exchange rate.

use super::meta_scan as scan;
use super::scan::{MONTH_NAMES, find_date};
use crate::model::{ExchangeRate, Quarter};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

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

/// Parses "March 31, 2024" (comma optional).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    if let Some(date) = plain_date(text) {
        return date;
    }
    let t = text.replace(',', "");
    NaiveDate::parse_from_str(t.trim(), "%B %d %Y").ok()
}

/// The usual printed date, "March 31, 2024" exactly (a month name as
/// written in [`MONTH_NAMES`], a space, one or two digits, an optional
/// comma, a space, four digits), read without chrono's format parser: the
/// date, or `None` (inside `Some`) when it does not exist. `None` when the
/// text has another shape.
fn plain_date(text: &str) -> Option<Option<NaiveDate>> {
    let (name, rest) = text.split_once(' ')?;
    let month = MONTH_NAMES.iter().position(|m| *m == name)? as u32 + 1;
    let b = rest.as_bytes();
    let day_len = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&day_len) {
        return None;
    }
    let mut p = day_len;
    if b.get(p) == Some(&b',') {
        p += 1;
    }
    let year = b.get(p + 1..)?;
    let ok = b[p] == b' ' && year.len() == 4 && year.iter().all(u8::is_ascii_digit);
    if !ok {
        return None;
    }
    let num = |d: &[u8]| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0'));
    let year = i32::try_from(num(year)).ok()?;
    Some(NaiveDate::from_ymd_opt(year, month, num(&b[..day_len])))
}

/// Reads the metadata from the filing's lines (line `n` is `lines[n - 1]`).
/// Each field is found by a hand-written scanner (see [`super::meta_scan`]):
/// no regex is compiled, and lines that cannot match are skipped cheaply.
pub fn read(lines: &[String]) -> Meta {
    Meta {
        company: company(lines.iter().map(String::as_str)),
        ticker: lines
            .iter()
            .find_map(|l| scan::ticker(l).map(str::to_string)),
        quarter: quarter(lines),
        date: release_date(lines),
        exchange_rate: exchange_rate(lines),
    }
}

/// Only the company name and ticker, as [`read`] finds them (for
/// `load::peek`, on borrowed lines).
pub fn company_and_ticker<S, I>(lines: I) -> (Option<String>, Option<String>)
where
    S: AsRef<str>,
    I: Iterator<Item = S> + Clone,
{
    let ticker = lines
        .clone()
        .find_map(|l| scan::ticker(l.as_ref()).map(str::to_string));
    (company(lines), ticker)
}

fn company<S, I>(lines: I) -> Option<String>
where
    S: AsRef<str>,
    I: Iterator<Item = S> + Clone,
{
    // A listing needs a '(' (which stripping the markup neither adds nor removes).
    let listed = lines.clone().find_map(|l| {
        let l = l.as_ref();
        memchr::memchr(b'(', l.as_bytes())?;
        scan::company_listing(&strip_markup(l)).map(|c| c.trim().to_string())
    });
    listed.or_else(|| {
        lines
            .into_iter()
            .find_map(|l| scan::registrant(l.as_ref()).map(|c| c.trim().to_string()))
    })
}

fn strip_markup(line: &str) -> Cow<'_, str> {
    if memchr::memchr3(b'\\', b'*', b'#', line.as_bytes()).is_some() {
        Cow::Owned(line.replace("\\$", "$").replace(['*', '#'], ""))
    } else {
        Cow::Borrowed(line)
    }
}

fn quarter_of(date: NaiveDate) -> Quarter {
    Quarter {
        year: date.year(),
        quarter: date.month().div_ceil(3) as u8,
    }
}

fn quarter(lines: &[String]) -> Option<Quarter> {
    let ended = lines
        .iter()
        .find_map(|l| scan::quarter_ended(l).and_then(parse_date).map(quarter_of));
    ended.or_else(|| {
        lines.iter().find_map(|l| {
            let (q, year) = scan::quarter_title(l)?;
            Some(Quarter {
                year: year.parse().ok()?,
                quarter: q,
            })
        })
    })
}

/// The dateline of the release: the first date on the line that announces
/// the results ("today announced"), else a line holding only a date, else a
/// "Date:" signature line.
fn release_date(lines: &[String]) -> Option<NaiveDate> {
    let first_date = |l: &str| find_date(l).and_then(|(a, b)| parse_date(&l[a..b]));
    let dateline = lines
        .iter()
        .filter(|l| l.contains("today announced") || l.contains("today reported"))
        .find_map(|l| first_date(l));
    dateline
        .or_else(|| {
            lines.iter().find_map(|l| {
                let t = l.trim();
                find_date(t)
                    .filter(|&(a, b)| a == 0 && b == t.len())
                    .and_then(|(a, b)| parse_date(&t[a..b]))
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
        let c = scan::rate_rmb_first(l).or_else(|| scan::rate_usd_first(l))?;
        Some(ExchangeRate {
            rmb_per_usd: Decimal::from_str(c).ok()?,
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
    fn plain_dates_as_chrono_reads_them() {
        for t in [
            "March 31, 2024",
            "March 31 2024",
            "June 3, 2024",
            "February 30, 2024",
            "February 29, 2024",
            "March 0, 2024",
            "march 31, 2024",
            "Mar 31, 2024",
            "March 31, 20245",
            "March 31,  2024",
            "March 031, 2024",
            "March 31, 0000",
            "Month 31, 2024",
        ] {
            let chrono = NaiveDate::parse_from_str(t.replace(',', "").trim(), "%B %d %Y").ok();
            assert_eq!(parse_date(t), chrono, "{t}");
        }
        assert_eq!(
            plain_date("March 31, 2024"),
            Some(NaiveDate::from_ymd_opt(2024, 3, 31))
        );
        assert_eq!(plain_date("Mar 31, 2024"), None);
    }

    #[test]
    fn nothing_found_is_none() {
        let m = read(&lines("no metadata here"));
        assert_eq!(m.company, None);
        assert_eq!(m.exchange_rate, None);
    }
}
