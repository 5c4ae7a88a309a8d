//! Output paths that differ only in case (`README.md` and `readme.md`, `Docs/` and
//! `docs/`) or in Unicode normalisation (`café.md` with U+00E9 or with `e` + U+0301):
//! Linux writes both, but Windows and macOS file systems hold one of them (see
//! [`crate::fold`]), so a clone of the committed output there loses a file or mixes
//! two directories.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Rendered, at_options, point};
use crate::diag::Diagnostic;
use crate::fold::{Alike, fold};
use crate::model::Catalog;
use crate::rules;

/// The output paths seen so far, across targets: [`fold`]ed path → the path as
/// rendered, and the file that made it.
#[derive(Default)]
pub struct Seen(HashMap<String, (PathBuf, Rendered)>);

impl Seen {
    /// Records `files` of one target; each of them whose path (or a directory of it)
    /// another output path matches but for case or normalisation, as a `bad-path`
    /// error at both files' `path:` patterns: one per pair of places.
    pub fn add(&mut self, catalog: &Catalog, files: &[Rendered]) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        let mut told = std::collections::HashSet::new();
        for file in files {
            let Some(target) = catalog.targets.iter().find(|t| t.id == file.target) else {
                continue;
            };
            let full = target.out_dir.join(&file.path);
            // The file and each directory it is in, up to the output directory.
            let mut places: Vec<&Path> = full.ancestors().collect();
            places.truncate(file.path.components().count());
            for place in places {
                let key = fold(&place.to_string_lossy());
                match self.0.get(&key) {
                    Some((seen, other)) if seen != place => {
                        // A clashing directory is told once, not for each file in it.
                        if told.insert((seen.clone(), place.to_path_buf())) {
                            found.push(clash(catalog, seen, other, place, file));
                        }
                        break;
                    }
                    Some(_) => {}
                    None => {
                        // Without its text, which may be large.
                        let first = Rendered {
                            target: file.target.clone(),
                            path: file.path.clone(),
                            text: String::new(),
                            template: String::new(),
                            spec: file.spec,
                            namespace: file.namespace,
                            key: None,
                            reused: false,
                            parts: Vec::new(),
                            parts_taken: 0,
                        };
                        self.0.insert(key, (place.to_path_buf(), first));
                    }
                }
            }
        }
        found
    }
}

fn clash(catalog: &Catalog, a: &Path, first: &Rendered, b: &Path, second: &Rendered) -> Diagnostic {
    let (a_name, b_name) = (a.to_string_lossy(), b.to_string_lossy());
    let alike = Alike::of(&a_name, &b_name);
    let (how, systems) = (alike.how, alike.systems);
    // Two spellings of one letter look alike: they are shown escaped as well.
    let spellings = if how == "case" {
        String::new()
    } else {
        format!(" ({})", alike.pair(&a_name, &b_name))
    };
    let d = Diagnostic::new(
        &rules::BAD_PATH,
        format!("output paths {a_name} and {b_name} differ only in {how}{spellings}: {systems} hold only one of them"),
    )
    .help(format!("make the `path` patterns (or the option or namespace id in them) differ in more than {how}"));
    let mut d = point(
        catalog,
        d,
        [first, second],
        &format!("renders {}", first.path.display()),
    );
    for (place, file) in [(a, first), (b, second)] {
        let name = place
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if let Some(target) = catalog.targets.iter().find(|t| t.id == file.target) {
            let made = |text: &str| !text.is_empty() && name.contains(text);
            d = at_options(d, target, made, "`{}`");
        }
    }
    d
}
