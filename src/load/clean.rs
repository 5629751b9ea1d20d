//! Label cleaning: Markdown and HTML markup, footnote marks, stray spaces.

use std::borrow::Cow;

/// Removes `<sup>…</sup>` elements (footnote marks) with their content
/// (`(?i)<sup>.*?</sup>`).
fn remove_sup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = find_ci(rest, "<sup>") {
        let Some(b) = find_ci(&rest[a + 5..], "</sup>") else {
            break;
        };
        out.push_str(&rest[..a]);
        rest = &rest[a + 5 + b + 6..];
    }
    out.push_str(rest);
    out
}

/// Position of `pat` (ASCII) in `s`, ASCII case-insensitively.
fn find_ci(s: &str, pat: &str) -> Option<usize> {
    let p = pat.as_bytes();
    s.as_bytes()
        .windows(p.len())
        .position(|w| w.eq_ignore_ascii_case(p))
}

/// Length of the HTML tag (`</?[a-zA-Z][^>]{0,40}>`) starting at `s`, if any.
fn tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut p = 1 + usize::from(b.get(1) == Some(&b'/'));
    if !b.get(p).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    p += 1;
    s[p..]
        .char_indices()
        .take(41)
        .find(|&(_, c)| c == '>')
        .map(|(k, _)| p + k + 1)
}

/// Removes every HTML tag.
fn remove_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(k) = s[i..].find('<') {
        let at = i + k;
        out.push_str(&s[i..at]);
        match tag_len(&s[at..]) {
            Some(n) => i = at + n,
            None => {
                out.push('<');
                i = at + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Removes footnote marks printed as "*14" or "\*3" (`\\?\*\d+`).
fn remove_star_notes(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let star = i + usize::from(b[i] == b'\\');
        if b.get(star) == Some(&b'*') && b.get(star + 1).is_some_and(u8::is_ascii_digit) {
            out.push_str(&s[copied..i]);
            i = star + 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// Whether the raw text was marked bold (`<b>` or `**`).
pub fn is_bold(raw: &str) -> bool {
    let t = raw.trim();
    t.starts_with("<b>") || t.starts_with("**")
}

/// Cleans a printed label: markup, footnote marks, heading marks, escapes and
/// stray spaces removed. Borrows from `raw` when only trimming was needed.
pub fn label(raw: &str) -> Cow<'_, str> {
    if let Some(t) = plain_label(raw) {
        return Cow::Borrowed(t);
    }
    // Each pass runs only when its markup can be present (labels are
    // cleaned once per table line: no copy on plain text).
    let mut s = Cow::Borrowed(raw);
    if s.contains('<') {
        s = Cow::Owned(remove_tags(&remove_sup(&s)));
    }
    if s.contains('*') {
        s = Cow::Owned(remove_star_notes(&s));
    }
    if s.contains(['*', '\\']) {
        s = Cow::Owned(s.replace("**", "").replace("\\$", "$").replace("\\*", "*"));
    }
    let plain = |t: &str| {
        let mut prev_space = false;
        t.chars().all(|c| {
            let ok = c == ' ' && !prev_space || !c.is_whitespace();
            prev_space = c.is_whitespace();
            ok
        })
    };
    match s {
        Cow::Borrowed(b) => {
            let t = b.trim().trim_start_matches('#').trim();
            if plain(t) {
                Cow::Borrowed(t)
            } else {
                Cow::Owned(t.split_whitespace().collect::<Vec<_>>().join(" "))
            }
        }
        Cow::Owned(o) => {
            let t = o.trim().trim_start_matches('#').trim();
            if plain(t) {
                Cow::Owned(t.to_string())
            } else {
                Cow::Owned(t.split_whitespace().collect::<Vec<_>>().join(" "))
            }
        }
    }
}

/// The cleaned label of `raw` when it needs no more than trimming spaces:
/// ASCII without markup, escapes, heading marks, tabs or double spaces
/// (one byte scan instead of [`label`]'s passes).
pub fn plain_label(raw: &str) -> Option<&str> {
    /// Per byte: 0 plain, 1 a space, 2 never plain (beyond ASCII, markup,
    /// escapes, heading marks, tabs and line breaks).
    static CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = if c >= 0x80 || matches!(c, b'<' | b'*' | b'\\' | b'#' | b'\t'..=b'\r') {
                2
            } else if c == b' ' {
                1
            } else {
                0
            };
            b += 1;
        }
        t
    };
    // (The class of the byte before, shifted in: two spaces make 2 too.)
    let mut prev = 0u8;
    for &b in raw.as_bytes() {
        let c = CLASS[usize::from(b)];
        if c + (prev & c) >= 2 {
            return None;
        }
        prev = c;
    }
    Some(raw.trim_matches(' '))
}

/// Letters and digits only, lowercased: the form labels are compared in.
pub fn compact(s: &str) -> String {
    if s.is_ascii() {
        return ascii_filtered(s, |b| b.is_ascii_alphanumeric());
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The bytes of ASCII `s` that `keep`, lowercased. Every byte is written
/// and the end advances only over kept ones (no branch per byte).
#[inline]
fn ascii_filtered(s: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = vec![0u8; s.len()];
    let mut n = 0;
    for &b in s.as_bytes() {
        out[n] = b.to_ascii_lowercase();
        n += usize::from(keep(b));
    }
    out.truncate(n);
    // ASCII bytes of a str are valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Letters only, lowercased.
pub fn letters(s: &str) -> String {
    if s.is_ascii() {
        return ascii_filtered(s, |b| b.is_ascii_alphabetic());
    }
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The length in bytes of [`letters`]`(s)`, without building it.
pub fn letters_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphabetic).count();
    }
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .map(char::len_utf8)
        .sum()
}

/// Whether `a` and `b` have the same [`letters`] form (without building it).
pub fn same_letters(a: &str, b: &str) -> bool {
    let form = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    fn key(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
    }
    if a.is_ascii() && b.is_ascii() {
        return key(a).eq(key(b));
    }
    form(a) == form(b)
}

/// Lowercased text with all whitespace removed (keeps punctuation and digits):
/// the form headers broken by tabs are recognized in.
pub fn squash(s: &str) -> String {
    if s.is_ascii() {
        return ascii_filtered(s, |b| !b.is_ascii_whitespace() && b != 0x0b);
    }
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `s` has an alphabetic character (`letter_count(s) > 0`,
/// stopping at the first).
pub fn has_letters(s: &str) -> bool {
    for (i, b) in s.bytes().enumerate() {
        if b.is_ascii_alphabetic() {
            return true;
        }
        if !b.is_ascii() {
            // The first byte of a character: the rest decoded.
            return s[i..].chars().any(char::is_alphabetic);
        }
    }
    false
}

/// Whether `s` has at least `n` alphabetic characters
/// (`letter_count(s) >= n`, stopping at the `n`th).
pub fn has_n_letters(s: &str, n: usize) -> bool {
    let mut left = n;
    for (i, b) in s.bytes().enumerate() {
        if left == 0 {
            return true;
        }
        if b.is_ascii_alphabetic() {
            left -= 1;
        } else if !b.is_ascii() {
            // The first byte of a character: the rest decoded.
            return s[i..]
                .chars()
                .filter(|c| c.is_alphabetic())
                .nth(left - 1)
                .is_some();
        }
    }
    left == 0
}

/// `s.to_lowercase().starts_with(pat)` for a lowercase ASCII `pat`,
/// without lowercasing `s` when its first bytes are ASCII.
pub fn lower_starts_with(s: &str, pat: &str) -> bool {
    match s.as_bytes().get(..pat.len()) {
        Some(head) if head.is_ascii() => head.eq_ignore_ascii_case(pat.as_bytes()),
        _ => s.to_lowercase().starts_with(pat),
    }
}

/// `s.to_lowercase().ends_with(pat)` for a lowercase ASCII `pat`, without
/// lowercasing `s` when its last bytes are ASCII.
pub fn lower_ends_with(s: &str, pat: &str) -> bool {
    let b = s.as_bytes();
    match b.get(b.len().wrapping_sub(pat.len())..) {
        Some(tail) if b.len() >= pat.len() && tail.is_ascii() => {
            tail.eq_ignore_ascii_case(pat.as_bytes())
        }
        _ => s.to_lowercase().ends_with(pat),
    }
}

/// `s.to_lowercase().contains(pat)` for a lowercase ASCII `pat`, without
/// lowercasing an ASCII `s`.
pub fn lower_contains(s: &str, pat: &str) -> bool {
    if !s.is_ascii() {
        return s.to_lowercase().contains(pat);
    }
    let (h, p) = (s.as_bytes(), pat.as_bytes());
    let Some((&first, rest)) = p.split_first() else {
        return true;
    };
    if h.len() < p.len() {
        return false;
    }
    // Candidates where the first byte matches, either case.
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &h[..=h.len() - p.len()])
        .any(|i| h[i + 1..i + p.len()].eq_ignore_ascii_case(rest))
}

/// A few non-empty lowercase ASCII words (at most 8) to look for in
/// lowercased text, with a table of the words each byte may start (built
/// at compile time).
#[derive(Debug)]
pub struct LowerWords {
    words: &'static [&'static str],
    /// Per byte, the words starting with it (either case): bit `k` for
    /// `words[k]`.
    starts: [u8; 256],
}

impl LowerWords {
    /// The table for `words`.
    pub const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= 8);
        let mut starts = [0u8; 256];
        let mut k = 0;
        while k < words.len() {
            let b = words[k].as_bytes()[0];
            starts[b as usize] |= 1 << k;
            starts[b.to_ascii_uppercase() as usize] |= 1 << k;
            k += 1;
        }
        LowerWords { words, starts }
    }

    /// Which words `s.to_lowercase()` contains: bit `k` for `words[k]`.
    /// One pass over an ASCII `s`, without lowercasing it.
    pub fn in_lower(&self, s: &str) -> u8 {
        if !s.is_ascii() {
            let l = s.to_lowercase();
            return (0..self.words.len())
                .filter(|&k| l.contains(self.words[k]))
                .fold(0, |m, k| m | 1 << k);
        }
        let h = s.as_bytes();
        let mut found = 0u8;
        let mut from = 0;
        // (A tight scan to the next byte starting a word not yet found.)
        while let Some(p) = h[from..]
            .iter()
            .position(|&b| self.starts[usize::from(b)] & !found != 0)
        {
            let i = from + p;
            from = i + 1;
            let mut here = self.starts[usize::from(h[i])] & !found;
            while here != 0 {
                let k = here.trailing_zeros() as usize;
                here &= here - 1;
                let w = self.words[k].as_bytes();
                // (The second byte first: most candidates fail there.)
                if h[i..].len() >= w.len()
                    && w.get(1).is_none_or(|&c| h[i + 1].to_ascii_lowercase() == c)
                    && h[i + 1..i + w.len()].eq_ignore_ascii_case(&w[1..])
                {
                    found |= 1 << k;
                }
            }
        }
        found
    }
}

/// Number of alphabetic characters.
pub fn letter_count(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphabetic).count();
    }
    s.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_and_marks() {
        assert_eq!(label("<b>Total current assets</b>"), "Total current assets");
        assert_eq!(label("Non-GAAP<sup>\\*10</sup> income"), "Non-GAAP income");
        assert_eq!(label("### Unaudited  Statements"), "Unaudited Statements");
        assert_eq!(label("Financing income*14"), "Financing income");
        assert_eq!(compact("Net income, net-"), "netincomenet");
    }

    #[test]
    fn plain_labels_are_borrowed() {
        let raw = " Total current assets ";
        assert!(matches!(label(raw), Cow::Borrowed("Total current assets")));
        assert!(matches!(label("Cash  and cash"), Cow::Owned(_)));
        assert_eq!(plain_label(" Net revenues "), Some("Net revenues"));
        assert_eq!(plain_label("Net\trevenues"), None);
        assert_eq!(plain_label("### Unaudited"), None);
        assert_eq!(plain_label("Shareholders’ equity"), None);
        assert_eq!(letters("Total Liabilities, net"), "totalliabilitiesnet");
        for s in ["Total Liabilities, net", "Shareholders’ ÉQUITY", "İ"] {
            assert_eq!(letters_len(s), letters(s).len(), "{s}");
        }
        assert_eq!(squash("June 30,\t2024"), "june30,2024");
    }

    #[test]
    fn lowercase_tests_match_lowercasing() {
        let texts = [
            "Total revenues",
            "TOTAL",
            "Gross MARGIN",
            "Tot",
            "İncome margin",
            "Operating marg\u{130}n",
            "Net margin (\u{212a}elvin)",
            "in thousands of RMB",
            "ΣΑΣ margin",
            "",
        ];
        for t in texts {
            let l = t.to_lowercase();
            for p in ["total", "margin", "in", "thousands", "", " of ", "k"] {
                assert_eq!(lower_starts_with(t, p), l.starts_with(p), "{t} {p}");
                assert_eq!(lower_ends_with(t, p), l.ends_with(p), "{t} {p}");
                assert_eq!(lower_contains(t, p), l.contains(p), "{t} {p}");
            }
            const WORDS: LowerWords =
                LowerWords::new(&["total", "margin", "in", "thousands", " of ", "k", "ma"]);
            let each = WORDS.in_lower(t);
            for (k, p) in WORDS.words.iter().enumerate() {
                assert_eq!(each & (1 << k) != 0, l.contains(p), "{t} {p}");
            }
            for n in 0..6 {
                assert_eq!(has_n_letters(t, n), letter_count(t) >= n, "{t} {n}");
            }
            assert_eq!(has_letters(t), letter_count(t) > 0, "{t}");
        }
    }
}
