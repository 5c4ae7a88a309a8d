//! One side of a comparison: a catalog file, or the catalog as it was at a git revision.
//! A revision is read from git objects with the git CLI (no checkout): the catalog file and
//! the YAML files its namespace patterns can reach are written to a temporary directory and
//! loaded from there; diagnostics show them as `REV:path`.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use super::by_id::{self, Found};
use crate::diag::Report;
use crate::load::raw::RawCatalog;
use crate::model::Catalog;
use crate::source::Sources;

/// Where a side's catalog is looked for at a revision.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The catalog's path in the working tree: a revision's catalog is read at the same
    /// path (or where git's rename detection says it was).
    pub catalog: &'a Path,
    /// The `catalog:` id it is found by where neither finds it (moved, and changed too
    /// much for git to pair the files); `None`: the id of the catalog at `catalog`.
    pub id: Option<&'a str>,
}

impl<'a> Place<'a> {
    /// The catalog at `catalog`, found by its own id.
    pub fn at(catalog: &'a Path) -> Place<'a> {
        Place { catalog, id: None }
    }
}

/// Loads one side: `spec` is a catalog path, a revision (`HEAD~1`, `main`) whose catalog
/// sits where `place.catalog` is in the working tree (or, moved, has its id), or
/// `REV:path` (path from the repository top). `Err` is a usage problem (no such
/// revision, no git, no catalog at the revision); `Ok(None)` a catalog with errors.
/// `note` hears where a moved catalog was found.
pub fn load_side(
    spec: &str,
    place: Place,
    sources: &mut Sources,
    report: &mut Report,
    note: &mut dyn FnMut(&str),
) -> Result<Option<Catalog>, String> {
    load_any(spec, place, sources, report, note).map_err(Unloaded::into_message)
}

/// The old side of a comparison, as [`load_side`], except that a revision from before the
/// catalog existed is an empty catalog (everything in the new one is added, nothing breaks):
/// a change that introduces the catalog must pass `check --against` its base. `note` gets
/// the line that says so.
pub fn load_old_side(
    spec: &str,
    place: Place,
    sources: &mut Sources,
    report: &mut Report,
    note: &mut dyn FnMut(&str),
) -> Result<Option<Catalog>, String> {
    match load_any(spec, place, sources, report, note) {
        Ok(loaded) => Ok(loaded),
        Err(Unloaded::Usage(e)) => Err(e),
        Err(Unloaded::NoCatalog { missing, hint }) => {
            note(&empty_note(&missing, hint.as_deref()));
            Ok(Some(empty(spec, sources)))
        }
    }
}

/// What is said when the old side is compared as an empty catalog.
pub fn empty_note(missing: &str, hint: Option<&str>) -> String {
    let mut note = format!("{missing}: compared with an empty catalog, so every code is new");
    if let Some(hint) = hint {
        note.push_str("; ");
        note.push_str(hint);
    }
    note
}

/// The old side when the catalog at `rev` has errors: the newest of the commits before
/// it (first parents, up to 50) whose catalog loads, with that commit. Only for a plain
/// revision (not `REV:path` or `A...B`); `None` when none loads or git cannot say.
pub fn earlier_loadable(
    rev: &str,
    place: Place,
    sources: &mut Sources,
) -> Option<(String, Catalog)> {
    if rev.contains(':') || rev.contains("...") || rev.starts_with('-') {
        return None;
    }
    let dir = place
        .catalog
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && d.is_dir())
        .unwrap_or(Path::new("."));
    let commits = run(
        dir,
        &[
            "rev-list",
            "--first-parent",
            "--skip=1",
            "--max-count=50",
            rev,
            "--",
        ],
    )
    .ok()?;
    commits.lines().find_map(|commit| {
        let mut report = Report::default();
        let loaded = load_old_side(commit, place, sources, &mut report, &mut |_| {});
        Some((short(commit).to_string(), loaded.ok()??))
    })
}

/// A catalog file's own fields, its namespaces unread; `None` when it does not parse.
pub fn raw_catalog(rel: &str, text: &[u8]) -> Option<RawCatalog> {
    let mut sources = Sources::default();
    let text = String::from_utf8(text.to_vec()).ok()?;
    let id = sources.add(rel.into(), text);
    crate::load::parse(&sources, id, &mut Report::default())
}

/// Why a side did not load.
#[derive(Debug)]
pub enum Unloaded {
    /// No such file or revision, no git: a usage error.
    Usage(String),
    /// The revision exists but has no catalog there (yet): what is missing, and what
    /// the revision holds instead, if anything.
    NoCatalog {
        missing: String,
        hint: Option<String>,
    },
}

impl Unloaded {
    /// The whole message, for an error.
    pub fn into_message(self) -> String {
        match self {
            Unloaded::Usage(e)
            | Unloaded::NoCatalog {
                missing: e,
                hint: None,
            } => e,
            Unloaded::NoCatalog {
                missing,
                hint: Some(hint),
            } => format!("{missing}; {hint}"),
        }
    }
}

impl From<String> for Unloaded {
    fn from(e: String) -> Self {
        Unloaded::Usage(e)
    }
}

/// A catalog without locales or namespaces, standing for `spec` (an empty source of that
/// name gives its `locales:` a place, though with no locale nothing points there).
pub fn empty(spec: &str, sources: &mut Sources) -> Catalog {
    let file = sources.add(PathBuf::from(spec), String::new());
    let start = crate::source::Span {
        file,
        line: 1,
        column: 1,
        start: 0,
        end: 0,
    };
    Catalog {
        id: String::new(),
        version: None,
        locales: Vec::new(),
        spans: crate::model::CatalogSpans {
            id: start,
            locales: start,
            namespaces: start,
            targets: start,
            default_locale: start,
            docs_base_url: None,
            version: None,
        },
        default_locale: String::new(),
        docs_base_url: None,
        catalog_file: String::new(),
        regenerate: None,
        namespaces: Vec::new(),
        targets: Vec::new(),
        declared_targets: Vec::new(),
        surfaces: Vec::new(),
    }
}

/// Loads one side as [`load_side`] does, telling why there is none.
pub fn load_any(
    spec: &str,
    place: Place,
    sources: &mut Sources,
    report: &mut Report,
    note: &mut dyn FnMut(&str),
) -> Result<Option<Catalog>, Unloaded> {
    let catalog = place.catalog;
    let path = Path::new(spec);
    if path.is_file() {
        return Ok(load_path(path, sources, report));
    }
    if path.is_dir() {
        return match crate::project::catalog_in(path) {
            Some(found) => Ok(load_path(&found, sources, report)),
            None => Err(Unloaded::Usage(format!(
                "`{spec}` is a directory without a catalog.yaml or schema/catalog.yaml"
            ))),
        };
    }
    // git runs in the catalog's directory, or the nearest one that exists (a catalog
    // moved away in the working tree is still read at its path at the revision).
    let existing = catalog
        .ancestors()
        .skip(1)
        .find(|d| d.as_os_str().is_empty() || d.is_dir())
        .unwrap_or(Path::new(""));
    let dir = Some(existing)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Outside a repository, say so before anything else git would say.
    let top = run(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        if e.ends_with(NOT_A_REPOSITORY) {
            format!("`{spec}` is not a catalog file, nor a git revision: {e}")
        } else {
            e
        }
    })?;
    let top = PathBuf::from(top.trim());
    let named_path = spec.contains(':');
    let (rev, rel) = match spec.split_once(':') {
        Some((rev, rel)) => (rev.to_string(), rel.to_string()),
        None => {
            let prefix = run(dir, &["rev-parse", "--show-prefix"])?;
            let rest = catalog.strip_prefix(existing).unwrap_or(catalog);
            let rest = match rest.as_os_str().is_empty() {
                true => "catalog.yaml".to_string(),
                false => rest.to_string_lossy().replace('\\', "/"),
            };
            (spec.to_string(), format!("{}{rest}", prefix.trim()))
        }
    };
    if rev.starts_with('-') || rev.contains("...-") {
        return Err(Unloaded::Usage(format!(
            "`{spec}` is neither a catalog file nor a git revision"
        )));
    }
    // `A...B` as git diff reads it: where B left A's history (B defaults to HEAD), so a
    // branch behind its base is compared with what it started from.
    let commit = match rev.split_once("...") {
        Some((a, b)) => run(
            &top,
            &["merge-base", a, if b.is_empty() { "HEAD" } else { b }],
        ),
        None => run(
            &top,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        ),
    }
    .map_err(|_| {
        let not_found = format!("`{spec}` is neither a catalog file nor a git revision");
        match shallow_boundary(&top).first() {
            Some(cut) => format!(
                "{not_found}; this is a shallow git clone, whose history stops at commit {}: {UNSHALLOW}",
                short(cut)
            ),
            None => not_found,
        }
    })?;
    let commit = commit.trim();
    let tmp =
        tempfile::tempdir().map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let found = catalog_texts(&top, &[commit], &rel, !named_path, &[], None)?
        .into_iter()
        .next()
        .flatten();
    let asked = rel;
    let mut missing = format!("there is no {asked} at {rev}");
    let own_id = match place.id {
        Some(id) => Some(id.to_string()),
        None => std::fs::read(catalog)
            .ok()
            .and_then(|now| raw_catalog(&asked, &now))
            .map(|c| c.catalog.value),
    };
    // git's rename detection pairs files by content: a new product's catalog copied
    // from a removed one's is another catalog, not that one moved.
    let found = match found {
        Some((rel, text)) if rel != asked => match (raw_catalog(&rel, &text), own_id.as_deref()) {
            (Some(then), Some(now)) if then.catalog.value != now => {
                missing = format!(
                    "{missing} (git pairs it with {rel}, which is catalog `{}`, not `{now}`)",
                    then.catalog.value
                );
                None
            }
            _ => Some((rel, text)),
        },
        found => found,
    };
    let (rel, catalog_text) = match found {
        Some(found) => found,
        // A path the user wrote may be mistyped: only the catalog's own place is
        // empty before the catalog existed.
        None if named_path => return Err(Unloaded::Usage(missing)),
        None => {
            let gone = |p: &str| !top.join(p).exists();
            let found = match &own_id {
                Some(id) => by_id::find(&top, commit, id, &gone),
                None => match by_id::catalogs_at(&top, commit) {
                    all if all.is_empty() => Found::Nothing,
                    all => Found::Others(all),
                },
            };
            let id = own_id.as_deref().unwrap_or_default();
            match found {
                Found::One(rel, text) => {
                    // Said as the move it is when the catalog is at `asked` now.
                    note(&match catalog.exists() {
                        true => format!(
                            "{asked} was {rel} at {rev}: found by its id `{id}`, and compared with it"
                        ),
                        false => format!(
                            "there is no {asked} at {rev}, but catalog `{id}` is {rel} there: found by its id, and compared with it"
                        ),
                    });
                    (rel, text)
                }
                Found::Several(paths) => {
                    return Err(Unloaded::Usage(format!(
                        "{missing}, and {rev} has {} catalogs `{id}`: {}; name the one to compare with as {rev}:PATH",
                        paths.len(),
                        paths.join(", ")
                    )));
                }
                Found::Others(others) => {
                    return Err(Unloaded::NoCatalog {
                        missing,
                        hint: Some(format!(
                            "{rev} has {}: if this catalog was one of them, name it as {rev}:{}",
                            by_id::listed(&others),
                            others[0].path
                        )),
                    });
                }
                Found::Nothing => {
                    return Err(Unloaded::NoCatalog {
                        missing,
                        hint: None,
                    });
                }
            }
        }
    };
    // Namespace globs resolve inside the catalog's root: read the YAML files they can match,
    // and the targets' own target.yaml.
    let scope = scope_of(&rel, &catalog_text);
    let mut args = vec!["ls-tree", "-r", "-z", "--name-only", commit];
    if !scope.is_empty() {
        args.push("--");
        args.extend(scope.iter().map(String::as_str));
    }
    let listed = run(&top, &args)?;
    let files: Vec<String> = listed
        .split('\0')
        .filter(|f| f.ends_with(".yaml") || f.ends_with(".yml"))
        .map(String::from)
        .collect();
    let asked: Vec<(&str, String)> = files.iter().map(|f| (commit, f.clone())).collect();
    for (file, text) in files.iter().zip(blobs(&top, &asked)?) {
        if let Some(text) = text {
            write(tmp.path(), file, &text)?;
        }
    }
    write(tmp.path(), &rel, &catalog_text)?;
    let first = sources.next_id();
    let loaded = load_path(&tmp.path().join(&rel), sources, report);
    let shown = crate::load::display_path(tmp.path());
    sources.relabel(first, &shown, |rest| {
        PathBuf::from(format!(
            "{rev}:{}",
            rest.to_string_lossy().replace('\\', "/")
        ))
    });
    Ok(loaded)
}

/// A catalog file at a commit: its path from the repository top, and its text.
pub type CatalogText = (String, Vec<u8>);

/// The catalog file at each of `commits`: where it was (from the repository top) and its
/// text, `None` where there is none. It is looked for at `rel`, in one `git cat-file`; with
/// `follow`, where it is missing, at the path git's rename detection says it had then (a
/// moved catalog is not a new one), then at each of `former` (the paths it had, see
/// [`super::by_id::catalog_paths`]) that holds the catalog `id` then.
pub fn catalog_texts(
    top: &Path,
    commits: &[&str],
    rel: &str,
    follow: bool,
    former: &[String],
    id: Option<&str>,
) -> Result<Vec<Option<CatalogText>>, String> {
    let asked: Vec<(&str, String)> = commits.iter().map(|&c| (c, rel.to_string())).collect();
    let mut found = Vec::with_capacity(commits.len());
    for (&commit, text) in commits.iter().zip(blobs(top, &asked)?) {
        let moved = match text {
            Some(text) => Some((rel.to_string(), text)),
            None if follow => match earlier_path(top, commit, rel) {
                Some(earlier) => {
                    let text = blobs(top, &[(commit, earlier.clone())])?;
                    text.into_iter().next().flatten().map(|t| (earlier, t))
                }
                None => None,
            },
            None => None,
        };
        found.push(moved);
    }
    // The rest, at the paths the catalog had, all in one `git cat-file`.
    let missing: Vec<usize> = (0..commits.len()).filter(|&i| found[i].is_none()).collect();
    if former.is_empty() || missing.is_empty() {
        return Ok(found);
    }
    let asked: Vec<(&str, String)> = missing
        .iter()
        .flat_map(|&i| former.iter().map(move |p| (commits[i], p.clone())))
        .collect();
    let texts = blobs(top, &asked)?;
    for (&i, texts) in missing.iter().zip(texts.chunks(former.len())) {
        found[i] = former.iter().zip(texts).find_map(|(p, text)| {
            let text = text.as_ref()?;
            // Another catalog may have taken a place this one left.
            let ours =
                id.is_none_or(|id| raw_catalog(p, text).is_some_and(|c| c.catalog.value == id));
            ours.then(|| (p.clone(), text.clone()))
        });
    }
    Ok(found)
}

/// Loads and validates a catalog's namespaces, and reads its targets' target.yaml (their
/// templates play no part in a comparison).
fn load_path(path: &Path, sources: &mut Sources, report: &mut Report) -> Option<Catalog> {
    let mut found = Report::default();
    // Parsed one file at a time per core, as `gen` does: both sides' parsed files
    // never exist at once (at 100,000 codes each side's are larger than its model).
    let catalog = crate::load::read_inputs(path, sources, &mut found, false).and_then(|inputs| {
        crate::validate::validate_inputs(inputs, sources, &mut found, &mut Default::default()).1
    });
    let ok = !found.has_errors();
    report.extend(found);
    catalog.filter(|_| ok)
}

fn write(dir: &Path, rel: &str, text: &[u8]) -> Result<(), String> {
    // Paths come from git's tree, but stay careful: nothing may land outside `dir`.
    if Path::new(rel)
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(format!("refusing to read `{rel}` from git"));
    }
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot write {rel}: {e}"))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("cannot write {rel}: {e}"))
}

/// The directories whose YAML files a side needs, relative to the repository top (none
/// for the whole tree): the one whose files the catalog can name (its own directory when
/// no namespace pattern climbs out of it, else its root) and the root's `templates/`,
/// where a target's own target.yaml lives. Anything unreadable widens them to the whole
/// tree; the loader reports the problem.
fn scope_of(rel: &str, catalog_text: &[u8]) -> Vec<String> {
    let mut sources = Sources::default();
    let id = sources.add(
        rel.into(),
        String::from_utf8_lossy(catalog_text).into_owned(),
    );
    let raw: Option<RawCatalog> = crate::load::parse(&sources, id, &mut Report::default());
    let Some(raw) = raw else {
        return Vec::new();
    };
    let mut dir: Vec<&str> = rel.split('/').collect();
    dir.pop();
    let declared = raw.root.map_or_else(|| ".".to_string(), |r| r.value);
    let mut root = dir.clone();
    for c in declared.split('/') {
        match c {
            ".." => {
                root.pop();
            }
            "." | "" => {}
            _ => return Vec::new(),
        }
    }
    let climbs = raw.namespaces.iter().any(|p| p.value.contains(".."));
    let scope = if climbs {
        root.join("/")
    } else {
        dir.join("/")
    };
    if scope.is_empty() {
        return Vec::new();
    }
    root.push("templates");
    vec![scope, root.join("/")]
}

/// How to get the history a shallow clone lacks.
pub const UNSHALLOW: &str = "fetch it with `git fetch --unshallow` (in CI, e.g. GitHub's \
     `actions/checkout`, set `fetch-depth: 0`)";

/// The commits where a shallow clone's history stops (none for a full clone): git shows
/// them without parents, so what came before looks as if it never was.
pub fn shallow_boundary(dir: &Path) -> Vec<String> {
    let shallow = run(dir, &["rev-parse", "--is-shallow-repository"]);
    if !shallow.is_ok_and(|s| s.trim() == "true") {
        return Vec::new();
    }
    // `--git-path` answers relative to `dir` (or absolute, which `join` keeps).
    let Ok(file) = run(dir, &["rev-parse", "--git-path", "shallow"]) else {
        return Vec::new();
    };
    std::fs::read_to_string(dir.join(file.trim()))
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Where the file now at `rel` (from the repository top) was at `commit`, if git's
/// rename detection between that commit and the working tree finds it moved.
fn earlier_path(top: &Path, commit: &str, rel: &str) -> Option<String> {
    let listed = run(
        top,
        &[
            "diff",
            "--find-renames",
            "--name-status",
            "-z",
            commit,
            "--",
            "*.yaml",
            "*.yml",
        ],
    )
    .ok()?;
    let mut fields = listed.split('\0');
    while let Some(status) = fields.next() {
        if status.starts_with(['R', 'C']) {
            let (from, to) = (fields.next()?, fields.next()?);
            if to == rel {
                return Some(from.to_string());
            }
        } else {
            fields.next()?;
        }
    }
    None
}

/// The directories of `paths` (from the repository top; `.` for the top).
pub fn dirs_of(paths: &[String]) -> Vec<String> {
    let mut dirs: Vec<String> = Vec::new();
    for name in paths {
        let dir = Path::new(name)
            .parent()
            .map(|d| d.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let dir = if dir.is_empty() { ".".to_string() } else { dir };
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

/// A commit id as people quote it.
pub fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

/// How [`run`] words a directory outside any git repository (git's own message
/// names its internals: "fatal: not a git repository (or any of the parent …)").
pub const NOT_A_REPOSITORY: &str = "is not in a git repository";

/// Runs git in `dir`; its stdout, or its stderr as the error.
pub fn run(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("not a git repository") {
            return Err(format!("`{}` {NOT_A_REPOSITORY}", dir.display()));
        }
        return Err(format!("git {}: {}", args.join(" "), stderr.trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The contents of each `(commit, path)`, through one `git cat-file --batch`
/// (`None` for a path that is missing or not a file).
pub(super) fn blobs(top: &Path, paths: &[(&str, String)]) -> Result<Vec<Option<Vec<u8>>>, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut input = String::new();
    for (commit, p) in paths {
        input.push_str(&format!("{commit}:{p}\n"));
    }
    let mut stdin = child.stdin.take().ok_or("git cat-file has no stdin")?;
    // Written on another thread: git's output could fill the pipe before we read it.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("git cat-file: {e}"))?;
    let _ = writer.join();
    let mut rest: &[u8] = &out.stdout;
    let mut found = Vec::with_capacity(paths.len());
    for _ in paths {
        let nl = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("git cat-file: truncated output")?;
        let header = String::from_utf8_lossy(&rest[..nl]).into_owned();
        rest = &rest[nl + 1..];
        let mut words = header.split(' ');
        let (_, kind, size) = (words.next(), words.next(), words.next());
        match (kind, size.and_then(|s| s.parse::<usize>().ok())) {
            (Some(kind), Some(size)) => {
                let body = rest.get(..size).ok_or("git cat-file: truncated output")?;
                found.push((kind == "blob").then(|| body.to_vec()));
                rest = rest.get(size + 1..).unwrap_or_default();
            }
            _ => found.push(None),
        }
    }
    Ok(found)
}
