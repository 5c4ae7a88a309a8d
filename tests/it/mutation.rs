//! No input makes errcat panic: valid catalogs, mutated at random (fields removed, types
//! swapped, random unicode, huge numbers), get diagnostics or succeed.

use std::path::Path;

use proptest::prelude::*;

use crate::support::{copy_tree, repo};

#[derive(Clone, Debug)]
enum Op {
    DeleteLine(usize),
    DuplicateLine(usize),
    ReplaceValue(usize, String),
    InsertText(usize, String),
    /// The line's indentation as a tab: YAML refuses tabs there.
    TabIndent(usize),
    /// Text at the end of one of the line's keys (right before a `: `), and a new
    /// value after it: diagnostics read back from there, and a multi-byte character
    /// must not split.
    KeySuffix(usize, usize, String, String),
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        Just("99999999999999999999999999".to_string()),
        Just("-1.5e300".to_string()),
        Just("[1, [2, {x: y}]]".to_string()),
        Just("{ en: 1, zh-CN: [] }".to_string()),
        Just("~".to_string()),
        Just("true".to_string()),
        Just("&a [*a]".to_string()),
        Just("!!binary aGVsbG8=".to_string()),
        "\\PC{0,12}".prop_map(|s| format!("{s:?}")),
        "\\PC{0,12}",
    ]
}

/// Mostly multi-byte symbols, which are not identifier characters: random `\PC`
/// is mostly letters.
fn key_suffix() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec!["😀", "→", "—", "·", "€", "、", "\u{a0}x"])
            .prop_map(String::from),
        "\\PC{1,2}",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<usize>().prop_map(Op::DeleteLine),
        any::<usize>().prop_map(Op::DuplicateLine),
        (any::<usize>(), value()).prop_map(|(i, v)| Op::ReplaceValue(i, v)),
        (any::<usize>(), "\\PC{0,8}").prop_map(|(i, v)| Op::InsertText(i, v)),
        any::<usize>().prop_map(Op::TabIndent),
        (any::<usize>(), any::<usize>(), key_suffix(), value())
            .prop_map(|(i, k, v, w)| Op::KeySuffix(i, k, v, w)),
    ]
}

fn mutate(text: &str, ops: &[Op]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for op in ops {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match op {
            Op::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Op::DuplicateLine(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Op::ReplaceValue(i, v) => {
                let l = &mut lines[i % n];
                if let Some(colon) = l.find(": ") {
                    l.truncate(colon + 2);
                    l.push_str(v);
                }
            }
            Op::InsertText(i, v) => {
                let l = &mut lines[i % n];
                let at = l
                    .char_indices()
                    .map(|(b, _)| b)
                    .nth(v.len() % (l.chars().count() + 1))
                    .unwrap_or(l.len());
                l.insert_str(at, v);
            }
            Op::KeySuffix(i, k, v, w) => {
                let l = &mut lines[i % n];
                let colons: Vec<usize> = l.match_indices(": ").map(|(b, _)| b).collect();
                if !colons.is_empty() {
                    let colon = colons[k % colons.len()];
                    l.truncate(colon);
                    l.push_str(v);
                    l.push_str(": ");
                    l.push_str(w);
                }
            }
            Op::TabIndent(i) => {
                let l = &mut lines[i % n];
                let body = l.trim_start_matches(' ').len();
                let indented = l.len() - body;
                l.replace_range(..indented, "\t");
            }
        }
    }
    lines.join("\n")
}

fn run(dir: &Path) {
    let checked = errcat::check(&dir.join("schema/catalog.yaml"));
    // Rendering diagnostics must not panic either, and a valid model must render.
    let _ = errcat::diag::render(
        &checked.report,
        &checked.sources,
        errcat::diag::Format::Human,
        false,
    );
    let _ = errcat::diag::render(
        &checked.report,
        &checked.sources,
        errcat::diag::Format::Json,
        false,
    );
    if let Some(c) = &checked.catalog {
        assert!(!checked.report.has_errors());
        let _ = errcat::generate(c);
    }
}

proptest! {
    // ERRCAT_MUTATION_CASES raises the count for a long run; CI runs a sample.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("ERRCAT_MUTATION_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_catalogs_get_diagnostics_not_panics(target in 0..3usize, ops in proptest::collection::vec(op(), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join("templates"), &dir.path().join("templates"));
        copy_tree(&repo().join("tests/fixtures/golden"), &dir.path().join("schema"));
        let _ = std::fs::remove_dir_all(dir.path().join("schema/expected"));
        let cat = dir.path().join("schema/catalog.yaml");
        std::fs::write(&cat, std::fs::read_to_string(&cat).unwrap().replace("root: ../../..", "root: ..")).unwrap();
        let file = dir.path().join("schema").join(["catalog.yaml", "shop.yaml", "type.yaml"][target]);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, mutate(&text, &ops)).unwrap();
        run(dir.path());
    }

    /// A target's own target.yaml, declaring a generic profile, mutated the same way.
    #[test]
    fn mutated_generic_profiles_get_diagnostics_not_panics(ops in proptest::collection::vec(op(), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        generic_profile_project(dir.path());
        let file = dir.path().join("schema/templates/c/target.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, mutate(&text, &ops)).unwrap();
        run(dir.path());
    }
}

/// The C example target's project (a template set declaring a generic profile, with
/// `block_comment`) under `dir/schema`, with a namespace of placeholders and a
/// deprecated code, so that the profile names, escapes and comments what renders.
fn generic_profile_project(dir: &Path) {
    let schema = dir.join("schema");
    copy_tree(&repo().join("tests/fixtures/c-target"), &schema);
    std::fs::write(
        schema.join("register.yaml"),
        "namespace: register\ntitle: Register\nentries:\n  \
         - { code: 1, name: USER_ID_MISSING, message: \"No {user_id} */ here\", params: [user_id] }\n  \
         - { code: 2, name: OLD, message: Old, deprecated: { reason: \"Use /* NEW */\", replaced_by: NEW } }\n  \
         - { code: 3, name: NEW, message: New, description: \"Ends in \\\\\" }\n",
    )
    .unwrap();
}

/// The unmutated project of [`mutated_generic_profiles_get_diagnostics_not_panics`]
/// is valid and generates: mutations start from a catalog that reaches rendering.
#[test]
fn the_generic_profile_project_generates() {
    let dir = tempfile::tempdir().unwrap();
    generic_profile_project(dir.path());
    let checked = errcat::check(&dir.path().join("schema/catalog.yaml"));
    assert!(!checked.report.has_errors(), "{:?}", checked.report);
    let files = errcat::generate(&checked.catalog.unwrap()).unwrap();
    assert!(!files.is_empty());
}

/// A random valid catalog: names, codes, unicode messages, an optional second locale.
/// Entries (name, code, English text, other-locale text), and whether a second locale exists.
type RandomCatalog = (Vec<(String, i64, String, Option<String>)>, bool);

fn valid_catalog() -> impl Strategy<Value = RandomCatalog> {
    let name = "[A-Z][A-Z0-9]{0,6}(_[A-Z0-9]{1,5}){0,3}";
    // Printable text: the validator rejects controls, invisible format characters and
    // the line and paragraph separators by design.
    let text = "[^\\p{C}\\p{Z}][^\\p{C}\\p{Zl}\\p{Zp}]{0,30}[^\\p{C}\\p{Z}]";
    (
        proptest::collection::vec(
            (name, -100_000i64..100_000, text, proptest::option::of(text)),
            1..20,
        ),
        any::<bool>(),
    )
}

/// How many random catalogs were generated: every 16th is compiled.
static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("ERRCAT_MUTATION_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(32),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_valid_catalogs_generate_deterministically((entries, zh) in valid_catalog()) {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join("templates"), &dir.path().join("templates"));
        let schema = dir.path().join("schema");
        std::fs::create_dir_all(&schema).unwrap();
        let locales = if zh { "[en, zh-CN]" } else { "[en]" };
        std::fs::write(schema.join("catalog.yaml"), format!(
            "catalog: random\nformat: 1\nroot: ..\nlocales: {locales}\ndefault_locale: en\nnamespaces: [a.yaml]\ntargets:\n  - {{ id: rust, templates: rust, out: out/rust }}\n  - {{ id: java, templates: java, out: out/java }}\n  - {{ id: typescript, templates: typescript, out: out/ts }}\n  - {{ id: docs, templates: markdown, out: out/docs }}\n  - {{ id: json, templates: json, out: out/json }}\nlints: {{ duplicate-message: allow, undeclared-placeholder: allow, trailing-whitespace: allow, name-collision: deny }}\n"
        )).unwrap();
        let mut seen_codes = std::collections::BTreeSet::new();
        let mut seen_names = std::collections::BTreeSet::new();
        let mut body = String::from("namespace: random.ns\nlocales: [en]\nentries:\n");
        for (name, code, en, other) in &entries {
            // Distinct codes and names, and names distinct as Rust identifiers too.
            let ident = heck::ToUpperCamelCase::to_upper_camel_case(name.as_str());
            if !seen_codes.insert(*code) || !seen_names.insert(ident) {
                continue;
            }
            let zh_text = other.as_ref().filter(|_| zh).map(|t| format!(", zh-CN: {}", yaml_string(t))).unwrap_or_default();
            body.push_str(&format!("  - {{ code: {code}, name: {name}, message: {{ en: {}{zh_text} }} }}\n", yaml_string(en)));
        }
        std::fs::write(schema.join("a.yaml"), body).unwrap();
        let checked = errcat::check(&schema.join("catalog.yaml"));
        let catalog = checked.catalog.as_ref();
        prop_assert!(catalog.is_some(), "{}", crate::support::diagnostics_text(&checked));
        let first = errcat::generate(catalog.unwrap()).unwrap();
        let second = errcat::generate(catalog.unwrap()).unwrap();
        prop_assert_eq!(&first, &second);
        // A sample of the generated crates is compiled (rustc alone: the crate has no dependencies).
        if COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed).is_multiple_of(16) {
            let krate = dir.path().join("crate");
            for f in first.iter().filter(|f| f.target == "rust" && f.path.starts_with("src")) {
                let path = krate.join(&f.path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, &f.text).unwrap();
            }
            let out = std::process::Command::new("rustc")
                .args(["--edition", "2021", "--crate-type", "lib", "--crate-name", "random_codes", "-D", "warnings", "--out-dir"])
                .arg(dir.path())
                .arg(krate.join("src/lib.rs"))
                .output()
                .unwrap();
            prop_assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
