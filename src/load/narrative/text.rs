//! Prose lines made plain: markup and footnote marks removed (the marks kept
//! with their positions), the narrative sections found, sentences split.

use regex::Regex;
use std::sync::LazyLock;

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

static SUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<sup>\s*\\?\*?\s*(\d{1,2})\s*</sup>").expect("sup regex"));
static STAR_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([A-Za-z)"”\]])\*{1,2}(\d{1,2})\b"#).expect("star mark regex"));
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]*>").expect("tag"));
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-•·]\s*)+").expect("bullet regex"));
static FOOTNOTE_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^(\d{1,2})\s+["“A-Z]"#).expect("footnote regex"));

/// Cleans one source line.
pub(crate) fn clean(line_no: usize, raw: &str) -> CleanLine {
    let s = raw.replace("\\$", "$").replace("\\*", "*");
    let s = SUP.replace_all(&s, |c: &regex::Captures| format!("{OPEN}{}{CLOSE}", &c[1]));
    let s = STAR_MARK.replace_all(&s, |c: &regex::Captures| {
        format!("{}{OPEN}{}{CLOSE}", &c[1], &c[2])
    });
    let s = TAG.replace_all(&s, "");
    let s = s.replace(['*', '\u{a0}'], " ");
    let s = s.replace('\t', " ");
    let s = BULLET.replace(&s, "");
    // Pull the sentinels out, remembering where they stood.
    let mut text = String::with_capacity(s.len());
    let mut marks = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == OPEN {
            let mut digits = String::new();
            for d in chars.by_ref() {
                if d == CLOSE {
                    break;
                }
                digits.push(d);
            }
            if let Ok(number) = digits.parse() {
                marks.push(Mark {
                    number,
                    at: text.len(),
                });
            }
        } else {
            text.push(c);
        }
    }
    // Collapse runs of spaces, shifting the marks along.
    let (text, marks) = collapse_spaces(&text, marks);
    let mut defines = None;
    let mut marks = marks;
    if let Some(first) = marks.first().copied().filter(|m| m.at == 0) {
        defines = Some(first.number);
        marks.remove(0);
    }
    let mut text = text;
    if defines.is_none()
        && let Some(c) = FOOTNOTE_DEF.captures(&text)
    {
        defines = c[1].parse().ok();
        let cut = c.get(1).expect("group").end();
        let rest = text[cut..].trim_start().to_string();
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

fn collapse_spaces(text: &str, marks: Vec<Mark>) -> (String, Vec<Mark>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        while map.len() <= i {
            map.push(out.len());
        }
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(c);
            prev_space = false;
        }
    }
    while map.len() <= text.len() {
        map.push(out.len());
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let marks = marks
        .into_iter()
        .map(|m| Mark {
            number: m.number,
            at: map[m.at].min(out.len()),
        })
        .collect();
    (out, marks)
}

/// Whether a source line is a heading: Markdown `#`, or a short title line
/// standing alone between blank lines without a closing full stop.
pub(crate) fn is_heading(lines: &[String], idx: usize) -> bool {
    let raw = lines[idx].trim();
    if raw.starts_with('#') {
        return true;
    }
    if raw.is_empty() || raw.starts_with('-') || raw.starts_with('<') {
        return false;
    }
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    let text = raw.trim_matches('*').trim();
    let first_ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    first_ok
        && text.len() <= 120
        && text.split_whitespace().count() <= 16
        && !text.ends_with(['.', ':', ',', ';', '"', '”'])
        && !text.contains(". ")
        && !text.contains('\t')
        && blank(idx.checked_sub(1))
        && blank(Some(idx + 1))
}

/// Whether a heading opens a narrative section whose figures are read:
/// business or financial highlights, financial results.
pub(crate) fn is_narrative_heading(heading: &str) -> bool {
    let h = heading.to_lowercase();
    h.contains("highlights") || h.contains("financial results") && !h.contains("announces")
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
        if inside && !lines[i].trim().is_empty() {
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
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
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
        .unwrap_or("")
        .to_lowercase();
    word.len() == 1 && word.chars().all(|c| c.is_alphabetic()) || ABBREV.contains(&word.as_str())
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
