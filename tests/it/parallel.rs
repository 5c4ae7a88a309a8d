//! Rendering on several threads writes exactly the bytes of a single-threaded run.

use crate::support::write_synth;

#[test]
fn parallel_and_single_threaded_renders_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    write_synth(tmp.path(), 10_000);
    let checked = errcat::check(&tmp.path().join(errcat::synth::CATALOG));
    let Some(catalog) = &checked.catalog else {
        panic!("{}", crate::support::diagnostics_text(&checked))
    };
    let one = errcat::render::generate_with(catalog, 1).expect("renders");
    let many = errcat::render::generate_with(catalog, 4).expect("renders");
    assert_eq!(one.len(), many.len());
    assert!(
        one.len() > 50,
        "every target renders per namespace: {} files",
        one.len()
    );
    for (a, b) in one.iter().zip(&many) {
        assert_eq!((&a.target, &a.path), (&b.target, &b.path));
        assert!(
            a.text == b.text,
            "{}/{} differs between 1 and 4 threads",
            a.target,
            a.path.display()
        );
    }
}
