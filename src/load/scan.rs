//! Small text scanners shared by the loader: word boundaries, whitespace
//! runs, digits, month names. They replace regexes whose compilation (Unicode
//! classes built into large automata) cost more than the whole scan, and they
//! keep the regexes' semantics: `\s` is Unicode whitespace, `\w` a letter,
//! digit or underscore (Unicode), `\d` an ASCII digit.

/// Month names, lowercase, in calendar order.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month names as printed ("January"), in calendar order.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `c` is a word character (`\w`).
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// The character starting at byte `i` of `s`, if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The character ending at byte `i` of `s`, if any.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// Whether byte position `i` of `s` is a word boundary (`\b`).
pub fn boundary(s: &str, i: usize) -> bool {
    char_before(s, i).is_some_and(is_word) != char_at(s, i).is_some_and(is_word)
}

/// Bytes of whitespace starting at byte `i` (`\s*`).
pub fn ws_len(s: &str, i: usize) -> usize {
    s[i..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(s.len() - i, |(k, _)| k)
}

/// Number of ASCII digits starting at byte `i`.
pub fn digits_len(s: &str, i: usize) -> usize {
    s.as_bytes()[i..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Whether `s[i..]` starts with `pat`, ASCII case-insensitively.
pub fn starts_ci(s: &str, i: usize, pat: &str) -> bool {
    s.as_bytes()
        .get(i..i + pat.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(pat.as_bytes()))
}

/// Whether `s` contains `pat`, ASCII case-insensitively.
pub fn contains_ci(s: &str, pat: &str) -> bool {
    let p = pat.as_bytes();
    p.is_empty()
        || s.as_bytes()
            .windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p))
}

/// The month (1-12) whose name `s[i..]` starts with, and the name's length.
/// `ci`: compare ASCII case-insensitively, else the name must be printed
/// capitalised ("June").
pub fn month_at(s: &str, i: usize, ci: bool) -> Option<(u32, usize)> {
    MONTH_NAMES.iter().enumerate().find_map(|(m, name)| {
        let hit = if ci {
            starts_ci(s, i, name)
        } else {
            s[i..].starts_with(name)
        };
        hit.then_some((m as u32 + 1, name.len()))
    })
}

/// A printed date "June 30, 2024" (`\bMonth\s+\d{1,2},?\s+\d{4}\b`) starting
/// at byte `i`: its end. The boundary before the month is the caller's.
pub fn date_at(s: &str, i: usize) -> Option<usize> {
    let (_, n) = month_at(s, i, false)?;
    let mut p = i + n;
    let w = ws_len(s, p);
    if w == 0 {
        return None;
    }
    p += w;
    let d = digits_len(s, p);
    if d == 0 || d > 2 {
        return None;
    }
    p += d;
    if s.as_bytes().get(p) == Some(&b',') {
        p += 1;
    }
    let w = ws_len(s, p);
    if w == 0 {
        return None;
    }
    p += w;
    if digits_len(s, p) < 4 {
        return None;
    }
    p += 4;
    boundary(s, p).then_some(p)
}

/// The first printed date in `s` (as the `DATE` regex finds it): its span.
pub fn find_date(s: &str) -> Option<(usize, usize)> {
    s.char_indices()
        .filter(|&(i, c)| c.is_ascii_uppercase() && boundary(s, i))
        .find_map(|(i, _)| date_at(s, i).map(|e| (i, e)))
}

/// A period phrase in squashed text (lowercase, no whitespace): months of a
/// duration (`None` for an instant), month, day and year as printed.
pub type Squashed = (Option<u32>, u32, Option<u32>, Option<i32>);

/// Lowercase month name at byte `i`: month number and length.
fn lower_month_at(s: &str, i: usize) -> Option<(u32, usize)> {
    if !matches!(
        s.as_bytes().get(i),
        Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    ) {
        return None;
    }
    MONTHS
        .iter()
        .enumerate()
        .find(|(_, m)| s[i..].starts_with(*m))
        .map(|(k, m)| (k as u32 + 1, m.len()))
}

/// `(three|six|nine|twelve)[mnr]{1,3}o?nths?ended(month)(\d{1,2})?,?(\d{4})?`
/// at byte `i` of squashed text: the phrase and its end.
pub fn duration_at(s: &str, i: usize) -> Option<(Squashed, usize)> {
    if !matches!(s.as_bytes().get(i), Some(b't' | b's' | b'n')) {
        return None;
    }
    let (months, n) = [("three", 3), ("six", 6), ("nine", 9), ("twelve", 12)]
        .iter()
        .find(|(w, _)| s[i..].starts_with(w))
        .map(|&(w, m)| (m, w.len()))?;
    let b = s.as_bytes();
    let p = i + n;
    let run = b[p..]
        .iter()
        .take(3)
        .take_while(|c| matches!(c, b'm' | b'n' | b'r'))
        .count();
    let after = (1..=run).rev().find_map(|k| {
        let q = p + k;
        [q + usize::from(b.get(q) == Some(&b'o')), q]
            .into_iter()
            .find_map(|q| {
                let q = s[q..].starts_with("nth").then_some(q + 3)?;
                let q = q + usize::from(b.get(q) == Some(&b's'));
                s[q..].starts_with("ended").then_some(q + 5)
            })
    })?;
    let (month, n) = lower_month_at(s, after)?;
    let mut q = after + n;
    let d = digits_len(s, q).min(2);
    let day = (d > 0).then(|| s[q..q + d].parse().ok()).flatten();
    q += d;
    if b.get(q) == Some(&b',') {
        q += 1;
    }
    let year = if digits_len(s, q) >= 4 {
        q += 4;
        s[q - 4..q].parse().ok()
    } else {
        None
    };
    Some(((Some(months), month, day, year), q))
}

/// `(month)(\d{1,2}),?(\d{4})` at byte `i` of squashed text.
pub fn instant_at(s: &str, i: usize) -> Option<(Squashed, usize)> {
    let (month, n) = lower_month_at(s, i)?;
    let p = i + n;
    let b = s.as_bytes();
    let d = digits_len(s, p).min(2);
    (1..=d).rev().find_map(|d| {
        let mut q = p + d;
        if b.get(q) == Some(&b',') {
            q += 1;
        }
        (digits_len(s, q) >= 4).then(|| {
            let phrase = (
                None,
                month,
                s[p..p + d].parse().ok(),
                s[q..q + 4].parse().ok(),
            );
            (phrase, q + 4)
        })
    })
}

/// Every non-overlapping match of `at` in `s`, leftmost first.
pub fn all_at(s: &str, at: fn(&str, usize) -> Option<(Squashed, usize)>) -> Vec<Squashed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !s.is_char_boundary(i) {
            i += 1;
            continue;
        }
        match at(s, i) {
            Some((p, end)) => {
                out.push(p);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// `^(?:(?:three|six|nine|twelve)months?ended|asof|yearended)(month)\d{1,2},?\d{4}$`
/// on squashed text.
pub fn is_period_caption(s: &str) -> bool {
    let Some(rest) = ["three", "six", "nine", "twelve"]
        .iter()
        .find_map(|w| {
            let r = s.strip_prefix(w)?.strip_prefix("month")?;
            r.strip_prefix("s").unwrap_or(r).strip_prefix("ended")
        })
        .or_else(|| s.strip_prefix("asof"))
        .or_else(|| s.strip_prefix("yearended"))
    else {
        return false;
    };
    let Some((_, n)) = lower_month_at(rest, 0) else {
        return false;
    };
    let rest = &rest[n..];
    let d = digits_len(rest, 0).min(2);
    (1..=d).any(|d| {
        let r = &rest[d..];
        let r = r.strip_prefix(',').unwrap_or(r);
        r.len() == 4 && digits_len(r, 0) == 4
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_printed_dates() {
        let s = "BEIJING, May 19, 2024 (GLOBE) -- as of March 31 2024.";
        let (a, b) = find_date(s).unwrap();
        assert_eq!(&s[a..b], "May 19, 2024");
        assert_eq!(find_date("XJune 30, 2024"), None);
        assert_eq!(find_date("June 30, 20245"), None);
        assert_eq!(find_date("June 300, 2024"), None);
        assert!(boundary("a b", 1) && !boundary("ab", 1));
        assert!(contains_ci("Three MONTHS", "months"));
    }
}
