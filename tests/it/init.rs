//! `errcat init` then `errcat gen` in an empty directory outside the repository (so
//! only the built-in templates exist): the generated Rust, Java and TypeScript compile.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{errcat, repo};

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out
}

#[test]
fn init_then_gen_compiles_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(!p.starts_with(repo()));

    let out = errcat(p, &["init"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("created schema/catalog.yaml"), "{err}");
    assert!(err.contains("next: `errcat gen`"), "{err}");
    // The targets it names are the catalog's, every one.
    let catalog = std::fs::read_to_string(p.join("schema/catalog.yaml")).unwrap();
    let ids: Vec<&str> = catalog
        .lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .collect();
    assert!(ids.len() >= 5, "{catalog}");
    assert!(
        err.contains(&format!("writes generated/ (targets {})", ids.join(", "))),
        "{err}"
    );

    // Each YAML file names the schema next to it, and that is `errcat schema`'s output.
    let schema = String::from_utf8(errcat(p, &["schema"]).stdout).unwrap();
    for file in ["schema/catalog.yaml", "schema/app.yaml"] {
        let text = std::fs::read_to_string(p.join(file)).unwrap();
        let first = text.lines().next().unwrap();
        let named = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{file} starts with {first}"));
        let named = p.join(file).parent().unwrap().join(named);
        assert_eq!(std::fs::read_to_string(named).unwrap(), schema, "{file}");
    }

    // The starter catalog checks clean, counted in words that agree with the numbers.
    let out = errcat(p, &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("ok: 1 namespace, 3 codes"), "{err}");
    let out = errcat(p, &["lint"]);
    let lint = String::from_utf8_lossy(&out.stdout);
    assert!(lint.contains("\n1 namespace, 3 codes;"), "{lint}");

    let out = errcat(p, &["gen"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert!(!p.join("templates").exists());
    let generated = p.join("generated");

    // Rust: the crate builds on its own, warnings denied.
    run(Command::new(env!("CARGO"))
        .args(["build", "--offline", "--quiet", "--manifest-path"])
        .arg(generated.join("rust/Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo().join("target/init-acceptance"))
        .env("RUSTFLAGS", "-D warnings"));

    // Java 17 with every lint an error.
    let classes = p.join("classes");
    run(Command::new("javac")
        .args(["--release", "17", "-Xlint:all", "-Werror", "-d"])
        .arg(&classes)
        .args(files_under(&generated.join("java"), "java")));
    assert!(!files_under(&classes, "class").is_empty());

    // TypeScript, strictly.
    let tsc = repo().join("node_modules/.bin/tsc");
    assert!(
        tsc.exists(),
        "node_modules/.bin/tsc is missing: run `npm ci`"
    );
    run(Command::new(tsc)
        .arg("-p")
        .arg(generated.join("typescript"))
        .args(["--strict", "--noUncheckedIndexedAccess", "--outDir"])
        .arg(p.join("ts-out")));
    assert!(p.join("ts-out/index.js").exists());
}

#[test]
fn init_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("schema")).unwrap();
    std::fs::write(p.join("schema/app.yaml"), "mine\n").unwrap();

    let out = errcat(p, &["init"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "schema/app.yaml already exists; errcat init writes nothing over existing files"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(p.join("schema/app.yaml")).unwrap(),
        "mine\n"
    );
    let left: Vec<_> = std::fs::read_dir(p.join("schema")).unwrap().collect();
    assert_eq!(left.len(), 1, "init wrote something: {left:?}");
}

/// A project whose catalog moved out of schema/ (`git mv schema errors`) gets no
/// second catalog beside it, and a catalog.yaml that is not errcat's is no reason.
#[test]
fn init_starts_no_second_catalog_beside_a_moved_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("ops")).unwrap();
    std::fs::write(p.join("ops/catalog.yaml"), "entries: []\n").unwrap();
    std::fs::create_dir_all(p.join("errors")).unwrap();
    std::fs::write(p.join("errors/catalog.yaml"), "catalog: shop\nformat: 1\n").unwrap();

    let out = errcat(p, &["init"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err,
        "error: this project already has a catalog (errors/catalog.yaml); errcat init would \
         start a second one in schema/ beside it, and wrote nothing\n\
         help: use that catalog (`errcat gen errors/catalog.yaml`), or start a new catalog in \
         a directory of its own (`errcat init path/to/project`)\n"
    );
    assert!(!p.join("schema").exists());
    std::fs::remove_dir_all(p.join("errors")).unwrap();
    let out = errcat(p, &["init"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn init_creates_the_directory_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = errcat(dir.path(), &["init", "new/project"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("next: `cd new/project && errcat gen`"),
        "{err}"
    );
    let out = errcat(&dir.path().join("new/project"), &["check"]);
    crate::support::assert_success(&out);
}

/// The catalog `errcat init` writes is where a new user learns what `templates:` may
/// name: every built-in set, and a set of their own for a language errcat lacks.
#[test]
fn init_catalog_names_every_template_set_and_a_set_of_ones_own() {
    let dir = tempfile::tempdir().unwrap();
    let out = errcat(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0));
    let catalog = std::fs::read_to_string(dir.path().join("schema/catalog.yaml")).unwrap();
    let sets = catalog
        .split("built-in template sets (")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_else(|| panic!("no list of template sets:\n{catalog}"));
    let mut named: Vec<&str> = sets.split(", ").collect();
    named.sort_unstable();
    let mut builtin: Vec<String> = std::fs::read_dir(repo().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    builtin.sort_unstable();
    assert_eq!(named, builtin);
    assert!(
        catalog.contains("a new language is a directory templates/<name>/"),
        "{catalog}"
    );
}

/// A project before its first codes: the starter catalog with `namespaces: []`
/// generates every built-in target (their code is compiled and checked by
/// `cargo xtask conformance starter`).
#[test]
fn a_catalog_without_namespaces_generates_every_target() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert_eq!(errcat(p, &["init", "--quiet"]).status.code(), Some(0));
    let path = p.join("schema/catalog.yaml");
    let catalog = std::fs::read_to_string(&path).unwrap();
    let list = catalog.find("\nnamespaces:\n").expect("a namespaces list") + 1;
    let end = catalog[list..]
        .find("\n# ")
        .map_or(catalog.len(), |i| list + i + 1);
    let emptied = format!("{}namespaces: []\n{}", &catalog[..list], &catalog[end..]);
    std::fs::write(&path, emptied).unwrap();
    let out = errcat(p, &["gen"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let ids = catalog
        .lines()
        .filter(|l| l.starts_with("  - id: "))
        .count();
    let dirs = std::fs::read_dir(p.join("generated")).unwrap().count();
    assert_eq!(dirs, ids, "{err}");
}

/// The starter catalog names every option of each target it gives options to, set
/// or commented out with a value to start from, and each commented one is valid as
/// written: the starter keeps up with the targets' `options:`.
#[test]
fn init_catalog_shows_every_option_of_its_targets_and_each_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(errcat(dir.path(), &["init"]).status.code(), Some(0));
    let path = dir.path().join("schema/catalog.yaml");
    let starter = std::fs::read_to_string(&path).unwrap();
    // An option commented out sits at an option's indentation: `      # license: MIT`.
    let uncommented: String = starter
        .lines()
        .map(|l| match l.strip_prefix("      # ") {
            Some(rest) if rest.split_once(": ").is_some_and(|(k, _)| !k.contains(' ')) => {
                format!("      {rest}\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    assert_ne!(uncommented, starter, "no option is commented out");
    std::fs::write(&path, &uncommented).unwrap();
    let out = errcat(dir.path(), &["check"]);
    crate::support::assert_success(&out);
    let catalog: serde_json::Value = serde_saphyr::from_str(&uncommented).unwrap();
    for target in catalog["targets"].as_array().unwrap() {
        let Some(options) = target["options"].as_object() else {
            continue;
        };
        let set = target["templates"].as_str().unwrap();
        let manifest =
            std::fs::read_to_string(repo().join("templates").join(set).join("target.yaml"))
                .unwrap();
        let manifest: serde_json::Value = serde_saphyr::from_str(&manifest).unwrap();
        let mut declared: Vec<&String> = manifest["options"].as_object().unwrap().keys().collect();
        let mut shown: Vec<&String> = options.keys().collect();
        declared.sort();
        shown.sort();
        assert_eq!(shown, declared, "target {set}");
    }
}
