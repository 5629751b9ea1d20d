//! Label cleaning: Markdown and HTML markup, footnote marks, stray spaces.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// `<sup>…</sup>` elements (footnote marks) with their content.
static SUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<sup>.*?</sup>").expect("valid regex"));
/// Any remaining HTML tag.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]{0,40}>").expect("valid regex"));
/// Footnote marks printed as "*14" or "\*3".
static STAR_NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\\?\*\d+").expect("valid regex"));
/// Runs of whitespace.
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").expect("valid regex"));

/// Whether the raw text was marked bold (`<b>` or `**`).
pub fn is_bold(raw: &str) -> bool {
    let t = raw.trim();
    t.starts_with("<b>") || t.starts_with("**")
}

/// Cleans a printed label: markup, footnote marks, heading marks, escapes and
/// stray spaces removed.
pub fn label(raw: &str) -> String {
    // Each pass runs only when its markup can be present (labels are
    // cleaned once per table line: no regex or copy on plain text).
    let mut s = Cow::Borrowed(raw);
    if s.contains('<') {
        s = Cow::Owned(SUP.replace_all(&s, "").into_owned());
        s = Cow::Owned(TAG.replace_all(&s, "").into_owned());
    }
    if s.contains('*') {
        s = Cow::Owned(STAR_NOTE.replace_all(&s, "").into_owned());
    }
    if s.contains(['*', '\\']) {
        s = Cow::Owned(s.replace("**", "").replace("\\$", "$").replace("\\*", "*"));
    }
    let t = s.trim().trim_start_matches('#').trim();
    let plain_spaces = {
        let mut prev_space = false;
        t.chars().all(|c| {
            let ok = c == ' ' && !prev_space || !c.is_whitespace();
            prev_space = c.is_whitespace();
            ok
        })
    };
    if plain_spaces {
        t.to_string()
    } else {
        SPACES.replace_all(t, " ").into_owned()
    }
}

/// Letters and digits only, lowercased: the form labels are compared in.
pub fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Letters only, lowercased.
pub fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lowercased text with all whitespace removed (keeps punctuation and digits):
/// the form headers broken by tabs are recognized in.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Number of alphabetic characters.
pub fn letter_count(s: &str) -> usize {
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
}
