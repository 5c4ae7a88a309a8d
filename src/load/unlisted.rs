//! Namespace files that no `namespaces:` pattern matches. errcat never reads them, so
//! a new family's file left out of the patterns (`chat/client.yaml` beside `av/*.yaml`,
//! `push.yml` under `*.yaml`) would vanish from every output without a word.
//!
//! Only the places a catalog keeps its files are looked at: the catalog's directory and
//! the directories below it, nearest first and up to [`MAX_DIRS`] of them, but those
//! holding a catalog of their own (and what is below them), hidden ones and links; and
//! every directory a pattern matched a file in. A file counts when it is YAML and has `namespace:` and
//! `entries:` at the start of a line, as every namespace file does, so that other YAML
//! beside a catalog (a CI config, a Helm chart's values) is left alone.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::source::{FileId, Sources};

/// Namespace-looking files under the catalog's directories that are not in `matched`
/// (the files the patterns expanded to), read into `sources` so that a finding can
/// quote them and the cache key covers them.
pub fn find(
    catalog_dir: &Path,
    catalog: &Path,
    matched: &[PathBuf],
    sources: &mut Sources,
) -> Vec<FileId> {
    // Compared by name (`./a.yaml` is `a.yaml`); a link is a file of its own here.
    let matched: HashSet<PathBuf> = matched.iter().map(|p| super::paths::lexical(p)).collect();
    let catalog = super::paths::lexical(catalog);
    let mut dirs: BTreeSet<PathBuf> = matched
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    dirs.extend(below(&super::paths::lexical(catalog_dir)));
    let mut found = Vec::new();
    for dir in dirs {
        let mut files: Vec<PathBuf> = entries(&dir)
            .filter(|p| {
                p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                    && *p != catalog
                    && !matched.contains(p)
                    // Not a pipe, nor more than errcat would read of a namespace file.
                    && std::fs::metadata(p)
                        .is_ok_and(|m| m.is_file() && m.len() <= super::MAX_FILE_BYTES)
            })
            .collect();
        files.sort();
        for file in files {
            // Unreadable or not text: not something a user meant as a namespace file.
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            if looks_like_namespace(&text) {
                let text = text.replace("\r\n", "\n");
                found.push(sources.add(super::paths::display_path(&file), text));
            }
        }
    }
    found
}

/// Directories below the catalog's that are looked at: enough for any catalog's own
/// tree, and a bound on the listing when a catalog sits at the top of a large repository.
const MAX_DIRS: usize = 1_000;

/// `top` and the directories below it, nearest first, up to [`MAX_DIRS`]: not
/// holding a catalog of their own.
fn below(top: &Path) -> Vec<PathBuf> {
    crate::project::dirs_below(top, MAX_DIRS, |d| crate::project::catalog_in(d).is_none())
}

/// The paths in `dir` but hidden ones (editors' and tools' files), none if it cannot
/// be listed.
fn entries(dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
}

fn looks_like_namespace(text: &str) -> bool {
    let at_start = |key: &str| text.lines().any(|l| l.starts_with(key));
    at_start("namespace:") && at_start("entries:")
}

#[cfg(test)]
mod tests {
    use super::looks_like_namespace;

    #[test]
    fn a_namespace_file_has_both_keys_at_the_start_of_a_line() {
        assert!(looks_like_namespace("namespace: a\nentries: []\n"));
        assert!(!looks_like_namespace("namespace: prod\nreplicas: 3\n"));
        assert!(!looks_like_namespace(
            "metadata:\n  namespace: a\n  entries: []\n"
        ));
    }
}
