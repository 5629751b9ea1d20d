//! Scanners for the metadata patterns of [`super::meta`]: each returns what
//! the equivalent regex (quoted on each function) captures, finding the
//! leftmost match the same way, without compiling anything.

use super::scan::{
    boundary, char_at, contains_ci, digits_len, is_word, month_at, starts_ci, ws_len,
};

/// Exchanges a ticker is listed on, in the regex's order.
const TICKER_EXCHANGES: [&str; 5] = ["NASDAQ", "Nasdaq", "NYSE", "NYSE American", "AMEX"];
/// Exchanges a company listing may name.
const LISTING_EXCHANGES: [&str; 8] = [
    "NASDAQ",
    "Nasdaq",
    "NYSE",
    "NYSE American",
    "AMEX",
    "HKEx",
    "HKEX",
    "SEHK",
];
/// Company-name suffixes, in the regex's order.
const SUFFIXES: [&str; 14] = [
    "Inc",
    "Ltd",
    "Limited",
    "Corp",
    "Corporation",
    "Co",
    "plc",
    "PLC",
    "Group",
    "Holdings",
    "N.V",
    "S.A",
    "AG",
    "SE",
];

/// Positions of the ASCII character `c` in `s`, in order.
fn char_positions(s: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let b = u8::try_from(c).expect("an ASCII character");
    memchr::memchr_iter(b, s.as_bytes())
}

/// Positions of `pat` in `s`, in order (found by its first byte, so no
/// substring searcher is built per line).
fn positions<'a>(s: &'a str, pat: &'a str) -> impl Iterator<Item = usize> + 'a {
    let first = pat.as_bytes()[0];
    memchr::memchr_iter(first, s.as_bytes())
        .filter(move |&i| s.as_bytes()[i..].starts_with(pat.as_bytes()))
}

/// Whether `s` holds the byte `b`.
fn has_byte(s: &str, b: u8) -> bool {
    memchr::memchr(b, s.as_bytes()).is_some()
}

/// Byte positions of `s` that start a word (`\b` before a word character)
/// and whose byte, ASCII-lowercased, is one of `firsts`: the only places a
/// case-insensitive ASCII keyword starting with one of them can match.
fn word_starts<'a>(s: &'a str, firsts: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    s.bytes()
        .enumerate()
        .filter(move |&(i, b)| {
            firsts.contains(&(b | 0x20)) && b.is_ascii_alphabetic() && boundary(s, i)
        })
        .map(|(i, _)| i)
}

/// `\((?:NASDAQ|Nasdaq|NYSE|NYSE American|AMEX)(?:\s+Global Select Market)?\s*:\s*([A-Z][A-Z.]{0,6})\b`
pub fn ticker(l: &str) -> Option<&str> {
    char_positions(l, '(').find_map(|open| {
        let p = open + 1;
        TICKER_EXCHANGES.iter().find_map(|ex| {
            if !l[p..].starts_with(ex) {
                return None;
            }
            let p = p + ex.len();
            let global = {
                let w = ws_len(l, p);
                (w > 0 && l[p + w..].starts_with("Global Select Market"))
                    .then(|| p + w + "Global Select Market".len())
            };
            global
                .and_then(|g| ticker_after(l, g))
                .or_else(|| ticker_after(l, p))
        })
    })
}

/// `\s*:\s*([A-Z][A-Z.]{0,6})\b` at `p`.
fn ticker_after(l: &str, p: usize) -> Option<&str> {
    let p = p + ws_len(l, p);
    if l.as_bytes().get(p) != Some(&b':') {
        return None;
    }
    let start = p + 1 + ws_len(l, p + 1);
    let b = l.as_bytes();
    if !b.get(start).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let run = b[start + 1..]
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase() || **c == b'.')
        .count();
    (0..=run)
        .rev()
        .map(|k| start + 1 + k)
        .find(|&end| boundary(l, end))
        .map(|end| &l[start..end])
}

/// A character of a company-name word (`[\w&'.\-]`).
fn name_char(c: char) -> bool {
    is_word(c) || matches!(c, '&' | '\'' | '.' | '-')
}

/// `\s*\((?:NASDAQ|...|SEHK)\b` at `p`.
fn listing_at(l: &str, p: usize) -> bool {
    let p = p + ws_len(l, p);
    if l.as_bytes().get(p) != Some(&b'(') {
        return false;
    }
    LISTING_EXCHANGES
        .iter()
        .any(|ex| l[p + 1..].starts_with(ex) && boundary(l, p + 1 + ex.len()))
}

/// `,?\s+(?:Inc|...|SE)\.?` then a listing, after a word ending at `p`:
/// the end of the company name.
fn suffix_after(l: &str, mut p: usize) -> Option<usize> {
    if l.as_bytes().get(p) == Some(&b',') {
        p += 1;
    }
    let w = ws_len(l, p);
    if w == 0 {
        return None;
    }
    p += w;
    SUFFIXES.iter().find_map(|s| {
        if !l[p..].starts_with(s) {
            return None;
        }
        let mut e = p + s.len();
        if l.as_bytes().get(e) == Some(&b'.') && listing_at(l, e + 1) {
            e += 1;
        } else if !listing_at(l, e) {
            return None;
        }
        Some(e)
    })
}

/// `((?:[A-Z][\w&'.\-]*\s+)*[A-Z][\w&'.\-]*,?\s+(?:Inc|Ltd|Limited|Corp|Corporation|Co|plc|PLC|Group|Holdings|N\.V|S\.A|AG|SE)\.?)\s*\((?:NASDAQ|Nasdaq|NYSE|NYSE American|AMEX|HKEx|HKEX|SEHK)\b`,
/// group 1. Words are maximal runs of name characters; a chain is words
/// separated by whitespace only, each after the first starting with a
/// capital. A match starts at the first capital of a chain's first word and
/// ends after the suffix that follows one of its words.
pub fn company_listing(l: &str) -> Option<&str> {
    let listed = char_positions(l, '(').any(|p| {
        LISTING_EXCHANGES
            .iter()
            .any(|ex| l[p + 1..].starts_with(ex))
    });
    if !listed {
        return None;
    }
    let mut chain_start: Option<usize> = None;
    let mut connected = false;
    let mut i = 0;
    while i < l.len() {
        let c = char_at(l, i)?;
        if !name_char(c) {
            connected = false;
            i += c.len_utf8();
            continue;
        }
        // A word: l[i..end].
        let end = l[i..]
            .char_indices()
            .find(|&(_, c)| !name_char(c))
            .map_or(l.len(), |(k, _)| i + k);
        let word = &l[i..end];
        if !(connected && word.starts_with(|c: char| c.is_ascii_uppercase())) {
            chain_start = word.find(|c: char| c.is_ascii_uppercase()).map(|k| i + k);
        }
        if let Some(s) = chain_start
            && let Some(e) = suffix_after(l, end)
        {
            return Some(&l[s..e]);
        }
        let w = ws_len(l, end);
        connected = chain_start.is_some() && w > 0;
        i = end + w;
    }
    None
}

/// `^\s*(.+?)\s*\(Translation of registrant.s name`, group 1.
pub fn registrant(l: &str) -> Option<&str> {
    const HEAD: &str = "(Translation of registrant";
    positions(l, HEAD)
        .filter(|&i| i > 0)
        .find(|&i| {
            let p = i + HEAD.len();
            char_at(l, p).is_some_and(|c| l[p + c.len_utf8()..].starts_with("s name"))
        })
        .map(|i| &l[..i])
}

/// `(?i)\b(?:quarter|three months)\b[^.]{0,60}?\bended\s+((?:January|...|December)\s+\d{1,2},?\s+\d{4})`,
/// group 1 (ASCII case-insensitive).
pub fn quarter_ended(l: &str) -> Option<&str> {
    if !contains_ci(l, "ended") {
        return None;
    }
    word_starts(l, b"qt").find_map(|i| {
        let n = ["quarter", "three months"]
            .iter()
            .find(|k| starts_ci(l, i, k) && boundary(l, i + k.len()))?
            .len();
        let gap_start = i + n;
        l[gap_start..]
            .char_indices()
            .map(|(k, _)| gap_start + k)
            .chain(std::iter::once(l.len()))
            .take(61)
            .take_while(|&g| !l[gap_start..g].contains('.'))
            .find_map(|g| ended_date(l, g))
    })
}

/// `\bended\s+(Month\s+\d{1,2},?\s+\d{4})` at `g` (case-insensitive).
fn ended_date(l: &str, g: usize) -> Option<&str> {
    if !(boundary(l, g) && starts_ci(l, g, "ended")) {
        return None;
    }
    let mut p = g + 5;
    let w = ws_len(l, p);
    if w == 0 {
        return None;
    }
    p += w;
    let start = p;
    let (_, n) = month_at(l, p, true)?;
    p += n;
    let w = ws_len(l, p);
    if w == 0 {
        return None;
    }
    p += w;
    let d = digits_len(l, p).min(2);
    if d == 0 {
        return None;
    }
    p += d;
    if l.as_bytes().get(p) == Some(&b',') {
        p += 1;
    }
    let w = ws_len(l, p);
    if w == 0 || digits_len(l, p + w) < 4 {
        return None;
    }
    Some(&l[start..p + w + 4])
}

/// `(?i)\b(first|second|third|fourth)\s+quarter\s+(\d{4})\b`: the quarter
/// number and the year.
pub fn quarter_title(l: &str) -> Option<(u8, &str)> {
    if !contains_ci(l, "quarter") {
        return None;
    }
    word_starts(l, b"fst").find_map(|i| {
        let (q, word) = ["first", "second", "third", "fourth"]
            .iter()
            .enumerate()
            .find(|(_, w)| starts_ci(l, i, w))?;
        let mut p = i + word.len();
        let w = ws_len(l, p);
        if w == 0 || !starts_ci(l, p + w, "quarter") {
            return None;
        }
        p += w + "quarter".len();
        let w = ws_len(l, p);
        if w == 0 || digits_len(l, p + w) < 4 || !boundary(l, p + w + 4) {
            return None;
        }
        Some((q as u8 + 1, &l[p + w..p + w + 4]))
    })
}

/// `\d+\.\d+` at `p`: its end.
fn decimal_at(l: &str, p: usize) -> Option<usize> {
    let a = digits_len(l, p);
    if a == 0 || l.as_bytes().get(p + a) != Some(&b'.') {
        return None;
    }
    let b = digits_len(l, p + a + 1);
    (b > 0).then_some(p + a + 1 + b)
}

/// `\s?` at `p`: the position after it.
fn opt_ws(l: &str, p: usize) -> usize {
    match char_at(l, p) {
        Some(c) if c.is_whitespace() => p + c.len_utf8(),
        _ => p,
    }
}

/// `US\\?\$\s?1(?:\.00)?` at `p`; `then` tells whether what follows fits.
/// Returns the position after it.
fn usd_one(l: &str, p: usize, then: impl Fn(usize) -> bool) -> Option<usize> {
    if !l[p..].starts_with("US") {
        return None;
    }
    let mut p = p + 2;
    if l.as_bytes().get(p) == Some(&b'\\') {
        p += 1;
    }
    if l.as_bytes().get(p) != Some(&b'$') {
        return None;
    }
    p = opt_ws(l, p + 1);
    if l.as_bytes().get(p) != Some(&b'1') {
        return None;
    }
    p += 1;
    if l[p..].starts_with(".00") && then(p + 3) {
        return Some(p + 3);
    }
    then(p).then_some(p)
}

/// `RMB\s?(\d+\.\d+)\s+(?:to|=|per)\s+US\\?\$\s?1(?:\.00)?\b`, group 1.
pub fn rate_rmb_first(l: &str) -> Option<&str> {
    if !has_byte(l, b'$') {
        return None;
    }
    positions(l, "RMB").find_map(|i| {
        let start = opt_ws(l, i + 3);
        let end = decimal_at(l, start)?;
        let w = ws_len(l, end);
        if w == 0 {
            return None;
        }
        let p = end + w;
        let n = ["to", "=", "per"]
            .iter()
            .find(|k| l[p..].starts_with(*k))?
            .len();
        let w = ws_len(l, p + n);
        if w == 0 {
            return None;
        }
        usd_one(l, p + n + w, |q| boundary(l, q))?;
        Some(&l[start..end])
    })
}

/// `US\\?\$\s?1(?:\.00)?\s*(?:=|to)\s*RMB\s?(\d+\.\d+)`, group 1.
pub fn rate_usd_first(l: &str) -> Option<&str> {
    if !has_byte(l, b'$') {
        return None;
    }
    let rmb_after = |q: usize| -> Option<usize> {
        let p = q + ws_len(l, q);
        let n = ["=", "to"].iter().find(|k| l[p..].starts_with(*k))?.len();
        let p = p + n + ws_len(l, p + n);
        l[p..].starts_with("RMB").then(|| opt_ws(l, p + 3))
    };
    positions(l, "US").find_map(|i| {
        let q = usd_one(l, i, |q| {
            rmb_after(q).is_some_and(|s| decimal_at(l, s).is_some())
        })?;
        let s = rmb_after(q)?;
        Some(&l[s..decimal_at(l, s)?])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_and_tickers() {
        let l = "SHANGHAI, China, May 19, 2024 (GLOBE NEWSWIRE) -- Qifu Technology, Inc. (NASDAQ: QFIN; HKEx: 3660) (\"Qifu\")";
        assert_eq!(company_listing(l), Some("Qifu Technology, Inc."));
        assert_eq!(ticker(l), Some("QFIN"));
        assert_eq!(
            company_listing("-- Acme Holdings Inc. (NYSE: ACME)"),
            Some("Acme Holdings Inc.")
        );
        assert_eq!(ticker("(NYSE American: AB.C)"), Some("AB.C"));
        assert_eq!(ticker("(NASDAQ: ABCDEFGHI)"), None);
        assert_eq!(
            registrant("  Qifu Technology, Inc.   (Translation of registrant’s name into English)"),
            Some("  Qifu Technology, Inc.   ")
        );
    }

    #[test]
    fn quarters_and_rates() {
        assert_eq!(
            quarter_ended("results for the first Quarter ended March 31, 2024."),
            Some("March 31, 2024")
        );
        assert_eq!(quarter_ended("the quarter. It ended March 31, 2024"), None);
        assert_eq!(
            quarter_title("Second Quarter 2024 Results"),
            Some((2, "2024"))
        );
        assert_eq!(
            rate_rmb_first("rate of RMB7.1884 to US$1.00, the"),
            Some("7.1884")
        );
        assert_eq!(rate_usd_first("US\\$1.00 = RMB 7.2672"), Some("7.2672"));
        assert_eq!(rate_usd_first("US$1 to RMB7.10"), Some("7.10"));
    }
}
