//! Expanding the paths a user gives into the files to read: folders recursively, in a stable
//! (sorted) order, hidden entries skipped, symlink loops detected by canonical path.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One file to ingest, or a path that could not be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputFile {
    /// A regular file (or `-` for standard input).
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A path that could not be read as a file or folder, with the reason.
    Unreadable(PathBuf, String),
}

/// Expands `paths` into input files: `-` is standard input, a folder is walked recursively in
/// sorted order (hidden names skipped), a file is itself. A missing path or a folder that cannot
/// be listed becomes [`InputFile::Unreadable`] so the run can go on and report it.
pub(crate) fn walk(paths: &[PathBuf]) -> Vec<InputFile> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(InputFile::Stdin);
            continue;
        }
        visit(path, &mut seen_dirs, &mut out);
    }
    out
}

/// The text a path is recorded and shown as, exact for every path the OS can give: a UTF-8 path
/// without backslashes is itself; otherwise each backslash is doubled and each byte that is not
/// UTF-8 is written `\xNN`, so `a\xff.txt` and `a\xfe.txt` stay two names.
pub(crate) fn path_text(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str());
    #[cfg(not(unix))]
    let lossy = path.to_string_lossy();
    #[cfg(not(unix))]
    let bytes = lossy.as_bytes();
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.contains('\\') => s.to_owned(),
        _ => escape_bytes(bytes),
    }
}

fn escape_bytes(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    while !bytes.is_empty() {
        let (valid, rest) = match std::str::from_utf8(bytes) {
            Ok(s) => (s, &[][..]),
            Err(e) => {
                let (ok, bad) = bytes.split_at(e.valid_up_to());
                (std::str::from_utf8(ok).unwrap_or_default(), bad)
            }
        };
        out.push_str(&valid.replace('\\', "\\\\"));
        match rest.split_first() {
            Some((b, tail)) => {
                out.push_str(&format!("\\x{b:02X}"));
                bytes = tail;
            }
            None => bytes = rest,
        }
    }
    out
}

/// What kind of special file `meta` describes, in words.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn visit(path: &Path, seen_dirs: &mut HashSet<PathBuf>, out: &mut Vec<InputFile>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push(InputFile::Unreadable(path.to_path_buf(), e.to_string()));
            return;
        }
    };
    if meta.is_file() {
        out.push(InputFile::File(path.to_path_buf()));
        return;
    }
    if !meta.is_dir() {
        // Given by name or met in a folder, a FIFO, device or socket is reported, never read
        // (a FIFO would block, /dev/zero never ends) and never skipped without a word.
        let reason = format!("not a regular file or folder ({})", special_kind(&meta));
        out.push(InputFile::Unreadable(path.to_path_buf(), reason));
        return;
    }
    // A folder reached twice (through a symlink loop or two links) is walked once.
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen_dirs.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(InputFile::Unreadable(path.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        if !is_hidden(&child) {
            visit(&child, seen_dirs, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skips_hidden_and_survives_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("b")).unwrap();
        std::fs::write(root.join("b/2.txt"), "x").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join(".hidden"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("b/loop")).unwrap();
        let files = walk(&[root.to_path_buf()]);
        assert_eq!(
            files,
            vec![
                InputFile::File(root.join("a.txt")),
                InputFile::File(root.join("b/2.txt"))
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn paths_are_recorded_byte_exact() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = |b: &[u8]| path_text(Path::new(OsStr::from_bytes(b)));
        assert_eq!(name(b"in/\xd8\xb3.txt"), "in/س.txt");
        assert_eq!(name(b"a\xff.txt"), "a\\xFF.txt");
        assert_ne!(name(b"a\xff.txt"), name(b"a\xfe.txt"));
        // A real backslash is doubled, so it never reads as an escape.
        assert_eq!(name(b"a\\xFF.txt"), "a\\\\xFF.txt");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_in_a_folder_are_reported_not_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
        let files = walk(&[root.to_path_buf()]);
        assert_eq!(files[0], InputFile::File(root.join("a.txt")));
        match &files[1] {
            InputFile::Unreadable(p, reason) => {
                assert_eq!(p, &root.join("zero.txt"));
                assert!(reason.contains("a device"), "{reason}");
            }
            other => panic!("expected an unreadable entry, got {other:?}"),
        }
    }
}
