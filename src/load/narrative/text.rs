//! Prose lines made plain: markup and footnote marks removed (the marks kept
//! with their positions). Sections and sentences: [`super::sections`].

use super::scan::{boundary_at, digit_run, ws1};
use memchr::memchr;
use std::borrow::Cow;

/// A footnote mark ("*3", "<sup>\*11</sup>", "**14") at a byte offset of the clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// The footnote number.
    pub number: u32,
    /// Byte offset in the clean text where the mark stood.
    pub at: usize,
}

/// One prose line, cleaned.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CleanLine {
    /// 1-based source line.
    pub line: usize,
    /// The text without markup, bullets and footnote marks.
    pub text: String,
    /// Footnote marks found in the text.
    pub marks: Vec<Mark>,
    /// The footnote this line defines ("3 Including ..."), if it is one.
    pub defines: Option<u32>,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Whether `s` holds an ASCII digit (figures, footnote marks and footnote
/// numbers all do).
pub(crate) fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// Cleans one source line.
pub(crate) fn clean(line_no: usize, raw: &str) -> CleanLine {
    let mut s = Cow::Borrowed(raw);
    let has = |s: &str, b: u8| memchr(b, s.as_bytes()).is_some();
    if has(&s, b'\\') {
        s = Cow::Owned(unescaped(&s));
    }
    if has(&s, b'<') && find_sup(&s, 0).is_some() {
        s = Cow::Owned(sup_marks(&s));
    }
    if has(&s, b'*') {
        s = Cow::Owned(star_marks(&s));
    }
    if has(&s, b'<') {
        s = Cow::Owned(strip_tags(&s));
    }
    // Stars left over are emphasis: blanks from here on, like tabs.
    let s = without_bullets(&s);
    let (mut text, mut marks) = pull_marks(s);
    let mut defines = None;
    if let Some(first) = marks.first().copied().filter(|m| m.at == 0) {
        defines = Some(first.number);
        marks.remove(0);
    }
    if defines.is_none()
        && let Some(number) = footnote_number(&text)
    {
        defines = number.parse().ok();
        let rest = text[number.len()..].trim_start().to_string();
        let shift = text.len() - rest.len();
        text = rest;
        for m in &mut marks {
            m.at = m.at.saturating_sub(shift);
        }
    }
    CleanLine {
        line: line_no,
        text,
        marks,
        defines,
    }
}

/// `s` with Markdown escapes "\\$" and "\\*" undone.
fn unescaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('\\') {
        out.push_str(&rest[..k]);
        match rest.as_bytes().get(k + 1) {
            Some(&b @ (b'$' | b'*')) => {
                out.push(char::from(b));
                rest = &rest[k + 2..];
            }
            _ => {
                out.push('\\');
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `c` counts as a space in prose: whitespace or a leftover `*`.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '*'
}

/// The byte offset of the first "<sup>" of `s` at or after `from`, found by
/// its '<' (no substring searcher is built per line).
fn find_sup(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    memchr::memchr_iter(b'<', &bytes[from..])
        .map(|k| from + k)
        .find(|&at| bytes[at..].starts_with(b"<sup>"))
}

/// `s` with each footnote mark "<sup>\*3</sup>" turned into the sentinels
/// around its number.
fn sup_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut last, mut from) = (0, 0);
    while let Some(at) = find_sup(s, from) {
        let body = &s[at + "<sup>".len()..];
        match sup_number(body) {
            Some((digits, len)) => {
                push_mark(&mut out, &s[last..at], digits);
                last = at + "<sup>".len() + len;
                from = last;
            }
            None => from = at + 1,
        }
    }
    out.push_str(&s[last..]);
    out
}

/// The number of a `<sup>` mark whose body starts `r` ("\*3</sup>") and the
/// byte length up to the end of "</sup>".
fn sup_number(r: &str) -> Option<(&str, usize)> {
    let t = r.trim_start();
    let t = t.strip_prefix('\\').unwrap_or(t);
    let t = t.strip_prefix('*').unwrap_or(t);
    let (digits, t) = digit_run(t.trim_start());
    if !(1..=2).contains(&digits.len()) {
        return None;
    }
    let t = t.trim_start().strip_prefix("</sup>")?;
    Some((digits, r.len() - t.len()))
}

/// `s` with each plain-text mark ("income**14", "consumers*1") turned into
/// the sentinels around its number, the word before it kept.
fn star_marks(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len() + 8);
    let (mut last, mut from) = (0, 0);
    while let Some(at) = memchr(b'*', &bytes[from..]).map(|k| from + k) {
        let before = match bytes[..at] {
            [.., b'A'..=b'Z' | b'a'..=b'z' | b')' | b'"' | b']'] => 1,
            _ if s[..at].ends_with('”') => '”'.len_utf8(),
            _ => 0,
        };
        let run = bytes[at..].iter().take_while(|&&b| b == b'*').count();
        if before > 0
            && at - before >= last
            && let Some((stars, digits)) = star_number(&s[at..])
        {
            push_mark(&mut out, &s[last..at], digits);
            last = at + stars + digits.len();
        }
        from = at + run;
    }
    out.push_str(&s[last..]);
    out
}

/// One or two stars and a one- or two-digit number ending a word, at the
/// start of `r`: the star count and the digits.
fn star_number(r: &str) -> Option<(usize, &str)> {
    let stars = r.bytes().take_while(|&b| b == b'*').count();
    let (digits, rest) = digit_run(&r[stars..]);
    let ok = (1..=2).contains(&stars) && (1..=2).contains(&digits.len()) && boundary_at(rest);
    ok.then_some((stars, digits))
}

/// Appends `text` then the sentinel-wrapped mark number.
fn push_mark(out: &mut String, text: &str, digits: &str) {
    out.push_str(text);
    out.push(OPEN);
    out.push_str(digits);
    out.push(CLOSE);
}

/// `s` without HTML tags ("<br>", "</span>").
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut last, mut from) = (0, 0);
    while let Some(at) = memchr(b'<', &s.as_bytes()[from..]).map(|k| from + k) {
        let r = &s[at + 1..];
        let name = r.strip_prefix('/').unwrap_or(r);
        let close = name
            .starts_with(|c: char| c.is_ascii_alphabetic())
            .then(|| memchr(b'>', &name.as_bytes()[1..]))
            .flatten();
        match close {
            Some(gt) => {
                out.push_str(&s[last..at]);
                last = s.len() - name.len() + 1 + gt + 1;
                from = last;
            }
            None => from = at + 1,
        }
    }
    out.push_str(&s[last..]);
    out
}

/// `s` without a leading run of bullets ("- ", "• ") and the spaces around them.
fn without_bullets(s: &str) -> &str {
    let bullet = |c: char| matches!(c, '-' | '•' | '·');
    if s.trim_start_matches(is_blank).starts_with(bullet) {
        s.trim_start_matches(|c: char| is_blank(c) || bullet(c))
    } else {
        s
    }
}

/// Bytes [`pull_marks`] looks at: controls, space, `*` and non-ASCII.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i <= 0x20 || i == 0x2A || i >= 0x7F;
        i += 1;
    }
    t
};

/// Whether [`pull_marks`] keeps `block` as it is: printable ASCII other
/// than `*`, and spaces none of which follows a space (`prev_space`: the
/// byte before the block is a blank, or the text starts there). Tested a
/// word of eight bytes at a time.
fn plain_block(block: &[u8; 16], prev_space: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // The high bit of each byte of `x` equal to `c`, exactly (no borrows
    // cross bytes).
    let equal = |x: u64, c: u8| {
        let t = x ^ (ONES * u64::from(c));
        !(((t & LOW) + LOW) | t) & HIGH
    };
    let (lo, hi) = block.split_at(8);
    let mut prev = u64::from(prev_space) << 63;
    for half in [lo, hi] {
        let x = u64::from_le_bytes(half.try_into().expect("eight bytes"));
        // Any byte below 0x20, or with the high bit set.
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let odd = control | (x & HIGH) | equal(x, 0x7f) | equal(x, b'*');
        let space = equal(x, b' ');
        // A space right after a space (the first after the byte before).
        let pairs = space & ((space << 8) | (prev >> 56));
        if odd | pairs != 0 {
            return false;
        }
        prev = space;
    }
    true
}

/// The text without the mark sentinels and with runs of blanks made one
/// space (trimmed), and the marks at their offsets in that text.
fn pull_marks(s: &str) -> (String, Vec<Mark>) {
    let bytes = s.as_bytes();
    let mut text = String::with_capacity(s.len());
    let mut marks = Vec::new();
    let mut prev_space = true;
    // Bytes from `copied` to `i` are plain characters still to be copied.
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        // A block of printable ASCII and single spaces stays as it is.
        if let Some(block) = bytes[i..].first_chunk::<16>()
            && plain_block(block, prev_space)
        {
            prev_space = block[15] == b' ';
            i += 16;
            continue;
        }
        let b = bytes[i];
        // Printable ASCII other than blanks stays as it is.
        if !SPECIAL[usize::from(b)] {
            prev_space = false;
            i += 1;
            continue;
        }
        // So does a single space after a word.
        if b == b' ' && !prev_space {
            prev_space = true;
            i += 1;
            continue;
        }
        if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'*') {
            prev_space = false;
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let plain = c != OPEN && !is_blank(c);
        if plain {
            prev_space = false;
            i += c.len_utf8();
            continue;
        }
        text.push_str(&s[copied..i]);
        i += c.len_utf8();
        if c == OPEN {
            let rest = &s[i..];
            let end = rest.find(CLOSE).unwrap_or(rest.len());
            if let Ok(number) = rest[..end].parse() {
                marks.push(Mark {
                    number,
                    at: text.len(),
                });
            }
            i += end
                + if end < rest.len() {
                    CLOSE.len_utf8()
                } else {
                    0
                };
        } else {
            if !prev_space {
                text.push(' ');
            }
            prev_space = true;
        }
        copied = i;
    }
    if copied < bytes.len() {
        text.push_str(&s[copied..]);
    }
    text.truncate(text.trim_end().len());
    for m in &mut marks {
        m.at = m.at.min(text.len());
    }
    (text, marks)
}

/// The number opening a footnote definition ("3 Including ...", "11 \"Cash"):
/// one or two digits, whitespace, a capital or an opening quote.
fn footnote_number(text: &str) -> Option<&str> {
    let (digits, rest) = digit_run(text);
    let opens = ws1(rest)?.starts_with(|c: char| c == '"' || c == '“' || c.is_ascii_uppercase());
    ((1..=2).contains(&digits.len()) && opens).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_marks_are_removed_and_kept() {
        let c = clean(
            13,
            r"- As of March 31, 2024, our platform has connected 241.4 million consumers<sup>\*1</sup> with needs.",
        );
        assert_eq!(
            c.text,
            "As of March 31, 2024, our platform has connected 241.4 million consumers with needs."
        );
        assert_eq!(c.marks.len(), 1);
        assert_eq!(c.marks[0].number, 1);
        assert_eq!(
            &c.text[..c.marks[0].at],
            "As of March 31, 2024, our platform has connected 241.4 million consumers"
        );
    }

    #[test]
    fn plain_text_marks_and_italics() {
        let c = clean(
            101,
            "*Financing income**14 was RMB1,690.1 million (US\\$232.6 million)",
        );
        assert_eq!(
            c.text,
            "Financing income was RMB1,690.1 million (US$232.6 million)"
        );
        assert_eq!(c.marks[0].number, 14);
        let d = clean(55, "- 3 Including 3,587,251 loans across \"V-pocket\"");
        assert_eq!(d.defines, Some(3));
        assert_eq!(d.text, "Including 3,587,251 loans across \"V-pocket\"");
        let e = clean(69, "<sup>11</sup> Including \"Cash and cash equivalents\"");
        assert_eq!(e.defines, Some(11));
        assert_eq!(e.text, "Including \"Cash and cash equivalents\"");
    }

    #[test]
    fn plain_blocks_are_kept_whole() {
        let (text, marks) = pull_marks("Total net revenue was RMB4,160.1 million, up 12.2%.  Next");
        assert_eq!(
            text,
            "Total net revenue was RMB4,160.1 million, up 12.2%. Next"
        );
        assert!(marks.is_empty());
        let (text, _) = pull_marks("  leading spaces and a tail of words to skip  ");
        assert_eq!(text, "leading spaces and a tail of words to skip");
        assert!(plain_block(b"a plain block ok", false));
        assert!(!plain_block(b" a plain block o", true));
        assert!(!plain_block(b"two  spaces here", false));
        assert!(!plain_block(b"a star * in here", false));
        assert!(!plain_block(b"a tab\tin here ok", false));
        // Against a byte-by-byte reading, over blocks drawn from bytes at
        // the edges of each test.
        let alphabet = [
            b' ', b'a', b'*', 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xe2, b'\t', b'Z',
        ];
        let mut seed = 12345u64;
        for _ in 0..20_000 {
            let mut block = [0u8; 16];
            for b in &mut block {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *b = alphabet[(seed >> 33) as usize % alphabet.len()];
            }
            for prev_space in [false, true] {
                let mut prev = prev_space;
                let slow = block.iter().all(|&b| {
                    let ok = !SPECIAL[usize::from(b)] || (b == b' ' && !prev);
                    prev = b == b' ';
                    ok
                });
                assert_eq!(
                    plain_block(&block, prev_space),
                    slow,
                    "{block:?} {prev_space}"
                );
            }
        }
    }
}
