//! Project tasks: `cargo xtask gen | check | ci | docs`.
//!
//! Generation itself lives in the errcat library; this only calls it and runs
//! the toolchains that prove the generated code works.

mod against;
mod bench;
mod ci;
mod conformance;
mod docs;
mod man;
mod readme;
mod synth;
mod use_doc;
mod workflows;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const CATALOG: &str = "schema/catalog.yaml";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::from(2);
    }
    match args.first().map(String::as_str) {
        Some("gen") => generate(&root, false),
        Some("check") => match generate(&root, true) {
            ExitCode::SUCCESS => against::check(&root),
            failed => failed,
        },
        Some("ci") => ci::main(&root),
        Some("workflows") => match workflows::check(&root) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("xtask workflows: {e}");
                ExitCode::FAILURE
            }
        },
        Some("docs") => docs::main(&root),
        Some("man") => man::main(&root),
        Some("fuzz") => fuzz(args.get(1).map(String::as_str)),
        Some("conformance") => conformance::run_all(&root, &args[1..]),
        Some("synth") => synth::main(&root, &args[1..]),
        Some("bench") => bench::main(&root, &args[1..]),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str = "\
usage: cargo xtask <task> [args]
  gen          validate schema/ and regenerate generated/ and the generated docs pages
  check        validate, fail if generated/ is not what gen would write, and list the
               breaking changes since the merge base with origin/main
  ci           everything CI runs: tests, lints, check, generated-code conformance
  conformance [WHAT…]
               compile and run the generated code with the real toolchains; without
               WHAT: every language on the seed catalog, then hostile, fallback, starter.
               WHAT: rust | java | typescript | <set> (a template set with
               tests/conformance/<set>/run: python, go) on the seed catalog;
               seed: every language on the seed catalog;
               hostile | fallback | starter: that catalog in every language;
               readme: the README's examples; large-namespace: Java and TypeScript at
               the java target's limit
  docs         build the docs site from generated/docs into target/docs-site/html
  man          the manual pages (errcat.1, one per subcommand) into target/man
  workflows    CI's workflow step alone: actionlint, the example repository, pre-commit
  fuzz [N]     the property tests with N cases each (default 2000), release build
  synth N DIR  write a synthetic catalog of N codes into DIR
  bench [N…]   time gen, gen --check and the downstream compiles (release build)
  help         this text
Snapshots and golden files: ERRCAT_BLESS=1 cargo test --test it <filter>; see CONTRIBUTING.md.
";

/// Runs the errcat CLI in-process, with this repository's regenerate hint.
pub fn errcat_cli(args: &[&str]) -> ExitCode {
    let settings = errcat::cli::Settings {
        regenerate_hint: "cargo xtask gen".into(),
    };
    errcat::cli::run(
        std::iter::once("errcat").chain(args.iter().copied()),
        &settings,
    )
}

fn project_root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from("xtask"), PathBuf::from);
    manifest
        .parent()
        .map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf)
}

/// `generated/` from the catalog, `docs/rules.md` from the rule table and its
/// fixtures, `docs/use-errcat.md` from its example files, the JSON Schema of
/// catalog files from the raw types, `docs/template-context.md` from the view
/// types, and `docs/target-options.md` from the built-in target.yaml files.
pub fn generate(root: &Path, check: bool) -> ExitCode {
    let args: &[&str] = if check {
        &["gen", CATALOG, "--check"]
    } else {
        &["gen", CATALOG]
    };
    let generated = errcat_cli(args);
    let use_page = match use_doc::page(root) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let pages = [
        ("docs/rules.md", errcat::rules_doc::page_from_fixtures(root)),
        (use_doc::PAGE, use_page),
        (errcat::schema::REPO_PATH, errcat::schema::text()),
        ("docs/template-context.md", errcat::context_doc::page()),
        (errcat::options_doc::REPO_PATH, errcat::options_doc::page()),
    ];
    // The tests fail on a rule without an example too; gen says so where a contributor
    // adding a rule looks first, instead of leaving its docs section silently bare.
    for rule in errcat::rules::ALL {
        if let Some(missing) = errcat::rules_doc::missing_example(root, rule.id) {
            eprintln!("warning: {missing}");
        }
    }
    let mut docs_ok = true;
    for (rel, page) in pages {
        let path = root.join(rel);
        let current = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .replace("\r\n", "\n");
        if current == page {
            continue;
        }
        docs_ok = false;
        if check {
            eprintln!("stale:   {rel}\nrun `cargo xtask gen` and commit");
        } else if let Err(e) = errcat::write::write_atomic(&path, page.as_bytes()) {
            eprintln!("error: writing {rel}: {e}");
            return ExitCode::from(2);
        }
    }
    if generated != ExitCode::SUCCESS {
        return generated;
    }
    if check && !docs_ok {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The property tests with many more cases than CI runs (release build): mutated catalogs
/// must never panic; random valid catalogs must generate deterministically and compile.
fn fuzz(cases: Option<&str>) -> ExitCode {
    let cases = cases.unwrap_or("2000");
    eprintln!("== {cases} cases of each property test");
    let status = ci::cargo()
        .args(["test", "--release", "--test", "it", "mutation"])
        .env("ERRCAT_MUTATION_CASES", cases)
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
