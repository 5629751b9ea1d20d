//! Records as a JSON array of objects with the CSV's fields.

use super::Record;
use std::io::Write;

/// Writes the records as a pretty-printed JSON array, then a newline.
pub fn write<W: Write>(records: &[Record], mut out: W) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, records)?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{fixture, records};

    #[test]
    fn array_of_objects_with_csv_fields() {
        let recs = records(&[fixture::filing()]);
        let mut buf = Vec::new();
        write(&recs, &mut buf).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), recs.len());
        assert_eq!(
            arr[0],
            serde_json::json!({
                "filing": "qfin-2024q2-6k",
                "statement": "income-statement",
                "label": "Total net revenue",
                "column": "Three months ended June 30, 2024 RMB",
                "period_start": "2024-04-01",
                "period_end": "2024-06-30",
                "currency": "RMB",
                "value": "4160063",
                "line": 301
            })
        );
        let back: Vec<Record> = serde_json::from_slice(&buf).unwrap();
        assert_eq!(back, recs);
    }
}
