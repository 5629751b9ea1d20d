//! Which period a figure speaks of, read from the words around it
//! ("in the same period of 2023", "in the prior quarter", "as of June 30, 2024").

use crate::load::meta::{DATE, parse_date};
use crate::model::{FactPeriod, Quarter};
use regex::Regex;
use std::sync::LazyLock;

/// What a period phrase says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hint {
    /// A definite period.
    Is(FactPeriod),
    /// "a year ago": an instant or a duration, as the figure it compares with.
    YearAgo,
    /// A period the model has no name for (another date): not a fact.
    Other,
}

static SAME_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:in|for|during) the (?:same (?:period|quarter)|corresponding (?:period|quarter))(?: of (\d{4})| (?:of )?last year)").expect("regex")
});
static PRIOR_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:in|for|during) the (?:prior|previous|preceding|last|sequential) [gq]uarter")
        .expect("regex")
});
static YEAR_AGO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:a|one) year (?:ago|earlier)").expect("regex"));
static AS_OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^as (?:of|at) ").expect("regex"));
static NAMED_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:in|for|during) the (first|second|third|fourth) [gq]uarter(?: of (\d{4}))?")
        .expect("regex")
});
static QUARTER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^at (?:the )?(?:quarter ending|quarter end|end of the (?:\w+ )?[gq]uarter)")
        .expect("regex")
});
static INSTANT_IN_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:as (?:of|at) ([A-Z][a-z]+ \d{1,2},? \d{4})|at the end of the (?:\w+ )?[gq]uarter|at (?:the )?quarter end)")
        .expect("regex")
});

/// The period named by the words right after a figure, if any.
pub(crate) fn after(post: &str, quarter: Option<Quarter>) -> Option<Hint> {
    let p = post
        .trim_start_matches(|c: char| c.is_whitespace() || c == ')')
        .to_lowercase();
    if let Some(c) = SAME_PERIOD.captures(&p) {
        let year_ok = match (c.get(1), quarter) {
            (Some(y), Some(q)) => y.as_str().parse::<i32>().ok() == Some(q.year - 1),
            _ => true,
        };
        return Some(if year_ok {
            Hint::Is(FactPeriod::SamePeriodLastYear)
        } else {
            Hint::Other
        });
    }
    if PRIOR_QUARTER.is_match(&p) {
        return Some(Hint::Is(FactPeriod::PriorQuarter));
    }
    if YEAR_AGO.is_match(&p) {
        return Some(Hint::YearAgo);
    }
    if QUARTER_END.is_match(&p) {
        return Some(Hint::Is(FactPeriod::CurrentInstant));
    }
    if let Some(m) = AS_OF.find(&p) {
        let rest = &post.trim_start_matches(|c: char| c.is_whitespace() || c == ')')[m.end()..];
        let date = DATE
            .find(rest)
            .filter(|d| d.start() == 0)
            .and_then(|d| parse_date(d.as_str()))?;
        return Some(instant(date, quarter));
    }
    if let Some(c) = NAMED_QUARTER.captures(&p) {
        let n = match &c[1] {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            _ => 4,
        };
        let Some(q) = quarter else {
            return Some(Hint::Is(FactPeriod::Current));
        };
        let year = c
            .get(2)
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(q.year);
        let named = Quarter { year, quarter: n };
        return Some(if named == q {
            Hint::Is(FactPeriod::Current)
        } else if named == q.previous() {
            Hint::Is(FactPeriod::PriorQuarter)
        } else if named == q.year_ago() {
            Hint::Is(FactPeriod::SamePeriodLastYear)
        } else {
            Hint::Other
        });
    }
    None
}

fn instant(date: chrono::NaiveDate, quarter: Option<Quarter>) -> Hint {
    match quarter {
        Some(q) if date == q.end() => Hint::Is(FactPeriod::CurrentInstant),
        Some(q) if date == q.year_ago().end() => Hint::Is(FactPeriod::YearAgoInstant),
        Some(_) => Hint::Other,
        None => Hint::Is(FactPeriod::CurrentInstant),
    }
}

/// Whether the clause before a figure places it at the quarter's end
/// ("As of March 31, 2024, ...", "At the end of the second quarter, ...").
pub(crate) fn clause_is_instant(clause: &str, quarter: Option<Quarter>) -> bool {
    INSTANT_IN_CLAUSE
        .captures_iter(clause)
        .any(|c| match c.get(1) {
            Some(d) => parse_date(d.as_str())
                .is_some_and(|d| instant(d, quarter) == Hint::Is(FactPeriod::CurrentInstant)),
            None => true,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q2: Quarter = Quarter {
        year: 2024,
        quarter: 2,
    };

    #[test]
    fn phrases() {
        let q = Some(Q2);
        assert_eq!(
            after(" in the same period of 2023, and", q),
            Some(Hint::Is(FactPeriod::SamePeriodLastYear))
        );
        assert_eq!(
            after(" in the prior quarter.", q),
            Some(Hint::Is(FactPeriod::PriorQuarter))
        );
        assert_eq!(
            after(" as of June 30, 2023.", q),
            Some(Hint::Is(FactPeriod::YearAgoInstant))
        );
        assert_eq!(after(" a year ago.", q), Some(Hint::YearAgo));
        assert_eq!(
            after(" in the second guarter of 2024.", q),
            Some(Hint::Is(FactPeriod::Current))
        );
        assert_eq!(after(", compared", q), None);
        assert!(clause_is_instant(
            "At the end of the second quarter, our total cash",
            q
        ));
        assert!(!clause_is_instant(
            "During the quarter, we generated approximately",
            q
        ));
    }
}
