//! What a loading pass accumulates: repairs and warnings.

use crate::model::{LoadWarning, Repair, RepairKind, StatementKind};

/// Collects repairs and warnings while a filing is read.
#[derive(Debug, Default)]
pub struct Ctx {
    /// Repairs made so far.
    pub repairs: Vec<Repair>,
    /// Lines that could not be read.
    pub warnings: Vec<LoadWarning>,
    /// The statement currently being read.
    pub kind: Option<StatementKind>,
}

impl Ctx {
    /// Records a warning about line `line`.
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(LoadWarning {
            line: Some(line),
            message: message.into(),
        });
    }

    /// Records a repair in the current statement.
    pub fn repair(
        &mut self,
        kind: RepairKind,
        label: Option<&str>,
        description: impl Into<String>,
        lines: Vec<usize>,
    ) {
        self.repairs.push(Repair {
            kind,
            statement: self.kind,
            label: label.map(str::to_string),
            description: description.into(),
            lines,
        });
    }
}
