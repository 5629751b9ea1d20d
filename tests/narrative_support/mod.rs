//! Shared helpers for the narrative tests: the bundled filings' lines.

#![allow(dead_code)]

use rust_decimal::Decimal;
use std::str::FromStr;
use tieout::load::{bundled, meta, narrative};

/// The source lines of bundled filing `id`.
pub fn lines(id: &str) -> Vec<String> {
    let src = bundled()
        .into_iter()
        .find(|s| s.id == id)
        .expect("bundled filing");
    String::from_utf8(src.bytes)
        .expect("utf-8")
        .lines()
        .map(String::from)
        .collect()
}

/// Metadata and narrative of bundled filing `id`.
pub fn read(id: &str) -> (meta::Meta, narrative::Narrative) {
    let l = lines(id);
    let m = meta::read(&l);
    let n = narrative::extract(&l, &m);
    (m, n)
}

/// A decimal from text.
pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

pub const Q1: &str = "qfin-2024q1-press-release";
pub const Q2: &str = "qfin-2024q2-6k";
