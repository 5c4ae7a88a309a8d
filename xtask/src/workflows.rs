//! The ready-made workflows, checked: actionlint on every GitHub workflow, and a
//! scratch repository built from `docs/examples/use-errcat/` (the files
//! `docs/use-errcat.md` shows) whose xtask is built and run, and whose
//! `.pre-commit-config.yaml` runs errcat's hooks from a snapshot of this checkout.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::ci::{cargo, run};
use crate::conformance::scratch;
use crate::synth::copy_tree;
use crate::use_doc::EXAMPLE;

/// The tools' venv; `.ci/venv` installs them, pinned.
const VENV: &str = "target/xtask/venv";
/// Where the example takes errcat from; the test points both places at this checkout.
const ERRCAT_GIT: &str = "https://github.com/errcat/errcat";
/// Fixed, so an unchanged checkout gives the same snapshot commit and pre-commit
/// reuses the errcat it built last time.
const FIXED_COMMIT_ENV: [(&str, &str); 6] = [
    ("GIT_AUTHOR_NAME", "xtask"),
    ("GIT_AUTHOR_EMAIL", "xtask@localhost"),
    ("GIT_AUTHOR_DATE", "2000-01-01T00:00:00Z"),
    ("GIT_COMMITTER_NAME", "xtask"),
    ("GIT_COMMITTER_EMAIL", "xtask@localhost"),
    ("GIT_COMMITTER_DATE", "2000-01-01T00:00:00Z"),
];

/// The venv's bin directory, with the pinned tools installed (by `.ci/venv`, which
/// keeps the pins next to the other machine set-up).
fn venv(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join(VENV);
    run(Command::new(root.join(".ci/venv")).arg(&dir))?;
    Ok(dir.join("bin"))
}

fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    Ok(files)
}

/// actionlint on this repository's workflows and the example's.
fn actionlint(root: &Path) -> Result<(), String> {
    let bin = venv(root)?;
    let mut files = yaml_files(&root.join(".github/workflows"))?;
    files.extend(yaml_files(&root.join(EXAMPLE).join(".github/workflows"))?);
    run(Command::new(bin.join("actionlint"))
        .args(&files)
        .current_dir(root))
}

/// Runs a command, echoing it, and reports whether it succeeded.
fn succeeds(cmd: &mut Command) -> Result<bool, String> {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("$ {shown}");
    cmd.status()
        .map(|s| s.success())
        .map_err(|e| format!("cannot run {shown}: {e}"))
}

fn git(dir: &Path, args: &[&str]) -> Result<(), String> {
    run(Command::new("git")
        .args(args)
        .envs(FIXED_COMMIT_ENV)
        .current_dir(dir))
}

/// This checkout's files (tracked and untracked, not ignored) as one commit that
/// pre-commit can clone (`pre-commit try-repo .` would leave out new files).
fn snapshot(root: &Path, dir: &Path) -> Result<(), String> {
    let out = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("git ls-files: {e}"))?;
    for rel in out.stdout.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let rel = String::from_utf8_lossy(rel);
        let (from, to) = (root.join(&*rel), dir.join(&*rel));
        // A tracked file another change deleted is not part of the tree.
        if !from.is_file() {
            continue;
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    git(dir, &["init", "-q"])?;
    git(dir, &["add", "-A"])?;
    git(
        dir,
        &["commit", "-q", "--no-gpg-sign", "-m", "errcat snapshot"],
    )
}

/// The example repository, with errcat taken from this checkout, as a user would set
/// it up: no templates of its own, errcat's are built in.
fn user_repo(root: &Path, dir: &Path) -> Result<(), String> {
    copy_tree(&root.join(EXAMPLE), dir)?;
    let manifest = dir.join("xtask/Cargo.toml");
    let dep = format!(r#"errcat = {{ git = "{ERRCAT_GIT}" }}"#);
    let local = format!("errcat = {{ path = {:?} }}", root.display().to_string());
    replace_in(&manifest, &dep, &local)?;
    let _ = std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"));
    Ok(())
}

/// Replaces `from` in a copied example file, failing when the example no longer holds it.
fn replace_in(path: &Path, from: &str, to: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !text.contains(from) {
        return Err(format!("{} lacks `{from}`", path.display()));
    }
    std::fs::write(path, text.replace(from, to)).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every hook the example's `.pre-commit-config.yaml` names is declared by errcat.
fn example_hooks_exist(root: &Path) -> Result<(), String> {
    let ids = |path: &Path| -> Result<Vec<String>, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- id: "))
            .map(str::to_string)
            .collect())
    };
    let declared = ids(&root.join(".pre-commit-hooks.yaml"))?;
    let used = ids(&root.join(EXAMPLE).join(".pre-commit-config.yaml"))?;
    match used.iter().find(|id| !declared.contains(id)) {
        Some(id) => Err(format!(
            "the example uses hook {id}, which .pre-commit-hooks.yaml lacks"
        )),
        None if used.is_empty() => {
            Err("the example's .pre-commit-config.yaml names no hook".into())
        }
        None => Ok(()),
    }
}

/// Both checks, for `cargo xtask ci`.
pub fn check(root: &Path) -> Result<(), String> {
    actionlint(root)?;
    pre_commit(root)
}

/// The example repository's xtask, then errcat's hooks on it: current, stale, invalid.
fn pre_commit(root: &Path) -> Result<(), String> {
    let bin = venv(root)?;
    example_hooks_exist(root)?;
    let work = root.join("target/xtask/use-errcat");
    let (errcat, repo) = (
        scratch(root, "use-errcat/errcat")?,
        scratch(root, "use-errcat/repo")?,
    );
    run(Command::new(bin.join("pre-commit"))
        .arg("validate-config")
        .arg(root.join(EXAMPLE).join(".pre-commit-config.yaml")))?;
    run(Command::new(bin.join("pre-commit"))
        .arg("validate-manifest")
        .arg(root.join(".pre-commit-hooks.yaml")))?;
    snapshot(root, &errcat)?;
    user_repo(root, &repo)?;

    // The xtask wrapper, built and run the way the page says.
    let xtask = |args: &[&str]| {
        let mut cmd = cargo();
        cmd.arg("xtask")
            .args(args)
            .current_dir(&repo)
            .env("CARGO_TARGET_DIR", work.join("xtask-target"));
        succeeds(&mut cmd)
    };
    if !xtask(&["gen"])?
        || !xtask(&["check"])?
        || !xtask(&["errcat", "check", "--format", "github"])?
    {
        return Err("the example's cargo xtask failed on its own catalog".into());
    }
    // The generated crate builds on its own, as publishing it does, beside the
    // example's workspace.
    let mut build = cargo();
    build
        .args(["build", "--offline", "--quiet"])
        .current_dir(repo.join("generated/rust"))
        .env("CARGO_TARGET_DIR", work.join("generated-target"));
    if !succeeds(&mut build)? {
        return Err("the example's generated crate does not build on its own".into());
    }
    // The example's pre-commit config, with errcat's repository and rev pointed at the snapshot.
    let rev = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(&errcat)
        .output()
        .map_err(|e| format!("git rev-parse: {e}"))?;
    let rev = String::from_utf8_lossy(&rev.stdout).trim().to_string();
    let config = repo.join(".pre-commit-config.yaml");
    replace_in(
        &config,
        &format!("repo: {ERRCAT_GIT}"),
        &format!("repo: {}", errcat.display()),
    )?;
    replace_in(&config, "rev: v0.1.0", &format!("rev: {rev}"))?;
    git(&repo, &["init", "-q"])?;
    git(&repo, &["add", "-A"])?;
    git(
        &repo,
        &[
            "commit",
            "-q",
            "--no-gpg-sign",
            "-m",
            "catalog and generated files",
        ],
    )?;

    // The page's other hook, errcat-check, alone: a copy of the config kept outside
    // the repository, so that the repository stays as the page leaves it.
    let check_only = work.join("check-only.yaml");
    std::fs::copy(&config, &check_only).map_err(|e| format!("{}: {e}", check_only.display()))?;
    replace_in(&check_only, "- id: errcat-gen", "- id: errcat-check")?;

    // The result and output of `pre-commit run` on all files with a config, which
    // fails a hook that changed files.
    let hooks = |config: &Path| -> Result<(bool, String), String> {
        let mut cmd = Command::new(bin.join("pre-commit"));
        cmd.args(["run", "--all-files", "--config"])
            .arg(config)
            .current_dir(&repo)
            // The store outlives the scratch repository: errcat is built once per snapshot.
            .env("PRE_COMMIT_HOME", work.join("pre-commit-home"))
            // pre-commit builds errcat with `cargo install`; keep its build between snapshots.
            .env("CARGO_TARGET_DIR", work.join("pre-commit-target"))
            // Unoptimised: what the hooks do doesn't depend on it, and the optimised
            // release build took about two of CI's twenty minutes.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("NO_COLOR", "1");
        eprintln!("$ {}", format!("{cmd:?}").replace('"', ""));
        let out = cmd
            .output()
            .map_err(|e| format!("cannot run pre-commit: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        eprint!("{text}{}", String::from_utf8_lossy(&out.stderr));
        Ok((out.status.success(), text))
    };
    if !hooks(&config)?.0 {
        return Err("errcat's pre-commit hooks failed on a current repository".into());
    }

    let namespace = repo.join("schema/checkout.yaml");
    let original = std::fs::read_to_string(&namespace).map_err(|e| e.to_string())?;
    let edited = original.replace("The cart is empty", "Your cart is empty");
    if edited == original {
        return Err("schema/checkout.yaml no longer says `The cart is empty`".into());
    }
    std::fs::write(&namespace, &edited).map_err(|e| e.to_string())?;
    if xtask(&["check"])? {
        return Err("cargo xtask check passed with a stale generated file".into());
    }
    let (ok, out) = hooks(&config)?;
    if ok || !out.contains("files were modified by this hook") {
        return Err("errcat-gen did not fail by regenerating a stale generated file".into());
    }
    if !xtask(&["check"])? {
        return Err("errcat-gen did not regenerate the stale file".into());
    }
    if !hooks(&config)?.0 {
        return Err("errcat's hooks failed after errcat-gen regenerated the files".into());
    }

    // An invalid catalog: the hooks fail with the finding, said once.
    let duplicate =
        format!("{edited}  - code: 1001\n    name: CART_GONE\n    message: The cart is gone\n");
    std::fs::write(&namespace, duplicate).map_err(|e| e.to_string())?;
    let (ok, out) = hooks(&config)?;
    match out.matches("error[duplicate-code]").count() {
        _ if ok => return Err("the hooks passed a catalog with a duplicate code".into()),
        0 => return Err("the hooks did not report a duplicate code".into()),
        1 => {}
        n => return Err(format!("the hooks reported one duplicate code {n} times")),
    }
    let (ok, out) = hooks(&check_only)?;
    if ok || !out.contains("error[duplicate-code]") {
        return Err("errcat-check did not report a duplicate code".into());
    }
    // Drops the errcat builds of earlier snapshots from the store.
    run(Command::new(bin.join("pre-commit"))
        .arg("gc")
        .env("PRE_COMMIT_HOME", work.join("pre-commit-home")))
}
