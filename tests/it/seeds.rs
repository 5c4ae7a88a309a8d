//! The seeds: their contradictions are reported; schema/ holds every code they publish.

use std::collections::BTreeSet;

use crate::support::{assert_snapshot, diagnostics_text, repo};

#[test]
fn raw_seed_contradictions_are_reported() {
    let checked = errcat::check(std::path::Path::new(
        "tests/fixtures/seed-conflicts/catalog.yaml",
    ));
    let json = errcat::diag::render(
        &checked.report,
        &checked.sources,
        errcat::diag::Format::Json,
        false,
    );
    let findings: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |rule: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {json}"))
    };

    // Component table and ResCode pasted into one namespace: 1001 twice, both places named.
    let dup = find("duplicate-code");
    assert_eq!(
        (
            dup["file"].as_str().unwrap(),
            dup["line"].as_u64(),
            dup["column"].as_u64()
        ),
        (
            "tests/fixtures/seed-conflicts/edu-rest.yaml",
            Some(10),
            Some(13)
        )
    );
    assert_eq!(
        (
            dup["related"][0]["line"].as_u64(),
            dup["related"][0]["column"].as_u64()
        ),
        (Some(7), Some(13))
    );

    // AV_ERR_SERVER_ID_NOT_IN_ROOM at 10006 and 10009.
    let name = find("duplicate-name");
    assert!(
        name["message"]
            .as_str()
            .unwrap()
            .contains("AV_ERR_SERVER_ID_NOT_IN_ROOM")
    );
    assert_eq!(
        (name["line"].as_u64(), name["related"][0]["line"].as_u64()),
        (Some(7), Some(6))
    );

    // 1001 in four families.
    let overlap = find("code-overlap");
    assert_eq!(overlap["related"].as_array().unwrap().len(), 3, "{overlap}");
    assert!(
        overlap["message"]
            .as_str()
            .unwrap()
            .contains("4 namespaces")
    );

    // 30000405-30000409: one text for four codes (30000408 differs).
    let dups: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["rule"] == "duplicate-message")
        .collect();
    assert_eq!(dups.len(), 3, "{json}");
    assert!(dups.iter().all(
        |d| d["file"] == "tests/fixtures/seed-conflicts/av-recording.yaml"
            && d["related"][0]["line"] == 6
    ));

    assert_snapshot(
        &repo().join("tests/fixtures/seed-conflicts/expected.txt"),
        &diagnostics_text(&checked),
    );
}

/// Integer codes of a seed file, found the way each seed lays them out.
fn seed_codes(file: &str) -> BTreeSet<i64> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/seeds").join(file)).unwrap();
    let mut codes = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('|') {
            // Table rows: the code is the first integer among the first two cells.
            let cells: Vec<&str> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('*'))
                .collect();
            if let Some(code) = cells.iter().take(2).find_map(|c| c.parse::<i64>().ok()) {
                codes.insert(code);
            }
        } else if let Some((_, rest)) = line.split_once('(') {
            // Java enum constants: NAME(code, "Message", HttpStatus.SC_…)
            if line.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && let Some(code) = rest
                    .split(',')
                    .next()
                    .and_then(|c| c.trim().parse::<i64>().ok())
            {
                codes.insert(code);
            }
        } else if let Ok(code) = line.parse::<i64>() {
            // The vertical list of seed 004: a code alone on its line.
            codes.insert(code);
        }
    }
    codes
}

#[test]
fn schema_holds_every_seed_code() {
    let checked = errcat::check(&repo().join("schema/catalog.yaml"));
    assert!(
        !checked.report.has_errors(),
        "{}",
        diagnostics_text(&checked)
    );
    let catalog = checked.catalog.expect("schema/ validates");
    let total: usize = catalog.namespaces.iter().map(|n| n.entries.len()).sum();
    assert_eq!(total, 218, "245 seed rows, 27 of them merged");
    let codes_of = |ids: &[&str]| -> BTreeSet<i64> {
        catalog
            .namespaces
            .iter()
            .filter(|n| ids.contains(&n.id.as_str()))
            .flat_map(|n| n.entries.iter().map(|e| e.code))
            .collect()
    };
    let cases: &[(&str, &[&str], usize)] = &[
        ("000_eba7aae0cd102d0d.txt", &["edu.client", "edu.rest"], 32),
        ("001_6b4cdfd21982f5f3.txt", &["edu.client", "edu.rest"], 32),
        ("002_d7b0c5669f52595b.txt", &["edu.client", "edu.rest"], 37),
        (
            "003_e8b9737c5de50e11.txt",
            &["av.client", "av.server", "av.recording", "av.push"],
            107,
        ),
        (
            "004_2dadffbdd9988d4f.txt",
            &["roomengine", "roomengine.rest"],
            73,
        ),
    ];
    for (file, namespaces, distinct) in cases {
        let seed = seed_codes(file);
        assert_eq!(seed.len(), *distinct, "codes found in {file}");
        let have = codes_of(namespaces);
        let missing: Vec<_> = seed.difference(&have).collect();
        assert!(
            missing.is_empty(),
            "{file}: codes missing from {namespaces:?}: {missing:?}"
        );
    }
}

#[test]
fn schema_keeps_the_seed_texts() {
    let checked = errcat::check(&repo().join("schema/catalog.yaml"));
    let catalog = checked.catalog.unwrap();
    let mut texts: BTreeSet<String> = BTreeSet::new();
    for e in catalog.namespaces.iter().flat_map(|n| &n.entries) {
        for t in [&e.title, &e.description, &e.cause, &e.solution]
            .into_iter()
            .flatten()
            .chain([&e.message])
        {
            texts.extend(t.0.iter().map(|(_, s)| s.clone()));
        }
    }
    // Every row of seed 003's client table keeps its description, reason and solution.
    let seed =
        std::fs::read_to_string(repo().join("tests/fixtures/seeds/003_e8b9737c5de50e11.txt"))
            .unwrap();
    let mut checked_cells = 0;
    for line in seed.lines().filter(|l| l.starts_with("| AV_ERR")) {
        for cell in line
            .split('|')
            .skip(3)
            .map(|c| c.trim().trim_matches('"'))
            .filter(|c| !c.is_empty())
        {
            assert!(
                texts.contains(cell.trim()),
                "seed text missing from schema/: {cell:?}"
            );
            checked_cells += 1;
        }
    }
    assert!(checked_cells > 90, "{checked_cells}");
}

/// The project's own catalog stays free of findings, warnings too: several tests
/// read `errcat check`'s output of it as "ok". A new rule that flags a seed entry is
/// answered here, in `schema/`, not in those tests.
#[test]
fn the_project_catalog_has_no_findings() {
    let checked = errcat::check(&repo().join("schema/catalog.yaml"));
    assert!(
        checked.report.diagnostics.is_empty(),
        "schema/ has findings: fix each entry, or keep it as the seed has it and add \
         `acknowledge: [{{ rule: <id>, reason: … }}]` to it (see docs/catalog-format.md)\n{}",
        diagnostics_text(&checked)
    );
}
