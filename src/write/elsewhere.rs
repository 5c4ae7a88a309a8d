//! Output a catalog generated outside every output directory it has now: a target's
//! `out:` changed (`generated/docs` to `generated/docs/book`) or a target was removed,
//! and its files stayed where they were. Looked for where a run can know of them
//! cheaply: the output directories of the last clean run (the cache remembers them),
//! and, in a git work tree, the files git tracks under the project root that hold
//! errcat's header (one `git grep`). Only candidates: the stager removes those whose
//! header names this catalog, as it does stale files in an output directory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{is_build_output, resolved, walk};
use crate::view::MARKER;

/// The candidates outside every one of `dirs` (the output directories now): each file,
/// with the directory its removal may empty up to (not including). `previous` are the
/// last clean run's output directories.
pub fn candidates(root: &Path, dirs: &[PathBuf], previous: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let now: Vec<PathBuf> = dirs.iter().map(|d| resolved(d)).collect();
    let outside = |file: &Path| {
        let real = resolved(file);
        !now.iter().any(|d| real.starts_with(d))
    };
    let real_root = resolved(root);
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    for dir in previous {
        let real = resolved(dir);
        // Only inside the project: the cache is not the project's to trust further. A
        // directory inside one of today's holds no file outside them: not walked again.
        if !real.starts_with(&real_root) || !dir.is_dir() || now.iter().any(|d| real.starts_with(d))
        {
            continue;
        }
        for file in walk(dir).unwrap_or_default() {
            if outside(&file) {
                found.push((file, dir.clone()));
            }
        }
    }
    let seen: HashSet<PathBuf> = found.iter().map(|(f, _)| resolved(f)).collect();
    // Today's output directories are not searched: every file in them is inside.
    let inside: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| d.strip_prefix(root).ok())
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .collect();
    for rel in tracked_with_header(root, &inside) {
        let rel = Path::new(&rel);
        // Build output keeps the headers of what it was built from.
        if rel.iter().any(is_build_output) {
            continue;
        }
        let file = root.join(rel);
        let is_file = std::fs::symlink_metadata(&file).is_ok_and(|m| m.is_file());
        if is_file && outside(&file) && !seen.contains(&resolved(&file)) {
            found.push((file, root.to_path_buf()));
        }
    }
    found
}

/// The files git tracks under `root`, but for those in `skipped` (directories relative
/// to `root`), that hold errcat's header line, relative to `root`; none outside a git
/// work tree.
fn tracked_with_header(root: &Path, skipped: &[PathBuf]) -> Vec<String> {
    let marker = format!("{MARKER} from ");
    let excluded: Vec<String> = skipped
        .iter()
        .map(|d| {
            format!(
                ":(exclude,literal){}",
                d.to_string_lossy().replace('\\', "/")
            )
        })
        .collect();
    let mut args = vec!["grep", "-l", "-z", "-I", "-F", "-e", &marker, "--", "."];
    args.extend(excluded.iter().map(String::as_str));
    let listed = crate::diff::git::run(root, &args);
    // `git grep` fails when nothing matches, as outside a repository.
    listed.map_or_else(
        |_| Vec::new(),
        |l| {
            l.split('\0')
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        },
    )
}
