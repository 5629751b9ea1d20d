//! The subject a figure is about, read from the words before it ("Total net
//! revenue was ...") or after it ("159 financial institutional partners").

use super::scan::{self, ends_with_word_ci, strip_any_ci, strip_ci, ws1};

/// Linking verbs that may end the text before a figure ("was", "reached").
const VERBS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "reached",
    "totaled",
    "totalled",
    "amounted to",
    "stood at",
];
/// Hedges between a verb and its figure ("was approximately").
const HEDGES: &[&str] = &[
    "approximately",
    "about",
    "around",
    "nearly",
    "over",
    "roughly",
];
/// The prepositions of a qualifier ("for ICE", "under capital-light model").
const QUALIFIER_PREPS: &[&str] = &["across", "for", "through", "under"];
/// The prepositions after "was" when the figure comes first.
const SUBJECT_FIRST_PREPS: &[&str] = &["under", "through", "for"];
/// Words that end a qualifier ("for ICE and ...", "under X in the ...").
const QUALIFIER_ENDS: &[&str] = &["and", "of which", "in the", "as of", "an", "a"];

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
    let start = ends_hedged(pre, |t| VERBS.iter().find_map(|v| ends_with_word_ci(t, v)))?;
    subject_in(&pre[..start])
}

/// Whether the figure is the object of a verb ("originated 17,524,872 loans").
pub(crate) fn takes_object(pre: &str) -> bool {
    ends_hedged(pre, object_word).is_some()
}

/// `found` applied to `pre` without trailing whitespace, or to what comes
/// before a trailing hedge ("approximately") and the whitespace before it.
fn ends_hedged(pre: &str, found: impl Fn(&str) -> Option<usize>) -> Option<usize> {
    let t = pre.trim_end();
    let hedged = || {
        HEDGES.iter().find_map(|h| {
            let before = t.len().checked_sub(h.len())?;
            if !t.as_bytes()[before..].eq_ignore_ascii_case(h.as_bytes()) {
                return None;
            }
            let u = &t[..before];
            let v = u.trim_end();
            (v.len() < u.len()).then_some(v)
        })
    };
    found(t).or_else(|| hedged().and_then(&found))
}

/// If `t` ends with a verb taking an object (a word ending in "ed",
/// "including", "and"), the byte offset where it starts.
fn object_word(t: &str) -> Option<usize> {
    let n = t.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let start = t.len() - n;
    let w = &t[start..];
    let verb = n >= 3 && w.as_bytes()[n - 2..].eq_ignore_ascii_case(b"ed")
        || w.eq_ignore_ascii_case("including")
        || w.eq_ignore_ascii_case("and");
    (verb && scan::boundary_before(t, start)).then_some(start)
}

/// The subject in `head`: its last comma segment (joined with the one before
/// when it starts "including ..."), without leading connectors or a
/// trailing time phrase.
pub(crate) fn subject_in(head: &str) -> Option<(usize, String)> {
    let trimmed_len = head.trim_end().len();
    let head = &head[..trimmed_len];
    let mut starts: Vec<usize> = vec![0];
    let bytes = head.as_bytes();
    starts.extend(
        memchr::memchr_iter(b',', bytes)
            .filter(|&i| bytes.get(i + 1) == Some(&b' '))
            .map(|i| i + 2),
    );
    let mut k = starts.len() - 1;
    while k > 0 {
        let seg = &head[starts[k]..];
        let prev = &head[starts[k - 1]..starts[k] - 2];
        let list = strip_ci(seg, "and ").is_none() && is_list_item(prev);
        if strip_any_ci(seg, JOINERS).is_some() || list {
            k -= 1;
        } else {
            break;
        }
    }
    let mut off = starts[k];
    loop {
        let rest = head[off..].trim_start_matches([' ', '"', '“', '”']);
        off = head.len() - rest.len();
        match LEADING.iter().find(|p| strip_ci(rest, p).is_some()) {
            Some(p) => off += p.len(),
            None => break,
        }
    }
    let text = without_time_suffix(&head[off..]);
    let text = text
        .trim()
        .trim_matches(|c: char| c == '"' || c == '“' || c == '”');
    if text.is_empty() || !text.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((off, unquoted(text)))
}

/// `s` without its straight and curly double quotes.
fn unquoted(s: &str) -> String {
    if s.is_ascii() && memchr::memchr(b'"', s.as_bytes()).is_none() {
        return s.to_string();
    }
    s.replace(['"', '“', '”'], "")
}

/// Whether a comma segment before the subject is an item of a label that
/// holds commas ("Facilitation, origination and servicing") rather than an
/// introductory phrase ("As of March 31", "Among key leading indicators").
fn is_list_item(seg: &str) -> bool {
    let words: Vec<&str> = seg.split_whitespace().collect();
    let intro = words
        .first()
        .is_some_and(|w| INTRO.iter().any(|i| w.eq_ignore_ascii_case(i)));
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
        && !intro
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

/// `s` without a trailing time phrase ("in the second quarter of 2024",
/// "as of March 31, 2024", "during the period") and the space before it.
fn without_time_suffix(s: &str) -> &str {
    if s.is_ascii() {
        return without_time_suffix_ascii(s);
    }
    let mut i = 0;
    while let Some(k) = s[i..].find(char::is_whitespace) {
        let run = i + k;
        let rest = s[run..].trim_start();
        if rest.is_empty() {
            break;
        }
        if is_time_phrase(rest) {
            return &s[..run];
        }
        i = s.len() - rest.len();
    }
    s
}

/// [`without_time_suffix`] for ASCII `s`, byte by byte.
fn without_time_suffix_ascii(s: &str) -> &str {
    let b = s.as_bytes();
    let is_space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(is_space) {
        let run = i + k;
        let rest = run + b[run..].iter().take_while(|c| is_space(c)).count();
        if rest == b.len() {
            break;
        }
        if is_time_phrase(&s[rest..]) {
            return &s[..run];
        }
        i = rest;
    }
    s
}

/// Whether the whole of `s` is a time phrase (any case).
fn is_time_phrase(s: &str) -> bool {
    if !matches!(
        s.as_bytes().first(),
        Some(b'i' | b'I' | b'f' | b'F' | b'd' | b'D' | b'a' | b'A')
    ) {
        return false;
    }
    let quarter = strip_any_ci(s, &["in the ", "for the ", "during the "])
        .and_then(|r| strip_any_ci(r, &["first ", "second ", "third ", "fourth "]))
        .and_then(scan::quarter_word)
        .is_some_and(|r| {
            r.is_empty()
                || strip_ci(r, " of ")
                    .and_then(|y| scan::digits_n(y, 4))
                    .is_some_and(|(_, rest)| rest.is_empty())
        });
    let date = strip_ci(s, "as of ").is_some_and(|r| scan::loose_date_len(r) == Some(r.len()));
    let period = strip_ci(s, "during the ")
        .and_then(|r| strip_any_ci(r, &["quarter", "period"]))
        .is_some_and(str::is_empty);
    quarter || date || period
}

/// A preposition of `preps` opening `s`, whitespace, and the text up to the
/// next comma, full stop or semicolon: the preposition and that text.
fn prep_phrase<'a>(s: &'a str, preps: &[&'a str]) -> Option<(&'a str, &'a str)> {
    preps.iter().find_map(|&p| {
        let r = s.strip_prefix(p)?;
        let after = ws1(r)?;
        let n = after.find([',', '.', ';']).unwrap_or(after.len());
        if n > 0 {
            return Some((p, &after[..n]));
        }
        // Only whitespace before the stop: the last whitespace character.
        let spaces = &r[..r.len() - after.len()];
        let last = spaces.chars().next_back()?;
        (spaces.len() > last.len_utf8()).then(|| (p, &spaces[spaces.len() - last.len_utf8()..]))
    })
}

/// `x` up to the first word that ends a qualifier ("and", "in the", ...).
fn cut_qualifier(x: &str) -> &str {
    let mut i = 0;
    while let Some(k) = x[i..].find(char::is_whitespace) {
        let run = i + k;
        let rest = x[run..].trim_start();
        let ends = QUALIFIER_ENDS.iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|r| r.chars().next().is_none_or(char::is_whitespace))
        });
        if ends {
            return &x[..run];
        }
        if rest.is_empty() {
            break;
        }
        i = x.len() - rest.len();
    }
    x
}

/// A qualifier right after a figure or noun ("for "ICE"", "across other products"),
/// not one that merely says where ("through our platform").
pub(crate) fn qualifier(post: &str) -> Option<String> {
    let (prep, x) = prep_phrase(post.trim_start(), QUALIFIER_PREPS)?;
    let x = cut_qualifier(x).trim();
    let x = unquoted(x);
    if x.is_empty() || strip_any_ci(&x, &["our ", "the ", "approximately"]).is_some() {
        return None;
    }
    Some(format!("{prep} {}", x.trim()))
}

/// "RMB60,506 million was under capital-light model": the noun of
/// "of such X" (if given) and the qualifier ("under capital-light model").
pub(crate) fn subject_first(post: &str) -> Option<(Option<String>, String)> {
    let (noun, prep, x) = subject_first_parts(post.trim_start())?;
    let x = cut_qualifier(x).trim();
    let x = unquoted(x);
    if x.is_empty() {
        return None;
    }
    Some((noun.map(str::to_string), format!("{prep} {x}")))
}

/// "[of such <noun>] was|were under|through|for <text>" opening `s`: the
/// noun (the shortest that lets the rest match), the preposition, the text.
fn subject_first_parts(s: &str) -> Option<(Option<&str>, &str, &str)> {
    if let Some(after) = s.strip_prefix("of such ")
        && after.starts_with(|c: char| c.is_ascii_lowercase())
    {
        let max = after
            .bytes()
            .take_while(|&b| b.is_ascii_lowercase() || b == b' ' || b == b'-')
            .count();
        for n in 1..=max {
            if let Some((prep, x)) = ws1(&after[n..]).and_then(verb_then_prep) {
                return Some((Some(&after[..n]), prep, x));
            }
        }
    }
    verb_then_prep(s).map(|(prep, x)| (None, prep, x))
}

/// "was|were under|through|for <text>" opening `s`.
fn verb_then_prep(s: &str) -> Option<(&str, &str)> {
    let r = s.strip_prefix("was").or_else(|| s.strip_prefix("were"))?;
    prep_phrase(ws1(r)?, SUBJECT_FIRST_PREPS)
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
    fn time_suffixes_are_cut() {
        for (s, cut) in [
            (
                "total net revenue in the second quarter of 2024",
                "total net revenue",
            ),
            ("loan balance as of March 31, 2024", "loan balance"),
            ("net income  during the period", "net income"),
            (
                "total net revenue\u{a0}in the second quarter",
                "total net revenue",
            ),
            ("revenue in the same period", "revenue in the same period"),
            ("income ", "income "),
        ] {
            assert_eq!(without_time_suffix(s), cut, "{s:?}");
        }
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
