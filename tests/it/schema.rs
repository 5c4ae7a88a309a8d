//! The JSON Schema (`errcat schema`) against errcat itself: every catalog and namespace
//! file errcat reads validates, unless errcat's validation rejects it for what the
//! schema rejects it for (a value outside a closed set), and every file errcat rejects
//! for its structure (an unknown field, a wrong type) is rejected too, by an
//! independent validator: Ajv on YAML parsed by `yaml` (as yaml-language-server does),
//! run with node.

use std::path::{Path, PathBuf};
use std::process::Command;

use errcat::diag::Report;
use errcat::load::raw::{RawCatalog, RawNamespace};
use errcat::source::Sources;

use crate::support::repo;

/// Files on which errcat and the schema cannot agree, each with the reason.
const INEXPRESSIBLE: &[(&str, &str)] = &[
    (
        "tests/fixtures/nasty/cr-only/ns.yaml",
        "`yaml` (and so yaml-language-server) does not read a lone CR as a line break",
    ),
    (
        "tests/fixtures/nasty/cr-only-finding/ns.yaml",
        "`yaml` (and so yaml-language-server) does not read a lone CR as a line break",
    ),
    (
        "tests/fixtures/nasty/float-code/ns.yaml",
        "JSON has one number type: to any JSON Schema validator `code: 1.0` is the integer 1",
    ),
    (
        "tests/fixtures/nasty/number-spellings/ns-hex.yaml",
        "a schema sees values, not spellings: YAML 1.2 reads `0x10` as 16, which errcat refuses for its spelling",
    ),
    (
        "tests/fixtures/nasty/number-spellings/ns-leading_zero.yaml",
        "YAML 1.2 reads `0012` as 12 (YAML 1.1 as octal 10): errcat refuses the ambiguous spelling",
    ),
    (
        "tests/fixtures/nasty/number-spellings/ns-tagged.yaml",
        "`!!int 7` is 7 to a schema; errcat reads a code as written, without the tag",
    ),
];

#[derive(Debug, PartialEq)]
enum Verdict {
    Accepted,
    /// Rejected for its structure, with the rule errcat reported.
    Rejected(String),
}

/// What errcat's loader says about one file on its own: `None` when it fails before
/// structure is in question (not YAML, not UTF-8, empty).
fn errcat_verdict(path: &Path) -> Option<Verdict> {
    let mut sources = Sources::default();
    let mut report = Report::default();
    let id = errcat::load::read(path, &mut sources, &mut report, None)?;
    // A top-level `catalog:` key makes a catalog file, as in the schema's `if`.
    let is_catalog = sources.get(id).text.lines().any(|l| {
        l.strip_prefix("catalog")
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    let parsed = if is_catalog {
        errcat::load::parse::<RawCatalog>(&sources, id, &mut report).is_some()
    } else {
        errcat::load::parse::<RawNamespace>(&sources, id, &mut report).is_some()
    };
    if parsed {
        return Some(Verdict::Accepted);
    }
    let rule = report.diagnostics.first()?.rule;
    ["unknown-field", "invalid-value"]
        .contains(&rule)
        .then(|| Verdict::Rejected(rule.to_owned()))
}

/// Whether checking the catalog beside `file` (a fixture's) reports an error in it.
fn rejected_later(file: &Path) -> bool {
    let Some(catalog) = file
        .parent()
        .map(|d| d.join("catalog.yaml"))
        .filter(|c| c.is_file())
    else {
        return false;
    };
    let checked = errcat::check(&catalog);
    let file = file.canonicalize().unwrap();
    checked.report.diagnostics.iter().any(|d| {
        d.severity == errcat::diag::Severity::Error
            && d.primary.iter().any(|l| {
                checked
                    .sources
                    .path(l.span.file)
                    .canonicalize()
                    .is_ok_and(|p| p == file)
            })
    })
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml")
            // Template manifests are not catalog files.
            && path.file_name().is_some_and(|n| n != "target.yaml")
        {
            out.push(path);
        }
    }
}

/// Runs the validator on `files`; one (valid, errors) per file, in order.
pub fn validate(schema: &Path, files: &[PathBuf]) -> Vec<(Option<bool>, String)> {
    let root = repo();
    assert!(
        root.join("node_modules/ajv/package.json").exists()
            && root.join("node_modules/yaml/package.json").exists(),
        "node_modules lacks ajv or yaml: run `npm ci`"
    );
    let out = Command::new("node")
        .arg(root.join("tests/schema/validate.mjs"))
        .arg(schema)
        .args(files)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len());
    lines
        .iter()
        .map(|v| (v["valid"].as_bool(), v["errors"].to_string()))
        .collect()
}

#[test]
fn the_committed_schema_is_current() {
    let committed = std::fs::read_to_string(repo().join(errcat::schema::REPO_PATH)).unwrap();
    assert!(
        committed.replace("\r\n", "\n") == errcat::schema::text(),
        "{} is stale: run `cargo xtask gen` and commit",
        errcat::schema::REPO_PATH
    );
}

#[test]
fn the_schema_agrees_with_errcat_on_every_catalog_file() {
    let root = repo();
    let mut files = Vec::new();
    for dir in ["schema", "tests/fixtures", "src/init"] {
        yaml_files(&root.join(dir), &mut files);
    }
    let judged: Vec<(PathBuf, Verdict)> = files
        .into_iter()
        .filter_map(|f| errcat_verdict(&f).map(|v| (f, v)))
        .collect();
    let schema = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(schema.path(), errcat::schema::text()).unwrap();
    let paths: Vec<PathBuf> = judged.iter().map(|(f, _)| f.clone()).collect();
    let results = validate(schema.path(), &paths);

    let mut disagreements = Vec::new();
    let mut unexpressed = Vec::new();
    for ((file, verdict), (valid, errors)) in judged.iter().zip(&results) {
        let rel = file.strip_prefix(&root).unwrap().display().to_string();
        let agrees = match verdict {
            // The schema may say early what errcat's validation says of the file: a
            // value outside a closed set (`http: 999`, a lint level `off`).
            Verdict::Accepted => {
                *valid == Some(true) || (*valid == Some(false) && rejected_later(file))
            }
            Verdict::Rejected(_) => *valid == Some(false),
        };
        if agrees {
            continue;
        }
        if INEXPRESSIBLE.iter().any(|(f, _)| *f == rel) {
            unexpressed.push(rel);
            continue;
        }
        disagreements.push(format!(
            "{rel}: errcat {verdict:?}, schema {valid:?} {errors}"
        ));
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    // The exceptions stay real: each still disagrees.
    assert_eq!(
        unexpressed,
        INEXPRESSIBLE.iter().map(|(f, _)| *f).collect::<Vec<_>>()
    );
    // Both directions are exercised: files to accept, and structural rejections of each kind.
    let count = |p: fn(&Verdict) -> bool| judged.iter().filter(|(_, v)| p(v)).count();
    assert!(count(|v| *v == Verdict::Accepted) > 100);
    assert!(count(|v| matches!(v, Verdict::Rejected(r) if r == "unknown-field")) >= 1);
    assert!(count(|v| matches!(v, Verdict::Rejected(r) if r == "invalid-value")) >= 3);
}

/// The json target writes catalog.json and its JSON Schema: every catalog's
/// catalog.json validates against its own (which names the catalog's locales, as
/// `fallbacks` has every one of them as a key), and the schema is strict enough to
/// refuse a key it does not know, a code that is text, or a locale the catalog lacks.
#[test]
fn catalog_json_validates_against_its_schema() {
    let root = repo();
    let dir = tempfile::tempdir().unwrap();
    // Per catalog: its schema, and the files that must (true) or must not validate.
    let mut cases: Vec<(PathBuf, Vec<(PathBuf, bool)>)> = Vec::new();
    for (i, catalog) in [
        "schema/catalog.yaml",
        "tests/fixtures/golden/catalog.yaml",
        "tests/fixtures/hostile/catalog.yaml",
        "tests/fixtures/fallback/catalog.yaml",
    ]
    .iter()
    .enumerate()
    {
        let checked = errcat::check(&root.join(catalog));
        let catalog = checked.catalog.expect("the catalog validates");
        let rendered = errcat::generate(&catalog).unwrap();
        let json = |name: &str| {
            rendered
                .iter()
                .find(|r| r.target == "json" && r.path.ends_with(name))
                .unwrap_or_else(|| panic!("no {name}"))
                .text
                .clone()
        };
        let write = |name: String, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let schema = write(format!("schema-{i}.json"), &json("catalog.schema.json"));
        let good = json("catalog.json");
        let mut files = vec![(write(format!("catalog-{i}.json"), &good), true)];
        if i == 1 {
            // What a reader must not take for this catalog.
            for (name, bad) in [
                (
                    "extra-key",
                    good.replacen("\"catalog\":", "\"surprise\": 1, \"catalog\":", 1),
                ),
                (
                    "code-as-text",
                    good.replacen("\"code\": -7,", "\"code\": \"-7\",", 1),
                ),
                (
                    "unknown-locale",
                    good.replacen("\"fallbacks\": {", "\"fallbacks\": {\"pt\": [], ", 1),
                ),
                (
                    "unknown-fallback",
                    good.replacen("\"en\": []", "\"en\": [\"en-GB\"]", 1),
                ),
            ] {
                assert_ne!(bad, good, "{name}");
                files.push((write(format!("{name}.json"), &bad), false));
            }
        }
        cases.push((schema, files));
    }
    for (schema, files) in &cases {
        let paths: Vec<PathBuf> = files.iter().map(|(f, _)| f.clone()).collect();
        for ((file, valid), (verdict, errors)) in files.iter().zip(validate(schema, &paths)) {
            assert_eq!(verdict, Some(*valid), "{}: {errors}", file.display());
        }
    }
}
