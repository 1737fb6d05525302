//! How large a file from outside may be: an export, a cards file, a roadmap
//! file, and what a backup may decompress to. One place for the caps, so the
//! window, the CLI and restore refuse the same sizes with the same words —
//! before anything is parsed, and without reading more than the cap.

use crate::App;
use crate::error::{AppError, AppResult};
use std::io::Read;
use std::path::Path;
use waymark_core::roadmap_io::MAX_IMPORT_BYTES;

const MIB: u64 = 1024 * 1024;

/// The size caps for files from outside (see `docs/export.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputLimits {
    /// An export file to import: 1 GiB.
    pub export_bytes: u64,
    /// A cards file (CSV or tab-separated): 50 MB.
    pub cards_bytes: u64,
    /// A roadmap file (Markdown or JSON): the roadmap parser's own cap
    /// ([`waymark_core::roadmap_io::MAX_IMPORT_BYTES`], 2 MB).
    pub roadmap_bytes: u64,
    /// A backup, decompressed: 2 GiB.
    pub backup_bytes: u64,
}

impl Default for InputLimits {
    fn default() -> Self {
        Self {
            export_bytes: 1024 * MIB,
            cards_bytes: 50 * MIB,
            roadmap_bytes: MAX_IMPORT_BYTES as u64,
            backup_bytes: 2048 * MIB,
        }
    }
}

/// Which kind of file a cap is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An export file.
    Export,
    /// A cards file.
    Cards,
    /// A roadmap file.
    Roadmap,
    /// A backup, decompressed.
    Backup,
}

impl InputLimits {
    /// The cap for `kind`, in bytes.
    pub fn of(&self, kind: InputKind) -> u64 {
        match kind {
            InputKind::Export => self.export_bytes,
            InputKind::Cards => self.cards_bytes,
            InputKind::Roadmap => self.roadmap_bytes,
            InputKind::Backup => self.backup_bytes,
        }
    }

    /// Refuses a text of `kind` over its cap, naming both sizes.
    pub fn check(&self, kind: InputKind, bytes: u64) -> AppResult<()> {
        let cap = self.of(kind);
        if bytes > cap {
            return Err(AppError::invalid("file", too_large(kind, cap)));
        }
        Ok(())
    }

    /// Reads `reader` to a string, refusing (without reading on) once it
    /// passes the cap for `kind`.
    pub fn read(&self, kind: InputKind, reader: impl Read) -> Result<String, ReadError> {
        let cap = self.of(kind);
        let mut text = String::new();
        reader.take(cap.saturating_add(1)).read_to_string(&mut text).map_err(ReadError::Io)?;
        if text.len() as u64 > cap {
            return Err(ReadError::TooLarge(too_large(kind, cap)));
        }
        Ok(text)
    }

    /// Reads the file at `path` as a text of `kind` (an invalid `file` when
    /// it cannot be read or is over the cap).
    pub fn read_file(&self, kind: InputKind, path: &Path) -> AppResult<String> {
        let cannot = |e: String| AppError::invalid("file", format!("cannot read {}: {e}", path.display()));
        let file = std::fs::File::open(path).map_err(|e| cannot(e.to_string()))?;
        if let Ok(meta) = file.metadata() {
            self.check(kind, meta.len())?;
        }
        self.read(kind, file).map_err(|e| match e {
            ReadError::TooLarge(message) => AppError::invalid("file", message),
            ReadError::Io(e) => cannot(e.to_string()),
        })
    }
}

/// Why a text could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// It is over its cap (the message says which and how large).
    TooLarge(String),
    /// Reading failed (or it is not UTF-8).
    Io(std::io::Error),
}

fn too_large(kind: InputKind, cap: u64) -> String {
    let what = match kind {
        InputKind::Export => "An export file",
        InputKind::Cards => "A cards file",
        InputKind::Roadmap => "A roadmap file",
        InputKind::Backup => "A backup",
    };
    let verb = if kind == InputKind::Backup { "decompress to" } else { "be" };
    format!("{what} may {verb} at most {}; this one is larger, so nothing was read from it", size(cap))
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * MIB && bytes.is_multiple_of(1024 * MIB) {
        format!("{} GiB", bytes / (1024 * MIB))
    } else if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MB", bytes / MIB)
    } else if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{bytes} bytes")
    }
}

impl App {
    /// The size caps for files from outside.
    pub fn input_limits(&self) -> InputLimits {
        self.limits
    }

    /// Replaces the size caps (tests).
    pub fn set_input_limits(&mut self, limits: InputLimits) {
        self.limits = limits;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_is_read_up_to_its_cap_and_refused_past_it() {
        let limits = InputLimits { cards_bytes: 4, ..InputLimits::default() };
        assert_eq!(limits.read(InputKind::Cards, "abcd".as_bytes()).unwrap(), "abcd");
        let Err(ReadError::TooLarge(err)) = limits.read(InputKind::Cards, std::io::repeat(b'a')) else { panic!() };
        assert_eq!(err, "A cards file may be at most 4 bytes; this one is larger, so nothing was read from it");
        assert!(limits.check(InputKind::Cards, 5).is_err() && limits.check(InputKind::Cards, 4).is_ok());
        assert_eq!(size(InputLimits::default().roadmap_bytes), "2 MB", "as the roadmap reader says it");
        let d = InputLimits::default();
        assert!(
            d.check(InputKind::Backup, 3 * 1024 * MIB).unwrap_err().message.contains("decompress to at most 2 GiB")
        );
        assert!(d.check(InputKind::Cards, 51 * MIB).unwrap_err().message.contains("at most 50 MB"));
    }
}
