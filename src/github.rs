//! GitHub Actions workflow commands (`::error file=…,line=…::message`): their escaping,
//! and the paths they name. GitHub attaches an annotation to a file only when `file=`
//! is relative to the repository's root, wherever in it errcat ran.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where an annotation points.
pub struct Place<'a> {
    pub file: &'a Path,
    /// Line and column of the first character, and of the last; `None` for a whole file.
    pub at: Option<((u32, u32), (u32, u32))>,
}

/// One workflow command: `kind` is `error` or `warning`, `title` a rule id.
pub fn annotation(kind: &str, place: Option<Place>, title: Option<&str>, message: &str) -> String {
    let mut props = Vec::new();
    if let Some(p) = place {
        props.push(format!("file={}", property(&file(p.file))));
        // GitHub marks the whole span; its columns count only within one line.
        match p.at {
            Some(((line, col), (end_line, end_col))) if end_line == line => {
                // Its end column is the span's last character; ours is the one past it.
                let last = end_col.saturating_sub(1).max(col);
                props.push(format!(
                    "line={line},endLine={line},col={col},endColumn={last}"
                ));
            }
            Some(((line, col), (end_line, _))) => {
                props.push(format!("line={line},endLine={end_line},col={col}"));
            }
            None => {}
        }
    }
    if let Some(t) = title {
        props.push(format!("title={}", property(t)));
    }
    let sep = if props.is_empty() { "" } else { " " };
    format!("::{kind}{sep}{}::{}", props.join(","), data(message))
}

// Workflow-command escaping: data needs %, CR, LF escaped; properties also , and :.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `path` (as shown, relative to the current directory or absolute) relative to the
/// first of `GITHUB_WORKSPACE` and the git work tree's top level that holds it; as
/// shown when neither does.
fn file(path: &Path) -> String {
    let within = std::env::current_dir()
        .ok()
        .map(|cwd| resolved(&cwd.join(path)))
        .and_then(|abs| {
            roots()
                .iter()
                .find_map(|root| abs.strip_prefix(root).ok().map(Path::to_path_buf))
        });
    within
        .as_deref()
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The directories annotations are relative to, in order of preference; found once,
/// as neither the environment nor the current directory changes during a run.
fn roots() -> &'static [PathBuf] {
    static ROOTS: OnceLock<Vec<PathBuf>> = OnceLock::new();
    ROOTS.get_or_init(|| {
        let workspace = std::env::var_os("GITHUB_WORKSPACE")
            .filter(|w| !w.is_empty())
            .map(PathBuf::from);
        let top = std::env::current_dir().ok().and_then(|cwd| {
            crate::diff::git::run(&cwd, &["rev-parse", "--show-toplevel"])
                .ok()
                .map(|t| PathBuf::from(t.trim_end_matches(['\n', '\r'])))
        });
        workspace
            .into_iter()
            .chain(top)
            .filter_map(|d| d.canonicalize().ok())
            .collect()
    })
}

/// `path` without `.` and `..`, and through symlinks when it exists (a missing
/// generated file is named before it exists).
fn resolved(path: &Path) -> PathBuf {
    let out = crate::load::lexical(path);
    out.canonicalize().unwrap_or(out)
}
