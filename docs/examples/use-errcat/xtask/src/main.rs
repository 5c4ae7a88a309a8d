//! `cargo xtask gen | check`, and any errcat command: `cargo xtask errcat check --format github`.

use std::process::ExitCode;

const CATALOG: &str = "schema/catalog.yaml";

fn main() -> ExitCode {
    // Paths in the catalog are relative to the workspace root, wherever cargo runs.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::from(2);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let errcat_args = match args.as_slice() {
        ["gen"] => vec!["gen", CATALOG],
        ["check"] => vec!["gen", CATALOG, "--check"],
        ["errcat", rest @ ..] => rest.to_vec(),
        _ => {
            eprintln!("usage: cargo xtask gen | check | errcat <errcat arguments>");
            return ExitCode::from(2);
        }
    };
    // `check` tells a contributor to run this wrapper, not the bare errcat command.
    let settings = errcat::cli::Settings {
        regenerate_hint: "cargo xtask gen".into(),
    };
    errcat::cli::run(std::iter::once("errcat").chain(errcat_args), &settings)
}
