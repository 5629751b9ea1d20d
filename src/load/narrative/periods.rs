//! Which period a figure speaks of, read from the words around it
//! ("in the same period of 2023", "in the prior quarter", "as of June 30, 2024").

use super::scan::{self, is_word, leading_date, quarter_word, strip_any_ci, strip_ci};
use crate::load::meta::parse_date;
use crate::model::{FactPeriod, Quarter};

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

/// The period named by the words right after a figure, if any.
pub(crate) fn after(post: &str, quarter: Option<Quarter>) -> Option<Hint> {
    let p = post.trim_start_matches(|c: char| c.is_whitespace() || c == ')');
    // Every phrase below opens with "in", "for", "during", "a", "at", "as" or "one".
    if !matches!(
        p.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'i' | b'f' | b'd' | b'a' | b'o')
    ) {
        return None;
    }
    if let Some(year) = same_period(p) {
        let year_ok = match (year, quarter) {
            (Some(y), Some(q)) => y.parse::<i32>().ok() == Some(q.year - 1),
            _ => true,
        };
        return Some(if year_ok {
            Hint::Is(FactPeriod::SamePeriodLastYear)
        } else {
            Hint::Other
        });
    }
    if prior_quarter(p) {
        return Some(Hint::Is(FactPeriod::PriorQuarter));
    }
    if year_ago(p) {
        return Some(Hint::YearAgo);
    }
    if quarter_end(p) {
        return Some(Hint::Is(FactPeriod::CurrentInstant));
    }
    if let Some(rest) = strip_any_ci(p, &["as of ", "as at "]) {
        return Some(instant(leading_date(rest)?, quarter));
    }
    if let Some((n, year)) = named_quarter(p) {
        let Some(q) = quarter else {
            return Some(Hint::Is(FactPeriod::Current));
        };
        let year = year.and_then(|y| y.parse().ok()).unwrap_or(q.year);
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

/// "in the", "for the", "during the" opening `s` (any case), and the rest.
fn lead_in(s: &str) -> Option<&str> {
    strip_ci(strip_any_ci(s, &["in ", "for ", "during "])?, "the ")
}

/// "in the same period of 2023", "for the corresponding quarter last
/// year": `Some(year)` (the year when printed).
fn same_period(s: &str) -> Option<Option<&str>> {
    let r = strip_any_ci(lead_in(s)?, &["same ", "corresponding "])?;
    let r = strip_any_ci(r, &["period", "quarter"])?;
    if let Some((year, _)) = strip_ci(r, " of ").and_then(|y| scan::digits_n(y, 4)) {
        return Some(Some(year));
    }
    let r = strip_ci(r, " ")?;
    let r = strip_ci(r, "of ").unwrap_or(r);
    strip_ci(r, "last year").map(|_| None)
}

/// "in the prior quarter" and its synonyms.
fn prior_quarter(s: &str) -> bool {
    lead_in(s)
        .and_then(|r| {
            strip_any_ci(
                r,
                &["prior ", "previous ", "preceding ", "last ", "sequential "],
            )
        })
        .and_then(quarter_word)
        .is_some()
}

/// "a year ago", "one year earlier".
fn year_ago(s: &str) -> bool {
    strip_any_ci(s, &["a year ", "one year "])
        .and_then(|r| strip_any_ci(r, &["ago", "earlier"]))
        .is_some()
}

/// "at quarter end", "at the end of the second quarter".
fn quarter_end(s: &str) -> bool {
    let Some(r) = strip_ci(s, "at ") else {
        return false;
    };
    let r = strip_ci(r, "the ").unwrap_or(r);
    strip_ci(r, "quarter end").is_some() || strip_ci(r, "end of the ").is_some_and(end_quarter)
}

/// "quarter" or "<word> quarter" (after "end of the ").
fn end_quarter(s: &str) -> bool {
    let word = s.len() - s.trim_start_matches(is_word).len();
    let named = word > 0 && s[word..].starts_with(' ') && quarter_word(&s[word + 1..]).is_some();
    named || quarter_word(s).is_some()
}

/// "in the second quarter [of 2024]": the quarter number and printed year.
fn named_quarter(s: &str) -> Option<(u8, Option<&str>)> {
    let r = lead_in(s)?;
    let (n, r) = [("first ", 1), ("second ", 2), ("third ", 3), ("fourth ", 4)]
        .iter()
        .find_map(|&(w, n)| strip_ci(r, w).map(|r| (n, r)))?;
    let r = quarter_word(r)?;
    let year = strip_ci(r, " of ")
        .and_then(|y| scan::digits_n(y, 4))
        .map(|(y, _)| y);
    Some((n, year))
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
    let mut i = 0;
    // Every instant phrase opens with "as" or "at".
    while let Some(k) = memchr::memchr2(b'a', b'A', &clause.as_bytes()[i..]) {
        i += k;
        if !scan::boundary_before(clause, i) {
            i += 1;
            continue;
        }
        match instant_phrase(&clause[i..]) {
            Some((len, date)) => {
                let at_end = date.is_none_or(|d| {
                    parse_date(d).is_some_and(|d| {
                        instant(d, quarter) == Hint::Is(FactPeriod::CurrentInstant)
                    })
                });
                if at_end {
                    return true;
                }
                i += len.max(1);
            }
            None => i += 1,
        }
    }
    false
}

/// An instant phrase at the start of `s` (any case): "as of March 31, 2024"
/// (with the date's text), "at the end of the [second] quarter", "at [the]
/// quarter end". Its byte length.
fn instant_phrase(s: &str) -> Option<(usize, Option<&str>)> {
    if let Some(r) = strip_any_ci(s, &["as of ", "as at "])
        && let Some(n) = scan::loose_date_len(r)
    {
        return Some((s.len() - r.len() + n, Some(&r[..n])));
    }
    if let Some(r) = strip_ci(s, "at the end of the ") {
        let word = r.len() - r.trim_start_matches(is_word).len();
        let named = (word > 0 && r[word..].starts_with(' '))
            .then(|| quarter_word(&r[word + 1..]))
            .flatten();
        if let Some(rest) = named.or_else(|| quarter_word(r)) {
            return Some((s.len() - rest.len(), None));
        }
    }
    let r = strip_ci(s, "at ")?;
    let r = strip_ci(r, "the ").unwrap_or(r);
    let rest = strip_ci(r, "quarter end")?;
    Some((s.len() - rest.len(), None))
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
