//! A C target made of templates alone (`tests/fixtures/c-target`), declared the way a
//! user would, compiled by gcc in strict C: its literals read back byte for byte.

use crate::support::{copy_tree, errcat, repo, unhex};

/// Texts C reads in a way of its own: trigraphs, controls (no universal character
/// name below U+00A0), escapes, non-ASCII and comment tokens.
const TEXTS: [&str; 6] = [
    "What??! Really??/ ok ??= ??( ??) ??< ??> ??' ??- ???= end",
    "control \u{1}1 escape \u{1b}[31m delete \u{7f}7 next-line \u{85} csi \u{9b}9 unit \u{1f}",
    "quotes \" and \\ and C:\\path\\ and a tab\tand a new\nline",
    "房间不存在 😀 é ‖ */ closes a comment, /* opens one",
    // An octal escape has at most three digits: a digit after one is the text's.
    "é0 中7 \u{85}1 \u{1}23",
    // Read back by its length (`sizeof` of the literal), not up to the first NUL.
    "nul \u{0} inside \u{0}0",
];

/// The fixture in a temp dir, with `strings: <style>` and one entry per text of `texts`, each with a doc line that ends in a backslash
/// (`\`, `??/`) and holds block-comment tokens; and what `errcat gen` did there.
fn c_project(style: &str, texts: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures/c-target"), dir.path());
    let target = dir.path().join("templates/c/target.yaml");
    let yaml = std::fs::read_to_string(&target).unwrap();
    std::fs::write(
        &target,
        yaml.replace("  strings: c\n", &format!("  strings: {style}\n")),
    )
    .unwrap();
    let entries: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // JSON leaves DEL and C1 controls raw, which YAML refuses.
            let yaml: String = serde_json::to_string(t)
                .unwrap()
                .chars()
                .map(|c| match c {
                    c if c.is_control() => format!("\\u{:04x}", c as u32),
                    c => c.to_string(),
                })
                .collect();
            format!(
                "  - code: {}\n    name: T{i}\n    message: {yaml}\n    \
                 description: \"The doc line ends in a backslash \\\\\\nor a trigraph of one ??/\\n\
                 and */ closes a block comment, /* opens one (gcc warns), /**/ is both\"\n",
                i + 1
            )
        })
        .collect();
    std::fs::write(
        dir.path().join("register.yaml"),
        format!("namespace: register\ntitle: \"Ends in a backslash \\\\\"\nentries:\n{entries}"),
    )
    .unwrap();
    let generated = errcat(dir.path(), &["gen", "catalog.yaml"]);
    (dir, generated)
}

/// [`c_project`] of `TEXTS`, generated.
fn generated(style: &str) -> tempfile::TempDir {
    let (dir, generated) = c_project(style, &TEXTS);
    let stderr = String::from_utf8_lossy(&generated.stderr);
    assert!(generated.status.success(), "{stderr}");
    dir
}

/// Compiles the fixture's `main.c` against the generated header with gcc, warnings as
/// errors, and runs it: each entry as (code, name, message), the strings as the
/// program read them.
fn compile_and_read(dir: &tempfile::TempDir, flags: &[&str]) -> Vec<(String, String, String)> {
    let exe = dir.path().join("texts");
    let cc = std::process::Command::new("gcc")
        .current_dir(dir.path())
        .args(flags)
        .args(["-Wall", "-Wextra", "-Werror", "-pedantic", "-Iout", "-o"])
        .arg(&exe)
        .arg("main.c")
        .output()
        .expect("gcc runs");
    assert!(
        cc.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&cc.stderr),
        header(dir)
    );
    let run = std::process::Command::new(&exe).output().unwrap();
    assert!(run.status.success());
    String::from_utf8(run.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            (f[0].to_string(), unhex(f[1]), unhex(f[2]))
        })
        .collect()
}

fn header(dir: &tempfile::TempDir) -> String {
    std::fs::read_to_string(dir.path().join("out/register_.h")).unwrap()
}

/// What `main.c` should print: an entry per text.
fn want(texts: &[&str]) -> Vec<(String, String, String)> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| ((i + 1).to_string(), format!("T{i}"), t.to_string()))
        .collect()
}

/// `strings: c` writes literals that read back byte for byte (no universal character
/// name below U+00A0, which C refuses; no trigraph such as `??/`, which C reads before
/// escapes), and a doc line that ends in a backslash does not continue its `//` comment
/// onto the enum constant below it.
#[test]
fn a_c_target_compiles_in_strict_c11_and_reads_back() {
    let dir = generated("c");
    assert_eq!(compile_and_read(&dir, &["-std=c11"]), want(&TEXTS));
    // The doc comment keeps its text, each token broken apart.
    let header = header(&dir);
    assert!(
        header.contains(
            "     * and * / closes a block comment, / * opens one (gcc warns), / ** / is both\n"
        ),
        "{header}"
    );
}

/// `strings: c-ascii` writes every byte beyond ASCII as an octal escape, so the
/// literals are ASCII and their bytes are the text's UTF-8 whatever character set the
/// compiler reads the source in or writes strings in: with `-fexec-charset=ISO-8859-1`,
/// `strings: c`'s raw `房` does not even compile.
#[test]
fn c_ascii_literals_are_ascii_and_read_back_under_any_execution_charset() {
    let dir = generated("c-ascii");
    let header = header(&dir);
    let literals: Vec<&str> = header
        .lines()
        .filter(|l| l.contains("RegisterCode_T"))
        .collect();
    assert_eq!(literals.len(), 2 * TEXTS.len(), "{header}");
    for line in literals {
        assert!(line.is_ascii(), "{line}");
    }
    assert!(header.contains(r#""\346\210\277\351\227\264"#), "{header}");
    for charset in ["UTF-8", "ISO-8859-1"] {
        let exec = format!("-fexec-charset={charset}");
        assert_eq!(
            compile_and_read(&dir, &["-std=c99", &exec]),
            want(&TEXTS),
            "{charset}"
        );
    }
}

/// The fixture's `limits: text_bytes: 4095` is C99's: a text of 4,095 bytes (as escapes, many more
/// characters of literal) compiles in strict C99, and one of 4,096 is refused before
/// anything is written, where gcc would refuse the literal.
#[test]
fn text_bytes_4095_is_what_strict_c99_compiles() {
    // 1,365 × 3 bytes, then ASCII up to the limit.
    let most = format!("{}{}", "中".repeat(1365), "x".repeat(4095 - 1365 * 3));
    let (dir, generated) = c_project("c-ascii", &[&most]);
    let stderr = String::from_utf8_lossy(&generated.stderr);
    assert!(generated.status.success(), "{stderr}");
    assert_eq!(
        compile_and_read(&dir, &["-std=c99"]),
        want(&[most.as_str()])
    );
    let over = format!("{most}y");
    let (dir, generated) = c_project("c-ascii", &[&over]);
    let stderr = String::from_utf8_lossy(&generated.stderr);
    assert!(!generated.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "error[target-limit]: the message of T0 in `en` has 4096 bytes; \
             target `c` takes at most 4095 bytes in one text"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("templates/c/target.yaml:"), "{stderr}");
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

/// A C89 header is a block comment made of `catalog.header_lines` (the fixture's):
/// errcat knows the file as its own, `gen --check` passes, and a hand edit is named.
#[test]
fn a_block_comment_header_keeps_hand_edits_detected() {
    let dir = generated("c");
    let header = header(&dir);
    assert!(
        header.starts_with("/*\n * Code generated by errcat from catalog.yaml. DO NOT EDIT.\n"),
        "{header}"
    );
    assert!(
        !header.contains("checksum 0000000000000000"),
        "stamped: {header}"
    );
    let check = errcat(dir.path(), &["gen", "catalog.yaml", "--check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let file = dir.path().join("out/register_.h");
    std::fs::write(&file, header.replace("\"T0\"", "\"T9\"")).unwrap();
    let check = errcat(dir.path(), &["gen", "catalog.yaml", "--check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("stale:   out/register_.h (edited by hand since it was generated)"),
        "{stderr}"
    );
}
