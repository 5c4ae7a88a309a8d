//! Parser limits: an alias bomb is refused with a diagnostic, not expanded.
//! (A legitimate 100,000-code file passes them: `cargo xtask bench` checks one.)

use crate::support::diagnostics_text;

#[test]
fn an_alias_bomb_is_refused_with_a_diagnostic() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = tmp.path().join("catalog.yaml");
    // Nine levels of nine aliases: 387,420,489 strings if expanded.
    std::fs::write(&catalog, errcat::synth::alias_bomb_catalog(9)).unwrap();
    let checked = errcat::check(&catalog);
    let text = diagnostics_text(&checked);
    assert!(checked.catalog.is_none(), "{text}");
    assert!(text.contains("error[yaml-syntax]"), "{text}");
    assert!(
        text.contains("catalog.yaml:"),
        "the diagnostic names the file and line: {text}"
    );
}
