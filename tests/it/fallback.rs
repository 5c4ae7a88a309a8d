//! Fallback texts, where a lowered `missing-translation` lets a message lack a locale,
//! even the default one: every language returns the text that stands in (that of the
//! nearest locale of its language and script, else the default locale's, else the
//! first one the message has), and its comments say whose it is.

use std::path::Path;
use std::process::Command;

use crate::support::{copy_tree, errcat, repo};

/// The built-in code targets: every directory of templates/ with a target.yaml but the
/// docs and JSON, which lay texts out rather than choose one for a locale (the docs mark a
/// fallback with its language: golden.rs; the JSON lists only the catalog's texts).
fn code_targets() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|d| d.join("target.yaml").is_file())
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|id| id != "markdown" && id != "json")
        .collect();
    ids.sort();
    ids
}

/// Generates every code target for a namespace whose messages lack `zh-CN`, or
/// `en` (the default locale), with the rule lowered; returns the project directory.
fn generated() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_tree(&repo().join("templates"), &root.join("templates"));
    std::fs::create_dir_all(root.join("schema")).unwrap();
    let mut catalog = "catalog: fallback\nformat: 1\nroot: ..\nlocales: [en, zh-CN]\n\
                       default_locale: en\nnamespaces: [app.yaml]\n\
                       lints: { missing-translation: warn }\ntargets:\n"
        .to_string();
    for id in code_targets() {
        catalog += &format!("  - {{ id: {id}, templates: {id}, out: generated/{id} }}\n");
    }
    std::fs::write(root.join("schema/catalog.yaml"), catalog).unwrap();
    std::fs::write(
        root.join("schema/app.yaml"),
        "namespace: app\ntitle: { en: App }\nlocales: [en, zh-CN]\nentries:\n\
         \x20 - { code: 1, name: NO_ZH, message: { en: The room is full } }\n\
         \x20 - { code: 2, name: NO_EN, message: { zh-CN: 房间不存在 } }\n\
         \x20 - { code: 3, name: NO_ZH_ARG, params: [n], message: { en: \"Seat {n} is taken\" } }\n\
         \x20 - { code: 4, name: NO_EN_ARG, params: [n], message: { zh-CN: \"座位 {n} 已占用\" } }\n",
    )
    .unwrap();
    let out = errcat(root, &["gen"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmp
}

/// The standard output of `cmd`, which must succeed.
fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{cmd:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// A generated file of the project at `root`.
fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join("generated").join(path)).unwrap()
}

#[test]
fn typescript_comments_name_the_text_that_stands_in() {
    let tmp = generated();
    let ts = read(tmp.path(), "typescript/src/app.ts");
    // zh-CN missing: the default locale's text stands in, as the comment says.
    let no_zh = "      // en\n      \"The room is full\",\n      \
                 // zh-CN (no text: the default locale's)\n      \"The room is full\",\n";
    assert!(ts.contains(no_zh), "{ts}");
    // en (the default locale) missing: the zh-CN text stands in, also in en's slot.
    let no_en = "      // en (no text: zh-CN's)\n      \"房间不存在\",\n      \
                 // zh-CN\n      \"房间不存在\",\n";
    assert!(ts.contains(no_en), "{ts}");
    // A formatter with one text for every locale says whose it is.
    let seat = "    // Every locale has the default locale's text.\n    void locale;\n    \
                return [\n      // en\n      \"Seat \",";
    assert!(ts.contains(seat), "{ts}");
    let zuo = "    // Every locale has the zh-CN text.\n    void locale;\n    \
               return [\n      // en (no text: zh-CN's)\n      \"座位 \",";
    assert!(ts.contains(zuo), "{ts}");
}

/// Every file under `dir`, its words joined by single spaces without comment markers,
/// so a sentence reads the same however a language wraps and marks its comments.
fn prose_of_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(prose_of_files(&path));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !["//", "///", "*", "#", "/**", "*/"].contains(w))
            .collect();
        out.push((path.display().to_string(), words.join(" ")));
    }
    out
}

/// A message may lack the default locale itself: no code target may say that every
/// message falls back to it, and each says what such a message has instead (the first
/// text it has, as the view gives it).
#[test]
fn every_target_says_what_a_message_without_the_default_locale_has() {
    let tmp = generated();
    for id in code_targets() {
        let files = prose_of_files(&tmp.path().join("generated").join(&id));
        for (path, prose) in &files {
            for claim in ["falls back to", "fall back to", "missing translation holds"] {
                assert!(!prose.contains(claim), "{path} says `{claim}`:\n{prose}");
            }
        }
        let says = |s: &str| files.iter().any(|(_, p)| p.contains(s));
        let lacks = "when it lacks this one too, which only a lowered";
        assert!(says(lacks), "{id}: nothing says `{lacks}`");
        assert!(says("the first locale's that it has"), "{id}");
    }
    // A Java formatter of a message without the default locale's text says whose stands in.
    let java = read(
        tmp.path(),
        "java/src/main/java/dev/errcat/codes/AppError.java",
    );
    let no_en = "{@link #NO_EN_ARG} in the given locale, falling back to another\n     \
                 * locale of its language and script, else the default locale\n     \
                 * (whose text here is the zh-CN one: the message has no en text).\n";
    assert!(java.contains(no_en), "{java}");
    let no_zh = "{@link #NO_ZH_ARG} in the given locale, falling back to another\n     \
                 * locale of its language and script, else the default locale.\n";
    assert!(java.contains(no_zh), "{java}");
}

/// Java leaves a fallback's slot empty and reads the default locale's slot instead:
/// that slot must hold the text that stands in when the message lacks the default
/// locale, or every locale but zh-CN gets "" (as it did).
#[test]
fn java_returns_the_text_that_stands_in() {
    let tmp = generated();
    let root = tmp.path();
    let main = root.join("Main.java");
    std::fs::write(
        &main,
        "import dev.errcat.codes.AppError;\nimport java.util.Locale;\n\
         public class Main {\n  public static void main(String[] args) {\n\
         \x20   for (AppError e : AppError.values()) {\n\
         \x20     System.out.println(e.getName() + \": \" + e.getMessage() + \" | \"\n\
         \x20         + e.getMessage(\"en\") + \" | \" + e.getMessage(\"zh-CN\") + \" | \" + e.getMessage(\"fr\"));\n\
         \x20   }\n\
         \x20   System.out.println(AppError.formatNoZhArg(Locale.CHINA, \"7\"));\n\
         \x20   System.out.println(AppError.formatNoEnArg(Locale.ENGLISH, \"7\"));\n\
         \x20 }\n}\n",
    )
    .unwrap();
    let classes = root.join("classes");
    let dir = root.join("generated/java/src/main/java/dev/errcat/codes");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.push(main);
    stdout(
        Command::new("javac")
            .args(["--release", "17", "-Xlint:all", "-Werror"])
            .args(["-encoding", "UTF-8", "-d"])
            .arg(&classes)
            .args(&sources),
    );
    let java = stdout(
        Command::new("java")
            .args(["-Dstdout.encoding=UTF-8", "-cp"])
            .arg(&classes)
            .arg("Main"),
    );
    assert_eq!(
        java,
        "NO_ZH: The room is full | The room is full | The room is full | The room is full\n\
         NO_EN: 房间不存在 | 房间不存在 | 房间不存在 | 房间不存在\n\
         NO_ZH_ARG: Seat {n} is taken | Seat {n} is taken | Seat {n} is taken | Seat {n} is taken\n\
         NO_EN_ARG: 座位 {n} 已占用 | 座位 {n} 已占用 | 座位 {n} 已占用 | 座位 {n} 已占用\n\
         Seat 7 is taken\n\
         座位 7 已占用\n"
    );
}

/// A text missing in a locale is that of the nearest catalog locale of its language
/// and script that has one (without a region first), never another script's, else
/// the default locale's; catalog.json gives each locale's order, from which every
/// language's conformance harness (`cargo xtask conformance fallback`) takes the text
/// it expects, so the order itself is pinned here.
#[test]
fn a_missing_text_is_that_of_a_locale_of_its_language_and_script_first() {
    let checked = ::errcat::check(&repo().join("tests/fixtures/fallback/catalog.yaml"));
    let rendered = ::errcat::generate(&checked.catalog.expect("the fixture validates")).unwrap();
    let file = |target: &str, name: &str| {
        let r = rendered
            .iter()
            .find(|r| r.target == target && r.path.ends_with(name));
        r.unwrap_or_else(|| panic!("no {target} {name}"))
            .text
            .clone()
    };
    let json = file("json", "catalog.json");
    let fallbacks = "\"fallbacks\": {\"en\": [\"en-GB\"], \"zh-CN\": [], \"ja\": [], \
        \"zh-TW\": [\"zh-HK\"], \"he\": [], \"ko\": [], \"zh-HK\": [\"zh-TW\"], \
        \"en-GB\": [\"en\"], \"de-CH\": [\"de\", \"de-AT\"], \"de\": [\"de-CH\", \"de-AT\"], \
        \"fr-CA\": [\"fr\"], \"fr\": [\"fr-CA\"], \"de-AT\": [\"de\", \"de-CH\"], \
        \"pt-BR\": [\"pt\"], \"pt\": [\"pt-BR\"], \"sr-Latn\": [], \"sr-Cyrl\": []},\n";
    assert!(json.contains(fallbacks), "{json}");
    // The texts themselves, as TypeScript's rows give every locale's with whose it is.
    let ts = file("typescript", "src/app.ts");
    for slot in [
        "// zh-HK (no text: zh-TW's)\n      \"門已鎖上\",",
        "// zh-CN (no text: the default locale's)\n      \"The door is locked\",",
        "// de-AT (no text: de-CH's)\n      \"Die Türe ist abgeschlossen\",",
        "// fr (no text: fr-CA's)\n      \"La porte est barrée\",",
        "// pt-BR (no text: pt's)\n      \"A porta está trancada\",",
        "// sr-Cyrl (no text: the default locale's)\n      \"The door is locked\",",
        "// de-AT (no text: de's)\n      \"Das Fenster steht offen\",",
        "// sr-Latn (no text: the default locale's)\n      \"The window is open\",",
        // Without the default locale's text: en-GB's stands in for en, not ja's.
        "// en (no text: en-GB's)\n      \"The lift is out of order\",",
        "// zh-CN (no text: en-GB's)\n      \"The lift is out of order\",",
    ] {
        assert!(ts.contains(slot), "{slot}\n{ts}");
    }
}
