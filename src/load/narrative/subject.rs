//! The subject a figure is about, read from the words before it ("Total net
//! revenue was ...") or after it ("159 financial institutional partners").

use regex::Regex;
use std::sync::LazyLock;

/// "was", "were", "reached" (and "approximately") ending the text before a figure.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|is|are|reached|totaled|totalled|amounted to|stood at)(?:\s+(?:approximately|about|around|nearly|over|roughly))?\s*$")
        .expect("verb regex")
});
/// A verb that takes the figure as its object ("connected 159 ...").
static OBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b[a-z]+ed|\bincluding|\band)(?:\s+(?:approximately|about|around|nearly|over|roughly))?\s*$")
        .expect("object verb regex")
});
/// "[of such loan balance] was under capital-light model".
static SUBJECT_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:of such ([a-z][a-z \-]*?)\s+)?(?:was|were)\s+(under|through|for)\s+([^,.;]+)",
    )
    .expect("subject-first regex")
});
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(across|for|through|under)\s+([^,.;]+)").expect("qualifier regex")
});
static QUALIFIER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:and|of which|in the|as of|an|a)(?:\s|$)").expect("qualifier end regex")
});
static TIME_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:(?:in|for|during) the (?:first|second|third|fourth) [gq]uarter(?: of \d{4})?|as of [A-Z][a-z]+ \d{1,2},? \d{4}|during the (?:quarter|period))$")
        .expect("time suffix regex")
});

const LEADING: &[&str] = &[
    "and ", "while ", "whereas ", "but ", "our ", "its ", "the ", "which ", "that ",
];
const JOINERS: &[&str] = &["including", "excluding", "net of", "which", "that"];
const FIRST_STOP: &[&str] = &[
    "in",
    "as",
    "at",
    "for",
    "and",
    "to",
    "compared",
    "an",
    "a",
    "on",
    "of",
    "which",
    "was",
    "were",
    "is",
    "are",
    "representing",
    "cumulatively",
    "per",
    "or",
    "than",
    "from",
    "the",
    "by",
    "with",
    "through",
    "across",
    "since",
    "during",
    "between",
    "respectively",
    "each",
    "under",
];
const LATER_STOP: &[&str] = &[
    "with", "through", "across", "in", "as", "at", "for", "and", "to", "compared", "on", "which",
    "was", "were", "is", "are", "during", "since", "by", "that", "under", "of", "a", "an",
];

/// If `pre` ends with a linking verb, the subject before it: its byte offset
/// in `pre` and its text.
pub(crate) fn before_verb(pre: &str) -> Option<(usize, String)> {
    let m = VERB.find(pre)?;
    let head = &pre[..m.start()];
    subject_in(head)
}

/// Whether the figure is the object of a verb ("originated 17,524,872 loans").
pub(crate) fn takes_object(pre: &str) -> bool {
    OBJECT_VERB.is_match(pre)
}

/// The subject in `head`: its last comma segment (joined with the one before
/// when it starts "including ..."), without leading connectors or a
/// trailing time phrase.
pub(crate) fn subject_in(head: &str) -> Option<(usize, String)> {
    let trimmed_len = head.trim_end().len();
    let head = &head[..trimmed_len];
    let mut starts: Vec<usize> = vec![0];
    starts.extend(head.match_indices(", ").map(|(i, _)| i + 2));
    let mut k = starts.len() - 1;
    while k > 0 {
        let seg = head[starts[k]..].to_lowercase();
        let prev = &head[starts[k - 1]..starts[k] - 2];
        let list = !seg.starts_with("and ") && is_list_item(prev);
        if JOINERS.iter().any(|j| seg.starts_with(j)) || list {
            k -= 1;
        } else {
            break;
        }
    }
    let mut off = starts[k];
    loop {
        let rest = head[off..].trim_start_matches([' ', '"', '“', '”']);
        off = head.len() - rest.len();
        let lower = rest.to_lowercase();
        match LEADING.iter().find(|p| lower.starts_with(*p)) {
            Some(p) => off += p.len(),
            None => break,
        }
    }
    let text = TIME_SUFFIX.replace(&head[off..], "");
    let text = text
        .trim()
        .trim_matches(|c: char| c == '"' || c == '“' || c == '”');
    if text.is_empty() || !text.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((off, text.replace(['"', '“', '”'], "")))
}

/// Whether a comma segment before the subject is an item of a label that
/// holds commas ("Facilitation, origination and servicing") rather than an
/// introductory phrase ("As of March 31", "Among key leading indicators").
fn is_list_item(seg: &str) -> bool {
    let words: Vec<&str> = seg.split_whitespace().collect();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let capitalized = seg
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    capitalized
        && words.len() <= 3
        && !seg
            .chars()
            .any(|c| c.is_ascii_digit() || c == '"' || c == '“')
        && !INTRO.contains(&first.as_str())
}

const INTRO: &[&str] = &[
    "as",
    "at",
    "in",
    "during",
    "among",
    "out",
    "for",
    "on",
    "since",
    "with",
    "after",
    "before",
    "under",
    "over",
    "compared",
    "meanwhile",
    "however",
    "recently",
    "additionally",
    "also",
    "by",
    "from",
    "to",
    "of",
    "and",
    "but",
    "while",
    "we",
    "our",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "mr.",
    "ms.",
    "yet",
    "still",
    "further",
    "moreover",
    "overall",
    "today",
];

/// The noun phrase right after a figure ("financial institutional partners",
/// "cash from operations"), and the byte length it spans in `post`.
pub(crate) fn noun_after(post: &str) -> Option<(String, usize)> {
    if !post.starts_with(' ') {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut end = 0;
    let mut pos = 0;
    for w in post.split(' ') {
        let start = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let bare = w.trim_end_matches([',', '.', ';', ')']);
        let ok_word = !bare.is_empty()
            && (bare.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                || bare == "ADS"
                || bare == "ADSs");
        let stop = if words.is_empty() {
            FIRST_STOP.contains(&bare)
        } else {
            LATER_STOP.contains(&bare)
        };
        if !ok_word || stop {
            break;
        }
        words.push(bare);
        end = start + bare.len();
        if bare.len() != w.len() {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    Some((words.join(" "), end))
}

/// A qualifier right after a figure or noun ("for "ICE"", "across other products"),
/// not one that merely says where ("through our platform").
pub(crate) fn qualifier(post: &str) -> Option<String> {
    let c = QUALIFIER.captures(post)?;
    let x = c[2].to_string();
    let x = QUALIFIER_END.split(&x).next().unwrap_or("").trim();
    let x = x.replace(['"', '“', '”'], "");
    let lower = x.to_lowercase();
    if x.is_empty()
        || lower.starts_with("our ")
        || lower.starts_with("the ")
        || lower.starts_with("approximately")
    {
        return None;
    }
    Some(format!("{} {}", &c[1], x.trim()))
}

/// "RMB60,506 million was under capital-light model": the noun of
/// "of such X" (if given) and the qualifier ("under capital-light model").
pub(crate) fn subject_first(post: &str) -> Option<(Option<String>, String)> {
    let c = SUBJECT_FIRST.captures(post)?;
    let x = c[3].to_string();
    let x = QUALIFIER_END.split(&x).next().unwrap_or("").trim();
    let x = x.replace(['"', '“', '”'], "");
    if x.is_empty() {
        return None;
    }
    Some((
        c.get(1).map(|m| m.as_str().to_string()),
        format!("{} {}", &c[2], x),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_before_verbs() {
        let s = |t: &str| before_verb(t).map(|(_, s)| s);
        assert_eq!(
            s("Cumulative borrowers with successful drawdown, including repeat borrowers was "),
            Some(
                "Cumulative borrowers with successful drawdown, including repeat borrowers".into()
            )
        );
        assert_eq!(
            s(
                "At the end of the second quarter, our total cash and cash equivalent was approximately "
            ),
            Some("total cash and cash equivalent".into())
        );
        assert_eq!(
            s(" in the first quarter, and 30-day collection rate was "),
            Some("30-day collection rate".into())
        );
        assert_eq!(
            s(
                "The weighted average contractual tenor of loans across our platform in the second quarter of 2024 was approximately "
            ),
            Some("weighted average contractual tenor of loans across our platform".into())
        );
        assert_eq!(s("compared to "), None);
        assert_eq!(
            s("Facilitation, origination and servicing expenses were "),
            Some("Facilitation, origination and servicing expenses".into())
        );
        assert_eq!(
            s("As of March 31, 2024, outstanding loan balance was "),
            Some("outstanding loan balance".into())
        );
    }

    #[test]
    fn nouns_and_qualifiers() {
        assert_eq!(
            noun_after(" financial institutional partners and "),
            Some(("financial institutional partners".into(), 33))
        );
        assert_eq!(
            noun_after(" cash from operations, and total").map(|n| n.0),
            Some("cash from operations".into())
        );
        assert_eq!(noun_after(" in the same period"), None);
        assert_eq!(qualifier(" for \"ICE\" and "), Some("for ICE".into()));
        assert_eq!(qualifier(" through our platform."), None);
        assert_eq!(
            subject_first(" of such loan balance was under capital-light model, \"ICE\""),
            Some((
                Some("loan balance".into()),
                "under capital-light model".into()
            ))
        );
        assert!(takes_object("our platform has connected "));
        assert!(takes_object("we generated approximately "));
        assert!(!takes_object("the 12-month, "));
    }
}
