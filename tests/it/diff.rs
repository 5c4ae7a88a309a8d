//! `errcat diff` and `errcat check --against`: every kind of change has a fixture pair in
//! tests/fixtures/diff/<kind>/{old,new}/ and a snapshot; a scratch git repository proves
//! the revision side and the exit codes as a user meets them.

use std::path::Path;
use std::process::Command;

use errcat::diff::{self, Kind};

use crate::support::{assert_snapshot, errcat, repo, report_text};

/// Compares `old` with `new` (catalog paths relative to the repository) in memory:
/// the changes, and every change rendered as a user sees it.
pub fn compare(old: &Path, new: &Path) -> (Vec<diff::Change>, errcat::diag::Report, String) {
    let mut sources = errcat::source::Sources::default();
    let mut report = errcat::diag::Report::default();
    let mut side = |p: &Path| {
        let place = diff::git::Place::at(p);
        diff::git::load_side(
            &p.to_string_lossy(),
            place,
            &mut sources,
            &mut report,
            &mut |_| {},
        )
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .unwrap_or_else(|| panic!("{} has errors", p.display()))
    };
    let (a, b) = (side(old), side(new));
    assert!(report.diagnostics.is_empty(), "{report:?}");
    let changes = diff::compare(&a, &b);
    let mut found = diff::report::diagnostics(&changes, diff::major_bump(&a, &b).as_deref(), true);
    found.sort(&sources);
    let text = report_text(&found, &sources);
    (changes, found, text)
}

/// A rule fixture with an `old/` catalog is a comparison: `old/catalog.yaml` → `catalog.yaml`.
/// Returns the findings as text and their rule ids, or `None` for other fixtures.
/// With `compatible` false only breaking changes count, as with `errcat check --against`
/// (a fixed example must pass that; deprecating a code is itself a compatible change).
pub fn diff_fixture(dir: &Path, compatible: bool) -> Option<(String, Vec<&'static str>)> {
    let rel = dir.strip_prefix(repo()).unwrap_or(dir);
    if !rel.join("old/catalog.yaml").is_file() {
        return None;
    }
    let (_, mut report, text) = compare(&rel.join("old/catalog.yaml"), &rel.join("catalog.yaml"));
    if !compatible {
        report.diagnostics.retain(|d| d.rule != "compatible-change");
    }
    Some((text, report.diagnostics.iter().map(|d| d.rule).collect()))
}

#[test]
fn every_kind_of_change_has_a_fixture_that_reports_it() {
    let base = Path::new("tests/fixtures/diff");
    for kind in Kind::ALL {
        let dir = base.join(kind.id());
        assert!(dir.is_dir(), "no fixture for {}", kind.id());
        let (changes, report, text) =
            compare(&dir.join("old/catalog.yaml"), &dir.join("new/catalog.yaml"));
        let found: Vec<&diff::Change> = changes.iter().filter(|c| c.kind == *kind).collect();
        assert!(!found.is_empty(), "{} not reported:\n{text}", kind.id());
        let rule = if kind.breaking() {
            "breaking-change"
        } else {
            "compatible-change"
        };
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.rule == rule && d.message.starts_with(kind.id())),
            "{}: expected {rule}:\n{text}",
            kind.id()
        );
        assert_snapshot(&dir.join("expected.txt"), &text);
    }
    let dirs = std::fs::read_dir(base).unwrap().count();
    assert_eq!(dirs, Kind::ALL.len(), "a fixture dir names no kind");
}

#[test]
fn the_breaking_kinds_are_the_ones_the_issue_lists() {
    let breaking: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| k.breaking())
        .map(|k| k.id())
        .collect();
    assert_eq!(
        breaking,
        [
            "code-removed",
            "name-changed",
            "name-moved",
            "code-moved-namespace",
            "http-changed",
            "retryable-changed",
            "reserved-removed",
            "reserved-reused",
            "namespace-removed",
            "param-removed",
            "param-added",
            "param-order-changed",
            "locale-removed",
            "locale-renamed",
            "default-locale-changed",
            "docs-url-removed",
            "target-removed",
            "package-renamed",
            "code-retired",
            "int-type-changed",
            "version-lowered"
        ]
    );
}

#[test]
fn identical_catalogs_have_no_changes() {
    let c = Path::new("tests/fixtures/diff/code-removed/old/catalog.yaml");
    let (changes, _, _) = compare(c, c);
    assert!(changes.is_empty(), "{changes:?}");
}

#[test]
fn a_major_version_bump_acknowledges_breaking_changes() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&repo().join("tests/fixtures/diff/code-removed"), dir.path());
    let new = dir.path().join("new/catalog.yaml");
    let old = dir.path().join("old/catalog.yaml");
    let args = [old.to_str().unwrap(), new.to_str().unwrap()];
    let out = errcat(dir.path(), &["diff", args[0], args[1]]);
    assert_eq!(out.status.code(), Some(1));
    let original = std::fs::read_to_string(&new).unwrap();
    for (version, code) in [("1.1.0", 1), ("2.0.0", 0)] {
        let text = original.replace("version: 1.0.0", &format!("version: {version}"));
        std::fs::write(&new, text).unwrap();
        let out = errcat(dir.path(), &["diff", args[0], args[1]]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{version}:\n{stderr}");
        if code == 0 {
            assert!(stderr.contains("acknowledged by the major version bump 1.0.0 → 2.0.0"));
            assert!(stderr.contains("warning[breaking-change]: code-removed"));
            // The summary's count agrees with its noun.
            assert!(
                stderr.contains("\n1 change, 1 breaking (acknowledged"),
                "{stderr}"
            );
        }
    }
}

/// Versions compare as semver does: by number, not as text, and a pre-release below its
/// release; only a lower one is a change.
#[test]
fn a_version_lower_than_the_base_is_breaking_and_only_that() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(
        &repo().join("tests/fixtures/diff/version-lowered"),
        dir.path(),
    );
    let (old, new) = (
        dir.path().join("old/catalog.yaml"),
        dir.path().join("new/catalog.yaml"),
    );
    let (ot, nt) = (
        std::fs::read_to_string(&old).unwrap(),
        std::fs::read_to_string(&new).unwrap(),
    );
    for (was, now, lowered) in [
        ("1.10.0", "1.9.0", true),
        ("2.0.0", "2.0.0-rc.1", true),
        ("1.9.0", "1.10.0", false),
        ("2.0.0-rc.1", "2.0.0", false),
        ("2.1.0", "2.1.0", false),
    ] {
        std::fs::write(
            &old,
            ot.replace("version: 2.1.0", &format!("version: {was}")),
        )
        .unwrap();
        std::fs::write(
            &new,
            nt.replace("version: 1.9.0", &format!("version: {now}")),
        )
        .unwrap();
        let (changes, _, text) = compare(&old, &new);
        let found = changes.iter().any(|c| c.kind == Kind::VersionLowered);
        assert_eq!(found, lowered, "{was} → {now}:\n{text}");
    }
}

/// A namespace whose last code that needed a wide integer goes is narrowed: the type
/// changes back, and the message says why.
#[test]
fn a_namespace_narrowed_to_a_smaller_integer_type_is_breaking() {
    let dir = Path::new("tests/fixtures/diff/int-type-changed");
    let (changes, _, text) = compare(&dir.join("new/catalog.yaml"), &dir.join("old/catalog.yaml"));
    let narrowed: Vec<&diff::Change> = changes
        .iter()
        .filter(|c| c.kind == Kind::IntTypeChanged)
        .collect();
    assert_eq!(narrowed.len(), 1, "{text}");
    assert!(
        narrowed[0]
            .message
            .contains("(rust i64 → i32): no code needs the wider type any more"),
        "{text}"
    );
}

/// Retiring removes the generated name whether or not the code was deprecated first: a
/// deprecated one is still breaking, and the message says the deprecation was the warning.
#[test]
fn a_retired_code_breaks_even_when_it_was_deprecated() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&repo().join("tests/fixtures/diff/code-retired"), dir.path());
    let old_a = dir.path().join("old/a.yaml");
    let text = std::fs::read_to_string(&old_a).unwrap();
    let busy = "retryable: true }";
    assert!(text.contains(busy), "{text}");
    let deprecated = "retryable: true, deprecated: { reason: Use ROOM_FULL. } }";
    std::fs::write(&old_a, text.replace(busy, deprecated)).unwrap();
    let (old, new) = (
        dir.path().join("old/catalog.yaml"),
        dir.path().join("new/catalog.yaml"),
    );
    let (changes, report, text) = compare(&old, &new);
    let kinds: Vec<Kind> = changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::CodeRetired], "{text}");
    assert!(changes[0].breaking() && report.has_errors(), "{text}");
    assert!(
        changes[0].message.ends_with(
            "generated code no longer names it; it was deprecated, which warned its users: \
             the major version bump is due now"
        ),
        "{text}"
    );
}

#[test]
fn a_code_moved_to_an_existing_namespace_is_one_change() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(
        &repo().join("tests/fixtures/diff/code-moved-namespace"),
        dir.path(),
    );
    // app.room exists on both sides; 1003 joins it.
    let room = "  - { code: 2001, name: ROOM_GONE, message: { en: The room is gone } }\n";
    let old_b = format!("namespace: app.room\nlocales: [en]\nentries:\n{room}");
    std::fs::write(dir.path().join("old/b.yaml"), old_b).unwrap();
    let new_b = dir.path().join("new/b.yaml");
    let text = std::fs::read_to_string(&new_b).unwrap();
    std::fs::write(&new_b, format!("{text}{room}")).unwrap();
    let (old, new) = (
        dir.path().join("old/catalog.yaml"),
        dir.path().join("new/catalog.yaml"),
    );

    let (changes, _, text) = compare(&old, &new);
    let kinds: Vec<Kind> = changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::CodeMovedNamespace], "{text}");
    let out = errcat(
        dir.path(),
        &["diff", old.to_str().unwrap(), new.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.ends_with("\n1 change, 1 breaking\n"), "{stderr}");
}

/// A code moved into a namespace of other `defaults:` takes their HTTP status: the
/// move is told, and so is what it changed, as an edit in place would be.
#[test]
fn a_moved_code_tells_what_the_move_changed() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(
        &repo().join("tests/fixtures/diff/code-moved-namespace"),
        dir.path(),
    );
    let new_b = dir.path().join("new/b.yaml");
    let text = std::fs::read_to_string(&new_b).unwrap();
    let text = text
        .replace(
            "locales: [en]\n",
            "locales: [en]\ndefaults: { http: 401 }\n",
        )
        .replace(", retryable: true", "");
    std::fs::write(&new_b, text).unwrap();
    let (old, new) = (
        dir.path().join("old/catalog.yaml"),
        dir.path().join("new/catalog.yaml"),
    );
    let (changes, _, text) = compare(&old, &new);
    let kinds: Vec<Kind> = changes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::CodeMovedNamespace,
            Kind::NamespaceAdded,
            Kind::HttpChanged,
            Kind::RetryableChanged
        ],
        "{text}"
    );
    assert!(
        text.contains("the HTTP status of code 1003 `ROOM_BUSY` changed from none to 401"),
        "{text}"
    );
}

pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

#[test]
fn check_against_a_revision_in_a_scratch_repository() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::support::copy_tree(&repo().join("schema"), &root.join("schema"));
    crate::support::copy_tree(&repo().join("templates"), &root.join("templates"));
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "seed"]);
    let rest = root.join("schema/edu/rest.yaml");
    let seed = std::fs::read_to_string(&rest).unwrap();
    // ROOM_NOT_EXIST (1004) is written as a block of lines: code, name, message, ….
    let start = seed.find("  - code: 1004\n").expect("1004 in the seed");
    let end = start + 3 + seed[start + 3..].find("\n  - ").unwrap() + 1;
    std::fs::write(&rest, format!("{}{}", &seed[..start], &seed[end..])).unwrap();
    git(root, &["commit", "-q", "-am", "remove 1004"]);

    let out = errcat(root, &["check", "--against", "HEAD~1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("code 1004 `ROOM_NOT_EXIST` was removed from namespace edu.rest"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> HEAD~1:schema/edu/rest.yaml:"),
        "{stderr}"
    );
    let json = errcat(root, &["check", "--against", "HEAD~1", "--format", "json"]);
    let v = crate::support::first_json_diagnostic(&json);
    assert_eq!(v["rule"], "breaking-change");
    assert_eq!(v["file"], "HEAD~1:schema/edu/rest.yaml");

    // Retiring the code in `reserved:` keeps its number from coming back, but its
    // generated name goes all the same: breaking, until a major bump acknowledges it.
    let text = std::fs::read_to_string(&rest).unwrap();
    let text = text.replacen(
        "entries:\n",
        "reserved:\n  - { code: 1004, reason: Merged into ROOM_NOT_FOUND. }\nentries:\n",
        1,
    );
    assert!(
        !seed.contains("\nreserved:"),
        "the seed namespace has no reserved list yet"
    );
    std::fs::write(&rest, text).unwrap();
    let out = errcat(root, &["check", "--against", "HEAD~1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error[breaking-change]: code-retired: code 1004 `ROOM_NOT_EXIST` was retired to \
             `reserved` (Merged into ROOM_NOT_FOUND.): generated code no longer names it"
        ),
        "{stderr}"
    );
    let catalog = root.join("schema/catalog.yaml");
    let cat = std::fs::read_to_string(&catalog).unwrap();
    assert!(cat.contains("\nversion: 1.0.0\n"), "{cat}");
    std::fs::write(
        &catalog,
        cat.replace("\nversion: 1.0.0\n", "\nversion: 2.0.0\n"),
    )
    .unwrap();
    let out = errcat(root, &["check", "--against", "HEAD~1"]);
    crate::support::assert_success(&out);
    let out = errcat(root, &["diff", "HEAD~1", "-v"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[breaking-change]: code-retired: code 1004"),
        "{stderr}"
    );
    // `-v`: the files read on each side, and each phase's time.
    assert!(
        stderr.contains("read: HEAD~1:schema/edu/rest.yaml\n")
            && stderr.contains("read: schema/edu/rest.yaml\n")
            && stderr.contains("time: compare: "),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");

    let out = errcat(root, &["check", "--against", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("neither a catalog file nor a git revision")
    );
}

/// A branch behind its base: `--against main` takes main's new codes for removed ones,
/// `--against main...` compares with where the branch left main. A base that a merge
/// broke is passed over for the newest commit before it that loads, so the change that
/// mends it can pass.
#[test]
fn check_against_the_merge_base_and_past_a_broken_base() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let entry =
        |code: i64, name: &str| format!("  - {{ code: {code}, name: {name}, message: {name} }}\n");
    let ns = root.join("schema/a.yaml");
    std::fs::create_dir_all(root.join("schema")).unwrap();
    std::fs::write(
        root.join("schema/catalog.yaml"),
        "catalog: a\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [a.yaml]\n",
    )
    .unwrap();
    let base = format!("namespace: app\nentries:\n{}", entry(1, "ONE"));
    std::fs::write(&ns, &base).unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    git(root, &["checkout", "-q", "-b", "feature"]);
    std::fs::write(&ns, format!("{base}{}", entry(2, "TWO"))).unwrap();
    git(root, &["commit", "-q", "-am", "two"]);
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(&ns, format!("{base}{}", entry(3, "THREE"))).unwrap();
    git(root, &["commit", "-q", "-am", "three"]);
    git(root, &["checkout", "-q", "feature"]);

    let out = errcat(root, &["check", "--against", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("code 3 `THREE` was removed"), "{stderr}");
    for against in ["main...", "main...HEAD"] {
        let out = errcat(root, &["check", "--against", against]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{against}: {stderr}");
    }

    // main broken: code 3 twice. The feature branch is compared with main's commit before.
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(
        &ns,
        format!("{base}{}{}", entry(3, "THREE"), entry(3, "TRES")),
    )
    .unwrap();
    git(root, &["commit", "-q", "-am", "broken merge"]);
    git(root, &["checkout", "-q", "feature"]);
    std::fs::write(
        &ns,
        format!("{base}{}{}", entry(2, "TWO"), entry(3, "THREE")),
    )
    .unwrap();
    let out = errcat(root, &["check", "--against", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: the catalog at main has 1 error: compared with commit ")
            && stderr.contains(", the newest before it whose catalog loads"),
        "{stderr}"
    );
    // Against the commit before the break, the same change breaks nothing; dropping
    // code 3 does.
    std::fs::write(&ns, format!("{base}{}", entry(2, "TWO"))).unwrap();
    let out = errcat(root, &["check", "--against", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("code 3 `THREE` was removed"), "{stderr}");
}

/// One product's catalog removed and another's added as a near copy: git's rename
/// detection pairs them, but a catalog of another id is not this one moved, so the
/// new product is compared with nothing, not with the removed one's codes.
#[test]
fn a_new_catalog_copied_from_a_removed_one_is_not_that_one_moved() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let catalog = |id: &str| {
        format!(
            "catalog: {id}\nformat: 1\nversion: 1.0.0\nlocales: [en]\ndefault_locale: en\n\
             namespaces: [\"*.yaml\"]\n# The product's error catalog: every code it returns.\n"
        )
    };
    let namespace = |id: &str| {
        format!("namespace: {id}\nentries:\n  - {{ code: 1, name: DECLINED, message: Declined }}\n")
    };
    write("products/bank/schema/catalog.yaml", &catalog("bank"));
    write("products/bank/schema/bank.yaml", &namespace("bank"));
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "bank"]);
    git(root, &["rm", "-q", "-r", "products/bank"]);
    write("products/pay/schema/catalog.yaml", &catalog("pay"));
    write("products/pay/schema/pay.yaml", &namespace("pay"));
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "pay replaces bank"]);

    let pay = root.join("products/pay");
    let out = errcat(&pay, &["check", "--against", "HEAD~1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("which is catalog `bank`, not `pay`)")
            && stderr.contains("compared with an empty catalog"),
        "{stderr}"
    );
}

/// A catalog whose directory moved (`git mv schema errors`) is still the catalog it
/// was: `check --against` follows the move and finds a code removed in the same
/// commit, and the changelog keeps the versions from before it.
#[test]
fn a_moved_catalog_keeps_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::support::copy_tree(&repo().join("schema"), &root.join("schema"));
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "seed"]);
    let bump = |path: &Path, to: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        let version = text.lines().find(|l| l.starts_with("version: ")).unwrap();
        std::fs::write(path, text.replace(version, &format!("version: {to}"))).unwrap();
    };
    bump(&root.join("schema/catalog.yaml"), "1.1.0");
    git(root, &["commit", "-q", "-am", "1.1.0"]);
    git(root, &["mv", "schema", "errors"]);
    let rest = root.join("errors/edu/rest.yaml");
    let seed = std::fs::read_to_string(&rest).unwrap();
    let start = seed.find("  - code: 1004\n").expect("1004 in the seed");
    let end = start + 3 + seed[start + 3..].find("\n  - ").unwrap() + 1;
    std::fs::write(&rest, format!("{}{}", &seed[..start], &seed[end..])).unwrap();

    // Moved in the working tree, then committed.
    for commit in [false, true] {
        if commit {
            git(root, &["commit", "-q", "-am", "move, and remove 1004"]);
        }
        let base = if commit { "HEAD~1" } else { "HEAD" };
        let out = errcat(root, &["check", "--against", base, "errors/catalog.yaml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("code 1004 `ROOM_NOT_EXIST` was removed from namespace edu.rest")
                && stderr.contains(&format!("{base}:schema/edu/rest.yaml:"))
                && !stderr.contains("compared with an empty catalog"),
            "{stderr}"
        );
    }
    // The versions from before the move are the changelog's too.
    bump(&root.join("errors/catalog.yaml"), "9.0.0");
    git(root, &["commit", "-q", "-am", "9.0.0"]);
    let out = errcat(root, &["changelog", "errors/catalog.yaml", "-v"]);
    let notes = String::from_utf8_lossy(&out.stdout);
    // `-v`: each commit read, with its version, and the time taken.
    let detail = String::from_utf8_lossy(&out.stderr);
    assert!(
        detail.contains(": version 1.0.0\n")
            && detail.contains("read: errors/catalog.yaml: version 9.0.0\n")
            && detail.contains("time: read the history and compare: "),
        "{detail}"
    );
    assert!(
        notes.contains("## 9.0.0")
            && notes.contains("## 1.1.0")
            && notes.contains("## 1.0.0\n\nFirst version: 218 codes"),
        "{notes}"
    );
}

#[test]
fn a_revision_before_the_catalog_is_an_empty_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("README.md"), "before the catalog\n").unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "readme"]);
    // The change that introduces errcat, first uncommitted, then committed.
    crate::support::copy_tree(&repo().join("schema"), &root.join("schema"));
    crate::support::copy_tree(&repo().join("templates"), &root.join("templates"));
    let note = "warning: there is no schema/catalog.yaml at main: compared with an empty \
                catalog, so every code is new\n";
    for base in ["main", "HEAD"] {
        let out = errcat(root, &["check", "--against", base]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(stderr.starts_with(&note.replace("main", base)), "{stderr}");
        if base == "HEAD" {
            git(root, &["add", "."]);
            git(root, &["commit", "-q", "-m", "errcat"]);
        }
    }
    // A mistyped --catalog is said to be one, not a revision without it.
    let out = errcat(
        root,
        &["diff", "main~1", "--catalog", "errors/catalog.yaml"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: there is no catalog at errors/catalog.yaml\nhelp: pass --catalog the catalog file, or its directory\n"
    );
    assert_eq!(out.status.code(), Some(2));
    let out = errcat(root, &["diff", "main~1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(&note.replace("main", "main~1")),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning[compatible-change]: namespace-added"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(" breaking\n") && stderr.contains(" changes, 0 breaking"),
        "{stderr}"
    );
    // In a machine format the note is a record too.
    let out = errcat(root, &["check", "--against", "main~1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = crate::support::first_json_diagnostic(&out);
    assert_eq!(v["level"], "warning");
    assert!(changelog(root).contains("First version: "));
    // A revision that does not exist is still a usage error, and so is a path the
    // user named that is not at the revision (it may be mistyped).
    let out = errcat(root, &["diff", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    let out = errcat(root, &["diff", "main~1:schema/catalog.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr, "error: there is no schema/catalog.yaml at main~1\n");
}

/// `errcat changelog` in `dir`, which must succeed: its Markdown.
pub fn changelog(dir: &Path) -> String {
    let out = errcat(dir, &["changelog"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn changelog_lists_each_version_from_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let fixture = repo().join("tests/fixtures/diff/code-removed/old");
    crate::support::copy_tree(&fixture, &root.join("schema"));
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "1.0.0"]);
    let cat = root.join("schema/catalog.yaml");
    let ns = root.join("schema/a.yaml");
    let (cat0, ns0) = (
        std::fs::read_to_string(&cat).unwrap(),
        std::fs::read_to_string(&ns).unwrap(),
    );
    let added = "  - { code: 1004, name: ROOM_LOCKED, message: { en: The room is locked } }\n";
    std::fs::write(&ns, format!("{ns0}{added}")).unwrap();
    std::fs::write(&cat, cat0.replace("1.0.0", "1.1.0")).unwrap();
    git(root, &["commit", "-q", "-am", "1.1.0"]);
    // 2.0.0: ROOM_BUSY retired, ROOM_CLOSED deprecated, ROOM_FULL given a placeholder.
    let ns2 = format!("{ns0}{added}")
        .replace(
            "  - { code: 1003, name: ROOM_BUSY, message: { en: The room is busy }, retryable: true }\n",
            "",
        )
        .replace(
            "  - { code: 1013, reason: Retired in 2021. }\n",
            "  - { code: 1013, reason: Retired in 2021. }\n  - { code: 1003, reason: Folded into ROOM_FULL. }\n",
        )
        .replace(
            "{ en: The room is full }",
            "{ en: \"The room {room} is full\" }, params: [room]",
        )
        // A reason that would write a version heading of its own into the Markdown.
        .replace(
            "  - { code: 1002, name: ROOM_CLOSED, message: { en: \"The room {room} is closed\" }, params: [room] }\n",
            "  - code: 1002
    name: ROOM_CLOSED
    message: { en: \"The room {room} is closed\" }
    params: [room]
    deprecated:
      reason: |
        Rooms no longer close.

        ## 9.9.9
",
        );
    assert!(ns2.contains("## 9.9.9"), "{ns2}");
    std::fs::write(&ns, ns2).unwrap();
    std::fs::write(&cat, cat0.replace("1.0.0", "2.0.0")).unwrap();

    let text = changelog(root);
    let expected = "# Changelog

Generated by `errcat changelog` from the catalog's history.

## 2.0.0

### Breaking

- `app.core`: placeholder `{room}` was added to code 1001 `ROOM_FULL` (params [] → [room]): the message now needs a value, and code that shows it as it was shows a raw `{room}`
- `app.core`: code 1003 `ROOM_BUSY` was retired to `reserved` (Folded into ROOM\\_FULL.): generated code no longer names it

### Deprecated

- `app.core`: code 1002 `ROOM_CLOSED` was deprecated (Rooms no longer close. \\#\\# 9.9.9)

### Changed

- `app.core`: code 1001 `ROOM_FULL`: text changed: message (en): \"The room is full\" → \"The room {room} is full\"

## 1.1.0

### Added

- `app.core`: code 1004 `ROOM_LOCKED` was added

## 1.0.0

First version: 3 codes in 1 namespace.
";
    assert_eq!(text, expected);
    assert!(!text.contains("\n## 9.9.9"), "{text}");
}

/// A scratch repository (not yet committed to) holding the code-removed fixture's old
/// catalog: `cat` and `ns` its catalog and namespace file, `cat0` and `ns0` their texts.
struct History {
    dir: tempfile::TempDir,
    cat: std::path::PathBuf,
    ns: std::path::PathBuf,
    cat0: String,
    ns0: String,
}

impl History {
    fn new() -> History {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let fixture = repo().join("tests/fixtures/diff/code-removed/old");
        crate::support::copy_tree(&fixture, &root.join("schema"));
        git(root, &["init", "-q", "-b", "main"]);
        let (cat, ns) = (root.join("schema/catalog.yaml"), root.join("schema/a.yaml"));
        let (cat0, ns0) = (
            std::fs::read_to_string(&cat).unwrap(),
            std::fs::read_to_string(&ns).unwrap(),
        );
        History {
            dir,
            cat,
            ns,
            cat0,
            ns0,
        }
    }

    /// Commits the catalog and namespace texts, tagged `tag` if given.
    fn commit(&self, catalog: &str, namespace: &str, tag: Option<&str>) {
        let root = self.dir.path();
        std::fs::write(&self.cat, catalog).unwrap();
        std::fs::write(&self.ns, namespace).unwrap();
        git(root, &["add", "."]);
        git(root, &["commit", "-q", "-m", "step"]);
        if let Some(t) = tag {
            git(root, &["tag", t]);
        }
    }
}

/// An entry line of the fixture's namespace: code `n`, its message `Code n`.
fn entry(n: u32, name: &str) -> String {
    format!("  - {{ code: {n}, name: {name}, message: {{ en: Code {n} }} }}\n")
}

/// Only what each version shipped is loaded: its last commit whose catalog loads. Commits
/// that do not load are passed over, and versions on either side of them are one.
#[test]
fn changelog_takes_each_version_from_its_last_commit_that_loads() {
    let history = History::new();
    let (root, cat, ns) = (history.dir.path(), &history.cat, &history.ns);
    let (cat0, ns0) = (&history.cat0, &history.ns0);
    let version = |v: &str| cat0.replace("1.0.0", v);
    let broken = "  - { code: 1009, name: BROKEN\n";
    let steps = [
        (version("1.0.0"), ns0.clone()),
        (
            version("1.0.0"),
            format!("{ns0}{}", entry(1004, "ROOM_LOCKED")),
        ),
        (version("1.1.0"), format!("{ns0}{broken}")),
        ("catalog: [\n".to_string(), ns0.clone()),
        (
            version("1.1.0"),
            format!(
                "{ns0}{}{}",
                entry(1004, "ROOM_LOCKED"),
                entry(1005, "ROOM_MOVED")
            ),
        ),
        (
            version("1.1.0"),
            format!(
                "{ns0}{}{}",
                entry(1004, "ROOM_LOCKED"),
                entry(1004, "TWICE")
            ),
        ),
        (version("1.2.0"), format!("{ns0}{broken}")),
    ];
    for (c, n) in &steps {
        history.commit(c, n, None);
    }
    // The working tree: 1.1.0 again, after a 1.2.0 that never loaded.
    std::fs::write(cat, version("1.1.0")).unwrap();
    let now = [
        entry(1004, "ROOM_LOCKED"),
        entry(1005, "ROOM_MOVED"),
        entry(1007, "ROOM_GONE"),
    ];
    std::fs::write(ns, format!("{ns0}{}", now.concat())).unwrap();

    let out = errcat(root, &["changelog", "-v"]);
    let (notes, detail) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{detail}");
    let expected = "# Changelog

Generated by `errcat changelog` from the catalog's history.

## 1.1.0

### Added

- `app.core`: code 1005 `ROOM_MOVED` was added
- `app.core`: code 1007 `ROOM_GONE` was added

## 1.0.0

First version: 4 codes in 1 namespace.
";
    assert_eq!(notes, expected);
    let commits: Vec<String> = Command::new("git")
        .current_dir(root)
        .args(["log", "--reverse", "--format=%h", "--abbrev=10"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(String::from)
                .collect()
        })
        .unwrap();
    let read: Vec<&str> = detail.lines().filter(|l| l.starts_with("read: ")).collect();
    let expected = [
        format!(
            "read: {}: version 1.0.0 (only its catalog.yaml: {} is that version's last)",
            commits[0], commits[1]
        ),
        format!("read: {}: version 1.0.0", commits[1]),
        format!(
            "read: {}: version 1.1.0 (only its catalog.yaml: {} is that version's last)",
            commits[2], commits[4]
        ),
        format!("read: {}: no valid catalog", commits[3]),
        format!("read: {}: version 1.1.0", commits[4]),
        format!("read: {}: no valid catalog", commits[5]),
        format!("read: {}: no valid catalog", commits[6]),
        "read: schema/catalog.yaml: version 1.1.0".to_string(),
    ];
    assert_eq!(read, expected, "{detail}");
}

/// Where the version is bumped at release and the release tagged, a version is what
/// its tag holds: the commits after a tag carry the old version but are the next one's.
#[test]
fn changelog_takes_a_tagged_version_from_its_tag() {
    let history = History::new();
    let (root, ns0) = (history.dir.path(), &history.ns0);
    let commit = |version: &str, text: &str, tag: Option<&str>| {
        history.commit(&history.cat0.replace("1.0.0", version), text, tag);
    };
    let b = format!("{ns0}{}", entry(1004, "ROOM_LOCKED"));
    let c = format!("{b}{}", entry(1005, "ROOM_MOVED"));
    commit("1.0.0", ns0, Some("v1.0.0"));
    commit("1.0.0", &b, None);
    commit("1.1.0", &b, Some("v1.1.0"));
    commit("1.1.0", &c, None);
    commit("1.2.0", &c, None);
    let text = changelog(root);
    let expected = "# Changelog

Generated by `errcat changelog` from the catalog's history.

## 1.2.0

### Added

- `app.core`: code 1005 `ROOM_MOVED` was added

## 1.1.0

### Added

- `app.core`: code 1004 `ROOM_LOCKED` was added

## 1.0.0

First version: 3 codes in 1 namespace.
";
    assert_eq!(text, expected);
}

/// The newest version tagged, then changed without a bump: the changes after the tag
/// are in no version yet, and listed as unreleased rather than dropped.
#[test]
fn changelog_lists_changes_after_the_newest_tag_as_unreleased() {
    let history = History::new();
    let (root, cat, cat0, ns0) = (
        history.dir.path(),
        &history.cat,
        &history.cat0,
        &history.ns0,
    );
    history.commit(cat0, ns0, Some("v1.0.0"));
    history.commit(cat0, &format!("{ns0}{}", entry(1004, "ROOM_LOCKED")), None);
    let expected = "# Changelog

Generated by `errcat changelog` from the catalog's history.

## Unreleased

### Added

- `app.core`: code 1004 `ROOM_LOCKED` was added

## 1.0.0

First version: 3 codes in 1 namespace.
";
    assert_eq!(changelog(root), expected);
    // Once the version is bumped, the same change is that version's.
    std::fs::write(cat, cat0.replace("1.0.0", "1.1.0")).unwrap();
    assert_eq!(
        changelog(root),
        expected.replace("## Unreleased", "## 1.1.0")
    );
}

#[test]
fn changelog_lists_a_code_no_longer_deprecated_and_a_new_severity() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let fixture = repo().join("tests/fixtures/diff/code-undeprecated");
    crate::support::copy_tree(&fixture.join("old"), &root.join("schema"));
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "1.0.0"]);
    let cat = root.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&cat).unwrap();
    std::fs::write(&cat, text.replace("1.0.0", "1.1.0")).unwrap();
    let ns = std::fs::read_to_string(fixture.join("new/a.yaml")).unwrap();
    // Tags are bookkeeping: listed by `diff`, not in release notes.
    let ns = ns.replace(
        "retryable: true }",
        "retryable: true, severity: warning, tags: [x] }",
    );
    std::fs::write(root.join("schema/a.yaml"), ns).unwrap();

    let text = changelog(root);
    let expected = "## 1.1.0

### Changed

- `app.core`: code 1003 `ROOM_BUSY` is no longer deprecated
- `app.core`: the severity of code 1003 `ROOM_BUSY` changed from error to warning

## 1.0.0
";
    assert!(text.contains(expected), "{text}");
}

#[test]
fn a_shallow_clone_says_its_history_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("README.md"), "before the catalog\n").unwrap();
    git(&full, &["init", "-q", "-b", "main"]);
    git(&full, &["add", "."]);
    git(&full, &["commit", "-q", "-m", "readme"]);
    let fixture = repo().join("tests/fixtures/diff/code-removed/old");
    crate::support::copy_tree(&fixture, &full.join("schema"));
    git(&full, &["add", "."]);
    git(&full, &["commit", "-q", "-m", "1.0.0"]);
    let cat = full.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&cat).unwrap();
    std::fs::write(&cat, text.replace("1.0.0", "1.1.0")).unwrap();
    git(&full, &["commit", "-q", "-am", "1.1.0"]);
    let clone = |depth: &str| {
        let to = dir.path().join(format!("depth-{depth}"));
        let url = format!("file://{}", full.display());
        let args = ["clone", "-q", "--depth", depth, &url, to.to_str().unwrap()];
        git(dir.path(), &args);
        to
    };

    // CI's default checkout: one commit, which would pass for the first version.
    let ci = clone("1");
    let out = errcat(&ci, &["changelog"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr.contains("this is a shallow git clone"), "{stderr}");
    assert!(stderr.contains("`git fetch --unshallow`"), "{stderr}");
    assert!(stderr.contains("`fetch-depth: 0`"), "{stderr}");
    let out = errcat(&ci, &["check", "--against", "HEAD~1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "`HEAD~1` is neither a catalog file nor a git revision; this is a shallow git clone"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("`git fetch --unshallow`"), "{stderr}");

    // Cut before the catalog existed: its whole history is there.
    let deep = clone("3");
    let stdout = changelog(&deep);
    assert!(
        stdout.contains("## 1.1.0\n\nNo change to the codes."),
        "{stdout}"
    );
    assert!(
        stdout.contains("## 1.0.0\n\nFirst version: 3 codes"),
        "{stdout}"
    );
}

#[test]
fn outside_a_repository_a_revision_gets_a_plain_answer() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::support::copy_tree(&repo().join("schema"), &root.join("schema"));
    let outside = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
            .current_dir(root)
            .args(args)
            // However the temp dir is placed, git must not find a repository above it.
            .env("GIT_CEILING_DIRECTORIES", root.parent().unwrap())
            .env("NO_COLOR", "1")
            .env(
                "ERRCAT_CACHE_DIR",
                std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("errcat-cache"),
            )
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // git's own words ("fatal: not a git repository (or any of the parent …)") are not shown.
    let (code, stderr) = outside(&["diff", "HEAD"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr.trim(),
        "error: `HEAD` is not a catalog file, nor a git revision: `schema` is not in a git repository"
    );
    let (code, stderr) = outside(&["changelog"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("the changelog is read from the catalog's git history, but `schema` is not in a git repository"),
        "{stderr}"
    );
}

#[test]
fn diff_takes_directories_and_a_catalog_outside_schema() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::support::copy_tree(&repo().join("schema"), &root.join("schema"));
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "one"]);
    let run = |args: &[&str]| {
        let out = crate::support::errcat(root, args);
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let same = (Some(0), "0 changes, 0 breaking\n".to_string());
    // A project directory, or a schema directory, means its catalog, as in `check`.
    assert_eq!(run(&["diff", "HEAD", "."]), same);
    assert_eq!(run(&["diff", "schema", "."]), same);
    assert_eq!(run(&["diff", "HEAD", "--catalog", "schema"]), same);
    let (code, stderr) = run(&["diff", "HEAD", "schema/edu"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr
            .contains("`schema/edu` is a directory without a catalog.yaml or schema/catalog.yaml"),
        "{stderr}"
    );
    // A catalog that is not at schema/catalog.yaml: REV:path and the file are enough.
    git(root, &["mv", "schema", "errors"]);
    git(root, &["commit", "-q", "-m", "move"]);
    assert_eq!(
        run(&["diff", "HEAD:errors/catalog.yaml", "errors/catalog.yaml"]),
        same
    );
    assert_eq!(run(&["diff", "HEAD~1:schema/catalog.yaml", "errors"]), same);
}

/// A locale dropped while one of its language is added is a rename when their
/// messages agree, to the one they agree with most; otherwise, or when two agree as
/// often, it is dropped and the other added.
#[test]
fn a_locale_is_renamed_only_to_the_one_its_messages_agree_with() {
    let kinds = |old: (&str, &str), new: (&str, &str)| {
        let dir = tempfile::tempdir().unwrap();
        for (side, (locales, texts)) in [("old", old), ("new", new)] {
            let d = dir.path().join(side);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(
                d.join("catalog.yaml"),
                format!("catalog: t\nformat: 1\nlocales: [{locales}]\ndefault_locale: en\nnamespaces: [a.yaml]\nlints: {{ missing-translation: allow }}\n"),
            )
            .unwrap();
            std::fs::write(
                d.join("a.yaml"),
                format!("namespace: app\nentries:\n  - {{ code: 1, name: ONE, message: {{ en: One, {texts} }} }}\n"),
            )
            .unwrap();
        }
        let (changes, _, _) = compare(
            &dir.path().join("old/catalog.yaml"),
            &dir.path().join("new/catalog.yaml"),
        );
        changes.iter().map(|c| c.kind.id()).collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(
            ("en, zh", "zh: 一"),
            ("en, zh-CN, zh-TW", "zh-CN: 一, zh-TW: 壹")
        ),
        ["locale-renamed", "locale-added", "translation-added"]
    );
    // Of another language, or with no message the same: dropped, and one added.
    assert_eq!(
        kinds(("en, pt", "pt: Um"), ("en, de", "de: Um")),
        ["locale-removed", "locale-added", "translation-added"]
    );
    assert_eq!(
        kinds(("en, pt", "pt: Um"), ("en, pt-BR", "pt-BR: Uma")),
        ["locale-removed", "locale-added", "translation-added"]
    );
    // Two agreeing as often: no telling which it became.
    assert_eq!(
        kinds(
            ("en, zh", "zh: 一"),
            ("en, zh-CN, zh-SG", "zh-CN: 一, zh-SG: 一")
        ),
        [
            "locale-removed",
            "locale-added",
            "locale-added",
            "translation-added"
        ]
    );
}
