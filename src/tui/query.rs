//! The last label search (`/`): what was typed, and the pattern it stands
//! for. A query is a case-insensitive regular expression ("^total.*assets",
//! "fee|commission"); text that is not a valid expression is searched for
//! literally. Compiled once, when the search is confirmed.

use regex::{Regex, RegexBuilder};

/// A confirmed label search.
#[derive(Clone, Debug, Default)]
pub struct Query {
    text: String,
    pattern: Option<Regex>,
}

impl Query {
    /// The query for `text` (empty text matches nothing).
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let pattern = (!text.is_empty()).then(|| {
            let build = |p: &str| RegexBuilder::new(p).case_insensitive(true).build();
            build(&text)
                .or_else(|_| build(&regex::escape(&text)))
                .expect("an escaped pattern compiles")
        });
        Query { text, pattern }
    }

    /// What was typed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether a search has been made.
    pub fn is_empty(&self) -> bool {
        self.pattern.is_none()
    }

    /// Whether `label` matches.
    pub fn matches(&self, label: &str) -> bool {
        self.pattern.as_ref().is_some_and(|p| p.is_match(label))
    }
}

impl From<&str> for Query {
    fn from(text: &str) -> Self {
        Query::new(text)
    }
}

impl PartialEq<&str> for Query {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::Query;

    #[test]
    fn a_query_is_a_case_insensitive_expression() {
        let q = Query::new("^total .*assets$");
        assert!(q.matches("TOTAL ASSETS") && q.matches("Total current assets"));
        assert!(!q.matches("Total liabilities"));
        assert!(Query::new("fee|commission").matches("Commission fees"));
    }

    #[test]
    fn invalid_expressions_are_searched_literally() {
        let q = Query::new("(net");
        assert!(q.matches("Income (net of tax)"));
        assert!(!q.matches("Net income"));
        assert!(!Query::new("").matches("anything"));
        assert!(Query::new("").is_empty());
    }
}
