//! A block tag left open (a missing `{% endfor %}`): Tera reports where it gave up,
//! the end of the file or a later tag; errcat names the tag left open and the end
//! tag it needs. The snapshot in `tests/fixtures/template-nesting/unclosed.txt`
//! shows how each reads.

use crate::support::{assert_snapshot, repo};
use crate::template_nesting::{HEADER, project, refused};

#[test]
fn a_block_left_open_is_named_with_the_end_tag_it_needs() {
    let cases: [(&str, &str); 9] = [
        (
            "a `for` without `endfor`",
            "{% for n in catalog.namespaces %}\n{{ n.id }}\n",
        ),
        (
            "a `for` without `endfor`, a component defined after it",
            "{% for n in catalog.namespaces %}\n{{ n.id }}\n\
             {% component note(x) %}[{{ x }}]{% endcomponent note %}\n",
        ),
        (
            "an `if` still open at the `endfor` around it",
            "{%- for n in catalog.namespaces %}\n  {%- if n.title %}{{ n.title.text }}\n{%- endfor %}\n",
        ),
        (
            "a `raw` without `endraw`",
            "{% raw %}int zero[1][1] = {{0}};\n",
        ),
        (
            "a `set` block without `endset`",
            "{% set ids %}{% for n in catalog.namespaces %}{{ n.id }} {% endfor %}\n{{ ids }}\n",
        ),
        (
            "a component definition without `endcomponent`",
            "{% component note(x) %}[{{ x }}]\n{{ <note x=\"a\"/> }}\n",
        ),
        (
            "a component called with a body, not closed",
            "{% component note() %}[{{ body }}]{% endcomponent note %}\n\
             {% <note> %}text\n",
        ),
        (
            "a `filter` section without `endfilter`",
            "{% filter upper %}{{ catalog.id }}\n",
        ),
        // Not for a block left open: Tera's own error, where it is.
        (
            "an expression error after a `for` left open",
            "{% for n in catalog.namespaces %}\n{{ n.id + }}\n",
        ),
    ];
    let mut all = String::new();
    for (what, main) in cases {
        let p = project(&["t"], &[("main.tera", format!("{HEADER}{main}"))]);
        all.push_str(&format!("## {what}\n{}\n", refused(p.path())));
    }
    assert_snapshot(
        &repo().join("tests/fixtures/template-nesting/unclosed.txt"),
        &all,
    );
}
