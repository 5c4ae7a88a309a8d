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
