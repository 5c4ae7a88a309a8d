//! Where a project's catalog is when the command line names none.

use std::path::{Path, PathBuf};

/// The catalog errcat works on when none is named: in the working directory or the
/// nearest parent that has one (the way cargo finds `Cargo.toml`), a `catalog.yaml` that
/// is errcat's (see [`is_catalog`]; a moved catalog's directory, `errors/`) or else a
/// `schema/catalog.yaml`. The path is relative to `cwd` (`../../schema/catalog.yaml`),
/// so the files named in messages are too.
pub fn find_catalog(cwd: &Path) -> Option<PathBuf> {
    let (depth, rel) = cwd.ancestors().enumerate().find_map(|(depth, dir)| {
        let own = dir.join("catalog.yaml");
        if is_catalog(&own) {
            return Some((depth, "catalog.yaml"));
        }
        // Anything by that name is the catalog: the reader says if it is not a file.
        dir.join(DEFAULT).exists().then_some((depth, DEFAULT))
    })?;
    let mut path: PathBuf = std::iter::repeat_n("..", depth).collect();
    path.push(rel);
    Some(path)
}

/// Whether `path` is the catalog errcat finds from the working directory when none is
/// named (a hint need not name it then).
pub fn is_found_here(path: &Path) -> bool {
    let found = std::env::current_dir()
        .ok()
        .and_then(|cwd| find_catalog(&cwd));
    let real = |p: &Path| p.canonicalize().ok();
    found.is_some_and(|f| real(&f).is_some_and(|f| Some(f) == real(path)))
}

/// Where `errcat init` puts the catalog, and where errcat looks first.
const DEFAULT: &str = "schema/catalog.yaml";

/// Whether the file at `path` is an errcat catalog: a top-level `catalog:` key (a
/// namespace file has none), in its first 64 KiB. Another tool's `catalog.yaml` is
/// not taken for one.
pub fn is_catalog(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    String::from_utf8_lossy(&head)
        .lines()
        .any(|l| l.starts_with("catalog:"))
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
        // A catalog.yaml of errcat's where it sits (a moved catalog's `errors/`), and
        // not another tool's.
        std::fs::write(deep.join("catalog.yaml"), "entries: []\n").unwrap();
        assert_eq!(
            find_catalog(&deep),
            Some(PathBuf::from("../schema/catalog.yaml"))
        );
        std::fs::write(deep.join("catalog.yaml"), "# ours\ncatalog: z\n").unwrap();
        assert_eq!(find_catalog(&deep), Some(PathBuf::from("catalog.yaml")));
    }
}
