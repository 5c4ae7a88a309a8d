//! A namespace split across files is checked as one namespace: what spans the files
//! is found as it would be in one file.

use crate::support::{assert_snapshot, diagnostics_text, project, repo};

#[test]
fn a_split_namespace_is_checked_across_its_files() {
    let dir = repo().join("tests/fixtures/split-namespace");
    let checked = errcat::check(&dir.join("catalog.yaml"));
    let text = diagnostics_text(&checked);
    assert_snapshot(&dir.join("expected.txt"), &text);
    // The group `rooms` of first.yaml serves second.yaml's entry.
    assert!(!text.contains("unknown-group"), "{text}");
    for finding in [
        "error[reserved-code-reused]: code 2 is reserved",
        "error[reserved-code-reused]: code 9 is reserved",
        "error[duplicate-code]: code 9 is reserved twice",
        "warning[duplicate-message]: ROOM_GONE and ROOM_CLOSED",
    ] {
        assert!(text.contains(finding), "{finding}:\n{text}");
    }
}

/// A duplicate message is acknowledged on either of its two codes.
#[test]
fn a_duplicate_message_is_acknowledged_on_either_code() {
    for on in [1, 2] {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path();
        std::fs::write(
            p.join("catalog.yaml"),
            "catalog: a\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [a.yaml]\n",
        )
        .unwrap();
        let ack = "acknowledge: [{ rule: duplicate-message, reason: Both mean it }]";
        let entry = |code: i64, name: &str| {
            let ack = if code == on {
                format!(", {ack}")
            } else {
                String::new()
            };
            format!("  - {{ code: {code}, name: {name}, message: Gone{ack} }}\n")
        };
        let ns = format!(
            "namespace: app\nentries:\n{}{}",
            entry(1, "ONE"),
            entry(2, "TWO")
        );
        std::fs::write(p.join("a.yaml"), ns).unwrap();
        let checked = errcat::check(&p.join("catalog.yaml"));
        let text = diagnostics_text(&checked);
        assert!(
            text.ends_with("0 errors, 0 warnings\n"),
            "on code {on}:\n{text}"
        );
    }
}

/// A range one file of a namespace declares holds for every file of it: the range is
/// the namespace's, published as such (catalog.json), whichever file comes first.
#[test]
fn a_range_one_file_declares_holds_for_every_file() {
    let catalog =
        "catalog: a\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n";
    let unranged = "namespace: pay\nentries:\n  - { code: 1, name: ONE, message: One }\n  - { code: 2500, name: IN, message: In }\n";
    let ranged = "namespace: pay\nrange: { min: 2000, max: 2999 }\nentries:\n  - { code: 2001, name: REFUND, message: Refund }\n";
    for (first, second) in [("a.yaml", "b.yaml"), ("b.yaml", "a.yaml")] {
        let dir = project(&[
            ("catalog.yaml", catalog),
            (first, unranged),
            (second, ranged),
        ]);
        let text = diagnostics_text(&errcat::check(&dir.path().join("catalog.yaml")));
        assert!(
            text.contains(
                "error[code-out-of-range]: code 1 is outside the range 2000..=2999 of namespace pay, which another of its files declares"
            ) && text.ends_with("1 error, 0 warnings\n"),
            "{first} first:\n{text}"
        );
    }
}

/// A copied namespace file ("app - Copy.yaml") defines each code again: one
/// conflicting definition per code, and no duplicate-message warning beside each.
#[test]
fn a_copied_file_is_a_conflicting_definition_only() {
    let catalog =
        "catalog: a\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n";
    let ns = "namespace: app\nentries:\n  - { code: 1, name: GONE, message: Gone }\n  - { code: 2, name: LOST, message: Lost }\n";
    let dir = project(&[
        ("catalog.yaml", catalog),
        ("app.yaml", ns),
        ("app - Copy.yaml", ns),
    ]);
    let text = diagnostics_text(&errcat::check(&dir.path().join("catalog.yaml")));
    assert_eq!(
        text.matches("error[conflicting-definition]: code").count(),
        2,
        "{text}"
    );
    assert!(text.ends_with("2 errors, 0 warnings\n"), "{text}");
}
