//! Namespace files' checks, kept for the next run (see
//! [`crate::validate::FileMemory`]). Beside a project's entry, in `<entry>.checks`,
//! one file holds the encoded checks of every namespace file the last run checked
//! (framed by hand: the format as a little-endian `u32`, then each file's key, length
//! and bytes, the numbers as little-endian `u64`s). A file's key covers the run's
//! [`super::base`] (errcat itself, the catalog and every input but the namespace
//! files) and the file's digest (its path and text). A key that comes again is the
//! same file checked against the same rest, so its checks would find the same again. A
//! file that cannot be read, or was written by another format, serves nothing.

use std::path::Path;

use super::{Digests, Hasher, entry_path};
use crate::source::FileId;
use crate::validate::FileMemory;

const FORMAT: u32 = 1;

/// The key of each file and its encoded checks, as [`store`] framed them.
fn unframe(bytes: &[u8]) -> Option<Vec<(u64, Vec<u8>)>> {
    let (format, mut rest) = bytes.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*format) != FORMAT {
        return None;
    }
    let mut files = Vec::new();
    let next = |rest: &mut &[u8]| {
        let (n, after) = rest.split_first_chunk::<8>()?;
        *rest = after;
        Some(u64::from_le_bytes(*n))
    };
    while !rest.is_empty() {
        let key = next(&mut rest)?;
        let len = usize::try_from(next(&mut rest)?).ok()?;
        let (encoded, after) = rest.split_at_checked(len)?;
        files.push((key, encoded.to_vec()));
        rest = after;
    }
    Some(files)
}

fn frame(files: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let len = files.iter().map(|(_, b)| 16 + b.len()).sum::<usize>();
    let mut out = Vec::with_capacity(4 + len);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    for (key, bytes) in files {
        out.extend_from_slice(&key.to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

/// Each namespace file's key (see the module's documentation).
#[derive(Debug, Default)]
pub struct FileKeys {
    keys: Vec<(FileId, u64)>,
    /// Whether the stored file holds exactly these keys: nothing to store again unless
    /// a file was checked afresh.
    stored_as_is: bool,
}

fn checks_path(catalog_path: &Path, out_override: Option<&Path>) -> Option<std::path::PathBuf> {
    Some(entry_path(catalog_path, out_override)?.with_extension("checks"))
}

/// What the cache knows of `files`' checks, and their keys for [`store`]. The memory
/// learns: the files checked afresh are encoded for the next run.
pub fn known(
    catalog_path: &Path,
    out_override: Option<&Path>,
    base: u64,
    digests: &Digests,
    files: &[FileId],
) -> (FileMemory, FileKeys) {
    let Some(keys) = files
        .iter()
        .map(|&id| {
            let mut h = Hasher::new();
            h.field(b"checks");
            h.field(&base.to_le_bytes());
            h.field(&digests.of(id)?.to_le_bytes());
            Some((id, h.finish()))
        })
        .collect::<Option<Vec<_>>>()
    else {
        return Default::default();
    };
    let mut stored = checks_path(catalog_path, out_override)
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|bytes| unframe(&bytes))
        .unwrap_or_default();
    let stored_as_is =
        stored.len() == keys.len() && stored.iter().zip(&keys).all(|((k, _), (_, key))| k == key);
    let mut by_key: std::collections::HashMap<u64, Vec<u8>> = stored.drain(..).collect();
    let known = keys
        .iter()
        .filter_map(|(id, key)| Some((*id, by_key.remove(key)?)))
        .collect();
    let memory = FileMemory {
        known,
        learn: true,
        learned: Vec::new(),
    };
    (memory, FileKeys { keys, stored_as_is })
}

/// Keeps the checks of a run that found nothing: those it took and those it learned,
/// in file order. A file neither taken nor learned is left out.
pub fn store(
    catalog_path: &Path,
    out_override: Option<&Path>,
    keys: &FileKeys,
    mut memory: FileMemory,
) {
    if keys.stored_as_is && memory.learned.is_empty() {
        return;
    }
    let Some(path) = checks_path(catalog_path, out_override) else {
        return;
    };
    let mut learned: std::collections::HashMap<FileId, Vec<u8>> =
        memory.learned.drain(..).collect();
    let files: Vec<(u64, Vec<u8>)> = keys
        .keys
        .iter()
        .filter_map(|(id, key)| {
            let bytes = learned.remove(id).or_else(|| memory.known.remove(id))?;
            Some((*key, bytes))
        })
        .collect();
    let bytes = frame(&files);
    if let Some(parent) = path.parent()
        && std::fs::create_dir_all(parent).is_ok()
    {
        // A cache that cannot be written only costs the next run its shortcut.
        let _ = crate::write::write_atomic(&path, &bytes);
    }
}
