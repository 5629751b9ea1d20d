//! The keymap as data (assets/keymap.toml): it drives the key handler, the
//! footer and the help overlay, and takes remaps from the config file.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// The bundled keymap.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere except the search input.
    Global,
    /// The statement table.
    Table,
    /// The comparison pane.
    Compare,
    /// The checks pane.
    Checks,
    /// The help overlay.
    Help,
    /// The detail overlay.
    Detail,
    /// The source overlay.
    Source,
    /// Typing a search.
    Search,
}

impl Context {
    fn parse(s: &str) -> Option<Context> {
        Some(match s {
            "global" => Context::Global,
            "table" => Context::Table,
            "compare" => Context::Compare,
            "checks" => Context::Checks,
            "help" => Context::Help,
            "detail" => Context::Detail,
            "source" => Context::Source,
            "search" => Context::Search,
            _ => return None,
        })
    }

    /// The name used in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Table => "table",
            Context::Compare => "compare",
            Context::Checks => "checks",
            Context::Help => "help",
            Context::Detail => "detail",
            Context::Source => "source",
            Context::Search => "search",
        }
    }
}

/// A key with modifiers, as written in the keymap ("j", "Ctrl-c", "PageDown").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held (shift is part of the character).
    pub ctrl: bool,
}

impl Key {
    /// Parses a key name.
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("Ctrl-") {
            Some(r) => (true, r),
            None => (false, s),
        };
        let code = match rest {
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok()?),
            c => {
                let mut chars = c.chars();
                let ch = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(ch)
            }
        };
        Some(Key { code, ctrl })
    }

    /// The key of a terminal key event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// A short display name ("j", "↓", "PgDn", "^C").
    pub fn display(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Backspace => "Bksp".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One binding of the keymap.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    /// The key.
    pub key: Key,
    /// The action's name in the file ("next-tab").
    pub action_name: String,
    /// What it does.
    pub action: Action,
    /// Help text.
    pub desc: String,
    /// Where it applies.
    pub context: Context,
    /// Footer group: bindings sharing a group are shown as one hint.
    pub group: Option<String>,
    /// Whether the footer shows it.
    pub footer: bool,
}

#[derive(Deserialize)]
struct RawKeymap {
    bind: Vec<RawBinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    key: String,
    action: String,
    desc: String,
    context: String,
    group: Option<String>,
    footer: Option<bool>,
}

/// The keymap: bindings in file order (the order of the footer and help).
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    /// All bindings; earlier ones win when a key is bound twice in a context.
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::parse(DEFAULT_KEYMAP).expect("the bundled keymap is valid")
    }
}

impl Keymap {
    /// Parses a keymap file; the error names the offending entry.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let raw: RawKeymap = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let mut bindings = Vec::with_capacity(raw.bind.len());
        for (i, b) in raw.bind.into_iter().enumerate() {
            let key = Key::parse(&b.key)
                .ok_or_else(|| format!("binding {}: unknown key {:?}", i + 1, b.key))?;
            let action = Action::from_name(&b.action)
                .ok_or_else(|| format!("binding {}: unknown action {:?}", i + 1, b.action))?;
            let context = Context::parse(&b.context)
                .ok_or_else(|| format!("binding {}: unknown context {:?}", i + 1, b.context))?;
            bindings.push(Binding {
                key,
                action_name: b.action,
                action,
                desc: b.desc,
                context,
                group: b.group,
                footer: b.footer.unwrap_or(true),
            });
        }
        Ok(Keymap { bindings })
    }

    /// Binds `key` to `action` in every context the action already has,
    /// ahead of the defaults (a config remap). Errors name the bad part.
    pub fn remap(&mut self, key: &str, action: &str) -> Result<(), String> {
        let k = Key::parse(key).ok_or_else(|| format!("unknown key {key:?}"))?;
        let a = Action::from_name(action).ok_or_else(|| format!("unknown action {action:?}"))?;
        let mut added: Vec<Binding> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.action == a) {
            if !added.iter().any(|x| x.context == b.context) {
                added.push(Binding {
                    key: k,
                    footer: b.footer,
                    ..b.clone()
                });
            }
        }
        if added.is_empty() {
            return Err(format!("action {action:?} is not in the keymap"));
        }
        // The remapped key shows in the footer instead of the default.
        for b in self.bindings.iter_mut().filter(|b| b.action == a) {
            b.footer = false;
        }
        added.append(&mut self.bindings);
        self.bindings = added;
        Ok(())
    }

    /// The action `key` means in `context` (context bindings first, then
    /// global ones, except while typing a search).
    pub fn lookup(&self, key: Key, context: Context) -> Option<Action> {
        let in_ctx = self
            .bindings
            .iter()
            .find(|b| b.context == context && b.key == key);
        if let Some(b) = in_ctx {
            return Some(b.action.clone());
        }
        if context == Context::Search {
            return None;
        }
        self.bindings
            .iter()
            .find(|b| b.context == Context::Global && b.key == key)
            .map(|b| b.action.clone())
    }

    /// Footer hints for `context`: (keys, description) in keymap order,
    /// context bindings before global ones, grouped bindings joined ("j/k", "rows").
    pub fn hints(&self, context: Context) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut groups: Vec<(String, usize)> = Vec::new();
        let mut actions: Vec<&Action> = Vec::new();
        let scopes: &[Context] = if context == Context::Search {
            &[Context::Search]
        } else {
            &[context, Context::Global]
        };
        for &scope in scopes {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == scope && b.footer)
            {
                if actions.contains(&&b.action) {
                    continue;
                }
                // A global binding overridden in the context is not shown twice.
                if scope == Context::Global
                    && self
                        .bindings
                        .iter()
                        .any(|o| o.context == context && o.key == b.key)
                {
                    continue;
                }
                actions.push(&b.action);
                match &b.group {
                    Some(g) => {
                        if let Some((_, idx)) = groups.iter().find(|(name, _)| name == g) {
                            out[*idx].0.push('/');
                            out[*idx].0.push_str(&b.key.display());
                        } else {
                            groups.push((g.clone(), out.len()));
                            out.push((b.key.display(), g.clone()));
                        }
                    }
                    None => out.push((b.key.display(), b.desc.clone())),
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_keymap_parses_and_resolves() {
        let km = Keymap::default();
        let j = Key::parse("j").unwrap();
        assert_eq!(km.lookup(j, Context::Table), Some(Action::Down));
        let enter = Key::parse("Enter").unwrap();
        assert_eq!(km.lookup(enter, Context::Checks), Some(Action::Activate));
        assert_eq!(
            km.lookup(enter, Context::Search),
            Some(Action::SearchConfirm)
        );
        assert_eq!(km.lookup(j, Context::Search), None);
        let ctrl_c = Key::parse("Ctrl-c").unwrap();
        assert_eq!(km.lookup(ctrl_c, Context::Help), Some(Action::Quit));
    }

    #[test]
    fn hints_group_keys() {
        let km = Keymap::default();
        let hints = km.hints(Context::Table);
        assert!(hints.contains(&("j/k".to_string(), "rows".to_string())));
        assert!(hints.contains(&("c".to_string(), "compare".to_string())));
        assert!(hints.iter().any(|(_, d)| d == "quit"));
    }

    #[test]
    fn remap_adds_key_ahead_of_defaults() {
        let mut km = Keymap::default();
        km.remap("x", "quit").unwrap();
        let x = Key::parse("x").unwrap();
        assert_eq!(km.lookup(x, Context::Table), Some(Action::Quit));
        assert!(km.remap("x", "fly").is_err());
        assert!(km.remap("Nope", "quit").is_err());
    }
}
