//! Quantities as written in prose: "RMB4,160.1 million", "US$-29.3 million",
//! "241.4 million", "12.2%", "10.10 months", "RMB8.92".

use super::scan;
use crate::model::{Amount, Currency, Quantity, Scale, Unit};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The parts of one printed figure: an optional currency, the number, an
/// optional percent sign, scale word and "months".
struct Printed<'a> {
    /// Byte span of the whole figure.
    start: usize,
    end: usize,
    cur: Option<&'a str>,
    num: &'a str,
    pct: bool,
    scale: Option<&'a str>,
    months: bool,
}

/// Whether a figure may start with byte `b`: a currency's first letter, a
/// minus, a digit.
const fn may_start(b: u8) -> bool {
    b.is_ascii_digit() | (b == b'R') | (b == b'U') | (b == b'H') | (b == b'-')
}

/// The offset of the first byte of `bytes` a figure may start with. Whole
/// blocks of 16 bytes are tested first (without branches, so the compiler
/// tests a block at once), letting runs of plain words be skipped quickly.
fn first_may_start(bytes: &[u8]) -> Option<usize> {
    let (blocks, _) = bytes.as_chunks::<16>();
    let plain = blocks
        .iter()
        .take_while(|block| {
            block
                .iter()
                .fold(0u8, |any, &b| any | u8::from(may_start(b)))
                == 0
        })
        .count();
    let at = plain * 16;
    bytes[at..]
        .iter()
        .position(|&b| MAY_START[usize::from(b)])
        .map(|k| at + k)
}

/// [`may_start`] as a table, for the byte-by-byte part of the search.
const MAY_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = may_start(i as u8);
        i += 1;
    }
    t
};

/// The first figure of `text` at or after byte `from`.
fn next_printed(text: &str, from: usize) -> Option<Printed<'_>> {
    let bytes = text.as_bytes();
    let mut from = from;
    loop {
        let i = from + first_may_start(&bytes[from..])?;
        let found = match bytes[i] {
            b'R' | b'U' | b'H' => printed_with_currency(text, i),
            _ => printed_at(text, i, i, None),
        };
        if found.is_some() {
            return found;
        }
        from = i + 1;
    }
}

/// "RMB4,160.1 million", "US$ 29.3": a currency, at most one space, a number.
fn printed_with_currency(text: &str, i: usize) -> Option<Printed<'_>> {
    let cur = ["RMB", "US$", "HK$"]
        .into_iter()
        .find(|c| text[i..].starts_with(c))?;
    let j = i + cur.len();
    let k = match text[j..].chars().next() {
        Some(c) if c.is_whitespace() => j + c.len_utf8(),
        _ => j,
    };
    printed_at(text, i, k, Some(&text[i..j]))
}

/// The figure starting at byte `start` whose number starts at byte `k`.
fn printed_at<'a>(
    text: &'a str,
    start: usize,
    k: usize,
    cur: Option<&'a str>,
) -> Option<Printed<'a>> {
    let b = text.as_bytes();
    let p = if b.get(k) == Some(&b'-') { k + 1 } else { k };
    let d = scan::digit_run(&text[p..]).0.len();
    if d == 0 {
        return None;
    }
    let mut q = p + d;
    if d <= 3 {
        // Thousands groups: ",160", ",000".
        while b.get(q) == Some(&b',') && scan::digits_n(&text[q + 1..], 3).is_some() {
            q += 4;
        }
    }
    if b.get(q) == Some(&b'.') {
        let frac = scan::digit_run(&text[q + 1..]).0.len();
        if frac > 0 {
            q += 1 + frac;
        }
    }
    let num = &text[k..q];
    let pct = percent_len(&text[q..]);
    q += pct.unwrap_or(0);
    let scale = scale_word(&text[q..]);
    q += scale.map_or(0, |(_, n)| n);
    let months = spaced_word(&text[q..], "months");
    q += months.unwrap_or(0);
    Some(Printed {
        start,
        end: q,
        cur,
        num,
        pct: pct.is_some(),
        scale: scale.map(|(w, _)| w),
        months: months.is_some(),
    })
}

/// Byte length of "%" or " %" at the start of `s`.
fn percent_len(s: &str) -> Option<usize> {
    if s.starts_with('%') {
        return Some(1);
    }
    let c = s.chars().next().filter(|c| c.is_whitespace())?;
    s[c.len_utf8()..].starts_with('%').then(|| c.len_utf8() + 1)
}

/// Whitespace then "million", "billion" or "thousand" ending at a word
/// boundary, at the start of `s`: the word and the byte length.
fn scale_word(s: &str) -> Option<(&'static str, usize)> {
    let rest = scan::ws1(s)?;
    let word = match rest.as_bytes().first() {
        Some(b'm') => "million",
        Some(b'b') => "billion",
        Some(b't') => "thousand",
        _ => return None,
    };
    let rest = rest.strip_prefix(word)?;
    scan::boundary_at(rest).then(|| (word, s.len() - rest.len()))
}

/// Byte length of whitespace then `word` ending at a word boundary, at the start of `s`.
fn spaced_word(s: &str, word: &str) -> Option<usize> {
    let rest = scan::ws1(s)?.strip_prefix(word)?;
    scan::boundary_at(rest).then(|| s.len() - rest.len())
}

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
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(c) = next_printed(text, from) {
        from = c.end;
        let (start, end) = (c.start, c.end);
        let (num, cur, pct, scale_word, months) = (c.num, c.cur, c.pct, c.scale, c.months);
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
            let next_word = first_word(after);
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
        if scan::in_date(text, start) {
            continue;
        }
        let Some(value) = decimal_of(num) else {
            continue;
        };
        // The digits after the point (the numbers hold only ASCII).
        let decimals =
            memchr::memchr(b'.', num.as_bytes()).map_or(0, |p| (num.len() - p - 1) as u32);
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
                raw: text[start..end].to_string(),
            },
            bare,
        });
    }
    out
}

/// The first whitespace-separated word of `s` (`split_whitespace().next()`),
/// or "".
fn first_word(s: &str) -> &str {
    let t = s.trim_start();
    let end = t
        .bytes()
        .position(|b| b.is_ascii_whitespace() || b == 0x0b || !b.is_ascii())
        .unwrap_or(t.len());
    if t.as_bytes().get(end).is_some_and(|b| !b.is_ascii()) {
        // A non-ASCII character may be whitespace: decide by characters.
        return t.split_whitespace().next().unwrap_or("");
    }
    &t[..end]
}

/// The value of a printed number ("-4,160.10": an optional minus, digits
/// with optional thousands commas, optional decimals), as
/// `Decimal::from_str` reads it without the commas: built directly from
/// its digits when they fit in an `i64` (and the value is not a negative
/// zero), else parsed.
fn decimal_of(num: &str) -> Option<Decimal> {
    let (neg, body) = match num.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, num),
    };
    let mut mantissa: i64 = 0;
    let (mut digits, mut scale, mut after_point) = (0u32, 0u32, false);
    let mut simple = true;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 18 {
                    simple = false;
                    break;
                }
                mantissa = mantissa * 10 + i64::from(b - b'0');
                scale += u32::from(after_point);
            }
            b',' if !after_point => {}
            b'.' if !after_point => after_point = true,
            _ => {
                simple = false;
                break;
            }
        }
    }
    if simple && digits > 0 && (!after_point || scale > 0) && !(neg && mantissa == 0) {
        return Some(Decimal::new(if neg { -mantissa } else { mantissa }, scale));
    }
    let cleaned = if num.contains(',') {
        std::borrow::Cow::Owned(num.replace(',', ""))
    } else {
        std::borrow::Cow::Borrowed(num)
    };
    Decimal::from_str(&cleaned).ok()
}

/// The unit a quantity measures, given the subject it belongs to and the
/// text that follows it.
pub(crate) fn unit_for(q: &Quantity, subject: &str, after: &str) -> Unit {
    let has_word = |ws: &[&str]| {
        let is = |w: &[u8]| ws.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()));
        if subject.is_ascii() {
            ascii_has_word(subject.as_bytes(), ws)
        } else {
            subject
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| is(w.as_bytes()))
        }
    };
    match q.unit {
        Unit::Percent | Unit::Months => q.unit,
        _ if q.currency.is_some() => {
            let per = has_word(&["per"]) || after.trim_start().starts_with("per ");
            if q.scale == Scale::Units && per {
                Unit::PerShare
            } else {
                Unit::Money
            }
        }
        _ if has_word(&["ads", "adss", "shares", "share"]) => Unit::Shares,
        _ => Unit::Count,
    }
}

/// Whether one of `words` (lower-case ASCII) is a whole word of the ASCII
/// text `s` (its words being the runs of letters and digits), ignoring
/// case. Only the places where a word with a wanted first letter starts are
/// looked at.
fn ascii_has_word(s: &[u8], words: &[&str]) -> bool {
    for (k, w) in words.iter().enumerate() {
        let first = w.as_bytes()[0];
        if words[..k].iter().any(|x| x.as_bytes()[0] == first) {
            continue;
        }
        for i in memchr::memchr2_iter(first, first.to_ascii_uppercase(), s) {
            if i > 0 && s[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let n = s[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let word = &s[i..i + n];
            if words
                .iter()
                .any(|x| word.eq_ignore_ascii_case(x.as_bytes()))
            {
                return true;
            }
        }
    }
    false
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

    #[test]
    fn figure_starts_are_found_past_plain_blocks() {
        let t = "Operating expenses of the Company grew while the total net revenue was RMB4,160.1 million";
        let k = t.find("RMB").unwrap();
        assert_eq!(first_may_start(t.as_bytes()), Some(k));
        assert_eq!(first_may_start(&t.as_bytes()[k + 1..]), Some(2));
        assert_eq!(
            first_may_start(b"no figure in these plain words at all"),
            None
        );
        assert_eq!(first_may_start(b"-"), Some(0));
    }

    #[test]
    fn first_words_as_split_whitespace_finds_them() {
        for t in [
            "",
            " ",
            " day+ loans",
            "day",
            "\u{a0}x y",
            "x\u{a0}y",
            " é y",
            "a\u{b}b",
        ] {
            assert_eq!(
                first_word(t),
                t.split_whitespace().next().unwrap_or(""),
                "{t:?}"
            );
        }
    }

    #[test]
    fn decimals_as_from_str_reads_them() {
        for n in [
            "4,160.1",
            "-213.3",
            "71.860",
            "007",
            "0.50",
            "-0.0",
            "12,345,678",
            "1234567890123456789012",
            "-1.",
            "3.",
        ] {
            let plain = n.replace(',', "");
            let expected = Decimal::from_str(&plain).ok();
            let got = decimal_of(n);
            assert_eq!(got, expected, "{n}");
            assert_eq!(
                got.map(|d| d.to_string()),
                expected.map(|d| d.to_string()),
                "{n}"
            );
        }
        assert_eq!(decimal_of("4,160.1"), Some(Decimal::new(41601, 1)));
    }

    #[test]
    fn units_from_subject_words() {
        let q = |t: &str| scan(t).remove(0).q;
        let per_ads = q("RMB8.92");
        assert_eq!(
            unit_for(&per_ads, "Net income per fully diluted ADS", ""),
            Unit::PerShare
        );
        assert_eq!(unit_for(&per_ads, "Total net revenue", ""), Unit::Money);
        let count = q("159");
        assert_eq!(
            unit_for(&count, "weighted average number of ADSs", ""),
            Unit::Shares
        );
        assert_eq!(unit_for(&count, "shareholders", ""), Unit::Count);
        assert_eq!(unit_for(&count, "loans (ADS-linked)", ""), Unit::Shares);
        assert_eq!(unit_for(&count, "Pads and leads", ""), Unit::Count);
        assert_eq!(
            unit_for(&count, "financial institutional partners", ""),
            Unit::Count
        );
    }
}
