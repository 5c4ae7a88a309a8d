//! Shared helpers: paths, rendering diagnostics as text, snapshot comparison.

use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Diagnostics of a check, rendered as plain text (no colour), as a user sees them.
pub fn diagnostics_text(checked: &errcat::Checked) -> String {
    report_text(&checked.report, &checked.sources)
}

/// Findings rendered as plain text (no colour), with the summary line.
pub fn report_text(report: &errcat::diag::Report, sources: &errcat::source::Sources) -> String {
    let mut s = errcat::diag::render(report, sources, errcat::diag::Format::Human, false);
    s.push_str(&report.summary());
    s.push('\n');
    s
}

/// Compares `actual` with the snapshot file; `ERRCAT_BLESS=1` rewrites it instead.
pub fn assert_snapshot(path: &Path, actual: &str) {
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {} (run with ERRCAT_BLESS=1)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "snapshot {} differs (run with ERRCAT_BLESS=1 to accept):\n{}",
            path.display(),
            similar::TextDiff::from_lines(expected.as_str(), actual)
                .unified_diff()
                .context_radius(2)
        );
    }
}

/// Copies a directory tree (for tests that write).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs the built `errcat` binary in `dir`.
pub fn errcat(dir: &Path, args: &[&str]) -> std::process::Output {
    errcat_env(dir, args, &[])
}

/// Runs the built `errcat` binary in `dir` with the variables `env` set.
pub fn errcat_env(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_errcat"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        // Hermetic: errcat's up-to-date cache stays in the test's target dir, and
        // GitHub paths do not depend on whether the tests run in GitHub Actions.
        .env(
            "ERRCAT_CACHE_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("errcat-cache"),
        )
        .env_remove("GITHUB_WORKSPACE")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// The run exited 0; its stderr is the message when it did not.
#[track_caller]
pub fn assert_success(out: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A command's stdout and stderr as text.
pub fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The first diagnostic `errcat … --format json` printed.
pub fn first_json_diagnostic(out: &std::process::Output) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().next().unwrap_or("");
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {stderr}"))
}

/// A temporary directory holding `files` (path, text), for a catalog written in a test.
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The text whose UTF-8 bytes `h` spells in hex, as the compiled readers print them.
pub fn unhex(h: &str) -> String {
    let bytes: Vec<u8> = (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

/// Every file under `dir` with its bytes.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    errcat::write::walk(dir)
        .unwrap()
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap();
            (f, bytes)
        })
        .collect()
}

/// A synthetic catalog of `codes` codes in `dir` (files of 1,000 codes), with the
/// built-in templates.
pub fn write_synth(dir: &Path, codes: usize) {
    for (rel, text) in errcat::synth::files(codes, errcat::synth::PER_FILE) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    copy_tree(&repo().join("templates"), &dir.join("templates"));
}
