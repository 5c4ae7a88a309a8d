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
        en.contains("- Title: <span lang=\"zh-CN\" dir=\"auto\">成功标题</span> _(not translated; shown in Simplified Chinese)_")
            && en.contains("## <span lang=\"zh-CN\" dir=\"auto\">设备</span> _(Simplified Chinese)_"),
        "{en}"
    );
    // So does the page's heading; SUMMARY.md, whose titles mdBook reads as plain
    // text (no HTML, no emphasis), names the language in plain text.
    assert!(
        en.contains(
            "\n# <span lang=\"zh-CN\" dir=\"auto\">设备错误</span> _(Simplified Chinese)_\n"
        ),
        "{en}"
    );
    let summary = page("docs/SUMMARY.md");
    for line in [
        "  - [设备错误 (Simplified Chinese)](en/dev.md)\n",
        "  - [设备错误](zh-CN/dev.md)\n",
        "  - [设备错误 (chinois simplifié)](fr/dev.md)\n",
    ] {
        assert!(summary.contains(line), "{line}{summary}");
    }
    // The zh-CN page shows the en message, named in Chinese.
    let zh = page("docs/zh-CN/dev.md");
    assert!(
        zh.contains("<span lang=\"en\" dir=\"auto\">Fine</span> _(暂无翻译，显示英文原文)_"),
        "{zh}"
    );
    assert!(zh.contains("\n# 设备错误\n"), "{zh}");
    let json: serde_json::Value = serde_json::from_str(page("json/catalog.json"))
        .unwrap_or_else(|e| panic!("{e}:\n{}", page("json/catalog.json")));
    let entry = &json["namespaces"][0]["entries"][0];
    assert_eq!(entry["title"], serde_json::json!({ "zh-CN": "成功标题" }));
}

/// The docs target's files for one namespace file `a.yaml` (en and zh-CN, en default).
fn docs_of(namespace: &str) -> BTreeMap<PathBuf, String> {
    let dir = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en, zh-CN]\ndefault_locale: en\nnamespaces: [a.yaml]\n\
             targets:\n  - { id: docs, templates: markdown, out: docs }\n",
        ),
        ("a.yaml", namespace),
    ]);
    render(&dir.path().join("catalog.yaml"))
}

/// A deprecation's reason and a retired code's reason are one text, in the default
/// locale: another locale's page marks them as that language, as every fallback.
#[test]
fn reasons_on_another_locale_page_are_marked_as_fallbacks() {
    let files = docs_of(
        "namespace: dev\nreserved:\n  - { code: 3, name: OLD_ONE, reason: Merged into 1. }\n\
             entries:\n  - { code: 1, name: OK, message: { en: Fine, zh-CN: 好 } }\n\
             \x20 - { code: 2, name: GONE, message: { en: Gone, zh-CN: 没了 }, deprecated: { reason: Use OK., replaced_by: OK } }\n",
    );
    let zh = files[Path::new("docs/zh-CN/dev.md")].as_str();
    assert!(
        zh.contains(
            "- **已弃用**：<span lang=\"en\" dir=\"auto\">Use OK.</span> _(暂无翻译，显示英文原文)_\n- **替代**：[1 `OK`](#dev-1)\n"
        ),
        "{zh}"
    );
    assert!(
        zh.contains("| <a id=\"dev-3\"></a>3 | `OLD_ONE` | <span lang=\"en\" dir=\"auto\">Merged into 1.</span> _(英文)_ |"),
        "{zh}"
    );
    // On the default locale's page they are the page's own language.
    let en = files[Path::new("docs/en/dev.md")].as_str();
    assert!(
        en.contains("- **Deprecated**: Use OK.\n- **Replaced by**: [1 `OK`](#dev-1)\n"),
        "{en}"
    );
    assert!(en.contains("| Merged into 1. |"), "{en}");
}

/// The code lookup names the same number with the other sign on both rows, in the
/// page's language: a log or UI that drops the sign shows -7 as 7.
#[test]
fn the_code_lookup_names_the_code_with_the_other_sign() {
    let files = docs_of(
        "namespace: dev\nentries:\n\
             \x20 - { code: -7, name: MINUS, message: { en: Minus, zh-CN: 负 } }\n\
             \x20 - { code: 7, name: PLUS, message: { en: Plus, zh-CN: 正 } }\n\
             \x20 - { code: 8, name: ALONE, message: { en: Alone, zh-CN: 单 } }\n",
    );
    let en = files[Path::new("docs/en/codes.md")].as_str();
    let rows: Vec<&str> = en.lines().filter(|l| l.starts_with("| ")).skip(2).collect();
    assert_eq!(
        rows,
        [
            "| <a id=\"code-minus-7\"></a>-7 | [`dev`](dev.md) | [`MINUS`](dev.md#dev-minus-7) | Minus |",
            "| | | | _With the other sign: [7](#code-7) \\(a log or UI that negates codes shows it as -7\\)_ |",
            "| <a id=\"code-7\"></a>7 | [`dev`](dev.md) | [`PLUS`](dev.md#dev-7) | Plus |",
            "| | | | _With the other sign: [-7](#code-minus-7) \\(a log or UI that drops the sign shows it as 7\\)_ |",
            "| <a id=\"code-8\"></a>8 | [`dev`](dev.md) | [`ALONE`](dev.md#dev-8) | Alone |",
        ],
        "{en}"
    );
    let zh = files[Path::new("docs/zh-CN/codes.md")].as_str();
    assert!(
        zh.contains(
            "| | | | _符号相反的错误码：[-7](#code-minus-7)（丢掉负号的日志或界面把它显示为 7）_ |"
        ),
        "{zh}"
    );
}

/// catalog.json lists the surfaces, the namespaces whose codes reach one consumer:
/// what tells apart two codes of the same number.
#[test]
fn catalog_json_lists_the_surfaces() {
    let dir = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en, zh-CN]\ndefault_locale: en\nnamespaces: [a.yaml, b.yaml]\n\
             surfaces:\n  - { id: app, title: { en: App callbacks, zh-CN: 应用回调 }, namespaces: [b, a] }\n\
             \x20 - { id: bare, namespaces: [a] }\n\
             targets:\n  - { id: json, templates: json, out: json }\n",
        ),
        (
            "a.yaml",
            "namespace: a\nentries:\n  - { code: 1, name: ONE, message: { en: One, zh-CN: 一 } }\n",
        ),
        (
            "b.yaml",
            "namespace: b\nentries:\n  - { code: 2, name: TWO, message: { en: Two, zh-CN: 二 } }\n",
        ),
    ]);
    let files = render(&dir.path().join("catalog.yaml"));
    let text = files[Path::new("json/catalog.json")].as_str();
    let json: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    assert_eq!(
        json["surfaces"],
        serde_json::json!([
            { "id": "app", "title": { "en": "App callbacks", "zh-CN": "应用回调" }, "namespaces": ["b", "a"] },
            { "id": "bare", "title": { "en": "bare" }, "namespaces": ["a"] },
        ]),
        "{text}"
    );
}
