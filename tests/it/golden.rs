//! Renders of a small fixture catalog, compared byte for byte with committed files;
//! and determinism: the same catalog in another order renders the same bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{assert_snapshot, copy_tree, repo};

fn render(catalog: &Path) -> BTreeMap<PathBuf, String> {
    let checked = errcat::check(catalog);
    let Some(c) = &checked.catalog else {
        panic!("{}", crate::support::diagnostics_text(&checked))
    };
    errcat::generate(c)
        .expect("renders")
        .into_iter()
        .map(|r| (Path::new(&r.target).join(r.path), r.text))
        .collect()
}

#[test]
fn golden_fixture_renders_as_committed() {
    let expected_dir = repo().join("tests/fixtures/golden/expected");
    let files = render(&repo().join("tests/fixtures/golden/catalog.yaml"));
    for (path, text) in &files {
        assert_snapshot(&expected_dir.join(path), text);
    }
    if std::env::var_os("ERRCAT_BLESS").is_none() {
        let mut on_disk = Vec::new();
        let mut stack = vec![expected_dir.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p)
                } else {
                    on_disk.push(p.strip_prefix(&expected_dir).unwrap().to_path_buf())
                }
            }
        }
        let extra: Vec<_> = on_disk.iter().filter(|p| !files.contains_key(*p)).collect();
        assert!(
            extra.is_empty(),
            "golden files no longer rendered: {extra:?}"
        );
    }
}

#[test]
fn rendering_is_deterministic_in_any_order() {
    let first = render(&repo().join("tests/fixtures/golden/catalog.yaml"));
    assert_eq!(
        first,
        render(&repo().join("tests/fixtures/golden/catalog.yaml"))
    );

    // The same catalog with entries reversed and namespace files listed in reverse.
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("templates"), &tmp.path().join("templates"));
    let dir = tmp.path().join("tests/fixtures/golden");
    std::fs::create_dir_all(&dir).unwrap();
    let catalog =
        std::fs::read_to_string(repo().join("tests/fixtures/golden/catalog.yaml")).unwrap();
    std::fs::write(
        dir.join("catalog.yaml"),
        catalog.replace("  - \"*.yaml\"", "  - type.yaml\n  - shop.yaml"),
    )
    .unwrap();
    for (from, to) in [("shop.yaml", "shop.yaml"), ("type.yaml", "type.yaml")] {
        let text =
            std::fs::read_to_string(repo().join("tests/fixtures/golden").join(from)).unwrap();
        let (head, entries) = text.split_once("entries:\n").unwrap();
        let mut items: Vec<&str> = entries
            .strip_prefix("  - ")
            .unwrap()
            .split("\n  - ")
            .collect();
        items.reverse();
        let body: String = items
            .iter()
            .map(|i| format!("  - {}\n", i.trim_end()))
            .collect();
        std::fs::write(dir.join(to), format!("{head}entries:\n{body}")).unwrap();
    }
    assert!(
        std::fs::read_to_string(dir.join("catalog.yaml"))
            .unwrap()
            .contains("  - type.yaml\n  - shop.yaml")
    );
    assert_eq!(first, render(&dir.join("catalog.yaml")));
}

/// A text with no default-locale text (the catalog allows `missing-translation`)
/// falls back to the text it has: the docs mark that text with its own language and
/// name that language, and catalog.json lists it without inventing one.
#[test]
fn a_fallback_is_marked_with_the_language_it_is_in() {
    let dir = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en, zh-CN, fr]\ndefault_locale: en\nnamespaces: [a.yaml]\n\
             lints: { missing-translation: allow }\n\
             targets:\n  - { id: docs, templates: markdown, out: docs }\n  - { id: json, templates: json, out: json }\n",
        ),
        (
            "a.yaml",
            "namespace: dev\ntitle: { zh-CN: 设备错误 }\ngroups:\n  - { id: g, title: { zh-CN: 设备 } }\n\
             entries:\n  - { code: 1, name: OK, group: g, title: { zh-CN: 成功标题 }, message: { en: Fine, fr: Bien } }\n",
        ),
    ]);
    let files = render(&dir.path().join("catalog.yaml"));
    let page = |p: &str| files[Path::new(p)].as_str();
    let en = page("docs/en/dev.md");
    assert!(
        en.contains("- Title: <span lang=\"zh-CN\">成功标题</span> _(not translated; shown in Simplified Chinese)_")
            && en.contains("## <span lang=\"zh-CN\">设备</span> _(Simplified Chinese)_"),
        "{en}"
    );
    // So does the page's heading; SUMMARY.md, whose titles mdBook reads as plain
    // text (no HTML, no emphasis), names the language in plain text.
    assert!(
        en.contains("\n# <span lang=\"zh-CN\">设备错误</span> _(Simplified Chinese)_\n"),
        "{en}"
    );
    let summary = page("docs/SUMMARY.md");
    for line in [
        "  - [设备错误 (Simplified Chinese)](en/dev.md)\n",
        "  - [设备错误](zh-CN/dev.md)\n",
        "  - [设备错误 (Simplified Chinese)](fr/dev.md)\n",
    ] {
        assert!(summary.contains(line), "{line}{summary}");
    }
    // The zh-CN page shows the en message, named in Chinese.
    let zh = page("docs/zh-CN/dev.md");
    assert!(
        zh.contains("<span lang=\"en\">Fine</span> _(暂无中文，显示英文原文)_"),
        "{zh}"
    );
    assert!(zh.contains("\n# 设备错误\n"), "{zh}");
    let json: serde_json::Value = serde_json::from_str(page("json/catalog.json"))
        .unwrap_or_else(|e| panic!("{e}:\n{}", page("json/catalog.json")));
    let entry = &json["namespaces"][0]["entries"][0];
    assert_eq!(entry["title"], serde_json::json!({ "zh-CN": "成功标题" }));
}
