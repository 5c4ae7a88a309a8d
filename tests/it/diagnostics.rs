//! Every rule has a fixture that triggers it, and a snapshot of how it reads.

use crate::support::{assert_snapshot, diagnostics_text, repo};

fn fixture_dir() -> std::path::PathBuf {
    repo().join("tests/fixtures/rules")
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    for rule in errcat::rules::ALL {
        let catalog = fixture_dir().join(rule.id).join("catalog.yaml");
        assert!(
            catalog.exists(),
            "rule `{}` has no fixture at {}",
            rule.id,
            catalog.display()
        );
    }
}

#[test]
fn rule_ids_are_unique_and_kebab_case() {
    let mut ids: Vec<&str> = errcat::rules::ALL.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate rule ids");
    for id in ids {
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{id}"
        );
    }
}

#[test]
fn rule_fixtures_match_their_snapshots() {
    let mut dirs: Vec<_> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let rule = dir.file_name().unwrap().to_string_lossy().into_owned();
        let rel = std::path::Path::new("tests/fixtures/rules")
            .join(&rule)
            .join("catalog.yaml");
        let mut checked = errcat::check(&rel);
        if let Some(c) = &checked.catalog
            && let Err(r) = errcat::generate(c)
        {
            checked.report.extend(r);
        }
        assert!(
            checked.report.diagnostics.iter().any(|d| d.rule == rule),
            "fixture {rule} does not trigger its rule; got:\n{}",
            diagnostics_text(&checked)
        );
        assert_snapshot(&dir.join("expected.txt"), &diagnostics_text(&checked));
    }
}
