//! A memo of label keys: the key [`super::rules::Labels::key_ref`] found
//! for a label once it is generic and qualified (the step that scans every
//! label pattern), and of labels' normalised forms (see
//! [`super::rules::normalize`]), shared by the threads of a run (and so by
//! its companies) and bounded in size.

use super::rules::{KeyRef, normalize};
use super::text::Shared;
use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// At most this many labels are remembered in each map; later ones are
/// looked up each time.
const LIMIT: usize = 65_536;

/// Keys found so far, by generic, qualified label; normalised labels by
/// label.
#[derive(Debug, Default)]
pub(crate) struct KeyMemo {
    keys: Mutex<FxHashMap<String, KeyRef>>,
    norms: Mutex<FxHashMap<String, (Shared, Shared)>>,
}

impl KeyMemo {
    /// The key remembered for `label`, else `find(label)`, remembered.
    pub fn get_or(&self, label: &str, find: impl FnOnce(&str) -> KeyRef) -> KeyRef {
        remembered(&self.keys, label, || find(label))
    }

    /// `label` as a shared text and its normalised form, remembered.
    pub fn norm(&self, label: &str) -> (Shared, Shared) {
        remembered(&self.norms, label, || {
            (label.into(), normalize(label).into())
        })
    }
}

/// The value `map` holds for `label`, else `make()`, remembered while the
/// map holds fewer than [`LIMIT`] labels.
fn remembered<V: Clone>(
    map: &Mutex<FxHashMap<String, V>>,
    label: &str,
    make: impl FnOnce() -> V,
) -> V {
    if let Ok(map) = map.lock()
        && let Some(v) = map.get(label)
    {
        return v.clone();
    }
    let v = make();
    if let Ok(mut map) = map.lock()
        && map.len() < LIMIT
    {
        map.insert(label.to_string(), v.clone());
    }
    v
}

/// A copy starts empty: what it remembers is only a cache.
impl Clone for KeyMemo {
    fn clone(&self) -> Self {
        KeyMemo::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_what_it_found() {
        let memo = KeyMemo::default();
        let mut calls = 0;
        for _ in 0..3 {
            let k = memo.get_or("total current assets", |l| {
                calls += 1;
                KeyRef::Other(l.to_string())
            });
            assert_eq!(k, KeyRef::Other("total current assets".into()));
        }
        assert_eq!(calls, 1);
    }

    #[test]
    fn normalises_as_normalize_does() {
        let memo = KeyMemo::default();
        let (filings, _) = crate::load::load_all(&crate::load::bundled());
        let labels = filings
            .iter()
            .flat_map(|f| &f.statements)
            .flat_map(|s| &s.rows)
            .map(|r| r.label.as_str());
        let mut n = 0;
        for l in labels.chain(["Total équité", "Total équité"]) {
            let (label, norm) = memo.norm(l);
            assert_eq!(label, l);
            assert_eq!(norm.as_str(), normalize(l));
            n += 1;
        }
        assert!(n > 100);
    }
}
