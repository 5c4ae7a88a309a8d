//! Project tasks: `cargo xtask gen | check | ci`.
//!
//! Generation itself lives in the errcat library; this only calls it and runs
//! the toolchains that prove the generated code works.

mod ci;
mod conformance;

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
        Some("gen") => errcat_cli(&["gen", CATALOG]),
        Some("check") => errcat_cli(&["gen", CATALOG, "--check"]),
        Some("ci") => ci::main(&root),
        Some("conformance") => conformance::run_all(&root, &args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <gen | check | ci | conformance [rust|java|typescript]>");
            eprintln!("  gen          validate schema/ and regenerate generated/");
            eprintln!("  check        validate and fail if generated/ is not what gen would write");
            eprintln!(
                "  ci           everything CI runs: tests, lints, check, generated-code conformance"
            );
            ExitCode::from(2)
        }
    }
}

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
