//! Namespace files no pattern matches are found at any depth below the catalog, but
//! not in another catalog's tree.

use crate::support::{diagnostics_text, project};

const CATALOG: &str =
    "catalog: a\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"av/*.yaml\"]\n";

fn namespace(id: &str) -> String {
    format!("namespace: {id}\nentries:\n  - {{ code: 1, name: ONE, message: One }}\n")
}

#[test]
fn a_namespace_file_moved_deeper_than_the_patterns_is_reported() {
    // Another catalog's tree (other/) is that catalog's business.
    let tmp = project(&[
        ("catalog.yaml", CATALOG),
        ("av/client.yaml", &namespace("av.client")),
        ("av/push/errors.yaml", &namespace("av.push")),
        ("teams/pay/api/errors.yaml", &namespace("pay.api")),
        ("other/catalog.yaml", CATALOG),
        ("other/deep/x/errors.yaml", &namespace("other.x")),
    ]);
    let p = tmp.path();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p, p.join("av/loop")).unwrap();

    let text = diagnostics_text(&errcat::check(&p.join("catalog.yaml")));
    for file in ["av/push/errors.yaml", "teams/pay/api/errors.yaml"] {
        assert!(
            text.contains(&format!("/{file} holds namespace")),
            "{file}:\n{text}"
        );
    }
    assert!(!text.contains("other.x"), "{text}");
    assert_eq!(
        text.matches("warning[namespace-unlisted]").count(),
        2,
        "{text}"
    );
    assert!(text.ends_with("0 errors, 2 warnings\n"), "{text}");
}

/// A pattern that failed (a match linked outside the root) is an error of its own: the
/// files it matches are not also reported as matched by no pattern.
#[cfg(unix)]
#[test]
fn files_of_a_pattern_that_failed_are_not_unlisted() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("project");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(
        p.join("catalog.yaml"),
        CATALOG.replace("av/*.yaml", "*.yaml"),
    )
    .unwrap();
    std::fs::write(p.join("app.yaml"), namespace("app")).unwrap();
    std::fs::write(tmp.path().join("secret.env"), "password: x\n").unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.env"), p.join("env.yaml")).unwrap();

    let text = diagnostics_text(&errcat::check(&p.join("catalog.yaml")));
    assert!(text.contains("resolves outside the catalog root"), "{text}");
    assert!(text.ends_with("1 error, 0 warnings\n"), "{text}");
}
