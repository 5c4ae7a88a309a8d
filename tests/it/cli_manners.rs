//! CLI manners as a user meets them: shell completions in a real bash, the catalog found
//! from a subdirectory, the message when there is none, --quiet, --verbose, colour only on
//! a terminal (a real pseudo-terminal, via `script`) and the documented exit codes.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::{assert_snapshot, errcat, repo, text};

/// Sources the bash script, then asks its completion function what to offer for `words`
/// with the cursor at the end of the last one, as bash does on TAB.
fn bash_complete(script: &Path, words: &[&str]) -> Output {
    let line = words.join(" ");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let quoted = quoted.join(" ");
    let program = format!(
        r#"set -u
source "$1" || exit 9
spec=$(complete -p errcat) || exit 8
func=$(sed -n 's/.*-F \([^ ]*\) .*/\1/p' <<< "$spec")
COMP_WORDS=({quoted})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="{line}"
COMP_POINT=${{#COMP_LINE}}
"$func" errcat "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
    );
    Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program, "complete-test"])
        .arg(script)
        .output()
        .expect("bash runs")
}

#[test]
fn bash_completion_loads_and_offers_subcommands_and_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let out = errcat(tmp.path(), &["completions", "bash"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let script = tmp.path().join("errcat.bash");
    std::fs::write(&script, &out.stdout).unwrap();

    // Loading prints nothing and registers a completion for errcat.
    let loaded = Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            "source \"$1\" && complete -p errcat",
            "t",
        ])
        .arg(&script)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&loaded);
    assert!(loaded.status.success() && stderr.is_empty(), "{stderr}");
    assert!(
        stdout.contains("-F _errcat") && stdout.trim_end().ends_with(" errcat"),
        "{stdout}"
    );

    let offered = |words: &[&str]| {
        let out = bash_complete(&script, words);
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{words:?}: {stderr}");
        stdout.lines().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(offered(&["errcat", "ex"]), ["explain", "export"]);
    assert_eq!(offered(&["errcat", "expl"]), ["explain"]);
    let all = offered(&["errcat", ""]);
    for sub in ["check", "gen", "explain", "completions", "import", "export"] {
        assert!(all.iter().any(|w| w == sub), "{sub} not in {all:?}");
    }
    assert_eq!(offered(&["errcat", "explain", "--na"]), ["--namespace"]);
    assert_eq!(offered(&["errcat", "export", "--mi"]), ["--missing"]);
    assert_eq!(offered(&["errcat", "completions", "fi"]), ["fish"]);
    assert_eq!(offered(&["errcat", "--col"]), ["--color"]);
}

#[test]
fn every_shell_gets_a_script_naming_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = errcat(&repo(), &["completions", shell]);
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{shell}: {stderr}");
        assert!(
            stdout.contains("explain") && stdout.contains("namespace"),
            "{shell}"
        );
    }
    let out = errcat(&repo(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A command's exit code and output, as the snapshot shows them.
fn transcript(dir: &Path, args: &[&str]) -> String {
    let out = errcat(dir, args);
    let (stdout, stderr) = text(&out);
    format!(
        "$ errcat {}\nexit: {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
        args.join(" "),
        out.status.code().unwrap_or(-1)
    )
}

#[test]
fn without_a_catalog_errcat_says_how_to_make_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("some/project");
    std::fs::create_dir_all(&dir).unwrap();
    let mut all = String::new();
    for args in [
        &["check"][..],
        &["gen", "--check"],
        &["lint"],
        &["explain", "1004"],
        &["changelog"],
        &["check", "nothere.yaml"],
        &["check", "."],
        &["explain", "1004", "--catalog", "nothere.yaml"],
    ] {
        all.push_str(&transcript(&dir, args));
        all.push('\n');
    }
    assert_snapshot(&repo().join("tests/fixtures/cli/missing-catalog.txt"), &all);
}

#[test]
fn the_catalog_is_found_from_a_subdirectory() {
    let dir = repo().join("schema/edu");
    let out = errcat(&dir, &["check"]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr, "ok: 8 namespaces, 218 codes\n");
    // A directory names the catalog in it, or in its schema/.
    for (cwd, arg) in [(repo(), "schema"), (repo(), "."), (dir.clone(), "..")] {
        let out = errcat(&cwd, &["check", arg]);
        let (_, stderr) = text(&out);
        assert!(
            out.status.success() && stderr.starts_with("ok: 8 namespaces, 218 codes"),
            "check {arg}: {stderr}"
        );
    }
    // Files are named relative to where the user is (from schema/edu, the catalog is
    // schema/'s own catalog.yaml).
    let out = errcat(&dir, &["explain", "edu.rest/1004"]);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("(../edu/rest.yaml:"), "{stdout}");
    let out = errcat(&dir.join("../.."), &["explain", "edu.rest/1004"]);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("(schema/edu/rest.yaml:"), "{stdout}");
}

/// Every variable errcat's code reads (`"ERRCAT_…"` in `src/`) is in `--help`.
#[test]
fn help_names_the_environment() {
    let (help, _) = text(&errcat(&repo(), &["--help"]));
    let mut read = std::collections::BTreeSet::new();
    for file in errcat::write::walk(&repo().join("src")).unwrap() {
        let code = std::fs::read_to_string(&file).unwrap();
        for (i, _) in code.match_indices("\"ERRCAT_") {
            let name = code[i + 1..].split('"').next().unwrap();
            read.insert(name.to_owned());
        }
    }
    assert!(read.len() >= 3, "{read:?}");
    for var in read.iter().map(String::as_str).chain(["NO_COLOR"]) {
        assert!(help.contains(&format!("\n  {var} ")), "{var}: {help}");
    }
}

#[test]
fn exit_codes_are_documented_and_kept() {
    let (help, _) = text(&errcat(&repo(), &["--help"]));
    assert!(
        help.contains("Exit codes:\n  0  success\n  1  findings")
            && help.contains("2  usage or I/O error")
            && help.contains("141  the reader of stdout or stderr went away"),
        "{help}"
    );
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(readme.contains(
        "Exit codes: `0` success; `1` findings or stale output; `2` a usage or I/O error;\n`141` the reader"
    ));

    let code = |dir: &Path, args: &[&str]| errcat(dir, args).status.code();
    assert_eq!(code(&repo(), &["check"]), Some(0));
    let rules = repo().join("tests/fixtures/rules");
    assert_eq!(
        code(&rules.join("duplicate-code"), &["check", "catalog.yaml"]),
        Some(1)
    );
    assert_eq!(
        code(
            &rules.join("duplicate-message"),
            &["check", "catalog.yaml", "--deny-warnings"]
        ),
        Some(1)
    );
    assert_eq!(code(&repo(), &["check", "--no-such-flag"]), Some(2));
    assert_eq!(code(&repo(), &["explain", "edu.rest/"]), Some(2));
    assert_eq!(code(&repo(), &["-q", "-v", "check"]), Some(2));
}

/// The README's synopsis of each subcommand names every one of its flags (beyond the
/// global ones), as `--help` does: the two drifted apart once.
#[test]
fn the_readme_synopsis_names_every_flag() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let synopsis = readme
        .split("## The `errcat` command\n\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README has the synopsis block");
    let cli = errcat::cli::command();
    let global: Vec<_> = cli.get_arguments().filter_map(|a| a.get_long()).collect();
    let mut missing = Vec::new();
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        // A subcommand's synopsis runs from its line to the next `errcat ` line.
        let start = format!("errcat {}", sub.get_name());
        let Some(at) = synopsis
            .find(&format!("{start} "))
            .or_else(|| synopsis.find(&format!("{start}\n")))
        else {
            missing.push(start);
            continue;
        };
        let text = &synopsis[at..];
        let text = &text[..text[1..].find("\nerrcat ").map_or(text.len(), |n| n + 1)];
        for flag in sub.get_arguments().filter_map(|a| a.get_long()) {
            if !global.contains(&flag) && flag != "help" && !text.contains(&format!("--{flag}")) {
                missing.push(format!("{start} --{flag}"));
            }
        }
    }
    assert_eq!(missing, Vec::<String>::new(), "not in the README synopsis");
}

/// A namespace file that cannot be read is an I/O error (exit 2, as `--help` says), in
/// every command that reads the catalog; a glob's link to nowhere is such a file, while
/// an editor's hidden lock link beside the file it edits is not matched at all.
#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_exits_2_and_hidden_files_are_not_matched() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert!(errcat(root, &["init", "-q"]).status.success());
    std::os::unix::fs::symlink("user@host.4242", root.join("schema/.#app.yaml")).unwrap();
    assert_eq!(errcat(root, &["check"]).status.code(), Some(0));
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("schema/gone.yaml")).unwrap();
    for args in [&["check"][..], &["gen"], &["lint"]] {
        let out = errcat(root, args);
        let (_, err) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("error[io]: cannot read schema/gone.yaml: No such file"),
            "{err}"
        );
    }
    assert!(!root.join("generated").exists());
}

#[test]
fn quiet_prints_only_errors_and_verbose_shows_files_templates_and_timings() {
    let warns = repo().join("tests/fixtures/rules/duplicate-message");
    let (_, stderr) = text(&errcat(&warns, &["check", "catalog.yaml"]));
    assert!(
        stderr.contains("warning[duplicate-message]") && stderr.contains("ok: "),
        "{stderr}"
    );
    let out = errcat(&warns, &["check", "catalog.yaml", "--quiet"]);
    assert_eq!((out.status.code(), text(&out).1.as_str()), (Some(0), ""));
    // A warning that fails the run is an error, so --quiet shows it.
    let (_, stderr) = text(&errcat(
        &warns,
        &["-q", "check", "catalog.yaml", "--deny-warnings"],
    ));
    assert!(stderr.contains("error[duplicate-message]"), "{stderr}");
    let (_, stderr) = text(&errcat(&repo(), &["gen", "--check", "-q"]));
    assert_eq!(stderr, "");
    let errors = repo().join("tests/fixtures/rules/duplicate-code");
    let (_, stderr) = text(&errcat(&errors, &["-q", "check", "catalog.yaml"]));
    assert!(stderr.contains("error[duplicate-code]"), "{stderr}");

    // Without the cache, so every phase runs and every file is rendered.
    let (_, stderr) = text(&errcat(
        &repo(),
        &["gen", "--check", "--verbose", "--no-cache"],
    ));
    let lines: Vec<&str> = stderr.lines().collect();
    for expected in [
        "read: schema/catalog.yaml",
        "read: schema/edu/rest.yaml",
        "read: templates/rust/target.yaml",
        "render: generated/rust/src/lib.rs <- rust: templates/rust/lib.rs.tera",
        "render: generated/docs/zh-CN/edu.rest.md <- docs: templates/markdown/namespace.md.tera",
    ] {
        assert!(lines.contains(&expected), "no `{expected}` in:\n{stderr}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("ok: ") && l.ends_with(" generated files are up to date")),
        "{stderr}"
    );
    for phase in ["read", "parse and validate", "render and compare"] {
        let prefix = format!("time: {phase}: ");
        assert!(
            lines
                .iter()
                .any(|l| l.strip_prefix(&prefix).is_some_and(|t| t.ends_with(" ms"))),
            "no timing of {phase}:\n{stderr}"
        );
    }

    // Answered from the cache (the first run fills it), it says so.
    assert!(errcat(&repo(), &["gen", "--check"]).status.success());
    let (_, stderr) = text(&errcat(&repo(), &["gen", "--check", "--verbose"]));
    assert!(
        stderr.contains("cache: inputs and outputs unchanged since the last clean run"),
        "{stderr}"
    );
}

/// Runs errcat on a pseudo-terminal (util-linux `script`), as in a user's shell.
fn on_a_terminal(dir: &Path, args: &str, no_color: bool) -> String {
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c"])
        .arg(format!("{} {args}", env!("CARGO_BIN_EXE_errcat")))
        .arg("/dev/null")
        .current_dir(dir)
        .env(
            "ERRCAT_CACHE_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("errcat-cache"),
        )
        .env_remove("NO_COLOR");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd.output().expect("script (util-linux) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let dir = repo().join("tests/fixtures/rules/duplicate-code");
    let esc = '\u{1b}';
    let tty = on_a_terminal(&dir, "check catalog.yaml", false);
    assert!(
        tty.contains("error") && tty.contains(esc),
        "no colour on a terminal:\n{tty}"
    );
    let tty = on_a_terminal(&dir, "check catalog.yaml", true);
    assert!(
        tty.contains("error") && !tty.contains(esc),
        "colour despite NO_COLOR:\n{tty}"
    );
    let tty = on_a_terminal(&dir, "--color never check catalog.yaml", false);
    assert!(
        tty.contains("error") && !tty.contains(esc),
        "colour despite --color never"
    );
    // Piped: plain, unless asked for.
    let (_, piped) = text(&errcat(&dir, &["check", "catalog.yaml"]));
    assert!(piped.contains("error[duplicate-code]") && !piped.contains(esc));
    let (_, forced) = text(&errcat(
        &dir,
        &["--color", "always", "check", "catalog.yaml"],
    ));
    assert!(forced.contains(esc), "--color always: {forced}");
}

#[test]
fn lint_summarises_as_json_lines_on_stdout() {
    // The seed catalog: one object per namespace, in the catalog's order, with the
    // numbers of the table.
    let out = errcat(&repo(), &["lint", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let (stdout, _) = text(&out);
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let table = text(&errcat(&repo(), &["lint"])).0;
    // GitHub's format annotates findings; the table is printed as it is.
    assert_eq!(
        text(&errcat(&repo(), &["lint", "--format", "github"])).0,
        table
    );
    assert_eq!(
        rows.len(),
        table.lines().filter(|l| l.contains('/')).count()
    );
    let edu = rows.iter().find(|r| r["namespace"] == "edu.rest").unwrap();
    let line = table.lines().find(|l| l.starts_with("edu.rest ")).unwrap();
    let codes = edu["codes"].as_u64().unwrap();
    assert!(line.contains(&format!(" {codes} ")), "{line}");
    // Messages out of the codes, the other texts out of their own number.
    let other = edu["other_texts"].as_u64().unwrap();
    assert!(
        other > codes,
        "edu.rest has titles, descriptions and causes"
    );
    for (key, of) in [("messages", codes), ("other", other)] {
        for m in edu[key].as_array().unwrap() {
            let (locale, have) = (m["locale"].as_str().unwrap(), &m["have"]);
            let mark = if m["required"] == true { "" } else { "*" };
            assert!(
                line.contains(&format!("{locale}{mark} {have}/{of}")),
                "{key}: {line}"
            );
        }
    }

    // Findings are counted per rule, the diagnostics themselves go to stderr.
    let warns = repo().join("tests/fixtures/rules/duplicate-message");
    let out = errcat(&warns, &["lint", "catalog.yaml", "--format", "json"]);
    let (stdout, stderr) = text(&out);
    let row: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(
        row["findings"],
        serde_json::json!({ "duplicate-message": 1 })
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let finding: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    assert_eq!(finding["rule"], "duplicate-message");
}

/// Texts still to translate are errors, yet a translation in progress needs the
/// coverage table most: it is printed (exit 1); other errors still hold it back.
#[test]
fn lint_summarises_a_catalog_whose_only_errors_are_missing_translations() {
    let dir = crate::support::project(&[
        (
            "catalog.yaml",
            "catalog: a\nformat: 1\nlocales: [en, ja]\ndefault_locale: en\nnamespaces: [app.yaml]\n",
        ),
        (
            "app.yaml",
            "namespace: app\nlocales: [en, ja]\nentries:\n  - { code: 1, name: ONE, message: { en: One, ja: 一 }, cause: { en: Why, ja: 理由 } }\n  - { code: 2, name: TWO, message: Two, description: Two things, solution: { ja: 直す } }\n",
        ),
    ]);
    let out = errcat(dir.path(), &["lint", "catalog.yaml"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[missing-translation]"), "{stderr}");
    assert!(
        stdout.contains(
            "app            2  en 2/2  ja 1/2       en 2/3  ja 2/3          missing-translation 3"
        ),
        "{stdout}"
    );
    let ns = dir.path().join("app.yaml");
    let both = std::fs::read_to_string(&ns)
        .unwrap()
        .replace("code: 2", "code: 1");
    std::fs::write(&ns, both).unwrap();
    let (stdout, stderr) = text(&errcat(dir.path(), &["lint", "catalog.yaml"]));
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.ends_with("error: fix the errors above to see the summary\n"),
        "{stderr}"
    );
}

/// A usage error in a run that asked for a machine format is a record of it too.
#[test]
fn a_usage_error_in_a_machine_format_is_a_record() {
    let out = errcat(&repo(), &["check", "--format", "json", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let (stdout, stderr) = text(&out);
    assert!(stdout.is_empty(), "{stdout}");
    let record: serde_json::Value =
        serde_json::from_str(stderr.trim()).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert_eq!(record["level"], "error");
    assert_eq!(record["message"], "unexpected argument '--bogus' found");
    let out = errcat(&repo(), &["check", "--bogus", "--format=github"]);
    let (_, stderr) = text(&out);
    assert!(
        stderr.starts_with("::error::unexpected argument '--bogus' found%0Ahelp: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn gen_check_in_machine_formats_writes_only_records() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    // Nothing generated yet: every file is missing, one record each and nothing else.
    let out = errcat(p, &["gen", "--check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let (stdout, stderr) = text(&out);
    assert_eq!(stdout, "");
    let records: Vec<serde_json::Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(records.len() > 20, "{stderr}");
    for r in &records {
        let file = r["file"].as_str().unwrap();
        assert!(file.starts_with("generated/"), "{r}");
        assert_eq!(r["message"], format!("{file} is missing"));
        assert_eq!(r["level"], "error");
        assert_eq!(r["help"], "run `errcat gen` and commit");
    }
    let (_, stderr) = text(&errcat(p, &["gen", "--check", "--format", "github"]));
    assert_eq!(stderr.lines().count(), records.len(), "{stderr}");
    assert!(
        stderr
            .lines()
            .all(|l| l.starts_with("::error file=generated/")),
        "{stderr}"
    );

    // A successful run says nothing; a file edited by hand is one record.
    let out = errcat(p, &["gen", "--format", "json"]);
    assert_eq!((out.status.code(), text(&out).1.as_str()), (Some(0), ""));
    let lib = p.join("generated/rust/src/lib.rs");
    let edited = std::fs::read_to_string(&lib).unwrap() + "// mine\n";
    std::fs::write(&lib, edited).unwrap();
    let (_, stderr) = text(&errcat(p, &["gen", "--check", "--format", "json"]));
    let r: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    assert_eq!(
        r["message"],
        "generated/rust/src/lib.rs is stale (edited by hand since it was generated)"
    );
    let (_, stderr) = text(&errcat(p, &["gen", "--format", "json"]));
    let r: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    assert_eq!(r["level"], "warning");
    assert_eq!(r["file"], "generated/rust/src/lib.rs");
}

/// Which of errcat's streams lead into a pipe whose reader has gone (`| head -1`).
#[derive(Clone, Copy, Debug)]
enum Gone {
    Stdout,
    Stderr,
    Both,
}

/// Runs errcat in `dir` with the streams `gone` names leading into `sink`; the other
/// stream is captured.
fn errcat_into(dir: &Path, args: &[&str], gone: Gone, sink: &dyn Fn() -> Stdio) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_errcat"));
    cmd.current_dir(dir).args(args).env("NO_COLOR", "1").env(
        "ERRCAT_CACHE_DIR",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("errcat-cache"),
    );
    match gone {
        Gone::Stdout => cmd.stdout(sink()),
        Gone::Stderr => cmd.stderr(sink()),
        Gone::Both => cmd.stdout(sink()).stderr(sink()),
    };
    cmd.output().unwrap()
}

/// [`errcat_into`] a pipe whose read end is closed.
fn errcat_into_a_closed_pipe(dir: &Path, args: &[&str], gone: Gone) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    errcat_into(dir, args, gone, &|| writer.try_clone().unwrap().into())
}

/// Files under `dir` with errcat's staging name (`.NAME.errcat-PID.tmp`).
fn temp_files(dir: &Path) -> Vec<String> {
    errcat::write::walk(dir)
        .unwrap()
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p.contains(".errcat-"))
        .collect()
}

#[test]
fn a_reader_gone_stops_errcat_quietly_with_its_own_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    let table = p.join("codes.md");
    std::fs::write(&table, "| Code | Message |\n|---|---|\n| 7 | Seven |\n").unwrap();
    let dup = repo().join("tests/fixtures/rules/duplicate-code/catalog.yaml");
    let dup = dup.to_str().unwrap();
    let cases: &[(&Path, &[&str], Gone)] = &[
        (&repo(), &["explain", "1001"], Gone::Stdout),
        (
            &repo(),
            &["explain", "1001", "--format", "json"],
            Gone::Stdout,
        ),
        (&repo(), &["explain", "1001"], Gone::Both),
        (&repo(), &["lint"], Gone::Stdout),
        (&repo(), &["lint", "--format", "json"], Gone::Stdout),
        (&repo(), &["schema"], Gone::Stdout),
        (&repo(), &["changelog"], Gone::Stdout),
        (&repo(), &["completions", "bash"], Gone::Stdout),
        (&repo(), &["--help"], Gone::Stdout),
        (
            p,
            &["import", "markdown", "codes.md", "--namespace", "app"],
            Gone::Stdout,
        ),
        (&repo(), &["lint", "-v"], Gone::Stderr),
        (&repo(), &["check", dup], Gone::Stderr),
        (&repo(), &["check", dup], Gone::Both),
        (p, &["gen", "--check", "--no-cache"], Gone::Stderr),
        (p, &["gen", "--check", "--no-cache"], Gone::Both),
        (p, &["-v", "gen"], Gone::Stderr),
        (p, &["diff", "schema/catalog.yaml", "-v"], Gone::Stderr),
    ];
    for &(dir, args, gone) in cases {
        let out = errcat_into_a_closed_pipe(dir, args, gone);
        let (stdout, stderr) = text(&out);
        assert_eq!(
            out.status.code(),
            Some(141),
            "errcat {args:?} into a closed {gone:?}:\n{stdout}{stderr}"
        );
        // Nothing more printed on the other stream: no panic, no error about the pipe.
        assert_eq!(stdout + &stderr, "", "errcat {args:?}, {gone:?}");
    }
    // `gen -v` stopped at its first line: nothing was generated, nothing left behind.
    assert!(!p.join("generated").exists());
    assert_eq!(temp_files(p), Vec::<String>::new());
}

#[test]
fn gen_stopped_by_a_reader_gone_after_staging_leaves_the_disk_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    assert_eq!(errcat(p, &["init", "-q"]).status.code(), Some(0));
    assert_eq!(errcat(p, &["gen", "-q"]).status.code(), Some(0));
    // A new message stages changed files; a file edited by hand gets a warning, the
    // first line this run prints, after staging and before the rename.
    let ns = p.join("schema/app.yaml");
    let yaml = std::fs::read_to_string(&ns).unwrap();
    let changed = yaml.replace("The item does not exist", "The item is gone");
    assert_ne!(yaml, changed);
    std::fs::write(&ns, changed).unwrap();
    let lib = p.join("generated/rust/src/lib.rs");
    let edited = std::fs::read_to_string(&lib).unwrap() + "// mine\n";
    std::fs::write(&lib, &edited).unwrap();
    let before = crate::support::tree(&p.join("generated"));

    let out = errcat_into_a_closed_pipe(p, &["gen"], Gone::Stderr);
    assert_eq!(out.status.code(), Some(141), "{}", text(&out).1);
    assert_eq!(temp_files(p), Vec::<String>::new());
    assert!(
        crate::support::tree(&p.join("generated")) == before,
        "generated/ changed"
    );

    // The same run with a reader writes the change.
    let out = errcat(p, &["gen"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
    assert!(crate::support::tree(&p.join("generated")) != before);
}

#[test]
fn stdout_on_a_full_disk_is_an_io_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = errcat_into(&repo(), &["schema"], Gone::Stdout, &|| {
        full.try_clone().unwrap().into()
    });
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out).1,
        "error: cannot write to stdout: No space left on device (os error 28)\n"
    );
}

/// At a monorepo's root, with no catalog here or above, the catalogs below are named.
#[test]
fn a_monorepo_root_names_the_catalogs_below_it() {
    let catalog = "catalog: a\nformat: 1\nlocales: [en]\ndefault_locale: en\nnamespaces: []\n";
    let dir = crate::support::project(&[
        ("products/pay/schema/catalog.yaml", catalog),
        ("products/shop/catalog.yaml", catalog),
        ("products/shop/schema/catalog.yaml", catalog),
    ]);
    let out = errcat(dir.path(), &["check"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "error: no schema/catalog.yaml here or in a parent directory\n\
         help: catalogs below this directory: products/pay/schema/catalog.yaml, \
         products/shop/catalog.yaml; pass one, as in `errcat check products/pay/schema/catalog.yaml`\n"
    );
}

/// A person is shown 50 findings of a rule and told how many more there are; JSON has all.
#[test]
fn a_flood_of_one_rule_is_cut_for_people_not_for_machines() {
    let entries: String = (1..=60)
        .map(|i| format!("  - {{ code: {i}, name: E{i}, message: \"Text {i} \" }}\n"))
        .collect();
    let dir = crate::support::project(&[
        (
            "schema/catalog.yaml",
            "catalog: a\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\nnamespaces: [app.yaml]\n",
        ),
        (
            "schema/app.yaml",
            &format!("namespace: app\nentries:\n{entries}"),
        ),
    ]);
    let (_, human) = text(&errcat(dir.path(), &["check"]));
    assert_eq!(
        human.matches("warning[trailing-whitespace]").count(),
        51,
        "{human}"
    );
    assert!(
        human.contains(
            "note: 10 more warning[trailing-whitespace] not shown (the first 50 are above)"
        ) && human.contains("0 errors, 60 warnings\n"),
        "{human}"
    );
    let (_, json) = text(&errcat(dir.path(), &["check", "--format", "json"]));
    assert_eq!(json.matches("\"trailing-whitespace\"").count(), 60);
}
