//! Every rule has a fixture that triggers it, and a snapshot of how it reads.

use crate::support::{assert_snapshot, diagnostics_text, repo};

fn fixture_dir() -> std::path::PathBuf {
    repo().join("tests/fixtures/rules")
}

/// An `errcat import` rule's fixture holds `import.args` instead of a catalog: the
/// command's arguments, one per line (`#` starts a comment line), `$DIR` standing for
/// the fixture's directory (relative to the repository, as diagnostics show paths).
/// Runs the import in memory (nothing is written); returns the findings as text and
/// their rule ids, or `None` when the directory has no `import.args`.
fn import_fixture(dir: &std::path::Path) -> Option<(String, Vec<&'static str>)> {
    let args = std::fs::read_to_string(dir.join("import.args")).ok()?;
    let rel = dir
        .strip_prefix(repo())
        .unwrap_or(dir)
        .to_string_lossy()
        .into_owned();
    let argv = ["errcat", "import"].into_iter().map(String::from).chain(
        args.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.replace("$DIR", &rel)),
    );
    use clap::Parser as _;
    let cli =
        errcat::cli::Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let errcat::cli::Command::Import(args) = cli.command else {
        unreachable!("parsed as `errcat import`")
    };
    let out = errcat::import::run(&args).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    Some((
        crate::support::report_text(&out.report, &out.sources),
        out.report.diagnostics.iter().map(|d| d.rule).collect(),
    ))
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    for rule in errcat::rules::ALL {
        let catalog = fixture_dir().join(rule.id).join("catalog.yaml");
        let import = fixture_dir().join(rule.id).join("import.args");
        assert!(
            catalog.exists() || import.exists(),
            "rule `{}` has no fixture at {}",
            rule.id,
            catalog.display()
        );
    }
}

#[test]
fn rule_ids_are_unique_and_kebab_case() {
    let mut ids: Vec<&str> = errcat::rules::ALL.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate rule ids");
    for id in ids {
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{id}"
        );
    }
}

#[test]
fn rule_fixtures_match_their_snapshots() {
    let mut dirs: Vec<_> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let mut located = std::collections::BTreeSet::new();
    for dir in dirs {
        let rule = dir.file_name().unwrap().to_string_lossy().into_owned();
        if let Some((text, rules)) =
            import_fixture(&dir).or_else(|| crate::diff::diff_fixture(&dir, true))
        {
            assert!(
                rules.contains(&rule.as_str()),
                "fixture {rule} does not trigger its rule; got:\n{text}"
            );
            assert_snapshot(&dir.join("expected.txt"), &text);
            continue;
        }
        let rel = std::path::Path::new("tests/fixtures/rules")
            .join(&rule)
            .join("catalog.yaml");
        let mut checked = errcat::check(&rel);
        if let Some(c) = &checked.catalog
            && let Err(r) = errcat::generate(c)
        {
            checked.report.extend(r);
        }
        assert!(
            checked.report.diagnostics.iter().any(|d| d.rule == rule),
            "fixture {rule} does not trigger its rule; got:\n{}",
            diagnostics_text(&checked)
        );
        assert_snapshot(&dir.join("expected.txt"), &diagnostics_text(&checked));
        located.extend(
            checked
                .report
                .diagnostics
                .iter()
                .filter(|d| d.locale.is_some())
                .map(|d| d.rule),
        );
    }
    // The use-errcat page lists by hand the rules whose records carry a locale.
    let page = std::fs::read_to_string(repo().join("docs/examples/use-errcat.page.md")).unwrap();
    let line = page
        .lines()
        .find(|l| l.starts_with("| `locale` |"))
        .expect("the page documents `locale`");
    for rule in located {
        assert!(
            line.contains(&format!("`{rule}`")),
            "rule `{rule}` gives its findings a locale: add it to the `locale` row of \
             docs/examples/use-errcat.page.md, then `cargo xtask gen`"
        );
    }
}

#[test]
fn every_rule_is_documented_and_the_page_is_current() {
    for rule in errcat::rules::ALL {
        assert!(
            !rule.why.is_empty() && !rule.fix.is_empty(),
            "rule `{}` lacks docs",
            rule.id
        );
    }
    let page = errcat::rules_doc::page_from_fixtures(&repo());
    for rule in errcat::rules::ALL {
        assert!(
            page.contains(&format!("## `{}`", rule.id)),
            "{} missing from docs/rules.md",
            rule.id
        );
        if let Some(missing) = errcat::rules_doc::missing_example(&repo(), rule.id) {
            panic!("{missing}");
        }
    }
    let committed = std::fs::read_to_string(repo().join("docs/rules.md")).unwrap_or_default();
    assert!(
        committed == page,
        "docs/rules.md is stale: run `cargo xtask gen` and commit"
    );
}

#[test]
fn fixed_examples_have_no_findings() {
    for rule in errcat::rules::ALL {
        let fixed_dir = fixture_dir().join(rule.id).join("fixed");
        if let Some((text, rules)) =
            import_fixture(&fixed_dir).or_else(|| crate::diff::diff_fixture(&fixed_dir, false))
        {
            assert!(rules.is_empty(), "{} (fixed):\n{text}", rule.id);
            continue;
        }
        let fixed = std::path::Path::new("tests/fixtures/rules")
            .join(rule.id)
            .join("fixed/catalog.yaml");
        let mut checked = errcat::check(&fixed);
        if let Some(c) = &checked.catalog
            && let Err(r) = errcat::generate(c)
        {
            checked.report.extend(r);
        }
        assert!(
            checked.report.diagnostics.is_empty(),
            "{}:\n{}",
            fixed.display(),
            diagnostics_text(&checked)
        );
    }
}

#[test]
fn lint_levels_and_acknowledgements() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(
        &repo().join("tests/fixtures/rules/duplicate-message"),
        dir.path(),
    );
    let _ = std::fs::remove_dir_all(dir.path().join("fixed"));
    let cat = dir.path().join("catalog.yaml");
    let base = std::fs::read_to_string(&cat)
        .unwrap()
        .replace("root: ../../../..", "root: .");
    let run = |extra: &str| {
        std::fs::write(&cat, format!("{base}\n{extra}")).unwrap();
        let c = errcat::check(&cat);
        c.report
            .diagnostics
            .iter()
            .map(|d| (d.rule, d.severity))
            .collect::<Vec<_>>()
    };
    use errcat::diag::Severity::{Error, Warning};
    assert_eq!(run(""), [("duplicate-message", Warning)]);
    assert_eq!(
        run("lints:\n  duplicate-message: deny\n"),
        [("duplicate-message", Error)]
    );
    assert_eq!(run("lints:\n  duplicate-message: allow\n"), []);
    assert_eq!(
        run("lints:\n  duplicate-code: allow\n"),
        [("duplicate-message", Warning), ("unknown-rule", Error)],
        "fixed-level rules cannot be lowered"
    );
    // A namespace-level level beats the catalog's.
    let ns = dir.path().join("a.yaml");
    let text = std::fs::read_to_string(&ns).unwrap();
    std::fs::write(
        &ns,
        text.replace(
            "locales: [en]\n",
            "locales: [en]\nlints: { duplicate-message: allow }\n",
        ),
    )
    .unwrap();
    assert_eq!(run("lints:\n  duplicate-message: deny\n"), []);
    // An acknowledgement on the code accepts exactly that finding.
    std::fs::write(&ns, text.replace("PARSE_FAILED_406, message: Failed to resolve the data packet }", "PARSE_FAILED_406, message: Failed to resolve the data packet, acknowledge: [{ rule: duplicate-message, reason: Two internal steps. }] }")).unwrap();
    assert_eq!(run(""), []);
}

/// Every localized text needs the default locale's text, which the locales without
/// one show instead: namespace, group and surface titles as much as an entry's.
#[test]
fn titles_without_the_default_locale_are_missing_translations() {
    let dir = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en, zh-CN]\ndefault_locale: en\nnamespaces: [a.yaml]\n\
             surfaces:\n  - { id: web, title: { zh-CN: 网页 }, namespaces: [dev] }\n",
        ),
        (
            "a.yaml",
            "namespace: dev\ntitle: { zh-CN: HTTP 状态 }\ndescription: { zh-CN: 设备码 }\n\
             groups:\n  - { id: g, title: { zh-CN: 设备 } }\n\
             entries:\n  - { code: 1, name: OK, group: g, title: { zh-CN: 成功标题 }, message: { en: Fine, zh-CN: 好 } }\n",
        ),
    ]);
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    let found: Vec<(&str, &str)> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.message.as_str()))
        .collect();
    let missing = |what: &str| format!("the {what} has no `en` text");
    let expected = [
        missing("title of namespace dev"),
        missing("description of namespace dev"),
        missing("title of group `g` in namespace dev"),
        missing("title of OK in namespace dev"),
        missing("title of surface `web`"),
    ];
    let expected: Vec<(&str, &str)> = expected
        .iter()
        .map(|m| ("missing-translation", m.as_str()))
        .collect();
    assert_eq!(found, expected, "{}", diagnostics_text(&checked));
}

/// Rule, message and help of each finding, by rule.
fn findings(checked: &errcat::Checked) -> Vec<(&'static str, String, Option<String>)> {
    let mut found: Vec<_> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.message.clone(), d.help.clone()))
        .collect();
    found.sort();
    found
}

/// One typo in `locales:` is one mistake: the invalid tag says how to write it, and
/// every use of the tag it was meant as, in every file, is one finding that points
/// back at it.
#[test]
fn a_typo_in_locales_is_reported_once() {
    let ns = |id: &str| {
        format!(
            "namespace: {id}\ntitle: {{ en: T, zh-CN: 标题 }}\nlocales: [en, zh-CN]\nentries:\n  - {{ code: 1, name: A, message: {{ en: a, zh-CN: 甲 }} }}\n  - {{ code: 2, name: B, message: {{ en: b, zh-CN: 乙 }} }}\n"
        )
    };
    // `zh-cn` would be a second way of writing `zh-CN`, which every generated
    // language matches in any case.
    for (typo, message, typo_help) in [
        (
            "zh_CN",
            "`zh_CN` is not a locale tag",
            "write it as `zh-CN`: a BCP 47 tag joins its parts with `-`",
        ),
        (
            "zh-cn",
            "locale `zh-cn` is not written in the case BCP 47 writes it in",
            "write it as `zh-CN`: the language in lower case, a script in title case, a region in upper case",
        ),
    ] {
        let dir = crate::support::project(&[
            (
                "catalog.yaml",
                &format!(
                    "catalog: t\nformat: 1\nlocales: [en, {typo}]\ndefault_locale: en\nnamespaces: [a.yaml, b.yaml]\n"
                ),
            ),
            ("a.yaml", &ns("a")),
            ("b.yaml", &ns("b")),
        ]);
        let checked = errcat::check(&dir.path().join("catalog.yaml"));
        let help = |s: &str| Some(s.to_owned());
        assert_eq!(
            findings(&checked),
            [
                ("invalid-id", message.to_owned(), help(typo_help)),
                (
                    "unknown-locale",
                    "locale `zh-CN` is used 8 times in 2 files, but the catalog does not declare it"
                        .to_owned(),
                    help(&format!(
                        "the catalog's `locales:` lists `{typo}` instead: write it as `zh-CN`"
                    ))
                ),
            ],
            "{}",
            diagnostics_text(&checked)
        );
    }
}

/// A locale's language must be one: two letters that are a country's code (`jp`) are
/// found in `locales:` and named in a text's key, while the languages whose codes look
/// like countries' (`se` Northern Sami, `ee` Ewe, `kr` Kanuri), the withdrawn `iw`,
/// three letters and private use are left alone; a catalog may allow the rule.
#[test]
fn a_country_code_is_no_language() {
    let check = |locales: &str, lints: &str, key: &str| {
        let dir = crate::support::project(&[
            (
                "catalog.yaml",
                &format!(
                    "catalog: t\nformat: 1\nlocales: [{locales}]\ndefault_locale: en\nnamespaces: [a.yaml]\n{lints}"
                ),
            ),
            (
                "a.yaml",
                &format!(
                    "namespace: a\nlocales: [en]\nentries:\n  - {{ code: 1, name: FULL, message: {{ en: Full, {key}: x }} }}\n"
                ),
            ),
        ]);
        findings(&errcat::check(&dir.path().join("catalog.yaml")))
    };
    assert_eq!(check("en, se, ee, kr, iw, yue, qaa", "", "se"), []);
    assert_eq!(
        check("en, jp-JP", "", "jp-JP"),
        [(
            "unknown-language",
            "locale `jp-JP` names no language: `jp` is not an ISO 639-1 code".to_owned(),
            Some("did you mean `ja-JP`? `jp` is a country's code, not a language's".to_owned())
        )]
    );
    assert_eq!(
        check("en, xx", "lints: { unknown-language: allow }\n", "xx"),
        []
    );
    // Undeclared, and no locale of the language it means is declared either.
    assert_eq!(
        check("en, zh-CN", "", "jp-JP"),
        [(
            "unknown-locale",
            "the message of FULL uses locale `jp-JP`, which the catalog does not declare"
                .to_owned(),
            Some(
                "did you mean `ja-JP`? `jp` is a country's code, not a language's; declared locales: en, zh-CN"
                    .to_owned()
            )
        )]
    );
}

/// A default locale missing from `locales:` is one finding: the texts in it (every
/// plain string) are neither unknown nor missing translations.
#[test]
fn an_undeclared_default_locale_is_reported_once() {
    let dir = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en, zh-CN]\ndefault_locale: fr\nnamespaces: [a.yaml]\n",
        ),
        (
            "a.yaml",
            "namespace: a\ntitle: Requests\nlocales: [fr, en]\nentries:\n  - { code: 400, name: BAD_REQUEST, message: Bad request }\n  - { code: 401, name: DENIED, message: { en: Denied, zh-CN: 拒绝 }, title: { en: Denied } }\n",
        ),
    ]);
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    assert_eq!(
        findings(&checked),
        [(
            "unknown-locale",
            "default locale `fr` is not in `locales`".to_owned(),
            Some("add `fr` to `locales:`, or make the default one of them: en, zh-CN".to_owned())
        )],
        "{}",
        diagnostics_text(&checked)
    );
}

/// A right-to-left text may hold the direction marks it needs around a number or a
/// Latin word; an override, which reorders what follows it, is still refused.
#[test]
fn direction_marks_pass_and_overrides_do_not() {
    let check = |message: &str| {
        let dir = crate::support::project(&[
            (
                "catalog.yaml",
                "catalog: t\nformat: 1\nlocales: [en, ar]\ndefault_locale: en\nnamespaces: [a.yaml]\n",
            ),
            (
                "a.yaml",
                &format!(
                    "namespace: a\nentries:\n  - {{ code: 1, name: FULL, message: {{ en: Room 42 is full, ar: \"{message}\" }} }}\n"
                ),
            ),
        ]);
        findings(&errcat::check(&dir.path().join("catalog.yaml")))
    };
    for mark in ["\\u200F", "\\u200E", "\\u061C"] {
        let found = check(&format!("الغرفة {mark}42{mark} ممتلئة"));
        assert!(found.is_empty(), "{mark}: {found:?}");
    }
    let found = check("الغرفة \\u202E42 ممتلئة");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "bidi-control");
}

/// The header (`-->`) names the line that is wrong, though a related line it quotes
/// stands higher in the file and far from it (a quote of its own).
/// A project in `locales` whose every `*.yaml` beside the catalog is a namespace file:
/// these `files`, and `catalog_lines` added to the catalog.
fn namespaces(locales: &str, catalog_lines: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let catalog = format!(
        "catalog: t\nformat: 1\nlocales: [{locales}]\ndefault_locale: en\nnamespaces: [\"*.yaml\"]\n{catalog_lines}"
    );
    let mut all = vec![("catalog.yaml", catalog.as_str())];
    all.extend_from_slice(files);
    crate::support::project(&all)
}

/// What `errcat check` says of the project in `dir`.
fn check_text(dir: &tempfile::TempDir) -> String {
    diagnostics_text(&errcat::check(&dir.path().join("catalog.yaml")))
}

#[test]
fn the_header_names_the_primary_line_when_a_related_one_is_far_above() {
    let entries: String = (10..40)
        .map(|i| format!("  - {{ code: {i}, name: C{i}, message: M{i} }}\n"))
        .collect();
    let dir = namespaces(
        "en",
        "",
        &[(
            "a.yaml",
            &format!(
                "namespace: app\nreserved:\n  - {{ code: 7, reason: Gone. }}\nentries:\n{entries}  - {{ code: 7, name: SEVEN, message: Seven }}\n"
            ),
        )],
    );
    let text = check_text(&dir);
    let header = text.lines().nth(1).unwrap_or_default();
    assert!(
        header.trim_start().starts_with("--> ") && header.ends_with("a.yaml:35:13"),
        "{text}"
    );
}

/// An entry that acknowledges a code's overlap leaves the finding; the namespaces
/// that did not acknowledge it still overlap, and are told so.
#[test]
fn acknowledging_an_overlap_covers_only_the_entry_that_says_so() {
    let ns = |id: &str, ack: bool| {
        let ack = if ack {
            "\n    acknowledge: [{ rule: code-overlap, reason: Our own callback. }]"
        } else {
            ""
        };
        format!(
            "namespace: {id}\nentries:\n  - code: 1\n    name: {}_FAILED\n    message: {id} failed{ack}\n",
            id.to_uppercase()
        )
    };
    let dir = namespaces(
        "en",
        "",
        &[
            ("a.yaml", &ns("a", false)),
            ("b.yaml", &ns("b", false)),
            ("c.yaml", &ns("c", true)),
        ],
    );
    let text = check_text(&dir);
    assert!(
        text.contains("warning[code-overlap]: code 1 means different things in 2 namespaces: a, b")
            && !text.contains("unused-acknowledgement"),
        "{text}"
    );
    // Once b says so too, a is alone: nothing is left to say, and both are used.
    std::fs::write(dir.path().join("b.yaml"), ns("b", true)).unwrap();
    let text = check_text(&dir);
    assert!(
        !text.contains("code-overlap") && !text.contains("unused-acknowledgement"),
        "{text}"
    );
}

/// A namespace file that does not load is one error: the checks across files do not
/// add what its absence alone makes them say (a surface naming it, an acknowledgement
/// of an overlap with it).
#[test]
fn a_file_that_does_not_load_is_reported_once() {
    let dir = namespaces(
        "en",
        "surfaces: [{ id: web, title: { en: Web }, namespaces: [app, other] }]\n",
        &[
            (
                "a.yaml",
                "namespace: app\nentries:\n  - { code: 1, name: ONE, message: One, htp: 400 }\n",
            ),
            (
                "b.yaml",
                "namespace: other\nentries:\n  - code: 2\n    name: OTHER\n    message: Other\n    acknowledge: [{ rule: code-overlap, reason: Fine. }]\n",
            ),
        ],
    );
    let checked = errcat::check(&dir.path().join("catalog.yaml"));
    let rules: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["unknown-field"], "{}", diagnostics_text(&checked));
}

/// A value not among a field's words gets the closest one.
#[test]
fn a_misspelt_severity_gets_a_did_you_mean() {
    let dir = namespaces(
        "en",
        "",
        &[(
            "a.yaml",
            "namespace: app\nentries:\n  - { code: 1, name: ONE, message: One, severity: eror }\n",
        )],
    );
    let text = check_text(&dir);
    assert!(
        text.contains("error[invalid-value]: unknown variant `eror`")
            && text.contains("help: did you mean `error`?"),
        "{text}"
    );
}

/// `replaced_by` cannot reach into another namespace: the help says where such a
/// pointer goes instead, for `ns.NAME` and `ns/NAME` alike.
#[test]
fn a_replacement_in_another_namespace_is_told_to_go_in_the_reason() {
    for target in ["cards.CARD_DECLINED", "cards/CARD_DECLINED"] {
        let billing = format!(
            "namespace: billing\nentries:\n  - {{ code: 1, name: DECLINED, message: Declined, \
             deprecated: {{ reason: Moved., replaced_by: \"{target}\" }} }}\n"
        );
        let cards = "namespace: cards\nentries:\n  - { code: 2, name: CARD_DECLINED, message: Card declined }\n";
        let dir = namespaces(
            "en",
            "",
            &[("billing.yaml", &billing), ("cards.yaml", cards)],
        );
        let text = check_text(&dir);
        assert!(
            text.contains("error[deprecated-target]")
                && text.contains(
                    "help: `replaced_by` names a code of the same namespace; name another \
                     namespace's code in the deprecation's `reason` instead"
                ),
            "{target}:\n{text}"
        );
    }
}

/// `{roomid}` beside a declared `room_id` is a slip: the help names the param.
#[test]
fn a_placeholder_close_to_a_declared_param_names_it() {
    let dir = namespaces(
        "en",
        "",
        &[(
            "a.yaml",
            "namespace: app\nentries:\n  - { code: 1, name: ONE, message: \"Room {roomid} is full\", params: [room_id] }\n",
        )],
    );
    let text = check_text(&dir);
    assert!(
        text.contains("help: did you mean `{room_id}`, the declared param?"),
        "{text}"
    );
}

/// Two files of one namespace whose titles differ: the finding says in which locale,
/// and both texts.
#[test]
fn a_split_namespaces_conflicting_title_names_the_locale() {
    let dir = namespaces(
        "en, zh-CN",
        "lints: { missing-translation: allow }\n",
        &[
            (
                "a.yaml",
                "namespace: app\ntitle: { en: App, zh-CN: 应用 }\nentries:\n  - { code: 1, name: ONE, message: One }\n",
            ),
            (
                "b.yaml",
                "namespace: app\ntitle: { en: App, zh-CN: 应用程序 }\nentries:\n  - { code: 2, name: TWO, message: Two }\n",
            ),
        ],
    );
    let text = check_text(&dir);
    assert!(
        text.contains("namespace app is split across files that disagree on `title`: zh-CN: \"应用程序\" here, \"应用\" in the first part"),
        "{text}"
    );
}

/// A file of a split namespace without `locales:` requires the catalog's: the finding
/// shows both lists and says where the longer one comes from.
#[test]
fn a_split_namespaces_conflicting_locales_shows_both_lists() {
    let dir = namespaces(
        "en, fr",
        "",
        &[
            (
                "a.yaml",
                "namespace: app\nlocales: [en]\nentries:\n  - { code: 1, name: ONE, message: One }\n",
            ),
            (
                "b.yaml",
                "namespace: app\nentries:\n  - { code: 2, name: TWO, message: { en: Two, fr: Deux } }\n",
            ),
        ],
    );
    let text = check_text(&dir);
    assert!(
        text.contains("namespace app is split across files that disagree on `locales`: [en, fr] (the catalog's required locales: no `locales:`) here, [en] in the first part"),
        "{text}"
    );
}

/// A locale being added is left out of the catalog's `required_locales`: its missing
/// texts are no finding, while the locales still required stay required, and a
/// namespace's own `locales:` still decides for that namespace.
#[test]
fn a_locale_in_progress_is_not_required_until_listed() {
    let dir = namespaces(
        "en, zh-CN, ja",
        "required_locales: [en, zh-CN]\n",
        &[
            (
                "a.yaml",
                "namespace: app\nentries:\n  - { code: 1, name: ONE, message: { en: One, zh-CN: 一 } }\n  - { code: 2, name: TWO, message: { en: Two, ja: 二 } }\n",
            ),
            (
                "b.yaml",
                "namespace: other\nlocales: [en, ja]\nentries:\n  - { code: 1, name: ONE, message: { en: One, zh-CN: 一 } }\n",
            ),
        ],
    );
    let found = findings(&errcat::check(&dir.path().join("catalog.yaml")));
    let missing: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "missing-translation")
        .collect();
    assert_eq!(missing.len(), 2, "{found:?}");
    let text = check_text(&dir);
    assert!(text.contains("zh-CN"), "{text}");
    assert!(text.contains("a.yaml:4:"), "TWO lacks zh-CN: {text}");
    assert!(text.contains("b.yaml:4:"), "other requires ja: {text}");

    // The list is checked as a namespace's is: declared locales, the default among them.
    let dir = namespaces(
        "en, zh-CN",
        "required_locales: [zh-CN, jp]\n",
        &[(
            "a.yaml",
            "namespace: app\nentries:\n  - { code: 1, name: ONE, message: { en: One, zh-CN: 一 } }\n",
        )],
    );
    let text = check_text(&dir);
    assert!(
        text.contains("required locales must include the default locale `en`"),
        "{text}"
    );
    assert!(text.contains("`jp`"), "{text}");
}

/// A translator who translated the placeholder, or broke its braces, is told which
/// `{…}` stands where the param should be, not only that the param is missing.
#[test]
fn a_translated_or_broken_placeholder_is_pointed_at() {
    let dir = namespaces(
        "en, zh-CN, ja, de",
        "",
        &[(
            "a.yaml",
            "namespace: app\nlocales: [en]\nentries:\n\
             \x20 - code: 1\n    name: USER_NOT_FOUND\n    params: [user]\n    message:\n      en: \"User {user} not found\"\n      zh-CN: \"未找到用户 {用户}\"\n      ja: \"{user が見つかりません\"\n      de: \"Benutzer { user } nicht gefunden\"\n\
             \x20 - code: 2\n    name: LOGIN_REQUIRED\n    message:\n      en: \"Login required\"\n      de: \"Anmeldung für {Benutzer} erforderlich\"\n",
        )],
    );
    crate::support::assert_snapshot(
        &repo().join("tests/fixtures/cli/translated-placeholders.txt"),
        &check_text(&dir).replace(&*dir.path().to_string_lossy(), "<dir>"),
    );
}

/// The parser stops at a file's first value error; each entry after it with one of
/// its own is still told in the same run (an entry of block style, with its `-` on
/// its key's line or above it). An error outside the entries (`reserved:` here)
/// waits for the next run, as blanking an entry could make one up.
#[test]
fn every_entry_with_a_value_error_is_told_in_one_run() {
    let dir = namespaces(
        "en",
        "",
        &[(
            "a.yaml",
            "namespace: app\nlocales: [en]\nentries:\n\
             \x20 - code: 1\n    message: { en: No name }\n\
             \x20 - code: 2\n    name: TYPO\n    mesage: { en: Typo }\n\
             \x20 -\n    # dash alone\n    code: 3\n    name: TWICE\n    http: 400\n    http: 409\n\
             \x20 - code: 4\n    name: FINE\n    message: { en: Fine }\n\
             \x20 - code: 5\n    name: FLAG\n    message: { en: Flag }\n    retryable: maybe\n\
             reserved: [\"x\"]\n",
        )],
    );
    crate::support::assert_snapshot(
        &repo().join("tests/fixtures/cli/every-entry-error.txt"),
        &check_text(&dir).replace(&*dir.path().to_string_lossy(), "<dir>"),
    );
}

/// Two parts of a namespace with other ranges are told both ranges, at the ranges;
/// an id declared twice points at its first declaration too.
#[test]
fn conflicts_show_both_sides() {
    let dir = namespaces(
        "en",
        "targets:\n  - { id: json, templates: json, out: a }\n  - { id: json, templates: json, out: b }\n",
        &[
            (
                "a.yaml",
                "namespace: app\nrange: { min: 1, max: 99 }\nentries:\n  - { code: 1, name: A, message: A }\n",
            ),
            (
                "b.yaml",
                "namespace: app\nrange:\n  min: 1\n  max: 199\ngroups:\n  - { id: g, title: G }\n  - { id: g, title: H }\nentries:\n  - { code: 2, name: B, message: B }\n",
            ),
        ],
    );
    crate::support::assert_snapshot(
        &repo().join("tests/fixtures/cli/conflicts-both-sides.txt"),
        &check_text(&dir).replace(&*dir.path().to_string_lossy(), "<dir>"),
    );
}
