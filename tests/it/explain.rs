//! `errcat explain` by name and by qualified code, and the docs URL it prints: the URL's
//! page and anchor exist in the generated Markdown and in the built docs site.

use std::path::Path;

use serde_json::Value;

use crate::support::{assert_snapshot, errcat, repo};

fn explain_json(dir: &Path, args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["explain"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = errcat(dir, &all);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), v)
}

fn found(v: &Value) -> Vec<(String, String, i64)> {
    v["definitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["namespace"].as_str().unwrap().to_string(),
                d["name"].as_str().unwrap().to_string(),
                d["code"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_name_finds_every_namespace_that_has_it() {
    let (code, v) = explain_json(&repo(), &["SUCCESS"]);
    assert_eq!(code, Some(0));
    let namespaces: Vec<String> = found(&v).into_iter().map(|d| d.0).collect();
    assert_eq!(namespaces.len(), 2, "{v:#}");
    // Any case, dashes for underscores: what a log line or a URL shows.
    let (_, v) = explain_json(&repo(), &["room-not-exist"]);
    assert_eq!(
        found(&v),
        [("edu.rest".into(), "ROOM_NOT_EXIST".into(), 1004)]
    );
    // --namespace narrows a name too.
    let (_, v) = explain_json(&repo(), &["SUCCESS", "--namespace", "edu.rest"]);
    assert_eq!(found(&v).len(), 1);
}

#[test]
fn a_qualified_code_finds_one_entry() {
    let (code, v) = explain_json(&repo(), &["edu.rest/1004"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        found(&v),
        [("edu.rest".into(), "ROOM_NOT_EXIST".into(), 1004)]
    );
    assert_eq!(v["opposite_sign"], Value::Array(vec![]));
    let (_, v) = explain_json(&repo(), &["roomengine/-1001"]);
    assert_eq!(found(&v)[0].1, "INVALID_PARAMETER");
    // A name after its namespace: the one entry, whatever other namespaces have it.
    let (code, v) = explain_json(&repo(), &["edu.rest/success"]);
    assert_eq!(code, Some(0));
    assert_eq!(found(&v).len(), 1, "{v:#}");
    assert_eq!(found(&v)[0].0, "edu.rest");
}

#[test]
fn misses_get_a_did_you_mean_and_exit_1() {
    let mut all = String::new();
    for args in [
        &["explain", "ROOM_NOT_EXSIT"][..],
        &["explain", "edu.rst/1004"],
        &["explain", "edu.client/1004"],
        &["explain", "edu.client/ROOM_NOT_EXIST"],
        &["explain", "edu.rest/ROOM_NOT_EXSIT"],
        &["explain", "99999999999999999999"],
        &["explain", "NO_SUCH_THING_AT_ALL"],
        &["explain", "edu.rest/"],
        &["explain", "what?"],
        &["explain", "1004", "--namespace", "edu.rst"],
        &["explain", "edu.rest/1004", "--namespace", "av.push"],
        &["explain", "-1004"],
        // A code that only the other sign defines in the namespace asked about.
        &["explain", "roomengine/1004"],
        &["explain", "1004", "--namespace", "av.push"],
        // A misspelt namespace: the suggestion must find something.
        &["explain", "roomengin/1004"],
        &["explain", "roomengin/123456"],
        &["explain", "edu.rst/NO_SUCH_ENTRY"],
        // A family of namespaces: each of them that has the code, or none has.
        &["explain", "av/1001"],
        &["explain", "av/1005"],
        &["explain", "av/99999"],
        &["explain", "edu 1001"],
        &["explain", "roomengine.client/1001"],
        // A part of a name; a word that is no name but a message's.
        &["explain", "AV_ERR_SERVER_ID"],
        &["explain", "Timeout"],
    ] {
        let out = errcat(&repo(), args);
        all.push_str(&format!(
            "$ errcat {}\nexit: {}\n--- stdout\n{}--- stderr\n{}\n",
            args.join(" "),
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    assert_snapshot(&repo().join("tests/fixtures/cli/explain-misses.txt"), &all);
}

#[test]
fn a_retired_code_says_why() {
    let dir = repo().join("tests/fixtures/rules/reserved-code-reused/fixed");
    let out = errcat(
        &dir,
        &["explain", "app.core/1013", "--catalog", "catalog.yaml"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("Retired (never to be reused):\n\n  app.core  1013  Retired in 2021."),
        "{stdout}"
    );
}

/// The docs list retired codes under the code's usual anchor: explain links there too.
#[test]
fn a_retired_code_has_its_docs_url() {
    let dir = crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: t\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\nnamespaces: [app.yaml]\n\
             docs: { base_url: https://example.com/codes/ }\n\
             targets:\n  - { id: docs, templates: markdown, out: generated/docs }\n",
        ),
        (
            "schema/app.yaml",
            "namespace: app\nreserved:\n  - { code: 1013, reason: Retired in 1.2. }\n\
             entries:\n  - { code: 1001, name: NOT_FOUND, message: Not found }\n",
        ),
    ]);
    let out = errcat(dir.path(), &["explain", "1013"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "  app  1013  Retired in 1.2.\n    docs     https://example.com/codes/en/app.html#app-1013\n"
        ),
        "{stdout}"
    );
    let (_, v) = explain_json(dir.path(), &["1013"]);
    assert_eq!(
        v["retired"][0]["doc_url"],
        "https://example.com/codes/en/app.html#app-1013"
    );
    let out = errcat(dir.path(), &["gen", "-q"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(dir.path().join("generated/docs/en/app.md")).unwrap();
    assert!(page.contains("<a id=\"app-1013\"></a>1013"), "{page}");
}

/// The docs URL of every form of query lands on an anchor of its page, in the generated
/// Markdown and in the site built from it (as `cargo xtask docs` builds it).
#[test]
fn docs_urls_land_on_their_anchor() {
    let catalog: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("generated/json/catalog.json")).unwrap(),
    )
    .unwrap();
    let base = catalog["docs_base_url"].as_str().unwrap();
    let site_dir = tempfile::tempdir().unwrap();
    let site = docs_site::build(&repo().join("generated/docs"), site_dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    for query in [
        "ROOM_NOT_EXIST",
        "edu.rest/1004",
        "-1001",
        "SUCCESS",
        "edu.rest/0",
    ] {
        let (_, v) = explain_json(&repo(), &[query]);
        let defs = v["definitions"].as_array().unwrap();
        let others = v["opposite_sign"].as_array().unwrap();
        assert!(!defs.is_empty(), "{query}");
        for d in defs.iter().chain(others) {
            let url = d["doc_url"].as_str().unwrap();
            let rel = url.strip_prefix(base).unwrap_or_else(|| panic!("{url}"));
            let (html, anchor) = rel.split_once('#').unwrap();
            let md = repo()
                .join("generated/docs")
                .join(html.replace(".html", ".md"));
            let markdown = std::fs::read_to_string(&md)
                .unwrap_or_else(|e| panic!("{url}: {}: {e}", md.display()));
            assert!(
                markdown.contains(&format!("<a id=\"{anchor}\"></a>")),
                "{url}: no anchor {anchor} in {}",
                md.display()
            );
            let page = site
                .pages
                .get(html)
                .unwrap_or_else(|| panic!("{url}: no page {html}"));
            assert!(
                page.ids.contains(anchor),
                "{url}: the built {html} has no id {anchor}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "{checked}");
}

/// The README's `console` blocks show real output: each `$ cargo run -q -- ARGS` line is
/// run (as the built errcat, in the repository) and must print what follows it.
#[test]
fn readme_console_examples_print_what_they_show() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let mut ran = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap();
        for example in block.split("$ cargo run -q -- ").skip(1) {
            let (command, expected) = example.split_once('\n').unwrap();
            let args: Vec<&str> = command.split_whitespace().collect();
            let out = errcat(&repo(), &args);
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                expected,
                "README: `errcat {command}` prints something else"
            );
            ran += 1;
        }
    }
    assert!(ran >= 2, "{ran} README console examples");
}

#[test]
fn a_definition_shows_its_code_and_its_replacement() {
    let dir = repo().join("tests/fixtures/golden");
    let out = errcat(
        &dir,
        &["explain", "legacy_pay", "--catalog", "catalog.yaml"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("  shop.order  2000  LEGACY_PAY  ("), "{text}");
    assert!(text.contains("\n    use      PAYMENT_DECLINED\n"), "{text}");
    let (_, v) = explain_json(
        &dir,
        &["shop.order/LEGACY_PAY", "--catalog", "catalog.yaml"],
    );
    assert_eq!(
        v["definitions"][0]["replaced_by"], "PAYMENT_DECLINED",
        "{v:#}"
    );
}

/// A support engineer often has only what the log said: words of a message find every
/// code whose message holds them, in any locale, whatever the case and spacing.
#[test]
fn words_of_a_message_find_its_codes() {
    let (code, v) = explain_json(&repo(), &["permission   ERROR"]);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(
        found(&v),
        [(
            "av.push".to_string(),
            "PUSH_PERMISSION_DENIED".to_string(),
            1001
        )]
    );
    let (code, v) = explain_json(&repo(), &["房间不存在"]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(
        found(&v).contains(&("edu.rest".into(), "ROOM_NOT_EXIST".into(), 1004)),
        "{v:#}"
    );
    // `--namespace` keeps to one namespace; words no message holds are a miss.
    let (code, v) = explain_json(&repo(), &["Permission error", "--namespace", "edu.rest"]);
    assert_eq!((code, found(&v).len()), (Some(1), 0), "{v:#}");
    assert!(
        v["not_found"]
            .as_str()
            .unwrap()
            .starts_with("no message holds \"Permission error\" ("),
        "{v:#}"
    );
    let out = errcat(&repo(), &["explain", "Permission error"]);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("\"Permission error\" is in the message of 1 code:\n"),
        "{out:?}"
    );
}

/// A log shows a message with its placeholders filled in, amid the log's own text:
/// such a line finds the code too, in any locale.
#[test]
fn a_log_line_finds_the_message_it_fills_in() {
    let dir = repo().join("tests/fixtures/golden");
    let order = ("shop.order".to_string(), "ORDER_NOT_FOUND".to_string(), 12);
    let declined = ("shop.order".to_string(), "PAYMENT_DECLINED".to_string(), -7);
    for (line, want) in [
        (
            "12:00:01 ERROR Order 4711 does not exist (retrying)",
            Some(&order),
        ),
        ("订单 A-17 不存在", Some(&order)),
        (
            "The card was declined: \"insufficient funds\" (50% off doesn't apply)",
            Some(&declined),
        ),
        // The literal text must be there, in order, around what fills each placeholder.
        ("Order 4711 was found", None),
        ("does not exist: Order 4711", None),
    ] {
        let (code, v) = explain_json(&dir, &[line, "--catalog", "catalog.yaml"]);
        let got = found(&v);
        match want {
            Some(w) => assert!(code == Some(0) && got.contains(w), "{line}: {v:#}"),
            None => assert_eq!((code, got.len()), (Some(1), 0), "{line}: {v:#}"),
        }
    }
}

/// What else a log or explain's own output shows: the generated code's display form
/// (`NAME (ns/code): message`), a message with a `/`, explain's columns
/// (`edu.rest 1004`), and a namespace in capitals.
#[test]
fn a_logged_error_its_columns_and_a_namespace_in_capitals_find_the_code() {
    let room = ("edu.rest".to_string(), "ROOM_NOT_EXIST".to_string(), 1004);
    for query in [
        "ROOM_NOT_EXIST (edu.rest/1004): The room does not exist",
        "edu.rest 1004",
        "edu.rest room_not_exist",
        "EDU.REST/1004",
    ] {
        let (code, v) = explain_json(&repo(), &[query]);
        assert_eq!(
            (code, found(&v)),
            (Some(0), vec![room.clone()]),
            "{query}: {v:#}"
        );
    }
    let (code, v) = explain_json(&repo(), &["Unauthorized Audio/Video Permission"]);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(found(&v)[0].0, "roomengine", "{v:#}");
    // One word with a `/` still means a namespace, and gets the usage when it is none.
    let out = errcat(&repo(), &["explain", "edu.rest/"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// A catalog with an error elsewhere still answers, with the errors and a note on stderr.
#[test]
fn a_catalog_with_an_unrelated_error_still_answers() {
    let dir = crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: a\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\nnamespaces: [app.yaml]\n",
        ),
        (
            "schema/app.yaml",
            "namespace: app\nentries:\n  - { code: 1001, name: ONE, message: One }\n  - { code: 1001, name: AGAIN, message: Again }\n  - { code: 1002, name: TWO, message: Two }\n",
        ),
    ]);
    let out = errcat(dir.path(), &["explain", "1002"]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("TWO"), "{stdout}");
    assert!(
        stderr.contains("error[duplicate-code]")
            && stderr.contains(
                "the catalog has errors: `1002` is explained from the entries that validated"
            ),
        "{stderr}"
    );
}

/// A message with terminal control sequences (a catalog may lower `control-char`) is
/// printed with control pictures: it cannot clear the line, retitle the window or ring.
#[test]
fn explain_prints_control_characters_as_pictures() {
    let dir = crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: t\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: [app.yaml]\n",
        ),
        (
            "schema/app.yaml",
            "namespace: app\nlints: { control-char: allow }\nentries:\n  - { code: 1, name: A, message: \"Looks fine\\e[2K\\r\\e]0;pwned\\a\\u202eRoom\\x7f\" }\n",
        ),
    ]);
    let out = errcat(dir.path(), &["explain", "1"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // (The bidi override is an error of its own: explain still answers, and exits 1.)
    assert!(
        text.contains("Looks fine␛[2K␍␛]0;pwned␇\\u{202e}Room␡"),
        "{text}"
    );
    assert!(
        !text.contains(['\u{1b}', '\r', '\u{7}', '\u{202e}']),
        "{text}"
    );
}

/// A query explain cannot read is echoed in its usage error as its answers show text:
/// control characters as pictures, so a pasted escape sequence cannot retitle the
/// window or recolour the terminal.
#[test]
fn a_usage_error_prints_control_characters_as_pictures() {
    for (args, shown) in [
        (
            &["explain", "edu.rest/\u{1b}]0;pwned\u{7}\u{1b}[31mX"][..],
            "`edu.rest/␛]0;pwned␇␛[31mX`",
        ),
        (
            &["explain", "edu.rest/1004", "--namespace", "\u{1b}[2Jav\r"],
            "--namespace asks for ␛[2Jav␍;",
        ),
    ] {
        let out = errcat(&repo(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(shown), "{stderr}");
        assert!(!stderr.contains(['\u{1b}', '\u{7}', '\r']), "{stderr:?}");
    }
}

/// A catalog where one name is in two namespaces with different messages, and a
/// one-word message: as the generated code prints their errors.
fn shop() -> tempfile::TempDir {
    crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: shop\nformat: 1\nroot: ..\nlocales: [en, zh-CN]\ndefault_locale: en\n\
             lints: { missing-translation: allow }\nnamespaces: [auth.yaml, billing.yaml]\n",
        ),
        (
            "schema/auth.yaml",
            "namespace: auth\nentries:\n\
             \x20 - { code: 1001, name: ORDER_NOT_FOUND, message: Session order mismatch }\n\
             \x20 - { code: 1013, name: TOKEN_EXPIRED, message: { en: Token expired, zh-CN: 令牌已过期 } }\n\
             \x20 - { code: 1020, name: AUTH_TIMEOUT, message: Timeout }\n",
        ),
        (
            "schema/billing.yaml",
            "namespace: billing\nentries:\n\
             \x20 - { code: 1001, name: ORDER_NOT_FOUND, params: [order_id], message: \"Order {order_id} does not exist\" }\n\
             \x20 - { code: 1002, name: PAYMENT_TIMEOUT, message: Payment gateway timeout }\n",
        ),
    ])
}

/// What a log shows of an error, as the generated code prints it (an exception's
/// header, a `repr`, a name and message, the message alone), with the log's own text
/// before it: each finds the code.
#[test]
fn a_printed_error_or_log_line_finds_its_code() {
    let dir = shop();
    let token = ("auth".to_string(), "TOKEN_EXPIRED".to_string(), 1013);
    let session = ("auth".to_string(), "ORDER_NOT_FOUND".to_string(), 1001);
    let room = ("edu.rest".to_string(), "ROOM_NOT_EXIST".to_string(), 1004);
    for (dir, line, want) in [
        (
            dir.path(),
            "com.example.ErrcatException: TOKEN_EXPIRED (auth/1013): Token expired",
            &token,
        ),
        (dir.path(), "TOKEN_EXPIRED: Token expired", &token),
        (
            dir.path(),
            "<ErrcatError TOKEN_EXPIRED (auth/1013): 'Token expired'>",
            &token,
        ),
        (dir.path(), "Error: Token expired", &token),
        (dir.path(), "12:00:01 WARN 令牌已过期", &token),
        // The name beside the message tells the two ORDER_NOT_FOUNDs apart.
        (
            dir.path(),
            "ORDER_NOT_FOUND: Session order mismatch",
            &session,
        ),
        (
            dir.path(),
            "[push] Session order mismatch (retrying)",
            &session,
        ),
        (
            &repo(),
            "joining: ROOM_NOT_EXIST (edu.rest/1004): 房间不存在",
            &room,
        ),
        (&repo(), "ROOM_NOT_EXIST: 房间不存在", &room),
        (&repo(), "2024-05-01 12:00:01 WARN 房间不存在", &room),
    ] {
        let (code, v) = explain_json(dir, &[line]);
        assert_eq!(
            (code, found(&v)),
            (Some(0), vec![want.clone()]),
            "{line}: {v:#}"
        );
    }
    let (_, v) = explain_json(&repo(), &["12:00 Permission error"]);
    assert_eq!(found(&v)[0].2, 1001, "{v:#}");
    // A message is matched as whole words: `Timeout` is not in `Timeouts`.
    let (code, v) = explain_json(dir.path(), &["3 Timeouts today"]);
    assert_eq!((code, found(&v).len()), (Some(1), 0), "{v:#}");
}

/// A short message (`Timeout`) is in many lines: the line's closest match is shown,
/// and the shorter messages it also holds are only named.
#[test]
fn a_log_line_shows_its_closest_match_first() {
    let dir = shop();
    let (code, v) = explain_json(dir.path(), &["ERROR Payment gateway timeout after 30 s"]);
    assert_eq!(
        (code, found(&v)),
        (
            Some(0),
            vec![("billing".into(), "PAYMENT_TIMEOUT".into(), 1002)]
        ),
        "{v:#}"
    );
    assert_eq!(
        v["weaker_matches"],
        serde_json::json!(["auth/1020"]),
        "{v:#}"
    );
    let out = errcat(
        dir.path(),
        &["explain", "ERROR Payment gateway timeout after 30 s"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("\"ERROR Payment gateway timeout after 30 s\" matches 1 code:\n")
            && text.ends_with("\nLess closely, it also matches auth/1020.\n"),
        "{text}"
    );
}

/// A one-word message is a message too, not only a name that does not exist.
#[test]
fn one_word_finds_its_message() {
    let dir = shop();
    for word in ["Timeout", "timeout", "Timeout."] {
        let (code, v) = explain_json(dir.path(), &[word]);
        assert_eq!(
            (code, found(&v)),
            (Some(0), vec![("auth".into(), "AUTH_TIMEOUT".into(), 1020)]),
            "{word}: {v:#}"
        );
        // The message that only holds the word is named, not shown.
        assert_eq!(
            v["weaker_matches"],
            serde_json::json!(["billing/1002"]),
            "{v:#}"
        );
    }
    let out = errcat(dir.path(), &["explain", "Timeoutt"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "no entry is named TIMEOUTT, and no message holds \"timeoutt\"\n"
    );
}

/// What a support engineer pastes from a ticket, a chat, the docs or explain's own
/// output is read as the code it shows; nothing pasted is a usage error.
#[test]
fn pasted_forms_find_the_code() {
    for pasted in [
        "edu.rest/1001:",
        "(edu.rest/1001)",
        "[edu.rest/1001]",
        "https://errcat.dev/codes/en/edu.rest.html#edu-rest-1001",
        "#edu-rest-1001",
        "edu-rest-1001",
        "edu.rest:1001",
        "EDU.REST: 1001",
        "\u{ff45}\u{ff44}\u{ff55}.rest/\u{ff11}\u{ff10}\u{ff10}\u{ff11}",
        "edu.rest/1001\u{200b}",
    ] {
        let (code, v) = explain_json(&repo(), &[pasted]);
        assert_eq!(
            (code, found(&v)),
            (
                Some(0),
                vec![("edu.rest".into(), "ROOM_NOT_PREPARED".into(), 1001)]
            ),
            "{pasted:?}: {v:#}"
        );
    }
    for pasted in [
        "1001\u{200b}",
        "\u{ff11}\u{ff10}\u{ff10}\u{ff11}",
        "\u{202e}1001",
    ] {
        let (code, v) = explain_json(&repo(), &[pasted]);
        assert_eq!(
            (code, v["query"].as_str()),
            (Some(0), Some("1001")),
            "{pasted:?}"
        );
    }
    let (_, v) = explain_json(
        &repo(),
        &["https://errcat.dev/codes/en/roomengine.html#roomengine-minus-1001"],
    );
    assert_eq!(
        found(&v),
        [("roomengine".into(), "INVALID_PARAMETER".into(), -1001)]
    );
    // A link to no code's anchor misses (exit 1); it is no usage error.
    let out = errcat(
        &repo(),
        &["explain", "https://errcat.dev/codes/en/edu.rest.html"],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

/// A namespace that is none but a family's (`av` for av.client, av.push…), in any
/// form: every namespace of the family that has the code or name is suggested.
#[test]
fn a_family_suggests_each_of_its_namespaces_that_has_it() {
    for (query, want) in [
        ("av/1001", &["av.client/1001", "av.push/1001"][..]),
        ("av 1001", &["av.client/1001", "av.push/1001"]),
        ("av/1005", &["av.client/1005"]),
        ("av/AV_ERR_TIMEOUT", &["av.client/AV_ERR_TIMEOUT"]),
        ("edu 1001", &["edu.rest/1001"]),
        ("roomengine.client/1001", &["roomengine/-1001"]),
    ] {
        let (code, v) = explain_json(&repo(), &[query]);
        assert_eq!(code, Some(1), "{query}");
        assert_eq!(v["did_you_mean"], serde_json::json!(want), "{query}: {v:#}");
    }
}

/// A part of a name (its words) suggests the names that hold it, not only those a
/// letter or two away.
#[test]
fn part_of_a_name_suggests_the_names_that_hold_it() {
    let (code, v) = explain_json(&repo(), &["SERVER_ID_NOT_IN_ROOM"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        v["did_you_mean"],
        serde_json::json!(["AV_ERR_SERVER_ID_NOT_IN_ROOM"]),
        "{v:#}"
    );
    let (_, v) = explain_json(&repo(), &["av_err_server_id"]);
    assert_eq!(
        v["did_you_mean"][0], "AV_ERR_SERVER_ID_NOT_IN_ROOM",
        "{v:#}"
    );
    // Within a namespace too, shortest first.
    let (_, v) = explain_json(&repo(), &["edu.rest/NOT_EXIST"]);
    assert_eq!(v["did_you_mean"][0], "edu.rest/ROOM_NOT_EXIST", "{v:#}");
}

/// What on-call needs beside the message: the description, cause and solution, in
/// each locale, wrapped and indented under their label, and a severity that is not
/// `error`; JSON has them all as fields.
#[test]
fn a_definition_shows_its_description_cause_solution_and_severity() {
    let dir = crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: t\nformat: 1\nroot: ..\nlocales: [en, zh-CN]\ndefault_locale: en\n\
             lints: { missing-translation: allow }\nnamespaces: [app.yaml]\n",
        ),
        (
            "schema/app.yaml",
            "namespace: app\nentries:\n\
             \x20 - code: 1\n    name: SLOW\n    severity: warning\n    message: { en: Slow, zh-CN: 慢 }\n\
             \x20   description: { en: The call took long., zh-CN: 慢 }\n\
             \x20   cause: { en: \"The upstream answered after its deadline, which happens when it is overloaded or the network between the two drops packets.\" }\n\
             \x20   solution: { en: Retry later., zh-CN: 稍后重试。 }\n\
             \x20 - { code: 2, name: PLAIN, message: Plain }\n",
        ),
    ]);
    let out = errcat(dir.path(), &["explain", "app/1"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "app/1:\n\n  app  1  SLOW  (schema/app.yaml:3)\n\
         \x20   message  en     Slow\n\
         \x20            zh-CN  慢\n\
         \x20   desc     en     The call took long.\n\
         \x20   cause    en     The upstream answered after its deadline, which happens when\n\
         \x20                   it is overloaded or the network between the two drops\n\
         \x20                   packets.\n\
         \x20   solution en     Retry later.\n\
         \x20            zh-CN  稍后重试。\n\
         \x20   severity warning\n"
    );
    let (_, v) = explain_json(dir.path(), &["app/1"]);
    let d = &v["definitions"][0];
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["description"][1]["text"], "慢", "{d:#}");
    assert_eq!(d["cause"][0]["locale"], "en", "{d:#}");
    assert_eq!(d["solution"][1]["text"], "稍后重试。", "{d:#}");
    let (_, v) = explain_json(dir.path(), &["app/2"]);
    let d = &v["definitions"][0];
    assert_eq!(
        (
            &d["description"],
            &d["cause"],
            &d["solution"],
            &d["severity"]
        ),
        (
            &Value::Null,
            &Value::Null,
            &Value::Null,
            &Value::from("error")
        ),
        "{d:#}"
    );
}

/// `--locale TAG` shows the texts the generated code shows for a request's tag: the
/// catalog locale that serves it, and for a text it lacks the one that stands in
/// (the fallback fixture, whose tables every language's conformance harness checks).
#[test]
fn a_locale_shows_the_texts_the_generated_code_shows() {
    let dir = repo().join("tests/fixtures/fallback");
    for (query, tag, want) in [
        ("app/9", "pt-BR", ("pt", "A porta está trancada")),
        ("app/9", "zh-HK", ("zh-TW", "門已鎖上")),
        ("app/9", "fr", ("fr-CA", "La porte est barrée")),
        ("app/10", "de-AT", ("de", "Das Fenster steht offen")),
        ("app/1", "zh_hk", ("zh-HK", "房間滿咗")),
        ("app/11", "en-US", ("en-GB", "The lift is out of order")),
        ("app/4", "ko-KR", ("zh-CN", "房间不存在")),
    ] {
        let (code, v) = explain_json(&dir, &[query, "--catalog", "catalog.yaml", "--locale", tag]);
        assert_eq!(code, Some(0), "{query} {tag}: {v:#}");
        let message = &v["definitions"][0]["message"];
        assert_eq!(
            (
                message.as_array().unwrap().len(),
                message[0]["locale"].as_str(),
                message[0]["text"].as_str()
            ),
            (1, Some(want.0), Some(want.1)),
            "{query} {tag}: {v:#}"
        );
    }
    let (_, v) = explain_json(
        &dir,
        &["app/1", "--catalog", "catalog.yaml", "--locale", "pt-PT"],
    );
    assert_eq!(v["locale"], "pt", "{v:#}");
    let (_, v) = explain_json(&dir, &["app/1", "--catalog", "catalog.yaml"]);
    assert_eq!(v["locale"], Value::Null, "{v:#}");
    // A tag no locale serves gets the default locale's texts, and says so.
    let out = errcat(
        &dir,
        &[
            "explain",
            "app/1",
            "--catalog",
            "catalog.yaml",
            "--locale",
            "xx-YY",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\n    message  en     The room is full\n"),
        "{out:?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: no locale of the catalog serves `xx-YY`: the texts are the default locale's (en), as the generated code shows them\n"
    );
}
