//! `cargo xtask man`: manual pages from the same clap definition the command line parses
//! with, `errcat.1` and one page per subcommand (`errcat-gen.1`), in `target/man/`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub const DIR: &str = "target/man";

/// Writes every page into `root/target/man` (emptied first, so no page outlives its
/// subcommand) and returns their paths, sorted.
pub fn write(root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join(DIR);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    clap_mangen::generate_to(errcat::cli::command(), &dir)
        .map_err(|e| format!("writing {}: {e}", dir.display()))?;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    pages.sort();
    Ok(pages)
}

/// Formats a page the way `man` shows it: preconv for UTF-8 input (`-k`), the man macros,
/// a UTF-8 terminal. Any groff warning is a failure.
fn render(page: &Path) -> Result<String, String> {
    let out = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-rLL=100n"])
        .arg(page)
        .env("GROFF_NO_SGR", "1")
        .output()
        .map_err(|e| format!("cannot run groff (apt-get install groff-base): {e}"))?;
    let warnings = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || !warnings.trim().is_empty() {
        return Err(format!(
            "groff on {}: {}{warnings}",
            page.display(),
            out.status
        ));
    }
    // Overstrike bold (`c\bc`) is how grotty marks emphasis without SGR; read past it.
    let text = String::from_utf8_lossy(&out.stdout);
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    Ok(plain)
}

/// Builds the pages and reads each as a user would: it formats without a warning, has a
/// name and synopsis, and the main page lists every subcommand and the exit codes.
pub fn check(root: &Path) -> Result<(), String> {
    let pages = write(root)?;
    let cmd = errcat::cli::command();
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let expected: Vec<String> = std::iter::once("errcat.1".to_string())
        .chain(subcommands.iter().map(|s| format!("errcat-{s}.1")))
        .collect();
    let mut names: Vec<String> = pages
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let mut want = expected.clone();
    want.sort();
    if names != want {
        return Err(format!("man pages {names:?}, expected {want:?}"));
    }
    for page in &pages {
        let text = render(page)?;
        let stem = page
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION"] {
            if !text.lines().any(|l| l == heading) {
                return Err(format!("{}: no {heading} section:\n{text}", page.display()));
            }
        }
        // The line after NAME, with groff's justification spaces folded.
        let name_line = text
            .lines()
            .skip_while(|l| *l != "NAME")
            .nth(1)
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        if !name_line.starts_with(&format!("{stem} - ")) {
            return Err(format!(
                "{}: the NAME line does not name {stem}:\n{text}",
                page.display()
            ));
        }
        // Leaked markup: a roff request or escape shown to the reader.
        if let Some(bad) = text
            .lines()
            .find(|l| l.starts_with('.') || l.contains("\\f"))
        {
            return Err(format!("{}: markup in the text: {bad}", page.display()));
        }
        if stem == "errcat" {
            for s in &subcommands {
                if !text.contains(&format!("errcat-{s}(1)")) {
                    return Err(format!("errcat.1 does not list errcat-{s}(1):\n{text}"));
                }
            }
            if !text.contains("Exit codes:") || !text.contains("usage or I/O error") {
                return Err(format!(
                    "errcat.1 does not document the exit codes:\n{text}"
                ));
            }
        }
    }
    eprintln!(
        "man: {} pages in {DIR}, each formatted by groff without a warning",
        pages.len()
    );
    Ok(())
}

/// `cargo xtask man`: writes the pages and checks each as [`check`] does.
pub fn main(root: &Path) -> ExitCode {
    match check(root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("man: {e}");
            ExitCode::FAILURE
        }
    }
}
