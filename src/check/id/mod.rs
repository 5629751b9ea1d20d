//! Check ids, kept as their parts and written only when shown:
//! "footing/qfin-2024q2-6k/balance-sheet/total-current-assets/2".

use super::result::CheckKind;
use super::text::{Shared, write_dashed, write_period_slug, write_slug};
use crate::model::{Currency, Period, StatementKind};
use rustc_hash::FxHasher;
use serde::{Serialize, Serializer};
use std::fmt::{self, Write};
use std::hash::Hasher;

mod unique;

pub(crate) use unique::make_unique;

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
