//! Reading one input file without ever blocking or loading more than `max-file-size`: FIFOs,
//! sockets and devices are refused before they are opened, and a file larger than the limit
//! is not read at all.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// What reading an input gave.
pub enum ReadOutcome {
    Bytes(Vec<u8>),
    /// Larger than the limit: `(size, limit)` in bytes; the size is unknown for a stream.
    /// Skipped with a warning.
    TooLarge(Option<u64>, u64),
    /// Not a regular file (a symbolic link, FIFO, socket or device) found by a walk, which
    /// never opens one; what it is and why it was not read.
    NotRegular(&'static str),
    Failed(std::io::Error),
}

impl ReadOutcome {
    /// The bytes read, if they were.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            ReadOutcome::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }
}

/// Reads the file at `path` (symlinks followed), at most `limit` bytes of it. Only a file the
/// user `named` may be other than a regular file (`plimsoll check <(helm template .)` names
/// a pipe); a walk never opens a FIFO or device it comes across.
pub fn read_input(path: &Path, limit: u64, named: bool) -> ReadOutcome {
    vanish_if_requested(path);
    // A walk follows no link (so a symlink loop cannot trap it); a named file is followed.
    let metadata = if named {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    let metadata = match metadata {
        Ok(m) => m,
        Err(e) => return ReadOutcome::Failed(e),
    };
    if metadata.is_dir() || (!named && !metadata.is_file()) {
        return ReadOutcome::NotRegular(special_kind(&metadata.file_type()));
    }
    if metadata.is_file() && metadata.len() > limit {
        return ReadOutcome::TooLarge(Some(metadata.len()), limit);
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return ReadOutcome::Failed(e),
    };
    // The file may have grown since `metadata`: never read past the limit.
    let mut bytes = Vec::with_capacity(metadata.len().min(limit) as usize);
    match file.take(limit + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > limit => ReadOutcome::TooLarge(None, limit),
        Ok(_) => ReadOutcome::Bytes(bytes),
        Err(e) => ReadOutcome::Failed(e),
    }
}

/// `PLIMSOLL_TEST_VANISH=<file name>` deletes files of that name just before they are read,
/// so the tests can check a file that disappears between the walk and the read.
fn vanish_if_requested(path: &Path) {
    static NAME: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| std::env::var_os("PLIMSOLL_TEST_VANISH"));
    if name.is_some() && path.file_name() == name.as_deref() {
        let _ = std::fs::remove_file(path);
    }
}

/// Standard input, up to `limit` bytes.
pub fn read_stdin(limit: u64) -> ReadOutcome {
    let mut bytes = Vec::new();
    match std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
    {
        Ok(_) if bytes.len() as u64 > limit => ReadOutcome::TooLarge(None, limit),
        Ok(_) => ReadOutcome::Bytes(bytes),
        Err(e) => ReadOutcome::Failed(e),
    }
}

#[cfg(unix)]
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_symlink() {
        "a symbolic link: walks do not follow links; name it on the command line to lint it"
    } else if file_type.is_fifo() {
        "a FIFO: never opened while walking, since reading it could block"
    } else if file_type.is_socket() {
        "a socket: never opened while walking"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device: never opened while walking"
    } else if file_type.is_dir() {
        "a directory"
    } else {
        "not a regular file: never opened while walking"
    }
}

#[cfg(not(unix))]
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_symlink() {
        "a symbolic link: walks do not follow links; name it on the command line to lint it"
    } else if file_type.is_dir() {
        "a directory"
    } else {
        "not a regular file: never opened while walking"
    }
}

/// `12.3 MiB`-style size for messages.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
    } else if bytes >= 1 << 10 {
        format!("{:.1} KiB", bytes as f64 / f64::from(1 << 10))
    } else {
        format!("{bytes} B")
    }
}
