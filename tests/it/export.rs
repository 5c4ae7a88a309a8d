//! `errcat export`: the sheet a translator fills in, and its way back into the
//! catalog through `errcat import csv`, exactly as edited.

use std::path::PathBuf;

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

/// A locale or namespace the catalog lacks is a usage error that says what was meant;
/// a catalog with errors other than texts to translate exports nothing.
#[test]
fn bad_requests_say_what_was_meant_and_write_nothing() {
    let tmp = project();
    let dir = tmp.path();
    let mut said = String::new();
    for args in [
        "--locale jp",
        "--locale zh_CN",
        "--locale fr",
        "--locale en",
        "--locale ja --from ja",
        "--locale zh-CN --namespace rooms",
        "--locale zh-CN --namespace billing --namespace app",
    ] {
        let mut all = vec!["export", "csv", "catalog.yaml", "--out", "out.csv"];
        all.extend(args.split(' '));
        let out = errcat(dir, &all);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args}: {stderr}");
        assert!(stdout.is_empty() && !dir.join("out.csv").exists(), "{args}");
        said.push_str(&format!(
            "$ errcat export csv catalog.yaml {args}\n{stderr}"
        ));
    }
    // Two entries with one code: an error no sheet can help with.
    let room = dir.join("room.yaml");
    let text_now = std::fs::read_to_string(&room).unwrap();
    std::fs::write(&room, text_now.replace("code: 2\n", "code: 1\n")).unwrap();
    let out = errcat(
        dir,
        &[
            "export",
            "csv",
            "catalog.yaml",
            "--locale",
            "zh-CN",
            "--out",
            "out.csv",
        ],
    );
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.is_empty() && !dir.join("out.csv").exists());
    assert!(!stderr.contains("missing-translation"), "{stderr}");
    said.push_str(&format!(
        "$ errcat export csv catalog.yaml --locale zh-CN --out out.csv\n{stderr}"
    ));
    assert_snapshot(&fixture().join("errors.txt"), &said);
}
