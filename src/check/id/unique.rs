//! Making check ids unique within a run: repeats are found from hashes of
//! the ids' parts, so the usual run, where nothing repeats, writes no id.

use super::*;

/// Makes ids unique within a run (the same filing loaded twice, say) by
/// suffixing repeats with "~2", "~3".
pub(crate) fn make_unique(ids: &mut [&mut CheckId]) {
    // Usually nothing repeats: find that out from hashes of the ids. Where
    // no filing id or rule id holds a '/', a written id splits into the
    // same segments as its parts, so ids of rows and rules are hashed from
    // their parts (the same text gives the same hash); others as written.
    let mut filings = Filings::default();
    let mut hashes = HashSet64::with_capacity(ids.len());
    let mut periods = Vec::new();
    let mut subjects = Subjects::default();
    let mut clash = false;
    let mut by_parts = true;
    for id in ids.iter() {
        let Some(h) = id.parts_hash(&mut filings, &mut subjects, &mut periods) else {
            by_parts = false;
            break;
        };
        if !hashes.insert(h) {
            clash = true;
            break;
        }
    }
    if !by_parts {
        hashes = HashSet64::with_capacity(ids.len());
        for id in ids.iter() {
            let mut h = TextHash::default();
            let _ = id.write_to(&mut h);
            if !hashes.insert(h.0) {
                clash = true;
                break;
            }
        }
    }
    if !clash {
        return;
    }
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for c in ids.iter_mut() {
        let id = c.to_string();
        if !seen.insert(id.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{id}~{n}")) {
                n += 1;
            }
            c.repeat = n;
        }
    }
}

/// A set of 64-bit hashes by open addressing, sized once. A hash and the
/// same hash with its lowest bit flipped count as one (a false repeat only
/// sends [`make_unique`] the long way).
pub(super) struct HashSet64 {
    /// Each hash with its lowest bit set; 0: empty.
    slots: Vec<u64>,
    /// log2 of the number of slots.
    bits: u32,
}

impl HashSet64 {
    /// Room for `n` hashes, at most two thirds full.
    fn with_capacity(n: usize) -> Self {
        let bits = (n.max(4) * 3 / 2).next_power_of_two().trailing_zeros();
        HashSet64 {
            slots: vec![0; 1 << bits],
            bits,
        }
    }

    /// Adds `h`; false if it was there.
    fn insert(&mut self, h: u64) -> bool {
        let h = h | 1;
        let mask = self.slots.len() - 1;
        let mut i = (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize;
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = h;
                    return true;
                }
                x if x == h => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The [`slug_hash`] of each subject text met (facts of one subject
/// repeat it), by its text.
#[derive(Default)]
pub(super) struct Subjects<'s>(rustc_hash::FxHashMap<&'s str, u64>);

impl<'s> Subjects<'s> {
    /// [`slug_hash`] of `text`, remembered.
    fn hash(&mut self, text: &'s str) -> u64 {
        *self.0.entry(text).or_insert_with(|| slug_hash(text))
    }
}

/// The hash of each filing id met and whether it holds no '/', by the
/// address of its shared text (results of one filing share it).
#[derive(Default)]
pub(super) struct Filings {
    /// The filing id met last: address, length, hash, no '/'.
    last: Option<(*const u8, usize, u64, bool)>,
    /// Every other one met.
    others: Vec<(*const u8, usize, u64, bool)>,
}

impl Filings {
    /// (hash, holds no '/') of a filing id.
    fn of(&mut self, f: &Shared) -> (u64, bool) {
        let key = (f.as_ptr(), f.len());
        if let Some((p, n, h, plain)) = self.last
            && (p, n) == key
        {
            return (h, plain);
        }
        let e = match self.others.iter().find(|e| (e.0, e.1) == key) {
            Some(&e) => e,
            None => {
                let e = (key.0, key.1, text_hash(f), !f.contains('/'));
                self.others.push(e);
                e
            }
        };
        self.last = Some(e);
        (e.2, e.3)
    }
}

impl CheckId {
    /// A hash of an id from its parts (see [`make_unique`]): equal written
    /// ids give equal hashes; `None` when a part holds a '/' (the written
    /// id splits otherwise) or the id is text. Row and rule ids hash alike (their texts can
    /// be equal); the other paths have segments no row or rule id has
    /// ("line-`n`", a currency), so each hashes its own way. `periods`
    /// remembers the hashes of period slugs written so far.
    fn parts_hash<'s>(
        &'s self,
        filings: &mut Filings,
        subjects: &mut Subjects<'s>,
        periods: &mut Vec<(Period, u64)>,
    ) -> Option<u64> {
        let Repr::Path { kind, filing, path } = &self.repr else {
            return None;
        };
        let (fh, plain) = filings.of(filing);
        if !plain {
            return None;
        }
        let mut h = FxHasher::default();
        h.write_u8(*kind as u8);
        h.write_u64(fh);
        match path {
            Path::Row {
                statement,
                row,
                column,
                tail,
            } => {
                h.write_u8(*statement as u8);
                h.write_u64(row.hash);
                h.write_u32(*column);
                match tail {
                    Tail::None => h.write_u8(0),
                    Tail::RollUp => h.write_u8(1),
                    Tail::Repeated(f) => {
                        h.write_u8(2);
                        h.write_u64(filings.of(f).0);
                    }
                    Tail::Tag(t) => {
                        h.write_u8(3);
                        h.write(t.as_bytes());
                    }
                }
            }
            Path::Rule {
                statement,
                rule,
                column,
            } => {
                if rule.contains('/') {
                    return None;
                }
                h.write_u8(*statement as u8);
                h.write_u64(text_hash(rule));
                h.write_u32(*column);
                h.write_u8(0);
            }
            Path::Fact {
                subject,
                period,
                currency,
                line,
            } => {
                h.write_u8(0xf0);
                h.write_u64(subjects.hash(subject));
                h.write_u64(period_slug_hash(periods, period));
                h.write_u8(matches!(currency, Currency::USD).into());
                h.write_usize(*line);
            }
            Path::Claim {
                claim,
                subject,
                line,
            } => {
                h.write_u8(0xf1);
                h.write(claim.as_bytes());
                h.write_u8(0xff);
                h.write_u64(subjects.hash(subject));
                h.write_usize(*line);
            }
            Path::Scale { line, raw } => {
                h.write_u8(0xf2);
                h.write_usize(*line);
                h.write_u64(subjects.hash(raw));
            }
        }
        Some(h.finish())
    }
}

/// A hash of [`write_slug`]'s text, mostly without writing it: equal
/// slugs give equal hashes (see [`runs_hash`]).
pub(super) fn slug_hash(text: &str) -> u64 {
    if text.is_ascii() {
        // The slug of ASCII text is its runs of letters and digits,
        // lowercased, joined by '-': the runs [`runs_hash`] reads.
        return runs_hash(text.as_bytes());
    }
    let mut slug = String::with_capacity(text.len());
    let _ = write_slug(&mut slug, text);
    runs_hash(slug.as_bytes())
}

/// A hash of the runs of `bytes` between ASCII bytes that are not letters
/// or digits, ASCII letters read as lowercase, joined by '-' (FNV-1a of
/// that text, byte by byte). A slug hashes as the text it was written from
/// when that is ASCII.
pub(super) fn runs_hash(bytes: &[u8]) -> u64 {
    let mut h = TextHash::default();
    let (mut gap, mut any) = (false, false);
    for &b in bytes {
        let c = RUN_BYTE[usize::from(b)];
        if c == 0 {
            gap = true;
            continue;
        }
        if gap && any {
            h.byte(b'-');
        }
        (gap, any) = (false, true);
        h.byte(c);
    }
    h.0
}

/// Per byte: 0 for an ASCII byte that is not a letter or digit, else the
/// byte with bit 0x20 set (an ASCII letter lowercased, a digit kept).
const RUN_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if !b.is_ascii() || b.is_ascii_alphanumeric() {
            t[i] = b | 0x20;
        }
        i += 1;
    }
    t
};

/// The [`TextHash`] of a period's slug, written once per period.
pub(super) fn period_slug_hash(seen: &mut Vec<(Period, u64)>, p: &Period) -> u64 {
    if let Some(&(_, h)) = seen.iter().find(|(q, _)| q == p) {
        return h;
    }
    let mut h = TextHash::default();
    let _ = write_period_slug(&mut h, p);
    seen.push((*p, h.0));
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_set_finds_repeats() {
        let mut set = HashSet64::with_capacity(1000);
        for i in 0..1000u64 {
            assert!(set.insert(i.wrapping_mul(0x2545_f491_4f6c_dd1d) << 1));
        }
        assert!(!set.insert(0));
        assert!(!set.insert(999u64.wrapping_mul(0x2545_f491_4f6c_dd1d) << 1));
        assert!(!set.insert(1), "the lowest bit is not told apart");
    }

    #[test]
    fn row_slugs_hash_as_their_text() {
        let a = RowSlug::new("total assets".into(), 2, 7);
        assert_eq!(a.text(), "total-assets-2");
        assert_eq!(a.hash, text_hash("total-assets-2"));
        assert_eq!(a, RowSlug::new("total assets 2".into(), 1, 3));
        assert_ne!(a, RowSlug::new("total assets".into(), 1, 7));
        assert_eq!(
            RowSlug::new("net income".into(), 12, 7).hash,
            text_hash("net-income-12")
        );
        let b = RowSlug::new("".into(), 1, 7);
        assert_eq!(b.text(), "row-7");
        assert_eq!(b.hash, text_hash("row-7"));
        let mut filings = Filings::default();
        let f: Shared = "acme-2024q2-6k".into();
        assert_eq!(filings.of(&f), (text_hash("acme-2024q2-6k"), true));
        assert_eq!(filings.of(&"a/b".into()), (text_hash("a/b"), false));
        assert_eq!(filings.of(&f.clone()).0, text_hash("acme-2024q2-6k"));
    }

    /// Hashing a slug from its text gives the hash of the written slug.
    #[test]
    fn slug_hash_is_the_hash_of_the_written_slug() {
        let (filings, _) = crate::load::load_all(&crate::load::bundled());
        let subjects = filings
            .iter()
            .flat_map(|f| &f.facts)
            .map(|x| x.subject.as_str());
        let mut n = 0;
        for s in subjects.chain(["Revenues — net (RMB)", "Total équité"]) {
            let mut slug = String::new();
            write_slug(&mut slug, s).unwrap();
            assert_eq!(slug_hash(s), runs_hash(slug.as_bytes()), "{s}");
            n += 1;
        }
        assert!(n > 10);
        assert_eq!(
            slug_hash("Revenues — net (RMB)"),
            slug_hash("revenues - NET, rmb")
        );
        assert_ne!(slug_hash("Revenues — net"), slug_hash("Revenues net RMB"));
    }
}
