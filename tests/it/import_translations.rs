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

/// Sheets headed in German, Portuguese, Japanese, Korean, French or Spanish are read
/// as English and Chinese ones are: no column is skipped.
#[test]
fn headers_in_other_languages_name_the_columns() {
    let tmp = project(&[]);
    for (locale, sheet, said) in [
        (
            "de",
            "Fehlercode;Name;Fehlermeldung\n1;ROOM_FULL;Der Raum ist voll\n",
            "de: Der Raum ist voll",
        ),
        (
            "pt-BR",
            "Código,Nome,Mensagem de erro\n1,ROOM_FULL,A sala está cheia\n",
            "pt-BR: A sala está cheia",
        ),
        (
            "ja",
            "エラーコード,名前,エラーメッセージ\n1,ROOM_FULL,部屋が満員です\n",
            "ja: 部屋が満員です",
        ),
        (
            "ko",
            "오류 코드,이름,오류 메시지\n1,ROOM_FULL,방이 가득 찼습니다\n",
            "ko: 방이 가득 찼습니다",
        ),
        (
            "fr",
            "Code d'erreur,Nom,Message d'erreur\n1,ROOM_FULL,La salle est pleine\n",
            "fr: La salle est pleine",
        ),
        (
            "es",
            "Código de error,Nombre,Mensaje\n1,ROOM_FULL,La sala está llena\n",
            "es: La sala está llena",
        ),
    ] {
        // A catalog in the sheet's language: a new namespace needs its default locale.
        let catalog = format!(
            "catalog: t\nformat: 1\nlocales: [{locale}]\ndefault_locale: {locale}\nnamespaces: []\n"
        );
        std::fs::create_dir_all(tmp.path().join("schema")).unwrap();
        std::fs::write(tmp.path().join("schema/catalog.yaml"), catalog).unwrap();
        std::fs::write(tmp.path().join("t.csv"), sheet).unwrap();
        let out = errcat(
            tmp.path(),
            &[
                "import",
                "csv",
                "t.csv",
                "--namespace",
                "app",
                "--locale",
                locale,
            ],
        );
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{locale}: {stderr}");
        assert!(
            !stderr.contains("import-unknown-column"),
            "{locale}: {stderr}"
        );
        assert!(
            stdout.contains("name: ROOM_FULL") && stdout.contains(said),
            "{locale}: {stdout}"
        );
    }
}

/// A sheet of `Source (en)` and `Translation (ja)` columns: each column's texts are
/// in the locale its header names. The source agrees with the catalog's English,
/// so only the translations are new; a source the catalog has since changed is a
/// conflict at its cell (the translation may be stale), and nothing is written.
#[test]
fn a_sheet_of_source_and_translation_columns_imports_each_in_its_locale() {
    let tmp = storage_project(&[
        (
            "xl/ja.csv",
            "Code,Source (en),Translation (ja)\n2002,The disk is full,ディスクがいっぱいです\n2003,File not found,ファイルが見つかりません\n",
        ),
        (
            "xl/stale.csv",
            "Code,Source (en),Translation (ja)\n2003,No such file,そのファイルはありません\n",
        ),
    ]);
    let (code, stderr) = import(
        tmp.path(),
        "csv xl/ja.csv --namespace storage --into schema/storage.yaml",
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("(0 new, 2 changed)"), "{stderr}");
    let yaml = std::fs::read_to_string(tmp.path().join("schema/storage.yaml")).unwrap();
    assert!(
        yaml.contains("      en: The disk is full\n      ja: ディスクがいっぱいです\n"),
        "{yaml}"
    );
    let (code, stderr) = import(
        tmp.path(),
        "csv xl/stale.csv --namespace storage --into schema/storage.yaml",
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("code 2003 already has a different `en` message")
            && stderr.contains("--> xl/stale.csv:2:6"),
        "{stderr}"
    );
    let after = std::fs::read_to_string(tmp.path().join("schema/storage.yaml")).unwrap();
    assert_eq!(after, yaml);
}

/// A namespace that requires `ja` and lacks it in two codes takes a sheet that
/// translates one: the other lacked it before, and no import removes a text, so it
/// is counted for `check`, not refused as the import's doing. A sheet that changes
/// nothing leaves the file's own findings to `check` too; a new code that lacks a
/// required text is the import's, and refused.
#[test]
fn texts_missing_before_the_import_are_counted_not_refused() {
    let catalog =
        "catalog: t\nformat: 1\nlocales: [en, ja]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n";
    let disk = "namespace: disk\nentries:\n  - { code: 1, name: DISK_FULL, message: { en: The disk is full } }\n  - { code: 2, name: NOT_FOUND, message: { en: File not found } }\n";
    let tmp = project(&[
        ("schema/catalog.yaml", catalog),
        ("schema/disk.yaml", disk),
        ("ja.csv", "Code,Message (ja)\n1,ディスクがいっぱいです\n"),
        ("same.csv", "Code,Message (en)\n2,File not found\n"),
        ("new.csv", "Code,Name,Message (en)\n3,GONE,Gone for good\n"),
    ]);
    let into = "--namespace disk --into schema/disk.yaml";
    let (code, stderr) = import(tmp.path(), &format!("csv same.csv {into}"));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("(0 new, 0 changed)"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("schema/disk.yaml")).unwrap(),
        disk
    );
    let (code, stderr) = import(tmp.path(), &format!("csv ja.csv --locale ja {into}"));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("note: 1 text of the entries the files had still lacks a locale their namespace requires (missing-translation)"),
        "{stderr}"
    );
    let yaml = std::fs::read_to_string(tmp.path().join("schema/disk.yaml")).unwrap();
    assert!(yaml.contains("ja: ディスクがいっぱいです"), "{yaml}");
    let (code, stderr) = import(tmp.path(), &format!("csv new.csv {into}"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error[missing-translation]: the message of GONE in namespace disk has no `ja` text"
        ),
        "{stderr}"
    );
}

/// With `--locale ja`, `--replace-texts` replaces the `ja` texts only: the sheet's
/// `Source (en)` is what the translation was made from, and one that no longer says
/// what the catalog says is a conflict at its cell (the translation may be stale).
/// Without `--locale`, the flag replaces the texts of every column, as it always did.
#[test]
fn replace_texts_with_a_locale_replaces_only_that_locales_texts() {
    let tmp = storage_project(&[(
        "xl/ja.csv",
        "Code,Source (en),Translation (ja)\n2002,The disk is full!,ディスクが満杯です\n",
    )]);
    let before = storage();
    let into = "--namespace storage --into schema/storage.yaml --replace-texts";
    let (code, stderr) = import(tmp.path(), &format!("csv xl/ja.csv --locale ja {into}"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("code 2002 already has a different `en` message")
            && stderr.contains("--> xl/ja.csv:2:6")
            && stderr.contains("the translation may be stale"),
        "{stderr}"
    );
    let after = std::fs::read_to_string(tmp.path().join("schema/storage.yaml")).unwrap();
    assert_eq!(after, before);
    let (code, stderr) = import(tmp.path(), &format!("csv xl/ja.csv {into}"));
    assert_eq!(code, Some(0), "{stderr}");
    let after = std::fs::read_to_string(tmp.path().join("schema/storage.yaml")).unwrap();
    assert!(
        after.contains("en: The disk is full!\n      ja: ディスクが満杯です\n"),
        "{after}"
    );
}
