//! Check ids, kept as their parts and written only when shown:
//! "footing/qfin-2024q2-6k/balance-sheet/total-current-assets/2".

use super::result::CheckKind;
use super::text::{Shared, write_dashed, write_period_slug, write_slug};
use crate::model::{Currency, Period, StatementKind};
use rustc_hash::FxHasher;
use serde::{Serialize, Serializer};
use std::fmt::{self, Write};
use std::hash::Hasher;

/// A check's stable id, unique within a run. Displays as text; compares
/// with `&str` without allocating.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckId {
    repr: Repr,
    /// 0, or n for the n-th repeat of the same id in a run ("~n").
    repeat: u32,
}

#[derive(Clone, Debug, PartialEq)]
enum Repr {
    /// Written out in full.
    Text(Box<str>),
    /// "`kind`/`filing`/`path`".
    Path {
        kind: CheckKind,
        filing: Shared,
        path: Path,
    },
}

/// The part of an id after its kind and filing.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Path {
    /// "`statement`/`row slug`/`column`[/`tail`]".
    Row {
        statement: StatementKind,
        row: RowSlug,
        column: u32,
        tail: Tail,
    },
    /// "`statement`/`rule id`/`column`".
    Rule {
        statement: StatementKind,
        rule: Shared,
        column: u32,
    },
    /// "`subject slug`/`period`/`currency`/line-`line`".
    Fact {
        subject: Shared,
        period: Period,
        currency: Currency,
        line: usize,
    },
    /// "claim-`claim`/`subject slug`/line-`line`".
    Claim {
        claim: &'static str,
        subject: Shared,
        line: usize,
    },
    /// "line-`line`/`raw slug`".
    Scale { line: usize, raw: Shared },
}

/// A row's id fragment: its normalised label with dashes, "-2", "-3" for
/// repeats within the statement, "row-`index`" when the label is empty.
/// Kept as the normalised label and the number, written when shown, with
/// the [`text_hash`] of its text (for [`make_unique`]).
#[derive(Clone, Debug)]
pub(crate) struct RowSlug {
    /// The normalised label.
    norm: Shared,
    /// The occurrence (a suffix from 2), or the row's index for an empty label.
    number: u32,
    /// [`text_hash`] of the fragment.
    hash: u64,
}

impl RowSlug {
    /// The fragment of row `index` whose normalised label is `norm`, the
    /// `occurrence`-th (from 1) with that label in its statement.
    pub fn new(norm: Shared, occurrence: u32, index: usize) -> Self {
        let number = if norm.is_empty() {
            index as u32
        } else {
            occurrence
        };
        // The hash of the written text, the label's spaces as dashes.
        let mut h = TextHash::default();
        if norm.is_empty() {
            let _ = h.write_str("row-");
        } else {
            for &b in norm.as_bytes() {
                h.byte(if b == b' ' { b'-' } else { b });
            }
            if number > 1 {
                h.byte(b'-');
            }
        }
        if norm.is_empty() || number > 1 {
            let _ = write_num(&mut h, number as usize);
        }
        RowSlug {
            norm,
            number,
            hash: h.0,
        }
    }

    /// Writes the fragment.
    fn write_to(&self, w: &mut impl Write) -> fmt::Result {
        if self.norm.is_empty() {
            w.write_str("row-")?;
            return write_num(w, self.number as usize);
        }
        write_dashed(w, &self.norm)?;
        if self.number > 1 {
            w.write_char('-')?;
            write_num(w, self.number as usize)?;
        }
        Ok(())
    }

    /// The fragment as text.
    #[cfg(test)]
    fn text(&self) -> String {
        let mut s = String::new();
        let _ = self.write_to(&mut s);
        s
    }
}

/// Fragments are equal when their texts are.
impl PartialEq for RowSlug {
    fn eq(&self, o: &Self) -> bool {
        let text = |r: &RowSlug| {
            let mut s = String::new();
            let _ = r.write_to(&mut s);
            s
        };
        self.hash == o.hash && text(self) == text(o)
    }
}

/// A hash of a segment's text (a row slug or a rule id): FNV-1a, as
/// [`TextHash`] of the text written in any pieces.
fn text_hash(s: &str) -> u64 {
    let mut h = TextHash::default();
    let _ = h.write_str(s);
    h.0
}

/// What follows a period check's column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tail {
    None,
    /// "/roll-up".
    RollUp,
    /// "/repeated-`filing`".
    Repeated(Shared),
    /// "/`tag`".
    Tag(&'static str),
}

impl CheckId {
    pub(crate) fn new(kind: CheckKind, filing: Shared, path: Path) -> Self {
        CheckId {
            repr: Repr::Path { kind, filing, path },
            repeat: 0,
        }
    }

    /// Writes the id.
    fn write_to(&self, w: &mut impl Write) -> fmt::Result {
        match &self.repr {
            Repr::Text(s) => w.write_str(s)?,
            Repr::Path { kind, filing, path } => {
                w.write_str(kind_id(*kind))?;
                w.write_char('/')?;
                w.write_str(filing)?;
                w.write_char('/')?;
                path.write_to(w)?;
            }
        }
        if self.repeat > 0 {
            write!(w, "~{}", self.repeat)?;
        }
        Ok(())
    }
}

fn kind_id(k: CheckKind) -> &'static str {
    match k {
        CheckKind::Footing => "footing",
        CheckKind::Identity => "identity",
        CheckKind::CrossFoot => "cross-foot",
        CheckKind::Period => "period",
        CheckKind::Fx => "fx",
        CheckKind::Ratio => "ratio",
        CheckKind::Narrative => "narrative",
        CheckKind::Scale => "scale",
    }
}

fn write_num(w: &mut impl Write, n: usize) -> fmt::Result {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    w.write_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"))
}

impl Path {
    fn write_to(&self, w: &mut impl Write) -> fmt::Result {
        match self {
            Path::Row {
                statement,
                row,
                column,
                tail,
            } => {
                w.write_str(statement.id())?;
                w.write_char('/')?;
                row.write_to(w)?;
                w.write_char('/')?;
                write_num(w, *column as usize)?;
                match tail {
                    Tail::None => Ok(()),
                    Tail::RollUp => w.write_str("/roll-up"),
                    Tail::Repeated(f) => {
                        w.write_str("/repeated-")?;
                        w.write_str(f)
                    }
                    Tail::Tag(t) => {
                        w.write_char('/')?;
                        w.write_str(t)
                    }
                }
            }
            Path::Rule {
                statement,
                rule,
                column,
            } => {
                w.write_str(statement.id())?;
                w.write_char('/')?;
                w.write_str(rule)?;
                w.write_char('/')?;
                write_num(w, *column as usize)
            }
            Path::Fact {
                subject,
                period,
                currency,
                line,
            } => {
                write_slug(w, subject)?;
                w.write_char('/')?;
                write_period_slug(w, period)?;
                w.write_char('/')?;
                w.write_str(match currency {
                    Currency::RMB => "RMB",
                    Currency::USD => "USD",
                })?;
                w.write_str("/line-")?;
                write_num(w, *line)
            }
            Path::Claim {
                claim,
                subject,
                line,
            } => {
                w.write_str("claim-")?;
                w.write_str(claim)?;
                w.write_char('/')?;
                write_slug(w, subject)?;
                w.write_str("/line-")?;
                write_num(w, *line)
            }
            Path::Scale { line, raw } => {
                w.write_str("line-")?;
                write_num(w, *line)?;
                w.write_char('/')?;
                write_slug(w, raw)
            }
        }
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl Serialize for CheckId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl From<&str> for CheckId {
    fn from(s: &str) -> Self {
        CheckId {
            repr: Repr::Text(s.into()),
            repeat: 0,
        }
    }
}

impl From<String> for CheckId {
    fn from(s: String) -> Self {
        CheckId {
            repr: Repr::Text(s.into()),
            repeat: 0,
        }
    }
}

/// Compares written text against a string, piece by piece.
struct Matches<'a> {
    rest: &'a str,
    ok: bool,
}

impl Write for Matches<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.rest.strip_prefix(s) {
            Some(r) if self.ok => {
                self.rest = r;
                Ok(())
            }
            _ => {
                self.ok = false;
                Err(fmt::Error)
            }
        }
    }
}

impl PartialEq<str> for CheckId {
    fn eq(&self, o: &str) -> bool {
        let mut m = Matches { rest: o, ok: true };
        self.write_to(&mut m).is_ok() && m.ok && m.rest.is_empty()
    }
}

impl PartialEq<&str> for CheckId {
    fn eq(&self, o: &&str) -> bool {
        *self == **o
    }
}

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
struct HashSet64 {
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
struct Subjects<'s>(rustc_hash::FxHashMap<&'s str, u64>);

impl<'s> Subjects<'s> {
    /// [`slug_hash`] of `text`, remembered.
    fn hash(&mut self, text: &'s str) -> u64 {
        *self.0.entry(text).or_insert_with(|| slug_hash(text))
    }
}

/// The hash of each filing id met and whether it holds no '/', by the
/// address of its shared text (results of one filing share it).
#[derive(Default)]
struct Filings {
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
fn slug_hash(text: &str) -> u64 {
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
fn runs_hash(bytes: &[u8]) -> u64 {
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
fn period_slug_hash(seen: &mut Vec<(Period, u64)>, p: &Period) -> u64 {
    if let Some(&(_, h)) = seen.iter().find(|(q, _)| q == p) {
        return h;
    }
    let mut h = TextHash::default();
    let _ = write_period_slug(&mut h, p);
    seen.push((*p, h.0));
    h.0
}

/// A hash of written text (FNV-1a): the same text gives the same hash
/// however it is written in pieces.
struct TextHash(u64);

impl Default for TextHash {
    fn default() -> Self {
        TextHash(0xcbf2_9ce4_8422_2325)
    }
}

impl TextHash {
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
}

impl Write for TextHash {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        Ok(())
    }

    fn write_char(&mut self, c: char) -> fmt::Result {
        if c.is_ascii() {
            self.byte(c as u8);
            Ok(())
        } else {
            self.write_str(c.encode_utf8(&mut [0; 4]))
        }
    }
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
