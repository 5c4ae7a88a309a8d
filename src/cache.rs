//! The up-to-date cache: `errcat gen` and `gen --check` remember, per project, a
//! fingerprint of every input and the listing of every output directory after a
//! clean run. When the inputs hash the same and every output file still has the
//! size, modification time and change time it had then, nothing can be stale, so errcat answers
//! without parsing or rendering (the slow part of a 100,000-code catalog).
//!
//! The key covers the errcat executable itself (size and modification time: a
//! rebuilt errcat never trusts an old entry), the catalog path, `--out-dir`, every
//! YAML file read and every template. Only runs without a single finding are
//! remembered, so a cached answer never hides a warning. As in git's index, an entry
//! written within two seconds of an output's modification time is not trusted (a
//! file system with coarse times could hide a second change). Like the rest of errcat's
//! disk access it is the writer's business: [`store`] goes through
//! [`crate::write::write_atomic`]; a cache that cannot be read or written is
//! ignored, never an error. `--no-cache` or `ERRCAT_CACHE_DIR=""` turns it off.
//! Storing an entry prunes the directory of entries, and the temp directory of lock
//! files, unused for 30 days.
//!
//! When the inputs changed, the entry still serves: each file rendered per namespace
//! is listed with its key (see [`crate::render::reuse`]), and a file whose key comes
//! again and that is on disk as the entry lists it is not rendered again; one written
//! within the racy window is taken only when its text carries the checksum it was
//! written with (right after a full run, that is every file). A file made of parts per
//! namespace (the JSON catalog) is listed with each part's key and place: the next run
//! takes the parts whose key comes again from its text, when that text is still, byte
//! for byte, the one the run rendered. `errcat check`, which renders only to find
//! template errors, skips every such file key.
//!
//! Beside the entry, [`checks`] keeps each namespace file's checks, so that after an
//! edit only the files that changed are parsed and checked again.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::source::{FileId, Sources};

mod checks;
pub use checks::{FileKeys, known as known_checks, store as store_checks};

const FORMAT: u32 = 9;

/// A file changed this close to the moment the entry was written could change again
/// without its size or time changing (file systems with coarse times keep 2 s): such
/// an entry proves nothing, and the next full run writes a better one.
const RACY_NS: u128 = 2_000_000_000;

/// Fingerprint of everything a run's output depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(u64);

/// One output file as the last clean run left it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stat {
    path: String,
    len: u64,
    mtime_ns: u128,
    /// The inode's change time as well, as git's index keeps it: `touch -r`, `cp -p`
    /// or `tar` can put back an edited file's size and modification time, never this.
    ctime_ns: u128,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    format: u32,
    key: String,
    /// The run's [`base`]: every key of `renders` and `parted` is over it, so a run
    /// over another base can take nothing from them (and reads none of their files).
    base: String,
    /// How many of the files errcat generated (the rest are files it leaves alone).
    generated: usize,
    /// The catalog's size, for `errcat check` to report without parsing it.
    namespaces: usize,
    codes: usize,
    dirs: Vec<String>,
    files: Vec<Stat>,
    /// The files rendered per namespace, with their keys.
    renders: Vec<Render>,
    /// The files made of keyed parts, with where each part is.
    parted: Vec<Parted>,
    /// When the listing was taken.
    stored_ns: u128,
}

/// A file rendered per namespace, as the last clean run left it.
#[derive(Debug, Serialize, Deserialize)]
struct Render {
    /// Its key, in hex (JSON numbers lose a u64's low bits in some readers).
    key: String,
    /// Its path relative to its target's output directory.
    rel: String,
    stat: Stat,
    /// The checksum in its header when it was written within the racy window of the
    /// entry: the next run may take it still, once its text is seen to carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checksum: Option<String>,
}

/// A file made of keyed parts (the JSON catalog's, per namespace), as the last clean
/// run rendered it.
#[derive(Debug, Serialize, Deserialize)]
struct Parted {
    /// Where it is (resolved, as listed).
    path: String,
    /// Its length and [`digest`] as rendered: its parts are read only from that very
    /// text (not one edited, or with converted line ends).
    len: usize,
    digest: String,
    parts: Vec<Part>,
}

/// Where a part of a [`Parted`] file is, and its key (in hex).
#[derive(Debug, Serialize, Deserialize)]
struct Part {
    key: String,
    start: usize,
    len: usize,
}

/// A key as the entry writes it: 16 hex digits (JSON numbers lose a u64's low bits in
/// some readers).
fn hex(key: u64) -> String {
    format!("{key:016x}")
}

/// A key the entry wrote with [`hex`].
fn unhex(key: &str) -> Option<u64> {
    u64::from_str_radix(key, 16).ok()
}

impl Render {
    /// Its key and its path relative to its target's output directory.
    fn kept(&self) -> Option<(u64, PathBuf)> {
        let key = unhex(&self.key)?;
        Some((key, PathBuf::from(&self.rel)))
    }
}

/// XXH3 (fast on long texts, and the same in every version), fed field by field; each
/// field ends with its length so that `("ab", "c")` and `("a", "bc")` differ.
struct Hasher(xxhash_rust::xxh3::Xxh3Default);

impl Hasher {
    fn new() -> Hasher {
        Hasher(xxhash_rust::xxh3::Xxh3Default::new())
    }

    fn field(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
        self.0.update(&(bytes.len() as u64).to_le_bytes());
    }

    fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// A digest of each file read (its path and its text), by file id: every file is
/// hashed once, the files side by side, for all the keys below (at 100,000 codes the
/// namespace files are 23 MB).
#[derive(Clone, Debug, Default)]
pub struct Digests(Vec<u64>);

/// The [`Digests`] of every file in `sources`.
pub fn digests(sources: &Sources) -> Digests {
    let ids: Vec<FileId> = (0..sources.next_id().0).map(FileId).collect();
    Digests(crate::par::map(crate::par::threads(), &ids, |&id| {
        let file = sources.get(id);
        let mut h = Hasher::new();
        h.field(file.path.as_os_str().as_encoded_bytes());
        h.field(file.text.as_bytes());
        h.finish()
    }))
}

impl Digests {
    fn of(&self, id: FileId) -> Option<u64> {
        self.0.get(id.0 as usize).copied()
    }
}

/// The fingerprint of a run over the files in `sources` (catalog, namespaces and
/// templates) by their `digests`, or `None` when errcat cannot identify its own
/// executable (then nothing is cached).
pub fn key(catalog_path: &Path, out_override: Option<&Path>, digests: &Digests) -> Option<Key> {
    fingerprint(b"", catalog_path, out_override, digests, &[]).map(Key)
}

/// The part of every rendered file's key that does not depend on the namespace files
/// (see [`crate::render::reuse`]): [`key`]'s fingerprint without `namespace_files`.
pub fn base(
    catalog_path: &Path,
    out_override: Option<&Path>,
    digests: &Digests,
    namespace_files: &[FileId],
) -> Option<u64> {
    fingerprint(
        b"base",
        catalog_path,
        out_override,
        digests,
        namespace_files,
    )
}

/// errcat itself, the catalog path, `--out-dir` and every file read but `skip`
/// (templates included: the loader puts them in `sources` too), hashed after `tag`.
fn fingerprint(
    tag: &[u8],
    catalog_path: &Path,
    out_override: Option<&Path>,
    digests: &Digests,
    skip: &[FileId],
) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let mut h = Hasher::new();
    if !tag.is_empty() {
        h.field(tag);
    }
    h.field(env!("CARGO_PKG_VERSION").as_bytes());
    h.field(&meta.len().to_le_bytes());
    h.field(&mtime_ns(&meta)?.to_le_bytes());
    h.field(absolute(catalog_path).as_os_str().as_encoded_bytes());
    h.field(out_override.map_or(&[][..], |p| p.as_os_str().as_encoded_bytes()));
    let skip: std::collections::HashSet<FileId> = skip.iter().copied().collect();
    for (i, digest) in digests.0.iter().enumerate() {
        if !skip.contains(&FileId(i as u32)) {
            h.field(&digest.to_le_bytes());
        }
    }
    Some(h.finish())
}

/// What a run whose inputs changed may take from the last clean run: the files it
/// rendered per namespace that are on disk as it left them, by key over `base`.
pub fn reusable(
    catalog_path: &Path,
    out_override: Option<&Path>,
    base: u64,
) -> crate::render::Reuse {
    let entry = entry_over(catalog_path, out_override, base)
        // As in `fresh`: an output directory that resolves elsewhere now holds other files.
        .filter(|entry| entry.dirs.iter().all(|d| absolute(Path::new(d)) == *d));
    let Some(entry) = entry else {
        return crate::render::Reuse::new(base, std::collections::HashMap::new());
    };
    let threads = crate::par::threads();
    let kept = |r: &Render| {
        let meta = std::fs::symlink_metadata(&r.stat.path).ok()?;
        // A file still, not a link put in its place.
        let same =
            meta.is_file() && Stat::of(Path::new(&r.stat.path), &meta).as_ref() == Some(&r.stat);
        // Written within the racy window (the run before was a full one, say), a file
        // could have changed since without its times showing it: its text must carry
        // the checksum it had and match it.
        let trusted = r.stat.mtime_ns.saturating_add(RACY_NS) < entry.stored_ns
            || r.checksum
                .as_deref()
                .is_some_and(|c| carries(Path::new(&r.stat.path), c));
        (same && trusted).then(|| r.kept()).flatten()
    };
    // Read on every core: after a full run at 100,000 codes that is 230 MB of files.
    let kept = crate::par::map(threads, &entry.renders, kept);
    // Moved into the map, not `concat`enated: that clones every part (100 MB at 100k).
    let parted = crate::par::map(threads, &entry.parted, Parted::parts);
    let mut parts = std::collections::HashMap::new();
    let mut verified = crate::write::Verified::default();
    for (taken, seen) in parted.into_iter().flatten() {
        parts.extend(taken);
        verified.insert(seen.0, seen.1);
    }
    crate::render::Reuse::new(base, kept.into_iter().flatten().collect())
        .with_parts(parts)
        .with_verified(verified)
}

/// The texts of a file's parts by key, and the file as it was seen while read whole.
type Taken = (Vec<(u64, String)>, (PathBuf, crate::write::Seen));

impl Parted {
    /// The texts of its parts, when the file is on disk as the run rendered it.
    fn parts(&self) -> Option<Taken> {
        let path = Path::new(&self.path);
        // A file still, not a link put in its place.
        if !std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
            return None;
        }
        self.read_parts(path)
    }

    /// Reads the file a range at a time: each part into its own text, what lies
    /// between them only to hash it, so the file is never whole in memory (65 MB at
    /// 100k). Its length and digest must be those of the text rendered, and its
    /// metadata the same after the read as before (the stager then need not read it
    /// again, see [`crate::write::Verified`]).
    fn read_parts(&self, path: &Path) -> Option<Taken> {
        use std::io::Read;
        let file = std::fs::File::open(path).ok()?;
        let before = file.metadata().ok()?;
        if before.len() != u64::try_from(self.len).ok()? {
            return None;
        }
        // In order, apart and inside the file, or the entry is not this errcat's: no
        // range read below is then longer than the file.
        let mut end = 0;
        for p in &self.parts {
            end = (p.start >= end).then(|| p.start.checked_add(p.len))??;
        }
        if end > self.len {
            return None;
        }
        let mut file = std::io::BufReader::with_capacity(64 << 10, file);
        let mut read = |len: usize| -> Option<Vec<u8>> {
            let mut bytes = vec![0; len];
            file.read_exact(&mut bytes).ok()?;
            Some(bytes)
        };
        let mut digest = xxhash_rust::xxh3::Xxh3Default::new();
        let mut at = 0;
        let mut parts = Vec::with_capacity(self.parts.len());
        for p in &self.parts {
            digest.update(&read(p.start.checked_sub(at)?)?);
            let part = read(p.len)?;
            digest.update(&part);
            parts.push((unhex(&p.key)?, String::from_utf8(part).ok()?));
            at = p.start.checked_add(p.len)?;
        }
        digest.update(&read(self.len.checked_sub(at)?)?);
        let seen = crate::write::Seen::of(&before);
        let after = std::fs::symlink_metadata(path).ok()?;
        (hex(digest.digest()) == self.digest && crate::write::Seen::of(&after) == seen)
            .then(|| (parts, (path.to_path_buf(), seen)))
    }
}

/// Whether the file at `path` has `checksum` in its header and its text matches it.
fn carries(path: &Path, checksum: &str) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    crate::checksum::of(&text) == Some(checksum) && crate::checksum::intact(&text) == Some(true)
}

/// The checksum in the header of the file at `path`, read from its first lines only.
fn header_checksum(path: &Path) -> Option<String> {
    use std::io::Read as _;
    let mut head = Vec::new();
    let file = std::fs::File::open(path).ok()?;
    file.take(HEADER_BYTES).read_to_end(&mut head).ok()?;
    crate::checksum::of(&String::from_utf8_lossy(&head)).map(str::to_owned)
}

/// How much of a file is read for its header's checksum (in its first five lines).
const HEADER_BYTES: u64 = 8 * 1024;

/// What `errcat check` need not render again: every file the last clean run (without
/// `--out-dir`) rendered per namespace, and every part of a catalog-wide file it
/// rendered, by key over `base`. Unlike [`reusable`] the disk plays no part: a check
/// keeps no text, and that a clean run rendered the same key is proof enough that
/// rendering it finds nothing. A part is taken as an empty text: the file around it
/// still renders, to find what its own template does.
pub fn passed(catalog_path: &Path, base: u64) -> crate::render::Reuse {
    let Some(entry) = entry_over(catalog_path, None, base) else {
        return crate::render::Reuse::new(base, std::collections::HashMap::new());
    };
    let passed = entry.renders.iter().filter_map(Render::kept).collect();
    let parts = entry.parted.iter().flat_map(|f| &f.parts);
    let parts = parts.filter_map(|p| Some((unhex(&p.key)?, String::new())));
    crate::render::Reuse::new(base, passed).with_parts(parts.collect())
}

/// Where the entry of a project lives: one small JSON file per catalog and output
/// override, under `ERRCAT_CACHE_DIR`, else `$XDG_CACHE_HOME/errcat`, else
/// `~/.cache/errcat`.
fn entry_path(catalog_path: &Path, out_override: Option<&Path>) -> Option<PathBuf> {
    let dir = dir()?;
    let mut h = Hasher::new();
    h.field(absolute(catalog_path).as_os_str().as_encoded_bytes());
    h.field(out_override.map_or(&[][..], |p| p.as_os_str().as_encoded_bytes()));
    Some(dir.join(format!("{}.json", hex(h.finish()))))
}

/// Whether `name` is the file name of an entry (16 hex digits and `.json`) or of the
/// namespace files' checks beside it (`.checks`).
pub fn is_entry_name(name: &str) -> bool {
    (name
        .strip_suffix(".json")
        .or_else(|| name.strip_suffix(".checks")))
    .is_some_and(|stem| stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Entries and lock files that no run has written for this long are removed when a
/// run stores its entry; an entry pruned while still in use costs its project one full
/// run, as after any change.
const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// The cache directory, `None` when caching is turned off or there is no home.
pub fn dir() -> Option<PathBuf> {
    match std::env::var_os("ERRCAT_CACHE_DIR") {
        Some(d) if d.is_empty() => None,
        Some(d) => Some(PathBuf::from(d)),
        None => match std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
            Some(d) => Some(PathBuf::from(d).join("errcat")),
            None => Some(PathBuf::from(std::env::var_os("HOME")?).join(".cache/errcat")),
        },
    }
}

fn absolute(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<u128> {
    Some(
        meta.modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    )
}

#[cfg(unix)]
fn ctime_ns(meta: &std::fs::Metadata) -> Option<u128> {
    use std::os::unix::fs::MetadataExt;
    let secs = u128::try_from(meta.ctime()).ok()?;
    Some(secs * 1_000_000_000 + u128::try_from(meta.ctime_nsec()).ok()?)
}

/// Elsewhere there is no change time to compare: size and modification time decide.
#[cfg(not(unix))]
fn ctime_ns(_: &std::fs::Metadata) -> Option<u128> {
    Some(0)
}

/// Every file under the output directories, as the writer sees them.
fn listing(dirs: &[PathBuf]) -> Option<Vec<Stat>> {
    let mut out = Vec::new();
    for dir in dirs {
        for file in crate::write::walk(dir).ok()? {
            let meta = std::fs::metadata(&file).ok()?;
            out.push(Stat::of(&file, &meta)?);
        }
    }
    Some(out)
}

impl Stat {
    fn of(path: &Path, meta: &std::fs::Metadata) -> Option<Stat> {
        Some(Stat {
            path: path.to_str()?.to_owned(),
            len: meta.len(),
            mtime_ns: mtime_ns(meta)?,
            ctime_ns: ctime_ns(meta)?,
        })
    }
}

/// The entry of the last clean run, whatever its key.
fn last_entry(catalog_path: &Path, out_override: Option<&Path>) -> Option<Entry> {
    let text = std::fs::read_to_string(entry_path(catalog_path, out_override)?).ok()?;
    let entry: Entry = serde_json::from_str(&text).ok()?;
    (entry.format == FORMAT).then_some(entry)
}

/// The entry of the last clean run, when it was over the same [`base`]: only then can
/// a key it lists come again.
fn entry_over(catalog_path: &Path, out_override: Option<&Path>, base: u64) -> Option<Entry> {
    last_entry(catalog_path, out_override).filter(|e| e.base == hex(base))
}

/// The entry of the last clean run, when it had the same key.
fn entry(catalog_path: &Path, out_override: Option<&Path>, key: Key) -> Option<Entry> {
    last_entry(catalog_path, out_override).filter(|e| e.key == hex(key.0))
}

/// The output directories of the last clean run, whatever its key: where this catalog
/// wrote before a target's `out:` changed or a target was removed.
pub fn previous_dirs(catalog_path: &Path, out_override: Option<&Path>) -> Vec<PathBuf> {
    let entry = last_entry(catalog_path, out_override);
    entry.map_or_else(Vec::new, |e| e.dirs.iter().map(PathBuf::from).collect())
}

/// The number of generated files, when the last clean run had the same key and
/// every output directory is exactly as it left it.
pub fn fresh(catalog_path: &Path, out_override: Option<&Path>, key: Key) -> Option<usize> {
    let entry = entry(catalog_path, out_override, key)?;
    let dirs: Vec<PathBuf> = entry.dirs.iter().map(PathBuf::from).collect();
    // Stored resolved: an output directory (or a directory on its way) since moved
    // and linked back leads elsewhere now, perhaps out of the project, which only
    // a full run judges.
    if dirs.iter().any(|d| absolute(d) != *d) {
        return None;
    }
    if entry
        .files
        .iter()
        .any(|f| f.mtime_ns.saturating_add(RACY_NS) >= entry.stored_ns)
    {
        return None;
    }
    let now = listing(&dirs)?;
    (now == entry.files).then_some(entry.generated)
}

/// The catalog's namespaces and codes, when the last clean run without `--out-dir` had
/// the same key: the same inputs then validated without a finding and rendered every
/// target, so `errcat check` has nothing to report, whatever the outputs are now.
/// Only `gen` remembers runs: a check has not written the outputs an entry lists.
pub fn clean(catalog_path: &Path, key: Key) -> Option<Size> {
    entry(catalog_path, None, key).map(|e| Size {
        namespaces: e.namespaces,
        codes: e.codes,
    })
}

/// The size of a clean run's catalog: its namespaces and codes.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub namespaces: usize,
    pub codes: usize,
}

/// A clean run to remember: its [`key`], its [`base`] and its catalog's size.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    pub key: Key,
    pub base: u64,
    pub size: Size,
}

/// A file the next run may take from: one rendered per namespace, or one made of keyed
/// parts.
#[derive(Debug)]
pub struct Rendered {
    pub path: PathBuf,
    /// Its path relative to its target's output directory.
    pub rel: PathBuf,
    /// For a file rendered per namespace, its key.
    pub key: Option<u64>,
    /// For a file of keyed parts, its length and [`digest`] as rendered and where each
    /// part is.
    pub len: usize,
    pub digest: Option<u64>,
    pub parts: Vec<crate::render::PartAt>,
}

/// The digest of a file of parts as rendered, for the next run to check it against:
/// XXH3 reads the JSON catalog of 100,000 codes (65 MB) in a few milliseconds where the
/// header's checksum (FNV-1a, one byte at a time) takes a tenth of a second.
pub fn digest(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// Remembers a clean run: its key, its catalog's size, the output directories as
/// they are now, and the files it rendered per namespace.
pub fn store(
    catalog_path: &Path,
    out_override: Option<&Path>,
    Run { key, base, size }: Run,
    dirs: &[PathBuf],
    generated: usize,
    rendered: &[Rendered],
) {
    let Some(path) = entry_path(catalog_path, out_override) else {
        return;
    };
    let dirs: Vec<PathBuf> = dirs.iter().map(|d| absolute(d)).collect();
    let Some(files) = listing(&dirs) else {
        return;
    };
    let Some(dirs) = dirs
        .iter()
        .map(|d| d.to_str().map(str::to_owned))
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let Some(stored_ns) = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos())
    else {
        return;
    };
    // Each rendered file's listing: the output directories are listed resolved.
    let by_path: std::collections::HashMap<&str, &Stat> =
        files.iter().map(|f| (f.path.as_str(), f)).collect();
    let renders = rendered
        .iter()
        .filter_map(|r| {
            let stat = by_path.get(absolute(&r.path).to_str()?)?;
            let racy = stat.mtime_ns.saturating_add(RACY_NS) >= stored_ns;
            Some(Render {
                key: hex(r.key?),
                rel: r.rel.to_str()?.to_owned(),
                stat: (*stat).clone(),
                checksum: racy.then(|| header_checksum(&r.path)).flatten(),
            })
        })
        .collect();
    let parted = rendered
        .iter()
        .filter(|r| !r.parts.is_empty())
        .filter_map(|r| {
            let stat = by_path.get(absolute(&r.path).to_str()?)?;
            Some(Parted {
                path: stat.path.clone(),
                len: r.len,
                digest: hex(r.digest?),
                parts: r
                    .parts
                    .iter()
                    .map(|p| Part {
                        key: hex(p.key),
                        start: p.start,
                        len: p.len,
                    })
                    .collect(),
            })
        })
        .collect();
    let entry = Entry {
        format: FORMAT,
        key: hex(key.0),
        base: hex(base),
        generated,
        namespaces: size.namespaces,
        codes: size.codes,
        dirs,
        files,
        renders,
        parted,
        stored_ns,
    };
    let Ok(json) = serde_json::to_string(&entry) else {
        return;
    };
    if let Some(parent) = path.parent()
        && std::fs::create_dir_all(parent).is_ok()
    {
        // A cache that cannot be written only costs the next run its shortcut.
        let _ = crate::write::write_atomic(&path, json.as_bytes());
        if let Some(cutoff) = std::time::SystemTime::now().checked_sub(UNUSED_FOR) {
            crate::write::prune_cache(parent, cutoff);
            crate::write::prune_locks(cutoff);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checksum::{PLACEHOLDER, of, stamp};

    /// A file of the racy window is taken only with the checksum it was listed with,
    /// and a text that matches it.
    #[test]
    fn a_racy_file_must_carry_its_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.rs");
        let text = stamp(format!("// {PLACEHOLDER}\nfn a() {{}}\n"));
        let sum = of(&text).unwrap().to_owned();
        std::fs::write(&path, &text).unwrap();
        assert_eq!(header_checksum(&path).as_deref(), Some(sum.as_str()));
        assert!(carries(&path, &sum));
        // Another run's text, stamped as well.
        let other = stamp(format!("// {PLACEHOLDER}\nfn b() {{}}\n"));
        std::fs::write(&path, &other).unwrap();
        assert!(!carries(&path, &sum));
        // Edited by hand under the old checksum.
        std::fs::write(&path, text.replace("fn a", "fn b")).unwrap();
        assert!(!carries(&path, &sum));
        // No checksum at all, or no file.
        std::fs::write(&path, "fn a() {}\n").unwrap();
        assert!(header_checksum(&path).is_none() && !carries(&path, &sum));
        assert!(!carries(&dir.path().join("gone.rs"), &sum));
    }

    /// Parts are read from the text rendered, and from no other: an entry whose parts
    /// are out of order or past the file's end gives none, and allocates nothing for
    /// them.
    #[test]
    fn parts_come_only_from_the_text_rendered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.json");
        let text = stamp(format!("// {PLACEHOLDER}\n[\n  \"one\",\n  \"two\"\n]\n"));
        std::fs::write(&path, &text).unwrap();
        let part = |text: &str, part: &str, key: u64| Part {
            key: hex(key),
            start: text.find(part).unwrap(),
            len: part.len(),
        };
        let parted = |parts: Vec<Part>| Parted {
            path: path.to_str().unwrap().to_owned(),
            len: text.len(),
            digest: hex(digest(&text)),
            parts,
        };
        let taken = |p: &Parted| p.parts().map(|(parts, _)| parts);
        let both = parted(vec![part(&text, "\"one\"", 1), part(&text, "\"two\"", 2)]);
        let want = vec![(1, "\"one\"".to_owned()), (2, "\"two\"".to_owned())];
        assert_eq!(taken(&both), Some(want));
        let swapped = parted(vec![part(&text, "\"two\"", 2), part(&text, "\"one\"", 1)]);
        assert!(taken(&swapped).is_none(), "out of order");
        let mut past = part(&text, "\"two\"", 2);
        past.len = usize::MAX - past.start;
        assert!(taken(&parted(vec![past])).is_none(), "past the end");
        // Edited by hand after the entry was written, the same length.
        std::fs::write(&path, text.replace("two", "TWO")).unwrap();
        assert!(taken(&both).is_none(), "edited");
    }
}
