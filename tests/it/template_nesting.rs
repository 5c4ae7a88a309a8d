//! Templates that nest without end: an include or parent loop, a component that
//! calls itself without end, a chain too deep for the stack. Each is a `template`
//! diagnostic at the tag that closes the loop or goes too deep, never a crash; the
//! snapshots in `tests/fixtures/template-nesting/` show how each reads. And loops
//! that take too long to end, which a time limit stops.

use std::path::Path;

use crate::support::{assert_snapshot, errcat, errcat_env, repo};

/// A project of four namespaces and one target per entry of `targets`, each made of
/// `templates` (name, text) and rendering `main.tera` once per catalog and
/// `ns.tera` (when there is one) once per namespace.
pub(crate) fn project(targets: &[&str], templates: &[(&str, String)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    let ids: Vec<String> = targets
        .iter()
        .map(|t| format!("  - {{ id: {t}, templates: {t}, out: gen/{t} }}\n"))
        .collect();
    std::fs::write(
        p.join("catalog.yaml"),
        format!(
            "catalog: nesting\nformat: 1\nroot: .\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\ntargets:\n{}",
            ids.concat()
        ),
    )
    .unwrap();
    namespaces(p, 4);
    let per_namespace = templates.iter().any(|(n, _)| *n == "ns.tera");
    for t in targets {
        let dir = p.join("templates").join(t);
        std::fs::create_dir_all(&dir).unwrap();
        let mut spec =
            "profile: json\nfiles:\n  - { template: main.tera, path: all.txt }\n".to_owned();
        if per_namespace {
            spec.push_str(
                "  - { template: ns.tera, path: \"{{ namespace.id }}.txt\", each: namespace }\n",
            );
        }
        std::fs::write(dir.join("target.yaml"), spec).unwrap();
        for (name, text) in templates {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    tmp
}

/// `n` namespace files in `p`, `n1.yaml` on, of one code each.
fn namespaces(p: &Path, n: usize) {
    for n in 1..=n {
        std::fs::write(
            p.join(format!("n{n}.yaml")),
            format!("namespace: app.n{n}\nlocales: [en]\nentries:\n  - {{ code: 1, name: OK, message: fine }}\n"),
        )
        .unwrap();
    }
}

pub(crate) const HEADER: &str = "{{ catalog.header }}\n";

/// `errcat check` and `gen` in `p`: both fail with the same findings and write
/// nothing; the check's output, for a snapshot.
pub(crate) fn refused(p: &Path) -> String {
    let check = errcat(p, &["check", "catalog.yaml"]);
    let stderr = String::from_utf8_lossy(&check.stderr).into_owned();
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    let generate = errcat(p, &["gen", "catalog.yaml"]);
    let gen_err = String::from_utf8_lossy(&generate.stderr);
    assert_eq!(generate.status.code(), Some(1), "{gen_err}");
    assert!(
        gen_err.starts_with(stderr.trim_end_matches("\n")),
        "{gen_err}"
    );
    assert!(!p.join("gen").exists());
    stderr
}

/// A chain of `n` templates, `main.tera` first, each including the next; the last
/// holds `last`.
fn chain(n: usize, last: &str) -> Vec<(&'static str, String)> {
    let name = |i: usize| -> &'static str {
        if i == 0 {
            "main.tera"
        } else {
            Box::leak(format!("t{i}.tera").into_boxed_str())
        }
    };
    (0..n)
        .map(|i| {
            let head = if i == 0 { HEADER } else { "" };
            let text = if i + 1 == n {
                format!("{head}{last}\n")
            } else {
                format!("{head}{{% include \"{}\" %}}\n", name(i + 1))
            };
            (name(i), text)
        })
        .collect()
}

#[test]
fn loops_and_runaway_recursion_point_at_the_closing_tag() {
    let mut all = String::new();
    let cases: [(&str, Vec<(&str, String)>); 6] = [
        (
            "an include loop, entered from main.tera",
            vec![
                ("main.tera", format!("{HEADER}{{% include \"a.tera\" %}}\n")),
                ("a.tera", "A\n{% include \"b.tera\" %}\n".into()),
                ("b.tera", "B\n  {%- include \"a.tera\" -%}\n".into()),
            ],
        ),
        (
            "a template that includes itself",
            vec![(
                "main.tera",
                format!("{HEADER}{{% include 'main.tera' %}}\n"),
            )],
        ),
        (
            "a parent loop",
            vec![
                ("main.tera", format!("{HEADER}{{% include \"a.tera\" %}}\n")),
                (
                    "a.tera",
                    "{% extends \"b.tera\" %}{% block x %}A{% endblock x %}\n".into(),
                ),
                (
                    "b.tera",
                    "{% extends \"a.tera\" %}{% block x %}B{% endblock x %}\n".into(),
                ),
            ],
        ),
        (
            "a component that calls itself without end",
            vec![(
                "main.tera",
                format!(
                    "{HEADER}{{% component down(n) %}}{{{{ n }}}} {{{{ <down n={{n + 1}}/> }}}}{{% endcomponent down %}}\n{{{{ <down n={{1}}/> }}}}\n"
                ),
            )],
        ),
        (
            "a component whose recursion ends, but deeper than Tera allows",
            vec![(
                "main.tera",
                format!(
                    "{HEADER}{{% component down(n) %}}{{% if n < 1000 %}}{{{{ <down n={{n + 1}}/> }}}}{{% endif %}}{{% endcomponent down %}}\n{{{{ <down n={{1}}/> }}}}\n"
                ),
            )],
        ),
        (
            "components that call each other without end, one through an include",
            vec![
                (
                    "main.tera",
                    format!(
                        "{HEADER}{{% component ping(n) %}}{{% include \"pong.tera\" %}}{{% endcomponent ping %}}\n{{% component pong(n) %}}{{% <ping n={{n}}> %}}{{% </ping> %}}{{% endcomponent pong %}}\n{{{{ <ping n={{1}}/> }}}}\n"
                    ),
                ),
                ("pong.tera", "{{ <pong n={n}/> }}\n".into()),
            ],
        ),
    ];
    for (what, templates) in cases {
        let p = project(&["t"], &templates);
        all.push_str(&format!("## {what}\n{}\n", refused(p.path())));
    }

    // One template more than errcat nests.
    let p = project(&["t"], &chain(17, "end"));
    all.push_str(&format!(
        "## a chain 17 templates deep\n{}\n",
        refused(p.path())
    ));
    // A chain of 16 (read first, in name order: a.tera, a1.tera, …), reached from
    // main.tera through two more.
    let mut templates: Vec<(&str, String)> = vec![
        ("main.tera", format!("{HEADER}{{% include \"x.tera\" %}}\n")),
        ("x.tera", "{% include \"y.tera\" %}\n".into()),
        ("y.tera", "{% include \"a.tera\" %}\n".into()),
        ("a.tera", "{% include \"a1.tera\" %}\n".into()),
    ];
    for i in 1..16 {
        let next = if i < 15 {
            format!("{{% include \"a{}.tera\" %}}\n", i + 1)
        } else {
            "end\n".to_owned()
        };
        templates.push((Box::leak(format!("a{i}.tera").into_boxed_str()), next));
    }
    let p = project(&["t"], &templates);
    all.push_str(&format!(
        "## a chain of 16 reached through two more\n{}",
        refused(p.path())
    ));
    assert_snapshot(
        &repo().join("tests/fixtures/template-nesting/refused.txt"),
        &all,
    );
}

/// A component defined in two templates of a target: Tera names both templates but
/// no position; errcat points at both `{% component %}` tags.
#[test]
fn a_component_defined_twice_points_at_both_definitions() {
    let p = project(
        &["t"],
        &[
            (
                "main.tera",
                format!("{HEADER}{{% include \"a.tera\" %}}{{{{ <box x={{1}}/> }}}}\n"),
            ),
            (
                "a.tera",
                "{% component box(x) %}[{{ x }}]{% endcomponent box %}\n".into(),
            ),
            (
                "b.tera",
                "\n  {%- component box(y) -%}<{{ y }}>{% endcomponent box %}\n".into(),
            ),
        ],
    );
    assert_snapshot(
        &repo().join("tests/fixtures/template-nesting/component-defined-twice.txt"),
        &refused(p.path()),
    );
}

/// The deepest nesting errcat allows renders without exhausting any thread's stack:
/// 16 templates inside each other (a component's body including a chain of 15) at
/// each of the 20 levels of component calls Tera allows, in catalog files (two
/// targets: on worker threads) and namespace files, on one thread and on two.
/// A chain of a thousand includes, which overflowed the stack, is refused.
#[test]
fn the_deepest_allowed_nesting_renders_and_deeper_is_refused() {
    let call = "{{ n }}:{% if n < 20 %}{{ <c n={n + 1}/> }}{% endif %}";
    let mut templates = chain(16, call);
    let calls = format!("{HEADER}{{{{ <c n={{1}}/> }}}}\n");
    templates[0] = (
        "comp.tera",
        "{% component c(n) %}{% include \"t1.tera\" %}{% endcomponent c %}\n".into(),
    );
    templates.push(("main.tera", calls.clone()));
    templates.push(("ns.tera", calls));
    let p = project(&["a", "b"], &templates);
    for threads in ["1", "2"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_errcat"))
            .current_dir(p.path())
            .args(["gen", "catalog.yaml"])
            .env("ERRCAT_THREADS", threads)
            .env("ERRCAT_CACHE_DIR", "")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{threads} threads: {stderr}");
    }
    let all = std::fs::read_to_string(p.path().join("gen/a/all.txt")).unwrap();
    assert!(
        all.trim_end().ends_with("end") || all.contains("19"),
        "{all}"
    );

    let p = project(&["t"], &chain(1000, "end"));
    let stderr = refused(p.path());
    assert!(
        stderr.contains("its templates nest more than 16 deep")
            && stderr.contains("templates/t/t15.tera:1:1"),
        "{stderr}"
    );
}

/// What Tera does not read as code is not a tag: an include loop in a comment or a
/// `{% raw %}` block is text.
#[test]
fn tags_in_comments_and_raw_blocks_are_text() {
    let p = project(
        &["t"],
        &[(
            "main.tera",
            format!(
                "{HEADER}{{# {{% include \"main.tera\" %}} #}}{{% raw %}}{{% include \"main.tera\" %}}{{{{ <c/> }}}}{{% endraw %}}\n"
            ),
        )],
    );
    let out = errcat(p.path(), &["gen", "catalog.yaml"]);
    crate::support::assert_success(&out);
    let all = std::fs::read_to_string(p.path().join("gen/t/all.txt")).unwrap();
    assert!(
        all.contains("{% include \"main.tera\" %}{{ <c/> }}"),
        "{all}"
    );
}

/// A template whose loops multiply (10^10 steps that write nothing) is stopped after
/// `ERRCAT_TEMPLATE_TIMEOUT` seconds, named, with the files of the target rendered
/// before it (staged, on one thread and with more namespaces than it renders side by
/// side) removed again: nothing is written, by `gen` or by `check`.
#[test]
fn a_template_that_runs_too_long_is_stopped_and_named() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    std::fs::write(
        p.join("catalog.yaml"),
        "catalog: slow\nformat: 1\nroot: .\nlocales: [en]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\ntargets:\n  - { id: a, templates: a, out: gen/a }\n  - { id: b, templates: b, out: gen/b }\n",
    )
    .unwrap();
    namespaces(p, 9);
    let body = [
        ("a", "done\n"),
        (
            "b",
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}\n",
        ),
    ];
    for (t, text) in body {
        let dir = p.join("templates").join(t);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("target.yaml"),
            "profile: json\nfiles:\n  - { template: main.tera, path: \"{{ namespace.id }}.txt\", each: namespace }\n",
        )
        .unwrap();
        std::fs::write(dir.join("main.tera"), format!("{HEADER}{text}")).unwrap();
    }
    // The paths alone: a failure then lists a staged file by its name, not its bytes.
    let files = |p: &Path| -> Vec<std::path::PathBuf> {
        crate::support::tree(p)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    };
    let before = files(p);
    let env = [
        ("ERRCAT_TEMPLATE_TIMEOUT", Path::new("1")),
        ("ERRCAT_THREADS", Path::new("1")),
    ];
    for command in ["gen", "check"] {
        let out = errcat_env(p, &[command, "catalog.yaml"], &env);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.starts_with(
                "error: templates/b/main.tera ran for 1 second without finishing a file of target `b`, and was stopped"
            ) && stderr.contains("ERRCAT_TEMPLATE_TIMEOUT sets the limit"),
            "{command}: {stderr}"
        );
        assert_eq!(files(p), before, "{command}");
        assert!(!p.join("gen").exists(), "{command}");
        // Nor the lock file of a run that exits without dropping its guard.
        let lock = std::env::temp_dir().join(errcat::write::lock_name(p));
        assert!(!lock.exists(), "{command}: {}", lock.display());
    }
}
