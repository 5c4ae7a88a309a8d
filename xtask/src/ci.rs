//! `cargo xtask ci`: every check CI runs, in order, failing fast with the step named.

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::conformance;

/// Runs a command, echoing it; an error names the step.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("$ {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs one step, saying how long it took: `.ci/run` has 20 minutes on two cores, and
/// a step that grows should show in the log before the budget is gone.
fn step(name: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    eprintln!("\n== {name}");
    let start = std::time::Instant::now();
    let result = f().map_err(|e| format!("{name}: {e}"));
    eprintln!("-- {name}: {:.0} s", start.elapsed().as_secs_f64());
    result
}

pub fn run_ci(root: &Path) -> Result<(), String> {
    let npm_tools = [
        "node_modules/.bin/tsc",
        "node_modules/.bin/markdownlint-cli2",
        "node_modules/playwright-core/package.json",
        // The JSON Schema test's validator (tests/schema/validate.mjs).
        "node_modules/ajv/package.json",
        "node_modules/yaml/package.json",
    ];
    if npm_tools.iter().any(|t| !root.join(t).exists()) {
        step(
            "npm packages (typescript, prettier, esbuild, markdownlint-cli2, playwright-core) from package-lock.json",
            || {
                run(Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund"])
                    .current_dir(root))
            },
        )?;
    }
    step("rustfmt (errcat and the generated crate)", || {
        run(cargo().args(["fmt", "--all", "--check"]))
    })?;
    step("clippy", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("tests", || {
        run(cargo().args(["test", "--workspace", "--all-features"]))
    })?;
    step("rustdoc of the generated crate", || {
        run(cargo()
            .args([
                "doc",
                "--no-deps",
                "--all-features",
                "-p",
                &conformance::crate_name(&root.join("generated/rust"))?,
            ])
            .env("RUSTDOCFLAGS", "-D warnings"))
    })?;
    step("generated/ and docs/rules.md are current", || {
        if crate::generate(root, true) == ExitCode::SUCCESS {
            Ok(())
        } else {
            Err("generated/ is stale".into())
        }
    })?;
    step("manual pages, formatted by groff (cargo xtask man)", || {
        crate::man::check(root)
    })?;
    step("conformance: the seed catalog in every language", || {
        conformance::all_languages(root, &root.join("generated"), "seed catalog")
    })?;
    step("README usage examples, compiled and run", || {
        crate::readme::all(root)
    })?;
    step(
        "conformance: the hostile and fallback fixtures and errcat init's starter catalog",
        || {
            conformance::hostile(root)?;
            conformance::fallback(root)?;
            conformance::starter(root)
        },
    )?;
    step(
        "large catalogs: a namespace at the java target's limit (Java and TypeScript conformance), 2,000 namespaces (Java), one code too many refused",
        || conformance::large_namespace(root),
    )?;
    step(
        "ready-made workflows: actionlint, the example repository, pre-commit hooks",
        || crate::workflows::check(root),
    )?;
    step(
        "docs site: build and check links (cargo xtask docs)",
        || crate::docs::build(root),
    )?;
    step("markdownlint (generated Markdown)", || {
        crate::docs::markdownlint(root)
    })?;
    step("docs site in headless Chromium (tests/docs-site)", || {
        crate::docs::browser(root)
    })?;
    Ok(())
}

pub fn main(root: &Path) -> ExitCode {
    let start = std::time::Instant::now();
    match run_ci(root) {
        Ok(()) => {
            let took = start.elapsed().as_secs_f64() / 60.0;
            eprintln!("\nci: all steps passed in {took:.1} min");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("\nci: FAILED at {e}");
            ExitCode::FAILURE
        }
    }
}
