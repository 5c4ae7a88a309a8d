//! The up-to-date cache: an unchanged project is confirmed without parsing, and any
//! change to an input, a template or an output is still caught.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::{errcat, errcat_env, text};
use crate::writer::project;

const CACHED: &str = "unchanged since the last run";

pub(crate) fn stderr(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = errcat(dir, args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Sets every file under `dir` back in time, as if written a while ago.
pub(crate) fn age(dir: &Path, by: Duration) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path, by);
        } else {
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(SystemTime::now() - by).unwrap();
        }
    }
}

/// After a clean `gen` whose files are older than the cache's racy window, a full
/// `gen --check` remembers the run and the next one answers from the cache.
pub(crate) fn fresh_project() -> tempfile::TempDir {
    let p = project();
    // Only runs without findings are cached; the golden catalog has one on purpose.
    edit(&p.path().join("schema/catalog.yaml"), |t| {
        t + "lints:\n  undeclared-placeholder: allow\n"
    });
    assert!(errcat(p.path(), &["gen"]).status.success());
    age(&p.path().join("generated"), Duration::from_secs(10));
    let (ok, err) = stderr(p.path(), &["gen", "--check"]);
    assert!(ok && !err.contains(CACHED), "{err}");
    let (ok, err) = stderr(p.path(), &["gen", "--check"]);
    assert!(ok && err.contains(CACHED), "{err}");
    p
}

#[test]
fn files_written_just_before_the_entry_are_not_trusted() {
    let p = project();
    edit(&p.path().join("schema/catalog.yaml"), |t| {
        t + "lints:\n  undeclared-placeholder: allow\n"
    });
    assert!(errcat(p.path(), &["gen"]).status.success());
    // A second change within the file system's time resolution: same size, same time.
    edit_keeping_size_and_time(&p.path().join("generated/rust/src/lib.rs"));
    assert_stale(p.path(), "stale:   generated/rust/src/lib.rs");
}

/// Edits a message of the project's `shop` namespace (nothing else in it changes).
pub(crate) fn edit_a_message(dir: &Path) {
    edit(&dir.join("schema/shop.yaml"), |t| {
        t.replace("does not exist", "is unknown")
    });
}

pub(crate) fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    let new = f(text.clone());
    assert_ne!(text, new, "{}: the edit changed nothing", path.display());
    std::fs::write(path, new).unwrap();
}

/// Edits `path` keeping its size, then puts its modification time back.
fn edit_keeping_size_and_time(path: &Path) {
    let written = std::fs::metadata(path).unwrap().modified().unwrap();
    edit(path, |t| t.replacen("//", "/*", 1));
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(written)
        .unwrap();
}

/// Every kind of change makes the check fall back to the full run, which fails.
fn assert_stale(p: &Path, expect: &str) {
    let (ok, err) = stderr(p, &["gen", "--check"]);
    assert!(!ok, "stale output passed the check:\n{err}");
    assert!(!err.contains(CACHED), "{err}");
    assert!(err.contains(expect), "expected {expect:?} in:\n{err}");
}

#[test]
fn an_edited_namespace_file_is_not_answered_from_the_cache() {
    let p = fresh_project();
    edit_a_message(p.path());
    assert_stale(p.path(), "stale:");
}

#[test]
fn an_edited_template_is_not_answered_from_the_cache() {
    let p = fresh_project();
    edit(&p.path().join("templates/rust/lib.rs.tera"), |t| {
        t + "// one more line\n"
    });
    assert_stale(p.path(), "stale:   generated/rust/src/lib.rs");
}

#[test]
fn a_new_namespace_file_is_not_answered_from_the_cache() {
    let p = fresh_project();
    std::fs::write(
        p.path().join("schema/extra.yaml"),
        "namespace: extra.ns\nlocales: [en]\nentries:\n  - { code: 1, name: EXTRA_ONE, message: { en: One } }\n",
    )
    .unwrap();
    assert_stale(p.path(), "missing:");
}

/// A namespace file that no pattern matches is never read, yet the cache still sees it
/// appear: the run that says so is a full one.
#[test]
fn a_new_unlisted_namespace_file_is_not_answered_from_the_cache() {
    let p = fresh_project();
    std::fs::write(
        p.path().join("schema/extra.yml"),
        "namespace: extra.ns\nentries: []\n",
    )
    .unwrap();
    let (ok, err) = stderr(p.path(), &["gen", "--check"]);
    assert!(ok && !err.contains(CACHED), "{err}");
    assert!(
        err.contains("warning[namespace-unlisted]: schema/extra.yml holds namespace `extra.ns`"),
        "{err}"
    );
}

#[test]
fn outputs_edited_removed_or_added_are_not_answered_from_the_cache() {
    let p = fresh_project();
    let lib = p.path().join("generated/rust/src/lib.rs");
    edit(&lib, |t| t + "// edited\n");
    assert_stale(p.path(), "edited by hand");
    assert!(errcat(p.path(), &["gen"]).status.success());

    std::fs::remove_file(&lib).unwrap();
    assert_stale(p.path(), "missing: generated/rust/src/lib.rs");
    assert!(errcat(p.path(), &["gen"]).status.success());

    let json = std::fs::read_to_string(p.path().join("generated/json/catalog.json")).unwrap();
    std::fs::write(p.path().join("generated/json/old.json"), json).unwrap();
    assert_stale(p.path(), "extra:   generated/json/old.json");
    assert!(errcat(p.path(), &["gen"]).status.success());
    // Once the rewritten files are out of the racy window, the cache serves again.
    age(&p.path().join("generated"), Duration::from_secs(10));
    assert!(errcat(p.path(), &["gen", "--check"]).status.success());
    let (ok, err) = stderr(p.path(), &["gen", "--check"]);
    assert!(ok && err.contains(CACHED), "{err}");
}

/// An edited output whose size and modification time are put back (`touch -r`,
/// `cp -p`, `tar`) still changed its inode's change time, which the entry keeps.
#[test]
fn an_output_edited_with_its_size_and_time_restored_is_not_answered_from_the_cache() {
    let p = fresh_project();
    edit_keeping_size_and_time(&p.path().join("generated/rust/src/lib.rs"));
    assert_stale(p.path(), "stale:   generated/rust/src/lib.rs");
}

#[test]
fn no_cache_renders_and_findings_are_never_cached() {
    let p = fresh_project();
    let (ok, err) = stderr(p.path(), &["gen", "--check", "--no-cache"]);
    assert!(ok && !err.contains(CACHED), "{err}");

    // A warning must be printed by every run, so a run with one is not remembered.
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replacen("does not exist\"", "does not exist \"", 1)
    });
    assert!(errcat(p.path(), &["gen"]).status.success());
    for _ in 0..2 {
        let (ok, err) = stderr(p.path(), &["gen", "--check"]);
        assert!(ok, "{err}");
        assert!(
            err.contains("trailing-whitespace") && !err.contains(CACHED),
            "{err}"
        );
    }
}

/// `errcat check`: inputs that passed in the last clean `gen` are answered from the
/// cache with the same summary; anything else is parsed, validated and rendered.
#[test]
fn check_answers_inputs_that_passed_the_last_clean_gen() {
    let p = fresh_project();
    let (ok, full) = stderr(p.path(), &["check", "--no-cache"]);
    assert!(ok && !full.contains(CACHED), "{full}");
    let summary = full
        .lines()
        .find(|l| l.starts_with("ok: "))
        .unwrap()
        .to_owned();
    let (ok, cached) = stderr(p.path(), &["check"]);
    assert!(ok, "{cached}");
    assert_eq!(cached.trim(), format!("{summary} ({CACHED})"));
    // The outputs do not matter to a check: edited ones are gen's business.
    edit(&p.path().join("generated/rust/src/lib.rs"), |t| {
        t + "// edited\n"
    });
    let (ok, err) = stderr(p.path(), &["check"]);
    assert!(ok && err.contains(CACHED), "{err}");
    // A comparison with another revision needs the catalog itself.
    let (_, err) = stderr(p.path(), &["check", "--against", "HEAD"]);
    assert!(!err.contains(CACHED), "{err}");

    // An edited input is checked in full, every time: its warning is reported.
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replacen("does not exist\"", "does not exist \"", 1)
    });
    for _ in 0..2 {
        let (ok, err) = stderr(p.path(), &["check"]);
        assert!(ok && err.contains("trailing-whitespace"), "{err}");
        assert!(!err.contains(CACHED), "{err}");
    }
}

/// A check never remembers a run: it has not written the outputs an entry would list,
/// so `gen --check` must still find them stale.
#[test]
fn a_check_leaves_gen_its_own_verdict() {
    let p = fresh_project();
    edit_a_message(p.path());
    for _ in 0..2 {
        let (ok, err) = stderr(p.path(), &["check"]);
        assert!(ok && !err.contains(CACHED), "{err}");
    }
    assert_stale(p.path(), "stale:");
}

/// Every catalog path ever used leaves an entry in the cache directory, and a killed run
/// its lock file in the temp directory: a run that stores its entry removes those that
/// no run has written for 30 days, except a lock that a run holds, and never a file
/// errcat does not name (in the temp directory, nothing but lock files). The run's own
/// lock file is gone when it ends.
#[test]
fn unused_entries_and_locks_are_pruned_when_a_run_stores_its_entry() {
    let p = project();
    edit(&p.path().join("schema/catalog.yaml"), |t| {
        t + "lints:\n  undeclared-placeholder: allow\n"
    });
    let (cache, tmp) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = |dir: &Path, name: &str, days: u64| {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(days * 24 * 60 * 60))
            .unwrap();
        f
    };
    let in_cache = [
        ("0123456789abcdef.json", 31),
        ("0123456789abcdef.checks", 31),
        (".0123456789abcdef.json.errcat-99.tmp", 31),
        ("fedcba9876543210.json", 29),
        ("fedcba9876543210.checks", 29),
        ("notes.json", 31),
        ("0123456789abcdef.json.bak", 31),
    ];
    let in_tmp = [
        ("errcat-0123456789abcdef.lock", 31),
        ("errcat-fedcba9876543210.lock", 29),
        ("errcat-00000000000000ff.lock", 31),
        // Someone else's, named like a cache entry: the temp directory is everyone's.
        ("0123456789abcdef.json", 31),
        ("errcat-notes.lock", 31),
    ];
    for &(n, d) in &in_cache {
        file(cache.path(), n, d);
    }
    let locks: Vec<std::fs::File> = in_tmp
        .iter()
        .map(|&(n, d)| file(tmp.path(), n, d))
        .collect();
    // A run holds this one, old as it is.
    locks[2].lock().unwrap();

    let out = errcat_env(
        p.path(),
        &["gen"],
        &[("ERRCAT_CACHE_DIR", cache.path()), ("TMPDIR", tmp.path())],
    );
    assert!(out.status.success(), "{}", text(&out).1);

    let left = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect()
    };
    let (cached, temp) = (left(cache.path()), left(tmp.path()));
    let own = |names: &[String], made: &[(&str, u64)]| {
        names
            .iter()
            .filter(|n| !made.iter().any(|m| m.0 == n.as_str()))
            .count()
    };
    assert_eq!(
        own(&cached, &in_cache),
        2,
        "the run's own entry and its namespace files' checks: {cached:?}"
    );
    assert_eq!(
        own(&temp, &in_tmp),
        0,
        "the run's own lock is left: {temp:?}"
    );
    for (kept, names) in [
        ("fedcba9876543210.json", &cached),
        ("fedcba9876543210.checks", &cached),
        ("notes.json", &cached),
        ("0123456789abcdef.json.bak", &cached),
        ("errcat-00000000000000ff.lock", &temp),
        ("errcat-fedcba9876543210.lock", &temp),
        ("0123456789abcdef.json", &temp),
        ("errcat-notes.lock", &temp),
    ] {
        assert!(
            names.iter().any(|n| n == kept),
            "{kept} was removed: {names:?}"
        );
    }
    for (gone, names) in [
        ("0123456789abcdef.json", &cached),
        ("0123456789abcdef.checks", &cached),
        (".0123456789abcdef.json.errcat-99.tmp", &cached),
        ("errcat-0123456789abcdef.lock", &temp),
    ] {
        assert!(
            !names.iter().any(|n| n == gone),
            "{gone} was kept: {names:?}"
        );
    }
}

/// An output directory moved away and linked back lists the same files, times and
/// all; but it leads out of the project now, which a full run refuses, and so must
/// the cache.
#[cfg(unix)]
#[test]
fn an_output_directory_linked_from_elsewhere_is_not_up_to_date() {
    let p = fresh_project();
    let away = tempfile::tempdir().unwrap();
    let (generated, moved) = (p.path().join("generated"), away.path().join("generated"));
    std::fs::rename(&generated, &moved).unwrap();
    std::os::unix::fs::symlink(&moved, &generated).unwrap();
    for args in [&["gen", "--check"][..], &["gen"]] {
        let (ok, err) = stderr(p.path(), args);
        assert!(
            !ok && err.contains("error[bad-path]")
                && err.contains("resolves outside the catalog root"),
            "{args:?}: {err}"
        );
    }
}
