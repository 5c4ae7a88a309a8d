//! `errcat export`: the sheet a translator fills in, and its way back into the
//! catalog through `errcat import csv`, exactly as edited.

use std::path::{Path, PathBuf};

use crate::support::{assert_snapshot, copy_tree, errcat, repo, text};

fn fixture() -> PathBuf {
    repo().join("tests/fixtures/export")
}

/// A sheet as a spreadsheet holds it: rows of cells, the header first.
struct Sheet(Vec<Vec<String>>);

impl Sheet {
    /// Reads CSV as RFC 4180 writes it (a BOM before it is no part of a cell).
    fn parse(text: &str) -> Sheet {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (_, '"') => quoted = !quoted,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (_, c) => cell.push(c),
            }
        }
        Sheet(rows)
    }

    /// Sets the cell of `column` in the row of `code` (`NS/CODE` where codes repeat),
    /// as a translator types it.
    fn set(&mut self, code: &str, column: &str, value: &str) {
        let (ns, code) = code
            .split_once('/')
            .map_or((None, code), |(ns, code)| (Some(ns), code));
        let col = self.0[0].iter().position(|h| h == column).unwrap();
        let row = (self.0.iter_mut())
            .find(|r| r[1] == code && ns.is_none_or(|ns| r[0] == ns))
            .unwrap();
        row[col] = value.to_owned();
    }

    /// As a spreadsheet saves "CSV UTF-8": a BOM, CRLF, a cell quoted when it must be.
    fn save(&self, bom: bool) -> String {
        let mut out = String::from(if bom { "\u{feff}" } else { "" });
        for row in &self.0 {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c.contains([',', '"', '\n']) {
                    true => format!("\"{}\"", c.replace('"', "\"\"")),
                    false => c.clone(),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// The sheets of the fixture: every namespace, only what is missing, and another pair of
/// locales for one namespace.
#[test]
fn sheets_match_their_golden_files() {
    for (name, args) in [
        ("zh-CN.csv", "--locale zh-CN"),
        ("zh-CN-missing.csv", "--locale zh-CN --missing"),
        (
            "ja-from-zh-CN.csv",
            "--locale ja --from zh-CN --namespace room",
        ),
    ] {
        let mut all = vec!["export", "csv", "catalog.yaml"];
        all.extend(args.split(' '));
        let out = errcat(&fixture(), &all);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{args}: {stderr}");
        // The catalog's errors are the texts still to translate: the sheet's work.
        assert_eq!(stderr, "", "{args}");
        assert_snapshot(&fixture().join("expected").join(name), &stdout);
    }
}

/// `--missing` leaves out the entries with nothing to translate, and keeps those with
/// a text copied from the default locale.
#[test]
fn missing_lists_what_the_locale_lacks_or_copied() {
    let out = errcat(
        &fixture(),
        &[
            "export",
            "csv",
            "catalog.yaml",
            "--locale",
            "zh-CN",
            "--missing",
        ],
    );
    let sheet = Sheet::parse(&text(&out).0);
    let codes: Vec<&str> = sheet.0[1..].iter().map(|r| r[1].as_str()).collect();
    // ROOM_FULL (1) has every text in zh-CN; KICKED (-3) has the English message.
    assert_eq!(codes, ["100", "-3", "2"]);
}

/// A copy of the fixture in a temporary directory.
fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture(), tmp.path());
    tmp
}

/// Exports `locale` from the catalog in `dir` to `sheet`; returns the import command
/// the export says to run, as arguments.
fn export(dir: &Path, catalog: Option<&str>, locale: &str, sheet: &str) -> Vec<String> {
    let mut args = vec!["export", "csv"];
    args.extend(catalog);
    args.extend(["--locale", locale, "--out", sheet]);
    let out = errcat(dir, &args);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let command = stderr
        .split_once("with `errcat ")
        .and_then(|(_, c)| c.split_once('`'))
        .unwrap_or_else(|| panic!("no import command in:\n{stderr}"))
        .0;
    command.split(' ').map(str::to_owned).collect()
}

/// Exports the fixture copy in `dir` to zh-CN.csv and saves it with the cells of
/// `edits` (code, column, text) changed, as a translator does; returns the import
/// command the export names.
fn translate(dir: &Path, edits: &[(&str, &str, &str)]) -> Vec<String> {
    let import = export(dir, Some("catalog.yaml"), "zh-CN", "zh-CN.csv");
    let mut sheet = Sheet::parse(&std::fs::read_to_string(dir.join("zh-CN.csv")).unwrap());
    for (code, column, value) in edits {
        sheet.set(code, column, value);
    }
    std::fs::write(dir.join("zh-CN.csv"), sheet.save(true)).unwrap();
    import
}

/// Runs the import `args`, which must succeed and leave billing.yaml, whose rows no
/// edit touches, as it was; returns what it said.
fn import_but_billing(dir: &Path, args: &[String]) -> String {
    let billing = std::fs::read(dir.join("billing.yaml")).unwrap();
    let (code, stderr) = run(dir, args);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(std::fs::read(dir.join("billing.yaml")).unwrap(), billing);
    stderr
}

fn run(dir: &Path, args: &[String]) -> (Option<i32>, String) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = errcat(dir, &args);
    (out.status.code(), text(&out).1)
}

/// Every file of `dir` with its bytes, the sheets and goldens left out.
fn yaml_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A translator edits cells as a spreadsheet lets them: a comma, a quote, a line break
/// and the placeholders in one cell, a missing text filled in, a copy translated. The
/// import the export names puts exactly those texts into the catalog, which then
/// passes `check`; the namespace no cell of which was edited keeps its file as it was.
#[test]
fn a_translated_sheet_comes_back_exactly_as_edited() {
    let tmp = project();
    let dir = tmp.path();
    let full = "房间 {room_id} 已满, 最多 {max} 人\n\"VIP\" 房间除外";
    let edits = [
        ("1", "Message (zh-CN)", full),
        ("2", "Message (zh-CN)", "房间已关闭"),
        ("-3", "Message (zh-CN)", "你已被移出房间"),
        ("-3", "Cause (zh-CN)", "主持人移出了你，或你重复加入"),
    ];
    let import = translate(dir, &edits);
    assert_eq!(
        import.join(" "),
        "import csv zh-CN.csv --locale zh-CN --replace-texts --catalog catalog.yaml"
    );
    let stderr = import_but_billing(dir, &import);
    assert!(
        stderr.contains("room.yaml: namespace room, 3 entries (0 new, 3 changed)")
            && stderr.contains("billing.yaml: namespace billing, 1 entry (0 new, 0 changed)")
            && !stderr.contains("comment line"),
        "{stderr}"
    );
    let room = std::fs::read_to_string(dir.join("room.yaml")).unwrap();
    assert!(room.starts_with("# Rooms: one message still"), "{room}");

    let (code, stderr) = run(dir, &["check".into(), "catalog.yaml".into()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.starts_with("ok: 2 namespaces, 4 codes"), "{stderr}");
    let checked = errcat::check(&dir.join("catalog.yaml"));
    let room = &checked.catalog.unwrap().namespaces[1];
    for (code, column, value) in edits {
        let e = room.entry(code.parse().unwrap()).unwrap();
        let text = match column {
            "Message (zh-CN)" => Some(&e.message),
            _ => e.cause.as_ref(),
        };
        assert_eq!(text.and_then(|t| t.get("zh-CN")), Some(value), "{code}");
    }
}

/// A sheet imported as it was exported changes no file, with or without the BOM a
/// spreadsheet may drop: the fixture's files and the project's own schema/.
#[test]
fn an_untouched_sheet_changes_no_file() {
    let fixture = project();
    let seeds = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("schema"), &seeds.path().join("schema"));
    for (dir, catalog) in [(fixture.path(), Some("catalog.yaml")), (seeds.path(), None)] {
        let before = yaml_files(dir);
        let import = export(dir, catalog, "zh-CN", "zh-CN.csv");
        let sheet = std::fs::read_to_string(dir.join("zh-CN.csv")).unwrap();
        for bom in [true, false] {
            let saved = Sheet::parse(&sheet).save(bom);
            std::fs::write(dir.join("zh-CN.csv"), saved).unwrap();
            let (code, stderr) = run(dir, &import);
            assert_eq!(code, Some(0), "{stderr}");
            let summaries = stderr.lines().filter(|l| l.contains(" entr"));
            assert!(
                summaries.clone().count() > 0
                    && summaries.clone().all(|l| l.ends_with("(0 new, 0 changed)")),
                "{stderr}"
            );
            assert!(
                yaml_files(dir) == before,
                "{}: a file changed",
                dir.display()
            );
        }
    }
}

/// A translator's edit of the project's own catalog changes that text's lines alone:
/// its namespace file keeps its comments (the seeds it came from, the contradictions
/// resolved), and every other file stays as it was.
#[test]
fn an_edit_changes_only_its_own_lines_in_the_projects_schema() {
    let seeds = tempfile::tempdir().unwrap();
    let dir = seeds.path();
    copy_tree(&repo().join("schema"), &dir.join("schema"));
    let before = yaml_files(dir);
    let import = export(dir, None, "zh-CN", "zh-CN.csv");
    let mut sheet = Sheet::parse(&std::fs::read_to_string(dir.join("zh-CN.csv")).unwrap());
    sheet.set(
        "edu.rest/1004",
        "Message (zh-CN)",
        "房间不存在，\n请先创建房间",
    );
    std::fs::write(dir.join("zh-CN.csv"), sheet.save(true)).unwrap();
    let (code, stderr) = run(dir, &import);
    assert_eq!(code, Some(0), "{stderr}");
    let rest = dir.join("schema/edu/rest.yaml");
    for ((path, was), (_, now)) in before.iter().zip(yaml_files(dir)) {
        if *path != rest {
            assert!(*was == now, "{} changed", path.display());
            continue;
        }
        let (was, now) = (String::from_utf8_lossy(was), String::from_utf8_lossy(&now));
        let diff = similar::TextDiff::from_lines(&*was, &*now);
        let changed: Vec<String> = diff
            .iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .map(|c| format!("{}{}", c.tag(), c.value()))
            .collect();
        assert_eq!(
            changed,
            [
                "-      zh-CN: 房间不存在\n",
                "+      zh-CN: |-\n",
                "+        房间不存在，\n",
                "+        请先创建房间\n"
            ],
            "{now}"
        );
    }
}

/// A placeholder the translator dropped or mistyped is found at the sheet's cell,
/// with the entry it merges into, and nothing is written.
#[test]
fn a_dropped_or_mistyped_placeholder_is_found_at_its_cell() {
    let tmp = project();
    let dir = tmp.path();
    let import = translate(dir, &[("1", "Message (zh-CN)", "房间 {roomid} 已满")]);
    let before = yaml_files(dir);
    let (code, stderr) = run(dir, &import);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(yaml_files(dir) == before);
    assert_snapshot(&fixture().join("placeholder.txt"), &stderr);
}

/// `--namespace NS --into FILE` imports only NS's rows of a sheet of several, and
/// says which it left out.
#[test]
fn with_namespace_only_its_rows_are_imported() {
    let tmp = project();
    let dir = tmp.path();
    translate(
        dir,
        &[
            ("2", "Message (zh-CN)", "房间已关闭"),
            ("100", "Message (zh-CN)", "银行卡被拒：「{reason}」"),
        ],
    );
    let args = "import csv zh-CN.csv --locale zh-CN --namespace room --into room.yaml --catalog catalog.yaml";
    let stderr = import_but_billing(dir, &args.split(' ').map(str::to_owned).collect::<Vec<_>>());
    assert!(
        stderr.contains("note: 1 row of other namespaces (billing) left out")
            && stderr.contains("room.yaml: namespace room, 3 entries (0 new, 1 changed)"),
        "{stderr}"
    );
}

/// A namespace split across files takes each row into the file that defines its code.
#[test]
fn rows_go_into_the_file_that_defines_their_code() {
    let tmp = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: s\nformat: 1\nlocales: [en, de]\ndefault_locale: en\nnamespaces: [a.yaml, b.yaml]\n",
        ),
        (
            "a.yaml",
            "namespace: app\nentries:\n  - { code: 1, name: ONE, message: { en: One failed, de: Eins } }\n",
        ),
        (
            "b.yaml",
            "namespace: app\nentries:\n  - { code: 2, name: TWO, message: { en: Two failed, de: Zwei } }\n",
        ),
    ]);
    let dir = tmp.path();
    let import = export(dir, Some("catalog.yaml"), "de", "de.csv");
    let mut sheet = Sheet::parse(&std::fs::read_to_string(dir.join("de.csv")).unwrap());
    sheet.set("1", "Message (de)", "Eins ist fehlgeschlagen");
    sheet.set("2", "Message (de)", "Zwei sind fehlgeschlagen");
    std::fs::write(dir.join("de.csv"), sheet.save(true)).unwrap();
    let (code, stderr) = run(dir, &import);
    assert_eq!(code, Some(0), "{stderr}");
    for (file, text) in [
        ("a.yaml", "de: Eins ist fehlgeschlagen"),
        ("b.yaml", "de: Zwei sind fehlgeschlagen"),
    ] {
        let yaml = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            yaml.contains(text) && yaml.matches("code:").count() == 1,
            "{yaml}"
        );
    }
}

/// A locale or namespace the catalog lacks is a usage error that says what was meant;
/// a catalog with errors other than texts to translate exports nothing.
#[test]
fn bad_requests_say_what_was_meant_and_write_nothing() {
    let tmp = project();
    let dir = tmp.path();
    let mut said = String::new();
    // Runs `export csv catalog.yaml ARGS`, which must exit with `code` and print no
    // sheet; returns its stderr, and adds it to what was said.
    let mut export = |args: &str, code: i32| {
        let mut all = vec!["export", "csv", "catalog.yaml"];
        all.extend(args.split(' '));
        let out = errcat(dir, &all);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(code), "{args}: {stderr}");
        assert!(stdout.is_empty() && !dir.join("out.csv").exists(), "{args}");
        said.push_str(&format!(
            "$ errcat export csv catalog.yaml {args}\n{stderr}"
        ));
        stderr
    };
    for args in [
        "--locale jp",
        "--locale zh_CN",
        "--locale fr",
        "--locale en",
        "--locale ja --from ja",
        "--locale zh-CN --namespace rooms",
        "--locale zh-CN --namespace billing --namespace app",
    ] {
        export(&format!("--out out.csv {args}"), 2);
    }
    // A sheet over a file of the catalog would lose it.
    let room = dir.join("room.yaml");
    let before = std::fs::read_to_string(&room).unwrap();
    export("--locale zh-CN --out room.yaml", 2);
    assert_eq!(std::fs::read_to_string(&room).unwrap(), before);
    // Two entries with one code: an error no sheet can help with.
    std::fs::write(&room, before.replace("code: 2\n", "code: 1\n")).unwrap();
    let stderr = export("--locale zh-CN --out out.csv", 1);
    assert!(!stderr.contains("missing-translation"), "{stderr}");
    assert_snapshot(&fixture().join("errors.txt"), &said);
}
