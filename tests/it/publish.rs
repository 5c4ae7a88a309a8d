//! Each generated package packs and installs the way its ecosystem publishes one,
//! offline, from a catalog written the way a user would: `npm pack` and a consumer
//! that installs the tarball, `cargo package`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{errcat, project, repo};

/// A catalog with the publishable targets, `options` (YAML lines) added to each
/// target entry, and the namespaces `app` and, with `billing`, `billing`.
fn catalog(options: &str, billing: bool) -> tempfile::TempDir {
    let targets = [
        ("typescript", "typescript", "package_name: \"@acme/errors\""),
        ("rust", "rust", "crate_name: acme-errors"),
    ];
    let mut yaml = String::from(
        "catalog: acme\nformat: 1\nversion: 2.3.4\nlocales: [en]\ndefault_locale: en\n\
         namespaces: [\"*.yaml\"]\ntargets:\n",
    );
    for (id, templates, name) in targets {
        yaml += &format!(
            "  - id: {id}\n    templates: {templates}\n    out: generated/{id}\n    options:\n      {name}\n"
        );
        for line in options.lines() {
            yaml += &format!("      {line}\n");
        }
    }
    let app =
        "namespace: app\nentries:\n  - code: 1001\n    name: NOT_FOUND\n    message: Not found\n";
    let billing_ns =
        "namespace: billing\nentries:\n  - code: 2001\n    name: DECLINED\n    message: Declined\n";
    let mut files = vec![("catalog.yaml", yaml.as_str()), ("app.yaml", app)];
    if billing {
        files.push(("billing.yaml", billing_ns));
    }
    let dir = project(&files);
    generate(dir.path());
    dir
}

fn generate(dir: &Path) {
    let out = errcat(dir, &["gen", "catalog.yaml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `program` in `dir`, with the repository's npm tools (TypeScript) on PATH;
/// panics with its output unless it succeeds.
fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let bin = repo().join("node_modules/.bin");
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let out = Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("PATH", path)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} in {}:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `npm pack` of the generated package (its `prepack` builds it, with the
/// repository's TypeScript as its installed dev dependency): the tarball and the
/// files it holds.
fn npm_pack(package: &Path, into: &Path) -> (PathBuf, Vec<String>) {
    let modules = package.join("node_modules");
    if !modules.exists() {
        std::os::unix::fs::symlink(repo().join("node_modules"), modules).unwrap();
    }
    let into_arg = into.to_str().unwrap();
    let out = run(
        package,
        "npm",
        &["pack", "--json", "--pack-destination", into_arg],
    );
    let packed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = packed[0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    (into.join(packed[0]["filename"].as_str().unwrap()), files)
}

/// A fresh checkout installs what `npm pack` needs: the build's `tsc` is a declared
/// dev dependency, which the installed TypeScript satisfies (npm calls an
/// undeclared one extraneous, and a checkout without it fails `tsc: not found`).
#[test]
fn the_npm_package_declares_the_typescript_its_build_runs() {
    let dir = catalog("", false);
    let package = dir.path().join("generated/typescript");
    std::os::unix::fs::symlink(repo().join("node_modules"), package.join("node_modules")).unwrap();
    let out = Command::new("npm")
        .current_dir(&package)
        .args(["ls", "typescript", "--json"])
        .output()
        .unwrap();
    let tree: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tree.get("problems"), None, "{tree:#}");
    assert!(
        tree["dependencies"]["typescript"]["version"].is_string(),
        "{tree:#}"
    );
}

/// `npm pack` builds and packs every file `main`, `types` and `exports` name, and
/// nothing a previous build left of a namespace the catalog no longer has; a
/// consumer installs the tarball and imports it as ES module, as CommonJS, and
/// with its types under `tsc`.
#[test]
fn the_npm_tarball_installs_and_imports_from_esm_cjs_and_typescript() {
    let dir = catalog("", true);
    let package = dir.path().join("generated/typescript");
    npm_pack(&package, dir.path());
    std::fs::remove_file(dir.path().join("billing.yaml")).unwrap();
    generate(dir.path());
    let (tarball, files) = npm_pack(&package, dir.path());
    let stale: Vec<_> = files.iter().filter(|f| f.contains("billing")).collect();
    assert!(stale.is_empty(), "a removed namespace is packed: {stale:?}");

    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(package.join("package.json")).unwrap())
            .unwrap();
    let exports = &manifest["exports"]["."];
    let named = [
        &manifest["main"],
        &manifest["module"],
        &manifest["types"],
        &exports["import"]["types"],
        &exports["import"]["default"],
        &exports["require"]["types"],
        &exports["require"]["default"],
    ];
    for path in named {
        let path = path.as_str().unwrap().trim_start_matches("./");
        assert!(files.iter().any(|f| f == path), "{path} not in {files:?}");
    }

    let consumer = dir.path().join("consumer");
    std::fs::create_dir(&consumer).unwrap();
    std::fs::write(
        consumer.join("package.json"),
        r#"{ "name": "consumer", "private": true }"#,
    )
    .unwrap();
    let tarball = tarball.to_str().unwrap();
    run(
        &consumer,
        "npm",
        &["install", "--offline", "--no-audit", "--no-fund", tarball],
    );
    let uses =
        "AppError.fromCode(1001) === NOT_FOUND && lookup(\"app\", 1001)?.name === \"NOT_FOUND\"";
    std::fs::write(
        consumer.join("esm.mjs"),
        format!(
            "import {{ AppError, lookup }} from \"@acme/errors\";\n\
             import {{ NOT_FOUND }} from \"@acme/errors/app\";\n\
             if (!({uses})) process.exit(1);\n"
        ),
    )
    .unwrap();
    std::fs::write(
        consumer.join("cjs.cjs"),
        format!(
            "const {{ AppError, lookup }} = require(\"@acme/errors\");\n\
             const {{ NOT_FOUND }} = require(\"@acme/errors/app\");\n\
             if (!({uses})) process.exit(1);\n"
        ),
    )
    .unwrap();
    run(&consumer, "node", &["esm.mjs"]);
    run(&consumer, "node", &["cjs.cjs"]);
    // The same source as ES module and as CommonJS: `tsc` resolves each through its
    // condition (`import` or `require`) to that build's declarations.
    for file in ["esm.mts", "cjs.cts"] {
        std::fs::write(
            consumer.join(file),
            "import { AppError, lookup } from \"@acme/errors\";\n\
             import { NOT_FOUND } from \"@acme/errors/app\";\n\
             const code: number | undefined = AppError.fromCode(1001);\n\
             export const ok: boolean = code === NOT_FOUND && lookup(\"app\", 1001)?.name === \"NOT_FOUND\";\n",
        )
        .unwrap();
    }
    run(
        &consumer,
        "tsc",
        &[
            "--noEmit",
            "--strict",
            "--module",
            "nodenext",
            "--moduleResolution",
            "nodenext",
            "--types",
            "",
            "esm.mts",
            "cjs.cts",
        ],
    );
}
