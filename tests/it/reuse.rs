//! After an edit, `gen` renders again only the files that could have changed: a
//! namespace's files whose namespace, templates and catalog are as in the last clean
//! run, and which are on disk as it left them (or, written within the racy window,
//! still carry their checksum), are kept. Whatever was kept, the output is what a run
//! without the cache writes. `check` skips the same files, on disk or not.

use std::path::Path;
use std::time::Duration;

use crate::cache::{age, edit, edit_a_message, fresh_project, stderr};
use crate::support::{copy_tree, errcat_env, tree};

const KEPT: &str = "files of namespaces unchanged since the last clean run were not rendered again";

/// The files `gen -v` rendered and those it kept, relative to the project.
fn gen_verbose(dir: &Path) -> (Vec<String>, Vec<String>) {
    let (ok, err) = stderr(dir, &["gen", "-v"]);
    assert!(ok, "{err}");
    let paths = |prefix: &str| -> Vec<String> {
        err.lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .map(|l| l.split(' ').next().unwrap_or_default().to_string())
            .collect()
    };
    (paths("render: "), paths("unchanged: "))
}

/// What `gen --no-cache` writes for the project's inputs as they are now, from scratch.
pub(crate) fn written_without_cache(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let fresh = tempfile::tempdir().unwrap();
    copy_tree(&dir.join("schema"), &fresh.path().join("schema"));
    copy_tree(&dir.join("templates"), &fresh.path().join("templates"));
    let out = errcat_env(fresh.path(), &["gen", "--no-cache"], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    relative(fresh.path())
}

pub(crate) fn relative(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    tree(&dir.join("generated"))
        .into_iter()
        .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_path_buf(), b))
        .collect()
}

/// Lets the next run trust what is on disk now: the files are made older than the
/// cache's racy window and a full check stores an entry that lists them so.
fn settle(dir: &Path) {
    age(&dir.join("generated"), Duration::from_secs(10));
    let (ok, err) = stderr(dir, &["gen", "--check"]);
    assert!(ok, "{err}");
}

#[test]
fn an_edited_namespace_renders_only_its_own_files_and_the_catalogs() {
    let p = fresh_project();
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replace("Reload the order list.", "Reload the list of orders.")
    });
    let (rendered, kept) = gen_verbose(p.path());
    assert!(
        kept.iter().any(|f| f == "generated/rust/src/type.rs")
            && kept.iter().any(|f| f.ends_with("/type.md")),
        "the other namespace's files were rendered again: {rendered:?}"
    );
    assert!(
        rendered
            .iter()
            .any(|f| f == "generated/rust/src/shop_order.rs")
            && !kept.iter().any(|f| f.contains("shop")),
        "the edited namespace's files were kept: {kept:?}"
    );
    // Catalog-wide files are always rendered.
    assert!(rendered.iter().any(|f| f == "generated/rust/src/lib.rs"));
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
}

/// Each kind of edit, in turn, on a project whose files are kept where they may be:
/// after each the output is what a run without the cache writes.
#[test]
fn every_kind_of_edit_writes_what_a_run_without_the_cache_writes() {
    let p = fresh_project();
    const MORE: &str =
        "  - { code: 9000, name: ONE_MORE, message: { en: One more, zh-CN: 再一个 } }\n";
    // What changed, in which file: the text replaced, and by what (an empty one appends).
    let edits = [
        (
            "a message",
            "schema/shop.yaml",
            "does not exist",
            "is unknown",
        ),
        (
            "a namespace title, which the other namespace's pages may show",
            "schema/type.yaml",
            "title: Keywords",
            "title: Key words",
        ),
        ("a code added", "schema/shop.yaml", "", MORE),
        ("a code removed", "schema/shop.yaml", MORE, ""),
        (
            "a catalog option",
            "schema/catalog.yaml",
            "https://docs.example.com/errors",
            "https://errors.example.com/",
        ),
        (
            "a namespace template",
            "templates/rust/namespace.rs.tera",
            "",
            "// one more line\n",
        ),
    ];
    let mut kept_any = false;
    for (what, file, from, to) in edits {
        settle(p.path());
        edit(&p.path().join(file), |t| match from {
            "" => t + to,
            _ => t.replace(from, to),
        });
        let (_, kept) = gen_verbose(p.path());
        kept_any |= !kept.is_empty();
        assert_eq!(
            relative(p.path()),
            written_without_cache(p.path()),
            "after {what}, the output differs from a run without the cache (kept: {kept:?})"
        );
    }
    assert!(kept_any, "no edit kept a file: the test proves nothing");
}

#[test]
fn a_kept_file_edited_by_hand_is_rendered_again() {
    let p = fresh_project();
    settle(p.path());
    let other = p.path().join("generated/rust/src/type.rs");
    edit(&other, |t| t + "// edited by hand\n");
    edit_a_message(p.path());
    let (rendered, _) = gen_verbose(p.path());
    assert!(
        rendered.iter().any(|f| f == "generated/rust/src/type.rs"),
        "{rendered:?}"
    );
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
}

#[test]
fn a_run_says_how_many_files_it_kept() {
    let p = fresh_project();
    settle(p.path());
    edit_a_message(p.path());
    let (ok, err) = stderr(p.path(), &["gen", "-v"]);
    assert!(ok && err.contains(KEPT), "{err}");
    // Without the cache nothing is kept.
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replace("is unknown", "does not exist")
    });
    let (ok, err) = stderr(p.path(), &["gen", "-v", "--no-cache"]);
    assert!(
        ok && !err.contains(KEPT) && !err.contains("unchanged: "),
        "{err}"
    );
}

/// A project whose target `t` renders a file per namespace from the whole catalog: the
/// titles of every namespace, and the number of codes in all, read through a computed
/// key (which no scan of the template can name).
fn catalog_reader() -> tempfile::TempDir {
    let p = crate::writer::project();
    let t = p.path().join("templates/t");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("target.yaml"),
        "profile: json\nfiles:\n  - { template: ns.tera, path: \"{{ namespace.id }}.txt\", each: namespace }\n",
    )
    .unwrap();
    std::fs::write(
        t.join("ns.tera"),
        "{{ catalog.header }}\n{{ namespace.id }}, one of:{% for n in catalog.namespaces %} {{ n.title.text }};{% endfor %}\n{% set k = \"entry\" ~ \"_count\" %}{{ catalog[k] }} codes in all\n",
    )
    .unwrap();
    edit(&p.path().join("schema/catalog.yaml"), |t| {
        t + "  - { id: t, templates: t, out: generated/t }\nlints:\n  undeclared-placeholder: allow\n"
    });
    let (ok, err) = stderr(p.path(), &["gen"]);
    assert!(ok, "{err}");
    p
}

#[test]
fn a_namespace_file_that_reads_the_whole_catalog_follows_every_namespace() {
    let p = catalog_reader();
    let kind = p.path().join("generated/t/type.txt");
    settle(p.path());
    let before = std::fs::read_to_string(&kind).unwrap();
    // Another namespace's code count, read through the computed key.
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t + "  - { code: 9000, name: ONE_MORE, message: { en: One more, zh-CN: 再一个 } }\n"
    });
    let (rendered, _) = gen_verbose(p.path());
    assert!(
        rendered.iter().any(|f| f == "generated/t/type.txt"),
        "{rendered:?}"
    );
    let after = std::fs::read_to_string(&kind).unwrap();
    assert_ne!(before, after);
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
    // Another namespace's title, read by name.
    settle(p.path());
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replace("title: { en: Orders,", "title: { en: Purchase orders,")
    });
    gen_verbose(p.path());
    assert!(
        std::fs::read_to_string(&kind)
            .unwrap()
            .contains("Purchase orders;")
    );
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
}

/// `check` renders only to find template errors: the files of namespaces that a clean
/// run rendered with the same key are skipped, the edited namespace's are rendered, and
/// an error they raise is reported.
#[test]
fn check_renders_again_only_the_edited_namespaces_files() {
    let p = catalog_reader();
    // A template that fails on one title: `int` of a word is an error.
    std::fs::write(
        p.path().join("templates/t/ns.tera"),
        "{{ catalog.header }}\n{% if \"boom\" in namespace.title.text %}{{ namespace.title.text | int }}{% endif %}\n",
    )
    .unwrap();
    let (ok, err) = stderr(p.path(), &["gen"]);
    assert!(ok, "{err}");
    settle(p.path());
    edit(&p.path().join("schema/shop.yaml"), |t| {
        t.replace("title: { en: Orders,", "title: { en: Boomer,")
    });
    let (ok, err) = stderr(p.path(), &["check", "-v"]);
    assert!(ok && err.contains(KEPT), "{err}");
    edit(&p.path().join("schema/shop.yaml"), |t| {
        // As long as before: the namespace's positions stay, only its title differs.
        t.replace("title: { en: Boomer,", "title: { en: boomer,")
    });
    let (ok, err) = stderr(p.path(), &["check", "-v"]);
    assert!(
        !ok && err.contains(KEPT) && err.contains("ns.tera"),
        "{err}"
    );
    // Without the cache the same error, and nothing skipped.
    let (ok, err) = stderr(p.path(), &["check", "-v", "--no-cache"]);
    assert!(
        !ok && !err.contains(KEPT) && err.contains("ns.tera"),
        "{err}"
    );
}

/// Right after a full run every file is within the cache's racy window: an edit then
/// keeps the files whose text still carries the checksum they were written with.
#[test]
fn an_edit_right_after_a_full_run_keeps_files_that_carry_their_checksum() {
    let p = crate::writer::project();
    edit(&p.path().join("schema/catalog.yaml"), |t| {
        t + "lints:\n  undeclared-placeholder: allow\n"
    });
    let (ok, err) = stderr(p.path(), &["gen"]);
    assert!(ok, "{err}");
    // Edited by hand straight after: its size and times show it, and so would its text.
    edit(&p.path().join("generated/rust/src/type.rs"), |t| {
        t + "// mine\n"
    });
    edit_a_message(p.path());
    let (rendered, kept) = gen_verbose(p.path());
    assert!(kept.iter().any(|f| f.ends_with("/type.md")), "{rendered:?}");
    assert!(
        rendered.iter().any(|f| f == "generated/rust/src/type.rs"),
        "{kept:?}"
    );
    assert_eq!(relative(p.path()), written_without_cache(p.path()));
}

const PARTS_TAKEN: &str = "parts of catalog-wide files, of namespaces unchanged since the last clean run, were taken from its output";

/// The JSON catalog is one file of parts per namespace: after an edit, the other
/// namespace's part is taken from the file as the last clean run wrote it.
#[test]
fn an_edit_takes_the_other_namespaces_part_of_the_json_catalog() {
    let p = fresh_project();
    edit_a_message(p.path());
    gen_takes_parts(p.path(), 1, "the part of the namespace not edited");
}

/// `gen -v` in `dir` says it took `n` parts, else `what` was rendered again; and it
/// writes what a run without the cache writes.
fn gen_takes_parts(dir: &Path, n: usize, what: &str) {
    let (ok, err) = stderr(dir, &["gen", "-v"]);
    assert!(ok, "{err}");
    assert!(
        err.contains(&format!("cache: {n} {PARTS_TAKEN}")),
        "{what} was rendered again:\n{err}"
    );
    assert_eq!(relative(dir), written_without_cache(dir));
}

/// A part is taken only from the very text the last clean run wrote: not after an
/// edit by hand, nor from a checkout that turned its line ends into CRLF (its parts
/// are no longer where the entry says).
#[test]
fn a_json_catalog_edited_by_hand_or_converted_to_crlf_gives_no_part() {
    type Change = fn(String) -> String;
    let json = "generated/json/catalog.json";
    let changes: [(&str, Change); 3] = [
        ("edited by hand", |t| t.replacen("Keywords", "Key words", 1)),
        ("edited by hand, same length", |t| {
            t.replacen("Keywords", "KEYWORDS", 1)
        }),
        ("converted to CRLF", |t| t.replace('\n', "\r\n")),
    ];
    for (what, change) in changes {
        let p = fresh_project();
        edit(&p.path().join(json), change);
        edit_a_message(p.path());
        let (ok, err) = stderr(p.path(), &["gen", "-v"]);
        assert!(ok, "{what}: {err}");
        assert!(
            !err.contains(PARTS_TAKEN),
            "{what}: a part was taken:\n{err}"
        );
        // Hand edits are said, even now that a file whose parts were taken is not
        // read again before it is replaced.
        assert_eq!(
            err.contains("was edited by hand"),
            what.starts_with("edited"),
            "{what}:\n{err}"
        );
        assert_eq!(
            relative(p.path()),
            written_without_cache(p.path()),
            "{what}"
        );
    }
}

/// A synthetic catalog of three namespaces of 1,000 codes, prepared by `prepare`,
/// after a clean `gen` and an edit to one message of the second namespace.
fn three_namespaces_one_edited(prepare: impl FnOnce(&Path)) -> tempfile::TempDir {
    let p = tempfile::tempdir().unwrap();
    crate::support::write_synth(p.path(), 3_000);
    prepare(p.path());
    let (ok, err) = stderr(p.path(), &["gen"]);
    assert!(ok, "{err}");
    edit(&p.path().join("schema/synth/ns001.yaml"), |t| {
        t.replacen("while joining", "when joining", 1)
    });
    p
}

/// The code lookup (`codes.md`, in runs of 1,000 codes) keeps the runs whose codes
/// come from namespaces that did not change: here one namespace of three is edited,
/// and the runs of the other two are taken in both locales, with their parts of the
/// JSON catalog.
#[test]
fn an_edit_takes_the_code_lookups_runs_of_the_other_namespaces() {
    let p = three_namespaces_one_edited(|_| {});
    // Two namespaces' parts of the JSON catalog, and their two runs in two locales.
    gen_takes_parts(p.path(), 6, "a run of the namespaces not edited");
}

/// `check` skips the parts of catalog-wide files (the JSON catalog's, the code
/// lookup's runs) that the last clean run rendered with the same key, and still
/// renders the edited namespace's, whose errors it reports.
#[test]
fn check_renders_again_only_the_edited_namespaces_parts() {
    let p = three_namespaces_one_edited(|dir| {
        // A part template that fails on one namespace id: `int` of a word is an error.
        edit(&dir.join("templates/json/namespace.json.tera"), |t| {
            t.replacen(
                "{%- set ns = namespace -%}",
                "{%- set ns = namespace -%}{% if \"boom\" in ns.id_lit %}{{ ns.id_lit | int }}{% endif %}",
                1,
            )
        });
    });
    let (ok, err) = stderr(p.path(), &["check", "-v"]);
    let skipped = "cache: 6 parts of catalog-wide files, of namespaces unchanged since the last clean run, were not rendered again";
    assert!(ok && err.contains(skipped), "{err}");
    // Renamed, the namespace's part is rendered again, and fails.
    edit(&p.path().join("schema/synth/ns001.yaml"), |t| {
        t.replacen("namespace: synth.ns001", "namespace: synth.boom1", 1)
    });
    let (ok, err) = stderr(p.path(), &["check", "-v"]);
    assert!(!ok && err.contains("namespace.json.tera"), "{err}");
}
