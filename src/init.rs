//! `errcat init [DIR]`: a working project to start from: `schema/catalog.yaml` with the
//! built-in targets, one example namespace, and the JSON Schema next to them so editors
//! check both offline. Nothing that exists is ever overwritten.

use std::path::{Path, PathBuf};

use crate::load::display_path;

const CATALOG: &str = include_str!("init/catalog.yaml");
const NAMESPACE: &str = include_str!("init/namespace.yaml");

/// The files `init` writes, relative to the project directory.
pub fn files() -> Vec<(PathBuf, String)> {
    vec![
        (PathBuf::from("schema/catalog.yaml"), CATALOG.to_owned()),
        (PathBuf::from("schema/app.yaml"), NAMESPACE.to_owned()),
        (
            Path::new("schema").join(crate::schema::INIT_FILE),
            crate::schema::text(),
        ),
    ]
}

/// The ids of the targets the starter catalog declares, in its order.
pub fn target_ids() -> Vec<&'static str> {
    CATALOG
        .lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .map(str::trim)
        .collect()
}

/// Why `init` wrote nothing, or stopped.
#[derive(Debug)]
pub enum Error {
    /// Files already there: `init` starts projects, it does not update them.
    Exists(Vec<PathBuf>),
    /// The project has a catalog elsewhere (moved: `errors/catalog.yaml`): a second
    /// one in schema/ would be another catalog, whose output would clash with its.
    Beside(Vec<PathBuf>),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Exists(paths) => write!(
                f,
                "{} already exist{}; errcat init writes nothing over existing files",
                listed(paths),
                if paths.len() == 1 { "s" } else { "" }
            ),
            Error::Beside(paths) => write!(
                f,
                "this project already has a catalog ({}); errcat init would start a second one in schema/ beside it, and wrote nothing",
                listed(paths)
            ),
            Error::Io(path, e) => write!(f, "cannot write {}: {e}", display_path(path).display()),
        }
    }
}

/// Paths as the user sees them, for a message.
fn listed(paths: &[PathBuf]) -> String {
    let shown: Vec<String> = paths
        .iter()
        .map(|p| display_path(p).display().to_string())
        .collect();
    shown.join(", ")
}

impl Error {
    /// What to do instead, when there is something to say.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Beside(paths) => Some(format!(
                "use that catalog (`errcat gen {}`), or start a new catalog in a directory of its own (`errcat init path/to/project`)",
                display_path(&paths[0]).display()
            )),
            _ => None,
        }
    }
}

/// The errcat catalogs of the project at `dir` other than where `init` writes: its own
/// `catalog.yaml`, or one in a directory of it (`errors/catalog.yaml`, a catalog moved
/// from schema/).
fn catalogs_beside(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name() != "schema" && e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path().join("catalog.yaml"))
        .chain(std::iter::once(dir.join("catalog.yaml")))
        .filter(|p| crate::project::is_catalog(p))
        .collect();
    found.sort();
    found
}

/// Writes [`files`] under `dir` (created as needed) and returns their paths; writes
/// nothing when any of them exists.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let files: Vec<(PathBuf, String)> = files()
        .into_iter()
        .map(|(rel, text)| (dir.join(rel), text))
        .collect();
    let existing: Vec<PathBuf> = files
        .iter()
        .filter(|(path, _)| path.symlink_metadata().is_ok())
        .map(|(path, _)| path.clone())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Exists(existing));
    }
    let beside = catalogs_beside(dir);
    if !beside.is_empty() {
        return Err(Error::Beside(beside));
    }
    for (path, text) in &files {
        crate::write::write_atomic(path, text.as_bytes())
            .map_err(|e| Error::Io(path.clone(), e))?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}
