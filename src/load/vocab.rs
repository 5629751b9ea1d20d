//! The declarative vocabulary of standard labels (assets/labels.toml);
//! fuzzy matching against it is in [`fuzzy`].

mod fuzzy;

use super::clean::{letters, letters_len};
pub use fuzzy::bounded_distance;
use fuzzy::{Buckets, buckets, closest};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::{Arc, LazyLock, Mutex};

/// The vocabulary file, embedded.
const LABELS_TOML: &str = include_str!("../../assets/labels.toml");

/// A total whose components are named explicitly.
#[derive(Clone, Debug, Deserialize)]
pub struct Rollup {
    /// The total's label.
    pub total: String,
    /// The labels of its components.
    pub parts: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    labels: Vec<String>,
    headings: Vec<String>,
    groups: Vec<String>,
    totals: Vec<String>,
    columns: Vec<String>,
    spanning: Vec<String>,
    rollup: Vec<Rollup>,
    #[serde(default)]
    variants: std::collections::HashMap<String, String>,
}

/// The loaded vocabulary, indexed by the letters of each label.
#[derive(Debug)]
pub struct Vocab {
    /// Letters form to standard spelling, for every known label and heading.
    known: HashMap<String, String>,
    /// The length in bytes of the longest letters form in `known`.
    longest: usize,
    /// Letters forms of headings.
    headings: HashMap<String, String>,
    /// Letters forms of group rows.
    groups: HashMap<String, String>,
    /// Letters forms of totals.
    totals: HashMap<String, String>,
    /// Known labels bucketed by letter count, for fuzzy matching
    /// (letters, spelling).
    by_len: Buckets,
    /// Reconciliation column headers (letters form, spelling).
    columns: Vec<(String, String)>,
    /// Headers spanning several columns (letters form, as characters).
    spanning: Vec<Vec<char>>,
    /// Explicit roll-ups, keyed by the total's letters form.
    rollups: HashMap<String, Vec<String>>,
    /// Declared variant spellings (letters form) to the standard spelling.
    variants: HashMap<String, String>,
    /// Labels naming the company (`*`), instantiated per filing by
    /// [`Vocab::company`]: labels, headings, totals, and roll-ups whose total
    /// names the company.
    templates: Templates,
}

/// Vocabulary entries naming the company (`*` for its name).
#[derive(Debug, Default)]
struct Templates {
    labels: Vec<String>,
    headings: Vec<String>,
    groups: Vec<String>,
    totals: Vec<String>,
    rollups: Vec<Rollup>,
}

/// The vocabulary's labels naming one company ("TOTAL * EQUITY" for
/// "Qifu Technology, Inc." is "TOTAL QIFU TECHNOLOGY INC EQUITY"), looked up
/// after the company-free vocabulary.
#[derive(Clone, Debug, Default)]
pub struct Company {
    known: HashMap<String, String>,
    /// The length in bytes of the longest letters form in `known`.
    longest: usize,
    by_len: Buckets,
    headings: HashSet<String>,
    groups: HashSet<String>,
    totals: HashSet<String>,
    rollups: HashMap<String, Vec<String>>,
}

/// A vocabulary entry with `*` spelled for `company`: the name without its
/// final period (templates print it: "of *."), and in a label printed in
/// capitals, in capitals without commas or periods ("TOTAL * EQUITY").
pub fn instantiate(template: &str, company: &str) -> String {
    let name = company.trim();
    let name = name.strip_suffix('.').unwrap_or(name);
    let caps = template
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let name = if caps {
        name.to_uppercase().replace([',', '.'], "")
    } else {
        name.to_string()
    };
    template.replace('*', &name)
}

impl Company {
    /// Whether this company's vocabulary has no entries.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty() && self.rollups.is_empty()
    }
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let file: File = toml::from_str(LABELS_TOML).expect("assets/labels.toml is valid");
    Vocab::new(file)
});

fn index(list: &[String]) -> HashMap<String, String> {
    list.iter().map(|l| (letters(l), l.clone())).collect()
}

/// Splits out the entries naming the company (`*`).
fn take_templates(list: &mut Vec<String>) -> Vec<String> {
    let (t, rest): (Vec<String>, Vec<String>) = std::mem::take(list)
        .into_iter()
        .partition(|l| l.contains('*'));
    *list = rest;
    t
}

/// The length in bytes of the longest key of `known`.
fn longest(known: &HashMap<String, String>) -> usize {
    known.keys().map(String::len).max().unwrap_or(0)
}

impl Vocab {
    fn new(mut f: File) -> Self {
        let templates = Templates {
            labels: take_templates(&mut f.labels),
            headings: take_templates(&mut f.headings),
            groups: take_templates(&mut f.groups),
            totals: take_templates(&mut f.totals),
            rollups: {
                let (t, rest): (Vec<Rollup>, Vec<Rollup>) = std::mem::take(&mut f.rollup)
                    .into_iter()
                    .partition(|r| r.total.contains('*'));
                f.rollup = rest;
                t
            },
        };
        let mut known = index(&f.labels);
        for l in f.headings.iter().chain(&f.groups).chain(&f.totals) {
            known.entry(letters(l)).or_insert_with(|| l.clone());
        }
        let by_len = buckets(known.iter());
        Vocab {
            longest: longest(&known),
            headings: index(&f.headings),
            groups: index(&f.groups),
            totals: index(&f.totals),
            known,
            by_len,
            columns: f.columns.iter().map(|c| (letters(c), c.clone())).collect(),
            spanning: f
                .spanning
                .iter()
                .map(|s| letters(s).chars().collect())
                .collect(),
            rollups: f
                .rollup
                .into_iter()
                .map(|r| {
                    (
                        letters(&r.total),
                        r.parts.iter().map(|p| part_key(p)).collect(),
                    )
                })
                .collect(),
            variants: f
                .variants
                .into_iter()
                .map(|(v, standard)| (letters(&v), standard))
                .collect(),
            templates,
        }
    }

    /// The entries naming the company, spelled for `company` (its name as
    /// printed, "Qifu Technology, Inc."); built once per company name.
    pub fn company(&self, company: &str) -> Arc<Company> {
        static BUILT: LazyLock<Mutex<HashMap<String, Arc<Company>>>> =
            LazyLock::new(Mutex::default);
        let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = built.get(company) {
            return Arc::clone(c);
        }
        let c = Arc::new(self.build_company(company));
        built.insert(company.to_string(), Arc::clone(&c));
        c
    }

    fn build_company(&self, company: &str) -> Company {
        if company.trim().is_empty() {
            return Company::default();
        }
        let t = &self.templates;
        let spell = |list: &[String]| -> Vec<String> {
            list.iter().map(|l| instantiate(l, company)).collect()
        };
        let mut known = index(&spell(&t.labels));
        for l in spell(&t.headings)
            .into_iter()
            .chain(spell(&t.groups))
            .chain(spell(&t.totals))
        {
            known.entry(letters(&l)).or_insert(l);
        }
        let set = |list: &[String]| -> HashSet<String> {
            spell(list).iter().map(|l| letters(l)).collect()
        };
        Company {
            longest: longest(&known),
            by_len: buckets(known.iter()),
            known,
            headings: set(&t.headings),
            groups: set(&t.groups),
            totals: set(&t.totals),
            rollups: t
                .rollups
                .iter()
                .map(|r| {
                    (
                        letters(&instantiate(&r.total, company)),
                        r.parts
                            .iter()
                            .map(|p| part_key(&instantiate(p, company)))
                            .collect(),
                    )
                })
                .collect(),
        }
    }

    /// The shared vocabulary.
    pub fn get() -> &'static Vocab {
        &VOCAB
    }

    /// The standard spelling of a label known letter for letter.
    pub fn known(&self, label: &str) -> Option<&str> {
        self.known.get(&letters(label)).map(String::as_str)
    }

    /// The standard spelling of a label given in letters form.
    pub fn known_letters(&self, letters: &str) -> Option<&str> {
        self.known.get(letters).map(String::as_str)
    }

    /// Whether `label` is a known section heading.
    pub fn is_heading(&self, label: &str) -> bool {
        self.headings.contains_key(&letters(label))
    }

    /// Whether `label` is a row heading the items printed below it.
    pub fn is_group(&self, label: &str) -> bool {
        self.groups.contains_key(&letters(label))
    }

    /// Whether `label` is a declared total.
    pub fn is_total(&self, label: &str) -> bool {
        self.totals.contains_key(&letters(label))
    }

    /// The standard spelling of a declared label variant
    /// ("Contract liability" → "Contract liabilities").
    pub fn variant_of(&self, label: &str) -> Option<&str> {
        self.variant_key(&letters(label))
    }

    /// [`Vocab::variant_of`] on a label's letters form.
    pub fn variant_key(&self, key: &str) -> Option<&str> {
        self.variants.get(key).map(String::as_str)
    }

    /// The components of an explicitly declared roll-up, as keys for
    /// [`part_matches`] (letters forms; `*` stands for any words, such as
    /// the company's name in "TOTAL * EQUITY").
    pub fn rollup(&self, total: &str) -> Option<&[String]> {
        self.rollups.get(&letters(total)).map(Vec::as_slice)
    }

    /// The known label closest to `label` within a strict edit distance on
    /// letters (1 edit plus 1 per 16 letters), with the distance.
    pub fn closest(&self, label: &str) -> Option<(&str, usize)> {
        self.closest_for(label, None)
    }

    /// [`Vocab::closest`] among the company-free labels and `company`'s.
    pub fn closest_for<'a>(
        &'a self,
        label: &str,
        company: Option<&'a Company>,
    ) -> Option<(&'a str, usize)> {
        closest(&self.by_len, company.map(|c| &c.by_len), label)
    }

    /// The standard spelling of a label given in letters form, among the
    /// company-free labels and `company`'s.
    pub fn known_letters_for<'a>(
        &'a self,
        letters: &str,
        company: Option<&'a Company>,
    ) -> Option<&'a str> {
        self.known_letters(letters)
            .or_else(|| company?.known.get(letters).map(String::as_str))
    }

    /// The length in bytes of the longest letters form
    /// [`Vocab::known_letters_for`] knows (for `company`).
    pub fn longest_known_for(&self, company: Option<&Company>) -> usize {
        self.longest.max(company.map_or(0, |c| c.longest))
    }

    /// Whether `label` is a known section heading (for `company`).
    pub fn is_heading_for(&self, label: &str, company: Option<&Company>) -> bool {
        self.is_heading_key(&letters(label), company)
    }

    /// [`Vocab::is_heading_for`] on a label's letters form.
    pub fn is_heading_key(&self, key: &str, company: Option<&Company>) -> bool {
        self.headings.contains_key(key) || company.is_some_and(|c| c.headings.contains(key))
    }

    /// Whether `label` is a row heading the items below it (for `company`).
    pub fn is_group_for(&self, label: &str, company: Option<&Company>) -> bool {
        self.is_group_key(&letters(label), company)
    }

    /// [`Vocab::is_group_for`] on a label's letters form.
    pub fn is_group_key(&self, key: &str, company: Option<&Company>) -> bool {
        self.groups.contains_key(key) || company.is_some_and(|c| c.groups.contains(key))
    }

    /// Whether `label` is a declared total (for `company`).
    pub fn is_total_for(&self, label: &str, company: Option<&Company>) -> bool {
        self.is_total_key(&letters(label), company)
    }

    /// [`Vocab::is_total_for`] on a label's letters form.
    pub fn is_total_key(&self, key: &str, company: Option<&Company>) -> bool {
        self.totals.contains_key(key) || company.is_some_and(|c| c.totals.contains(key))
    }

    /// [`Vocab::rollup`], with `company`'s roll-ups.
    pub fn rollup_for<'a>(
        &'a self,
        total: &str,
        company: Option<&'a Company>,
    ) -> Option<&'a [String]> {
        self.rollup_key(&letters(total), company)
    }

    /// [`Vocab::rollup_for`] on a total's letters form.
    pub fn rollup_key<'a>(
        &'a self,
        key: &str,
        company: Option<&'a Company>,
    ) -> Option<&'a [String]> {
        self.rollups
            .get(key)
            .or_else(|| company?.rollups.get(key))
            .map(Vec::as_slice)
    }

    /// The standard reconciliation column header contained in `text`
    /// (compared on letters), the longest if several.
    pub fn column(&self, text: &str) -> Option<&str> {
        // A column's letters are no more than the text's (most header
        // cells are short: no copy).
        let n = letters_len(text);
        if self.columns.iter().all(|(k, _)| k.len() > n) {
            return None;
        }
        let t = letters(text);
        self.columns
            .iter()
            .filter(|(k, _)| t.contains(k.as_str()))
            .max_by_key(|(k, _)| k.len())
            .map(|(_, v)| v.as_str())
    }

    /// Whether `text` is a header spanning several columns ("IFRSs adjustments"),
    /// allowing two letters of damage.
    pub fn is_spanning(&self, text: &str) -> bool {
        const MAX: usize = 2;
        // Within two edits, the letter counts differ by two at most (most
        // texts are not near in length: no copy).
        let n = if text.is_ascii() {
            letters_len(text)
        } else {
            letters(text).chars().count()
        };
        if n == 0 || self.spanning.iter().all(|s| s.len().abs_diff(n) > MAX) {
            return false;
        }
        let t: Vec<char> = letters(text).chars().collect();
        self.spanning
            .iter()
            .any(|s| bounded_distance(&t, s, MAX).is_some())
    }
}

/// The key of a declared roll-up component: its letters form, keeping a
/// `*` wildcard ("TOTAL * EQUITY" gives "total*equity").
fn part_key(name: &str) -> String {
    name.split('*').map(letters).collect::<Vec<_>>().join("*")
}

/// Whether a row label (letters form) matches a roll-up component key: equal,
/// or for a key with `*`, the same ends with at least one letter between.
pub fn part_matches(key: &str, label_letters: &str) -> bool {
    match key.split_once('*') {
        None => key == label_letters,
        Some((head, tail)) => {
            label_letters.len() > head.len() + tail.len()
                && label_letters.starts_with(head)
                && label_letters.ends_with(tail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_ocr_labels() {
        let v = Vocab::get();
        let qifu = v.company("Qifu Technology, Inc.");
        let garbled =
            "Net income per ADS attributable to ordinary sharehold ders of Oifu Techr nology, Inc.";
        // Labels naming the company are only known for a company.
        assert!(v.closest(garbled).is_none());
        let (l, _) = v.closest_for(garbled, Some(&qifu)).unwrap();
        assert_eq!(
            l,
            "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc."
        );
        assert!(v.closest("Income tax expense xyz").is_none());
        assert!(v.is_heading("Current assets:"));
        assert!(v.is_heading_key(&letters("Current assets:"), None));
        assert_eq!(
            v.variant_key(&letters("Contract liability")),
            v.variant_of("Contract liability")
        );
    }

    #[test]
    fn company_labels_are_spelled_per_company() {
        assert_eq!(
            instantiate("TOTAL * EQUITY", "Qifu Technology, Inc."),
            "TOTAL QIFU TECHNOLOGY INC EQUITY"
        );
        assert_eq!(
            instantiate("Net income attributable to shareholders of *.", "Acme Ltd."),
            "Net income attributable to shareholders of Acme Ltd."
        );
        let v = Vocab::get();
        let acme = v.company("Acme Zeta Technology, Inc.");
        assert!(v.is_total_for(
            "Non-GAAP net income attributable to shareholders of Acme Zeta Technology, Inc.",
            Some(&acme)
        ));
        assert!(!v.is_total_for(
            "Non-GAAP net income attributable to shareholders of Qifu Technology, Inc.",
            Some(&acme)
        ));
        let key = letters(
            "Non-GAAP net income attributable to shareholders of Acme Zeta Technology, Inc.",
        );
        assert!(v.is_total_key(&key, Some(&acme)));
        assert!(!v.is_total_key(&key, None));
        let total = letters("TOTAL ACME ZETA TECHNOLOGY INC. EQUITY");
        assert_eq!(
            v.rollup_key(&total, Some(&acme)),
            v.rollup_for("TOTAL ACME ZETA TECHNOLOGY INC. EQUITY", Some(&acme))
        );
        assert_eq!(
            v.known_letters_for("totalacmezetatechnologyincequity", Some(&acme)),
            Some("TOTAL ACME ZETA TECHNOLOGY INC EQUITY")
        );
        assert!(Vocab::get().company("").is_empty());
    }

    #[test]
    fn rollup_wildcards_stand_for_the_company_name() {
        let key = part_key("TOTAL * EQUITY");
        assert_eq!(key, "total*equity");
        assert!(part_matches(
            &key,
            &letters("TOTAL QIFU TECHNOLOGY INC EQUITY")
        ));
        assert!(part_matches(
            &key,
            &letters("TOTAL ACME AAAB TECHNOLOGY INC. EQUITY")
        ));
        assert!(!part_matches(&key, &letters("TOTAL EQUITY")));
        assert!(part_matches(
            &part_key("Noncontrolling interests"),
            "noncontrollinginterests"
        ));
    }
}
