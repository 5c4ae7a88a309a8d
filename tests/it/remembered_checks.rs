//! After an edit, the namespace files that did not change are not parsed and checked
//! again: their checks (namespace, findings, acknowledgements) are taken from the last
//! clean run. What a run reports and writes is what a run without the cache does.

use std::path::Path;

use crate::cache::{edit, edit_a_message};
use crate::reuse::{relative, written_without_cache};
use crate::support::{errcat_env, text};
use crate::writer::project;

const TAKEN_ONE: &str =
    "cache: the checks of 1 namespace file unchanged since the last clean run were taken from it";

/// Runs errcat in `dir` with its cache in `cache`: whether it succeeded, and its stderr.
fn run(dir: &Path, cache: &Path, args: &[&str]) -> (bool, String) {
    let out = errcat_env(dir, args, &[("ERRCAT_CACHE_DIR", cache)]);
    (out.status.success(), text(&out).1)
}

/// The golden project, its one warning acknowledged on its entry (a finding of
/// `type.yaml` that only its acknowledgement keeps out of the report), after a clean
/// `gen` that remembered both namespace files' checks in `cache`.
fn clean_project(cache: &Path) -> tempfile::TempDir {
    let p = project();
    edit(&p.path().join("schema/type.yaml"), |t| {
        t.replace(
            "name: DEFAULT,",
            "name: DEFAULT, acknowledge: [{ rule: undeclared-placeholder, reason: \"shows ${x} as text\" }],",
        )
    });
    let (ok, err) = run(p.path(), cache, &["gen"]);
    assert!(ok && !err.contains("warning"), "{err}");
    p
}

#[test]
fn an_edit_checks_only_the_edited_file_again_and_writes_what_no_cache_writes() {
    let cache = tempfile::tempdir().unwrap();
    let p = clean_project(cache.path());
    edit_a_message(p.path());
    let (ok, err) = run(p.path(), cache.path(), &["gen", "-v"]);
    // `type.yaml` was taken with its finding and its acknowledgement: either lost
    // would make a finding (the warning, or an unused acknowledgement).
    assert!(ok && err.contains(TAKEN_ONE), "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
    // The run learned the edited file: the next edit, to the other file, takes it.
    edit(&p.path().join("schema/type.yaml"), |t| {
        t.replace("title: Keywords", "title: Reserved words")
    });
    let (ok, err) = run(p.path(), cache.path(), &["gen", "-v"]);
    assert!(ok && err.contains(TAKEN_ONE), "{err}");
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
}

/// A finding across files that points into a file whose checks were taken reads as it
/// does without the cache: the same places, lines and columns, the same snippets.
#[test]
fn findings_in_a_file_whose_checks_were_taken_read_as_without_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let p = clean_project(cache.path());
    // `shop.yaml` now holds a part of namespace `type`, whose title disagrees.
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replace("namespace: shop.order", "namespace: type")
    });
    let (ok, cached) = run(p.path(), cache.path(), &["check", "-v"]);
    assert!(!ok && cached.contains(TAKEN_ONE), "{cached}");
    assert!(cached.contains("schema/type.yaml:"), "{cached}");
    let (ok, fresh) = run(p.path(), cache.path(), &["check", "-v", "--no-cache"]);
    assert!(!ok);
    let findings = |err: &str| -> String {
        let lines = err
            .lines()
            .filter(|l| !l.starts_with("cache:") && !l.starts_with("time:"));
        lines.collect::<Vec<_>>().join("\n")
    };
    assert_eq!(findings(&cached), findings(&fresh));
}

#[test]
fn a_changed_catalog_checks_every_file_again() {
    let cache = tempfile::tempdir().unwrap();
    let p = clean_project(cache.path());
    edit(&p.path().join("schema/catalog.yaml"), |t| {
        t + "lints:\n  missing-translation: warn\n"
    });
    let (ok, err) = run(p.path(), cache.path(), &["gen", "-v"]);
    assert!(ok && !err.contains("cache: the checks of"), "{err}");
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
}

/// Checks kept in a file that was cut short, or is not errcat's at all, serve nothing
/// and stop nothing; the next clean run writes them anew.
#[test]
fn damaged_checks_are_ignored_and_written_again() {
    let cache = tempfile::tempdir().unwrap();
    let p = clean_project(cache.path());
    let kept: Vec<_> = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "checks"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let whole = std::fs::read(&kept[0]).unwrap();
    for damaged in [&whole[..whole.len() - 9], b"\x01\0\0\0not checks", b""] {
        std::fs::write(&kept[0], damaged).unwrap();
        edit_a_message(p.path());
        let (ok, err) = run(p.path(), cache.path(), &["gen", "-v"]);
        assert!(ok && !err.contains("cache: the checks of"), "{err}");
        assert_eq!(relative(p.path()), written_without_cache(p.path()));
        // That run kept both files' checks anew: put back, the message takes `type.yaml`'s.
        edit(&p.path().join("schema/shop.yaml"), |t| {
            t.replace("is unknown", "does not exist")
        });
        let (ok, err) = run(p.path(), cache.path(), &["gen", "-v"]);
        assert!(ok && err.contains(TAKEN_ONE), "{err}");
    }
}
