//! Directories that errcat's removals leave empty go with the stale files, up to
//! the target's output directory; a directory holding anything else stays.

use std::path::Path;

use crate::support::errcat;
use crate::writer::{project, snapshot};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn edit_catalog(root: &Path, from: &str, to: &str) {
    let catalog = root.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&catalog, text.replace(from, to)).unwrap();
}

/// Runs `gen`, asserts it succeeded with `summary` in its output, and that
/// `gen --check` then agrees.
fn gen_then_check(root: &Path, summary: &str) {
    let out = errcat(root, &["gen"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(summary), "{summary}: {err}");
    let check = errcat(root, &["gen", "--check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_renamed_java_package_leaves_no_empty_directories() {
    let p = project();
    assert!(errcat(p.path(), &["gen"]).status.success());
    let java = p.path().join("generated/java/src/main/java");
    std::fs::write(java.join("com/example/NOTES.txt"), "mine\n").unwrap();
    edit_catalog(p.path(), "com.example.golden", "org.other.codes");
    let check = errcat(p.path(), &["gen", "--check"]);
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "empty:   generated/java/src/main/java/com/example/golden/ (left empty once the extra files go)"
        ),
        "{err}"
    );
    assert!(
        !err.contains("com/example/ "),
        "a user's file keeps it: {err}"
    );
    gen_then_check(p.path(), "removed 6 (and 1 emptied directory)");
    assert!(!java.join("com/example/golden").exists());
    assert_eq!(
        std::fs::read_to_string(java.join("com/example/NOTES.txt")).unwrap(),
        "mine\n"
    );
    assert!(java.join("org/other/codes/ErrcatCode.java").is_file());

    // org/ held only errcat's files: all of it goes. com/example/, emptied by the
    // user, is no leftover of errcat's, and neither gen nor its check minds it.
    std::fs::remove_file(java.join("com/example/NOTES.txt")).unwrap();
    edit_catalog(p.path(), "org.other.codes", "net.third");
    gen_then_check(p.path(), "removed 6 (and 3 emptied directories)");
    assert!(!java.join("org").exists());
    assert!(java.join("com/example").is_dir());
    assert!(java.join("net/third/ErrcatCode.java").is_file());
}

#[test]
fn a_removed_namespace_takes_its_directory_along_unless_gen_fails() {
    let p = project();
    // A target with a directory per namespace.
    let t = p.path().join("templates/pages");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(t.join("page.tera"), "{{ catalog.header }}\n").unwrap();
    std::fs::write(
        t.join("target.yaml"),
        "profile: json\nfiles:\n  - { template: page.tera, path: \"{{ namespace.page }}/page.txt\", each: namespace }\n",
    )
    .unwrap();
    let catalog = p.path().join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(
        &catalog,
        text + "  - { id: pages, templates: pages, out: generated/pages }\n",
    )
    .unwrap();
    assert!(errcat(p.path(), &["gen"]).status.success());
    let pages = p.path().join("generated/pages");
    assert!(pages.join("type/page.txt").is_file());
    std::fs::remove_file(p.path().join("schema/type.yaml")).unwrap();

    // A failed run removes neither the stale files nor their directories.
    let json = p.path().join("generated/json/catalog.json");
    let generated = std::fs::read(&json).unwrap();
    std::fs::write(&json, "{\"mine\": true}\n").unwrap();
    let before = snapshot(&p.path().join("generated"));
    let out = errcat(p.path(), &["gen"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(before, snapshot(&p.path().join("generated")));
    assert!(pages.join("type").is_dir());

    std::fs::write(&json, generated).unwrap();
    gen_then_check(p.path(), "(and 1 emptied directory)");
    assert!(!pages.join("type").exists());
    assert!(pages.join("shop.order/page.txt").is_file());
    assert!(pages.is_dir());
}
