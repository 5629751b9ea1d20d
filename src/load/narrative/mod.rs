//! Narrative facts, claims and key operating metrics read from the prose.

use super::meta::Meta;
use crate::model::{Claim, Filing, NarrativeFact, Statement};

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
    let _ = (lines, meta);
    Narrative::default()
}

/// Links each fact (and claim operand) to the statement row it speaks of,
/// once the filing's statements are loaded.
pub fn link(filing: &mut Filing) {
    let _ = filing;
}
