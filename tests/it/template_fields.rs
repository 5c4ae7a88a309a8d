//! A field no view has: `{% if e.htpp %}` is always false, without a word from Tera.
//! Where errcat knows the variable's type, it warns, with the field meant; the
//! snapshot in `tests/fixtures/template-fields/unknown.txt` shows how it reads.

use crate::support::{assert_snapshot, errcat, repo};
use crate::template_nesting::{HEADER, project};

#[test]
fn a_misspelt_field_in_a_test_is_a_warning_with_the_field_meant() {
    // A map's keys and a name `set` binds are not known: no warning for them.
    let main = format!(
        "{HEADER}{{% for ns in namespaces %}}{{% for e in ns.entries %}}\n\
         {{% if e.htpp %}}{{{{ e.http }}}}{{% endif %}}\n\
         {{% if e.message.locales[0].fallback or ns.title.txt %}}!{{% endif %}}\n\
         {{% endfor %}}{{% endfor %}}\n\
         {{% set c = catalog %}}{{% if catalog.options.anything or c.anything %}}{{% endif %}}\n"
    );
    let p = project(&["t"], &[("main.tera", main)]);
    let out = errcat(p.path(), &["gen", "catalog.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "a warning: {stderr}");
    assert!(p.path().join("gen/t/all.txt").exists());
    let check = errcat(p.path(), &["check", "catalog.yaml"]);
    assert_eq!(check.status.code(), Some(0));
    assert_snapshot(
        &repo().join("tests/fixtures/template-fields/unknown.txt"),
        &String::from_utf8_lossy(&check.stderr),
    );
    let denied = errcat(p.path(), &["check", "catalog.yaml", "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(1));
}
