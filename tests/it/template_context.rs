//! docs/template-context.md says what each kind of file (`each:`) sees: a probe target
//! renders one file of every kind and lists the variables and fields it actually got.

use std::fmt::Write as _;

use crate::support::errcat;
use errcat::context_doc::{self, VARIABLES};

#[test]
fn each_kind_of_file_sees_what_the_page_documents() {
    let defs = context_doc::definitions();
    let fields = |type_name: &str| -> Vec<String> {
        defs[type_name]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    // One line per variable the file has, naming each documented field it has.
    let mut probe = String::from("{{ catalog.header }}\n");
    for v in VARIABLES {
        let item = if v.list {
            format!("{}[0]", v.name)
        } else {
            v.name.to_string()
        };
        let _ = write!(probe, "{{% if {} is defined %}}{}:", v.name, v.name);
        for f in fields(v.type_name) {
            let _ = write!(probe, "{{% if {item}.{f} is defined %}} {f}{{% endif %}}");
        }
        probe.push_str("\n{% endif %}");
    }

    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(
        p,
        "[en, zh-CN]",
        "{ code: 1, name: A, message: { en: a, zh-CN: 甲 } }",
    );
    let mut manifest = String::from("profile: json\nfiles:\n");
    for (each, path) in [
        ("catalog", "catalog.txt"),
        ("locale", "locale-{{ locale.tag }}.txt"),
        ("namespace", "namespace-{{ namespace.id }}.txt"),
        (
            "namespace_locale",
            "namespace_locale-{{ namespace.id }}-{{ locale.tag }}.txt",
        ),
    ] {
        let _ = writeln!(
            manifest,
            "  - {{ template: probe.tera, path: \"{path}\", each: {each} }}"
        );
    }
    std::fs::write(p.join("templates/probe/target.yaml"), manifest).unwrap();
    std::fs::write(p.join("templates/probe/probe.tera"), &probe).unwrap();
    gen_ok(p);

    for (each, file) in [
        ("catalog", "catalog.txt"),
        ("locale", "locale-en.txt"),
        ("namespace", "namespace-app.core.txt"),
        ("namespace_locale", "namespace_locale-app.core-zh-CN.txt"),
    ] {
        let got = std::fs::read_to_string(p.join("out").join(file)).unwrap();
        // The first line is the header (one JSON string in the json profile).
        let got: Vec<&str> = got.lines().skip(1).collect();
        let want: Vec<String> = VARIABLES
            .iter()
            .filter(|v| v.each.iter().any(|e| context_doc::each_name(*e) == each))
            .map(|v| format!("{}: {}", v.name, fields(v.type_name).join(" ")))
            .collect();
        assert_eq!(got, want, "each: {each}");
    }
}

#[test]
fn the_page_is_current() {
    let committed =
        std::fs::read_to_string(crate::support::repo().join("docs/template-context.md"))
            .unwrap_or_default()
            .replace("\r\n", "\n");
    assert!(
        committed == context_doc::page(),
        "docs/template-context.md is stale: run `cargo xtask gen` and commit"
    );
}

/// The filters the page documents: `lit` in the target's string style, `count` of a
/// substring, and a clear template error for a `count` with nothing to count.
#[test]
fn the_documented_filters_work() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(
        p,
        "[en]",
        "{ code: 1, name: A_B_C, message: { en: 'say \"hi\"' } }",
    );
    one_file_target(p, "");
    let probe = |body: &str| probe_gen(p, body);

    let got = probe_ok(
        p,
        "{% set e = namespace.entries[0] %}{{ e.name | lit }} {{ e.name | count(pat=\"_\") }} \
         {{ e.message.lit | count(pat='\"') }} {{ e.name | count(pat=\"x\") }}",
    );
    assert_eq!(got.lines().nth(1), Some(r#""A_B_C" 2 4 0"#));

    // `lit` in a named style: a TOML string, a SQL one, Markdown text.
    let got = probe_ok(
        p,
        "{% set e = namespace.entries[0] %}{{ e.message.text | lit(style=\"toml\") }} \
         {{ e.message.text | lit(style=\"sql\") }} {{ \"<b>\" | lit(style=\"markdown\") }}",
    );
    assert_eq!(
        got.lines().nth(1),
        Some(r#""say \"hi\"" 'say "hi"' &lt;&#x2060;b&gt;"#)
    );
    let out = probe("{{ namespace.id | lit(style=\"yaml\") }}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("`lit` has no style `yaml`; the styles are rust, java,"),
        "{stderr}"
    );

    // Every Tera filter the page lists exists (names are checked when templates load).
    let all: String = errcat::context_doc::TERA_FILTERS
        .iter()
        .map(|f| format!("{{{{ namespace.id | {f} }}}}"))
        .collect();
    let out = probe(&format!("{{% if false %}}{all}{{% endif %}}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = probe("{% if false %}{{ namespace.id | map }}{% endif %}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Unknown filter `map`"));

    let out = probe("{{ namespace.id | count(pat=\"\") }}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("`count` needs a non-empty `pat`") && stderr.contains("probe.tera"),
        "{stderr}"
    );
}

/// A map iterates in a fixed order, run after run: the options in key order, a map
/// written in a template as written. (Tera keeps maps in a hash map of random seed
/// unless built with `preserve_order`: `gen --check` then found a template that loops
/// over `catalog.options` stale every other run.)
#[test]
fn maps_iterate_in_a_fixed_order() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(p, "[en]", "{ code: 1, name: A, message: a }");
    one_file_target(
        p,
        "options: { zeta: 1, alpha: 2, mu: 3, beta: 4, omega: 5, kappa: 6 }\n",
    );
    let body = "{% for k, v in catalog.options %}{{ k }} {% endfor %}|\
                {% for k, v in {\"f\": 1, \"b\": 2, \"e\": 3, \"a\": 4, \"d\": 5, \"c\": 6} %}{{ k }} {% endfor %}";
    for _ in 0..4 {
        let text = probe_ok(p, body);
        assert!(
            text.ends_with("\nalpha beta kappa mu omega zeta |f b e a d c \n"),
            "{text}"
        );
    }
}

/// The probe target as one file per namespace, `probe.txt` from `probe.tera`, with
/// `extra` (its `options:`, say) in its target.yaml.
fn one_file_target(p: &std::path::Path, extra: &str) {
    std::fs::write(
        p.join("templates/probe/target.yaml"),
        format!(
            "profile: json\n{extra}files:\n  - {{ template: probe.tera, path: probe.txt, each: namespace }}\n"
        ),
    )
    .unwrap();
}

/// `errcat gen` in a probe project whose `probe.tera` is the header and `body`.
fn probe_gen(p: &std::path::Path, body: &str) -> std::process::Output {
    std::fs::write(
        p.join("templates/probe/probe.tera"),
        format!("{{{{ catalog.header }}}}\n{body}\n"),
    )
    .unwrap();
    errcat(p, &["gen"])
}

/// What `probe_gen` wrote, which must succeed.
fn probe_ok(p: &std::path::Path, body: &str) -> String {
    let out = probe_gen(p, body);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(p.join("out/probe.txt")).unwrap()
}

/// `errcat gen` in project `p`, which must succeed.
fn gen_ok(p: &std::path::Path) {
    let out = errcat(p, &["gen"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `errcat gen` in a probe project, which must fail with `want` at the probe
/// target's (first) file spec.
fn gen_fails_at_the_spec(p: &std::path::Path, want: &str) {
    let out = errcat(p, &["gen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(want) && stderr.contains("templates/probe/target.yaml:3:"),
        "{stderr}"
    );
}

/// A project with one namespace of one `entry` and a target `probe` whose
/// templates the test writes to `templates/probe/`.
fn probe_project(p: &std::path::Path, locales: &str, entry: &str) {
    std::fs::create_dir_all(p.join("schema")).unwrap();
    std::fs::create_dir_all(p.join("templates/probe")).unwrap();
    std::fs::write(
        p.join("schema/catalog.yaml"),
        format!(
            "catalog: probe\nformat: 1\nroot: ..\nlocales: {locales}\ndefault_locale: en\n\
             namespaces: [a.yaml]\ntargets:\n  - {{ id: probe, templates: probe, out: out }}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        p.join("schema/a.yaml"),
        format!("namespace: app.core\nentries:\n  - {entry}\n"),
    )
    .unwrap();
}

/// Adds namespace `app.b` with `entries` to a probe project, listed before `app.core`.
fn first_namespace(p: &std::path::Path, entries: &str) {
    std::fs::write(
        p.join("schema/b.yaml"),
        format!("namespace: app.b\nentries:\n{entries}"),
    )
    .unwrap();
    let catalog = p.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(&catalog, text.replace("[a.yaml]", "[b.yaml, a.yaml]")).unwrap();
}

/// `parts:` renders its template once per namespace, in namespace order, and hands
/// the texts to the file's template; it belongs to files rendered once per catalog
/// or locale.
#[test]
fn parts_render_per_namespace_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(p, "[en]", "{ code: 1, name: A, message: { en: a } }");
    first_namespace(
        p,
        "  - { code: 7, name: B, message: { en: b } }\n  - { code: 9, name: C, message: { en: c } }\n",
    );
    std::fs::write(
        p.join("templates/probe/part.tera"),
        "{{ namespace.id }}:{% for e in namespace.entries %} {{ e.code }}{% endfor %}",
    )
    .unwrap();
    std::fs::write(
        p.join("templates/probe/all.tera"),
        "{{ catalog.header }}\n{% for p in parts %}[{{ p }}]{% endfor %}\n",
    )
    .unwrap();
    let manifest = |each: &str, part: &str| {
        std::fs::write(
            p.join("templates/probe/target.yaml"),
            format!(
                "profile: json\nfiles:\n  - {{ template: all.tera, path: all.txt, each: {each}, parts: {part} }}\n"
            ),
        )
        .unwrap();
    };

    manifest("catalog", "part.tera");
    gen_ok(p);
    let got = std::fs::read_to_string(p.join("out/all.txt")).unwrap();
    assert_eq!(got.lines().nth(1), Some("[app.b: 7 9][app.core: 1]"));

    for (each, part, want) in [
        (
            "namespace",
            "part.tera",
            "`parts` is for a file rendered once per catalog or locale, not `each: namespace`",
        ),
        (
            "catalog",
            "nothing.tera",
            "template `nothing.tera` is not in templates/probe",
        ),
        (
            "catalog",
            "prat.tera",
            "template `prat.tera` is not in templates/probe\n --> templates/probe/target.yaml:3:",
        ),
        ("catalog", "prat.tera", "help: did you mean `part.tera`?"),
    ] {
        manifest(each, part);
        gen_fails_at_the_spec(p, want);
    }
}

/// `parts_by: codes` renders the part once per run of up to 1,000 codes of the
/// lookup, in code order (a code of two namespaces once), per locale for a file
/// rendered per locale; `parts_by` needs `parts` and is `namespace` or `codes`.
#[test]
fn parts_by_codes_render_runs_of_the_lookup() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(
        p,
        "[en, de]",
        "{ code: 7, name: A, message: { en: a, de: a } }",
    );
    let entries: String = (0..1500)
        .map(|c| format!("  - {{ code: {c}, name: B_{c}, message: {{ en: b, de: b }} }}\n"))
        .collect();
    first_namespace(p, &entries);
    std::fs::write(
        p.join("templates/probe/part.tera"),
        "{{ locale.tag }}{% for c in codes %} {{ c.code }}:{% for u in c.uses %}{{ u.namespace }},{% endfor %}{% endfor %}",
    )
    .unwrap();
    std::fs::write(
        p.join("templates/probe/all.tera"),
        "{{ catalog.header }}\n{% for p in parts %}[{{ p | count(pat=\" \") }} {{ p | truncate(length=30, end=\"\") }}]{% endfor %}\n{{ parts | join(sep=\"|\") }}\n",
    )
    .unwrap();
    let manifest = |spec: &str| {
        std::fs::write(
            p.join("templates/probe/target.yaml"),
            format!("profile: json\nfiles:\n  - {{ template: all.tera, path: \"{{{{ locale.tag }}}}.txt\", {spec} }}\n"),
        )
        .unwrap();
    };

    manifest("each: locale, parts: part.tera, parts_by: codes");
    gen_ok(p);
    for locale in ["en", "de"] {
        let got = std::fs::read_to_string(p.join(format!("out/{locale}.txt"))).unwrap();
        assert_eq!(
            got.lines().nth(1).map(String::from),
            Some(format!(
                "[1000 {locale} 0:app.b, 1:app.b, 2:app.b, ][500 {locale} 1000:app.b, 1001:app.b, 100]"
            ))
        );
        let all = got.lines().nth(2).unwrap_or_default();
        assert!(
            all.contains(" 6:app.b, 7:app.b,app.core, 8:app.b, "),
            "{all}"
        );
        assert_eq!(all.matches('|').count(), 1, "two parts");
    }

    // A namespace without codes is refused before anything renders.
    std::fs::write(
        p.join("schema/a.yaml"),
        "namespace: app.core\nentries: []\n",
    )
    .unwrap();
    let out = errcat(p, &["gen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("error[empty-namespace]"),
        "{stderr}"
    );
    // A valid project again (the catalog lists `a.yaml` alone) for the manifest errors.
    probe_project(
        p,
        "[en, de]",
        "{ code: 7, name: A, message: { en: a, de: a } }",
    );

    for (spec, want) in [
        ("parts_by: codes", "`parts_by` without `parts`"),
        (
            "parts: part.tera, parts_by: entries",
            "`parts_by: entries` is not one of namespace, codes",
        ),
    ] {
        manifest(spec);
        gen_fails_at_the_spec(p, want);
    }
}

/// Values keep only the fields some template names, yet a template that reaches a
/// field through a computed key still renders it, and a template error lists every
/// field the value has, not just the ones the templates named.
#[test]
fn computed_keys_and_errors_see_every_field() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(
        p,
        "[en]",
        "{ code: 7, name: A, message: { en: a }, http: 404 }",
    );
    one_file_target(p, "options:\n  cols: [code, http]\n");
    let probe = |body: &str| probe_gen(p, body);

    let out = probe(
        "{% for e in namespace.entries %}{% for c in catalog.options.cols %}{{ e[c] }} {% endfor %}{% endfor %}",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = std::fs::read_to_string(p.join("out/probe.txt")).unwrap();
    assert_eq!(got.lines().nth(1), Some("7 404 "));

    let out = probe("{% for e in namespace.entries %}{{ e.cod }}{% endfor %}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("target `probe`: template `probe.tera` failed")
            && stderr.contains("--> templates/probe/probe.tera:2:38")
            && stderr.contains("help: did you mean `code`? (fields: ")
            && stderr.contains(" http, "),
        "{stderr}"
    );
    // Tera checks names across templates at once and reports them as text: each is
    // located all the same, the first as the diagnostic, the rest as labels.
    let out = probe("{{ namespace.id | nofilter }}\n{{ <nocomp /> }}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("failed: Unknown filter `nofilter`\n --> templates/probe/probe.tera:2:19")
            && stderr
                .contains("3 | {{ <nocomp /> }}\n  |    ---------- Unknown component `nocomp`"),
        "{stderr}"
    );
    // An output path pattern is a template too: its errors point at its `path:`.
    std::fs::write(
        p.join("templates/probe/probe.tera"),
        "{{ catalog.header }}\n",
    )
    .unwrap();
    std::fs::write(
        p.join("templates/probe/target.yaml"),
        "profile: json\nfiles:\n  - { template: probe.tera, path: \"{{ namespace.nope }}.txt\", each: namespace }\n",
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&errcat(p, &["gen"]).stderr).into_owned();
    assert!(
        stderr.contains("output path `{{ namespace.nope }}.txt` failed: Field `nope` is not defined\n --> templates/probe/target.yaml:3:35"),
        "{stderr}"
    );
    one_file_target(p, "options:\n  cols: [code, http]\n");
    // Back to the undefined field: every format carries the template's path, line
    // and column (GitHub annotations land on the template).
    probe("{% for e in namespace.entries %}{{ e.cod }}{% endfor %}");
    assert_eq!(
        first_gen_finding(p),
        serde_json::json!(["template", "templates/probe/probe.tera", 2, 38])
    );
    // A template without the header is pointed at too.
    std::fs::write(p.join("templates/probe/probe.tera"), "no header\n").unwrap();
    assert_eq!(
        first_gen_finding(p),
        serde_json::json!(["template", "templates/probe/probe.tera", 1, 1])
    );
}

/// A field only tested for presence is there: the fields a template names decide what
/// a view keeps, and a deprecation, title or range none of whose own fields is named
/// used to arrive as an empty map, which Tera takes for false.
#[test]
fn a_field_only_tested_is_true_when_present() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(
        p,
        "[en]",
        "{ code: 1, name: OLD, title: { en: Old }, message: { en: a }, deprecated: { reason: Gone., replaced_by: NEW } }
  \
         - { code: 2, name: NEW, message: { en: b } }",
    );
    one_file_target(p, "");
    let out = probe_gen(
        p,
        "{% for e in namespace.entries %}{{ e.name }}:{% if e.deprecated %} deprecated{% endif %}\
         {% if e.title %} titled{% endif %}\n{% endfor %}",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = std::fs::read_to_string(p.join("out/probe.txt")).unwrap();
    assert_eq!(
        got.lines().skip(1).collect::<Vec<_>>(),
        ["OLD: deprecated titled", "NEW:", ""]
    );
}

/// The first finding of `errcat gen --format json` in `p`: rule, file, line, column.
fn first_gen_finding(p: &std::path::Path) -> serde_json::Value {
    let v = crate::support::first_json_diagnostic(&errcat(p, &["gen", "--format", "json"]));
    serde_json::json!([v["rule"], v["file"], v["line"], v["column"]])
}

/// `catalog.delimiter` is a character no packed text holds: U+001F, the next information
/// separator when a catalog that allows control characters uses it, U+2063 when it uses
/// them all (the hostile fixture's `ctl` namespace compiles and reads that case back).
#[test]
fn the_delimiter_is_a_character_no_text_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("catalog.yaml"),
        "catalog: d\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [ns.yaml]\n",
    )
    .unwrap();
    let delimiter = |message: &str| {
        let ns = format!(
            "namespace: ns\nlints: {{ control-char: allow }}\nentries:\n  - {{ code: 1, name: A, message: \"{message}\" }}\n"
        );
        std::fs::write(dir.join("ns.yaml"), ns).unwrap();
        let checked = errcat::check(&dir.join("catalog.yaml"));
        let catalog = checked.catalog.expect("the catalog is valid");
        catalog.delimiter()
    };
    assert_eq!(delimiter("plain"), '\u{1f}');
    assert_eq!(delimiter("a\\x1Fb"), '\u{1e}');
    assert_eq!(delimiter("a\\x1Fb\\x1Ec"), '\u{1d}');
    assert_eq!(delimiter("\\x1F\\x1E\\x1D\\x1C"), '\u{2063}');
}

/// `errcat gen` in a probe project whose one namespace is `id` and whose target
/// renders a header-only template by the `files:` list `files`: it must fail and
/// write nothing; its stderr is returned.
fn gen_refuses_paths(p: &std::path::Path, id: &str, files: &str) -> String {
    probe_project(p, "[en]", "{ code: 1, name: A, message: a }");
    let ns = std::fs::read_to_string(p.join("schema/a.yaml")).unwrap();
    std::fs::write(
        p.join("schema/a.yaml"),
        ns.replacen("namespace: app.core", &format!("namespace: {id}"), 1),
    )
    .unwrap();
    std::fs::write(
        p.join("templates/probe/target.yaml"),
        format!("profile: json\nfiles:\n{files}"),
    )
    .unwrap();
    std::fs::write(
        p.join("templates/probe/probe.tera"),
        "{{ catalog.header }}\n",
    )
    .unwrap();
    let out = errcat(p, &["gen"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{stderr}");
    assert!(!p.join("out").exists(), "nothing is written");
    stderr
}

/// An output path a namespace id makes impossible (a device name on Windows, a name
/// longer than file systems allow) is refused at the path pattern and the namespace.
#[test]
fn an_impossible_output_path_points_at_its_pattern_and_namespace() {
    let tmp = tempfile::tempdir().unwrap();
    let long = ["segment"; 40].join(".");
    for (id, why) in [
        ("aux", "a device name reserved on Windows"),
        (
            long.as_str(),
            "has a name of 323 bytes; file systems allow 255",
        ),
    ] {
        let stderr = gen_refuses_paths(
            tmp.path(),
            id,
            "  - { template: probe.tera, path: \"{{ namespace.id }}.txt\", each: namespace }\n",
        );
        assert!(
            stderr.contains(why)
                && stderr.contains(" --> templates/probe/target.yaml:3:35")
                && stderr.contains(&format!("rendered for namespace `{id}`")),
            "{stderr}"
        );
    }
}

/// An output path Linux writes but a Windows or macOS clone of the committed output
/// cannot hold (a character Windows refuses, a name ending in a dot or a space, a
/// device name in any spelling Windows reads as one, two paths that differ only in
/// case) is refused at its pattern, and at the option whose value made it.
#[test]
fn an_output_path_other_systems_cannot_hold_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for (path, why) in [
        (
            "a?b.txt",
            "contains `?`, which a file name cannot hold on Windows",
        ),
        ("a*b.txt", "contains `*`, which"),
        ("a<b.txt", "contains `<`, which"),
        ("a>b.txt", "contains `>`, which"),
        ("a'b\"c.txt", "contains `\"`, which"),
        ("a|b.txt", "contains `|`, which"),
        (
            "x./y.txt",
            "has a name `x.` ending in a dot, which Windows drops from file names",
        ),
        (
            "x /y.txt",
            "has a name `x ` ending in a space, which Windows drops",
        ),
        ("y.txt.", "has a name `y.txt.` ending in a dot"),
        (
            "Con.txt",
            "uses `Con.txt`, a device name reserved on Windows",
        ),
        ("docs/nul.tar.gz", "uses `nul.tar.gz`, a device name"),
        ("aux .md", "uses `aux .md`, a device name"),
        ("LPT9", "uses `LPT9`, a device name"),
        ("com\u{b9}.md", "uses `com\u{b9}.md`, a device name"),
        // Not a file name at all: the file would be written as `docs`.
        ("docs/", "names a directory (it ends with `/`), not a file"),
        ("docs/.", "names a directory"),
        // Relative to the target's directory, which `..` and `/` would leave.
        ("../escape.h", "leaves the target's output directory (`..`)"),
        (
            "/tmp/abs.h",
            "is absolute; it is relative to the target's output directory",
        ),
        (
            "\\x.h",
            "starts with a backslash, which Windows reads as the root of a drive",
        ),
    ] {
        // Single-quoted in YAML: only `'` is doubled.
        let quoted = path.replace('\'', "''");
        let stderr = gen_refuses_paths(
            tmp.path(),
            "app.core",
            &format!("  - {{ template: probe.tera, path: '{quoted}' }}\n"),
        );
        assert!(
            stderr.contains(&format!(
                "error[bad-path]: target `probe` renders an output path `{path}` that {why}"
            )) && stderr.contains(" --> templates/probe/target.yaml:3:35"),
            "{path}: {stderr}"
        );
    }
    // A value of an option brought the character in.
    let dir = "  - { template: probe.tera, path: \"{{ catalog.options.dir }}/x.txt\" }\n";
    let stderr = gen_refuses_paths(
        tmp.path(),
        "app.core",
        &format!("{dir}options: {{ dir: \"what?\" }}\n"),
    );
    assert!(stderr.contains("option `dir` holds `?`"), "{stderr}");
    // Paths that differ only in case, as files or as directories, one made by an option.
    let stderr = gen_refuses_paths(
        tmp.path(),
        "app.core",
        "  - { template: probe.tera, path: README.md }\n  - { template: probe.tera, path: readme.md }\n",
    );
    assert!(
        stderr.contains(
            "error[bad-path]: output paths out/README.md and out/readme.md differ only in case"
        ) && stderr.contains("renders README.md")
            && stderr.contains("renders readme.md"),
        "{stderr}"
    );
    let stderr = gen_refuses_paths(
        tmp.path(),
        "app.core",
        &format!(
            "{dir}  - {{ template: probe.tera, path: docs/y.txt }}\noptions: {{ dir: Docs }}\n"
        ),
    );
    assert!(
        stderr.contains("output paths out/Docs and out/docs differ only in case")
            && stderr.contains("option `dir` holds `Docs`"),
        "{stderr}"
    );
    // Paths that differ only in Unicode normalisation (`é` as U+00E9, or `e` and
    // U+0301) are one file on macOS: as files, and as directories made by an option.
    let stderr = gen_refuses_paths(
        tmp.path(),
        "app.core",
        "  - { template: probe.tera, path: \"caf\\u00e9.md\" }\n  - { template: probe.tera, path: \"cafe\\u0301.md\" }\n",
    );
    assert!(
        stderr.contains(
            "error[bad-path]: output paths out/cafe\u{301}.md and out/caf\u{e9}.md differ only in Unicode normalisation (`out/cafe\\u{301}.md` and `out/caf\\u{e9}.md`): macOS file systems hold only one of them"
        ) && stderr.contains(" --> templates/probe/target.yaml:3:35")
            && stderr.contains("renders caf\u{e9}.md")
            && stderr.contains("renders cafe\u{301}.md"),
        "{stderr}"
    );
    let stderr = gen_refuses_paths(
        tmp.path(),
        "app.core",
        &format!(
            "{dir}  - {{ template: probe.tera, path: \"Caf\\u00e9/y.txt\" }}\noptions: {{ dir: \"cafe\\u0301\" }}\n"
        ),
    );
    assert!(
        stderr.contains("differ only in case and Unicode normalisation")
            && stderr.contains("option `dir` holds `cafe\u{301}`"),
        "{stderr}"
    );
}

/// Two targets' output directories that differ only in Unicode normalisation are
/// one directory on macOS: refused at both `out:` values.
#[test]
fn output_directories_that_differ_only_in_normalisation_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    probe_project(p, "[en]", "{ code: 1, name: A, message: a }");
    let catalog = p.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap().replace(
        "out: out }",
        "out: \"caf\\u00e9/a\" }\n  - { id: json, templates: json, out: \"cafe\\u0301/b\" }",
    );
    std::fs::write(&catalog, text).unwrap();
    std::fs::write(
        p.join("templates/probe/target.yaml"),
        "profile: json\nfiles:\n  - { template: probe.tera, path: x.txt }\n",
    )
    .unwrap();
    std::fs::write(
        p.join("templates/probe/probe.tera"),
        "{{ catalog.header }}\n",
    )
    .unwrap();
    let out = errcat(p, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[bad-path]: the output directories of targets `probe` and `json` differ only in Unicode normalisation (`caf\\u{e9}` and `cafe\\u{301}`): macOS file systems hold one directory for both")
            && stderr.contains(" --> schema/catalog.yaml:9:"),
        "{stderr}"
    );
}

/// Two files of a target at one path (a namespace `index` whose page is the index
/// page) are refused at both `path:` patterns and at the namespace's id, before
/// anything is written.
#[test]
fn a_path_rendered_twice_points_at_both_patterns() {
    let tmp = tempfile::tempdir().unwrap();
    let stderr = gen_refuses_paths(
        tmp.path(),
        "index",
        "  - { template: probe.tera, path: index.txt }\n  - { template: probe.tera, path: \"{{ namespace.id }}.txt\", each: namespace }\n",
    );
    assert!(
        stderr.contains("target `probe` renders index.txt twice")
            && stderr.contains(" --> templates/probe/target.yaml:")
            && stderr.contains("and so does this one")
            && stderr.contains("this namespace's file is index.txt"),
        "{stderr}"
    );
}

/// Namespaces named `index`, `codes` and `lib` in the starter catalog make paths the
/// built-in targets' own files have: one run names each clash once, not only the
/// first, and not once per locale it repeats in.
#[test]
fn every_path_rendered_twice_is_named_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let app = std::fs::read_to_string(p.join("schema/app.yaml")).unwrap();
    for (i, id) in ["index", "codes", "lib"].into_iter().enumerate() {
        let first = 2000 + 1000 * i;
        let text = app
            .replace("namespace: app", &format!("namespace: {id}"))
            .replace(
                "min: 1000, max: 1999",
                &format!("min: {first}, max: {}", first + 999),
            )
            .replace("code: 100", &format!("code: {}", first / 10));
        std::fs::write(p.join(format!("schema/{id}.yaml")), text).unwrap();
    }
    let out = errcat(p, &["gen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let mut told: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error[")).collect();
    told.sort_unstable();
    assert_eq!(
        told,
        [
            "error[template]: target `docs` renders en/codes.md twice",
            "error[template]: target `docs` renders en/index.md twice",
            "error[template]: target `rust` renders src/lib.rs twice",
            "error[template]: target `typescript` renders src/index.ts twice",
        ],
        "{stderr}"
    );
    assert!(!p.join("generated").exists(), "nothing is written");
}

/// A control or invisible character in an output path, from a literal in the
/// pattern or from an option's value, is refused at the pattern and at the value
/// that brought it in; messages show it escaped, never raw.
#[test]
fn a_control_character_in_an_output_path_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    let stderr = gen_refuses_paths(
        p,
        "app.core",
        "  - { template: probe.tera, path: \"x\\ty\\e[31m.txt\" }\n",
    );
    assert!(
        stderr.contains("error[bad-path]: target `probe` renders an output path `x\\u{9}y\\u{1b}[31m.txt` that contains U+0009, a control character")
            && stderr.contains(" --> templates/probe/target.yaml:3:35")
            && !stderr.contains(['\t', '\u{1b}']),
        "{stderr}"
    );
    // An option's default in target.yaml, then a value the catalog sets.
    let pattern = "  - { template: probe.tera, path: \"{{ catalog.options.dir }}/x.txt\" }\n";
    let stderr = gen_refuses_paths(
        p,
        "app.core",
        &format!("{pattern}options: {{ dir: \"a\\u2067b\" }}\n"),
    );
    assert!(
        stderr.contains("renders an output path `a\\u{2067}b/x.txt` that contains U+2067, an invisible format character")
            && stderr.contains(" --> templates/probe/target.yaml:3:35")
            && stderr.contains("4 | options: { dir: \"a\\u2067b\" }")
            && stderr.contains("---------- option `dir` holds U+2067"),
        "{stderr}"
    );
    let catalog = p.join("schema/catalog.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(
        &catalog,
        text.replace("out: out }", "out: out, options: { dir: \"a\\nb\" } }"),
    )
    .unwrap();
    let out = errcat(p, &["gen"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "renders an output path `a\\u{a}b/x.txt` that contains U+000A, a control character"
        ) && stderr.contains("::: schema/catalog.yaml:8:62")
            && stderr.contains("option `dir` holds U+000A"),
        "{stderr}"
    );
    assert!(!p.join("out").exists(), "nothing is written");
}

/// A `:` in an output path is refused for what it does on Windows: `x:` names a
/// drive there (the path is not absolute, but leaves the root), any other `:` a
/// stream of a file.
#[test]
fn a_colon_in_an_output_path_is_refused_for_what_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    for (path, why) in [
        (
            "x:y.txt",
            "starts with `x:`, which Windows reads as a drive, outside the target's output directory",
        ),
        (
            "docs/ab:y.txt",
            "contains `:`, which a file name cannot hold on Windows (it names a stream of a file there)",
        ),
    ] {
        let stderr = gen_refuses_paths(
            tmp.path(),
            "app.core",
            &format!("  - {{ template: probe.tera, path: \"{path}\" }}\n"),
        );
        assert!(
            stderr.contains(&format!(
                "error[bad-path]: target `probe` renders an output path `{path}` that {why}"
            )) && stderr.contains(" --> templates/probe/target.yaml:3:35"),
            "{stderr}"
        );
    }
}
