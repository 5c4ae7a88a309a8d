//! Built-in templates: embedded in the binary, overridable file by file from a
//! project's own `templates/<name>/`, and shipped in the package.

use std::path::Path;

use crate::support::repo;

const CATALOG: &str = "\
catalog: tiny
format: 1
root: ..
locales: [en]
default_locale: en
namespaces: [app.yaml]
targets:
  - { id: rust, templates: rust, out: generated/rust, options: { crate_name: tiny-codes } }
";

const NAMESPACE: &str = "\
namespace: app
entries:
  - { code: 1, name: NOT_FOUND, message: Not found }
  - { code: 2, name: DENIED, message: Access denied }
";

const LICENSE: &str = "// SPDX-License-Identifier: MIT";

/// A project outside the repository, so only the built-in templates can be found.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/catalog.yaml"), CATALOG).unwrap();
    std::fs::write(dir.path().join("schema/app.yaml"), NAMESPACE).unwrap();
    dir
}

fn render(root: &Path) -> Vec<(String, String)> {
    let checked = errcat::check(&root.join("schema/catalog.yaml"));
    let text = crate::support::diagnostics_text(&checked);
    let catalog = checked.catalog.unwrap_or_else(|| panic!("{text}"));
    errcat::render::generate(&catalog)
        .unwrap()
        .into_iter()
        .map(|r| (r.path.display().to_string(), r.text))
        .collect()
}

#[test]
fn one_overridden_template_changes_only_its_file() {
    let p = project();
    let built_in = render(p.path());
    assert!(built_in.len() >= 3, "{built_in:?}");

    let lib = errcat::load::builtin::file("rust", "lib.rs.tera").unwrap();
    std::fs::create_dir_all(p.path().join("templates/rust")).unwrap();
    std::fs::write(
        p.path().join("templates/rust/lib.rs.tera"),
        format!("{LICENSE}\n{lib}"),
    )
    .unwrap();
    let overridden = render(p.path());

    assert_eq!(
        built_in.iter().map(|f| &f.0).collect::<Vec<_>>(),
        overridden.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((path, before), (_, after)) in built_in.iter().zip(&overridden) {
        if path == "src/lib.rs" {
            assert_eq!(after, &format!("{LICENSE}\n{before}"));
        } else {
            assert_eq!(after, before, "{path}");
        }
    }
}

#[test]
fn an_overriding_template_is_named_by_its_project_path_in_errors() {
    let p = project();
    std::fs::create_dir_all(p.path().join("templates/rust")).unwrap();
    std::fs::write(
        p.path().join("templates/rust/lib.rs.tera"),
        "line one\n{{ catalog.id | nope }}\n",
    )
    .unwrap();
    let out = crate::support::errcat(p.path(), &["gen"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--> templates/rust/lib.rs.tera:2:"), "{err}");
    assert!(!p.path().join("generated").exists());
}

#[test]
fn a_project_target_yaml_replaces_the_built_in_one() {
    let p = project();
    std::fs::create_dir_all(p.path().join("templates/rust")).unwrap();
    // Only the Cargo manifest: the other built-in templates stay available but unused.
    let manifest = errcat::load::builtin::file("rust", "target.yaml").unwrap();
    let (head, _) = manifest.split_once("  - template: lib.rs.tera").unwrap();
    std::fs::write(p.path().join("templates/rust/target.yaml"), head).unwrap();
    let files = render(p.path());
    assert_eq!(
        files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["Cargo.toml"]
    );
}

/// A file of an overriding directory that replaces no built-in template and that
/// nothing uses (a misspelt override) is an error naming the closest template; a
/// new template an override includes, one of components, and one the target's
/// `files:` lists are not.
#[test]
fn a_misnamed_override_is_refused_an_added_template_in_use_is_not() {
    let p = project();
    let dir = p.path().join("templates/rust");
    std::fs::create_dir_all(&dir).unwrap();
    let lib = errcat::load::builtin::file("rust", "lib.rs.tera").unwrap();
    std::fs::write(dir.join("lib.rs.tara"), format!("{LICENSE}\n{lib}")).unwrap();
    let out = crate::support::errcat(p.path(), &["gen"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[unknown-template]: `lib.rs.tara` replaces no template of the built-in set `rust`, and nothing renders or includes it\n --> templates/rust/lib.rs.tara:1:1")
            && err.contains("help: did you mean `lib.rs.tera`?"),
        "{err}"
    );
    assert!(!p.path().join("generated").exists());

    std::fs::rename(dir.join("lib.rs.tara"), dir.join("lib.rs.tera")).unwrap();
    let with_license = lib.replacen(
        "{{ catalog.header }}\n",
        "{{ catalog.header }}\n{% include \"license.tera\" %}{{ <notice /> }}\n",
        1,
    );
    std::fs::write(dir.join("lib.rs.tera"), with_license).unwrap();
    std::fs::write(dir.join("license.tera"), LICENSE).unwrap();
    std::fs::write(
        dir.join("notice.tera"),
        "{% component notice() %}// Notice{% endcomponent notice %}",
    )
    .unwrap();
    std::fs::write(dir.join("extra.txt.tera"), "{{ catalog.header }}\n").unwrap();
    // What an editor leaves beside a template being edited is no template: a vim
    // swap file (not even UTF-8), an emacs autosave, a backup, a hidden directory.
    std::fs::write(dir.join(".lib.rs.tera.swp"), b"b0VIM 9.0\xff\xfe\0").unwrap();
    std::fs::write(dir.join("#lib.rs.tera#"), "{{ broken").unwrap();
    std::fs::write(dir.join("lib.rs.tera~"), "{{ broken").unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let catalog = CATALOG.replace(
        "options: { crate_name: tiny-codes } }",
        "options: { crate_name: tiny-codes },\n    files: [{ template: lib.rs.tera, path: src/lib.rs }, { template: extra.txt.tera, path: extra.txt }] }",
    );
    std::fs::write(p.path().join("schema/catalog.yaml"), catalog).unwrap();
    let rendered = render(p.path());
    let lib_rs = &rendered.iter().find(|f| f.0 == "src/lib.rs").unwrap().1;
    assert!(lib_rs.contains(&format!("{LICENSE}// Notice")), "{lib_rs}");
    assert!(rendered.iter().any(|f| f.0 == "extra.txt"));
}

#[test]
fn an_unknown_template_set_lists_the_built_in_ones() {
    let p = project();
    let catalog = CATALOG.replace("templates: rust", "templates: cobol");
    std::fs::write(p.path().join("schema/catalog.yaml"), catalog).unwrap();
    let out = crate::support::errcat(p.path(), &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("template directory `templates/cobol` does not exist"),
        "{err}"
    );
    // Every template set shipped under templates/ is built in, and named.
    let mut shipped: Vec<String> = std::fs::read_dir(crate::support::repo().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    shipped.sort();
    assert!(err.contains(&shipped.join(", ")), "{err}");
}

#[test]
fn every_template_is_embedded_and_packaged() {
    let templates = repo().join("templates");
    let mut on_disk = Vec::new();
    for set in std::fs::read_dir(&templates).unwrap() {
        let set = set.unwrap().path();
        for file in std::fs::read_dir(&set).unwrap() {
            let file = file.unwrap().path();
            let rel = file.strip_prefix(repo()).unwrap().display().to_string();
            let (name, set) = (file.file_name().unwrap(), set.file_name().unwrap());
            let text = std::fs::read_to_string(&file).unwrap();
            assert_eq!(
                errcat::load::builtin::file(&set.to_string_lossy(), &name.to_string_lossy()),
                Some(text.as_str()),
                "{rel} is not embedded as it stands"
            );
            on_disk.push(rel);
        }
    }
    assert!(on_disk.len() > 20, "{on_disk:?}");
    // What `cargo install errcat` would build from: the package's file list.
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "package",
            "--list",
            "--allow-dirty",
            "--offline",
            "-p",
            "errcat",
        ])
        .current_dir(repo())
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for rel in &on_disk {
        assert!(listed.lines().any(|l| l == rel), "{rel} is not packaged");
    }
    assert!(listed.lines().any(|l| l == "build.rs"));
}

/// The `{placeholders}` in a text, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

/// A built-in option of kind `locale-map` (the docs' page words) gives every locale
/// it ships the keys of its first, each of the same kind, and each text with the
/// first's `{placeholders}`: a translation that dropped `{language}` would print
/// no language, and a locale without a word would show another language's.
#[test]
fn built_in_locale_maps_give_every_locale_the_first_ones_keys_and_placeholders() {
    let mut checked = 0;
    for set in errcat::load::builtin::names() {
        let text = errcat::load::builtin::file(set, "target.yaml").unwrap();
        let manifest: serde_json::Value = serde_saphyr::from_str(text).unwrap();
        let kinds = manifest["option_kinds"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (option, _) in kinds.iter().filter(|(_, k)| *k == "locale-map") {
            let entries = manifest["options"][option].as_object().unwrap();
            let (first_tag, first) = entries.iter().next().unwrap();
            let first = first.as_object().unwrap();
            for (tag, entry) in entries {
                let entry = entry.as_object().unwrap();
                let keys = |m: &serde_json::Map<String, serde_json::Value>| {
                    m.keys().cloned().collect::<std::collections::BTreeSet<_>>()
                };
                assert_eq!(
                    keys(entry),
                    keys(first),
                    "{set} {option}.{tag} against {first_tag}"
                );
                for (key, word) in entry {
                    let like = &first[key];
                    match (word, like) {
                        (serde_json::Value::String(w), serde_json::Value::String(l)) => assert_eq!(
                            placeholders(w),
                            placeholders(l),
                            "{set} {option}.{tag}.{key}: {w}"
                        ),
                        (serde_json::Value::Object(w), serde_json::Value::Object(l)) => {
                            assert_eq!(keys(w), keys(l), "{set} {option}.{tag}.{key}")
                        }
                        _ => panic!("{set} {option}.{tag}.{key} is not of its kind in {first_tag}"),
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "{checked} locales' words checked");
}

/// docs/target-options.md lists what the built-in target.yaml files declare: every
/// option, and every page word of the docs target.
#[test]
fn the_options_page_is_current() {
    let path = repo().join(errcat::options_doc::REPO_PATH);
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    assert!(
        committed == errcat::options_doc::page(),
        "{} is stale: run `cargo xtask gen` and commit",
        path.display()
    );
}

/// Every option of a built-in set says what it is for (the options page shows it),
/// and a project's target.yaml may not document an option it does not declare.
#[test]
fn every_built_in_option_is_documented() {
    for set in errcat::load::builtin::names() {
        let text = errcat::load::builtin::file(set, "target.yaml").unwrap();
        let m: errcat::load::raw::RawTemplateManifest = serde_saphyr::from_str(text).unwrap();
        for name in m.options.keys() {
            assert!(
                m.option_docs.contains_key(name),
                "templates/{set}/target.yaml: option `{name}` has no line under `option_docs:`"
            );
        }
    }
    let dir = project();
    let manifest = dir.path().join("templates/rust/target.yaml");
    std::fs::create_dir_all(manifest.parent().unwrap()).unwrap();
    let rust = errcat::load::builtin::file("rust", "target.yaml").unwrap();
    let rust = rust.replace("option_docs:\n", "option_docs:\n  edition: The edition.\n");
    std::fs::write(&manifest, rust).unwrap();
    let checked = errcat::check(&dir.path().join("schema/catalog.yaml"));
    let text = crate::support::diagnostics_text(&checked);
    assert!(
        text.contains(
            "error[target-config]: `option_docs` names `edition`, which `options:` does not declare"
        ),
        "{text}"
    );
}
