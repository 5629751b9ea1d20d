//! Where command output goes: standard output, or a file replaced atomically.

use super::error::{CliError, Failure};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes through `write` to standard output. A closed pipe (`| head`) ends
/// the output quietly; any other failure is an error.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Output {
            path: "standard output".into(),
            reason: e.to_string(),
        }
        .into()),
    }
}

/// Writes through `write` to a temporary file beside `path`, then renames it
/// onto `path`: a failure leaves no partial file, and an existing file is
/// replaced only by a complete one. Refuses to overwrite an input filing.
pub fn to_file(
    path: &Path,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let err = |reason: String| CliError::Output {
        path: path.display().to_string(),
        reason,
    };
    if is_input(path, inputs) {
        return Err(
            err("it is one of the input filings, which are never written to".into()).into(),
        );
    }
    if path.is_dir() {
        return Err(err("is a directory".into()).into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".tieout-export")
        .tempfile_in(dir)
        .map_err(|e| err(e.to_string()))?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| err(e.to_string()))?;
    }
    tmp.as_file().sync_all().map_err(|e| err(e.to_string()))?;
    let permissions = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        tmp.as_file()
            .set_permissions(p)
            .map_err(|e| err(e.to_string()))?;
    }
    tmp.persist(path).map_err(|e| err(e.error.to_string()))?;
    Ok(())
}

/// Whether `path` names the same file as one of `inputs`.
fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(target) = path.canonicalize() else {
        return false;
    };
    inputs
        .iter()
        .any(|i| i.canonicalize().is_ok_and(|c| c == target))
}

/// Permissions of a new export: readable by all, like a file the shell creates
/// (the temporary file starts owner-only).
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}
