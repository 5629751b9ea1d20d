//! Where the narrative is and how it divides: heading lines, the sections
//! whose figures are read, and the sentences of a clean line.

use memchr::memchr3;

/// Whether a line holds only whitespace (`str::trim` leaves nothing), a
/// printable ASCII first byte answering at once.
fn is_blank_line(l: &str) -> bool {
    match l.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') => false,
        _ => l.trim().is_empty(),
    }
}

/// `s.trim()`, answered at once when both ends are printable ASCII.
fn trimmed(s: &str) -> &str {
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ');
    match s.as_bytes() {
        [first, .., last] if plain(first) && plain(last) => s,
        [only] if plain(only) => s,
        _ => s.trim(),
    }
}

/// Whether a source line is a heading: Markdown `#`, or a short title line
/// standing alone between blank lines without a closing full stop.
pub(crate) fn is_heading(lines: &[String], idx: usize) -> bool {
    let raw = trimmed(&lines[idx]);
    if raw.starts_with('#') {
        return true;
    }
    if raw.is_empty() || raw.starts_with('-') || raw.starts_with('<') {
        return false;
    }
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| is_blank_line(l))
    };
    if !(blank(idx.checked_sub(1)) && blank(Some(idx + 1))) {
        return false;
    }
    let text = raw.trim_matches('*').trim();
    let first_ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    first_ok
        && text.len() <= 120
        && !text.ends_with(['.', ':', ',', ';', '"', '”'])
        && !text.contains('\t')
        && !text.contains(". ")
        && text.split_whitespace().count() <= 16
}

/// Whether a heading opens a narrative section whose figures are read:
/// business or financial highlights, financial results.
///
/// The phrases are compared ASCII case-insensitively, which for them is
/// the same as searching the lower-cased heading: the only non-ASCII
/// characters whose lower case holds ASCII are KELVIN SIGN ('k', in no
/// phrase) and 'İ' ("i" then a combining dot, and no phrase ends in 'i').
pub(crate) fn is_narrative_heading(heading: &str) -> bool {
    let has = |p: &str| contains_ci(heading, p);
    has("highlights") || has("financial results") && !has("announces")
}

/// Whether `s` contains the lower-case ASCII `pat`, ASCII case-insensitively.
fn contains_ci(s: &str, pat: &str) -> bool {
    let (s, p) = (s.as_bytes(), pat.as_bytes());
    let Some(&first) = p.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), s)
        .any(|i| s[i..].len() >= p.len() && s[i..i + p.len()].eq_ignore_ascii_case(p))
}

/// The 0-based indices of the lines inside narrative sections.
pub(crate) fn narrative_lines(lines: &[String]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    for i in 0..lines.len() {
        if is_heading(lines, i) {
            inside = is_narrative_heading(&lines[i]);
            continue;
        }
        if inside && !is_blank_line(&lines[i]) {
            out.push(i);
        }
    }
    out
}

static ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "inc", "no", "co", "ltd", "corp", "vs", "u.s", "e.g", "i.e", "jr",
    "st",
];

/// Byte ranges of the sentences of a clean line.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some(k) = memchr3(b'.', b'!', b'?', &bytes[i..]) else {
            break;
        };
        i += k;
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'"' | b'\'') {
            end += 1;
        }
        let next_starts = text[end..].starts_with(' ')
            && text[end..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n == '"' || n == '“');
        if next_starts && !is_abbreviation(&text[start..i]) {
            out.push((start, end));
            start = end + 1;
            i = start;
            continue;
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.is_ascii() {
        let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic();
        return initial || ABBREV.iter().any(|a| word.eq_ignore_ascii_case(a));
    }
    let word = word.to_lowercase();
    word.len() == 1 && word.chars().all(|c| c.is_alphabetic()) || ABBREV.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_as_trim_sees_them() {
        for l in [
            "",
            "  \t",
            "\u{b}\r",
            "\u{a0} ",
            "Net revenue",
            " x",
            "\u{a0}x",
            "*",
        ] {
            assert_eq!(is_blank_line(l), l.trim().is_empty(), "{l:?}");
        }
    }

    #[test]
    fn sentences_skip_abbreviations_and_decimals() {
        let t = "Operating margin was 47.7%. Non-GAAP operating margin was 48.6%. Mr. Xu said so.";
        let s: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            vec![
                "Operating margin was 47.7%.",
                "Non-GAAP operating margin was 48.6%.",
                "Mr. Xu said so."
            ]
        );
    }
}
