//! Facts and claims read sentence by sentence: each figure gets a role from
//! the words around it (the value after "was", its US$ translation in
//! parentheses, a comparative after "compared to", a growth rate and its
//! base, a share of a total).

use super::periods::{self, Hint};
use super::quantity::{self, Found};
use super::scan::{boundary_at, ends_ci, ends_with_word_ci, strip_any_ci, strip_ci, ws1};
use super::sections::sentences;
use super::subject;
use super::text::CleanLine;
use crate::model::{Claim, ClaimKind, Currency, FactPeriod, NarrativeFact, Quantity, Quarter};
use memchr::memchr2;

/// A fact and where it sits in its clean line.
#[derive(Clone, Debug)]
pub(crate) struct Located {
    /// The fact.
    pub fact: NarrativeFact,
    /// Byte span of its subject and figure in the clean text.
    pub span: (usize, usize),
    /// The figure the sentence is about (not a translation or comparative).
    pub principal: bool,
    /// The subject without a qualifier ("outstanding loan balance").
    pub base_subject: String,
    /// The fact this one is a part of ("Out of those loans ...").
    pub parent: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    None,
    Value,
    Translation,
    Comparative,
    Growth,
    Base,
    Share,
}

/// Words of growth and whether they mean a fall.
const GROWTH_WORDS: &[(&str, bool)] = &[
    ("increase", false),
    ("increased", false),
    ("growth", false),
    ("grew", false),
    ("rise", false),
    ("rose", false),
    ("up", false),
    ("decrease", true),
    ("decreased", true),
    ("decline", true),
    ("declined", true),
    ("drop", true),
    ("dropped", true),
    ("down", true),
    ("fall", true),
    ("fell", true),
];

/// If the text before a percent ends with a word of growth ("an increase
/// of", "down"), whether it means a fall.
fn growth_before(pre: &str) -> Option<bool> {
    let word = |t: &str| {
        GROWTH_WORDS
            .iter()
            .find_map(|&(w, down)| ends_with_word_ci(t, w).map(|_| down))
    };
    let t = pre.trim_end();
    let linked = ["of", "by"].iter().filter(|w| ends_ci(t, w)).find_map(|w| {
        let u = &t[..t.len() - w.len()];
        let v = u.trim_end();
        (v.len() < u.len()).then_some(v)
    });
    word(t).or_else(|| linked.and_then(word))
}

/// Whether the text before a figure ends with "compared to", "versus", "vs.".
fn compared_before(pre: &str) -> bool {
    let t = pre.trim_end();
    ["compared to", "compared with", "versus", "vs."]
        .iter()
        .any(|w| ends_with_word_ci(t, w).is_some())
}

/// Byte offsets just past each clause break of `s` (";", ", and we|our|the company|it").
fn clause_breaks(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr2(b';', b',', &bytes[i..]) {
        i += k;
        let end = match bytes[i] {
            b';' => Some(i + 1),
            _ => comma_and_len(&s[i + 1..]).map(|n| i + 1 + n),
        };
        match end {
            Some(e) => {
                out.push(e);
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// Byte length of " and we" (or our, the company, it) after a comma.
fn comma_and_len(s: &str) -> Option<usize> {
    let r = ws1(strip_ci(ws1(s)?, "and")?)?;
    ["we", "our", "the company", "it"]
        .iter()
        .find_map(|w| strip_ci(r, w).filter(|rest| boundary_at(rest)))
        .map(|rest| s.len() - rest.len())
}

/// Reads facts and growth / share claims from clean lines.
pub(crate) struct Reader {
    quarter: Option<Quarter>,
    /// Facts found so far, in text order.
    pub facts: Vec<Located>,
    /// Growth and share-of-total claims found so far.
    pub claims: Vec<Claim>,
    last_principal: Option<usize>,
}

struct Sentence<'a> {
    text: &'a str,
    line: &'a CleanLine,
    start: usize,
    end: usize,
    footnote_def: bool,
    including: bool,
}

/// A fact about to be recorded.
struct Draft {
    subject: String,
    base_subject: String,
    quantity: Quantity,
    period: FactPeriod,
    span: (usize, usize),
    principal: bool,
    parent: Option<usize>,
}

struct State {
    role: Role,
    last_value: Option<usize>,
    last_fact: Option<usize>,
    growth: Option<Quantity>,
}

impl Reader {
    /// A reader for a filing reporting `quarter`.
    pub fn new(quarter: Option<Quarter>) -> Self {
        Self {
            quarter,
            facts: Vec::new(),
            claims: Vec::new(),
            last_principal: None,
        }
    }

    /// Reads one clean prose line.
    pub fn read(&mut self, line: &CleanLine) {
        let mut found = quantity::scan(&line.text);
        let including = strip_ci(line.text.trim_start(), "including").is_some();
        if line.defines.is_some() && !including {
            // Definitions state figures with a currency, percent or scale only
            // ("91 to 180 calendar days" is not a figure of the period).
            found.retain(|f| !f.bare);
        }
        if found.is_empty() {
            return;
        }
        for (start, end) in sentences(&line.text) {
            let s = Sentence {
                text: &line.text,
                line,
                start,
                end,
                footnote_def: line.defines.is_some(),
                including,
            };
            // The figures are in text order and do not overlap, so those
            // wholly inside the sentence are one run of them.
            let first = found.partition_point(|f| f.start < start);
            let n = found[first..].iter().take_while(|f| f.end <= end).count();
            self.sentence(&s, &mut found[first..first + n]);
        }
    }

    fn sentence(&mut self, s: &Sentence, qs: &mut [Found]) {
        let mut st = State {
            role: Role::None,
            last_value: None,
            last_fact: None,
            growth: None,
        };
        let breaks: Vec<usize> = clause_breaks(&s.text[s.start..s.end])
            .into_iter()
            .map(|e| s.start + e)
            .collect();
        for k in 0..qs.len() {
            let pre_start = if k > 0 { qs[k - 1].end } else { s.start };
            let post_end = qs.get(k + 1).map_or(s.end, |n| n.start);
            let f = &mut qs[k];
            let pre = &s.text[pre_start..f.start];
            let post = &s.text[f.end..post_end];
            let clause_start = breaks
                .iter()
                .copied()
                .filter(|&b| b <= f.start)
                .max()
                .unwrap_or(s.start);
            let clause = &s.text[clause_start..f.start];
            st.role = self.classify(s, f, pre_start, pre, post, clause, &mut st);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn classify(
        &mut self,
        s: &Sentence,
        f: &mut Found,
        pre_start: usize,
        pre: &str,
        post: &str,
        clause: &str,
        st: &mut State,
    ) -> Role {
        // Each figure is classified once: its quantity is moved into the
        // fact or claim it becomes (`taken`), not copied.
        let (start, end) = (f.start, f.end);
        let q = &mut f.q;
        let pct = q.unit == crate::model::Unit::Percent;
        // Growth rate: "an increase of 12.2%".
        if pct && let Some(down) = growth_before(pre) {
            let mut g = taken(q);
            if down {
                g.amount.value = -g.amount.value;
            }
            st.growth = Some(g);
            return Role::Growth;
        }
        // Share of a total: "representing 64.9% of the total".
        if pct
            && ends_ci(pre.trim_end(), "representing")
            && strip_any_ci(post.trim_start(), &["of the total", "of total"]).is_some()
        {
            if let Some(v) = st.last_value {
                let value = &self.facts[v];
                let total = value.parent.map(|p| &self.facts[p]);
                // The percent's line, then the value's and the total's.
                let mut lines = vec![s.line.line, value.fact.line];
                if let Some(t) = total {
                    lines.push(t.fact.line);
                }
                self.claims.push(Claim {
                    kind: ClaimKind::ShareOfTotal,
                    subject: value.fact.subject.clone(),
                    percent: Some(taken(q)),
                    value: Some(value.fact.quantity.clone()),
                    base: total.map(|t| t.fact.quantity.clone()),
                    parts: Vec::new(),
                    part_rows: Vec::new(),
                    lines,
                });
            }
            return Role::Share;
        }
        // Growth base: "from 220.6 million a year ago".
        if st.role == Role::Growth && ends_ci(pre.trim_end(), "from") {
            let growth = st.growth.take();
            let Some(v) = st.last_value else {
                return Role::Base;
            };
            let value = &self.facts[v];
            let period = match periods::after(post, self.quarter) {
                Some(Hint::Is(p)) => Some(p),
                Some(Hint::Other) => None,
                Some(Hint::YearAgo) | None => Some(year_ago_of(value.fact.period)),
            };
            let mut base = taken(q);
            base.unit = quantity::unit_for(q, &value.fact.subject, post);
            self.claims.push(Claim {
                kind: ClaimKind::Growth,
                subject: value.fact.subject.clone(),
                percent: growth,
                value: Some(value.fact.quantity.clone()),
                base: Some(base.clone()),
                parts: Vec::new(),
                part_rows: Vec::new(),
                // The percent's line, then the value's and the base's.
                lines: vec![s.line.line, value.fact.line, s.line.line],
            });
            if let Some(period) = period {
                self.push_related(s, st, v, base, period, (start, end));
            }
            return Role::Base;
        }
        // US$ translation in parentheses.
        if q.currency == Some(Currency::USD) && pre.trim() == "(" {
            if let Some(last) = st.last_fact {
                let prev = &self.facts[last].fact;
                let mut t = taken(q);
                t.unit = quantity::unit_for(q, &prev.subject, post);
                let period = prev.period;
                self.push_related(s, st, last, t, period, (start, end));
                return Role::Translation;
            }
            return Role::None;
        }
        // The value after a linking verb: "Total net revenue was RMB4,160.1 million".
        if let Some((off, subj)) = subject::before_verb(pre) {
            let qualifier = subject::qualifier(post);
            let full = match &qualifier {
                Some(x) => joined(&subj, x),
                None => subj.clone(),
            };
            let period = self.value_period(post, clause, None);
            let Some(period) = period else {
                return Role::None;
            };
            let mut v = taken(q);
            v.unit = quantity::unit_for(q, &full, post);
            let idx = self.push(
                s,
                Draft {
                    subject: full,
                    base_subject: subj,
                    quantity: v,
                    period,
                    span: (pre_start + off, end),
                    principal: true,
                    parent: None,
                },
            );
            st.last_value = Some(idx);
            st.last_fact = Some(idx);
            return Role::Value;
        }
        // A comparative: "compared to RMB3,914.3 million in the same period of 2023".
        let connector = {
            let t = pre.trim_end();
            ends_ci(t, " and") || t.eq_ignore_ascii_case("and") || t.ends_with(',')
        };
        if compared_before(pre) || (st.role == Role::Comparative && connector) {
            let Some(v) = st.last_value else {
                return Role::Comparative;
            };
            let value = &self.facts[v];
            let period = match periods::after(post, self.quarter) {
                Some(Hint::Is(p)) => Some(p),
                Some(Hint::YearAgo) => Some(year_ago_of(value.fact.period)),
                _ => None,
            };
            if let Some(period) = period {
                let mut c = taken(q);
                c.unit = quantity::unit_for(q, &value.fact.subject, post);
                self.push_related(s, st, v, c, period, (start, end));
            }
            return Role::Comparative;
        }
        // Subject after the figure: "RMB60,506 million was under capital-light model".
        let at_clause_start = pre.trim().is_empty()
            || pre.trim_end().ends_with(',')
            || ends_ci(pre.trim_end(), "of which");
        if at_clause_start && let Some((noun, qual)) = subject::subject_first(post) {
            let parent = if ends_ci(pre.trim_end(), "of which") {
                st.last_value
            } else {
                self.last_principal
            };
            let base = match (&noun, parent) {
                (Some(n), _) => n.clone(),
                (None, Some(p)) => self.facts[p].fact.subject.clone(),
                (None, None) => return Role::None,
            };
            let full = joined(&base, &qual);
            let parent_period = parent.map(|p| self.facts[p].fact.period);
            let Some(period) = self.value_period(post, clause, parent_period) else {
                return Role::None;
            };
            let mut v = taken(q);
            v.unit = quantity::unit_for(q, &full, post);
            let span_end = end + post.find(',').unwrap_or(post.len());
            let idx = self.push(
                s,
                Draft {
                    subject: full,
                    base_subject: base,
                    quantity: v,
                    period,
                    span: (start, span_end),
                    principal: true,
                    parent,
                },
            );
            st.last_value = Some(idx);
            st.last_fact = Some(idx);
            return Role::Value;
        }
        // Object of a verb: "connected 159 financial institutional partners".
        let and_after_value = ends_ci(pre.trim_end(), "and") && st.role != Role::Value;
        let object_ok =
            (!s.footnote_def || s.including) && subject::takes_object(pre) && !and_after_value;
        if object_ok && let Some((noun, len)) = subject::noun_after(post) {
            let qual = subject::qualifier(&post[len..]);
            let full = match &qual {
                Some(x) => joined(&noun, x),
                None => noun.clone(),
            };
            let Some(period) = self.value_period(&post[len..], clause, None) else {
                return Role::None;
            };
            let mut v = taken(q);
            v.unit = quantity::unit_for(q, &full, post);
            let idx = self.push(
                s,
                Draft {
                    subject: full,
                    base_subject: noun,
                    quantity: v,
                    period,
                    span: (start, end + len),
                    principal: true,
                    parent: None,
                },
            );
            st.last_value = Some(idx);
            st.last_fact = Some(idx);
            return Role::Value;
        }
        // A coordinated value: "RMB28,642 million for "ICE" and RMB37,565 million for ...".
        if st.role == Role::Value
            && connector
            && let (Some(v), Some(qual)) = (st.last_value, subject::qualifier(post))
        {
            let prev = &self.facts[v];
            let full = joined(&prev.base_subject, &qual);
            let mut c = taken(q);
            c.unit = quantity::unit_for(q, &full, post);
            let idx = self.push(
                s,
                Draft {
                    subject: full,
                    base_subject: prev.base_subject.clone(),
                    quantity: c,
                    period: prev.fact.period,
                    span: (start, end),
                    principal: true,
                    parent: prev.parent,
                },
            );
            st.last_value = Some(idx);
            st.last_fact = Some(idx);
            return Role::Value;
        }
        Role::None
    }

    /// The period of a principal value: from the words after it, else the
    /// clause ("As of ..."), else the period kind of the figure it is part of.
    fn value_period(
        &self,
        post: &str,
        clause: &str,
        parent: Option<FactPeriod>,
    ) -> Option<FactPeriod> {
        match periods::after(post, self.quarter) {
            Some(Hint::Is(p)) => return Some(p),
            Some(Hint::Other) => return None,
            _ => {}
        }
        if periods::clause_is_instant(clause, self.quarter) {
            return Some(FactPeriod::CurrentInstant);
        }
        Some(match parent {
            Some(FactPeriod::CurrentInstant) => FactPeriod::CurrentInstant,
            _ => FactPeriod::Current,
        })
    }

    /// Records a further figure about the subject of fact `of` (a growth
    /// base, a US$ translation, a comparative) and makes it the last fact.
    fn push_related(
        &mut self,
        s: &Sentence,
        st: &mut State,
        of: usize,
        quantity: Quantity,
        period: FactPeriod,
        span: (usize, usize),
    ) {
        let idx = self.push(
            s,
            Draft {
                subject: self.facts[of].fact.subject.clone(),
                base_subject: self.facts[of].base_subject.clone(),
                quantity,
                period,
                span,
                principal: false,
                parent: None,
            },
        );
        st.last_fact = Some(idx);
    }

    fn push(&mut self, s: &Sentence, d: Draft) -> usize {
        let idx = self.facts.len();
        self.facts.push(Located {
            fact: NarrativeFact {
                subject: d.subject,
                row: None,
                quantity: d.quantity,
                period: d.period,
                line: s.line.line,
            },
            span: d.span,
            principal: d.principal,
            base_subject: d.base_subject,
            parent: d.parent,
        });
        if d.principal && !s.footnote_def {
            self.last_principal = Some(idx);
        }
        idx
    }
}

/// The quantity of a figure for its one fact or claim: its printed text is
/// moved out (the figure is classified once), the rest copied.
fn taken(q: &mut Quantity) -> Quantity {
    Quantity {
        raw: std::mem::take(&mut q.raw),
        ..q.clone()
    }
}

/// `a`, a space and `b`, in one allocation.
fn joined(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + 1 + b.len());
    out.push_str(a);
    out.push(' ');
    out.push_str(b);
    out
}

/// The year-earlier period matching a current one.
fn year_ago_of(p: FactPeriod) -> FactPeriod {
    match p {
        FactPeriod::CurrentInstant | FactPeriod::YearAgoInstant => FactPeriod::YearAgoInstant,
        _ => FactPeriod::SamePeriodLastYear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_and_taken() {
        assert_eq!(joined("net revenue", "for ICE"), "net revenue for ICE");
        let mut q = quantity::scan("was RMB4,160.1 million")[0].q.clone();
        let t = taken(&mut q);
        assert_eq!(t.raw, "RMB4,160.1 million");
        assert_eq!(t.amount, q.amount);
        assert_eq!(q.raw, "");
    }
}
