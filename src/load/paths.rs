//! Paths named by a catalog: resolved against the root and never allowed to leave it.

use std::path::{Component, Path, PathBuf};

use crate::naming::is_invisible;

/// A path as shown to users: relative to the working directory when it is inside it.
pub fn display_path(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok();
    let p = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    let cleaned: PathBuf = p
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    if cleaned.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        cleaned
    }
}

/// `p` absolute, with `.` and `..` worked out by name: for a path that may not exist
/// yet (a file about to be written), where no symlink can be resolved.
pub fn lexical(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// `root` for a catalog in `catalog_dir`: `.` or a chain of `..`.
pub fn ancestor(catalog_dir: &Path, rel: &str) -> Result<PathBuf, String> {
    let mut dir = catalog_dir.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                let canon = dir
                    .canonicalize()
                    .map_err(|e| format!("cannot be resolved: {e}"))?;
                dir = canon
                    .parent()
                    .ok_or("goes above the file system root")?
                    .to_path_buf();
            }
            _ => return Err(format!("must be `.` or a chain of `..`, not `{rel}`")),
        }
    }
    // `..` is taken physically (as `cd -P`); where a symlink on the way makes that another
    // directory than the path as typed, the project would silently be the link's target's.
    if dir != catalog_dir
        && let Ok(typed) = std::path::absolute(catalog_dir)
    {
        let mut lexical = PathBuf::new();
        for c in typed.components().chain(Path::new(rel).components()) {
            match c {
                Component::ParentDir => {
                    lexical.pop();
                }
                Component::CurDir => {}
                c => lexical.push(c),
            }
        }
        if lexical.canonicalize().is_ok_and(|l| l != dir) {
            let link = typed
                .ancestors()
                .find(|a| a.symlink_metadata().is_ok_and(|m| m.is_symlink()))
                .unwrap_or(&typed);
            return Err(format!(
                "leads through the symbolic link {} to {}, not to {}: errcat would read and write that tree; run errcat there, or copy the catalog",
                link.display(),
                dir.display(),
                lexical.display()
            ));
        }
    }
    // In a git work tree, the project is at most the work tree: a pull request that
    // moves the root to `/` would make every path "inside the project".
    if dir != catalog_dir
        && let Some(top) = work_tree_top(catalog_dir).filter(|top| !dir.starts_with(top))
    {
        return Err(format!(
            "leads above the git work tree the catalog is in ({})",
            top.display()
        ));
    }
    Ok(dir)
}

/// The top of the git work tree `dir` is in: the nearest directory holding `.git` (a
/// directory, or a file in a worktree or submodule).
fn work_tree_top(dir: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Checks a path relative to `base` (as messages name it: "the catalog root"): no
/// `..`, not absolute, no reserved device names, no `:`, no control or invisible
/// characters.
pub fn check_relative(rel: &str, base: &str) -> Result<(), String> {
    let p = Path::new(rel);
    if rel.is_empty() {
        return Err("is empty".into());
    }
    // A tab, newline or escape sequence in a file name garbles every listing, shell
    // and terminal that shows it; an invisible one makes two names look the same.
    if let Some(c) = rel.chars().find(|&c| is_invisible(c)) {
        let what = if c.is_control() {
            "a control character"
        } else {
            "an invisible format character"
        };
        return Err(format!("contains U+{:04X}, {what}", u32::from(c)));
    }
    if rel.starts_with('\\') {
        return Err(format!(
            "starts with a backslash, which Windows reads as the root of a drive: it is relative to {base}, with `/` between names"
        ));
    }
    if p.is_absolute() || rel.starts_with('/') {
        return Err(format!("is absolute; it is relative to {base}"));
    }
    // Windows reads `x:` as a drive (`x:y.txt` is y.txt in that drive's current
    // directory, outside the root) and any other `:` as a file's stream.
    if rel.contains(':') {
        let drive = rel
            .get(..2)
            .filter(|d| d.ends_with(':') && d.starts_with(|c: char| c.is_ascii_alphabetic()));
        return Err(match drive {
            Some(d) => format!("starts with `{d}`, which Windows reads as a drive, outside {base}"),
            None => "contains `:`, which a file name cannot hold on Windows (it names a stream of a file there)".into(),
        });
    }
    for c in p.components() {
        match c {
            Component::Normal(s) => {
                let s = s.to_string_lossy();
                if reserved_on_windows(&s) {
                    return Err(format!("uses `{s}`, a device name reserved on Windows"));
                }
                if s.contains('\\') {
                    return Err("contains a backslash; use `/`".into());
                }
                if s.len() > 255 {
                    return Err(format!(
                        "has a name of {} bytes; file systems allow 255",
                        s.len()
                    ));
                }
            }
            Component::CurDir => {}
            Component::ParentDir => return Err(format!("leaves {base} (`..`)")),
            Component::RootDir => return Err("is absolute".into()),
            Component::Prefix(_) => return Err("starts with a drive or network prefix".into()),
        }
    }
    Ok(())
}

/// Whether Windows reads the name `s` as a device: `CON`, `PRN`, `AUX`, `NUL`, `COM1`
/// to `COM9` and `LPT1` to `LPT9` (also with the superscripts ¹²³), in any case,
/// with any extension, and with spaces before it (`nul .txt`), which Windows drops.
fn reserved_on_windows(s: &str) -> bool {
    let stem = s.split('.').next().unwrap_or("").trim_end_matches(' ');
    let stem = stem.to_ascii_uppercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            let mut c = n.chars();
            matches!(
                (c.next(), c.next()),
                (Some('0'..='9' | '¹' | '²' | '³'), None)
            )
        })
    };
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL") || numbered("COM") || numbered("LPT")
}

/// What makes an output path impossible to check out on Windows or macOS though
/// Linux writes it, and the part of the path to blame: a character Windows refuses
/// in a name (`?` and `*` are wildcards there), or a name ending in a dot or a space,
/// which Windows drops so that the file is another one. (Catalog paths are patterns
/// where `*?[` are wildcards: only rendered output paths are checked so.)
pub fn check_portable(rel: &str) -> Result<(), (String, String)> {
    if let Some(c) = rel.chars().find(|c| "<>\"|?*".contains(*c)) {
        return Err((
            format!("contains `{c}`, which a file name cannot hold on Windows"),
            c.to_string(),
        ));
    }
    for s in rel.split('/') {
        if s != "." && s != ".." && s.ends_with(['.', ' ']) {
            let what = if s.ends_with('.') { "a dot" } else { "a space" };
            return Err((
                format!("has a name `{s}` ending in {what}, which Windows drops from file names"),
                s.to_owned(),
            ));
        }
    }
    Ok(())
}

/// `root/rel`, checked to stay inside `root` even through symlinks.
pub fn child(root: &Path, rel: &Path, base: &str) -> Result<PathBuf, String> {
    check_relative(&rel.to_string_lossy(), base)?;
    let path = root.join(rel);
    inside(root, &path)?;
    Ok(path)
}

/// Fails if `path` exists and resolves (through symlinks) outside `root`.
pub fn inside(root: &Path, path: &Path) -> Result<(), String> {
    match root.canonicalize() {
        Ok(root) => inside_real(&root, path),
        Err(_) => Ok(()),
    }
}

/// [`inside`] for a root already canonical: a glob's files resolve the root once.
fn inside_real(root: &Path, path: &Path) -> Result<(), String> {
    let Ok(real) = path.canonicalize() else {
        return Ok(());
    };
    if real.starts_with(root) {
        Ok(())
    } else {
        Err(format!(
            "resolves outside the catalog root (to {})",
            real.display()
        ))
    }
}

/// The namespace files a pattern names, sorted. A pattern without wildcards must exist.
pub fn expand(root: &Path, catalog_dir: &Path, pattern: &str) -> Result<Vec<PathBuf>, String> {
    check_relative(pattern, "the catalog's directory")?;
    let full = catalog_dir.join(pattern);
    let is_glob = pattern.contains(['*', '?', '[']);
    let mut files: Vec<PathBuf> = if is_glob {
        let pat = full.to_string_lossy().into_owned();
        // As in a shell, `*` does not match a leading dot: editors keep `.#app.yaml`
        // (a dangling link) or `.app.yaml` beside the file being edited.
        let options = glob::MatchOptions {
            require_literal_leading_dot: true,
            ..glob::MatchOptions::new()
        };
        // Checked alone, so that the error's position is in the pattern as written,
        // not in the catalog directory joined before it.
        // (`pos` counts characters.)
        glob::Pattern::new(pattern).map_err(|e| {
            format!(
                "is not a valid glob: {} (at character {})",
                e.msg,
                e.pos + 1
            )
        })?;
        let paths =
            glob::glob_with(&pat, options).map_err(|e| format!("is not a valid glob: {e}"))?;
        // A link that leads nowhere is kept: the reader reports it like a named file
        // that cannot be read, instead of the namespace silently going missing.
        paths
            .filter_map(Result::ok)
            .filter(|p| !p.is_dir())
            .collect()
    } else {
        // A named file that cannot be read is reported by the reader, with the OS's reason.
        vec![full]
    };
    files.sort();
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for f in &files {
        let matches = |why: String| format!("matches {}, which {why}", display_path(f).display());
        // A name the pattern did not spell out must be one a clone on Windows can hold.
        if is_glob && let Ok(rel) = f.strip_prefix(catalog_dir) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            check_relative(&rel, "the catalog's directory")
                .and_then(|()| check_portable(&rel).map_err(|(why, _)| why))
                .map_err(|why| format!("matches {}: the path {why}", display_path(f).display()))?;
        }
        inside_real(&root, f).map_err(matches)?;
        if f.exists() && !is_regular(f) {
            return Err(format!(
                "matches {}, which is not a regular file",
                display_path(f).display()
            ));
        }
    }
    if files.is_empty() {
        return Err("matches no file".into());
    }
    Ok(files)
}

fn is_regular(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_file())
}

/// What identifies a file however it is named: its canonical path, or the path
/// itself when it cannot be resolved (a missing file).
pub fn identity(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

/// Every file under a template directory (`target.yaml` too), by `/`-separated name,
/// but for hidden files and directories and editors' backups: a template being
/// edited leaves `.lib.rs.tera.swp`, `#lib.rs.tera#` or `lib.rs.tera~` beside it.
pub fn template_files(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(['.', '#']) || name.ends_with('~') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                // Not only regular files: the reader refuses a pipe or a link that leads
                // nowhere by name, instead of the template going missing.
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((name, path));
            }
        }
    }
    out.sort();
    Ok(out)
}
