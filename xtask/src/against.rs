//! `cargo xtask check` also fails on breaking catalog changes since the merge base with the
//! main branch. Skipped without a word when there is nothing to compare with: no git, a
//! shallow clone without the base, only `main` checked out, or no catalog at the base.

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::CATALOG;

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .current_dir(root)
        .args(args)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The merge base with the branch this one will merge into, and that branch's name.
fn merge_base(root: &Path) -> Option<(String, String)> {
    let current = git(root, &["symbolic-ref", "--quiet", "--short", "HEAD"]);
    let pr_base = std::env::var("GITHUB_BASE_REF")
        .ok()
        .filter(|b| !b.is_empty())
        .map(|b| format!("origin/{b}"));
    let candidates = pr_base.into_iter().chain(
        ["origin/main", "origin/master", "main", "master"]
            .into_iter()
            .map(String::from),
    );
    for branch in candidates {
        if current.as_deref() == Some(branch.as_str()) {
            continue;
        }
        if git(root, &["rev-parse", "--verify", "--quiet", &branch]).is_none() {
            continue;
        }
        if let Some(base) = git(root, &["merge-base", "HEAD", &branch]) {
            return Some((base, branch));
        }
    }
    None
}

pub fn check(root: &Path) -> ExitCode {
    let Some((base, branch)) = merge_base(root) else {
        return ExitCode::SUCCESS;
    };
    if git(root, &["cat-file", "-e", &format!("{base}:{CATALOG}")]).is_none() {
        return ExitCode::SUCCESS;
    }
    eprintln!("== breaking changes since the merge base with {branch} ({base:.10})");
    // Not --quiet: its summary says "ok" where there is nothing to list.
    crate::errcat_cli(&["check", CATALOG, "--against", &base])
}
