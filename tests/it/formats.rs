//! `--format json|github` as CI reads them: every line a record or an annotation, files
//! named from the repository's root, fatal errors included, `--deny-warnings` and
//! `--quiet` alike in every format.

use std::path::Path;

use crate::diff::git;
use crate::support::{errcat, errcat_env, repo, text};

/// The JSON records of a run's stderr, each line one.
fn records(stderr: &str) -> Vec<serde_json::Value> {
    stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// A project in `mono/svc` of a git work tree, whose message 1002 ends in a space (a
/// warning): `mono`.
fn monorepo(tmp: &Path) -> std::path::PathBuf {
    let mono = tmp.join("mono");
    let svc = mono.join("svc");
    std::fs::create_dir_all(&svc).unwrap();
    git(&mono, &["init", "-q", "-b", "main"]);
    assert_eq!(errcat(&svc, &["init", "-q"]).status.code(), Some(0));
    let app = svc.join("schema/app.yaml");
    let text = std::fs::read_to_string(&app).unwrap();
    let spaced = text.replace("en: You may not do this,", "en: \"You may not do this \",");
    assert_ne!(text, spaced, "errcat init's example changed");
    std::fs::write(&app, spaced).unwrap();
    mono
}

#[test]
fn github_annotations_name_files_from_the_repository_root() {
    let tmp = tempfile::tempdir().unwrap();
    let mono = monorepo(tmp.path());
    let svc = mono.join("svc");
    let annotation = "::warning file=svc/schema/app.yaml,line=26,endLine=26,col=40,endColumn=40,title=trailing-whitespace::";
    // From the project, with and without GITHUB_WORKSPACE, and from below it.
    let runs = [
        errcat_env(
            &svc,
            &["check", "--format", "github"],
            &[("GITHUB_WORKSPACE", &mono)],
        ),
        errcat(&svc, &["check", "--format", "github"]),
        errcat(&svc.join("schema"), &["check", "--format", "github"]),
    ];
    for out in &runs {
        let (_, stderr) = text(out);
        assert!(stderr.starts_with(annotation), "{stderr}");
    }
    // gen --check names files that do not exist yet the same way.
    let (_, stderr) = text(&errcat(
        &svc.join("schema"),
        &["gen", "--check", "--format", "github"],
    ));
    assert!(
        stderr.contains("::error file=svc/generated/rust/Cargo.toml,title=missing-output::"),
        "{stderr}"
    );
    // GITHUB_WORKSPACE wins over the git top level; a file outside both is named as
    // errcat shows it, from the current directory.
    let (_, stderr) = text(&errcat_env(
        &svc,
        &["check", "--format", "github"],
        &[("GITHUB_WORKSPACE", &svc)],
    ));
    assert!(
        stderr.starts_with("::warning file=schema/app.yaml,"),
        "{stderr}"
    );
    std::fs::remove_dir_all(mono.join(".git")).unwrap();
    let (_, stderr) = text(&errcat(
        &svc.join("schema"),
        &["check", "--format", "github"],
    ));
    assert!(stderr.starts_with("::warning file=app.yaml,"), "{stderr}");
}

#[test]
fn fatal_errors_are_records_in_machine_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let none = tmp.path();
    let out = errcat(none, &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out).1,
        "::error::no schema/catalog.yaml here; run `errcat init`%0Ahelp: errcat looks for \
         schema/catalog.yaml, or an errcat catalog.yaml, in the current directory and its \
         parents; or pass the catalog file\n"
    );
    // Workflow-command escaping of the message.
    let (_, stderr) = text(&errcat(
        none,
        &["lint", "50%\r\n.yaml", "--format", "github"],
    ));
    assert!(
        stderr.starts_with("::error::no catalog at 50%25%0D%0A.yaml%0Ahelp: "),
        "{stderr}"
    );
    for args in [
        &["check", "--format", "json"][..],
        &["gen", "--format", "json"],
        // Against the working tree's catalog, which is not there either.
        &["diff", "HEAD", "--format", "json"],
    ] {
        let out = errcat(none, args);
        assert_eq!(out.status.code(), Some(2));
        let r = &records(&text(&out).1)[..];
        let [r] = r else { panic!("{r:?}") };
        assert_eq!(
            (&r["rule"], &r["level"], &r["message"], &r["related"]),
            (
                &serde_json::Value::Null,
                &serde_json::json!("error"),
                &serde_json::json!("no schema/catalog.yaml here; run `errcat init`"),
                &serde_json::json!([])
            )
        );
    }
    // A revision `--against` cannot read, and a catalog with errors.
    let mono = monorepo(none);
    let svc = mono.join("svc");
    let out = errcat(&svc, &["check", "--against", "nope", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&text(&out).1);
    assert!(
        r.len() == 1 && r[0]["message"].as_str().unwrap().contains("nope"),
        "{r:?}"
    );
    let app = svc.join("schema/app.yaml");
    let text_now = std::fs::read_to_string(&app).unwrap();
    std::fs::write(&app, text_now.replace("code: 1002", "code: 1001")).unwrap();
    let out = errcat(&svc, &["lint", "--format", "github"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.lines().all(|l| l.starts_with("::"))
            && stderr.ends_with("::error::fix the errors above to see the summary\n"),
        "{stderr}"
    );
}

#[test]
fn a_removed_code_is_annotated_on_its_namespace_in_the_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    let mono = monorepo(tmp.path());
    let svc = mono.join("svc");
    git(&mono, &["add", "."]);
    git(&mono, &["commit", "-q", "-m", "errcat"]);
    let app = svc.join("schema/app.yaml");
    let before = std::fs::read_to_string(&app).unwrap();
    let start = before.find("  - code: 1002\n").unwrap();
    let end = before.find("  # `{item_id}`").unwrap();
    std::fs::write(&app, format!("{}{}", &before[..start], &before[end..])).unwrap();
    let line = 1 + before
        .lines()
        .position(|l| l.starts_with("namespace:"))
        .unwrap();
    for args in [
        &["check", "--against", "HEAD", "--format", "github"][..],
        &["diff", "HEAD", "--format", "github"],
    ] {
        let out = errcat(&svc, args);
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.starts_with(&format!(
                "::error file=svc/schema/app.yaml,line={line},endLine={line},col=12,endColumn=14,title=breaking-change::\
                 code-removed: code 1002"
            )),
            "{args:?}: {stderr}"
        );
    }
    // JSON keeps the place in the revision, with the namespace's place now beside it.
    let out = errcat(&svc, &["diff", "HEAD", "--format", "json"]);
    let r = &records(&text(&out).1)[0];
    assert_eq!(r["file"], "HEAD:svc/schema/app.yaml");
    assert_eq!(r["related"][0]["file"], "schema/app.yaml");
}

/// A target or namespace removed exists only in the revision: its annotation goes to
/// the catalog's list in the checkout, where it was declared (`targets:`,
/// `namespaces:`), and JSON shows that place beside the old one.
#[test]
fn a_removed_target_or_namespace_is_annotated_on_the_catalogs_list() {
    let tmp = tempfile::tempdir().unwrap();
    let mono = monorepo(tmp.path());
    let svc = mono.join("svc");
    let schema = svc.join("schema");
    std::fs::write(
        schema.join("extra.yaml"),
        "namespace: extra\nentries:\n  - { code: 9001, name: X, message: { en: x, zh-CN: x } }\n",
    )
    .unwrap();
    let catalog = schema.join("catalog.yaml");
    let yaml = std::fs::read_to_string(&catalog).unwrap();
    let listed = yaml.replace("  - \"*.yaml\"\n", "  - app.yaml\n  - extra.yaml\n");
    assert_ne!(yaml, listed, "errcat init's example changed");
    std::fs::write(&catalog, &listed).unwrap();
    git(&mono, &["add", "."]);
    git(&mono, &["commit", "-q", "-m", "errcat"]);
    std::fs::remove_file(schema.join("extra.yaml")).unwrap();
    let now = listed.replace("  - extra.yaml\n", "");
    let now = &now[..now.find("  # The whole catalog as JSON").unwrap()];
    std::fs::write(&catalog, now).unwrap();
    let line_of = |s: &str| 1 + now.lines().position(|l| l == s).unwrap();
    let (targets, namespaces) = (line_of("  - id: rust"), line_of("  - app.yaml"));
    let (_, stderr) = text(&errcat(&svc, &["diff", "HEAD", "--format", "github"]));
    for expected in [
        format!(
            "::error file=svc/schema/catalog.yaml,line={namespaces},endLine={namespaces},col=5,endColumn=12,title=breaking-change::namespace-removed: namespace extra"
        ),
        format!(
            "::error file=svc/schema/catalog.yaml,line={targets},endLine={targets},col=9,endColumn=12,title=breaking-change::target-removed: target json"
        ),
    ] {
        assert!(
            stderr.lines().any(|l| l.starts_with(&expected)),
            "{expected}\n{stderr}"
        );
    }
    let out = errcat(&svc, &["diff", "HEAD", "--format", "json"]);
    let records = records(&text(&out).1);
    for (kind, file, label) in [
        (
            "namespace-removed",
            "HEAD:svc/schema/extra.yaml",
            "the catalog's `namespaces:` now",
        ),
        (
            "target-removed",
            "HEAD:svc/schema/catalog.yaml",
            "the catalog's `targets:` now",
        ),
    ] {
        let r = records
            .iter()
            .find(|r| r["message"].as_str().unwrap().starts_with(kind))
            .unwrap();
        assert_eq!(
            (
                &r["file"],
                &r["related"][0]["file"],
                &r["related"][0]["label"]
            ),
            (
                &serde_json::json!(file),
                &serde_json::json!("schema/catalog.yaml"),
                &serde_json::json!(label)
            ),
            "{r}"
        );
    }
}

#[test]
fn generated_file_records_have_rule_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let rules_of = |args: &[&str]| -> Vec<String> {
        records(&text(&errcat(p, args)).1)
            .iter()
            .map(|r| r["rule"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let check = ["gen", "--check", "--format", "json"];
    let missing = rules_of(&check);
    assert!(
        !missing.is_empty() && missing.iter().all(|r| r == "missing-output"),
        "{missing:?}"
    );
    assert_eq!(errcat(p, &["gen", "-q"]).status.code(), Some(0));
    // A hand edit, a stale file and an extra one (a generated file no target renders).
    let src = p.join("generated/rust/src");
    std::fs::copy(src.join("lib.rs"), src.join("old.rs")).unwrap();
    let lib = src.join("lib.rs");
    std::fs::write(&lib, std::fs::read_to_string(&lib).unwrap() + "// mine\n").unwrap();
    let app = p.join("schema/app.yaml");
    let yaml = std::fs::read_to_string(&app).unwrap();
    std::fs::write(
        &app,
        yaml.replace("The item does not exist", "No such item"),
    )
    .unwrap();
    let mut found = rules_of(&check);
    found.sort();
    found.dedup();
    assert_eq!(found, ["edited-output", "extra-output", "stale-output"]);
    let (_, stderr) = text(&errcat(p, &["gen", "--check", "--format", "github"]));
    assert!(
        stderr.contains(",title=extra-output::generated/rust/src/old.rs is extra"),
        "{stderr}"
    );
    // gen warns of the hand edit under the same id.
    let out = errcat(p, &["gen", "--format", "json"]);
    assert!(rules_of(&check).is_empty());
    let r = &records(&text(&out).1)[..];
    let [r] = r else { panic!("{r:?}") };
    assert_eq!(
        (&r["rule"], &r["level"]),
        (&"edited-output".into(), &"warning".into())
    );
    // --quiet drops that warning, in every format.
    std::fs::write(&lib, std::fs::read_to_string(&lib).unwrap() + "// mine\n").unwrap();
    let out = errcat(p, &["-q", "gen", "--format", "github"]);
    assert_eq!((out.status.code(), text(&out).1.as_str()), (Some(0), ""));
    // docs/use-errcat.md lists each id.
    let doc = std::fs::read_to_string(repo().join("docs/use-errcat.md")).unwrap();
    for id in errcat::rules::output::ALL {
        assert!(
            doc.contains(&format!("`{id}`")),
            "{id} is not in docs/use-errcat.md"
        );
    }
}

/// Runs errcat on the fixture of a warning: its exit code, stdout and stderr.
fn on_a_warning(args: &[&str]) -> (Option<i32>, String, String) {
    let out = errcat(&repo().join("tests/fixtures/rules/duplicate-message"), args);
    let (stdout, stderr) = text(&out);
    (out.status.code(), stdout, stderr)
}

#[test]
fn denied_warnings_are_errors_in_every_format() {
    // --deny-warnings: the warning that fails the run is an error.
    let (code, _, stderr) = on_a_warning(&["check", "catalog.yaml", "--deny-warnings"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("error[duplicate-message]: ")
            && stderr.contains("\nnote: a warning, made an error by `--deny-warnings`\n")
            && stderr.ends_with("\n1 error, 0 warnings\n"),
        "{stderr}"
    );
    let (code, _, stderr) = on_a_warning(&[
        "check",
        "catalog.yaml",
        "--deny-warnings",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(records(&stderr)[0]["level"], "error");
    let (code, _, stderr) = on_a_warning(&[
        "lint",
        "catalog.yaml",
        "--deny-warnings",
        "--format",
        "github",
    ]);
    assert_eq!(code, Some(1));
    assert!(stderr.starts_with("::error file="), "{stderr}");
}

#[test]
fn quiet_is_quiet_in_every_format() {
    // --quiet: a warning that does not fail the run is not shown, nor lint's summary.
    for format in ["human", "json", "github"] {
        for command in ["check", "lint"] {
            let (code, stdout, stderr) =
                on_a_warning(&["-q", command, "catalog.yaml", "--format", format]);
            assert_eq!(
                (code, stdout.as_str(), stderr.as_str()),
                (Some(0), "", ""),
                "{command} --format {format}"
            );
        }
    }
    let (_, _, stderr) = on_a_warning(&[
        "-q",
        "check",
        "catalog.yaml",
        "--deny-warnings",
        "--format",
        "json",
    ]);
    assert_eq!(records(&stderr).len(), 1, "{stderr}");
}

/// `-v` lines (files read, phase times) keep a machine stream parseable: JSON
/// records of level `debug`, GitHub `::debug::` commands.
#[test]
fn verbose_lines_are_records_in_machine_formats() {
    let (code, _, stderr) = on_a_warning(&[
        "-v",
        "check",
        "catalog.yaml",
        "--format",
        "json",
        "--no-cache",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let records = records(&stderr);
    let debug: Vec<_> = records.iter().filter(|r| r["level"] == "debug").collect();
    assert!(
        debug.iter().any(|r| r["message"] == "read: catalog.yaml")
            && debug.iter().any(|r| r["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("time: "))),
        "{stderr}"
    );
    assert!(
        records.iter().any(|r| r["rule"] == "duplicate-message"),
        "{stderr}"
    );
    let (_, _, stderr) = on_a_warning(&[
        "-v",
        "check",
        "catalog.yaml",
        "--format",
        "github",
        "--no-cache",
    ]);
    assert!(
        stderr.lines().all(|l| l.starts_with("::"))
            && stderr.contains("::debug::read: catalog.yaml\n"),
        "{stderr}"
    );
}

/// explain's result goes to stdout; with `--format json`, its errors are JSON records
/// on stderr like every other command's.
#[test]
fn explain_errors_are_records_in_json() {
    let empty = tempfile::tempdir().unwrap();
    let out = errcat(empty.path(), &["explain", "1004", "--format", "json"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(
        (out.status.code(), stdout.as_str()),
        (Some(2), ""),
        "{stderr}"
    );
    assert_eq!(records(&stderr)[0]["level"], "error", "{stderr}");
    let out = errcat(
        &repo(),
        &[
            "explain",
            "av.client/1001",
            "--namespace",
            "av.push",
            "--format",
            "json",
        ],
    );
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        records(&stderr)[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("--namespace asks for av.push")),
        "{stderr}"
    );
}

/// A JSON record names the namespace, code and locale it is about, so that a tool can
/// list a locale's missing translations without reading messages.
#[test]
fn records_name_the_namespace_code_and_locale() {
    let dir = crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en, ja]\ndefault_locale: en\nnamespaces: [app.yaml]\n",
        ),
        (
            "schema/app.yaml",
            "namespace: app\nentries:\n  - { code: 7, name: A, message: { en: Room full } }\n",
        ),
    ]);
    let out = errcat(dir.path(), &["check", "--format", "json"]);
    let all = records(&String::from_utf8_lossy(&out.stderr));
    let missing: Vec<_> = all
        .iter()
        .filter(|r| r["rule"] == "missing-translation")
        .collect();
    assert_eq!(missing.len(), 1, "{all:?}");
    assert_eq!(missing[0]["namespace"], "app");
    assert_eq!(missing[0]["code"], 7);
    assert_eq!(missing[0]["locale"], "ja");
}
