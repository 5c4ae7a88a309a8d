//! The docs site built from the docs target's Markdown (with the `docs-site`
//! crate, as `cargo xtask docs` does): every `doc_url()` of the generated code
//! lands on its code's anchor in every locale, the search index finds every code
//! by number and by name, and catalog text renders as text.

use std::collections::BTreeMap;
use std::path::Path;

use docs_site::{SearchIndex, Site};
use serde_json::Value;

use crate::support::repo;

fn build(docs: &Path, out: &Path) -> Site {
    docs_site::build(docs, out).unwrap_or_else(|e| panic!("{e}"))
}

fn catalog_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

fn entries(catalog: &Value) -> impl Iterator<Item = (&str, &Value)> {
    catalog["namespaces"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|ns| {
            let id = ns["id"].as_str().unwrap();
            ns["entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |e| (id, e))
        })
}

#[test]
fn every_doc_url_lands_on_its_code_in_every_locale_and_search_finds_it() {
    let out = tempfile::tempdir().unwrap();
    let site = build(&repo().join("generated/docs"), out.path());
    // The site serves its stylesheet, not the book's configuration.
    assert!(site.dir.join("site.css").is_file());
    assert!(!site.dir.join("book.toml").exists());
    let search = SearchIndex::load(&site.dir).unwrap();
    let catalog = catalog_json(&repo().join("generated/json/catalog.json"));
    let base = catalog["docs_base_url"].as_str().unwrap();
    let default = catalog["default_locale"].as_str().unwrap();
    let locales = strings(&catalog["locales"]);

    let mut anchors: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut count = 0;
    for (ns, e) in entries(&catalog) {
        count += 1;
        let url = e["doc_url"].as_str().unwrap();
        let name = e["name"].as_str().unwrap();
        let code = e["code"].as_i64().unwrap().to_string();
        let rel = url
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{url} does not start with {base}"));
        let (page, anchor) = rel.split_once('#').unwrap();
        assert_eq!(
            page,
            format!("{default}/{ns}.html"),
            "doc_url of {ns} {name}"
        );
        for locale in &locales {
            let page = format!("{locale}/{ns}.html");
            match site.pages.get(&page) {
                Some(p) if p.ids.contains(anchor) => *anchors.entry(locale).or_default() += 1,
                Some(_) => problems.push(format!("{page} has no anchor #{anchor} ({name})")),
                None => problems.push(format!("no page {page}")),
            }
            // The section that shows this code, found both ways the reader types it.
            let on_page = |hits: std::collections::BTreeSet<String>| {
                hits.into_iter()
                    .filter(|u| u.starts_with(&format!("{page}#")))
                    .collect::<std::collections::BTreeSet<_>>()
            };
            let by_number = on_page(search.find("title", &code));
            let by_name = on_page(search.find("title", name));
            if by_number.intersection(&by_name).next().is_none() {
                problems.push(format!(
                    "search does not lead to {code} {name} on {page} (by number: {by_number:?}, by name: {by_name:?})"
                ));
            }
            // The tables hold the name whole too (the index reads markup inside a word
            // as a space): the code lookup's row and the namespace's table.
            let in_body = search.find("body", name);
            let lookup = format!("{locale}/codes.html#");
            if !in_body.iter().any(|u| u.starts_with(&lookup))
                || on_page(in_body.clone()).is_empty()
            {
                problems.push(format!(
                    "search by {name} finds no table row in {lookup} or {page}: {in_body:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(count > 0);
    // The lookups above are selective: a section's title, not any page.
    assert!(search.find("title", "NO_SUCH_CODE_NAME").is_empty());
    let on_edu_rest: Vec<_> = search
        .find("title", "1004")
        .into_iter()
        .filter(|u| u.starts_with(&format!("{default}/edu.rest.html#")))
        .collect();
    assert_eq!(on_edu_rest.len(), 1, "{on_edu_rest:?}");
    for locale in &locales {
        assert_eq!(
            anchors.get(locale),
            Some(&count),
            "code anchors in {locale}"
        );
    }
}

/// Every message of `catalog` appears, line by line, as a whole run of text in its
/// namespace's page of every locale: no character became markup, no table cell split.
fn assert_messages_are_text(site: &Site, catalog: &Value) {
    let locales = strings(&catalog["locales"]);
    let default = catalog["default_locale"].as_str().unwrap();
    let mut problems = Vec::new();
    for (ns, e) in entries(catalog) {
        for locale in &locales {
            let message = e["message"][locale]
                .as_str()
                .or_else(|| e["message"][default].as_str())
                .unwrap();
            let page = &site.pages[&format!("{locale}/{ns}.html")];
            for line in message.lines().map(str::trim) {
                // A word joiner follows each `<` that could open a tag (it keeps the text
                // text where a script puts it into HTML): the same text to a reader.
                let runs = page
                    .text_runs
                    .iter()
                    .filter(|r| r.replace('\u{2060}', "").trim() == line)
                    .count();
                // The group table's cell and the code section's first paragraph.
                if runs < 2 {
                    problems.push(format!(
                        "{locale}/{ns}.html: {line:?} is whole text {runs} time(s)"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn messages_with_markdown_and_html_characters_render_as_text() {
    let golden = repo().join("tests/fixtures/golden/expected");
    let out = tempfile::tempdir().unwrap();
    let site = build(&golden.join("docs"), out.path());
    let catalog = catalog_json(&golden.join("json/catalog.json"));
    let hostile = "{{ template }} {% raw %} ${x} `tick` </script> | pipe * star";
    assert!(
        entries(&catalog).any(|(_, e)| e["message"]["en"] == hostile),
        "the golden fixture still has the hostile message"
    );
    assert_messages_are_text(&site, &catalog);

    let out = tempfile::tempdir().unwrap();
    let site = build(&repo().join("generated/docs"), out.path());
    assert_messages_are_text(
        &site,
        &catalog_json(&repo().join("generated/json/catalog.json")),
    );
}
