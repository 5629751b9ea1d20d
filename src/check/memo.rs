//! A memo of label keys: the key [`super::rules::Labels::key_ref`] found
//! for a label once it is generic and qualified (the step that scans every
//! label pattern), shared by the threads of a run and bounded in size.

use super::rules::KeyRef;
use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// At most this many labels are remembered; later ones are looked up
/// each time.
const LIMIT: usize = 65_536;

/// Keys found so far, by generic, qualified label.
#[derive(Debug, Default)]
pub(crate) struct KeyMemo(Mutex<FxHashMap<String, KeyRef>>);

impl KeyMemo {
    /// The key remembered for `label`, else `find(label)`, remembered.
    pub fn get_or(&self, label: &str, find: impl FnOnce(&str) -> KeyRef) -> KeyRef {
        if let Ok(map) = self.0.lock()
            && let Some(k) = map.get(label)
        {
            return k.clone();
        }
        let k = find(label);
        if let Ok(mut map) = self.0.lock()
            && map.len() < LIMIT
        {
            map.insert(label.to_string(), k.clone());
        }
        k
    }
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
}
