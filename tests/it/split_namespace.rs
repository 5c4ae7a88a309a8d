//! A namespace split across files is checked as one namespace: what spans the files
//! is found as it would be in one file.

use crate::support::{assert_snapshot, diagnostics_text, repo};

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
