//! A catalog found at a revision by its `catalog:` id, where neither its path nor git's
//! rename pairing finds it: moved and tidied in one commit, its text changed too much
//! for git to pair the two files. One `git grep` lists the catalog files a commit holds
//! (YAML files with a top-level `catalog:` line; namespace files have none), so the
//! cost is that of a search through the commit's YAML files, whatever its history.

use std::path::Path;

use super::git::{blobs, raw_catalog, run};

/// A catalog file in a commit: its path from the repository top, and its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    pub path: String,
    pub id: String,
}

/// What a commit holds for a catalog id.
#[derive(Debug)]
pub enum Found {
    /// The catalog with that id: its path and text.
    One(String, Vec<u8>),
    /// Several catalogs with that id, none of them the obvious one.
    Several(Vec<String>),
    /// No catalog with that id, but these others.
    Others(Vec<Declared>),
    /// No catalog at all.
    Nothing,
}

/// The catalog `id` at `commit`. Of several with that id, the one whose path is `gone`
/// (no longer in the working tree: the place it moved from) is taken, if only one is.
pub fn find(top: &Path, commit: &str, id: &str, gone: &dyn Fn(&str) -> bool) -> Found {
    let all = catalogs_at(top, commit);
    let mut same: Vec<&Declared> = all.iter().filter(|d| d.id == id).collect();
    if same.len() > 1 {
        let moved: Vec<&Declared> = same.iter().copied().filter(|d| gone(&d.path)).collect();
        if moved.len() == 1 {
            same = moved;
        }
    }
    match same.as_slice() {
        [] if all.is_empty() => Found::Nothing,
        [] => Found::Others(all),
        [one] => {
            let text = blobs(top, &[(commit, one.path.clone())]).ok();
            let text = text.and_then(|t| t.into_iter().next().flatten());
            // The line said so; the parsed file must agree (a `catalog:` in a block
            // scalar is no id).
            match text {
                Some(t) if raw_catalog(&one.path, &t).is_none_or(|c| c.catalog.value == id) => {
                    Found::One(one.path.clone(), t)
                }
                _ => Found::Others(all),
            }
        }
        several => Found::Several(several.iter().map(|d| d.path.clone()).collect()),
    }
}

/// Every path the catalog now at `rel` (from the repository top) has had, newest
/// first: those git's rename detection follows (`git log --follow`), and, where the
/// history of one starts, the catalog with the same `id` in the commit before (moved
/// and changed too much for git to pair the files), and so on, up to 16 such moves.
pub fn catalog_paths(top: &Path, rel: &str, id: Option<&str>) -> Vec<String> {
    let mut paths = vec![rel.to_string()];
    let (mut path, mut rev) = (rel.to_string(), "HEAD".to_string());
    for _ in 0..16 {
        let Ok(log) = run(
            top,
            &[
                "log",
                "--follow",
                "--name-only",
                "--format=%x00%H",
                &rev,
                "--",
                &path,
            ],
        ) else {
            break;
        };
        let mut oldest = None;
        for line in log.lines() {
            match line.strip_prefix('\0') {
                Some(commit) => oldest = Some(commit.to_string()),
                None if !line.is_empty() && !paths.iter().any(|p| p == line) => {
                    paths.push(line.to_string());
                }
                None => {}
            }
        }
        let Some(id) = id else { break };
        // The commit before the path's history starts; a path not committed yet (a
        // catalog moved in the working tree) starts after `rev` itself.
        let before = match oldest {
            Some(commit) => format!("{commit}^"),
            None => rev.clone(),
        };
        let Ok(before) = run(
            top,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{before}^{{commit}}"),
            ],
        ) else {
            break;
        };
        let before = before.trim().to_string();
        match find(top, &before, id, &|p| !top.join(p).exists()) {
            Found::One(earlier, _) if !paths.contains(&earlier) => {
                paths.push(earlier.clone());
                (path, rev) = (earlier, before);
            }
            _ => break,
        }
    }
    paths
}

/// The catalog files of `commit` (none when git cannot say), sorted by path.
pub fn catalogs_at(top: &Path, commit: &str) -> Vec<Declared> {
    let Ok(listed) = run(
        top,
        &[
            "grep",
            "-z",
            "-I",
            "-E",
            "-e",
            "^catalog:",
            commit,
            "--",
            "*.yaml",
            "*.yml",
        ],
    ) else {
        return Vec::new();
    };
    let prefix = format!("{commit}:");
    let mut found: Vec<Declared> = listed
        .lines()
        .filter_map(|l| {
            let (path, line) = l.split_once('\0')?;
            Some(Declared {
                path: path.strip_prefix(&prefix).unwrap_or(path).to_string(),
                id: declared_id(line)?,
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    found
}

/// The id a `catalog:` line declares (`catalog: "my-errors"  # ours` → `my-errors`).
fn declared_id(line: &str) -> Option<String> {
    let value = line.strip_prefix("catalog:")?;
    let value = match value.find(" #") {
        Some(at) => &value[..at],
        None => value,
    }
    .trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|&q| value.strip_prefix(q)?.strip_suffix(q))
        .unwrap_or(value);
    (!unquoted.is_empty()).then(|| unquoted.to_string())
}

/// Some of `others`, for a message: "catalog `a` at x/catalog.yaml, …".
pub fn listed(others: &[Declared]) -> String {
    const SHOWN: usize = 3;
    let mut text = others
        .iter()
        .take(SHOWN)
        .map(|d| format!("catalog `{}` at {}", d.id, d.path))
        .collect::<Vec<_>>()
        .join(", ");
    if others.len() > SHOWN {
        text.push_str(&format!(" and {} more", others.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::declared_id;

    #[test]
    fn a_catalog_line_declares_its_id() {
        assert_eq!(
            declared_id("catalog: my-errors").as_deref(),
            Some("my-errors")
        );
        assert_eq!(
            declared_id("catalog: \"my errors\"  # ours").as_deref(),
            Some("my errors")
        );
        assert_eq!(declared_id("catalog: 'a#b'").as_deref(), Some("a#b"));
        assert_eq!(declared_id("catalog:"), None);
        assert_eq!(declared_id("catalogue: x"), None);
    }
}
