//! Fuzzy matching of labels against the vocabulary: known labels bucketed
//! by letter count and a banded edit distance.

use super::super::clean::letters;
use rustc_hash::FxHashMap as HashMap;

/// Labels longer than this (in letters) are never fuzzy-matched.
const MAX_FUZZY_LETTERS: usize = 400;

/// A known label for fuzzy matching: its letters and its spelling.
type Entry = (Vec<char>, String);
/// Known labels by letter count, each bucket sorted.
pub(super) type Buckets = HashMap<usize, Vec<Entry>>;
/// A fuzzy match: distance, letter count, entry.
type Near<'a> = (usize, usize, &'a Entry);

/// Letters forms to spellings, bucketed by letter count and sorted (the
/// order [`super::Vocab::closest`] scans them in).
pub(super) fn buckets<'a>(known: impl Iterator<Item = (&'a String, &'a String)>) -> Buckets {
    let mut by_len: Buckets = HashMap::default();
    for (k, v) in known {
        by_len
            .entry(k.chars().count())
            .or_default()
            .push((k.chars().collect(), v.clone()));
    }
    for v in by_len.values_mut() {
        v.sort();
    }
    by_len
}

/// The entry of `by_len` closest to `chars` (`n` letters) within `max`
/// edits: distance, letter count and entry, the smallest first in the
/// order of [`super::Vocab::closest`] (distance, then letter count, then entry).
fn closest_in<'a>(by_len: &'a Buckets, chars: &[char], max: usize) -> Option<Near<'a>> {
    let n = chars.len();
    let mut best: Option<Near<'a>> = None;
    for len in n.saturating_sub(max)..=n + max {
        for e in by_len.get(&len).into_iter().flatten() {
            if let Some(d) = bounded_distance(chars, &e.0, max)
                && best.is_none_or(|(bd, _, _)| d < bd)
            {
                best = Some((d, len, e));
            }
        }
    }
    best
}

/// The entry of `generic` (or of `named`, a company's labels) closest to
/// `label` within a strict edit distance on letters (1 edit plus 1 per 16
/// letters), as its spelling and the distance; see [`super::Vocab::closest`].
pub(super) fn closest<'a>(
    generic: &'a Buckets,
    named: Option<&'a Buckets>,
    label: &str,
) -> Option<(&'a str, usize)> {
    let l = letters(label);
    let n = l.chars().count();
    if !(4..=MAX_FUZZY_LETTERS).contains(&n) {
        return None;
    }
    let max = 1 + n / 16;
    let chars: Vec<char> = l.chars().collect();
    let generic = closest_in(generic, &chars, max);
    let named = named.and_then(|c| closest_in(c, &chars, max));
    let best = match (generic, named) {
        (Some(g), Some(c)) => Some(if (c.0, c.1, c.2) < (g.0, g.1, g.2) {
            c
        } else {
            g
        }),
        (g, c) => g.or(c),
    };
    best.map(|(d, _, e)| (e.1.as_str(), d))
}

/// Levenshtein distance between `a` and `b` if it is at most `max`
/// (banded: O(len * max)).
pub fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    let inf = max + 1;
    let mut prev = vec![inf; m + 2];
    let mut cur = vec![inf; m + 2];
    for (j, p) in prev.iter_mut().enumerate().take(max.min(m) + 1) {
        *p = j;
    }
    for i in 1..=n {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(m);
        cur[lo - 1] = if lo == 1 && i <= max { i } else { inf };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v.min(inf);
            row_min = row_min.min(cur[j]);
        }
        cur[hi + 1] = inf;
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_bounded() {
        let a: Vec<char> = "kitten".chars().collect();
        let b: Vec<char> = "sitting".chars().collect();
        assert_eq!(bounded_distance(&a, &b, 3), Some(3));
        assert_eq!(bounded_distance(&a, &b, 2), None);
    }
}
