//! Where a project's catalog is when the command line names none.

use std::path::{Path, PathBuf};

/// The catalog errcat works on when none is named: `schema/catalog.yaml` in the working
/// directory or the nearest parent that has one (the way cargo finds `Cargo.toml`).
/// The path is relative to `cwd` (`../../schema/catalog.yaml`), so the files named in
/// messages are too.
pub fn find_catalog(cwd: &Path) -> Option<PathBuf> {
    let rel = Path::new("schema/catalog.yaml");
    // Anything by that name is the catalog: the reader says if it is not a file.
    let depth = cwd.ancestors().position(|dir| dir.join(rel).exists())?;
    let mut path: PathBuf = std::iter::repeat_n("..", depth).collect();
    path.push(rel);
    Some(path)
}

/// `top` and the directories below it, breadth first (nearest first), at most `max`
/// in all: not hidden ones, not links (a loop would never end), and none that
/// `enter` refuses (nor what is below it).
pub fn dirs_below(top: &Path, max: usize, mut enter: impl FnMut(&Path) -> bool) -> Vec<PathBuf> {
    let mut dirs = vec![top.to_path_buf()];
    let mut next = 0;
    while next < dirs.len() && dirs.len() < max {
        let Ok(entries) = std::fs::read_dir(&dirs[next]) else {
            next += 1;
            continue;
        };
        let mut subdirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        subdirs.sort();
        subdirs.retain(|d| enter(d));
        subdirs.truncate(max - dirs.len());
        dirs.extend(subdirs);
        next += 1;
    }
    dirs
}

/// Catalogs in the directories below `cwd` (a monorepo's root, where none is in
/// `cwd` or its parents), nearest first: at most `max`, looking through at most 500
/// directories. Relative to `cwd`.
pub fn catalogs_below(cwd: &Path, max: usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    dirs_below(cwd, 500, |d| match catalog_in(d) {
        Some(c) => {
            if found.len() < max {
                found.push(c.strip_prefix(cwd).unwrap_or(&c).to_path_buf());
            }
            false
        }
        None => found.len() < max,
    });
    found
}

/// The catalog a directory named on the command line stands for: its `catalog.yaml`
/// (`errcat check schema`), else its `schema/catalog.yaml` (`errcat check .`).
pub fn catalog_in(dir: &Path) -> Option<PathBuf> {
    ["catalog.yaml", "schema/catalog.yaml"]
        .iter()
        .map(|rel| dir.join(rel))
        .find(|p| p.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_is_found_here_or_in_a_parent() {
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find_catalog(&deep), None);
        std::fs::create_dir_all(tmp.path().join("schema")).unwrap();
        std::fs::write(tmp.path().join("schema/catalog.yaml"), "catalog: x\n").unwrap();
        assert_eq!(
            find_catalog(&deep),
            Some(PathBuf::from("../../schema/catalog.yaml"))
        );
        assert_eq!(
            find_catalog(tmp.path()),
            Some(PathBuf::from("schema/catalog.yaml"))
        );
        // The nearest one wins.
        std::fs::create_dir_all(tmp.path().join("a/schema")).unwrap();
        std::fs::write(tmp.path().join("a/schema/catalog.yaml"), "catalog: y\n").unwrap();
        assert_eq!(
            find_catalog(&deep),
            Some(PathBuf::from("../schema/catalog.yaml"))
        );
    }
}
