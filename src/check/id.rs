//! Check ids, kept as their parts and written only when shown:
//! "footing/qfin-2024q2-6k/balance-sheet/total-current-assets/2".

use super::result::CheckKind;
use super::text::{Shared, write_period_slug, write_slug};
use crate::model::{Currency, Period, StatementKind};
use rustc_hash::{FxHashSet, FxHasher};
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
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RowSlug(pub Shared);

impl RowSlug {
    /// The fragment of row `index` whose normalised label is `norm`, the
    /// `occurrence`-th (from 1) with that label in its statement.
    pub fn new(norm: &str, occurrence: u32, index: usize, scratch: &mut Vec<u8>) -> Self {
        scratch.clear();
        if norm.is_empty() {
            scratch.extend_from_slice(b"row-");
            scratch.extend_from_slice(index.to_string().as_bytes());
        } else {
            scratch.extend(norm.bytes().map(|b| if b == b' ' { b'-' } else { b }));
            if occurrence > 1 {
                scratch.push(b'-');
                scratch.extend_from_slice(occurrence.to_string().as_bytes());
            }
        }
        RowSlug(std::str::from_utf8(scratch).unwrap_or_default().into())
    }
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
                w.write_str(&row.0)?;
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
    let by_parts = ids.iter().all(|id| id.plain_parts());
    let mut hashes: FxHashSet<u64> =
        FxHashSet::with_capacity_and_hasher(ids.len(), Default::default());
    let mut clash = false;
    let mut periods = Vec::new();
    for id in ids.iter() {
        let parts = if by_parts {
            id.parts_hash(&mut periods)
        } else {
            None
        };
        let h = match parts {
            Some(h) => h,
            None => {
                let mut h = TextHash::default();
                let _ = id.write_to(&mut h);
                h.0
            }
        };
        if !hashes.insert(h) {
            clash = true;
            break;
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

impl CheckId {
    /// Whether the id is made of parts none of which holds a '/'.
    fn plain_parts(&self) -> bool {
        match &self.repr {
            Repr::Text(_) => false,
            Repr::Path { filing, path, .. } => {
                !filing.contains('/')
                    && match path {
                        Path::Rule { rule, .. } => !rule.contains('/'),
                        _ => true,
                    }
            }
        }
    }

    /// A hash of an id from its parts (see [`make_unique`]): equal written
    /// ids give equal hashes. Row and rule ids hash alike (their texts can
    /// be equal); the other paths have segments no row or rule id has
    /// ("line-`n`", a currency), so each hashes its own way. `periods`
    /// remembers the hashes of period slugs written so far.
    fn parts_hash(&self, periods: &mut Vec<(Period, u64)>) -> Option<u64> {
        let Repr::Path { kind, filing, path } = &self.repr else {
            return None;
        };
        let mut h = FxHasher::default();
        h.write_u8(*kind as u8);
        h.write(filing.as_bytes());
        h.write_u8(0xff);
        match path {
            Path::Row {
                statement,
                row,
                column,
                tail,
            } => {
                h.write_u8(*statement as u8);
                h.write(row.0.as_bytes());
                h.write_u8(0xff);
                h.write_u32(*column);
                match tail {
                    Tail::None => h.write_u8(0),
                    Tail::RollUp => h.write_u8(1),
                    Tail::Repeated(f) => {
                        h.write_u8(2);
                        h.write(f.as_bytes());
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
                h.write_u8(*statement as u8);
                h.write(rule.as_bytes());
                h.write_u8(0xff);
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
                h.write_u64(slug_hash(subject));
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
                h.write_u64(slug_hash(subject));
                h.write_usize(*line);
            }
            Path::Scale { line, raw } => {
                h.write_u8(0xf2);
                h.write_usize(*line);
                h.write_u64(slug_hash(raw));
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
/// or digits, ASCII letters read as lowercase, eight bytes at a time. A
/// slug hashes as the text it was written from when that is ASCII.
fn runs_hash(bytes: &[u8]) -> u64 {
    // Setting bit 0x20 lowercases an ASCII letter and keeps a digit.
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut h = FxHasher::default();
    let apart = |b: &u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    for run in bytes.split(apart).filter(|r| !r.is_empty()) {
        let mut eights = run.chunks_exact(8);
        for c in &mut eights {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h.write_u64(u64::from_le_bytes(w) | LOWER);
        }
        for &b in eights.remainder() {
            h.write_u8(b | 0x20);
        }
        h.write_u8(b'-');
    }
    h.finish()
}

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
