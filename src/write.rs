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
            Ok(bytes) => {
                let old = normalise(&String::from_utf8_lossy(&bytes));
                if old == text {
                    plan.unchanged += 1;
                } else if !is_generated(&old) {
                    plan.foreign.push(Planned {
                        path,
                        change: Change::Update(old),
                        text,
                    });
                } else {
                    plan.changes.push(Planned {
                        path,
                        change: Change::Update(old),
                        text,
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => plan.changes.push(Planned {
                path,
                change: Change::Create,
                text,
            }),
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
                });
            }
        }
    }
    plan.changes.sort_by(|a, b| a.path.cmp(&b.path));
    plan.foreign.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(plan)
}

fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
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

/// Writes every planned change. Each file goes to a temporary sibling first and is
/// renamed into place.
pub fn apply(plan: &Plan) -> std::io::Result<()> {
    for p in &plan.changes {
        match p.change {
            Change::Remove => std::fs::remove_file(&p.path)?,
            Change::Create | Change::Update(_) => write_atomic(&p.path, p.text.as_bytes())?,
        }
    }
    Ok(())
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
