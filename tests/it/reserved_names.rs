//! Names the generated code uses itself, which names from the catalog must not take:
//! a formatter's own parameters, the crates a Rust crate root names. The hostile
//! fixture holds the catalog names that once took them (a placeholder `locale` or
//! `table`, a namespace `std`).

use std::collections::BTreeSet;

use crate::support::{diagnostics_text, repo};

/// The hostile fixture's files of target `target`: (path, text).
fn hostile(target: &str) -> Vec<(String, String)> {
    let checked = errcat::check(&repo().join("tests/fixtures/hostile/catalog.yaml"));
    let catalog = checked.catalog.expect("the hostile fixture validates");
    errcat::generate(&catalog)
        .unwrap()
        .into_iter()
        .filter(|r| r.target == target)
        .map(|r| (r.path.to_string_lossy().into_owned(), r.text))
        .collect()
}

/// Every formatter signature (the text between `(` and `)` of a line with `prefix`)
/// with the line after it, of every file.
fn formatters<'a>(
    files: &'a [(String, String)],
    prefix: &'a str,
) -> impl Iterator<Item = (Vec<String>, &'a str)> + 'a {
    files.iter().flat_map(move |(_, text)| {
        let lines: Vec<&str> = text.lines().collect();
        (0..lines.len()).filter_map(move |i| {
            let line = lines[i].trim_start();
            let args = line.strip_prefix(prefix)?.split_once('(')?.1;
            let args = args.rsplit_once(')')?.0;
            // `locale: Locale` (Rust) or `Locale locale` (Java): the name is the
            // identifier beside the type.
            let names = args
                .split(", ")
                .map(|a| match a.split_once(": ") {
                    Some((name, _)) => name.to_string(),
                    None => a.rsplit(' ').next().unwrap_or_default().to_string(),
                })
                .collect();
            Some((names, lines.get(i + 1).copied().unwrap_or_default()))
        })
    })
}

#[test]
fn no_formatter_takes_a_name_twice_or_hides_what_its_body_uses() {
    let rust = hostile("rust");
    let java = hostile("java");
    let mut seen = 0;
    for (names, body) in
        formatters(&rust, "pub fn format_").chain(formatters(&java, "public static String format"))
    {
        seen += 1;
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "a parameter twice: {names:?}");
        // Java's body calls the enum's table: a parameter must not hide what it starts from.
        if let Some(call) = body.trim().strip_prefix("return ") {
            let receiver = call.split(['.', '(']).next().unwrap_or_default();
            assert!(
                !names.iter().any(|n| n == receiver),
                "parameter `{receiver}` hides what the body uses: {body}"
            );
        }
    }
    assert!(
        seen >= 6,
        "the fixture's formatters were not found ({seen})"
    );
    // The fixture's placeholders `locale` and `table` are among them.
    let fmt = |files: &[(String, String)], prefix| {
        formatters(files, prefix)
            .find(|(names, _)| names.len() == 3 && names.iter().any(|n| n.starts_with("table")))
            .map(|(names, _)| names)
            .unwrap()
    };
    assert_eq!(fmt(&rust, "pub fn format_"), ["locale", "locale_", "table"]);
    assert_eq!(
        fmt(&java, "public static String format"),
        ["locale", "locale_", "table"]
    );
}

#[test]
fn no_module_shadows_a_crate_the_crate_root_names() {
    let rust = hostile("rust");
    let lib = &rust.iter().find(|(p, _)| p == "src/lib.rs").unwrap().1;
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .collect();
    for krate in ["std", "core", "alloc"] {
        assert!(
            !modules.contains(&krate),
            "`pub mod {krate};` shadows the crate in {modules:?}"
        );
    }
    // The fixture's namespaces named so get a module and file of their own.
    assert!(modules.contains(&"std_"), "{modules:?}");
    assert!(rust.iter().any(|(p, _)| p == "src/std_.rs"));
    assert!(lib.contains("std::sync::OnceLock") && lib.contains("core::fmt"));
}

/// A project whose target `custom` renders each namespace's module name and each
/// parameter identifier with the rust profile and a target.yaml whose `reserved:`
/// holds `reserved` (YAML lines).
fn custom_target(reserved: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("templates/custom");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("target.yaml"),
        format!(
            "profile: rust\nreserved:\n{reserved}files:\n  - {{ template: p.tera, path: p.txt }}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        t.join("p.tera"),
        "{{ catalog.header }}\n{% for n in namespaces %}{{ n.module_name }}: {% for e in n.entries %}{% for p in e.params %}{{ p.ident }} {% endfor %}{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("catalog.yaml"),
        "catalog: reserved\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [a.yaml]\n\
         targets:\n  - { id: custom, templates: custom, out: out }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "namespace: a\nentries:\n  - { code: 1, name: ONE, message: \"{room} {room_id} {type}\", params: [room, room_id, type] }\n",
    )
    .unwrap();
    dir
}

/// `reserved` renders the project to a text ending in `tail`; `bad` is refused with
/// `error` at `at`.
fn reserves(reserved: &str, tail: &str, bad: &str, error: &str, at: &str) {
    let dir = custom_target(reserved);
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    let catalog = checked.catalog.expect("the project validates");
    let out = errcat::generate(&catalog).unwrap();
    assert!(out[0].text.ends_with(tail), "{}", out[0].text);

    let dir = custom_target(bad);
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    assert!(checked.catalog.is_none());
    let text = diagnostics_text(&checked);
    assert!(
        text.contains(&format!("error[target-config]: {error}"))
            && text.contains(&format!("templates/custom/target.yaml:{at}")),
        "{text}"
    );
}

#[test]
fn a_target_yaml_reserves_names_for_its_formatters() {
    reserves(
        "  params: [room, ctx]\n",
        "\na: room_ room_id r#type \n",
        "  params: [ctx, 2nd]\n",
        "reserved parameter name `2nd` is not an identifier",
        "3:17",
    );
}

/// A name the templates give a local where they also name the namespace's module
/// (a method's receiver `e`): a namespace whose module would take it gets the suffix.
#[test]
fn a_target_yaml_reserves_names_for_its_locals() {
    reserves(
        "  modules: [a, e]\n",
        "\na_: room room_id r#type \n",
        "  modules: [a-b]\n",
        "reserved module name `a-b` is not an identifier",
        "3:13",
    );
}
