//! Aligning statement rows across filings by label, tolerant of slight
//! wording differences ("Revenue from releasing of guarantee liabilities"
//! against "Revenue from release of guarantee liabilities") and of OCR damage.
//! Pure functions; no display code.

use rustc_hash::FxHashMap;

/// Labels at least this similar (Sørensen–Dice over character bigrams) are
/// treated as the same row when no exact match exists.
pub const SIMILARITY_THRESHOLD: f64 = 0.8;

/// Above this many candidate pairs the fuzzy pass is skipped (exact matches only),
/// keeping alignment of very large statements linear.
const FUZZY_PAIR_LIMIT: usize = 1_000_000;

/// A label reduced for matching: lower case, punctuation and footnote marks
/// dropped, whitespace collapsed ("Net income (loss), net(1)" → "net income loss net").
pub fn normalize(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for ch in label.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let trimmed = out.trim();
    // Trailing footnote numbers such as "revenue 1" are marks, not words.
    let trimmed = match trimmed.rsplit_once(' ') {
        Some((head, tail)) if tail.len() <= 2 && tail.chars().all(|c| c.is_ascii_digit()) => head,
        _ => trimmed,
    };
    trimmed.to_string()
}

/// Similarity of two labels in `[0, 1]`: the Sørensen–Dice coefficient of the
/// character bigrams of their normalized forms (spaces removed).
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_keyed(&normalize(a), &normalize(b))
}

/// [`similarity`] of two labels given their [`normalize`]d forms.
pub fn similarity_keyed(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().filter(|c| *c != ' ').collect();
    let b: Vec<char> = b.chars().filter(|c| *c != ' ').collect();
    if a == b {
        return 1.0;
    }
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    // Shared bigrams, counted with multiplicity: a merge of the two sorted
    // bigram lists.
    let bigrams = |s: &[char]| {
        let mut v: Vec<(char, char)> = s.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v
    };
    let (x, y) = (bigrams(&a), bigrams(&b));
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() - 1 + b.len() - 1) as f64
}

/// Aligns two label lists. Each output pair holds the index in `left`, the
/// index in `right`, or both when the rows are the same line item. Every
/// index of both inputs appears exactly once; rows keep `left`'s order, and
/// rows found only on the right are placed after the row they follow there.
///
/// Labels match exactly (after [`normalize`]) by occurrence (the second
/// "Basic" matches the second "Basic"); the rest match by [`similarity`].
pub fn align<L: AsRef<str>, R: AsRef<str>>(
    left: &[L],
    right: &[R],
) -> Vec<(Option<usize>, Option<usize>)> {
    let left_keys: Vec<String> = left.iter().map(|l| normalize(l.as_ref())).collect();
    let right_keys: Vec<String> = right.iter().map(|r| normalize(r.as_ref())).collect();
    align_by(&left_keys, &right_keys, |a, b| similarity_keyed(a, b))
}

/// [`align`] of two label lists given as keys standing for their
/// [`normalize`]d forms (equal keys: equal forms), with `similarity` giving
/// the [`similarity`] of two keys' labels. For a caller that aligns the same
/// labels many times: the explorer's merged view aligns every filing against
/// the rows gathered so far, with labels numbered and similarities kept.
pub fn align_by<K: Eq + std::hash::Hash>(
    left: &[K],
    right: &[K],
    mut similarity: impl FnMut(&K, &K) -> f64,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut right_of_left: Vec<Option<usize>> = vec![None; left.len()];
    let mut left_of_right: Vec<Option<usize>> = vec![None; right.len()];

    // Exact pass: (key, occurrence) pairs.
    let mut keys: FxHashMap<(&K, usize), usize> =
        FxHashMap::with_capacity_and_hasher(left.len(), Default::default());
    let mut seen: FxHashMap<&K, usize> =
        FxHashMap::with_capacity_and_hasher(left.len().max(right.len()), Default::default());
    for (i, n) in left.iter().enumerate() {
        let occ = seen.entry(n).or_default();
        keys.insert((n, *occ), i);
        *occ += 1;
    }
    seen.clear();
    for (j, n) in right.iter().enumerate() {
        let occ = seen.entry(n).or_default();
        if let Some(&i) = keys.get(&(n, *occ)) {
            right_of_left[i] = Some(j);
            left_of_right[j] = Some(i);
        }
        *occ += 1;
    }

    // Fuzzy pass over what is left, best score first, nearest position on ties.
    let free_left: Vec<usize> = (0..left.len())
        .filter(|&i| right_of_left[i].is_none())
        .collect();
    let free_right: Vec<usize> = (0..right.len())
        .filter(|&j| left_of_right[j].is_none())
        .collect();
    if !free_left.is_empty()
        && !free_right.is_empty()
        && free_left.len() * free_right.len() <= FUZZY_PAIR_LIMIT
    {
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for &i in &free_left {
            for &j in &free_right {
                let s = similarity(&left[i], &right[j]);
                if s >= SIMILARITY_THRESHOLD {
                    candidates.push((s, i, j));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
        });
        for (_, i, j) in candidates {
            if right_of_left[i].is_none() && left_of_right[j].is_none() {
                right_of_left[i] = Some(j);
                left_of_right[j] = Some(i);
            }
        }
    }

    // Merge in left order, placing right-only rows before the next match.
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut emitted = vec![false; right.len()];
    let mut next_right = 0usize;
    for (i, m) in right_of_left.iter().enumerate() {
        if let Some(j) = *m {
            while next_right < j {
                if left_of_right[next_right].is_none() && !emitted[next_right] {
                    emitted[next_right] = true;
                    out.push((None, Some(next_right)));
                }
                next_right += 1;
            }
            emitted[j] = true;
            out.push((Some(i), Some(j)));
        } else {
            out.push((Some(i), None));
        }
    }
    for (j, done) in emitted.iter().enumerate() {
        if !done && left_of_right[j].is_none() {
            out.push((None, Some(j)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_punctuation_and_footnotes() {
        assert_eq!(
            normalize("Net income (loss), net(1)"),
            "net income loss net"
        );
        assert_eq!(normalize("  TOTAL  ASSETS "), "total assets");
        assert_eq!(
            normalize("Loan facilitation and servicing fees-capital heavy"),
            "loan facilitation and servicing fees capital heavy"
        );
    }

    #[test]
    fn similarity_tolerates_ocr_damage() {
        let s = similarity(
            "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc.",
            "Net income per ADS attributable to ordinary sharehold ders of Oifu Techr nology, Inc.",
        );
        assert!(s > SIMILARITY_THRESHOLD, "{s}");
        assert!(similarity("Funding costs", "Sales and marketing") < 0.5);
        assert_eq!(similarity("Basic", "basic"), 1.0);
        // Shared bigrams count with multiplicity: "aaaa" has "aa" three times,
        // "aa" once, so one is shared of 3 + 1.
        assert_eq!(similarity("aaaa", "aa"), 0.5);
        // "netincome": 8 bigrams, "netincomes": 9, all 8 of the first shared.
        assert_eq!(similarity_keyed("net income", "net incomes"), 16.0 / 17.0);
    }

    #[test]
    fn align_matches_exact_by_occurrence_and_fuzzy() {
        let left = [
            "Total net revenue",
            "Basic",
            "Diluted",
            "Basic",
            "Funding costs",
        ];
        let right = [
            "Total net revenues",
            "Basic",
            "Diluted",
            "Basic",
            "Investment loss",
        ];
        let a = align(&left, &right);
        assert!(a.contains(&(Some(0), Some(0))));
        assert!(a.contains(&(Some(1), Some(1))));
        assert!(a.contains(&(Some(3), Some(3))));
        assert!(a.contains(&(Some(4), None)));
        assert!(a.contains(&(None, Some(4))));
        assert_eq!(a.len(), 6);
    }

    #[test]
    fn right_only_rows_follow_their_predecessor() {
        let left = ["Cash", "Total assets"];
        let right = ["Cash", "Restricted cash", "Total assets"];
        assert_eq!(
            align(&left, &right),
            vec![(Some(0), Some(0)), (None, Some(1)), (Some(1), Some(2))]
        );
    }
}
