//! A catalog moved to another directory stays the catalog it was: compared with its
//! past by its `catalog:` id where git does not pair the two files.

use std::path::Path;

use crate::diff::git;
use crate::support::errcat;

/// A catalog whose comments make most of its text: rewritten without them, git no
/// longer pairs the file with its old self.
pub const CATALOG: &str = "\
# The error catalog of the shop: every code the shop's services return.
#
# Each namespace file in this directory is one family of codes. Edit them, then
# run `errcat gen` and commit the result with the change. A code once shipped is
# never reused: deprecate it, then move it to its namespace's `reserved:` list.
#
# Locales: English is the default; every message needs an English text.
catalog: shop
format: 1
version: 1.0.0
root: ..
# The locales each message may have.
locales: [en]
default_locale: en
# Every YAML file beside this one is a namespace.
namespaces: [\"*.yaml\"]
";

pub const NAMESPACE: &str = "namespace: app\nentries:\n  \
  - { code: 1, name: ONE, message: One }\n  \
  - { code: 2, name: TWO, message: Two }\n  \
  - { code: 3, name: THREE, message: Three }\n";

pub fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A repository with the catalog in schema/, committed (tagged v1), then moved to
/// errors/ in the working tree.
fn moved() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "schema/catalog.yaml", CATALOG);
    write(root, "schema/app.yaml", NAMESPACE);
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "catalog"]);
    git(root, &["tag", "v1"]);
    git(root, &["mv", "schema", "errors"]);
    dir
}

/// The catalog without its comments, `from` replaced by `to`.
fn tidied(from: &str, to: &str) -> String {
    CATALOG
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{}\n", l.replace(from, to)))
        .collect()
}

/// [`moved`], tidied (its comments dropped, version 1.1.0) and code 2 removed, in one
/// commit (tagged v2).
fn moved_and_tidied() -> tempfile::TempDir {
    let dir = moved();
    let root = dir.path();
    write(root, "errors/catalog.yaml", &tidied("1.0.0", "1.1.0"));
    write(
        root,
        "errors/app.yaml",
        &NAMESPACE.replace("  - { code: 2, name: TWO, message: Two }\n", ""),
    );
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "move, tidy, remove TWO"]);
    git(root, &["tag", "v2"]);
    // The scenario: git sees a new catalog file, not the old one moved.
    let status = std::process::Command::new("git")
        .current_dir(root)
        .args(["diff", "--find-renames", "--name-status", "HEAD~1", "HEAD"])
        .output()
        .unwrap();
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(status.contains("A\terrors/catalog.yaml"), "{status}");
    dir
}

/// `check --against` compares with the catalog that has the same id, where it was,
/// and finds the code removed in the same commit (the gate stays shut).
#[test]
fn check_against_finds_a_moved_and_tidied_catalog_by_its_id() {
    let dir = moved_and_tidied();
    let out = errcat(
        dir.path(),
        &[
            "check",
            "errors/catalog.yaml",
            "--against",
            "HEAD~1",
            "--deny-warnings",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "warning: errors/catalog.yaml was schema/catalog.yaml at HEAD~1: found by its id \
             `shop`, and compared with it\n"
        ) && stderr.contains("code 2 `TWO` was removed from namespace app")
            && stderr.contains("--> HEAD~1:schema/app.yaml:")
            && !stderr.contains("empty catalog"),
        "{stderr}"
    );
}

/// The changelog keeps the versions from before the move.
#[test]
fn the_changelog_of_a_moved_and_tidied_catalog_keeps_its_history() {
    let dir = moved_and_tidied();
    let out = errcat(dir.path(), &["changelog", "errors/catalog.yaml"]);
    let notes = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        notes.contains("## 1.1.0\n") && notes.contains("## 1.0.0\n\nFirst version: 3 codes"),
        "{notes}"
    );
    assert!(notes.contains("`TWO`"), "{notes}");
}

/// Two revisions, and no catalog in the working tree at the path they are read at:
/// the side that has it there tells the other which catalog to find.
#[test]
fn diff_of_two_revisions_finds_the_catalog_on_both_sides() {
    let dir = moved_and_tidied();
    let out = errcat(dir.path(), &["diff", "v1", "v2"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "warning: there is no schema/catalog.yaml at v2, but catalog `shop` is \
             errors/catalog.yaml there: found by its id, and compared with it\n"
        ) && stderr.contains("code 2 `TWO` was removed")
            && !stderr.contains("empty catalog"),
        "{stderr}"
    );
    // Neither revision has a catalog at the path asked: one account of it, no
    // comparison with an empty catalog, and what to pass.
    let out = errcat(
        dir.path(),
        &["diff", "v1", "v2", "--catalog", "other/catalog.yaml"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(
            "error: there is no other/catalog.yaml at v1; v1 has catalog `shop` at \
             schema/catalog.yaml: if this catalog was one of them, name it as v1:schema/catalog.yaml\n"
        ) && stderr.contains("error: there is no other/catalog.yaml at v2;")
            && stderr.contains("help: a revision's catalog is read where --catalog")
            && !stderr.contains("warning"),
        "{stderr}"
    );
}

/// The base holds another catalog and not this one: the comparison with an empty
/// catalog says which, and how to name it if it was this one (its id changed too).
#[test]
fn a_base_without_the_catalog_names_the_catalogs_it_has() {
    let dir = moved();
    let root = dir.path();
    write(
        root,
        "errors/catalog.yaml",
        &tidied("catalog: shop", "catalog: store"),
    );
    let out = errcat(root, &["check", "errors", "--against", "HEAD"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(
            "warning: there is no errors/catalog.yaml at HEAD: compared with an empty catalog, \
             so every code is new; HEAD has catalog `shop` at schema/catalog.yaml: if this \
             catalog was one of them, name it as HEAD:schema/catalog.yaml\n"
        ),
        "{stderr}"
    );
}

/// Where a moved catalog is: found from inside its directory, and named by the hints
/// that say what to run or change, since `errcat gen` alone would not find it.
#[test]
fn hints_name_a_moved_catalog() {
    let dir = moved();
    let root = dir.path();
    let errors = root.join("errors");
    let targets = "targets:\n  - { id: json, templates: json, out: generated/json }\n";
    write(root, "errors/catalog.yaml", &format!("{CATALOG}{targets}"));
    let out = errcat(root, &["gen", "--check", "errors"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.ends_with("\nrun `errcat gen errors/catalog.yaml` and commit\n"),
        "{stderr}"
    );
    // From errors/, its catalog.yaml is the one meant: no argument needed, none named.
    let out = errcat(&errors, &["gen", "--check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with("\nrun `errcat gen` and commit\n"),
        "{stderr}"
    );
    let out = errcat(&errors, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let out = errcat(&errors, &["diff", "HEAD"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("target json was added") && !stderr.contains("empty catalog"),
        "{stderr}"
    );
    // A generated file edited by hand: what to change instead is where the catalog is.
    let out = errcat(root, &["gen", "errors"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let generated = root.join("generated/json/catalog.json");
    let text = std::fs::read_to_string(&generated).unwrap();
    std::fs::write(&generated, text.replacen("One", "Uno", 1)).unwrap();
    let out = errcat(root, &["gen", "errors"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("help: change errors/ or templates/ instead"),
        "{stderr}"
    );
}

/// A project whose catalog in schema/ has a docs target and two namespaces, app and
/// old, generated and committed; then the catalog moved to errors/ and old removed.
fn generated_then_moved(commit: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let targets = "targets:\n  - { id: docs, templates: markdown, out: generated/docs }\n";
    write(root, "schema/catalog.yaml", &format!("{CATALOG}{targets}"));
    write(root, "schema/app.yaml", NAMESPACE);
    write(
        root,
        "schema/old.yaml",
        "namespace: old\nentries:\n  - { code: 9, name: NINE, message: Nine }\n",
    );
    let out = errcat(root, &["gen"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "catalog"]);
    git(root, &["mv", "schema", "errors"]);
    git(root, &["rm", "-q", "-f", "errors/old.yaml"]);
    if commit {
        git(root, &["commit", "-q", "-m", "move"]);
    }
    dir
}

/// The catalog file each generated file under `dir` names.
pub fn headers(dir: &Path) -> std::collections::BTreeSet<String> {
    crate::writer::snapshot(dir)
        .into_iter()
        .map(|(_, bytes, _)| {
            let text = String::from_utf8_lossy(&bytes);
            errcat::write::generated_from(&text)
                .unwrap_or("(none)")
                .to_string()
        })
        .collect()
}

/// Output whose header names the catalog file it moved from (gone, and that file had
/// the same id, as git last had it) is the moved catalog's own: regenerated in place,
/// and removed when no longer rendered, whether the move is committed or not.
#[test]
fn a_moved_catalog_owns_the_output_it_generated_before() {
    for commit in [false, true] {
        let dir = generated_then_moved(commit);
        let root = dir.path();
        let out = errcat(root, &["gen", "--check", "errors"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("extra:   generated/docs/en/old.md (no target renders it any more)")
                && stderr.contains("stale:   generated/docs/en/app.md")
                && !stderr.contains("another catalog"),
            "{stderr}"
        );
        let out = errcat(root, &["gen", "errors"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!root.join("generated/docs/en/old.md").exists(), "{stderr}");
        assert_eq!(
            headers(&root.join("generated")),
            ["errors/catalog.yaml".to_string()].into(),
        );
        let out = errcat(root, &["gen", "--check", "errors"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    }
}

/// A catalog file that is still there, or that git says was another catalog, keeps
/// its output: two catalogs in one repository never take each other's files.
#[test]
fn another_catalogs_output_stays_foreign() {
    let dir = generated_then_moved(false);
    let root = dir.path();
    // A second catalog where the first one was.
    write(
        root,
        "schema/catalog.yaml",
        &CATALOG.replace("shop", "other"),
    );
    let before = std::fs::read_to_string(root.join("generated/docs/en/app.md")).unwrap();
    let out = errcat(root, &["gen", "errors"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: generated/docs/en/app.md exists and was generated from another catalog \
             (schema/catalog.yaml)"
        ),
        "{stderr}"
    );
    // Gone, but git's last copy of it is another catalog.
    std::fs::remove_file(root.join("schema/catalog.yaml")).unwrap();
    git(root, &["commit", "-q", "-m", "move"]);
    write(
        root,
        "schema/catalog.yaml",
        &CATALOG.replace("shop", "other"),
    );
    git(root, &["add", "schema/catalog.yaml"]);
    git(root, &["commit", "-q", "-m", "another catalog"]);
    git(root, &["rm", "-q", "schema/catalog.yaml"]);
    let out = errcat(root, &["gen", "errors"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("from another catalog"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(root.join("generated/docs/en/app.md")).unwrap(),
        before
    );
}

/// Without git, whether a catalog file that is gone was this catalog is unknown: its
/// output is refused where a file is rendered, and said where none is; `--force`
/// takes it over, and removes what is no longer rendered.
#[test]
fn without_git_a_gone_catalogs_output_is_taken_only_with_force() {
    let dir = generated_then_moved(false);
    let root = dir.path();
    std::fs::remove_dir_all(root.join(".git")).unwrap();
    let out = errcat(root, &["gen", "errors"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "warning: generated/docs/en/old.md is rendered by no target, and was generated \
             from a catalog file that is no longer there (schema/catalog.yaml), which git \
             cannot say was this catalog\nhelp: if it was this catalog, moved, remove the file"
        ) && stderr.contains(
            "error: generated/docs/en/app.md exists and was generated from a catalog file \
             that is no longer there (schema/catalog.yaml), which git cannot say was this \
             catalog\n"
        ),
        "{stderr}"
    );
    let out = errcat(root, &["gen", "errors", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!root.join("generated/docs/en/old.md").exists());
    assert_eq!(
        headers(&root.join("generated")),
        ["errors/catalog.yaml".to_string()].into(),
    );
}
