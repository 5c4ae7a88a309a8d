//! generated/ is exactly what `cargo xtask gen` writes: a test, so nobody can forget it.

use crate::support::repo;

#[test]
fn generated_files_are_current() {
    let checked = errcat::check(&repo().join("schema/catalog.yaml"));
    let catalog = checked.catalog.expect("schema/ validates");
    let root = checked.root.unwrap();
    let placed = errcat::render_to_paths(&catalog, &root, None).expect("renders");
    let plan = errcat::write::plan(placed.files, &placed.dirs).unwrap();
    let stale: Vec<String> = plan
        .changes
        .iter()
        .map(|p| {
            format!(
                "{} ({:?})",
                p.path.display(),
                std::mem::discriminant(&p.change)
            )
        })
        .collect();
    assert!(
        stale.is_empty() && plan.foreign.is_empty() && plan.clashes.is_empty(),
        "generated/ is stale, run `cargo xtask gen` and commit: {stale:#?}"
    );
}
