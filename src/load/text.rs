//! Stage 1: bytes to lines. Lossy UTF-8 decoding, NUL stripping, and the
//! empty / binary checks. Linear in the input size.

use super::error::LoadError;
use crate::model::LoadWarning;

/// The text of a source: its lines (line `n` is `lines[n - 1]`) and what
/// could not be decoded cleanly.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// The lines, without their line endings.
    pub lines: Vec<String>,
    /// Decoding warnings (non-UTF-8 bytes, NUL bytes).
    pub warnings: Vec<LoadWarning>,
}

/// Share of control bytes (other than tab, newline, carriage return and form
/// feed) above which a file is considered binary data.
const BINARY_RATIO: f64 = 0.10;

/// Decodes `bytes` into lines. `file` names the source in errors.
pub fn decode(bytes: &[u8], file: &str) -> Result<Text, LoadError> {
    let text = screen(bytes, file)?;
    let mut warnings = Vec::new();
    if let std::borrow::Cow::Owned(_) = text {
        let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let first = text.lines().position(|l| l.contains('\u{FFFD}'));
        warnings.push(LoadWarning {
            line: first.map(|i| i + 1),
            message: format!(
                "the file is not valid UTF-8: {replaced} undecodable byte sequence(s) were read as U+FFFD"
            ),
        });
    }
    // Lines end at each '\n' (found by a vectorised search); a NUL byte
    // anywhere is rare, so lines are searched for one only when the text
    // holds one.
    let bytes = text.as_bytes();
    let has_nul = memchr::memchr(0, bytes).is_some();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut nul_lines = 0usize;
    let mut first_nul = None;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for (i, end) in ends.enumerate() {
        let raw = &text[start..end];
        start = end + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if has_nul && memchr::memchr(0, raw.as_bytes()).is_some() {
            nul_lines += 1;
            first_nul.get_or_insert(i + 1);
            lines.push(raw.replace('\0', ""));
        } else {
            lines.push(raw.to_owned());
        }
    }
    if text.ends_with('\n') {
        lines.pop();
    }
    if let Some(line) = first_nul {
        warnings.push(LoadWarning {
            line: Some(line),
            message: format!("NUL bytes removed from {nul_lines} line(s)"),
        });
    }
    Ok(Text { lines, warnings })
}

/// The empty and binary checks, then lossy UTF-8 decoding (borrowed when
/// the bytes are valid UTF-8). Shared by [`decode`] and `load::peek`.
pub fn screen<'a>(bytes: &'a [u8], file: &str) -> Result<std::borrow::Cow<'a, str>, LoadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty { file: file.into() });
    }
    let control = control_bytes(bytes);
    if control as f64 > BINARY_RATIO * bytes.len() as f64 {
        return Err(LoadError::Binary { file: file.into() });
    }
    // Valid UTF-8 (the usual case) is checked by the fast validator; only
    // damaged text goes through lossy decoding.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    let text = String::from_utf8_lossy(bytes);
    if let std::borrow::Cow::Owned(_) = text {
        let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if replaced as f64 > 0.3 * text.chars().count() as f64 {
            return Err(LoadError::Binary { file: file.into() });
        }
    }
    Ok(text)
}

/// The number of control bytes of `bytes` other than tab, newline,
/// carriage return and form feed. Text holds few control bytes but
/// newlines and tabs, so each block of 64 bytes is first tested for any
/// other control byte (one branch-free pass, which vectorises), and only a
/// block holding one is counted exactly.
fn control_bytes(bytes: &[u8]) -> usize {
    let exact = |block: &[u8]| -> usize {
        block
            .iter()
            .map(|&b| {
                usize::from((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c))
            })
            .sum()
    };
    let (blocks, rest) = bytes.as_chunks::<64>();
    let in_blocks: usize = blocks
        .iter()
        .map(|block| {
            let suspect = block.iter().fold(0u8, |any, &b| {
                any | u8::from((b < 0x20) & (b != b'\n') & (b != b'\t'))
            });
            if suspect == 0 { 0 } else { exact(block) }
        })
        .sum();
    in_blocks + exact(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary() {
        assert!(matches!(decode(b"", "f"), Err(LoadError::Empty { .. })));
        assert!(matches!(
            decode(b" \n\n", "f"),
            Err(LoadError::Empty { .. })
        ));
        let bin: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(matches!(decode(&bin, "f"), Err(LoadError::Binary { .. })));
    }

    #[test]
    fn control_bytes_are_counted_in_every_block() {
        let mut bytes = b"plain text\n".repeat(30);
        assert_eq!(control_bytes(&bytes), 0);
        for at in [0, 63, 64, 200, bytes.len() - 1] {
            bytes[at] = 0x01;
        }
        bytes[100] = b'\t';
        bytes[101] = b'\r';
        bytes[102] = 0x0c;
        bytes[103] = 0x1b;
        assert_eq!(control_bytes(&bytes), 6);
        assert_eq!(control_bytes(b"\x00\x7f"), 1);
    }

    #[test]
    fn latin1_and_nul_warn() {
        let t = decode(b"caf\xe9\nok\0x\n", "f").unwrap();
        assert_eq!(t.lines, vec!["caf\u{FFFD}".to_string(), "okx".to_string()]);
        assert_eq!(t.warnings.len(), 2);
        assert_eq!(t.warnings[1].line, Some(2));
    }
}
