//! Each generated package packs and installs the way its ecosystem publishes one,
//! offline, from a catalog written the way a user would: `npm pack` and a consumer
//! that installs the tarball, `cargo package`, and the pack and metadata scripts of
//! `tests/fixtures/publish/` for the template sets errcat knows from templates alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{errcat, project, repo};

/// The namespace every test catalog has.
const APP: &str =
    "namespace: app\nentries:\n  - code: 1001\n    name: NOT_FOUND\n    message: Not found\n";

/// A catalog of `version` (a `version:` line, or none) with the publishable
/// targets, `options` (YAML lines) added to each target entry, and the namespaces
/// `app` and, with `billing`, `billing`.
fn catalog(version: &str, options: &str, billing: bool) -> tempfile::TempDir {
    let targets = [
        ("typescript", "typescript", "package_name: \"@acme/errors\""),
        ("rust", "rust", "crate_name: acme-errors"),
    ];
    let mut yaml = format!(
        "catalog: acme\nformat: 1\n{version}locales: [en]\ndefault_locale: en\n\
         namespaces: [\"*.yaml\"]\ntargets:\n"
    );
    for (id, templates, name) in targets {
        yaml += &format!(
            "  - id: {id}\n    templates: {templates}\n    out: generated/{id}\n    options:\n      {name}\n"
        );
        for line in options.lines() {
            yaml += &format!("      {line}\n");
        }
    }
    let billing_ns =
        "namespace: billing\nentries:\n  - code: 2001\n    name: DECLINED\n    message: Declined\n";
    let mut files = vec![("catalog.yaml", yaml.as_str()), ("app.yaml", APP)];
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

/// A consumer project in `dir`, with the tarball installed as npm installs a package.
fn install(dir: &Path, tarball: &Path) -> PathBuf {
    let consumer = dir.join("consumer");
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
    consumer
}

/// A bundler keeps only the namespaces a consumer uses, imported from the package
/// root too: the package has no side effects, and nothing at its top level reads a
/// namespace module (a computed key `[X.namespaceId]` did, and kept them all).
#[test]
fn a_bundle_holds_only_the_namespaces_it_uses() {
    let dir = catalog("version: 2.3.4\n", "", true);
    let (tarball, _) = npm_pack(&dir.path().join("generated/typescript"), dir.path());
    let consumer = install(dir.path(), &tarball);
    std::fs::write(
        consumer.join("app.mjs"),
        "import { BillingError } from \"@acme/errors\";\n\
         console.log(BillingError.message(BillingError.DECLINED));\n",
    )
    .unwrap();
    run(
        &consumer,
        "esbuild",
        &[
            "app.mjs",
            "--bundle",
            "--format=esm",
            "--outfile=bundle.mjs",
        ],
    );
    let bundle = std::fs::read_to_string(consumer.join("bundle.mjs")).unwrap();
    assert!(
        bundle.contains("Declined") && !bundle.contains("Not found"),
        "{bundle}"
    );
    let out = run(&consumer, "node", &["bundle.mjs"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Declined\n");
}

/// A fresh checkout installs what `npm pack` needs: the build's `tsc` is a declared
/// dev dependency, which the installed TypeScript satisfies (npm calls an
/// undeclared one extraneous, and a checkout without it fails `tsc: not found`).
#[test]
fn the_npm_package_declares_the_typescript_its_build_runs() {
    let dir = catalog("version: 2.3.4\n", "", false);
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
    let dir = catalog("version: 2.3.4\n", "", true);
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

    let consumer = install(dir.path(), &tarball);
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
    // The shared runtime module is the package's own business: `./*` exports every
    // namespace module but not it, so consumers can't come to depend on it.
    let unexported = "(e) => process.exit(e.code === \"ERR_PACKAGE_PATH_NOT_EXPORTED\" ? 0 : 2)";
    std::fs::write(
        consumer.join("internal.mjs"),
        format!("import(\"@acme/errors/_errcat\").then(() => process.exit(1), {unexported});\n"),
    )
    .unwrap();
    std::fs::write(
        consumer.join("internal.cjs"),
        format!("try {{ require(\"@acme/errors/_errcat\"); process.exit(1); }} catch (e) {{ ({unexported})(e); }}\n"),
    )
    .unwrap();
    run(&consumer, "node", &["internal.mjs"]);
    run(&consumer, "node", &["internal.cjs"]);
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

/// `cargo metadata` of the generated crate, as cargo reads its manifest.
fn crate_metadata(dir: &Path) -> serde_json::Value {
    let out = run(
        &dir.join("generated/rust"),
        "cargo",
        &[
            "metadata",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
        ],
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    metadata["packages"][0].clone()
}

/// `npm pkg get` of the generated package.json's `fields`.
fn npm_fields(dir: &Path, fields: &[&str]) -> serde_json::Value {
    let mut args = vec!["pkg", "get"];
    args.extend(fields);
    let out = run(&dir.join("generated/typescript"), "npm", &args);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The target option `license` reaches Cargo.toml and package.json, and the
/// catalog's `docs.base_url` is both packages' home page; with them the crate is
/// publishable and `cargo package` misses no metadata crates.io requires or
/// recommends, and both take the catalog's version.
#[test]
fn a_license_makes_the_crate_publishable_and_reaches_both_manifests() {
    let dir = catalog(
        "version: 2.3.4\ndocs:\n  base_url: https://acme.dev/errors\n",
        "license: MIT OR Apache-2.0",
        false,
    );
    let krate = crate_metadata(dir.path());
    assert_eq!(krate["license"], "MIT OR Apache-2.0");
    assert_eq!(krate["homepage"], "https://acme.dev/errors/");
    assert_eq!(
        krate["publish"],
        serde_json::Value::Null,
        "publishable anywhere"
    );
    assert_eq!(krate["version"], "2.3.4");
    let npm = npm_fields(dir.path(), &["license", "version", "homepage"]);
    assert_eq!(
        npm,
        serde_json::json!({
            "license": "MIT OR Apache-2.0",
            "version": "2.3.4",
            "homepage": "https://acme.dev/errors/",
        })
    );
    let packed = run(
        &dir.path().join("generated/rust"),
        "cargo",
        &["package", "--offline", "--no-verify", "--allow-dirty"],
    );
    let stderr = String::from_utf8_lossy(&packed.stderr);
    // crates.io requires a description and a license, and recommends a home page
    // ("manifest has no documentation, homepage or repository").
    assert!(!stderr.contains("license"), "{stderr}");
    assert!(!stderr.contains("homepage"), "{stderr}");
}

/// A text option reaches a manifest as written, whatever it holds: a manifest's
/// strings are escaped as TOML or JSON, not as the target language's literals
/// (Rust's `\u{202e}` is no TOML, TypeScript's no JSON).
const ODD_LICENSE: &str = "MIT\u{202e}\u{1} \"q\" \\";

#[test]
fn an_odd_license_reaches_both_manifests_as_written() {
    let dir = catalog("", "license: \"MIT\\u202e\\u0001 \\\"q\\\" \\\\\"", false);
    assert_eq!(crate_metadata(dir.path())["license"], ODD_LICENSE);
    assert_eq!(npm_fields(dir.path(), &["license"]), ODD_LICENSE);
}

/// Without a license the crate is not publishable (crates.io would refuse it), and
/// its manifest says which option makes it so; without a catalog `version:` the
/// crate and the npm package have one version, 0.0.0.
#[test]
fn without_a_license_the_crate_says_which_option_publishes_it() {
    let dir = catalog("", "", false);
    let krate = crate_metadata(dir.path());
    assert_eq!(krate["publish"], serde_json::json!([]), "publish = false");
    let manifest = std::fs::read_to_string(dir.path().join("generated/rust/Cargo.toml")).unwrap();
    assert!(manifest.contains("`license`\n# option"), "{manifest}");
    assert_eq!(krate["version"], "0.0.0");
    assert_eq!(npm_fields(dir.path(), &["version"]), "0.0.0");
    assert_eq!(npm_fields(dir.path(), &["license"]), serde_json::json!({}));
    assert_eq!(krate["homepage"], serde_json::Value::Null);
    assert_eq!(npm_fields(dir.path(), &["homepage"]), serde_json::json!({}));
}

/// The scripts of `tests/fixtures/publish/<kind>/`, each with the template set it is
/// named for; at least one.
fn set_scripts(kind: &str) -> Vec<(String, PathBuf)> {
    let dir = repo().join("tests/fixtures/publish").join(kind);
    let mut scripts: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let script = entry.unwrap().path();
            let set = script.file_name().unwrap().to_string_lossy().into_owned();
            (set, script)
        })
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no script in {}", dir.display());
    scripts
}

/// Every template set with a script in `tests/fixtures/publish/pack/` (named for the
/// set) packs as its ecosystem publishes, offline: the script gets the generated
/// directory of a catalog whose one target renders that set with its default
/// options, a scratch directory and the catalog's version, and installs and
/// imports what it packed.
#[test]
fn each_template_set_with_a_pack_script_packs_and_installs() {
    for (set, script) in set_scripts("pack") {
        let yaml = format!(
            "catalog: acme\nformat: 1\nversion: 2.3.4\nlocales: [en]\ndefault_locale: en\n\
             namespaces: [\"*.yaml\"]\ntargets:\n  - id: {set}\n    templates: {set}\n    out: out\n"
        );
        let dir = project(&[("catalog.yaml", yaml.as_str()), ("app.yaml", APP)]);
        generate(dir.path());
        let scratch = dir.path().join("scratch");
        std::fs::create_dir(&scratch).unwrap();
        let out = dir.path().join("out");
        let args = [out.to_str().unwrap(), scratch.to_str().unwrap(), "2.3.4"];
        run(dir.path(), script.to_str().unwrap(), &args);
    }
}

/// Every template set with a script in `tests/fixtures/publish/metadata/` (named for
/// the set) carries the `license` option and the catalog's `docs.base_url` and
/// version into its package's manifest: the script prints them as its ecosystem's
/// tools read them, null for what the manifest lacks.
#[test]
fn each_template_set_with_a_metadata_script_declares_license_home_page_and_version() {
    for (set, script) in set_scripts("metadata") {
        for (head, options, expected) in [
            (
                "version: 2.3.4\ndocs:\n  base_url: https://acme.dev/errors\n",
                "    options:\n      license: MIT OR Apache-2.0\n",
                serde_json::json!({
                    "license": "MIT OR Apache-2.0",
                    "homepage": "https://acme.dev/errors/",
                    "version": "2.3.4",
                }),
            ),
            (
                "",
                "",
                serde_json::json!({ "license": null, "homepage": null, "version": "0.0.0" }),
            ),
            (
                "",
                "    options:\n      license: \"MIT\\u202e\\u0001 \\\"q\\\" \\\\\"\n",
                serde_json::json!({ "license": ODD_LICENSE, "homepage": null, "version": "0.0.0" }),
            ),
        ] {
            let yaml = format!(
                "catalog: acme\nformat: 1\n{head}locales: [en]\ndefault_locale: en\n\
                 namespaces: [\"*.yaml\"]\ntargets:\n  - id: {set}\n    templates: {set}\n    out: out\n{options}"
            );
            let dir = project(&[("catalog.yaml", yaml.as_str()), ("app.yaml", APP)]);
            generate(dir.path());
            let out = dir.path().join("out");
            let printed = run(
                dir.path(),
                script.to_str().unwrap(),
                &[out.to_str().unwrap()],
            );
            let read: serde_json::Value = serde_json::from_slice(&printed.stdout)
                .unwrap_or_else(|e| panic!("{}: {e}", script.display()));
            assert_eq!(read, expected, "{set} with\n{yaml}");
        }
    }
}

/// The built-in template sets whose target.yaml declares a `license` option.
fn sets_with_a_license() -> Vec<String> {
    let mut sets = Vec::new();
    for entry in std::fs::read_dir(repo().join("templates")).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(dir.join("target.yaml")) else {
            continue;
        };
        let manifest: errcat::load::raw::RawTemplateManifest =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        if manifest.option_kinds.contains_key("license") {
            sets.push(dir.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    sets.sort();
    sets
}

/// A `license` that is not text is refused at the catalog line that set it, for
/// each target that takes one, not as a template error inside a built-in template.
#[test]
fn a_license_that_is_not_text_is_refused_where_the_catalog_sets_it() {
    let sets = sets_with_a_license();
    assert!(sets.len() >= 3, "{sets:?}");
    for set in sets {
        let yaml = format!(
            "catalog: acme\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n\
             targets:\n  - id: {set}\n    templates: {set}\n    out: out\n    options:\n      license: [MIT]\n"
        );
        let dir = project(&[("catalog.yaml", yaml.as_str()), ("app.yaml", APP)]);
        let out = errcat(dir.path(), &["gen", "catalog.yaml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(
            stderr.contains("error[invalid-option]: option `license`")
                && stderr.contains("--> catalog.yaml:11:16"),
            "{stderr}"
        );
        assert!(!dir.path().join("out").exists());
    }
}
