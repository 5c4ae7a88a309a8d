//! `cargo xtask docs`: the docs site from `generated/docs`, and its checks in CI.
//!
//! The site generator (mdBook) lives in the `docs-site` crate and runs as its
//! own process, so `cargo xtask gen` never compiles it.

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::ci::{cargo, run};

/// Under the git-ignored build directory `target/docs-site/`: the site, the golden
/// fixture's site, and the browser test's screenshots.
pub const SITE: &str = "target/docs-site/html";
pub const GOLDEN_SITE: &str = "target/docs-site/golden";
pub const LOCALES_SITE: &str = "target/docs-site/locales";
/// The docs-locales fixture's Markdown, generated for its site and for markdownlint.
const LOCALES_DOCS: &str = "target/docs-site/locales-src/docs";
pub const SCREENSHOTS: &str = "target/docs-site/screenshots";

/// Builds the site, the golden fixture's (whose Chinese pages show titles that
/// fall back to English, for the browser test) and the docs-locales fixture's (six
/// locales, Arabic among them: a right-to-left page), and checks their links.
pub fn build(root: &Path) -> Result<(), String> {
    // Built as part of the workspace with its tests, not `cargo run -p docs-site`:
    // features are unified per build, and docs-site alone asks its dependencies for
    // other features than the test build does, so CI compiled some fifty of
    // mdBook's crates twice (90 of its seconds). This build reuses the tests'.
    let site_builder = site_builder(root)?;
    locales_docs(root)?;
    for (docs, site) in [
        ("generated/docs", SITE),
        ("tests/fixtures/golden/expected/docs", GOLDEN_SITE),
        (LOCALES_DOCS, LOCALES_SITE),
    ] {
        run(Command::new(&site_builder)
            .arg(root.join(docs))
            .arg(root.join(site)))?;
    }
    Ok(())
}

/// The docs-locales fixture's docs target, generated afresh into [`LOCALES_DOCS`].
fn locales_docs(root: &Path) -> Result<(), String> {
    let docs = root.join(LOCALES_DOCS);
    let out = docs.parent().ok_or("no parent")?;
    let _ = std::fs::remove_dir_all(out);
    let catalog = root.join("tests/fixtures/docs-locales/catalog.yaml");
    let args = [
        "gen",
        &catalog.to_string_lossy(),
        "--out-dir",
        &out.to_string_lossy(),
        "--quiet",
    ];
    if crate::errcat_cli(&args) != ExitCode::SUCCESS {
        return Err("generating the docs-locales fixture failed".into());
    }
    Ok(())
}

/// Builds the workspace's binaries and tests, and returns the docs-site binary's path
/// as cargo reports it (wherever the target directory is configured).
fn site_builder(root: &Path) -> Result<std::path::PathBuf, String> {
    let mut cmd = cargo();
    cmd.args(["build", "--quiet", "--workspace", "--all-features"])
        .args(["--bins", "--tests", "--message-format", "json"])
        .current_dir(root);
    eprintln!("$ {}", format!("{cmd:?}").replace('"', ""));
    let out = cmd
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo build: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo build failed ({})", out.status));
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|m| {
            m["reason"] == "compiler-artifact"
                && m["target"]["name"] == "docs-site"
                && m["target"]["kind"][0] == "bin"
                // `--tests` also builds the binary's own test harness under the same name.
                && m["profile"]["test"] == false
        })
        .and_then(|m| m["executable"].as_str().map(std::path::PathBuf::from))
        .ok_or_else(|| "cargo build reported no docs-site executable".into())
}

/// markdownlint-cli2 (`.markdownlint-cli2.jsonc`) on the generated Markdown, the golden
/// docs and the docs-locales fixture's (after [`build`]).
pub fn markdownlint(root: &Path) -> Result<(), String> {
    run(
        Command::new(root.join("node_modules/.bin/markdownlint-cli2"))
            .args([
                "generated/docs/**/*.md",
                "tests/fixtures/golden/expected/docs/**/*.md",
                &format!("{LOCALES_DOCS}/**/*.md"),
            ])
            .current_dir(root),
    )
}

/// The reader's path through the built site in headless Chromium.
pub fn browser(root: &Path) -> Result<(), String> {
    run(Command::new("node")
        .args(["--test", "tests/docs-site/browser.test.mjs"])
        .env("DOCS_SITE_DIR", root.join(SITE))
        .env("DOCS_SITE_GOLDEN_DIR", root.join(GOLDEN_SITE))
        .env("DOCS_SITE_LOCALES_DIR", root.join(LOCALES_SITE))
        .env("DOCS_SITE_SHOTS", root.join(SCREENSHOTS))
        .current_dir(root))?;
    eprintln!("screenshots: {}", root.join(SCREENSHOTS).display());
    Ok(())
}

pub fn main(root: &Path) -> ExitCode {
    match build(root) {
        Ok(()) => {
            eprintln!("site: {}/index.html", root.join(SITE).display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("docs: {e}");
            ExitCode::FAILURE
        }
    }
}
