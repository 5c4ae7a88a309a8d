//! `errcat import` run again and again into one file, as a migration goes: what a
//! source says twice, what a re-import leaves alone, and what `--replace-texts` may
//! replace.

use crate::support::{errcat, project, text};

/// Runs `errcat import` in `dir` with `args` split at spaces; (exit code, stderr).
fn import(dir: &std::path::Path, args: &str) -> (Option<i32>, String) {
    let mut all = vec!["import", "--color", "never"];
    all.extend(args.split(' '));
    let out = errcat(dir, &all);
    (out.status.code(), text(&out).1)
}

const TABLE: &str = "| Error Code | Description |\n|---|---|\n";

/// A source that gives one code twice is an error naming both rows, with or without
/// `--replace-texts`: the flag corrects the file's texts, it never picks between two rows.
#[test]
fn a_code_a_source_repeats_is_an_error_whatever_the_flags() {
    let twice = format!(
        "# Errors\n{TABLE}| -2381 | You have been muted |\n| -2381 | You have been muted again |\n"
    );
    let sections =
        format!("# A\n{TABLE}| 1001 | Room is full |\n\n# B\n{TABLE}| 1001 | Bad token |\n");
    let tmp = project(&[("twice.md", &twice), ("sections.md", &sections)]);
    for flags in ["", " --replace-texts"] {
        let (code, err) = import(
            tmp.path(),
            &format!("markdown twice.md --namespace app --into app.yaml{flags}"),
        );
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains("error[import-conflict]: code -2381 appears twice in this source"),
            "{err}"
        );
        assert!(err.contains("twice.md:5:3"), "{err}");
        assert!(err.contains("first here"), "{err}");
        assert!(err.contains("keep one of the rows"), "{err}");
        let (code, err) = import(
            tmp.path(),
            &format!(
                "markdown sections.md --sections merge --namespace app --into app.yaml{flags}"
            ),
        );
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains("code 1001 appears twice"), "{err}");
        assert!(err.contains("--sections namespaces"), "{err}");
        assert!(!tmp.path().join("app.yaml").exists());
    }
}

/// `--replace-texts` replaces texts the file had; two inputs of one run that disagree
/// stay a conflict, whose help does not offer the flag that cannot settle it.
#[test]
fn replace_texts_replaces_only_what_the_file_had() {
    let tmp = project(&[
        ("one.md", &format!("{TABLE}| 5 | One |\n")),
        ("two.md", &format!("{TABLE}| 5 | Two |\n")),
    ]);
    let (code, err) = import(
        tmp.path(),
        "markdown one.md two.md --namespace app --into app.yaml --replace-texts",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("code 5 already has a different `en` message"),
        "{err}"
    );
    assert!(err.contains("two sources of this import disagree"), "{err}");
    assert!(!tmp.path().join("app.yaml").exists());

    let (code, err) = import(
        tmp.path(),
        "markdown one.md --namespace app --into app.yaml",
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = import(
        tmp.path(),
        "markdown two.md --namespace app --into app.yaml --replace-texts",
    );
    assert_eq!(code, Some(0), "{err}");
    let yaml = std::fs::read_to_string(tmp.path().join("app.yaml")).unwrap();
    assert!(yaml.contains("Two") && !yaml.contains("One"), "{yaml}");
}

/// An import that changes no entry leaves the file byte for byte, hand comments and
/// all; one that changes it says how many comment lines the rewrite drops.
#[test]
fn a_reimport_that_changes_nothing_leaves_the_file_alone() {
    let tmp = project(&[
        (
            "en.md",
            &format!("{TABLE}| 5 | Room is full |\n| 6 | Bad token |\n"),
        ),
        ("zh.md", "| 错误码 | 描述 |\n|---|---|\n| 5 | 房间已满 |\n"),
    ]);
    let (code, err) = import(tmp.path(), "markdown en.md --namespace app --into app.yaml");
    assert_eq!(code, Some(0), "{err}");
    let file = tmp.path().join("app.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let commented = format!(
        "# Hand-written notes\n{}",
        yaml.replace("entries:", "entries: # by code")
    );
    std::fs::write(&file, &commented).unwrap();

    let (code, err) = import(tmp.path(), "markdown en.md --namespace app --into app.yaml");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("app.yaml: namespace app, 2 entries (0 new, 0 changed)"),
        "{err}"
    );
    assert!(!err.contains("comment"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), commented);

    // A translation changes only texts: written in place, the comments stay.
    let (code, err) = import(
        tmp.path(),
        "markdown zh.md --locale zh-CN --namespace app --into app.yaml",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("2 entries (0 new, 1 changed)"), "{err}");
    assert!(!err.contains("comment"), "{err}");
    let translated = std::fs::read_to_string(&file).unwrap();
    assert!(
        translated.starts_with("# Hand-written notes\n") && translated.contains("房间已满"),
        "{translated}"
    );

    // A new code rewrites the file, and says what went.
    for (file, text) in [("new.md", "Seat taken"), ("new.zh.md", "座位已占")] {
        std::fs::write(tmp.path().join(file), format!("{TABLE}| 7 | {text} |\n")).unwrap();
    }
    let (code, err) = import(
        tmp.path(),
        "markdown new.md new.zh.md --locale en --locale zh-CN --namespace app --into app.yaml",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("warning: app.yaml lost its 2 comment lines"),
        "{err}"
    );
}

/// A name errcat made up (a repeated name with the code appended) is no name the
/// source gives: renamed in the file as import-renamed advises, it stays renamed when
/// the same source is imported again.
#[test]
fn a_name_renamed_as_advised_survives_the_next_import() {
    let named = "| Code | Name | Message |\n|---|---|---|\n| 10006 | NOT_IN_ROOM | Not in the room |\n| 10009 | NOT_IN_ROOM | The room does not exist |\n";
    let tmp = project(&[("av.md", named)]);
    let (code, err) = import(tmp.path(), "markdown av.md --namespace av --into av.yaml");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("code 10009 is imported as NOT_IN_ROOM_10009"),
        "{err}"
    );
    let file = tmp.path().join("av.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, yaml.replace("NOT_IN_ROOM_10009", "ROOM_NOT_EXIST")).unwrap();

    let (code, err) = import(tmp.path(), "markdown av.md --namespace av --into av.yaml");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("(0 new, 0 changed)"), "{err}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("name: ROOM_NOT_EXIST")
    );
}

/// Names errcat proposed for a table without names differ from a named source's:
/// the conflict's help says what settles it, and does not offer --replace-texts.
#[test]
fn a_proposed_name_against_a_real_one_says_what_works() {
    let tmp = project(&[
        (
            "table.md",
            &format!("{TABLE}| 1001 | An error occurred on the server |\n"),
        ),
        (
            "named.md",
            "| Code | Name | Message |\n|---|---|---|\n| 1001 | ROOM_NOT_PREPARED | An error occurred on the server |\n",
        ),
    ]);
    let (code, err) = import(
        tmp.path(),
        "markdown table.md --namespace edu --into edu.yaml",
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = import(
        tmp.path(),
        "markdown named.md --namespace edu --into edu.yaml",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("code 1001 is ERROR_OCCURRED_SERVER in namespace edu, but this source names it ROOM_NOT_PREPARED"),
        "{err}"
    );
    assert!(err.contains("looks like the name errcat proposed"), "{err}");
    assert!(err.contains("--replace-texts changes no name"), "{err}");
    assert!(err.contains("import the source with names first"), "{err}");
}

/// `source.file` is relative to the project root, as every path of a catalog is,
/// wherever the import runs; a file outside the project is named as given.
#[test]
fn the_source_file_is_relative_to_the_project_root() {
    let catalog = "catalog: t\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n";
    let tmp = project(&[
        ("proj/schema/catalog.yaml", catalog),
        (
            "proj/docs/codes.md",
            &format!("{TABLE}| 5 | Room is full |\n"),
        ),
        ("outside.md", &format!("{TABLE}| 6 | Bad token |\n")),
    ]);
    let schema = tmp.path().join("proj/schema");
    for (input, ns, want) in [
        ("../docs/codes.md", "inside", "  file: docs/codes.md\n"),
        (
            "../../outside.md",
            "outside",
            "  file: \"../../outside.md\"\n",
        ),
    ] {
        let (code, err) = import(
            &schema,
            &format!("markdown {input} --catalog catalog.yaml --namespace {ns} --into {ns}.yaml"),
        );
        assert_eq!(code, Some(0), "{err}");
        let yaml = std::fs::read_to_string(schema.join(format!("{ns}.yaml"))).unwrap();
        assert!(yaml.contains(want), "{yaml}");
    }
}
