//! The explorer's config file: `config.toml` in the platform config
//! directory (or `--config PATH`). A missing file means defaults; a broken
//! one gives a message naming the line, and the defaults are used.
//!
//! ```toml
//! theme = "dark"          # dark, light, high-contrast, mono
//! unit = "as-printed"     # as-printed, millions, billions
//! currency = "both"       # both, rmb, usd
//! [keys]                  # key = action (names as in assets/keymap.toml)
//! x = "quit"
//! "Ctrl-n" = "next-filing"
//! ```

use super::format::{CurrencyFilter, UnitMode};
use super::keymap::Keymap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Settings the explorer starts with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Theme name ("dark", "light", "high-contrast", "mono").
    pub theme: String,
    /// Unit mode at start.
    pub unit: UnitMode,
    /// Currency columns shown at start.
    pub currency: CurrencyFilter,
    /// The keymap with the file's remaps applied.
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: "dark".into(),
            unit: UnitMode::AsPrinted,
            currency: CurrencyFilter::Both,
            keymap: Keymap::default(),
        }
    }
}

/// Theme names the config accepts.
pub const THEMES: [&str; 4] = ["dark", "light", "high-contrast", "mono"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<String>,
    unit: Option<String>,
    currency: Option<String>,
    /// Key → action name.
    keys: Option<BTreeMap<String, String>>,
}

/// The platform config file (`~/.config/tieout/config.toml` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "tieout").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config: from `path` if given, else the platform file. Returns
/// the config and, when the file was unreadable or invalid, a one-line
/// message naming the file, the line and the reason (defaults are used).
pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) => p,
            None => return (Config::default(), None),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), None);
        }
        Err(e) => {
            return (
                Config::default(),
                Some(format!(
                    "config {}: cannot read: {e}; using defaults",
                    path.display()
                )),
            );
        }
    };
    match parse(&text) {
        Ok(c) => (c, None),
        Err(msg) => (
            Config::default(),
            Some(format!("config {}: {msg}; using defaults", path.display())),
        ),
    }
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// The line a `key = ...` entry is on, for messages about values.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .or_else(|| {
                    l.strip_prefix('"')
                        .and_then(|r| r.strip_prefix(key))
                        .and_then(|r| r.strip_prefix('"'))
                })
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Parses config text; errors read "line N: reason".
pub fn parse(text: &str) -> Result<Config, String> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        format!("line {line}: {}", e.message().trim())
    })?;
    let at = |key: &str| line_of_key(text, key).unwrap_or(1);
    let mut config = Config::default();
    if let Some(t) = raw.theme {
        if !THEMES.contains(&t.as_str()) {
            return Err(format!(
                "line {}: unknown theme {t:?} (expected one of {})",
                at("theme"),
                THEMES.join(", ")
            ));
        }
        config.theme = t;
    }
    if let Some(u) = raw.unit {
        config.unit = UnitMode::parse(&u).ok_or_else(|| {
            format!(
                "line {}: unknown unit {u:?} (expected as-printed, millions or billions)",
                at("unit")
            )
        })?;
    }
    if let Some(c) = raw.currency {
        config.currency = CurrencyFilter::parse(&c).ok_or_else(|| {
            format!(
                "line {}: unknown currency {c:?} (expected both, rmb or usd)",
                at("currency")
            )
        })?;
    }
    for (key, action) in raw.keys.unwrap_or_default() {
        config
            .keymap
            .remap(&key, &action)
            .map_err(|e| format!("line {}: key {key:?}: {e}", at(&key)))?;
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::{Context, Key};

    #[test]
    fn parses_all_settings() {
        let c = parse(
            "theme = \"light\"\nunit = \"millions\"\ncurrency = \"usd\"\n[keys]\nx = \"quit\"\n",
        )
        .unwrap();
        assert_eq!(c.theme, "light");
        assert_eq!(c.unit, UnitMode::Millions);
        assert_eq!(c.currency, CurrencyFilter::Usd);
        let x = Key::parse("x").unwrap();
        assert_eq!(c.keymap.lookup(x, Context::Table), Some(Action::Quit));
    }

    #[test]
    fn quoted_control_keys_remap() {
        let c = parse("[keys]\n\"Ctrl-n\" = \"next-filing\"\n").unwrap();
        let k = Key::parse("Ctrl-n").unwrap();
        assert_eq!(c.keymap.lookup(k, Context::Table), Some(Action::NextFiling));
        let e = parse("[keys]\n\"Ctrl-n\" = \"nope\"\n").unwrap_err();
        assert!(e.starts_with("line 2: key \"Ctrl-n\""), "{e}");
    }

    #[test]
    fn syntax_error_names_the_line() {
        let e = parse("theme = \"dark\"\nunit = = 3\n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
    }

    #[test]
    fn bad_values_name_their_line() {
        let e = parse("# comment\ntheme = \"neon\"\n").unwrap_err();
        assert!(e.starts_with("line 2: unknown theme \"neon\""), "{e}");
        let e = parse("\n\n[keys]\nz = \"fly\"\n").unwrap_err();
        assert!(e.starts_with("line 4:"), "{e}");
        let e = parse("colour = 1\n").unwrap_err();
        assert!(e.starts_with("line 1:"), "{e}");
    }

    #[test]
    fn broken_file_falls_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(&p, "theme = [\n").unwrap();
        let (c, msg) = load(Some(&p));
        assert_eq!(c, Config::default());
        let msg = msg.unwrap();
        assert!(msg.contains("config.toml: line "), "{msg}");
        assert!(msg.ends_with("using defaults"));
        let (c, msg) = load(Some(&dir.path().join("absent.toml")));
        assert_eq!((c, msg), (Config::default(), None));
    }
}
