//! `errcat import` as a user meets it: located errors that write nothing, `--help`,
//! sections as namespaces, idempotent merges, and the corners of each format.

use crate::import::{S002, S003, errcat_line, load, run};
use crate::support::{errcat, repo};

#[test]
fn bad_input_gets_a_located_error_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let header = "# Room errors\n\n| Error Code | Description |\n|---|---|\n| 1004 | The room does not exist |\n";
    let cases = [
        (
            "bad-code.md",
            format!("{header}| 10O5 | The room configuration does not exist |\n"),
            "import-bad-code",
            "6:3",
        ),
        (
            "ragged.md",
            format!("{header}| 1005 | The room configuration | does not exist |\n"),
            "import-ragged-row",
            "6:1",
        ),
        (
            "no-rows.md",
            "# Room errors\n\n| Error Code | Description |\n|---|---|\n\nThe end.\n".to_owned(),
            "import-not-a-table",
            "3:1",
        ),
        (
            "prose.md",
            "# Room errors\n\n1004 means the room does not exist.\n".to_owned(),
            "import-not-a-table",
            "1:1",
        ),
    ];
    let existing = tmp.path().join("existing.yaml");
    std::fs::write(&existing, "# kept as is\nnamespace: app.core\nlocales: [en]\nentries:\n  - { code: 1, name: ONE, message: One }\n").unwrap();
    let before = std::fs::read(&existing).unwrap();
    for (file, text, rule, at) in cases {
        let input = tmp.path().join(file);
        std::fs::write(&input, text).unwrap();
        let input = input.to_string_lossy().into_owned();
        for into in [tmp.path().join("new.yaml"), existing.clone()] {
            let out = errcat_line(&format!(
                "import markdown {input} --namespace app.core --into {}",
                into.display()
            ));
            let (code, stderr) = (out.status.code(), String::from_utf8_lossy(&out.stderr));
            assert_eq!(code, Some(1), "{stderr}");
            assert!(stderr.contains(&format!("error[{rule}]")), "{stderr}");
            assert!(
                stderr.contains(&format!("{input}:{at}")),
                "{file}: expected {input}:{at} in\n{stderr}"
            );
            assert!(stderr.contains("nothing was written"), "{stderr}");
        }
        assert!(!tmp.path().join("new.yaml").exists(), "{file}");
        assert_eq!(std::fs::read(&existing).unwrap(), before, "{file}");
    }
}

/// A file to import that is larger than errcat reads is refused before it is read,
/// with help for an import, not for a namespace file.
#[test]
fn an_input_too_large_to_read_is_refused_as_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("huge.md");
    // Sparse: 40 MiB on no disk.
    std::fs::File::create(&input)
        .unwrap()
        .set_len(40 << 20)
        .unwrap();
    let out = errcat_line(&format!(
        "import markdown {} --namespace app.core --into {}",
        input.display(),
        tmp.path().join("new.yaml").display()
    ));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A file that cannot be read: an I/O error.
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error[io]: ")
            && stderr.contains(
                "huge.md is 41943040 bytes, over the 32 MiB errcat reads of a file to import"
            )
            && stderr.contains("help: split it into several files"),
        "{stderr}"
    );
    assert!(!tmp.path().join("new.yaml").exists());
}

#[test]
fn help_documents_each_format_with_an_example() {
    let out = errcat(&repo(), &["import", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "markdown",
        "| 1004 | **The room does not exist** |",
        "csv",
        "1004,ROOM_NOT_EXIST,\"The room \"\"A\"\" does not exist\"",
        "list",
        "-2100",
        "java-enum",
        "ROOM_NOT_EXIST(1004, \"Room Not Found\", HttpStatus.SC_NOT_FOUND)",
        "comments\nand layout kept",
        "its\ncomments are not kept",
        "--sections",
        "--name-prefix",
        "given once per FILE, each\nFILE is in its own",
        "en.md zh.md --locale en --locale zh-CN",
    ] {
        assert!(
            help.contains(needle),
            "`{needle}` missing from `errcat import --help`:\n{help}"
        );
    }
}

#[test]
fn sections_as_namespaces_become_one_file_each() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("av");
    run(&format!(
        "import markdown {S003} --namespace av --sections namespaces --into {}",
        dir.display()
    ));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "avsdk_client.yaml",
            "avsdk_service_side.yaml",
            "non_interactive_broadcasting.yaml",
            "recording.yaml"
        ]
    );
    let catalog = load(tmp.path());
    let sizes: Vec<(&str, usize)> = catalog
        .namespaces
        .iter()
        .map(|n| (n.id.as_str(), n.entries.len()))
        .collect();
    assert_eq!(
        sizes,
        [
            ("av.avsdk_client", 23),
            ("av.avsdk_service_side", 11),
            ("av.non_interactive_broadcasting", 44),
            ("av.recording", 30)
        ]
    );

    // Without --into the namespaces go to standard output, one YAML document each.
    let out = run(&format!(
        "import markdown {S003} --namespace av --sections namespaces"
    ));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.matches("\nnamespace: ").count() + usize::from(stdout.starts_with("namespace: ")),
        4
    );
    assert_eq!(stdout.matches("---\n").count(), 3);

    // A section named like a Windows device gets a file a clone there can hold.
    let input = tmp.path().join("devices.md");
    let table = "| Error Code | Error message |\n|---|---|\n";
    std::fs::write(
        &input,
        format!("## CON\n\n{table}| 1 | a |\n\n## Aux\n\n{table}| 2 | b |\n"),
    )
    .unwrap();
    let dir = tmp.path().join("dev");
    run(&format!(
        "import markdown {} --namespace dev --sections namespaces --into {}",
        input.display(),
        dir.display()
    ));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["aux_.yaml", "con_.yaml"]);
}

#[test]
fn importing_the_same_table_again_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("av.yaml").to_string_lossy().into_owned();
    let line = format!(
        "import markdown {S003} --section 'AVSDK Client Error Codes' --namespace av.client --into {file}"
    );
    run(&line);
    let first = std::fs::read(&file).unwrap();
    let again = run(&line);
    assert_eq!(std::fs::read(&file).unwrap(), first);
    assert!(String::from_utf8_lossy(&again.stderr).contains("23 entries (0 new, 0 changed)"));
}

#[test]
fn readers_handle_the_corners_of_each_format() {
    let tmp = tempfile::tempdir().unwrap();
    let java = tmp.path().join("Codes.java");
    std::fs::write(
        &java,
        r#"package x;
// Not an enum: enumerate(), and "enum" in a string.
public enum Codes implements HasCode, Serializable {
    /** Said "hi": a quote, a colon and a # inside. */
    @Deprecated
    HELLO(0x10, "Hello " + "there", org.springframework.http.HttpStatus.NOT_FOUND),
    // A line comment is not a description.
    MINUS(-7, "Minus\tseven", HttpServletResponse.SC_BAD_REQUEST) {
        @Override public String toString() { return "x"; }
    },
    SELF_REF(8, "Plain", 409);
    private final int code;
    Codes(int code, String message, Object status) { this.code = code; }
}
"#,
    )
    .unwrap();
    let out = run(&format!(
        "import java-enum {} --namespace app.core",
        java.display()
    ));
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &yaml,
        &[
            "  - code: 16\n    name: HELLO\n    title:\n      en: Hello there\n    message:\n      en: Hello there\n    description:\n      en: \"Said \\\"hi\\\": a quote, a colon and a # inside.\"\n    http: 404\n",
            // A literal's text as the program has it: a tab is a tab.
            "  - code: -7\n    name: MINUS\n    title:\n      en: \"Minus\\tseven\"\n",
            "    http: 400\n",
            // An int where the others pass a status constant is the status.
            "  - code: 8\n    name: SELF_REF\n    title:\n      en: Plain\n    message:\n      en: Plain\n    http: 409\n",
        ],
    );
    assert_eq!(yaml.matches("- code:").count(), 3, "{yaml}");

    let md = tmp.path().join("t.md");
    std::fs::write(
        &md,
        "# Corners\n\n```\n| 1 | inside a fence |\n|---|---|\n```\n\nError Code | Description | HTTP\n:---|---|---:\n7 | Self | 500\n8 | A \\| pipe, `code` and <br/>two lines | 503\n9 | Room gone |  |\n10 | Room gone | |\n",
    )
    .unwrap();
    let out = run(&format!(
        "import markdown {} --namespace app.core",
        md.display()
    ));
    assert_has(
        &String::from_utf8_lossy(&out.stdout),
        &[
            // SELF would be Rust's `Self` in a Rust enum: the code is appended.
            "  - code: 7\n    name: SELF_7\n    message:\n      en: Self\n    http: 500\n",
            "  - code: 8\n    name: PIPE_CODE\n    message:\n      en: |-\n        A | pipe, `code` and\n        two lines\n    http: 503\n",
            "  - code: 9\n    name: ROOM_GONE_9\n",
            "  - code: 10\n    name: ROOM_GONE_10\n",
        ],
    );
    let out = run(&format!(
        "import markdown {} --namespace app.core --name-prefix app",
        md.display()
    ));
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &yaml,
        &["    name: APP_SELF\n", "    name: APP_ROOM_GONE_9\n"],
    );
    assert!(
        !yaml.contains("code: 1\n"),
        "a table in a fence is not imported:\n{yaml}"
    );
}

fn assert_has(yaml: &str, needles: &[&str]) {
    for needle in needles {
        assert!(yaml.contains(needle), "missing {needle:?} in\n{yaml}");
    }
}

/// Merging rewrites a namespace file in canonical form: every field of every
/// `schema/` file survives (only comments go), checked against `schema/` itself.
/// Each import replaces one message, as a file no import changes is not rewritten.
#[test]
fn merging_keeps_everything_a_namespace_file_holds() {
    let tmp = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&repo().join("schema"), tmp.path());
    let schema = errcat::check(&repo().join("schema/catalog.yaml"))
        .catalog
        .expect("schema/ validates");
    let mut replaced = Vec::new();
    for ns in &schema.namespaces {
        // A one-row table correcting one message and adding a field the entry lacked,
        // which no edit in place writes, so the file is rewritten.
        let lacking = |e: &errcat::model::Entry| {
            [
                ("Solution", e.solution.is_none()),
                ("Cause", e.cause.is_none()),
                ("Description", e.description.is_none()),
            ]
            .into_iter()
            .find_map(|(f, none)| none.then_some(f))
        };
        let (e, added) = ns
            .entries
            .iter()
            .filter(|e| {
                e.message
                    .get("en")
                    .is_some_and(|m| !m.contains(['\n', '|', '*', '"']))
            })
            .find_map(|e| Some((e, lacking(e)?)))
            .expect("a single-line message and a field it lacks");
        let table = tmp.path().join(format!("{}.md", ns.id));
        let message = format!("{} (corrected)", e.message.get("en").unwrap_or_default());
        replaced.push((ns.id.clone(), e.code, added.to_lowercase() + "."));
        std::fs::write(
            &table,
            format!(
                "| Code | Message | {added} (en) | {added} (zh-CN) |\n|---|---|---|---|\n| {} | {message} | Try again | 请重试 |\n",
                e.code
            ),
        )
        .unwrap();
        let file = tmp.path().join(ns.file.trim_start_matches("schema/"));
        let out = run(&format!(
            "import markdown {} --namespace {} --locale en --replace-texts --into {}",
            table.display(),
            ns.id,
            file.display()
        ));
        assert!(String::from_utf8_lossy(&out.stderr).contains("(0 new, 1 changed)"));
        let text = std::fs::read_to_string(&file).unwrap();
        let comment = |l: &str| l.trim_start().starts_with('#');
        assert!(
            !text.lines().any(comment),
            "comments are not kept: {}",
            file.display()
        );
        std::fs::remove_file(&table).unwrap();
    }
    let rewritten = load(tmp.path());
    let mut found = crate::import::diffs(&rewritten, &schema);
    let before = found.len();
    found.retain(|d| {
        !replaced.iter().any(|(ns, code, added)| {
            (ns, Some(*code)) == (&d.ns, d.code)
                && (d.field == "message.en" || d.field.starts_with(added.as_str()))
        })
    });
    assert_eq!(before - found.len(), 3 * replaced.len(), "three texts each");
    let shown: Vec<String> = found.iter().map(|d| format!("{d:?}")).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}

/// `http: null` (no status, in spite of `defaults.http`) survives a merge that
/// rewrites the file: dropped, the entry would take the default.
#[test]
fn merging_keeps_an_entry_without_a_status() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("app.yaml");
    std::fs::write(
        &file,
        "namespace: app\nlocales: [en]\ndefaults: { http: 400 }\nentries:\n  - { code: 1, name: A, message: { en: a }, http: null }\n",
    )
    .unwrap();
    let table = tmp.path().join("t.md");
    std::fs::write(&table, "| Code | Message |\n|---|---|\n| 2 | b |\n").unwrap();
    run(&format!(
        "import markdown {} --namespace app --locale en --into {}",
        table.display(),
        file.display()
    ));
    std::fs::remove_file(&table).unwrap();
    let catalog = load(tmp.path());
    let statuses: Vec<_> = catalog.namespaces[0]
        .entries
        .iter()
        .map(|e| (e.code, e.http))
        .collect();
    assert_eq!(statuses, [(1, None), (2, Some(400))]);
}

/// A Chinese table imported without `--locale` lands under the default locale, `en`:
/// the import says so and how to do it right, and `errcat check` flags each text.
#[test]
fn a_table_in_another_script_under_en_is_pointed_out() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("room.yaml").to_string_lossy().into_owned();
    let out = run(&format!(
        "import markdown {S002} --namespace edu.room --into {file}"
    ));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("imported texts under `en` are written in Chinese, Japanese or Korean: a table in another language takes its own `--locale`")
            && stderr.contains("warning[locale-script]"),
        "{stderr}"
    );
    std::fs::write(
        tmp.path().join("catalog.yaml"),
        "catalog: t\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [room.yaml]\n",
    )
    .unwrap();
    let out = errcat(tmp.path(), &["check", "catalog.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[locale-script]: the message of ")
            && stderr.contains("in `en` is written in Chinese, Japanese or Korean"),
        "{stderr}"
    );
}

#[test]
fn an_import_into_the_project_is_checked_with_the_project() {
    let tmp = tempfile::tempdir().unwrap();
    let p = &tmp.path().join("project");
    std::fs::create_dir(p).unwrap();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let table = |rows: &str| format!("## App\n| Error Code | Error message |\n|---|---|\n{rows}");
    let import = |name: &str, rows: &str, namespace: &str, into: &str| {
        std::fs::write(p.join(name), table(rows)).unwrap();
        let out = errcat(
            p,
            &[
                "import",
                "markdown",
                name,
                "--namespace",
                namespace,
                "--into",
                into,
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code(), stderr)
    };
    // A second file of namespace `app` that redefines one of its codes, and a code
    // beyond the java target's int: `errcat check` would refuse both, so import does.
    let (code, stderr) = import(
        "dupe.md",
        "| 1001 | Something else |\n",
        "app",
        "schema/app2.yaml",
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error[conflicting-definition]: code 1001 of namespace app is defined in two files"
        ),
        "{stderr}"
    );
    // The result is not on disk: the finding points at the row to fix.
    assert!(stderr.contains("--> dupe.md:4:3"), "{stderr}");
    let (code, stderr) = import(
        "big.md",
        "| 3000000000 | Too big |\n",
        "big",
        "schema/big.yaml",
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error[integer-width]"), "{stderr}");
    assert!(!p.join("schema/app2.yaml").exists() && !p.join("schema/big.yaml").exists());
    // Outside the project's root the file is its own: the project's codes do not clash.
    let (code, stderr) = import(
        "dupe.md",
        "| 1001 | Something else |\n",
        "app",
        "../elsewhere.yaml",
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("namespace app, 1 entry (1 new, 0 changed)"),
        "{stderr}"
    );
    assert!(tmp.path().join("elsewhere.yaml").is_file());
    // A good import passes, and so does `errcat check` after it.
    let (code, stderr) = import("ok.md", "| 4000 | Fine |\n", "fine", "schema/fine.yaml");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(errcat(p, &["check"]).status.code(), Some(0));
}

/// Java reads `010` as 8 and `0xFFFFFFFF` as -1 (a 32-bit int): the import must too,
/// and a literal javac refuses is a located import-bad-code, not a guess.
#[test]
fn java_integer_literals_mean_what_javac_makes_of_them() {
    let tmp = tempfile::tempdir().unwrap();
    let java = tmp.path().join("R4.java");
    std::fs::write(
        &java,
        "enum R4 { J(010, \"octal\"), D(0777, \"octal big\"), F(0xFFFFFFFF, \"hex all ones\"),\n  B(0b101, \"binary\"), U(1_000, \"underscores\"), L(0x1_0000_0000L, \"long\") }\n",
    )
    .unwrap();
    let out = run(&format!(
        "import java-enum {} --namespace app.core",
        java.display()
    ));
    let yaml = String::from_utf8_lossy(&out.stdout);
    let codes: Vec<&str> = yaml
        .lines()
        .filter(|l| l.starts_with("  - code: "))
        .collect();
    assert_eq!(
        codes,
        [
            "  - code: 8",
            "  - code: 511",
            "  - code: -1",
            "  - code: 5",
            "  - code: 1000",
            "  - code: 4294967296"
        ],
        "{yaml}"
    );

    std::fs::write(
        &java,
        "enum R5 {\n  OK(1, \"fine\"),\n  BIG(99999999999999999999L, \"beyond a long\");\n}\n",
    )
    .unwrap();
    let out = errcat_line(&format!(
        "import java-enum {} --namespace app.core",
        java.display()
    ));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[import-bad-code]: enum constant BIG has no code: `99999999999999999999L` does not fit in a Java long")
            && stderr.contains(&format!("{}:3:7", java.display())),
        "{stderr}"
    );
}

/// Imports a Markdown file holding `text` into `app.core`, printed on standard output.
fn import_markdown(text: &str) -> std::process::Output {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("t.md");
    std::fs::write(&md, text).unwrap();
    errcat_line(&format!(
        "import markdown {} --namespace app.core",
        md.display()
    ))
}

/// Imports a Java file `Codes.java` holding `source` into `app.core`.
fn import_java(source: &str) -> std::process::Output {
    let tmp = tempfile::tempdir().unwrap();
    let java = tmp.path().join("Codes.java");
    std::fs::write(&java, source).unwrap();
    run(&format!(
        "import java-enum {} --namespace app.core",
        java.display()
    ))
}

/// A header over a delimiter row of another width is said to be so, at the
/// delimiter, not as a file without tables and a stray row.
#[test]
fn a_delimiter_row_of_another_width_is_located() {
    let out = import_markdown(
        "# Errors\n| Error Code | Description | Solution |\n|---|---|\n| 1004 | Gone | Retry |\n",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error[import-ragged-row]: the delimiter row has 2 cells and the header 3")
            && stderr.contains("t.md:3:1"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("no Markdown pipe table") && !stderr.contains("stray"),
        "{stderr}"
    );
}

/// An HTTP cell may carry its reason phrase, or name a status as the enum import's
/// constants do; a phrase naming another status is refused.
#[test]
fn http_cells_take_a_reason_phrase_or_a_status_constant() {
    let out = import_markdown(
        "| Code | Message | HTTP |\n|---|---|---|\n| 1 | One | 404 Not Found |\n| 2 | Two | SC_BAD_REQUEST |\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("http: 404\n") && stdout.contains("http: 400\n"),
        "{stdout}"
    );
    let out =
        import_markdown("| Code | Message | HTTP |\n|---|---|---|\n| 1 | One | 404 Conflict |\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error[import-bad-status]: `404 Conflict` is not an HTTP status: 404 is not Conflict, which is 409"), "{stderr}");
}

/// A code in a code span is a code, as a bold one is; a pasted minus sign (U+2212)
/// and a leading zero, which the catalog refuses, are named where they are.
#[test]
fn code_cells_are_read_as_the_catalog_writes_codes() {
    let out =
        import_markdown("| Code | Message |\n|---|---|\n| `-2381` | Muted |\n| **7** | Seven |\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("code: -2381\n") && stdout.contains("code: 7\n"),
        "{stdout}"
    );
    for (cell, says, fix) in [
        (
            "\u{2212}2382",
            "starts with U+2212 MINUS SIGN, not the ASCII `-`",
            "write `-2382`",
        ),
        ("007", "has a leading zero", "write `7`"),
    ] {
        let out = import_markdown(&format!(
            "| Code | Message |\n|---|---|\n| {cell} | Text |\n"
        ));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("error[import-bad-code]: `{cell}` {says}")),
            "{stderr}"
        );
        assert!(
            stderr.contains(fix) && stderr.contains("t.md:3:3"),
            "{stderr}"
        );
    }
}

/// Only paired bold markers outside code spans are markup: `**kwargs` in backticks
/// and a lone `**` (a power) are the text itself.
#[test]
fn cells_keep_the_stars_that_are_not_bold_markers() {
    let out = import_markdown(
        "| Code | Message |\n|---|---|\n| 1 | **Bold** words |\n| 2 | Call `**kwargs` here |\n| 4 | Price is 5 * 3 ** 2 |\n",
    );
    assert_has(
        &String::from_utf8_lossy(&out.stdout),
        &[
            "      en: Bold words\n",
            "      en: Call `**kwargs` here\n",
            "      en: Price is 5 * 3 ** 2\n",
        ],
    );
}

/// A file that cannot be written is named, and nothing is left half done.
/// `--into` naming the catalog: refused, with a help about `--into`.
#[test]
fn into_the_catalog_is_refused_with_a_help_about_into() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    std::fs::write(
        p.join("t.md"),
        "| Error Code | Error message |\n|---|---|\n| 5 | x |\n",
    )
    .unwrap();
    let before = std::fs::read(p.join("schema/catalog.yaml")).unwrap();
    let args = "import markdown t.md --namespace a --into schema/catalog.yaml";
    let out = errcat(p, &args.split(' ').collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("this is a catalog file (it has `catalog:`), not a namespace file")
            && stderr.contains(
                "help: --into names the namespace file to write or merge into, not the catalog"
            ),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(p.join("schema/catalog.yaml")).unwrap(),
        before
    );
}

/// A namespace id that is not one is a usage error, said before any file is read.
#[test]
fn a_bad_namespace_id_is_a_usage_error() {
    let out = errcat_line("import markdown no-such-file.md --namespace Bad.NS");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "invalid value 'Bad.NS' for '--namespace <NS>': a namespace id is dotted lower-case"
        ),
        "{stderr}"
    );
}

#[test]
fn a_write_that_fails_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("t.md");
    std::fs::write(&md, "| Code | Message |\n|---|---|\n| 1 | One |\n").unwrap();
    // The target's directory is a file: no one, not even root, can write there.
    std::fs::write(tmp.path().join("plain"), "").unwrap();
    let into = tmp.path().join("plain/ns.yaml");
    let out = errcat_line(&format!(
        "import markdown {} --namespace app.core --into {}",
        md.display(),
        into.display()
    ));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("error: cannot write {}: ", into.display()))
            && stderr.contains("nothing was written"),
        "{stderr}"
    );
}

/// HTML entities in a cell are the characters they stand for, in the text and so in
/// the derived name; inside a code span `<br>` and `&amp;` are text as written.
#[test]
fn cells_decode_html_entities_outside_code_spans() {
    let out = import_markdown(
        "| Code | Message |\n|---|---|\n| 1005 | Tom &amp; Jerry &lt;x&gt; &#39;q&#39; |\n| 1006 | Use `a<br>b &amp;` here<br>and &#x27;there&#X27; |\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &stdout,
        &[
            "  - code: 1005\n    name: TOM_JERRY_X_Q\n    message:\n      en: Tom & Jerry <x> 'q'\n",
            "      en: |-\n        Use `a<br>b &amp;` here\n        and 'there'\n",
        ],
    );
}

/// `errcat init`'s namespace requires `en` and `zh-CN`, so neither file of a table and
/// its translation can add a code alone: `--locale` once per file imports both in one
/// run, merged by code.
#[test]
fn a_table_and_its_translation_import_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    std::fs::write(
        p.join("en.md"),
        "| Error Code | Error message |\n|---|---|\n| 1004 | The room does not exist |\n",
    )
    .unwrap();
    std::fs::write(
        p.join("zh.md"),
        "| 错误码 | 错误提示 |\n|---|---|\n| 1004 | 房间不存在 |\n",
    )
    .unwrap();
    let import = |extra: &[&str]| {
        let mut argv = vec!["import", "markdown"];
        argv.extend(extra);
        argv.extend(["--namespace", "app", "--into", "schema/app.yaml"]);
        let out = errcat(p, &argv);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code(), stderr)
    };
    let before = std::fs::read(p.join("schema/app.yaml")).unwrap();
    let (code, stderr) = import(&["en.md"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error[missing-translation]")
            && stderr.contains("`--locale` once per file"),
        "{stderr}"
    );
    let (code, stderr) = import(&[
        "en.md", "zh.md", "--locale", "en", "--locale", "zh-CN", "--locale", "fr",
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("error: 2 files but 3 --locale values: give --locale once for every file, or once per file in their order"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(p.join("schema/app.yaml")).unwrap(), before);

    let (code, stderr) = import(&["en.md", "zh.md", "--locale", "en", "--locale", "zh-CN"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("4 entries (1 new, 0 changed)"), "{stderr}");
    let yaml = std::fs::read_to_string(p.join("schema/app.yaml")).unwrap();
    assert_has(
        &yaml,
        &[
            "  - code: 1004\n    name: ROOM_NOT_EXIST\n    message:\n      en: The room does not exist\n      zh-CN: 房间不存在\n",
        ],
    );
    assert_eq!(errcat(p, &["check"]).status.code(), Some(0));
}

/// `--sections groups` over a document and its translation: each translated section
/// titles the group its codes joined, rather than becoming an empty group of its own.
#[test]
fn translated_sections_title_the_groups_of_their_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let table = |rows: &[(i32, &str)]| {
        let mut t = "| Error Code | Error message |\n|---|---|\n".to_owned();
        for (code, text) in rows {
            t.push_str(&format!("| {code} | {text} |\n"));
        }
        t
    };
    let en = format!(
        "## Basic\n\n{}\n## Streaming\n\n{}",
        table(&[(-1, "Null pointer")]),
        table(&[(2001, "Stream not found"), (2002, "Push failed")])
    );
    let zh = format!(
        "## 基础错误码\n\n{}\n## 推流\n\n{}",
        table(&[(-1, "空指针")]),
        table(&[(2001, "流不存在"), (2002, "推流失败")])
    );
    std::fs::write(p.join("en.md"), en).unwrap();
    std::fs::write(p.join("zh.md"), zh).unwrap();
    let out = errcat(
        p,
        &[
            "import",
            "markdown",
            "en.md",
            "zh.md",
            "--locale",
            "en",
            "--locale",
            "zh-CN",
            "--namespace",
            "rtc",
            "--into",
            "schema/rtc.yaml",
            "--sections",
            "groups",
        ],
    );
    crate::support::assert_success(&out);
    let yaml = std::fs::read_to_string(p.join("schema/rtc.yaml")).unwrap();
    assert_has(
        &yaml,
        &[
            "groups:\n  - id: basic\n    title:\n      en: Basic\n      zh-CN: 基础错误码\n  - id: streaming\n    title:\n      en: Streaming\n      zh-CN: 推流\nentries:\n",
        ],
    );
    assert_eq!(errcat(p, &["check"]).status.code(), Some(0));
}

/// A document and its translation, one section each: the new namespace's title is
/// the heading in both languages (it was dropped, as if they were two sections).
#[test]
fn a_translated_heading_titles_the_namespace_in_both_locales() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let table = "| Error Code | Error message |\n|---|---|\n";
    std::fs::write(
        p.join("en.md"),
        format!("## Payment errors\n\n{table}| 2001 | Card declined |\n"),
    )
    .unwrap();
    std::fs::write(
        p.join("zh.md"),
        format!("## 支付错误\n\n{table}| 2001 | 卡被拒绝 |\n"),
    )
    .unwrap();
    let args = "import markdown en.md zh.md --locale en --locale zh-CN --namespace pay --into schema/pay.yaml";
    let out = errcat(p, &args.split(' ').collect::<Vec<_>>());
    crate::support::assert_success(&out);
    let yaml = std::fs::read_to_string(p.join("schema/pay.yaml")).unwrap();
    assert_has(
        &yaml,
        &["namespace: pay\ntitle:\n  en: Payment errors\n  zh-CN: 支付错误\n"],
    );
    assert_eq!(errcat(p, &["check"]).status.code(), Some(0));
}

/// `{order_id}` in every locale of an imported message is declared as a placeholder,
/// and is no part of the proposed name; one that a translation lacks is left undeclared
/// (declared, the mismatch would be an error).
#[test]
fn placeholders_in_every_locale_are_declared() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let table = "| Error Code | Error message |\n|---|---|\n";
    std::fs::write(
        p.join("en.md"),
        format!("{table}| 7 | Insufficient funds for order {{order_id}} |\n| 8 | Seat {{seat}} of {{room}} is taken |\n"),
    )
    .unwrap();
    std::fs::write(
        p.join("zh.md"),
        format!("{table}| 7 | 订单 {{order_id}} 余额不足 |\n| 8 | 座位 {{seat}} 已被占用 |\n"),
    )
    .unwrap();
    let args = "import markdown en.md zh.md --locale en --locale zh-CN --namespace pay --into schema/pay.yaml";
    let out = errcat(p, &args.split(' ').collect::<Vec<_>>());
    crate::support::assert_success(&out);
    let yaml = std::fs::read_to_string(p.join("schema/pay.yaml")).unwrap();
    assert_has(
        &yaml,
        &[
            "    name: INSUFFICIENT_FUNDS_ORDER\n",
            "    params: [order_id]\n",
            "    name: SEAT_TAKEN\n",
            "    params: [seat]\n",
        ],
    );
    // `{room}` is only in English: left to the warning, which says what to do.
    let out = errcat(p, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("{room}"), "{stderr}");
}

/// A list, enum or table with no codes is said where it stands, never as an empty
/// namespace that lacks its default locale.
#[test]
fn a_list_enum_or_table_without_codes_is_located() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "list",
            "l.txt",
            "Room errors\n\nError Code\nDescription\n\nThe end.\n",
            "3:1",
            "the list has no rows",
        ),
        (
            "list",
            "nbsp.txt",
            "Error Code\nDescription\n&nbsp;\n&nbsp;\n",
            "1:1",
            "the list has no rows",
        ),
        (
            "java-enum",
            "Empty.java",
            "package x;\nenum Codes {\n  ;\n  private int code;\n}\n",
            "2:6",
            "enum Codes has no constants",
        ),
        (
            "java-enum",
            "Braces.java",
            "enum Codes {}\n",
            "1:6",
            "enum Codes has no constants",
        ),
        (
            "markdown",
            "blank.md",
            "# Room\n\n| Code | Message |\n|---|---|\n| | |\n",
            "3:1",
            "the table has no rows",
        ),
    ];
    for (format, file, text, at, message) in cases {
        let input = tmp.path().join(file);
        std::fs::write(&input, text).unwrap();
        let out = errcat_line(&format!(
            "import {format} {} --namespace app.core",
            input.display()
        ));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("error[import-not-a-table]: {message}"))
                && stderr.contains(&format!("{}:{at}", input.display()))
                && !stderr.contains("0 of 0"),
            "{file}:\n{stderr}"
        );
    }
}

/// A constant's text is string literals joined with `+`, and its status a constant,
/// `HttpStatus.valueOf(n)` or an int where the enum passes statuses; what would need
/// evaluating is reported at the expression, never dropped or guessed.
#[test]
fn java_enum_texts_and_statuses_are_read_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let java = tmp.path().join("C.java");
    let import = |body: &str| {
        std::fs::write(&java, body).unwrap();
        errcat_line(&format!(
            "import java-enum {} --namespace app.core",
            java.display()
        ))
    };
    let out = import(
        "enum C {\n  A(7001, \"Plain \" + \"joined\", 404),\n  B(7002, \"Valued\", HttpStatus.valueOf(409)),\n  N(7003, \"No status\");\n  C(int code, String message, int httpStatus) {}\n}\n",
    );
    crate::support::assert_success(&out);
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &yaml,
        &[
            "  - code: 7001\n    name: A\n    title:\n      en: Plain joined\n    message:\n      en: Plain joined\n    http: 404\n",
            "  - code: 7002\n    name: B\n    title:\n      en: Valued\n    message:\n      en: Valued\n    http: 409\n",
        ],
    );
    // A text block is read as Java reads it: shared indentation and trailing spaces
    // gone, `\<line break>` joining lines, `\s` a space; the line break before a
    // closing delimiter on its own line is no part of the text, as in a YAML block.
    let out = import(
        "enum T {\n  A(7001, \"\"\"\n      Room \"full\"   \n        at once\\\n       \\s!\n      \"\"\", 409),\n  B(7002, \"\"\"\n    Two\n\n    lines\"\"\");\n  T(int code, String message, int httpStatus) {}\n}\n",
    );
    let yaml = String::from_utf8_lossy(&out.stdout);
    crate::support::assert_success(&out);
    assert_has(
        &yaml,
        &[
            "    message:\n      en: |-\n        Room \"full\"\n          at once  !\n    http: 409\n",
            "    message:\n      en: |-\n        Two\n\n        lines\n",
        ],
    );
    // An int is a status only where the enum passes statuses: not a retry count.
    let out = import(
        "enum R {\n  A(7001, \"Plain\", 404);\n  R(int code, String message, int retries) {}\n}\n",
    );
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && !yaml.contains("http:"), "{yaml}");

    let out = import(
        "enum C {\n  D(7003, \"Concat \" + PREFIX + \" end\"),\n  F(7004, String.format(\"x %s\", 1), HttpStatus.SC_OK),\n  G(7005, \"Bad status\", 700),\n  H(7006, \"Bad factory\", HttpStatus.valueOf(code));\n}\n",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let at = |l: &str| format!("{}:{l}", java.display());
    for (needle, place) in [
        (
            "error[import-not-a-table]: the text of enum constant D is `\"Concat \" + PREFIX + \" end\"`, which errcat cannot read",
            "2:11",
        ),
        (
            "error[import-not-a-table]: the text of enum constant F is `String.format(\"x %s\", 1)`, which errcat cannot read",
            "3:11",
        ),
        (
            "error[import-bad-status]: `700` is not an HTTP status",
            "4:25",
        ),
        (
            "error[import-bad-status]: `HttpStatus.valueOf(code)` is not an HTTP status errcat can read",
            "5:26",
        ),
    ] {
        assert!(
            stderr.contains(needle) && stderr.contains(&at(place)),
            "{needle} at {place}:\n{stderr}"
        );
    }
    assert!(!stderr.contains("no string argument"), "{stderr}");
}

/// A constant's strings beyond the first are never dropped without a word: the
/// constructor's parameter names file them, else the second is the message; what no
/// field takes is a warning at it, and the summary says when position decided.
#[test]
fn java_enum_files_every_string_or_says_why_not() {
    let tmp = tempfile::tempdir().unwrap();
    let java = tmp.path().join("C.java");
    let import = |body: &str, extra: &str| {
        std::fs::write(&java, body).unwrap();
        let out = errcat_line(&format!(
            "import java-enum {} --namespace app.core{extra}",
            java.display()
        ));
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    };
    let at = |l: &str| format!("{}:{l}", java.display());

    // No constructor: the title, then the message; the summary says position decided.
    let (code, yaml, stderr) = import(
        "enum C {
  A(1, \"Room Not Found\", \"The room does not exist\", HttpStatus.SC_NOT_FOUND),
  B(2, \"Alone\");
}
",
        "",
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_has(
        &yaml,
        &[
            "  - code: 1\n    name: A\n    title:\n      en: Room Not Found\n    message:\n      en: The room does not exist\n    http: 404\n",
            "  - code: 2\n    name: B\n    title:\n      en: Alone\n    message:\n      en: Alone\n",
        ],
    );
    assert!(
        stderr.starts_with("note: 1 enum constant passed several strings that no constructor parameter names: the first became the title, the second the message"),
        "{stderr}"
    );

    // Parameter names decide, in the words of table headers or Java short forms.
    let (code, yaml, stderr) = import(
        "enum C {
  /** Why it happens */
  A(1, \"Try later\", \"Busy\", \"The server is busy\");
  C(int code, String solution, String title, String errMsg) {}
}
",
        " --javadoc-as cause",
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert_has(
        &yaml,
        &[
            "  - code: 1\n    name: A\n    title:\n      en: Busy\n    message:\n      en: The server is busy\n    cause:\n      en: Why it happens\n    solution:\n      en: Try later\n",
        ],
    );

    // What no field takes is a located warning; the rest is imported.
    let (code, yaml, stderr) = import(
        "enum C {
  /** Described twice */
  A(1, \"Msg\", \"key.a\", \"Other msg\", \"Desc\"),
  B(2, \"T\", \"M\", \"Third\");
  C(int code, String message, String i18nKey, String errorMessage, String desc) {}
}
",
        "",
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_has(
        &yaml,
        &[
            "  - code: 1\n    name: A\n    message:\n      en: Msg\n    description:\n      en: Desc\n",
        ],
    );
    for (needle, place) in [
        (
            "warning[import-skipped-text]: the second string of enum constant A is not imported",
            "3:15",
        ),
        (
            "its parameter `i18nKey` names no field errcat fills",
            "3:15",
        ),
        (
            "warning[import-skipped-text]: the third string of enum constant A is not imported",
            "3:24",
        ),
        (
            "its parameter `errorMessage` names the message, which an earlier string gave",
            "3:24",
        ),
        (
            "warning[import-skipped-text]: the Javadoc of enum constant A is not imported",
            "2:3",
        ),
        ("its field, the description, is a string argument's", "2:3"),
        (
            "warning[import-skipped-text]: the third string of enum constant B is not imported",
            "4:18",
        ),
        (
            "with no constructor to name it, a string beyond the title and the message has no field",
            "4:18",
        ),
    ] {
        assert!(
            stderr.contains(needle) && stderr.contains(&at(place)),
            "{needle} at {place}:\n{stderr}"
        );
    }
    assert!(!yaml.contains("key.a") && !yaml.contains("Third"), "{yaml}");
}

#[test]
fn each_format_says_how_its_rows_and_bytes_go_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let input = |name: &str, bytes: &[u8]| {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    };
    let import = |args: String| {
        let out = errcat_line(&args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code(), stderr)
    };
    // A vertical list has no `|` to escape: its rows are lines up to a blank one.
    let list = input(
        "rag.txt",
        b"Error Code\nDescription\n1001\nRoom missing\n1002\n\n",
    );
    let (code, stderr) = import(format!("import list {list} --namespace app"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{list}:5:1"))
            && stderr.contains("help: every row needs one line per header line")
            && !stderr.contains("`\\|`"),
        "{stderr}"
    );
    // An input that is not UTF-8 cannot be read (io, exit 2); it is not a YAML error.
    let latin1 = input(
        "latin1.md",
        b"| Error Code | Description |\n|---|---|\n| 1 | caf\xe9 |\n",
    );
    let (code, stderr) = import(format!("import markdown {latin1} --namespace app"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("error[io]: {latin1} is not valid UTF-8"))
            && stderr.contains(&format!("{latin1}:3:10")),
        "{stderr}"
    );
}

/// What a reader of the rendered page sees decides what is imported: tables in an
/// HTML comment or an indented code block are not tables there; rows after the blank
/// line that ended their table are said, not silently lost; and of two unheaded
/// columns of numbers, errcat does not guess which holds the codes.
#[test]
fn only_what_the_page_shows_as_a_table_is_imported() {
    let out = import_markdown(
        "# E\n\n| Error Code | Description |\n|---|---|\n| 1 | one |\n\n| 2 | two |\n| 3 | three |\n\n\
         <!--\n| Error Code | Description |\n|---|---|\n| 9 | hidden |\n\n-->\n\
         Example:\n\n    | Error Code | Description |\n    |---|---|\n    | 8 | sample |\n",
    );
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("code: 1\n") && !stdout.contains("code: 9") && !stdout.contains("code: 8"),
        "{stdout}"
    );
    assert!(
        stderr.contains("warning[import-stray-rows]: this line looks like a table row, but belongs to no table: a blank line or a heading ended the table above; it is skipped")
            && stderr.contains(":7:1"),
        "{stderr}"
    );
    // `Err No` heads the codes; `Status` is no column errcat imports.
    let out =
        import_markdown("| Status | Err No | Message |\n|---|---|---|\n| 400 | 1 | Bad input |\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("code: 1\n") && !stdout.contains("code: 400"),
        "{stdout}"
    );
    let out =
        import_markdown("| Status | Number | Message |\n|---|---|---|\n| 400 | 1 | Bad input |\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error[import-not-a-table]: columns `Status` and `Number` both hold numbers, and neither is headed as the codes"),
        "{stderr}"
    );
}

/// A vertical list with a cell left out shifts every row after it: a code then
/// stands where a text goes, which is refused; a code after the blank line that
/// ended its list is said.
#[test]
fn a_list_says_when_its_rows_shift_or_stray() {
    let tmp = tempfile::tempdir().unwrap();
    let shifted = tmp.path().join("shifted.txt");
    std::fs::write(
        &shifted,
        "Error Code\nDescription\n-1\nFirst\n-2\n-3\n-4\nFourth\n",
    )
    .unwrap();
    let out = errcat_line(&format!(
        "import list {} --namespace app",
        shifted.display()
    ));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error[import-ragged-row]: `-3` stands where a row's `Description` goes, and is a number: a cell left out above?")
            && stderr.contains(&format!("{}:6:1", shifted.display())),
        "{stderr}"
    );
    let stray = tmp.path().join("stray.txt");
    std::fs::write(
        &stray,
        "General\n\nError Code\nDescription\n1\nFirst\n\nRoom errors\n\n-2100\nRoom Does Not Exist\n-2101\nNot entered\n",
    )
    .unwrap();
    let out = errcat_line(&format!("import list {} --namespace app", stray.display()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning[import-stray-rows]: `-2100` looks like a code, but belongs to no list: a blank line ended the list above; it is skipped")
            && stderr.matches("import-stray-rows").count() == 1,
        "{stderr}"
    );
}

/// A Java string literal imports as the program has it at run time: two spaces, a
/// tab and the spaces at either end stay.
#[test]
fn java_texts_keep_their_whitespace() {
    let out = import_java(
        "enum Codes {\n    A(1, \"Total:  %d\\tdone \"),\n    B(2, \" lead\" + \"  gap\");\n    Codes(int c, String message) {}\n}\n",
    );
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert_has(
        &yaml,
        &[
            "      en: \"Total:  %d\\tdone \"\n",
            "      en: \" lead  gap\"\n",
        ],
    );
}

/// A translation that lacks rows is still the namespace's second locale: the codes it
/// lacks are listed to translate (`missing-translation` lowered to a warning), not
/// dropped from what the namespace requires without a word.
#[test]
fn a_translation_that_lacks_rows_is_listed_to_translate() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    std::fs::write(
        p.join("en.md"),
        "| Error Code | Error message |\n|---|---|\n| 1 | One |\n| 2 | Two |\n| 3 | Three |\n",
    )
    .unwrap();
    std::fs::write(
        p.join("zh.md"),
        "| 错误码 | 错误提示 |\n|---|---|\n| 1 | 一 |\n",
    )
    .unwrap();
    let out = errcat(
        p,
        &[
            "import",
            "markdown",
            "en.md",
            "zh.md",
            "--locale",
            "en",
            "--locale",
            "zh-CN",
            "--namespace",
            "app",
        ],
    );
    let yaml = String::from_utf8_lossy(&out.stdout);
    crate::support::assert_success(&out);
    assert_has(
        &yaml,
        &[
            "locales: [en, zh-CN]\n",
            "lints:\n  missing-translation: warn\n",
        ],
    );
}

/// Javadoc block tags are no description: `@deprecated` gives the deprecation its
/// reason (and, naming another constant to use, its replacement); `@see` and `@since`
/// are dropped.
#[test]
fn javadoc_block_tags_are_no_description() {
    let out = import_java(
        "enum Codes {\n    /** Room was locked.\n     * @deprecated use {@link #ROOM_CLOSED} instead\n     * @since 1.2 */\n    @Deprecated ROOM_LOCKED(1, \"Locked\"),\n    /** Room was closed.\n     * @see Other */\n    ROOM_CLOSED(2, \"Closed\");\n    Codes(int c, String message) {}\n}\n",
    );
    let (yaml, stderr) = crate::support::text(&out);
    assert!(!stderr.contains("@Deprecated, which"), "{stderr}");
    assert_has(
        &yaml,
        &[
            "    description:\n      en: Room was locked.\n",
            "    deprecated:\n      reason: use ROOM_CLOSED instead\n      replaced_by: ROOM_CLOSED\n",
            "    description:\n      en: Room was closed.\n",
        ],
    );
    assert!(!yaml.contains('@'), "{yaml}");
}

/// `@Deprecated` gives no reason, which errcat's deprecation needs: the constant is
/// imported, and the annotation is pointed out rather than dropped without a word.
#[test]
fn a_deprecated_java_constant_is_pointed_out() {
    let out = import_java(
        "enum Codes {\n    @java.lang.Deprecated\n    OLD(1, \"Old one\"),\n    NEW(2, \"New one\");\n    Codes(int c, String message) {}\n}\n",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "warning[import-skipped-text]: enum constant OLD is @Deprecated, which is not imported"
        ) && stderr.contains("Codes.java:2:5")
            && stderr.matches("@Deprecated, which").count() == 1,
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("code: 1\n"));
}

/// A setext heading (text over `===` or `---`) titles its section, as an ATX one does.
#[test]
fn setext_headings_title_sections() {
    let out = import_markdown(
        "Room errors\n===========\n\n| Error Code | Description |\n|---|---|\n| 1 | one |\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    crate::support::assert_success(&out);
    assert_has(
        &stdout,
        &["title:\n  en: Room errors\n", "  section: Room errors\n"],
    );
}

/// import-unlisted is for a file no pattern matches: a new file `*.yaml` matches is
/// the catalog's, and gets no warning.
#[test]
fn a_new_file_a_pattern_matches_is_not_unlisted() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    std::fs::write(
        p.join("t.md"),
        "| Error Code | Error message |\n|---|---|\n| 7001 | Lobby full |\n",
    )
    .unwrap();
    for (ns, into, unlisted) in [
        ("lobby", "schema/lobby.yaml", false),
        ("stray", "schema/sub/stray.yaml", true),
    ] {
        let out = errcat(
            p,
            &[
                "import",
                "markdown",
                "t.md",
                "--namespace",
                ns,
                "--into",
                into,
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.contains("import-unlisted"),
            unlisted,
            "{into}: {stderr}"
        );
    }
}

/// A translator's spreadsheet saved as CSV merges into a namespace: BOM, CRLF, quoted
/// separators, doubled quotes, a line break in a field, a blank row, `;` as Excel
/// writes it in a locale with a decimal comma, and errcat's own `#` header lines.
#[test]
fn a_spreadsheet_saved_as_csv_merges_its_translations() {
    let english = "namespace: app\nentries:\n  - { code: 1, name: ONE, message: One }\n  - { code: 2, name: TWO, message: Two }\n";
    let tmp = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: a\nformat: 1\nlocales: [en, ja]\ndefault_locale: en\nnamespaces: [app.yaml]\nlints: { missing-translation: warn }\n",
        ),
        ("app.yaml", english),
    ]);
    let p = tmp.path();
    let ns = p.join("app.yaml");
    // The merged namespace's `ja` messages, which must validate.
    let ja_texts = || -> Vec<String> {
        let checked = errcat::check(&p.join("catalog.yaml"));
        let catalog = checked.catalog.expect("the merged namespace validates");
        let entries = &catalog.namespaces[0].entries;
        entries
            .iter()
            .map(|e| e.message.get("ja").unwrap_or_default().to_string())
            .collect()
    };
    let import_ja = |file: &str| {
        let args = [
            "import",
            "csv",
            file,
            "--namespace",
            "app",
            "--locale",
            "ja",
        ];
        errcat(p, &[&args[..], &["--into", "app.yaml"]].concat())
    };
    let comma = "\u{feff}# Code generated by errcat\r\nError Code,Error Code Name,Error message\r\n\
                 1,ONE,\"一つ, \"\"最初\"\"\"\r\n\r\n2,TWO,\"二つ\r\n二行目\"\r\n";
    for (file, text) in [
        ("ja.csv", comma.to_string()),
        (
            "ja-semicolon.csv",
            comma.replace(',', ";").replace("一つ; ", "一つ, "),
        ),
    ] {
        let sheet = p.join(file);
        std::fs::write(&sheet, text).unwrap();
        let out = import_ja(file);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(ja_texts(), ["一つ, \"最初\"", "二つ\n二行目"], "{file}");
        std::fs::write(&ns, english).unwrap();
    }

    // A quote that never closes is pointed at; nothing is written.
    std::fs::write(
        p.join("open.csv"),
        "Error Code,Error message\n1,\"One\n2,Two\n",
    )
    .unwrap();
    let before = std::fs::read(&ns).unwrap();
    let out = import_ja("open.csv");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error[import-not-a-table]: a quoted field never closes")
            && stderr.contains("open.csv:2:3"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&ns).unwrap(), before);

    // A reviewed correction conflicts with the text there, unless asked to replace it.
    assert!(import_ja("ja.csv").status.success());
    std::fs::write(p.join("fixed.csv"), "Error Code,Error message\n1,ひとつ\n").unwrap();
    let out = import_ja("fixed.csv");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[import-conflict]") && stderr.contains("--replace-texts"),
        "{stderr}"
    );
    let args = [
        "import",
        "csv",
        "fixed.csv",
        "--namespace",
        "app",
        "--locale",
        "ja",
    ];
    let out = errcat(
        p,
        &[&args[..], &["--into", "app.yaml", "--replace-texts"]].concat(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(ja_texts(), ["ひとつ", "二つ\n二行目"]);
}

/// A name is proposed from the first English text that has words a name can hold: a
/// description in Chinese under `en` is passed over for the English message beside it.
#[test]
fn a_name_comes_from_the_english_column_beside_a_chinese_one() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("t.md");
    std::fs::write(
        &table,
        "| Error Code | Description | Error message |\n|---|---|---|\n| 1 | 房间不存在 | The room does not exist |\n",
    )
    .unwrap();
    let out = errcat(
        tmp.path(),
        &["import", "markdown", "t.md", "--namespace", "app"],
    );
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(stdout.contains("name: ROOM_NOT_EXIST"), "{stdout}{stderr}");
}
