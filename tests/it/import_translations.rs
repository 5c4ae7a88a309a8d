//! A localization manager imports translators' sheets into a catalog: findings point
//! at the sheet's cells, the rows just imported are the ones reported, and a wrong
//! `--locale` is refused before anything is read.

use crate::support::{assert_snapshot, errcat, project, repo, text};

const CATALOG: &str = "catalog: t\nformat: 1\nlocales: [en, ja, zh-CN]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\nlints: { missing-translation: warn }\n";

/// Three codes with English texts, and ten more that lack every translation: the
/// namespace's own to-do list, which an import of other rows does not repeat.
fn storage() -> String {
    let mut s = String::from(
        "namespace: storage\nentries:\n  - code: 2001\n    name: QUOTA_EXCEEDED\n    message: \"Quota exceeded for {user}\"\n    params: [user]\n  - code: 2002\n    name: DISK_FULL\n    message: The disk is full\n  - code: 2003\n    name: NOT_FOUND\n    message: File not found\n",
    );
    for code in 3001..3011 {
        s.push_str(&format!(
            "  - code: {code}\n    name: OTHER_{code}\n    message: Other error {code}\n"
        ));
    }
    s
}

/// Runs `errcat import` in `dir` with `args` split at spaces; the exit code and
/// standard error, with the command line above it (for a snapshot).
fn import(dir: &std::path::Path, args: &str) -> (Option<i32>, String) {
    let mut all = vec!["import", "--color", "never"];
    all.extend(args.split(' '));
    let out = errcat(dir, &all);
    let code = out.status.code();
    (code, format!("$ errcat import {args}\n{}", text(&out).1))
}

/// A project of `CATALOG` and `storage()`, with the `inputs` (path, text) beside it.
fn storage_project(inputs: &[(&str, &str)]) -> tempfile::TempDir {
    let storage = storage();
    let mut files = vec![
        ("schema/catalog.yaml", CATALOG),
        ("schema/storage.yaml", storage.as_str()),
    ];
    files.extend_from_slice(inputs);
    project(&files)
}

/// Runs each import in a `storage_project` of `inputs`, which must succeed, and
/// compares what they said, one after another, with the snapshot `name`.
fn imports(name: &str, inputs: &[(&str, &str)], runs: &[&str]) -> tempfile::TempDir {
    let tmp = storage_project(inputs);
    let said: Vec<String> = runs
        .iter()
        .map(|args| {
            let (code, stderr) = import(tmp.path(), args);
            assert_eq!(code, Some(0), "{stderr}");
            stderr
        })
        .collect();
    snapshot(name, &said.join("\n"));
    tmp
}

fn snapshot(name: &str, text: &str) {
    let path = repo().join("tests/fixtures/import-translations").join(name);
    assert_snapshot(&path, text);
}

/// A translation that renames the catalog's `{user}` is an error at the sheet's
/// cell, not in the merged YAML the translator never saw; the entry it merges into
/// is shown beside it, and nothing is written.
#[test]
fn a_placeholder_problem_points_at_the_csv_cell() {
    let tmp = storage_project(&[(
        "xl/storage-ja.csv",
        "Error Code,Error message\n2001,\"{usr} のクォータを超えました\"\n2002,ディスクがいっぱいです\n",
    )]);
    let (code, stderr) = import(
        tmp.path(),
        "csv xl/storage-ja.csv --namespace storage --locale ja --into schema/storage.yaml",
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(!stderr.contains("(as imported)"), "{stderr}");
    snapshot("placeholder-mismatch.txt", &stderr);
    let after = std::fs::read_to_string(tmp.path().join("schema/storage.yaml")).unwrap();
    assert_eq!(after, storage());
}

/// The warnings about the rows just imported are shown, each at its cell; the
/// namespace's other warnings are only counted.
#[test]
fn warnings_about_the_imported_rows_are_shown_and_the_rest_counted() {
    let tmp = imports(
        "imported-warnings.txt",
        &[(
            "xl/storage-ja.csv",
            "Error Code,Error message\n2001,{user} のクォータを超えました\n2002,{region} のディスクがいっぱいです\n",
        )],
        &["csv xl/storage-ja.csv --namespace storage --locale ja --into schema/storage.yaml"],
    );
    // `check` has the rest: the 13 codes' missing translations, less the two in `ja`.
    let out = errcat(tmp.path(), &["check", "schema/catalog.yaml"]);
    let check = text(&out).1;
    assert!(check.contains("0 errors, 25 warnings"), "{check}");
}

/// A Markdown cell and a Java string are pointed at as the sheet's cell is: at the
/// placeholder, in a new entry that has no other place.
#[test]
fn findings_point_into_markdown_and_java_inputs() {
    imports(
        "markdown-and-java.txt",
        &[
            (
                "room.md",
                "# Rooms\n\n| Error Code | Error message |\n|---|---|\n| 4001 | Room {roomId} is full |\n",
            ),
            (
                "Codes.java",
                "enum Codes {\n    /** The room is gone */\n    ROOM_GONE(4002, \"Room {roomId} is gone\");\n}\n",
            ),
        ],
        &[
            "markdown room.md --namespace room --into schema/room.yaml",
            "java-enum Codes.java --namespace room --into schema/room.yaml",
        ],
    );
}

/// `--locale jp`, `pt_BR` or a locale the catalog lacks is a usage error, said before
/// the input is read (here it does not exist), with the tag meant.
#[test]
fn a_locale_the_catalog_lacks_is_refused_before_reading() {
    let tmp = storage_project(&[("outside/t.csv", "Error Code,Error message\n1,Eins\n")]);
    let mut all = String::new();
    for args in [
        "csv missing.csv --namespace storage --locale jp --into schema/storage.yaml",
        "csv missing.csv --namespace storage --locale zh_CN --into schema/storage.yaml",
        "csv missing.csv --namespace storage --locale pt_BR --into schema/storage.yaml",
        "csv missing.csv --namespace storage --locale fr --into schema/storage.yaml",
        "java-enum missing.java --namespace storage --locale en --doc-locale cn --into schema/storage.yaml",
    ] {
        let (code, stderr) = import(tmp.path(), args);
        assert_eq!(code, Some(2), "{stderr}");
        let said = stderr.split_once('\n').map_or("", |(_, said)| said);
        assert!(!said.contains("missing."), "{stderr}");
        all.push_str(&stderr);
    }
    // Without a catalog only the tag's form is checked.
    let outside = tmp.path().join("outside");
    let (code, stderr) = import(&outside, "csv t.csv --namespace a --locale de_DE");
    assert_eq!(code, Some(2), "{stderr}");
    all.push_str(&stderr);
    snapshot("locale-refused.txt", &all);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("schema/storage.yaml")).unwrap(),
        storage()
    );
}

/// The note on texts in another script says what was found: English under `ja` and
/// Chinese under `ja` are each named as such, and Chinese under `en` as before.
#[test]
fn the_script_note_names_what_it_found() {
    imports(
        "script-notes.txt",
        &[
            (
                "xl/mixed.csv",
                "Error Code,Error message\n2002,The disk is full again\n2003,文件不存在，请检查路径\n",
            ),
            (
                "zh.md",
                "| 错误码 | 错误提示 |\n|---|---|\n| 5001 | 房间不存在 |\n| 5002 | 用户未登录 |\n",
            ),
        ],
        &[
            "csv xl/mixed.csv --namespace storage --locale ja --into schema/storage.yaml",
            "markdown zh.md --namespace rooms --into schema/rooms.yaml",
        ],
    );
}
