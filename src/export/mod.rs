//! Headless output: every cell as CSV or JSON records, and statements as
//! aligned plain-text tables (`export` and `show`).
