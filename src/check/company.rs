//! A label's company name replaced by the word "company".

/// `normalized` with each whole-word occurrence of `company` replaced by
/// "company", exactly as padding it with spaces, replacing " {company} "
/// by " company " (left to right, not overlapping) and trimming would.
pub(super) fn replace_company(normalized: &str, company: &str) -> String {
    let mut padded = String::with_capacity(normalized.len() + 2);
    padded.push(' ');
    padded.push_str(normalized);
    padded.push(' ');
    let p = padded.as_bytes();
    let c = company.as_bytes();
    let mut out = String::with_capacity(padded.len() + 8);
    let mut last = 0;
    let mut i = 0;
    // A match is a space, the name and a space; matches start at spaces.
    while let Some(off) = memchr::memchr(b' ', &p[i..]) {
        let at = i + off;
        let end = at + 1 + c.len();
        if p.get(end) == Some(&b' ') && &p[at + 1..end] == c {
            out.push_str(&padded[last..at]);
            out.push_str(" company ");
            last = end + 1;
            i = end + 1;
        } else {
            i = at + 1;
        }
    }
    out.push_str(&padded[last..]);
    let end = out.trim_end().len();
    out.truncate(end);
    let start = out.len() - out.trim_start().len();
    out.drain(..start);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_company;

    fn slow(n: &str, c: &str) -> String {
        format!(" {n} ")
            .replace(&format!(" {c} "), " company ")
            .trim()
            .to_string()
    }

    #[test]
    fn replaces_whole_words_like_padded_replace() {
        assert_eq!(replace_company("acme revenue", "acme"), "company revenue");
        assert_eq!(replace_company("due to acme", "acme"), "due to company");
        assert_eq!(replace_company("acme", "acme"), "company");
        assert_eq!(replace_company("acmes revenue", "acme"), "acmes revenue");
        assert_eq!(replace_company("acme acme x", "acme"), "company acme x");
        assert_eq!(
            replace_company("net income of big co attributable", "big co"),
            "net income of company attributable"
        );
        for (n, c) in [
            ("acme acme acme", "acme"),
            ("x acme y acme", "acme"),
            ("", "acme"),
            ("a b a b", "a b"),
            ("a  acme  b", "acme"),
        ] {
            assert_eq!(replace_company(n, c), slow(n, c), "{n:?} {c:?}");
        }
    }
}
