//! Directories that a plan's removals leave empty. A Java `package` renamed, or a
//! namespace whose file was the last in its directory, would otherwise leave
//! `com/a/errors/` (and `com/a/`, `com/`) behind once the stale files go.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The directories, deepest first, that hold nothing but files in `removed` (each
/// given with its target's output directory) and directories like them, and that no
/// rendered file in `wanted` goes into or at. The output directory itself stays, and
/// so does a directory holding anything else: a user's file, a `.gitkeep`, build output.
pub fn emptied(removed: &[(PathBuf, &Path)], wanted: &HashSet<&Path>) -> Vec<PathBuf> {
    if removed.is_empty() {
        return Vec::new();
    }
    let gone: HashSet<&Path> = removed.iter().map(|(f, _)| f.as_path()).collect();
    // A directory a rendered file goes into (or where one goes, see `InTheWay`) stays.
    let kept: HashSet<&Path> = wanted.iter().flat_map(|p| p.ancestors()).collect();
    let mut candidates: Vec<&Path> = removed
        .iter()
        .flat_map(|(file, top)| {
            file.ancestors()
                .skip(1)
                .take_while(move |d| d.starts_with(top) && d != top)
        })
        .filter(|d| !kept.contains(d))
        .collect();
    // Children before their parents, so a parent sees which of them go.
    candidates.sort_by(|a, b| {
        let depth = |p: &Path| p.components().count();
        depth(b).cmp(&depth(a)).then(a.cmp(b))
    });
    candidates.dedup();
    let mut empty: HashSet<PathBuf> = HashSet::new();
    let mut out = Vec::new();
    for dir in candidates {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let all_gone = entries.into_iter().all(|e| {
            e.is_ok_and(|e| gone.contains(e.path().as_path()) || empty.contains(&e.path()))
        });
        if all_gone {
            empty.insert(dir.to_path_buf());
            out.push(dir.to_path_buf());
        }
    }
    out
}
