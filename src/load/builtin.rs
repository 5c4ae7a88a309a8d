//! errcat's own templates (`templates/` of its repository), compiled into the binary
//! by `build.rs` so an installed errcat needs no checkout. A project's
//! `templates/<name>/` overlays them file by file.

use std::path::PathBuf;

/// (target, file name, text), sorted by target then name.
static FILES: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// The built-in template sets, sorted by name (go, java, json, markdown, …).
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&str> = FILES.iter().map(|(t, _, _)| *t).collect();
    names.dedup();
    names
}

/// Whether `target` names a built-in template set.
pub fn exists(target: &str) -> bool {
    FILES.iter().any(|(t, _, _)| *t == target)
}

/// Every file of a built-in set, `target.yaml` included, as (name, text).
pub fn files(target: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    FILES
        .iter()
        .filter(move |(t, _, _)| *t == target)
        .map(|(_, name, text)| (*name, *text))
}

/// One built-in file's text.
pub fn file(target: &str, name: &str) -> Option<&'static str> {
    files(target)
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text)
}

/// How diagnostics name a built-in file: it has no path on disk.
pub fn shown_path(target: &str, name: &str) -> PathBuf {
    PathBuf::from(format!("<built-in>/{target}/{name}"))
}

/// Whether `path` is how diagnostics name a built-in file ([`shown_path`]).
pub fn is_shown_path(path: &std::path::Path) -> bool {
    path.starts_with("<built-in>")
}
