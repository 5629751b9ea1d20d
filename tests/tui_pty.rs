//! End-to-end: the explorer in a pseudo-terminal (portable-pty), its screen
//! read with vt100. Keys are pressed and the screen asserted; on quit, on a
//! forced panic, on SIGTERM and on Ctrl-C the terminal must be restored:
//! alternate screen left, cursor shown, raw mode off (ICANON back on the pty).
//!
//! Two programs are driven: the real `tieout` binary on the bundled filings,
//! and `tieout::tui::run` on the fixture filings (this test executable
//! re-run as [`zz_pty_child_entry`]), which needs no loader.
#![cfg(unix)]

mod tui_support;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const LEAVE_ALT: &str = "\x1b[?1049l";
const ENTER_ALT: &str = "\x1b[?1049h";
const SHOW_CURSOR: &str = "\x1b[?25h";

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _config: tempfile::TempDir,
}

impl Session {
    /// The real binary on the bundled filings.
    fn binary(envs: &[(&str, &str)]) -> Session {
        Session::start(CommandBuilder::new(env!("CARGO_BIN_EXE_tieout")), envs)
    }

    /// `tieout::tui::run` on the fixture filings, in this test executable.
    fn fixture(envs: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(std::env::current_exe().unwrap());
        cmd.args([
            "--exact",
            "zz_pty_child_entry",
            "--nocapture",
            "--test-threads=1",
        ]);
        cmd.env("TIEOUT_PTY_CHILD", "1");
        Session::start(cmd, envs)
    }

    fn start(mut cmd: CommandBuilder, envs: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let config = tempfile::tempdir().unwrap();
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // No user config: the platform config dir is an empty temp dir.
        cmd.env("XDG_CONFIG_HOME", config.path());
        cmd.env("HOME", config.path());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn tieout");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            master: pair.master,
            child,
            writer,
            output,
            _config: config,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes()).into_owned()
    }

    fn parser(&self) -> vt100::Parser {
        let nz = |n| std::num::NonZeroU16::new(n).expect("non-zero size");
        let mut p = vt100::Parser::new(nz(ROWS), nz(COLS), 0);
        p.process(&self.bytes());
        p
    }

    fn screen(&self) -> String {
        self.parser().screen().contents()
    }

    /// Waits until the screen shows `needle` and output has settled (a
    /// frame can arrive in several reads).
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let before = self.output.lock().unwrap().len();
            std::thread::sleep(Duration::from_millis(60));
            let settled = self.output.lock().unwrap().len() == before;
            let s = self.screen();
            if settled && s.contains(needle) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("screen never showed {needle:?}; it shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the child to exit; returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain what was written last.
                std::thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = self.child.kill();
                panic!("tieout did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Whether the pty is in canonical (cooked) mode, i.e. raw mode is off.
    fn canonical(&self) -> bool {
        let t = self.master.get_termios().expect("termios of the pty");
        format!("{:?}", t.local_flags).contains("ICANON")
    }

    /// Asserts the terminal is back to normal after the program ended.
    fn assert_restored(&self) {
        let text = self.text();
        let entered = text.rfind(ENTER_ALT).expect("entered the alternate screen");
        let left = text.rfind(LEAVE_ALT).expect("left the alternate screen");
        assert!(left > entered, "alternate screen left after entering it");
        assert!(text[left..].contains(SHOW_CURSOR) || text.rfind(SHOW_CURSOR) > Some(entered));
        let p = self.parser();
        assert!(
            !p.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!p.screen().hide_cursor(), "cursor still hidden");
        assert!(self.canonical(), "raw mode still on");
    }
}

/// Not a test on its own: the program [`Session::fixture`] runs in the pty.
#[test]
fn zz_pty_child_entry() {
    if std::env::var_os("TIEOUT_PTY_CHILD").is_some() {
        tieout::tui::run(tui_support::input()).expect("explorer runs");
    }
}

/// Whether the bundled filings load (the loader is merged): the real
/// binary opens the explorer only then, and exits 2 otherwise.
fn bundled_loads() -> bool {
    let (filings, _) = tieout::load::load_all(&tieout::load::bundled());
    !filings.is_empty()
}

#[test]
fn real_binary_keys_and_quit_restore_the_terminal() {
    if !bundled_loads() {
        eprintln!("bundled filings do not load yet: real-binary pty test not run");
        return;
    }
    let mut s = Session::binary(&[]);
    let first = s.wait_for("Balance sheet");
    assert!(first.contains("Key metrics"), "{first}");
    assert!(
        first.contains("5,301,288"),
        "Q1 cash and cash equivalents:\n{first}"
    );
    assert!(first.contains("? help"), "footer shows keys:\n{first}");
    assert!(!s.canonical(), "raw mode is on while running");
    s.press("\t");
    s.wait_for("Income statement │ in thousands");
    s.press("c");
    let compare = s.wait_for("p: switch pair");
    assert!(
        compare.contains("Q1 2024") && compare.contains("Q2 2024"),
        "{compare}"
    );
    s.press("!");
    s.wait_for(" passed · ");
    s.press("\r");
    s.press("?");
    s.wait_for("Help · tieout");
    s.press("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn real_binary_panic_restores_the_terminal() {
    if !bundled_loads() {
        eprintln!("bundled filings do not load yet: real-binary pty test not run");
        return;
    }
    let mut s = Session::binary(&[("TIEOUT_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    s.wait_for("Key metrics");
    s.press("j");
    assert_ne!(s.wait_exit(), 0);
    let text = s.text();
    let msg = text
        .find("forced panic to test terminal restore")
        .expect("panic message");
    assert!(text.find(LEAVE_ALT).expect("left alternate screen") < msg);
    s.assert_restored();
}

#[test]
fn keys_drive_the_explorer_and_quit_restores_the_terminal() {
    let mut s = Session::fixture(&[]);
    let first = s.wait_for("Key metrics");
    assert!(first.contains("Balance sheet"), "{first}");
    assert!(
        first.contains("5,301,288"),
        "Q1 cash and cash equivalents:\n{first}"
    );
    assert!(first.contains("? help"), "footer shows keys:\n{first}");
    assert!(!s.canonical(), "raw mode is on while running");
    assert!(s.parser().screen().alternate_screen());

    s.press("\t");
    let income = s.wait_for("Income statement │ in thousands");
    assert!(
        income.contains("4,153,183"),
        "Q1 total net revenue:\n{income}"
    );
    s.press("c");
    let compare = s.wait_for("p: switch pair");
    assert!(compare.contains("Q1 2024") && compare.contains("Q2 2024"));
    assert!(
        compare.contains("+6,880"),
        "Δ of total net revenue:\n{compare}"
    );
    s.press("!");
    let checks = s.wait_for("1 passed · 1 failed · 1 warned");
    assert!(checks.contains("TOTAL LIABILITIES AND EQUITY"), "{checks}");
    s.press("\r");
    let jumped = s.wait_for("qfin-2024q2-6k · Q2 2024 · 2/2 │ Balance sheet");
    assert!(jumped.contains("  405,081"), "{jumped}");
    s.press("?");
    let help = s.wait_for("Help · tieout");
    assert!(help.contains("Everywhere keys"));
    s.press("?");
    s.press("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let mut s = Session::fixture(&[("TIEOUT_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    s.wait_for("Key metrics");
    assert!(!s.canonical(), "raw mode is on while running");
    s.press("j");
    let code = s.wait_exit();
    assert_ne!(code, 0, "a panic is a failure exit");
    let text = s.text();
    let msg = text
        .find("forced panic to test terminal restore")
        .expect("panic message printed");
    let left = text.find(LEAVE_ALT).expect("alternate screen left");
    assert!(left < msg, "terminal restored before the panic message");
    s.assert_restored();
    assert!(
        s.screen().contains("forced panic"),
        "message visible on the normal screen"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::fixture(&[]);
    s.wait_for("Key metrics");
    let pid = s.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut s = Session::fixture(&[]);
    s.wait_for("Key metrics");
    s.press("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}
