//! Normal forms and metric lookups remembered across filings. Row labels
//! and subjects repeat from filing to filing (and a subject is looked up by
//! both the metrics statement and the linker), so each distinct text is
//! normalised once per thread. The memo forgets everything when it grows
//! past [`LIMIT`] texts, so odd inputs cannot make it grow without bound.

use super::aliases::ALIASES;
use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;
use std::rc::Rc;

/// Texts remembered per thread before the memo starts afresh.
const LIMIT: usize = 50_000;

/// What is remembered of one text.
struct Entry {
    /// Its normal form.
    key: Rc<str>,
    /// The metric its normal form denotes, once asked for.
    metric: Option<Option<usize>>,
}

thread_local! {
    static MEMO: RefCell<HashMap<Box<str>, Entry>> = RefCell::new(HashMap::new());
}

/// Runs `f` on the entry of `text`, creating it (its normal form) if new.
fn with_entry<T>(text: &str, f: impl FnOnce(&mut Entry) -> T) -> T {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(e) = memo.get_mut(text) {
            return f(e);
        }
        if memo.len() >= LIMIT {
            memo.clear();
        }
        let key: Rc<str> = ALIASES.key(text).into();
        let e = memo
            .entry(text.into())
            .or_insert(Entry { key, metric: None });
        f(e)
    })
}

/// The normal form of `text` ([`Table::key`](super::aliases::Table::key)).
pub(crate) fn key(text: &str) -> Rc<str> {
    with_entry(text, |e| Rc::clone(&e.key))
}

/// The metric `text` denotes ([`Table::metric_for_key`](super::aliases::Table::metric_for_key)
/// of its normal form).
pub(crate) fn metric(text: &str) -> Option<usize> {
    with_entry(text, |e| {
        *e.metric
            .get_or_insert_with(|| ALIASES.metric_for_key(&e.key))
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
                assert_eq!(metric(text), t.metric_for(text));
            }
        }
    }
}
