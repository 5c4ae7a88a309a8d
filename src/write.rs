//! Writing: the only place errcat changes the disk.
//!
//! A [`Plan`] compares rendered files with what is on disk. `check` reports the
//! differences; `apply` writes changed files (temp file + rename, so a file is
//! always old or new, never partial) and removes stale generated files. A file
//! without errcat's header is never modified or removed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::view::MARKER;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The file does not exist yet.
    Create,
    /// The file exists with other content (the old text, normalised).
    Update(String),
    /// A generated file no target renders any more.
    Remove,
}

#[derive(Debug)]
pub struct Planned {
    pub path: PathBuf,
    pub change: Change,
    pub text: String,
    /// The file on disk is a generated file whose checksum no longer matches: someone edited it.
    pub edited_by_hand: bool,
}

#[derive(Debug, Default)]
pub struct Plan {
    /// Files that differ from what is on disk.
    pub changes: Vec<Planned>,
    pub unchanged: usize,
    /// Files errcat would have to overwrite but did not generate (applied only with `--force`).
    pub foreign: Vec<Planned>,
}

/// Does `text` carry errcat's generated-file header?
pub fn is_generated(text: &str) -> bool {
    text.lines().take(5).any(|l| l.contains(MARKER))
}

fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n")
}

/// Where a target's files go: its configured directory under `root`, or `out/<target id>`.
pub fn target_dir(
    root: &Path,
    configured: &Path,
    target_id: &str,
    out_override: Option<&Path>,
) -> PathBuf {
    match out_override {
        Some(dir) => dir.join(target_id),
        None => root.join(configured),
    }
}

/// Compares `files` (absolute path, text) with the disk. `dirs` are the directories
/// the targets own: generated files in them that are not in `files` become removals.
pub fn plan(files: Vec<(PathBuf, String)>, dirs: &[PathBuf]) -> std::io::Result<Plan> {
    let mut plan = Plan::default();
    let wanted: std::collections::BTreeSet<PathBuf> =
        files.iter().map(|(p, _)| p.clone()).collect();
    for (path, text) in files {
        match std::fs::read(&path) {
            // Most files are unchanged, byte for byte: say so before decoding them.
            Ok(bytes) if bytes == text.as_bytes() => plan.unchanged += 1,
            Ok(bytes) => {
                let old = normalise(&String::from_utf8_lossy(&bytes));
                if old == text {
                    plan.unchanged += 1;
                } else if !is_generated(&old) {
                    plan.foreign.push(Planned {
                        path,
                        change: Change::Update(old),
                        text,
                        edited_by_hand: false,
                    });
                } else {
                    let edited_by_hand = crate::checksum::intact(&old) == Some(false);
                    plan.changes.push(Planned {
                        path,
                        change: Change::Update(old),
                        text,
                        edited_by_hand,
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                plan.changes.push(Planned {
                    path,
                    change: Change::Create,
                    text,
                    edited_by_hand: false,
                });
            }
            Err(e) => {
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("{}: {e}", path.display()),
                ));
            }
        }
    }
    for dir in dirs {
        for file in walk(dir)? {
            if wanted.contains(&file) {
                continue;
            }
            // Only what errcat generated is ever removed.
            if std::fs::read(&file).is_ok_and(|b| is_generated(&String::from_utf8_lossy(&b))) {
                plan.changes.push(Planned {
                    path: file,
                    change: Change::Remove,
                    text: String::new(),
                    edited_by_hand: false,
                });
            }
        }
    }
    plan.changes.sort_by(|a, b| a.path.cmp(&b.path));
    plan.foreign.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(plan)
}

/// Every file under `dir` that errcat may own (build output and VCS folders skipped).
pub fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let ty = entry.file_type()?;
            // Symlinks are not followed: a link may point at files errcat does not own.
            if ty.is_dir() {
                let name = entry.file_name();
                // Build output of generated packages (tsc's dist/, cargo's target/) keeps our
                // header but is not ours to remove.
                if !matches!(
                    name.to_str(),
                    Some("node_modules" | "target" | "dist" | "build" | ".git")
                ) {
                    stack.push(entry.path());
                }
            } else if ty.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The disk operations a plan needs, so tests can make them fail.
pub trait Disk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The real file system: atomic writes, plain removal.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        write_atomic(path, bytes)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// Writes every planned change. Each file goes to a temporary sibling first and is
/// renamed into place: whatever fails, every file is either old or new, never partial,
/// and running again completes the job.
pub fn apply(plan: &Plan) -> std::io::Result<()> {
    apply_on(plan, &mut RealDisk)
}

pub fn apply_on(plan: &Plan, disk: &mut dyn Disk) -> std::io::Result<()> {
    for p in &plan.changes {
        match p.change {
            Change::Remove => disk.remove(&p.path)?,
            Change::Create | Change::Update(_) => disk.write(&p.path, p.text.as_bytes())?,
        }
    }
    Ok(())
}

/// Holds an exclusive lock for one output tree while errcat plans and writes it, so two
/// runs at once take turns instead of interleaving. The lock file lives in the temp
/// directory, named after the root, and is released when the guard drops.
pub fn lock(root: &Path) -> std::io::Result<std::fs::File> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let digest = root
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let path = std::env::temp_dir().join(format!("errcat-{digest:016x}.lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    file.lock()?;
    Ok(file)
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.errcat-{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A short unified diff of a stale file, for `check`.
pub fn short_diff(old: &str, new: &str, max_lines: usize) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = String::new();
    let mut n = 0;
    for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
        for line in hunk.to_string().lines() {
            if n == max_lines {
                let _ = writeln!(out, "    …");
                return out;
            }
            let _ = writeln!(out, "    {line}");
            n += 1;
        }
    }
    out
}
