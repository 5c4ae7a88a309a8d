//! The docs target in locales beyond its built-in words: a catalog adds a
//! locale's words under `options.ui` next to the built-in ones, and a word not yet
//! translated falls back to English.

use std::collections::BTreeMap;

use crate::support::project;

/// The docs target's pages of a catalog in `locales` with these docs `options`.
fn docs(locales: &str, options: &str) -> BTreeMap<String, String> {
    let dir = project(&[
        (
            "schema/catalog.yaml",
            &format!(
                "catalog: t\nformat: 1\nroot: ..\nlocales: [{locales}]\ndefault_locale: en\n\
                 namespaces: [app.yaml]\nlints: {{ missing-translation: allow }}\n\
                 targets:\n  - {{ id: docs, templates: markdown, out: generated/docs, options: {options} }}\n"
            ),
        ),
        (
            "schema/app.yaml",
            "namespace: app\ntitle: App\nentries:\n  - { code: 1, name: GONE, message: Gone }\n",
        ),
    ]);
    let checked = errcat::check(&dir.path().join("schema/catalog.yaml"));
    let Some(catalog) = &checked.catalog else {
        panic!("{}", crate::support::diagnostics_text(&checked));
    };
    let rendered = errcat::generate(catalog)
        .unwrap_or_else(|r| panic!("{}", crate::support::report_text(&r, &checked.sources)));
    rendered
        .into_iter()
        .map(|r| (r.path.to_string_lossy().replace('\\', "/"), r.text))
        .collect()
}

#[test]
fn a_catalog_adds_a_locales_words_to_the_built_in_ones() {
    let pages = docs(
        "en, zh-CN, de",
        "{ ui: { de: { catalog: Fehlercodes, details: Einzelheiten } } }",
    );
    let page = |p: &str| {
        pages
            .get(p)
            .unwrap_or_else(|| panic!("no {p}: {:?}", pages.keys()))
    };
    assert!(
        page("de/index.md").contains("Fehlercodes"),
        "{}",
        page("de/index.md")
    );
    let app = page("de/app.md");
    assert!(app.contains("Einzelheiten"), "{app}");
    // Not translated: English.
    assert!(app.contains("| Code |"), "{app}");
    // The built-in words of the other locales stay.
    assert!(
        page("zh-CN/index.md").contains("错误码"),
        "{}",
        page("zh-CN/index.md")
    );
    assert!(
        page("en/index.md").contains("Error codes"),
        "{}",
        page("en/index.md")
    );
}
