//! Hostile input: every nasty file gets a clear diagnostic with file and position (or is
//! accepted where YAML allows it and the meaning is unambiguous); nothing panics.
//! Time and memory bounds for the large inputs are measured by `cargo xtask bench`.

use std::path::Path;

use crate::support::{assert_snapshot, diagnostics_text, repo};

#[test]
fn nasty_inputs_match_their_snapshots() {
    let dir = repo().join("tests/fixtures/nasty");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20);
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let catalog = Path::new("tests/fixtures/nasty")
            .join(&name)
            .join("catalog.yaml");
        let checked = errcat::check(&catalog);
        // Every finding names a file and position, except a problem with no file at all.
        for d in &checked.report.diagnostics {
            assert!(
                d.primary.is_some(),
                "{name}: `{}` has no position",
                d.message
            );
        }
        assert_snapshot(&case.join("expected.txt"), &diagnostics_text(&checked));
    }
}

#[test]
fn accepted_where_yaml_is_unambiguous() {
    for name in [
        "crlf",
        "cr-only",
        "bom",
        "decimal-spellings",
        "yaml-tags",
        "merge-keys",
        "number-as-text",
        "text-spellings",
        "template-text-in-message",
        "version-as-number",
    ] {
        let checked = errcat::check(
            &repo()
                .join("tests/fixtures/nasty")
                .join(name)
                .join("catalog.yaml"),
        );
        assert!(
            checked.catalog.is_some(),
            "{name}:\n{}",
            diagnostics_text(&checked)
        );
    }
    let checked = errcat::check(&repo().join("tests/fixtures/nasty/number-as-text/catalog.yaml"));
    let e = &checked.catalog.unwrap().namespaces[0].entries[0];
    assert_eq!((e.code, e.message.get("en")), (7, Some("404")));
    // A version is read as written, not as the float 1.1.
    let checked =
        errcat::check(&repo().join("tests/fixtures/nasty/version-as-number/catalog.yaml"));
    let e = &checked.catalog.unwrap().namespaces[0].entries[0];
    assert_eq!(e.since.as_deref(), Some("1.10"));
}

/// A text written as a plain scalar that YAML reads as a number or a flag is the
/// text as written: `0x10` is not "16", and `1.0` not "1".
#[test]
fn texts_keep_the_spelling_yaml_reads_as_a_number_or_flag() {
    let checked = errcat::check(&repo().join("tests/fixtures/nasty/text-spellings/catalog.yaml"));
    let catalog = checked.catalog.expect("accepted");
    let en = |t: &errcat::model::Text| t.get("en").unwrap().to_owned();
    let ns = &catalog.namespaces[0];
    let e = |code: i64| ns.entries.iter().find(|e| e.code == code).unwrap();
    let opt = |t: &Option<errcat::model::Text>| t.as_ref().map(en);
    assert_eq!(opt(&ns.title).as_deref(), Some("0x10"));
    assert_eq!(opt(&ns.description).as_deref(), Some("1e3"));
    assert_eq!(en(&ns.groups[0].title), "true");
    assert_eq!(opt(&catalog.surfaces[0].title).as_deref(), Some("2.0"));
    let messages: Vec<String> = ns.entries.iter().map(|e| en(&e.message)).collect();
    assert_eq!(
        messages,
        ["0x10", "0o17", "1.0", "0b11", "0b11", "0x1F", "0x10"]
    );
    let b = e(2);
    assert_eq!(
        [&b.description, &b.cause, &b.solution].map(&opt),
        [Some(".5".into()), Some("-0".into()), Some("+5".into())]
    );
    assert_eq!(
        [opt(&e(1).title), opt(&e(3).title)],
        [Some("yes".into()), Some("false".into())]
    );
}

/// A 200 MB file and a file of one 50 MB line, made here rather than committed.
#[test]
fn huge_files_are_refused_or_read_without_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let cat = "catalog: big\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [ns.yaml]\n";
    std::fs::write(dir.path().join("catalog.yaml"), cat).unwrap();
    let ns = dir.path().join("ns.yaml");
    // Sparse: 200 MB on paper, nothing on disk; refused by size before it is read.
    std::fs::File::create(&ns)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let text = diagnostics_text(&errcat::check(&dir.path().join("catalog.yaml")));
    assert!(
        text.contains("ns.yaml is 200000000 bytes, over the 32 MiB errcat reads of a catalog file"),
        "{text}"
    );
    let one_line = |len: usize| {
        format!(
            "namespace: x.y\nlocales: [en]\nentries:\n  - {{ code: 1, name: A, message: \"{}\" }}\n",
            "x".repeat(len)
        )
    };
    // One 50 MB line: over the limit, refused the same way.
    std::fs::write(&ns, one_line(50_000_000)).unwrap();
    let text = diagnostics_text(&errcat::check(&dir.path().join("catalog.yaml")));
    assert!(
        text.contains("is 50000076 bytes, over the 32 MiB errcat reads of a catalog file"),
        "{text}"
    );
    // One 30 MB line, under the limit: read and validated.
    std::fs::write(&ns, one_line(30_000_000)).unwrap();
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    assert!(checked.catalog.is_some(), "{}", diagnostics_text(&checked));

    // A template is held to the same limit, by its own name.
    let templates = dir.path().join("templates/big");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("target.yaml"),
        "profile: rust\nfiles:\n  - { template: t.tera, path: t.txt }\n",
    )
    .unwrap();
    std::fs::File::create(templates.join("t.tera"))
        .unwrap()
        .set_len(40_000_000)
        .unwrap();
    let cat = format!("{cat}targets:\n  - {{ id: big, templates: big, out: out }}\n");
    std::fs::write(dir.path().join("catalog.yaml"), cat).unwrap();
    let text = diagnostics_text(&errcat::check(&dir.path().join("catalog.yaml")));
    assert!(
        text.contains("error[template]: ")
            && text.contains(
                "templates/big/t.tera is 40000000 bytes, over the 32 MiB errcat reads of a template"
            )
            && !text.contains("is not in templates/big"),
        "{text}"
    );
}

/// A pipe where a template or the catalog should be is refused by name, never read
/// (reading one waits for a writer that never comes).
#[cfg(unix)]
#[test]
fn a_pipe_for_a_file_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let fifo = |path: &Path| {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success());
    };
    std::fs::create_dir_all(p.join("schema")).unwrap();
    std::fs::create_dir_all(p.join("templates/t")).unwrap();
    std::fs::write(
        p.join("schema/catalog.yaml"),
        "catalog: f\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\nnamespaces: [ns.yaml]\n\
         targets:\n  - { id: t, templates: t, out: out }\n",
    )
    .unwrap();
    std::fs::write(
        p.join("schema/ns.yaml"),
        "namespace: a\nentries:\n  - { code: 1, name: A, message: a }\n",
    )
    .unwrap();
    std::fs::write(
        p.join("templates/t/target.yaml"),
        "profile: rust\nfiles:\n  - { template: t.tera, path: t.txt }\n",
    )
    .unwrap();
    fifo(&p.join("templates/t/t.tera"));
    let text = diagnostics_text(&errcat::check(&p.join("schema/catalog.yaml")));
    assert!(
        text.contains("error[io]: ")
            && text.contains("templates/t/t.tera is not a regular file")
            && !text.contains("is not in templates/t"),
        "{text}"
    );
    // The catalog itself, found from the directory as `errcat check` finds it.
    std::fs::remove_file(p.join("schema/catalog.yaml")).unwrap();
    fifo(&p.join("schema/catalog.yaml"));
    let out = crate::support::errcat(p, &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error[io]: schema/catalog.yaml is not a regular file"),
        "{err}"
    );
}

/// `code: ᤠ:` (YAML 1.2 forbids a compact nested mapping there; the typed parse reads
/// one and finds a map for `code`, so it lives here, not among the fixtures the JSON
/// Schema test also reads): the syntax error behind it is reported, at the `:` after a
/// character three bytes long, its column counted in characters (the caret sits where
/// a terminal shows the colon: U+1920 is a combining mark, no wider than nothing).
#[test]
fn a_map_after_a_multibyte_key_is_quoted_whole() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/nasty/list-for-value/catalog.yaml"),
        dir.path().join("catalog.yaml"),
    )
    .unwrap();
    let ns = "namespace: x.y\nlocales: [en]\nentries:\n  - code: ᤠ:\n    name: A\n    message: hi\n";
    std::fs::write(dir.path().join("ns.yaml"), ns).unwrap();
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    let span = checked.report.diagnostics[0].primary.as_ref().unwrap().span;
    let colon = ns.find("ᤠ:").unwrap() + "ᤠ".len();
    assert_eq!(
        (span.start, span.column),
        (colon, 12),
        "the label is at the colon"
    );
    let text = diagnostics_text(&checked);
    let text = text.replace(&dir.path().display().to_string(), "DIR");
    assert_eq!(
        text,
        "error[yaml-syntax]: mapping values are not allowed in this context
 --> DIR/ns.yaml:4:12
  |
4 |   - code: ᤠ:
  |           ^ here

1 error, 0 warnings
"
    );
}

/// A namespace file a glob matches is held to the names a clone on Windows can hold,
/// as a file named in the catalog is (made here: the repository must not hold them).
#[test]
fn a_glob_admits_no_name_windows_cannot_hold() {
    for (name, why) in [
        (
            "con.yaml",
            "the path uses `con.yaml`, a device name reserved on Windows",
        ),
        (
            "ab:c.yaml",
            "the path contains `:`, which a file name cannot hold on Windows",
        ),
        (
            "a|b.yaml",
            "the path contains `|`, which a file name cannot hold on Windows",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(
            p.join("catalog.yaml"),
            "catalog: g\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n",
        )
        .unwrap();
        std::fs::write(
            p.join(name),
            "namespace: a\nentries:\n  - { code: 1, name: A, message: a }\n",
        )
        .unwrap();
        let text = diagnostics_text(&errcat::check(&p.join("catalog.yaml")));
        assert!(
            text.contains("error[bad-path]: namespace path `*.yaml` matches ")
                && text.contains(&format!("{name}: {why}")),
            "{text}"
        );
    }
}

/// `root:` is catalog input: in a git work tree it may not lead above the work tree,
/// where a link to any file on the machine would count as inside the project.
#[test]
fn a_root_above_the_git_work_tree_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    std::fs::create_dir_all(project.join(".git")).unwrap();
    std::fs::create_dir_all(project.join("schema")).unwrap();
    let catalog = project.join("schema/catalog.yaml");
    let write = |root: &str| {
        std::fs::write(
            &catalog,
            format!(
                "catalog: a\nformat: 1\nroot: {root}\nlocales: [en]\ndefault_locale: en\nnamespaces: []\n"
            ),
        )
        .unwrap();
        crate::support::diagnostics_text(&errcat::check(&catalog))
    };
    let text = write("../..");
    assert!(
        text.contains(&format!(
            "error[bad-path]: `root` leads above the git work tree the catalog is in ({})",
            project.canonicalize().unwrap().display()
        )) && text.contains("schema/catalog.yaml:3:7"),
        "{text}"
    );
    assert!(write("..").ends_with("0 errors, 0 warnings\n"));
}

/// A `schema` directory linked in from another repository: `root: ..` taken through the
/// link is that repository, where `gen` wrote its files while `gen --check` here passed.
#[cfg(unix)]
#[test]
fn a_root_reached_through_a_linked_directory_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let other = tmp.path().join("other-repo");
    std::fs::create_dir_all(other.join("schema")).unwrap();
    std::fs::write(
        other.join("schema/catalog.yaml"),
        "catalog: a\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\nnamespaces: []\n",
    )
    .unwrap();
    let mine = tmp.path().join("my-repo");
    std::fs::create_dir_all(&mine).unwrap();
    std::os::unix::fs::symlink("../other-repo/schema", mine.join("schema")).unwrap();
    let text = crate::support::diagnostics_text(&errcat::check(&mine.join("schema/catalog.yaml")));
    assert!(
        text.contains(&format!(
            "error[bad-path]: `root` leads through the symbolic link {} to {}, not to {}",
            mine.join("schema").display(),
            other.canonicalize().unwrap().display(),
            mine.display()
        )) && text.contains("schema/catalog.yaml:3:7"),
        "{text}"
    );
    // The same catalog from its own repository is fine.
    let own = crate::support::diagnostics_text(&errcat::check(&other.join("schema/catalog.yaml")));
    assert!(own.ends_with("0 errors, 0 warnings\n"), "{own}");
}
