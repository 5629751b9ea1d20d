//! Normal forms and subject lookups remembered across filings. Row labels
//! and subjects repeat from filing to filing (and a subject is looked up by
//! both the metrics statement and the linker), so each distinct text is
//! normalised once per thread. The memo forgets everything when it grows
//! past [`LIMIT`] texts, so odd inputs cannot make it grow without bound.

use super::aliases::ALIASES;
use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;
use std::rc::Rc;
use std::thread::LocalKey;

/// Texts remembered per thread before the memo starts afresh.
const LIMIT: usize = 50_000;

/// What the metrics statement and the linker need of a subject.
pub(crate) struct Subject {
    /// Its normal form, then its variants ([`Table::variants`](super::aliases::Table::variants)).
    pub variants: Vec<String>,
    /// The metric it denotes ([`Table::metric_for_key`](super::aliases::Table::metric_for_key)).
    pub metric: Option<usize>,
    /// The aliases it matches, by index into the table's `alias`, in order.
    pub aliases: Vec<usize>,
}

thread_local! {
    static KEYS: RefCell<HashMap<Box<str>, Rc<str>>> = RefCell::new(HashMap::new());
    static SUBJECTS: RefCell<HashMap<Box<str>, Rc<Subject>>> = RefCell::new(HashMap::new());
}

/// The value `memo` holds for `text`, made by `make` (and remembered) the
/// first time.
fn remembered<V: ?Sized>(
    memo: &'static LocalKey<RefCell<HashMap<Box<str>, Rc<V>>>>,
    text: &str,
    make: impl FnOnce() -> Rc<V>,
) -> Rc<V> {
    if let Some(v) = memo.with(|m| m.borrow().get(text).cloned()) {
        return v;
    }
    let v = make();
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= LIMIT {
            m.clear();
        }
        m.insert(text.into(), Rc::clone(&v));
    });
    v
}

/// The normal form of `text` ([`Table::key`](super::aliases::Table::key)).
pub(crate) fn key(text: &str) -> Rc<str> {
    remembered(&KEYS, text, || ALIASES.key(text).into())
}

/// What is known of the subject `text`.
pub(crate) fn subject(text: &str) -> Rc<Subject> {
    remembered(&SUBJECTS, text, || {
        let t = &*ALIASES;
        let key = key(text);
        Rc::new(Subject {
            metric: t.metric_for_key(&key),
            variants: t.variants(key.to_string()),
            aliases: t.aliases_for_key(&key),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_what_the_table_computes() {
        let t = &*ALIASES;
        for text in [
            "Total net revenue",
            "Net income per fully diluted American depository share (\"ADS\")",
            "Provision for contingent liabilities",
            "30-day collection rate",
        ] {
            for _ in 0..2 {
                assert_eq!(&*key(text), t.key(text));
                assert_eq!(subject(text).metric, t.metric_for(text));
            }
        }
    }
}
