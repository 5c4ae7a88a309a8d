//! `errcat import` run over the seed pages, as a user runs it, reproduces every code
//! and every text of `schema/`. What curation changed is listed in [`CURATED`], each
//! difference with its reason; a difference not listed fails, and so does a listed
//! one that no longer occurs.

use std::collections::BTreeMap;
use std::path::Path;

use errcat::model::{Catalog, Entry, Namespace, Text};

use crate::support::{diagnostics_text, errcat, repo};

const S000: &str = "tests/fixtures/seeds/000_eba7aae0cd102d0d.txt";
const S001: &str = "tests/fixtures/seeds/001_6b4cdfd21982f5f3.txt";
pub const S002: &str = "tests/fixtures/seeds/002_d7b0c5669f52595b.txt";
pub const S003: &str = "tests/fixtures/seeds/003_e8b9737c5de50e11.txt";
const S004: &str = "tests/fixtures/seeds/004_2dadffbdd9988d4f.txt";

/// A difference between the import and `schema/` that curation made on purpose.
/// `code: None` covers every code of the namespace (or a namespace-level field);
/// `"*"` matches any value, `""` an absent one.
struct Curated {
    ns: &'static str,
    code: Option<i64>,
    field: &'static str,
    imported: &'static str,
    curated: &'static str,
    why: &'static str,
}

const fn c(
    ns: &'static str,
    code: Option<i64>,
    field: &'static str,
    imported: &'static str,
    curated: &'static str,
    why: &'static str,
) -> Curated {
    Curated {
        ns,
        code,
        field,
        imported,
        curated,
        why,
    }
}

/// What curation changed, with why. `ns` may be `"*"`; `field` may hold one `*`.
#[rustfmt::skip]
const CURATED: &[Curated] = &[
    // Names: where the seed has none, schema/ chose them by hand; the import proposes its own.
    c("edu.client", None, "name", "*", "*", "the component table (000/001) has no names; schema/ named the five client codes"),
    c("av.recording", None, "name", "*", "*", "the column headed `Error Code Name` holds the codes: the seed has no names; schema/ chose REC_ names"),
    c("av.push", None, "name", "*", "*", "the column headed `Error Code Name` holds the codes: the seed has no names; schema/ chose PUSH_ names"),
    c("roomengine", None, "name", "*", "*", "the seed lists codes and texts only; schema/ names follow the TUIRoomEngine SDK"),
    c("roomengine.rest", None, "name", "*", "*", "the seed lists codes and texts only; schema/ chose shorter REST_ names"),
    c("av.server", Some(10009), "name", "AV_ERR_SERVER_ID_NOT_IN_ROOM_10009", "AV_ERR_SERVER_ROOM_NOT_EXIST", "the seed prints the 10006 name again at 10009: the import appends the code (import-renamed); schema/ renamed it after its description"),
    // Texts schema/ wrote where the seeds have none, or resolved where they contradict.
    c("av.server", Some(10009), "description.zh-CN", "", "*", "schema/ says that the seed also names 10009 AV_ERR_SERVER_ID_NOT_IN_ROOM, in both locales"),
    c("edu.rest", None, "cause.en", "", "*", "the ResCode Javadoc is Chinese only; schema/ added English translations"),
    c("edu.rest", Some(1001), "message.en", "An error occurred on the server", "The room is not prepared", "CONTRADICTION: the component table's 1001 predates ROOM_NOT_PREPARED; schema/ writes the message from the enum and keeps the table's text as the description"),
    c("edu.rest", Some(1001), "message.zh-CN", "服务出错了", "房间未准备好", "the same contradiction, in Chinese"),
    c("edu.rest", Some(0), "message.zh-CN", "", "成功", "the component table has no row for 0; schema/ authored the Chinese message"),
    c("edu.rest", Some(304), "message.zh-CN", "", "未修改", "the component table has no row for 304; schema/ authored the Chinese message"),
    c("edu.rest", Some(704), "message.zh-CN", "", "IM账户 Token错误", "the component table has no row for 704; schema/ took the Javadoc as the Chinese message"),
    c("edu.rest", Some(1016), "message.zh-CN", "", "房间成员已存在", "the component table has no row for 1016; schema/ took the Javadoc as the Chinese message"),
    c("edu.rest", Some(1017), "message.zh-CN", "", "房间已存在且配置冲突", "the component table has no row for 1017; schema/ authored the Chinese message"),
    c("edu.rest", None, "locales", "en", "en,zh-CN", "with the five authored Chinese messages every edu.rest code has one, so schema/ requires zh-CN"),
    c("edu.client", None, "locales", "en", "en,zh-CN", "the client codes share the import's namespace (en required, as five enum codes lack Chinese); schema/ gives them their own"),
    c("edu.client", None, "source.file", S002, S000, "the client codes come from the component table, imported into the enum's namespace; schema/ credits the table"),
    c("edu.client", None, "source.section", "REST API 错误码列表", "Error codes", "as above: the section of the component table"),
    // Not in any seed.
    c("av.client", None, "retryable", "false", "true", "no seed has a retry column; schema/ marks timeouts retryable"),
    c("av.recording", None, "retryable", "false", "true", "no seed has a retry column; schema/ marks network failures retryable"),
    c("av.push", None, "retryable", "false", "true", "no seed has a retry column; schema/ marks network failures retryable"),
    c("roomengine", None, "retryable", "false", "true", "no seed has a retry column; schema/ marks rate limits retryable"),
    c("roomengine.rest", None, "retryable", "false", "true", "no seed has a retry column; schema/ marks rate limits and timeouts retryable"),
    c("*", None, "title.en", "*", "*", "namespace titles are written for the catalog; the import takes the section heading"),
    c("*", None, "title.zh-CN", "", "*", "namespace titles are written for the catalog, in both languages"),
    c("*", None, "description.en", "", "*", "namespace descriptions are written for the catalog"),
    c("roomengine", None, "group `*`.id", "*", "*", "group ids are chosen (device, room, user, seat); the import derives them from the section titles"),
    c("roomengine.rest", None, "group `*`.id", "*", "*", "group ids are chosen (common, private); the import derives them from the section titles"),
    c("*", None, "group `*`.title.zh-CN", "", "*", "the seed's section titles are English only; schema/ translated them"),
];

/// One field that differs: namespace, code (None for the namespace itself), field, values.
#[derive(Debug)]
pub struct Diff {
    pub ns: String,
    pub code: Option<i64>,
    pub field: String,
    imported: String,
    curated: String,
}

/// An `errcat import` command line: words split at blanks, `'…'` quoting a title.
pub fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        let (word, tail) = match rest.strip_prefix('\'') {
            Some(q) => q.split_once('\'').unwrap_or((q, "")),
            None => rest.split_once(' ').unwrap_or((rest, "")),
        };
        out.push(word.to_owned());
        rest = tail.trim_start();
    }
    out
}

/// Runs `errcat <line>` in the repository.
pub fn errcat_line(line: &str) -> std::process::Output {
    let args = words(line);
    errcat(
        &repo(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

/// Runs `errcat <line>` in the repository and requires success.
pub fn run(line: &str) -> std::process::Output {
    let out = errcat_line(line);
    assert!(
        out.status.success(),
        "errcat {line}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The namespaces in `dir`, read and validated as `errcat check` reads a catalog.
pub fn load(dir: &Path) -> Catalog {
    let cat = dir.join("catalog.yaml");
    std::fs::write(
        &cat,
        "catalog: imported\nformat: 1\nlocales: [en, zh-CN]\ndefault_locale: en\nnamespaces: [\"**/*.yaml\"]\n",
    )
    .unwrap();
    let checked = errcat::check(&cat);
    let text = diagnostics_text(&checked);
    checked
        .catalog
        .unwrap_or_else(|| panic!("the import does not validate:\n{text}"))
}

fn text_diffs(
    ns: &str,
    code: Option<i64>,
    field: &str,
    a: Option<&Text>,
    b: Option<&Text>,
    out: &mut Vec<Diff>,
) {
    let mut locales: Vec<&str> = a
        .iter()
        .chain(b.iter())
        .flat_map(|t| t.0.iter().map(|(l, _)| l.as_str()))
        .collect();
    locales.sort_unstable();
    locales.dedup();
    for l in locales {
        let x = a.and_then(|t| t.get(l)).unwrap_or("");
        let y = b.and_then(|t| t.get(l)).unwrap_or("");
        if x != y {
            out.push(Diff {
                ns: ns.into(),
                code,
                field: format!("{field}.{l}"),
                imported: x.into(),
                curated: y.into(),
            });
        }
    }
}

fn field(ns: &str, code: Option<i64>, name: &str, a: String, b: String, out: &mut Vec<Diff>) {
    if a != b {
        out.push(Diff {
            ns: ns.into(),
            code,
            field: name.into(),
            imported: a,
            curated: b,
        });
    }
}

/// An entry's group, by its English title: ids are chosen, titles come from the seed.
fn group_title(ns: &Namespace, e: &Entry) -> String {
    e.group
        .as_ref()
        .and_then(|g| ns.groups.iter().find(|x| &x.id == g))
        .and_then(|g| g.title.get("en"))
        .unwrap_or("")
        .to_owned()
}

/// An entry's texts, by field name.
type TextOf = fn(&Entry) -> Option<&Text>;
/// An entry's other fields, as text.
type ValueOf = fn(&Entry) -> String;

const TEXTS: &[(&str, TextOf)] = &[
    ("title", |e| e.title.as_ref()),
    ("message", |e| Some(&e.message)),
    ("description", |e| e.description.as_ref()),
    ("cause", |e| e.cause.as_ref()),
    ("solution", |e| e.solution.as_ref()),
];

const VALUES: &[(&str, ValueOf)] = &[
    ("name", |e| e.name.clone()),
    ("http", |e| {
        e.http.map(|h| h.to_string()).unwrap_or_default()
    }),
    ("retryable", |e| e.retryable.to_string()),
    ("severity", |e| format!("{:?}", e.severity)),
    ("since", |e| e.since.clone().unwrap_or_default()),
    ("params", |e| e.params.join(",")),
    ("tags", |e| e.tags.join(",")),
    ("deprecated", |e| {
        e.deprecated
            .as_ref()
            .map(|d| d.reason.clone())
            .unwrap_or_default()
    }),
];

fn entry_diffs(
    ns: &str,
    (ins, a): (&Namespace, &Entry),
    (cns, b): (&Namespace, &Entry),
    out: &mut Vec<Diff>,
) {
    let code = Some(a.code);
    for (name, get) in TEXTS {
        text_diffs(ns, code, name, get(a), get(b), out);
    }
    for (name, get) in VALUES {
        field(ns, code, name, get(a), get(b), out);
    }
    field(
        ns,
        code,
        "group",
        group_title(ins, a),
        group_title(cns, b),
        out,
    );
}

fn namespace_diffs(ns: &str, a: &Namespace, b: &Namespace, out: &mut Vec<Diff>) {
    text_diffs(ns, None, "title", a.title.as_ref(), b.title.as_ref(), out);
    text_diffs(
        ns,
        None,
        "description",
        a.description.as_ref(),
        b.description.as_ref(),
        out,
    );
    field(
        ns,
        None,
        "locales",
        a.required_locales.join(","),
        b.required_locales.join(","),
        out,
    );
    let src = |n: &Namespace, f: fn(&errcat::model::Source) -> Option<String>| {
        n.source.as_ref().and_then(f).unwrap_or_default()
    };
    field(
        ns,
        None,
        "source.file",
        src(a, |s| s.file.clone()),
        src(b, |s| s.file.clone()),
        out,
    );
    field(
        ns,
        None,
        "source.section",
        src(a, |s| s.section.clone()),
        src(b, |s| s.section.clone()),
        out,
    );
    // Groups are matched by their English title, the one text the seed gives them.
    let mut titles: Vec<&str> = a
        .groups
        .iter()
        .chain(&b.groups)
        .filter_map(|g| g.title.get("en"))
        .collect();
    titles.sort_unstable();
    titles.dedup();
    for t in titles {
        let find = |n: &Namespace| {
            n.groups
                .iter()
                .find(|g| g.title.get("en") == Some(t))
                .cloned()
        };
        let (x, y) = (find(a), find(b));
        let id =
            |g: &Option<errcat::model::Group>| g.as_ref().map(|g| g.id.clone()).unwrap_or_default();
        field(ns, None, &format!("group `{t}`.id"), id(&x), id(&y), out);
        text_diffs(
            ns,
            None,
            &format!("group `{t}`.title"),
            x.as_ref().map(|g| &g.title),
            y.as_ref().map(|g| &g.title),
            out,
        );
    }
}

/// Where an imported entry sits in `schema/`: the component table's client-side codes
/// (those ResCode does not define, so they have no HTTP status) are `edu.client`.
fn schema_namespace(imported: &str, e: &Entry) -> String {
    if imported == "edu.rest" && e.http.is_none() {
        "edu.client".into()
    } else {
        imported.into()
    }
}

/// Every difference between the imported catalog and `schema/`.
pub fn diffs(imported: &Catalog, schema: &Catalog) -> Vec<Diff> {
    let mut out = Vec::new();
    let mut ours: BTreeMap<(String, i64), (&Namespace, &Entry)> = BTreeMap::new();
    for ns in &imported.namespaces {
        for e in &ns.entries {
            ours.insert((schema_namespace(&ns.id, e), e.code), (ns, e));
        }
    }
    let mut theirs: BTreeMap<(String, i64), (&Namespace, &Entry)> = BTreeMap::new();
    for ns in &schema.namespaces {
        for e in &ns.entries {
            theirs.insert((ns.id.clone(), e.code), (ns, e));
        }
    }
    for (key, a) in &ours {
        match theirs.get(key) {
            Some(b) => entry_diffs(&key.0, *a, *b, &mut out),
            None => field(
                &key.0,
                Some(key.1),
                "code",
                "present".into(),
                String::new(),
                &mut out,
            ),
        }
    }
    for key in theirs.keys().filter(|k| !ours.contains_key(*k)) {
        field(
            &key.0,
            Some(key.1),
            "code",
            String::new(),
            "present".into(),
            &mut out,
        );
    }
    for b in &schema.namespaces {
        let a = imported
            .namespaces
            .iter()
            .find(|a| a.id == b.id || (b.id == "edu.client" && a.id == "edu.rest"));
        match a {
            Some(a) => namespace_diffs(&b.id, a, b, &mut out),
            None => field(
                &b.id,
                None,
                "namespace",
                String::new(),
                "present".into(),
                &mut out,
            ),
        }
    }
    out
}

/// `pattern` with at most one `*` standing for any text.
fn glob(pattern: &str, s: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == s,
        Some((pre, post)) => {
            s.len() >= pre.len() + post.len() && s.starts_with(pre) && s.ends_with(post)
        }
    }
}

fn matches(c: &Curated, d: &Diff) -> bool {
    let value = |pattern: &str, v: &str| pattern == "*" || pattern == v;
    (c.ns == "*" || c.ns == d.ns)
        && (c.code.is_none() || c.code == d.code)
        && glob(c.field, &d.field)
        && value(c.imported, &d.imported)
        && value(c.curated, &d.curated)
}

#[test]
fn importing_the_seeds_reproduces_the_catalog() {
    let tmp = tempfile::tempdir().unwrap();
    let into = |f: &str| tmp.path().join(f).to_string_lossy().into_owned();
    let edu = into("edu/rest.yaml");

    // edu: the ResCode enum first (it has the names), then the component table in
    // English (000) and Chinese (001), merged by code.
    run(&format!(
        "import java-enum {S002} --namespace edu.rest --locale en --doc-locale zh-CN --javadoc-as cause --into {edu}"
    ));
    run(&format!(
        "import markdown {S000} --namespace edu.rest --locale en --into {edu}"
    ));
    run(&format!(
        "import markdown {S001} --namespace edu.rest --locale zh-CN --into {edu}"
    ));

    // 002 repeats 001's table, but its -4 row lost the <br/>: merged, that is a
    // conflict, reported with both places, and the file is left as it was.
    let before = std::fs::read(&edu).unwrap();
    let clash = errcat_line(&format!(
        "import markdown {S002} --namespace edu.rest --locale zh-CN --into {edu}"
    ));
    let stderr = String::from_utf8_lossy(&clash.stderr);
    assert_eq!(clash.status.code(), Some(1), "{stderr}");
    let conflict = "error[import-conflict]: code -4 already has a different `zh-CN` message";
    assert!(stderr.contains(conflict), "{stderr}");
    assert!(
        stderr.contains(&format!("{S002}:5:")) && stderr.contains("edu/rest.yaml:"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(std::fs::read(&edu).unwrap(), before);

    // Merged into the English table on its own instead, 002's table gives every code
    // 001's Chinese texts, but for that one message.
    let side = tempfile::tempdir().unwrap();
    let side_file = side.path().join("edu.yaml").to_string_lossy().into_owned();
    run(&format!(
        "import markdown {S000} --namespace edu.rest --locale en --into {side_file}"
    ));
    run(&format!(
        "import markdown {S002} --namespace edu.rest --locale zh-CN --into {side_file}"
    ));
    let schema = errcat::check(&repo().join("schema/catalog.yaml"))
        .catalog
        .expect("schema/ validates");
    let table_diffs = chinese_diffs(&load(side.path()).namespaces[0], &schema);
    let lost_br = "edu.client Some(-4) message.zh-CN: \"IM复用时： 复用IM时，请先登录IM IM不复用时： IM登录 失败\" vs \"IM复用时： 复用IM时，请先登录IM\\nIM不复用时： IM登录 失败\"";
    assert_eq!(
        table_diffs,
        [lost_br],
        "002's table lost the <br/> of -4 only"
    );

    // av: each table of 003 is its own namespace.
    for (section, ns, file) in [
        ("AVSDK Client Error Codes", "av.client", "av/client.yaml"),
        ("AVSDK Service Side Error", "av.server", "av/server.yaml"),
        ("Recording Error Codes", "av.recording", "av/recording.yaml"),
        (
            "Non-interactive Broadcasting Error Codes",
            "av.push",
            "av/push.yaml",
        ),
    ] {
        let file = into(file);
        run(&format!(
            "import markdown {S003} --section '{section}' --namespace {ns} --into {file}"
        ));
    }

    // roomengine: 004's SDK sections and its REST sections, each set as groups.
    let sdk = [
        "General Error Code",
        "Local User Rendering, Video Management, Audio Management API Callback Error Definition",
        "Room Management Related API Callback Error Definition",
        "Room User Information API Callback Error Definition",
        "Room User Speech Management API Callback Error Definition & Room Mic Seat Management API Callback Error Definition",
    ];
    let rest = ["Common Error Codes for RESTful APIs", "Error codes"];
    for (titles, ns, file, extra) in [
        (&sdk[..], "roomengine", "roomengine/client.yaml", ""),
        (
            &rest[..],
            "roomengine.rest",
            "roomengine/rest.yaml",
            "--name-prefix rest",
        ),
    ] {
        let sections: String = titles.iter().map(|t| format!(" --section '{t}'")).collect();
        let file = into(file);
        run(&format!(
            "import list {S004} --sections groups --namespace {ns} --into {file} {extra}{sections}"
        ));
    }

    let found = diffs(&load(tmp.path()), &schema);
    let unexpected: Vec<String> = found
        .iter()
        .filter(|d| !CURATED.iter().any(|c| matches(c, d)))
        .map(|d| {
            format!(
                "({:?}, {:?}, {:?}, {:?}, {:?})",
                d.ns, d.code, d.field, d.imported, d.curated
            )
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} differences from schema/ not listed in CURATED:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    let stale: Vec<String> = CURATED
        .iter()
        .filter(|c| !found.iter().any(|d| matches(c, d)))
        .map(|c| format!("{} {:?} {}: {}", c.ns, c.code, c.field, c.why))
        .collect();
    assert!(
        stale.is_empty(),
        "CURATED lists differences that no longer occur:\n{}",
        stale.join("\n")
    );
}

/// The Chinese texts of `ns` that differ from schema/edu, as `ns code field: ours vs theirs`.
/// 1001's message is left out: it is curated (see CURATED).
fn chinese_diffs(ns: &Namespace, schema: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for e in &ns.entries {
        let (id, theirs) = schema
            .namespaces
            .iter()
            .filter(|n| n.id.starts_with("edu."))
            .find_map(|n| {
                n.entries
                    .iter()
                    .find(|x| x.code == e.code)
                    .map(|x| (n.id.as_str(), x))
            })
            .unwrap_or_else(|| panic!("{} is not in schema/edu", e.code));
        let mut d = Vec::new();
        text_diffs(
            id,
            Some(e.code),
            "description",
            e.description.as_ref(),
            theirs.description.as_ref(),
            &mut d,
        );
        text_diffs(
            id,
            Some(e.code),
            "message",
            Some(&e.message),
            Some(&theirs.message),
            &mut d,
        );
        out.extend(
            d.into_iter()
                .filter(|d| {
                    d.field.ends_with("zh-CN") && !(e.code == 1001 && d.field == "message.zh-CN")
                })
                .map(|d| {
                    format!(
                        "{} {:?} {}: {:?} vs {:?}",
                        d.ns, d.code, d.field, d.imported, d.curated
                    )
                }),
        );
    }
    out
}
