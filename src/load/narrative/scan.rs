//! Small matchers shared by the narrative readers. The prose patterns are
//! short fixed phrases, so they are matched by hand on `&str` slices rather
//! than by regexes (whose Unicode compilation alone cost more than reading
//! a filing). Words compare ASCII case-insensitively where the reader
//! ignores case; a word character is a letter, digit or `_` (as `\w`).

use crate::load::meta::parse_date;
use crate::load::scan::MONTH_NAMES as MONTHS;
use chrono::NaiveDate;

/// Whether `c` is a word character (letter, digit or `_`).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether no word character stands right before byte `i` of `s`.
pub(crate) fn boundary_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(|c| !is_word(c))
}

/// Whether no word character stands at the start of `rest`.
pub(crate) fn boundary_at(rest: &str) -> bool {
    match rest.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() => !(b.is_ascii_alphanumeric() || b == b'_'),
        Some(_) => rest.chars().next().is_none_or(|c| !is_word(c)),
    }
}

/// Whether `b` is an ASCII byte `char::is_whitespace` accepts.
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `s` without the ASCII prefix `p`, compared case-insensitively.
pub(crate) fn strip_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let n = p.len();
    (s.len() >= n && s.as_bytes()[..n].eq_ignore_ascii_case(p.as_bytes())).then(|| &s[n..])
}

/// `s` without the first of the ASCII prefixes `ps` it starts with (case-insensitively).
pub(crate) fn strip_any_ci<'a>(s: &'a str, ps: &[&str]) -> Option<&'a str> {
    ps.iter().find_map(|p| strip_ci(s, p))
}

/// If `s` ends with the ASCII word `w` (case-insensitively) after a word
/// boundary, the byte offset where the word starts.
pub(crate) fn ends_with_word_ci(s: &str, w: &str) -> Option<usize> {
    let start = s.len().checked_sub(w.len())?;
    let tail = &s.as_bytes()[start..];
    (tail.eq_ignore_ascii_case(w.as_bytes()) && boundary_before(s, start)).then_some(start)
}

/// Whether `s` ends with the ASCII text `suffix`, compared case-insensitively.
pub(crate) fn ends_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `s` without its leading whitespace, if it has at least one such character.
pub(crate) fn ws1(s: &str) -> Option<&str> {
    // One ASCII space before a printable ASCII byte (the usual case), or
    // no ASCII space at all, is answered without decoding characters.
    match s.as_bytes() {
        [] => return None,
        [first, ..] if first.is_ascii() && !ascii_space(*first) => return None,
        [first, next, ..] if ascii_space(*first) && next.is_ascii() && !ascii_space(*next) => {
            return Some(&s[1..]);
        }
        _ => {}
    }
    let rest = s.trim_start();
    (rest.len() < s.len()).then_some(rest)
}

/// The run of ASCII digits `s` starts with, and the rest.
pub(crate) fn digit_run(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    s.split_at(n)
}

/// Exactly `n` leading ASCII digits of `s` (whatever follows), and the rest.
pub(crate) fn digits_n(s: &str, n: usize) -> Option<(&str, &str)> {
    let ok = s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit);
    ok.then(|| s.split_at(n))
}

/// "quarter" or its OCR twin "guarter", case-insensitively, and the rest.
pub(crate) fn quarter_word(s: &str) -> Option<&str> {
    strip_any_ci(s, &["quarter", "guarter"])
}

/// Byte length of a date ("March 31, 2024": a month name, one or two
/// digits, an optional comma, four digits) at the start of `s`, ending at a
/// word boundary; `None` when `s` does not start with one.
fn date_len(s: &str) -> Option<usize> {
    let first = s.as_bytes().first()?;
    let rest = MONTHS
        .iter()
        .filter(|m| m.as_bytes()[0] == *first)
        .find_map(|m| s.strip_prefix(m))?;
    let (day, rest) = digit_run(ws1(rest)?);
    if !(1..=2).contains(&day.len()) {
        return None;
    }
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let (_, rest) = digits_n(ws1(rest)?, 4)?;
    boundary_at(rest).then(|| s.len() - rest.len())
}

/// Byte length of "Month 31, 2024" at the start of `s`: a word of two or
/// more letters, a space, one or two digits, an optional comma, a space,
/// four digits.
pub(crate) fn loose_date_len(s: &str) -> Option<usize> {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters < 2 {
        return None;
    }
    let r = s[letters..].strip_prefix(' ')?;
    let (day, r) = digit_run(r);
    if !(1..=2).contains(&day.len()) {
        return None;
    }
    let r = r.strip_prefix(',').unwrap_or(r);
    let (_, r) = digits_n(r.strip_prefix(' ')?, 4)?;
    Some(s.len() - r.len())
}

/// Whether byte `at` of `s`, not inside a word, lies inside a date ("March
/// 31, 2024": a month name, one or two digits, an optional comma, four
/// digits). Only a date whose month ends where the digits, commas and
/// spaces before `at` begin can reach it.
pub(crate) fn in_date(s: &str, at: usize) -> bool {
    let head = &s[..at];
    // Digits, commas and whitespace before `at`, walked back over bytes
    // while they are ASCII.
    let ascii_k = head
        .bytes()
        .rev()
        .position(|b| !(b.is_ascii_digit() || b == b',' || ascii_space(b)))
        .map_or(0, |n| at - n);
    let k = if ascii_k > 0 && !head.as_bytes()[ascii_k - 1].is_ascii() {
        head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c.is_whitespace())
            .len()
    } else {
        ascii_k
    };
    let letters = s.as_bytes()[..k]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let p = k - letters;
    // Month names are capitalised words of three or more letters.
    letters >= 3
        && s.as_bytes()[p].is_ascii_uppercase()
        && MONTHS.contains(&&s[p..k])
        && boundary_before(s, p)
        && date_len(&s[p..]).is_some_and(|n| p + n > at)
}

/// The date `s` starts with ("June 30, 2024 ..."), parsed.
pub(crate) fn leading_date(s: &str) -> Option<NaiveDate> {
    date_len(s).and_then(|n| parse_date(&s[..n]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_found_at_word_boundaries() {
        let s = "As of March 31, 2024, and June 30 2023; xMay 1, 2024 and May 123, 2024 12";
        let digit = |i: &usize| s.as_bytes()[*i].is_ascii_digit();
        let inside: Vec<usize> = (0..s.len())
            .filter(digit)
            .filter(|&i| in_date(s, i))
            .collect();
        let spans = [(12, 20), (31, 38)];
        let expected: Vec<usize> = spans
            .iter()
            .flat_map(|&(a, b)| a..b)
            .filter(digit)
            .collect();
        assert_eq!(&s[6..20], "March 31, 2024");
        assert_eq!(&s[26..38], "June 30 2023");
        assert_eq!(inside, expected);
        assert_eq!(
            leading_date("June 30, 2024."),
            NaiveDate::from_ymd_opt(2024, 6, 30)
        );
        assert_eq!(leading_date("June 30, 20245"), None);
    }

    #[test]
    fn fast_paths_agree_with_char_methods() {
        for t in [
            "",
            " x",
            "x",
            "  x",
            " \u{a0}x",
            "\u{a0}x",
            "\t",
            " ",
            "é",
            " é",
            "_a",
            "\u{2003} 5",
        ] {
            let slow = {
                let rest = t.trim_start();
                (rest.len() < t.len()).then_some(rest)
            };
            assert_eq!(ws1(t), slow, "{t:?}");
            assert_eq!(
                boundary_at(t),
                t.chars().next().is_none_or(|c| !is_word(c)),
                "{t:?}"
            );
        }
        let s = "as of March\u{2003}31, 2024 and June 30, 2024";
        for at in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
            let head = &s[..at];
            let k = head
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c.is_whitespace())
                .len();
            let letters = s.as_bytes()[..k]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            let p = k - letters;
            let slow = MONTHS.contains(&&s[p..k])
                && boundary_before(s, p)
                && date_len(&s[p..]).is_some_and(|n| p + n > at);
            assert_eq!(in_date(s, at), slow, "{at}");
        }
    }

    #[test]
    fn words_compare_without_case() {
        assert_eq!(ends_with_word_ci("revenue Was", "was"), Some(8));
        assert_eq!(ends_with_word_ci("revenuewas", "was"), None);
        assert_eq!(strip_ci("In the quarter", "in the "), Some("quarter"));
        assert_eq!(quarter_word("Guarter of"), Some(" of"));
    }
}
