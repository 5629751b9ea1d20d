//! Reading printed numbers exactly: thousands separators, parentheses as
//! negatives, dashes as zero, per-share decimals and percentages.

use crate::model::Amount;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// What a table cell token reads as.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// A number, and whether it was printed with `%`.
    Number {
        /// The value as printed.
        amount: Amount,
        /// Printed with a percent sign.
        percent: bool,
    },
    /// Looks like a number but cannot be read as one ("1.005.440", "0,405,081").
    Malformed,
    /// Not a number at all (text).
    Text,
}

/// Digits with well-formed thousands groups, or plain digits, then decimals
/// (`^(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.(\d+))?$`).
fn well_formed(body: &str) -> bool {
    let b = body.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(p) => (&b[..p], Some(&b[p + 1..])),
        None => (b, None),
    };
    if frac.is_some_and(|f| !digits(f)) {
        return false;
    }
    if int == b"0" {
        return true;
    }
    if !matches!(int.first(), Some(b'1'..=b'9')) {
        return false;
    }
    if !int.contains(&b',') {
        return digits(int);
    }
    let mut groups = int.split(|&c| c == b',');
    let head = groups.next().unwrap_or_default();
    digits(head) && head.len() <= 3 && groups.all(|g| g.len() == 3 && digits(g))
}

/// Removes markup that may wrap a value (`<b>`, `**`).
pub fn strip_value_markup(s: &str) -> String {
    strip_markup_cow(s).into_owned()
}

/// [`strip_value_markup`] without allocating when there is no markup
/// (the common case, so reading a cell costs no allocation).
pub fn strip_markup_cow(s: &str) -> Cow<'_, str> {
    let markup = |s: &str| s.bytes().any(|b| matches!(b, b'<' | b'*' | b'\\'));
    if !markup(s) {
        return Cow::Borrowed(trim(s));
    }
    // Plain text in one bold mark ("<b>1,234</b>", "**Total**"): the
    // passes below remove just the mark.
    let inner = s
        .strip_prefix("<b>")
        .and_then(|t| t.strip_suffix("</b>"))
        .or_else(|| s.strip_prefix("**").and_then(|t| t.strip_suffix("**")));
    if let Some(m) = inner.filter(|m| !markup(m)) {
        return Cow::Borrowed(m.trim());
    }
    let mut out = s.replace("<b>", "").replace("</b>", "").replace("**", "");
    if out.contains("\\$") {
        out = out.replace("\\$", "$");
    }
    Cow::Owned(out.trim().to_string())
}

/// Whether byte `b` is ASCII whitespace as [`char::is_whitespace`] has it
/// (tab to carriage return, and space).
pub fn ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// [`str::trim`], without decoding when both ends are plain ASCII (the
/// common case of a cell or token).
pub fn trim(s: &str) -> &str {
    let plain = |b: &u8| b.is_ascii() && !ascii_space(*b);
    let b = s.as_bytes();
    if b.first().is_some_and(plain) && b.last().is_some_and(plain) {
        s
    } else {
        s.trim()
    }
}

/// Reads one token (no inner spaces) of a table cell.
pub fn parse_token(raw: &str) -> Token {
    // A well-formed number is made of bytes markup stripping leaves alone;
    // a token without digits or dashes stays without them (text): both
    // read without stripping.
    if let Some(t) = plain_number(raw.as_bytes()) {
        return t;
    }
    if !raw
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'-' | b'_') || b >= 0x80)
    {
        return Token::Text;
    }
    read_general(raw)
}

/// [`parse_token`] on any token: markup stripped, then read.
fn read_general(raw: &str) -> Token {
    let s = strip_markup_cow(raw);
    let s = s.as_ref();
    if s.is_empty() {
        return Token::Text;
    }
    if matches!(s, "-" | "—" | "–" | "_" | "−") {
        return Token::Number {
            amount: Amount::new(Decimal::ZERO, 0),
            percent: false,
        };
    }
    let (neg, body) = if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        (true, inner)
    } else if let Some(inner) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        (true, inner)
    } else {
        (false, s)
    };
    let (body, percent) = match body.strip_suffix('%') {
        Some(b) => (b, true),
        None => (body, false),
    };
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 {
        return Token::Text;
    }
    if !well_formed(body) {
        let looks_numeric = body
            .chars()
            .all(|c| c.is_ascii_digit() || ",.=/_- ".contains(c))
            || digits * 2 >= body.chars().count();
        return if looks_numeric {
            Token::Malformed
        } else {
            Token::Text
        };
    }
    match exact_value(body) {
        Ok(mut v) => {
            if neg {
                v.set_sign_negative(true);
            }
            let decimals = v.scale();
            Token::Number {
                amount: Amount::new(v, decimals),
                percent,
            }
        }
        Err(_) => Token::Malformed,
    }
}

/// [`parse_token`] of a well-formed number printed plainly: digits (with
/// well-formed thousands groups) and decimals, in parentheses or after a
/// `-`, with a `%` (`None` for anything else, which the general reader
/// takes: the same result either way).
pub fn plain_number(s: &[u8]) -> Option<Token> {
    let (neg, body) = match s {
        [b'(', inner @ .., b')'] => (true, inner),
        [b'-', rest @ ..] => (true, rest),
        _ => (false, s),
    };
    let (body, percent) = match body {
        [rest @ .., b'%'] => (rest, true),
        _ => (body, false),
    };
    let (mut mantissa, mut i) = (0u64, 0usize);
    let run = |i: &mut usize, m: &mut u64| {
        let start = *i;
        while let Some(&d) = body.get(*i).filter(|d| d.is_ascii_digit()) {
            // (Wraps only past 19 digits, which the general reader takes.)
            *m = m.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
            *i += 1;
        }
        *i - start
    };
    // Integer part: "0", or a run of digits not starting with 0, then
    // groups of three after commas (the first run at most three long).
    let first = run(&mut i, &mut mantissa);
    let mut digits = first;
    match body.first() {
        Some(b'0') if first != 1 || body.get(1) == Some(&b',') => return None,
        Some(b'0'..=b'9') => {}
        _ => return None,
    }
    if body.get(i) == Some(&b',') {
        if first > 3 {
            return None;
        }
        while body.get(i) == Some(&b',') {
            i += 1;
            if run(&mut i, &mut mantissa) != 3 {
                return None;
            }
            digits += 3;
        }
    }
    let mut scale = 0;
    if body.get(i) == Some(&b'.') {
        i += 1;
        scale = run(&mut i, &mut mantissa);
        if scale == 0 {
            return None;
        }
        digits += scale;
    }
    // Up to 18 digits fit the mantissa; longer numbers take the general
    // reader.
    if i != body.len() || digits > 18 {
        return None;
    }
    let mut v = Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        0,
        false,
        scale as u32,
    );
    if neg {
        v.set_sign_negative(true);
    }
    Some(Token::Number {
        amount: Amount::new(v, scale as u32),
        percent,
    })
}

/// The exact value of a well-formed number (digits, thousands commas, one
/// point), with as many decimals as printed.
fn exact_value(body: &str) -> Result<Decimal, rust_decimal::Error> {
    // Up to 18 digits fit a u64 mantissa; longer numbers take the general
    // parser (same result).
    let (mut mantissa, mut scale, mut digits, mut point) = (0u64, 0u32, 0, false);
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                scale += u32::from(point);
            }
            b'.' => point = true,
            _ => {}
        }
        if digits > 18 {
            let plain: String = body.chars().filter(|&c| c != ',').collect();
            return Decimal::from_str(&plain);
        }
    }
    Ok(Decimal::from_i128_with_scale(i128::from(mantissa), scale))
}

/// The number a token reads as, if it is a well-formed number.
pub fn number(raw: &str) -> Option<(Amount, bool)> {
    match parse_token(raw) {
        Token::Number { amount, percent } => Some((amount, percent)),
        _ => None,
    }
}

/// Whether `raw` is a four-digit year (1900-2199).
pub fn year(raw: &str) -> Option<i32> {
    // Stripped to four digits, the text starts with a digit, markup or
    // a space (any byte of a multi-byte character may be one).
    let lead = raw.bytes().next()?;
    if !(lead.is_ascii_digit() || lead >= 0x80 || ascii_space(lead) || matches!(lead, b'<' | b'*'))
    {
        return None;
    }
    let s = strip_markup_cow(raw);
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = s.parse().ok()?;
        (1900..2200).contains(&y).then_some(y)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_str_trim() {
        for s in [
            "1,234",
            " (56) ",
            "\u{a0}12\u{a0}",
            "\x0b7\x0b",
            "",
            " ",
            "—",
            "12%\r",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    fn val(s: &str) -> (String, u32, bool) {
        match parse_token(s) {
            Token::Number { amount, percent } => {
                (amount.value.to_string(), amount.decimals, percent)
            }
            t => panic!("{s}: {t:?}"),
        }
    }

    #[test]
    fn reads_printed_numbers() {
        assert_eq!(val("4,177,890"), ("4177890".into(), 0, false));
        assert_eq!(val("(2,236)"), ("-2236".into(), 0, false));
        assert_eq!(val("3.40"), ("3.40".into(), 2, false));
        assert_eq!(val("27.9%"), ("27.9".into(), 1, true));
        assert_eq!(val("-"), ("0".into(), 0, false));
        assert_eq!(val("_"), ("0".into(), 0, false));
        assert_eq!(val("<b>934,109</b>"), ("934109".into(), 0, false));
    }

    #[test]
    fn exact_values_match_the_decimal_parser() {
        for body in [
            "0",
            "0.00",
            "7",
            "4,177,890",
            "3.40",
            "123456789012345678",
            "1234567890123456789",
            "12,345,678,901,234,567,890.125",
        ] {
            let plain: String = body.chars().filter(|&c| c != ',').collect();
            let want = Decimal::from_str(&plain).unwrap();
            let got = exact_value(body).unwrap();
            assert_eq!((got, got.scale()), (want, want.scale()), "{body}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_reading_matches_the_general_reader(
            tok in "[-(]?[0-9,.]{0,24}[%)]{0,2}|[-(0-9,.%)<b>*\\$ −]{0,12}"
        ) {
            proptest::prop_assert_eq!(parse_token(&tok), read_general(&tok));
            if let Some(Token::Number { amount, .. }) = plain_number(tok.as_bytes()) {
                let general = read_general(&tok);
                let Token::Number { amount: want, .. } = general else {
                    panic!("{tok}: {general:?}");
                };
                // The same representation (sign of zero and scale too).
                proptest::prop_assert_eq!(amount.value.serialize(), want.value.serialize());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn years_match_the_stripped_reading(tok in "[ 0-9<b>/*\\$a\u{a0}]{0,12}") {
            let s = strip_markup_cow(&tok);
            let want = (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
                .filter(|y| (1900..2200).contains(y));
            proptest::prop_assert_eq!(year(&tok), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn stripping_matches_the_replacements(s in "[ a1<>/b*\\\\$]{0,14}") {
            let mut want = s.replace("<b>", "").replace("</b>", "").replace("**", "");
            want = want.replace("\\$", "$");
            let got = strip_markup_cow(&s);
            proptest::prop_assert_eq!(got.as_ref(), want.trim());
        }
    }

    #[test]
    fn plain_numbers_read_without_stripping() {
        for (tok, want) in [
            ("4,177,890", Some(("4177890", 0, false))),
            ("(2,236)", Some(("-2236", 0, false))),
            ("-0", Some(("-0", 0, false))),
            ("0.50%", Some(("0.50", 2, true))),
            ("0,405,081", None),
            ("1234,567", None),
            ("12345678901234567890", None),
            ("-", None),
            ("<b>1</b>", None),
        ] {
            let got = plain_number(tok.as_bytes()).map(|t| match t {
                Token::Number { amount, percent } => {
                    (amount.value.to_string(), amount.decimals, percent)
                }
                t => panic!("{tok}: {t:?}"),
            });
            assert_eq!(got, want.map(|(v, d, p)| (v.to_string(), d, p)), "{tok}");
        }
        assert!(matches!(
            strip_markup_cow("<b> 1,234</b>"),
            Cow::Borrowed("1,234")
        ));
        assert!(matches!(
            strip_markup_cow("**Total**"),
            Cow::Borrowed("Total")
        ));
        assert_eq!(strip_markup_cow("</<b>b>"), "");
        assert_eq!(year("<b>2024</b>"), Some(2024));
        assert_eq!(year(" 2023"), Some(2023));
        assert_eq!(year("Total 2023"), None);
    }

    #[test]
    fn rejects_malformed() {
        for s in [
            "1.005.440",
            "0,405,081",
            "(202,5/1)",
            "(=,007,0==)",
            "000,202",
            "(0,05.)",
        ] {
            assert_eq!(parse_token(s), Token::Malformed, "{s}");
        }
        assert_eq!(parse_token("RMB"), Token::Text);
    }
}
