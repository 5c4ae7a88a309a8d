//! The CLI as users run it: explain, gen --check, and failing gens that write nothing.

use crate::support::{copy_tree, errcat, repo};

#[test]
fn explain_lists_every_namespace_of_a_code() {
    let out = errcat(&repo(), &["explain", "1001", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let defs = v["definitions"].as_array().unwrap();
    let namespaces: Vec<&str> = defs
        .iter()
        .map(|d| d["namespace"].as_str().unwrap())
        .collect();
    assert_eq!(namespaces, ["av.client", "av.push", "edu.rest"]);
    assert!(
        defs.iter()
            .all(|d| d["file"].as_str().unwrap().starts_with("schema/")
                && d["line"].as_u64().unwrap() > 0)
    );
    let edu = &defs[2];
    assert_eq!(edu["name"], "ROOM_NOT_PREPARED");
    assert_eq!(edu["http"], 403);
    assert_eq!(edu["message"][1]["locale"], "zh-CN");
    // A log that drops the sign shows RoomEngine's -1001 as 1001: listed separately.
    let other = v["opposite_sign"].as_array().unwrap();
    assert_eq!(
        (other[0]["namespace"].as_str(), other[0]["code"].as_i64()),
        (Some("roomengine"), Some(-1001))
    );

    let text = errcat(&repo(), &["explain", "-2381"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("roomengine"));
    assert_eq!(
        errcat(&repo(), &["explain", "424242"]).status.code(),
        Some(1)
    );
}

/// A copy of this repository's catalog, templates and generated output.
fn repo_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for d in ["schema", "templates", "generated", "tests/fixtures/seeds"] {
        copy_tree(&repo().join(d), &tmp.path().join(d));
    }
    tmp
}

#[test]
fn changed_message_makes_check_fail_and_writes_nothing() {
    let p = repo_copy();
    let ns = p.path().join("schema/edu/rest.yaml");
    let text = std::fs::read_to_string(&ns).unwrap();
    std::fs::write(
        &ns,
        text.replacen("The room does not exist", "The room is gone", 1),
    )
    .unwrap();
    let before = std::fs::read(p.path().join("generated/json/catalog.json")).unwrap();
    let out = errcat(p.path(), &["gen", "--check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("stale:   generated/json/catalog.json"),
        "{err}"
    );
    assert!(
        err.contains("+") && err.contains("The room is gone"),
        "a short diff: {err}"
    );
    assert!(err.contains("run `errcat gen` and commit"), "{err}");
    assert_eq!(
        before,
        std::fs::read(p.path().join("generated/json/catalog.json")).unwrap()
    );
}

#[test]
fn duplicate_code_fails_gen_with_both_places() {
    let p = repo_copy();
    let ns = p.path().join("schema/av/server.yaml");
    let text = std::fs::read_to_string(&ns).unwrap();
    std::fs::write(&ns, text.replacen("code: 10002", "code: 10001", 1)).unwrap();
    let before = std::fs::read(p.path().join("generated/json/catalog.json")).unwrap();
    let out = errcat(p.path(), &["gen"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[duplicate-code]: code 10001 is defined twice in namespace av.server"),
        "{err}"
    );
    assert!(err.contains("--> schema/av/server.yaml:"), "{err}");
    assert!(
        err.contains("first defined here") && err.contains("defined again here"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        before,
        std::fs::read(p.path().join("generated/json/catalog.json")).unwrap()
    );
    // A check never writes, and does not say it did not.
    let out = errcat(p.path(), &["gen", "--check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.ends_with("error: the catalog has errors\n"), "{err}");
}
