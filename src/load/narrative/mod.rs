//! Narrative facts, claims and key operating metrics read from the prose.
//!
//! The pipeline: the lines of the highlights and financial-results sections
//! are cleaned ([`text`]), their figures found ([`quantity`]), each figure
//! given a subject, a period and a role by the words around it ([`facts`],
//! [`subject`], [`periods`]); footnoted breakdowns become claims
//! ([`claims`]); the metric facts become the `metrics` statement
//! ([`metrics`]). [`link()`] later ties subjects to statement rows through
//! assets/narrative.toml ([`aliases`]).

mod aliases;
mod claims;
mod facts;
mod link;
mod memo;
mod metrics;
mod periods;
mod quantity;
mod scan;
mod sections;
mod subject;
mod text;

pub use link::link;
pub use metrics::TITLE as METRICS_TITLE;

use super::meta::Meta;
use crate::model::{Claim, NarrativeFact, Statement};

/// What the prose of a filing yields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Narrative {
    /// Figures stated in the text (not yet linked to rows).
    pub facts: Vec<NarrativeFact>,
    /// Growth, share-of-total and breakdown claims.
    pub claims: Vec<Claim>,
    /// The key operating metrics as the `metrics` statement.
    pub metrics: Option<Statement>,
}

/// Reads facts, claims and metrics from the filing's lines.
pub fn extract(lines: &[String], meta: &Meta) -> Narrative {
    let indices = sections::narrative_lines(lines);
    // A line without a digit holds no figure, footnote mark or footnote
    // number: nothing the readers below could take from it.
    let clean: Vec<text::CleanLine> = indices
        .iter()
        .filter(|&&i| text::has_digit(&lines[i]))
        .map(|&i| text::clean(i + 1, &lines[i]))
        .collect();
    let mut reader = facts::Reader::new(meta.quarter);
    // About two or three figures a line: room for them from the start.
    reader.facts.reserve(clean.len() * 3);
    for line in &clean {
        reader.read(line);
    }
    let mut claims = reader.claims.clone();
    claims.extend(claims::breakdowns(&clean, &reader.facts));
    let heading = first_heading(lines, &indices);
    let metrics = metrics::statement(&reader.facts, meta.quarter, heading);
    Narrative {
        facts: reader.facts.into_iter().map(|l| l.fact).collect(),
        claims,
        metrics,
    }
}

/// The 1-based line of the heading that opens the first narrative section.
fn first_heading(lines: &[String], indices: &[usize]) -> Option<usize> {
    let first = *indices.first()?;
    (0..first)
        .rev()
        .find(|&i| sections::is_heading(lines, i))
        .map(|i| i + 1)
}
