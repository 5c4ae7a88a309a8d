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

fn step(name: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    eprintln!("\n== {name}");
    f().map_err(|e| format!("{name}: {e}"))
}

pub fn run_ci(root: &Path) -> Result<(), String> {
    if !root.join("node_modules/.bin/tsc").exists() {
        step(
            "npm packages (typescript, prettier) from package-lock.json",
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
    step("generated/ is current", || {
        if crate::errcat_cli(&["gen", crate::CATALOG, "--check"]) == ExitCode::SUCCESS {
            Ok(())
        } else {
            Err("generated/ is stale".into())
        }
    })?;
    conformance::all_languages(root, &root.join("generated"), "seed catalog")?;
    Ok(())
}

pub fn main(root: &Path) -> ExitCode {
    match run_ci(root) {
        Ok(()) => {
            eprintln!("\nci: all steps passed");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("\nci: FAILED at {e}");
            ExitCode::FAILURE
        }
    }
}
