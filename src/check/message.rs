//! A result's message, kept as its parts and written only when shown
//! ([`super::CheckResult::message`]): creating a result formats nothing.

use super::result::{CheckResult, Status};
use super::text::Shared;
use crate::model::{Currency, Period, StatementKind};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt;

/// Why a result has its status, in parts.
#[derive(Clone, Debug, PartialEq)]
pub enum Explanation {
    /// Judged against a computed value: "`subject` 4,160,063 agrees with
    /// `basis`, which gives [...]." or "`subject` is printed as ..., but
    /// `basis` gives [...]: off by ... beyond rounding." (from the result's
    /// status, actual, expected and difference).
    Judged {
        /// What was judged.
        subject: Subject,
        /// What it was judged against.
        basis: Basis,
    },
    /// Not checked: "`subject` not checked: `reason`."
    Skipped {
        /// What was not checked.
        subject: Subject,
        /// Why.
        reason: Cow<'static, str>,
    },
    /// A figure of the text no loaded filing prints: "\"`label`\"
    /// (`actual`) not checked: no loaded filing prints \"`row label`\" for
    /// `period` `currency`." (the result's label and actual value first).
    Unprinted {
        /// The row label looked for.
        label: Shared,
        /// The period looked for.
        period: Period,
        /// The currency looked for.
        currency: Currency,
    },
    /// A message written out in full.
    Text(String),
}

impl From<&str> for Explanation {
    fn from(s: &str) -> Self {
        Explanation::Text(s.to_string())
    }
}

impl From<String> for Explanation {
    fn from(s: String) -> Self {
        Explanation::Text(s)
    }
}

/// What a message is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A table cell: "Total current assets (Jun 30, 2024 RMB)"; a generic
    /// label carries its section ("Net income per ADS ... — Diluted").
    Cell {
        /// The row's label (with its section when generic).
        label: Shared,
        /// The column's short name ("Q2 2024 RMB").
        column: Shared,
    },
    /// A figure in the text: "`lead``subject` (text, line `line`)".
    Text {
        /// "", "The growth of ", "The share of ", "The total of ".
        lead: &'static str,
        /// The narrative subject.
        subject: Shared,
        /// Source line.
        line: usize,
    },
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Cell { label, column } => write!(f, "{label} ({column})"),
            Subject::Text {
                lead,
                subject,
                line,
            } => write!(f, "{lead}{subject} (text, line {line})"),
        }
    }
}

/// What a value was judged against.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// "the sum of its N components".
    Components(usize),
    /// A rule's own description.
    Rule(Shared),
    /// "the cash flow figure", or "2 × the income statement figure".
    Figure {
        /// The statement the figure comes from.
        statement: StatementKind,
        /// Exact factor applied (none for 1).
        factor: Option<Decimal>,
    },
    /// "U.S. GAAP plus the N adjustments".
    Adjustments(usize),
    /// "the share count of the RMB column".
    ShareCount,
    /// "RMB 1,376,508 ÷ 7.2672 (the stated rate)", widened by the rounding
    /// of `components` translated components when more than one.
    Translation {
        /// The RMB cell as printed.
        rmb: Shared,
        /// The stated rate.
        rate: Decimal,
        /// Translated components a total sums.
        components: usize,
    },
    /// "the same figure in `filing`".
    SameFigure(Shared),
    /// "6M 2024 + Q2 2024" style: the earlier months plus the last quarter.
    RollUp(Period, Period),
    /// "the ending cash of Q1 2024".
    EndingCash(Period),
    /// "the beginning cash of Q2 2024".
    BeginningCash(Period),
    /// A table cell for a figure of the text: "Total net revenue 4,160,063
    /// in the table", "... 151,880,694 shares ÷ 2 in qfin-2024q1-press-release".
    Cell {
        /// The row's label.
        label: Shared,
        /// The cell as printed.
        raw: Shared,
        /// Shares per ADS the count is divided by, if any.
        per: Option<Decimal>,
        /// The other filing printing it (none: this filing's table).
        filing: Option<Shared>,
    },
    /// Written out.
    Text(String),
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::Components(n) => write!(f, "the sum of its {n} components"),
            Basis::Rule(d) => f.write_str(d),
            Basis::Figure { statement, factor } => {
                let title = statement.title().to_lowercase();
                match factor {
                    None => write!(f, "the {title} figure"),
                    Some(k) => write!(f, "{} × the {title} figure", k.normalize()),
                }
            }
            Basis::Adjustments(n) => write!(f, "U.S. GAAP plus the {n} adjustments"),
            Basis::ShareCount => f.write_str("the share count of the RMB column"),
            Basis::Translation {
                rmb,
                rate,
                components,
            } => {
                write!(f, "RMB {rmb} ÷ {} (the stated rate)", rate.normalize())?;
                if *components > 1 {
                    write!(
                        f,
                        ", widened by the rounding of the {components} translated components it sums"
                    )?;
                }
                Ok(())
            }
            Basis::SameFigure(filing) => write!(f, "the same figure in {filing}"),
            Basis::RollUp(a, b) => write!(f, "{} + {}", a.short(), b.short()),
            Basis::EndingCash(p) => write!(f, "the ending cash of {}", p.short()),
            Basis::BeginningCash(p) => write!(f, "the beginning cash of {}", p.short()),
            Basis::Cell {
                label,
                raw,
                per,
                filing,
            } => {
                let place = filing.as_deref().unwrap_or("the table");
                match per {
                    None => write!(f, "{label} {raw} in {place}"),
                    Some(k) => write!(f, "{label} {raw} shares ÷ {} in {place}", k.normalize()),
                }
            }
            Basis::Text(s) => f.write_str(s),
        }
    }
}

/// A result's message as text (see [`CheckResult::message`]).
pub struct Message<'a>(pub(crate) &'a CheckResult);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.0;
        match &r.explanation {
            Explanation::Text(s) => f.write_str(s),
            Explanation::Unprinted {
                label,
                period,
                currency,
            } => write!(
                f,
                "\"{}\" ({}) not checked: no loaded filing prints \"{label}\" for {} {currency}.",
                r.label,
                r.actual.as_deref().unwrap_or(""),
                period.short()
            ),
            Explanation::Skipped { subject, reason } => {
                write!(f, "{subject} not checked: {reason}.")
            }
            Explanation::Judged { subject, basis } => {
                let printed = r.actual.as_deref().unwrap_or("blank");
                let shown = Shown(r.expected.as_ref());
                if r.status == Status::Pass {
                    write!(
                        f,
                        "{subject} {printed} agrees with {basis}, which gives {shown}."
                    )
                } else {
                    let diff = Shown(r.difference.as_ref());
                    write!(
                        f,
                        "{subject} is printed as {printed}, but {basis} gives {shown}: off by {diff} beyond rounding."
                    )
                }
            }
        }
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string())
    }
}

struct Shown<'a, T>(Option<&'a T>);

impl<T: fmt::Display> fmt::Display for Shown<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(x) => x.fmt(f),
            None => Ok(()),
        }
    }
}
