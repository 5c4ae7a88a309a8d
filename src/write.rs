//! Writing: the only place errcat changes the disk.
//!
//! A [`Plan`] compares rendered files with what is on disk, file by file as they are
//! rendered ([`Stager`]). `check` reports the differences; `gen` stages each new or
//! changed file in a temporary sibling as it comes, then `apply` renames them into
//! place (a file is always old or new, never partial) and removes stale generated
//! files, or `discard` removes what was staged when a later step fails. A file
//! without errcat's header is never modified or removed.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::load::display_path;
use crate::view::MARKER;

mod clash;
pub mod elsewhere;
mod emptied;
mod in_the_way;
mod lock;
mod owner;
mod verified;

pub use clash::Clash;
pub use in_the_way::{Blocked, InTheWay};
pub use lock::{Lock, lock, lock_name, prune_locks};
pub use owner::{GONE, Owner, generated_from};
pub use verified::{Seen, Verified};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The file does not exist yet.
    Create,
    /// The file exists with other content (the old text, normalised).
    Update(String),
    /// A generated file no target renders any more.
    Remove,
}

#[derive(Debug)]
pub struct Planned {
    pub path: PathBuf,
    pub change: Change,
    /// The new text; empty when it waits in `staged` instead.
    pub text: String,
    /// The file on disk is a generated file whose checksum no longer matches: someone edited it.
    pub edited_by_hand: bool,
    /// Those edits include a git merge's conflict markers: two branches changed the
    /// generated file, and regenerating it from the merged catalog resolves them.
    pub conflicted: bool,
    /// A temporary sibling of `path` already holding the new text (see [`Stager`]).
    pub staged: Option<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Plan {
    /// Files that differ from what is on disk.
    pub changes: Vec<Planned>,
    pub unchanged: usize,
    /// Files errcat would have to overwrite that are not this catalog's output, each
    /// with why (applied only with `--force`).
    pub foreign: Vec<(Planned, &'static str)>,
    /// Files that are not this catalog's output and that a rendered file, on disk
    /// beside them, would overwrite on Windows or macOS (removed only with `--force`).
    pub clashes: Vec<Clash>,
    /// Generated files no target renders whose header names a catalog file (given) that
    /// is gone and that git cannot identify: perhaps this catalog's before it moved
    /// (removed only with `--force`).
    pub orphans: Vec<(PathBuf, String)>,
    /// Removals of files outside every output directory (see [`elsewhere`]).
    pub outside: std::collections::BTreeSet<PathBuf>,
    /// Directories made to stage files in, parents first: removed again by [`discard`].
    pub made_dirs: Vec<PathBuf>,
    /// Directories the removals leave empty, deepest first: removed after them.
    pub emptied: Vec<PathBuf>,
}

/// Does `text` carry errcat's generated-file header?
pub fn is_generated(text: &str) -> bool {
    text.lines().take(5).any(|l| l.contains(MARKER))
}

/// How much of a file in an output directory is read before it is known to be
/// errcat's: its header is in the first five lines. A file that is not errcat's is
/// never read whole (a 2 GB file there took 2 GB of memory on every run).
const HEAD_BYTES: u64 = 64 * 1024;

/// The file at `path`, whole if it is short or has errcat's header, else only its
/// first [`HEAD_BYTES`]: enough to tell that it is not errcat's, and to say so.
fn read_if_generated(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    (&mut file).take(HEAD_BYTES).read_to_end(&mut bytes)?;
    if (bytes.len() as u64) < HEAD_BYTES || !is_generated(&String::from_utf8_lossy(&bytes)) {
        return Ok(bytes);
    }
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Whether a text holds a git merge's conflict markers: a `<<<<<<< ` line, then a
/// `>>>>>>> ` line.
fn conflict_markers(text: &str) -> bool {
    let open = text.lines().position(|l| l.starts_with("<<<<<<< "));
    open.is_some_and(|at| text.lines().skip(at).any(|l| l.starts_with(">>>>>>> ")))
}

/// CRLF as LF; borrowed when there is none (a file of 65 MB is not copied for nothing).
fn normalise(s: &str) -> Cow<'_, str> {
    if s.contains("\r\n") {
        Cow::Owned(s.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where a target's files go: its configured directory under `root`, or `out/<target id>`.
pub fn target_dir(
    root: &Path,
    configured: &Path,
    target_id: &str,
    out_override: Option<&Path>,
) -> PathBuf {
    match out_override {
        Some(dir) => dir.join(target_id),
        None => root.join(configured),
    }
}

/// Compares `files` (absolute path, text) with the disk. `dirs` are the directories
/// the targets own: generated files in them that are not in `files` become removals.
pub fn plan(files: Vec<(PathBuf, String)>, dirs: &[PathBuf]) -> std::io::Result<Plan> {
    let mut stager = Stager::new(false);
    for (path, text) in files {
        stager.add(path, text)?;
    }
    stager.finish(dirs)
}

/// Where files put in `dir` land: `dir` with its deepest existing ancestor resolved
/// through symlinks (the rest does not exist yet, so cannot be a link).
pub fn resolved(dir: &Path) -> PathBuf {
    for a in dir.ancestors() {
        if let Ok(real) = a.canonicalize() {
            return match dir.strip_prefix(a) {
                Ok(rest) if !rest.as_os_str().is_empty() => real.join(rest),
                _ => real,
            };
        }
    }
    dir.to_path_buf()
}

/// Whether rendered files land inside their target's directory once symlinks are
/// resolved; directories already found inside are remembered (a target writes
/// hundreds of files into a few directories).
#[derive(Default)]
pub struct Inside {
    real_dirs: std::collections::HashMap<PathBuf, Option<PathBuf>>,
    fine: std::collections::HashSet<PathBuf>,
}

impl Inside {
    /// `Err` with where it leads when `rel` (a rendered file's path under `dir`) would
    /// be written through a link outside `dir`.
    pub fn check(&mut self, dir: &Path, rel: &Path) -> Result<(), PathBuf> {
        let real_dir = self
            .real_dirs
            .entry(dir.to_path_buf())
            .or_insert_with(|| dir.canonicalize().ok())
            .clone();
        // No directory yet: nothing in it can be a link.
        let Some(real_dir) = real_dir else {
            return Ok(());
        };
        let parent = dir.join(rel.parent().unwrap_or(Path::new("")));
        if self.fine.contains(&parent) {
            return Ok(());
        }
        // The deepest part of the path that exists decides where the rest goes.
        let existing = parent.ancestors().find(|a| a.exists()).unwrap_or(dir);
        match existing.canonicalize() {
            Ok(real) if !real.starts_with(&real_dir) => Err(real),
            _ => {
                self.fine.insert(parent);
                Ok(())
            }
        }
    }
}

/// Builds a [`Plan`] file by file, as files are rendered. A staging stager writes each
/// new or changed file to a temporary sibling at once, so that the caller need not
/// hold every text until the end; [`apply`] renames them into place, [`discard`]
/// removes them. Until then no file errcat owns has changed.
#[derive(Debug)]
pub struct Stager {
    plan: Plan,
    stage: bool,
    wanted: std::collections::BTreeSet<PathBuf>,
    own: Owner,
    /// Files outside the output directories that may be this catalog's stale output,
    /// each with the directory its removal may empty up to.
    elsewhere: Vec<(PathBuf, PathBuf)>,
    verified: Verified,
}

impl Stager {
    /// A stager that writes changed files to temporary siblings (`stage`) or keeps
    /// their texts, with the old ones for a diff (for `gen --check`).
    pub fn new(stage: bool) -> Stager {
        Stager {
            plan: Plan::default(),
            stage,
            wanted: std::collections::BTreeSet::new(),
            own: Owner::default(),
            elsewhere: Vec::new(),
            verified: Verified::default(),
        }
    }

    /// Takes `verified` files as what the last clean run wrote, unless their metadata
    /// changed since (see [`Verified`]).
    pub fn verified(mut self, verified: Verified) -> Stager {
        self.verified = verified;
        self
    }

    /// Also removes, of `files` (outside every output directory, see [`elsewhere`]),
    /// those whose header names this catalog.
    pub fn elsewhere(mut self, files: Vec<(PathBuf, PathBuf)>) -> Stager {
        self.elsewhere = files;
        self
    }

    /// Removes, of the files no target renders any more, only those `owner` owns (see
    /// [`Owner`]): another catalog's output in the same tree is that catalog's to remove.
    pub fn only_from(mut self, owner: Owner) -> Stager {
        self.own = owner;
        self
    }

    /// Counts a generated file as unchanged without reading it: the render took it
    /// from the last clean run, as it is on disk.
    pub fn keep(&mut self, path: PathBuf) {
        self.wanted.insert(path);
        self.plan.unchanged += 1;
    }

    /// Compares one rendered file with the disk.
    pub fn add(&mut self, path: PathBuf, text: String) -> std::io::Result<()> {
        self.wanted.insert(path.clone());
        // This catalog's and unedited, as the cache found it: only whether it changed
        // is asked (a check reads it still, for the diff it shows).
        if self.stage
            && let Some(len) = self.verified.unchanged_len(&path)
        {
            if usize::try_from(len).ok() == Some(text.len())
                && std::fs::read(&path).is_ok_and(|old| old == text.as_bytes())
            {
                self.plan.unchanged += 1;
                return Ok(());
            }
            return self.changed(path, text, Change::Update(String::new()), (false, false));
        }
        let (change, edits) = match read_if_generated(&path) {
            // Most files are unchanged, byte for byte: say so before decoding them.
            Ok(bytes) if bytes == text.as_bytes() => {
                self.plan.unchanged += 1;
                return Ok(());
            }
            Ok(bytes) => {
                let lossy = String::from_utf8_lossy(&bytes);
                let old = normalise(&lossy);
                // Line ends aside, as a checkout may convert them (a CR in a message too).
                if *old == *text || (text.contains('\r') && old == normalise(&text)) {
                    self.plan.unchanged += 1;
                    return Ok(());
                }
                // Not errcat's, or another catalog's output at the same path: both
                // runs would overwrite each other's file in turn.
                if let Some(why) = self.own.disowns(&old) {
                    // Rare, and written only with `--force`: kept in memory.
                    let planned = Planned {
                        path,
                        change: Change::Update(old.into_owned()),
                        text,
                        edited_by_hand: false,
                        conflicted: false,
                        staged: None,
                    };
                    self.plan.foreign.push((planned, why));
                    return Ok(());
                }
                let edited = crate::checksum::intact(&old) == Some(false);
                let conflicted = edited && conflict_markers(&old);
                // The old text is only shown by a check; a staging run drops it.
                (
                    Change::Update(if self.stage {
                        String::new()
                    } else {
                        old.into_owned()
                    }),
                    (edited, conflicted),
                )
            }
            // A directory at the path, or a file where one of its directories goes: the
            // caller has made sure it is this catalog's stale output (see [`InTheWay`]),
            // which `apply` removes before it writes this file. Nothing can be staged
            // beside it meanwhile, so the text is kept in memory (this is rare).
            Err(_) if in_the_way::blocker(&path).is_some() => {
                self.plan.changes.push(Planned {
                    path,
                    change: Change::Create,
                    text,
                    edited_by_hand: false,
                    conflicted: false,
                    staged: None,
                });
                return Ok(());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Change::Create, (false, false)),
            Err(e) => {
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("{}: {e}", path.display()),
                ));
            }
        };
        self.changed(path, text, change, edits)
    }

    /// Plans `change` of the file at `path` to `text`, staged beside it unless this is
    /// a check; `edits` says whether the file on disk was edited by hand, and with a
    /// merge's conflict markers.
    fn changed(
        &mut self,
        path: PathBuf,
        text: String,
        change: Change,
        (edited_by_hand, conflicted): (bool, bool),
    ) -> std::io::Result<()> {
        let (text, staged) = if self.stage {
            (
                String::new(),
                Some(stage(&mut self.plan.made_dirs, &path, &text)?),
            )
        } else {
            (text, None)
        };
        self.plan.changes.push(Planned {
            path,
            change,
            text,
            edited_by_hand,
            conflicted,
            staged,
        });
        Ok(())
    }

    /// The plan: every file added, plus the removal of generated files in `dirs`
    /// that no target renders any more. On error what was staged is removed.
    pub fn finish(mut self, dirs: &[PathBuf]) -> std::io::Result<Plan> {
        let staged: std::collections::BTreeSet<PathBuf> = self
            .plan
            .changes
            .iter()
            .filter_map(|p| p.staged.clone())
            .collect();
        let mut found = Vec::new();
        for dir in dirs {
            match walk(dir) {
                Ok(files) => found.extend(files.into_iter().map(|f| (f, dir.as_path()))),
                Err(e) => {
                    discard(&self.plan);
                    return Err(e);
                }
            }
        }
        let mut removed = Vec::new();
        let mut unowned = Vec::new();
        // Stale files edited by hand: removing them drops the edits, which is said.
        let mut edited = std::collections::HashSet::new();
        for (file, dir) in found {
            if self.wanted.contains(&file) || staged.contains(&file) {
                continue;
            }
            // A temporary file a killed run left, perhaps empty or cut short: no run is
            // staging into this tree while this one holds its lock.
            if file
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_temp_name)
            {
                removed.push((file, dir));
                continue;
            }
            // Only what errcat generated, from this catalog, is ever removed.
            match read_if_generated(&file) {
                Ok(b) => {
                    let text = String::from_utf8_lossy(&b);
                    match self.own.disowns(&text) {
                        None => {
                            if crate::checksum::intact(&text) == Some(false) {
                                edited.insert(file.clone());
                            }
                            removed.push((file, dir));
                        }
                        Some(why) => {
                            if why == GONE {
                                let named = generated_from(&text).unwrap_or_default();
                                self.plan.orphans.push((file.clone(), named.to_string()));
                            }
                            unowned.push((file, why));
                        }
                    }
                }
                Err(_) => unowned.push((file, "cannot be read")),
            }
        }
        // Outside the output directories, only a header that names this catalog (or the
        // file it moved from) makes a file this catalog's: not an old header without one.
        for (file, top) in &self.elsewhere {
            if self.wanted.contains(file) {
                continue;
            }
            let Ok(bytes) = read_if_generated(file) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            if generated_from(&text).is_none() || self.own.disowns(&text).is_some() {
                continue;
            }
            if crate::checksum::intact(&text) == Some(false) {
                edited.insert(file.clone());
            }
            self.plan.outside.insert(file.clone());
            removed.push((file.clone(), top.as_path()));
        }
        self.plan.clashes = clash::clashes(unowned, &self.wanted, &self.plan.foreign);
        let wanted = self.wanted.iter().map(PathBuf::as_path).collect();
        self.plan.emptied = emptied::emptied(&removed, &wanted);
        self.plan
            .changes
            .extend(removed.into_iter().map(|(path, _)| Planned {
                edited_by_hand: edited.contains(&path),
                conflicted: false,
                path,
                change: Change::Remove,
                text: String::new(),
                staged: None,
            }));
        self.plan.changes.sort_by(|a, b| a.path.cmp(&b.path));
        self.plan
            .foreign
            .sort_by(|(a, _), (b, _)| a.path.cmp(&b.path));
        Ok(self.plan)
    }

    /// Gives up: removes what was staged so far.
    pub fn discard(self) {
        discard(&self.plan);
    }
}

/// A plan whose staged files are removed when it is dropped before [`Staged::apply`]: a
/// run that stops between staging and writing (an error, the reader of its output gone)
/// leaves the disk as it was.
#[derive(Debug)]
pub struct Staged(Plan);

impl Staged {
    pub fn new(plan: Plan) -> Staged {
        Staged(plan)
    }

    /// Moves the staged files into place (see [`apply`]).
    pub fn apply(mut self) -> Result<(), ApplyError> {
        apply(&std::mem::take(&mut self.0))
    }
}

impl std::ops::Deref for Staged {
    type Target = Plan;
    fn deref(&self) -> &Plan {
        &self.0
    }
}

impl std::ops::DerefMut for Staged {
    fn deref_mut(&mut self) -> &mut Plan {
        &mut self.0
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        discard(&self.0);
    }
}

/// What staging has put on disk and nothing has moved into place or removed yet:
/// what [`abandon_then`] removes when the run is interrupted. Held while a file is
/// staged, so an interruption never finds one half written.
static STAGING: std::sync::Mutex<Staging> = std::sync::Mutex::new(Staging {
    files: Vec::new(),
    dirs: Vec::new(),
});

struct Staging {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

fn staging() -> std::sync::MutexGuard<'static, Staging> {
    STAGING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every staged file not yet moved into place and the directories made for
/// them (when empty), and the output tree's lock file, then ends the process with
/// `code`, staging held, so nothing is staged after: a run stopped by a signal leaves
/// each file as it was, or as written, and no temporary file (a file being staged is
/// finished first).
pub fn abandon_and_exit(code: i32) -> ! {
    let mut staging = staging();
    for f in staging.files.drain(..) {
        let _ = std::fs::remove_file(f);
    }
    for d in staging.dirs.drain(..).rev() {
        let _ = std::fs::remove_dir(d);
    }
    lock::remove_held();
    std::process::exit(code)
}

/// Writes `text` to a temporary sibling of `path` and returns it, making the missing
/// directories (recorded in `made_dirs`, so that [`discard`] can remove them).
pub fn stage(made_dirs: &mut Vec<PathBuf>, path: &Path, text: &str) -> std::io::Result<PathBuf> {
    let mut staging = staging();
    let dir = path.parent().unwrap_or(Path::new("."));
    let missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    // Recorded first: a directory made before a failure is removed with the rest.
    staging.dirs.extend(missing.iter().rev().cloned());
    made_dirs.extend(missing.into_iter().rev());
    // Errors name the file the user asked for, not the hidden temporary beside it.
    let failed = |e: std::io::Error| {
        std::io::Error::new(
            e.kind(),
            format!("cannot write {}: {e}", display_path(path).display()),
        )
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let tmp = temp_sibling(path);
    staging.files.push(tmp.clone());
    // A file replaced keeps its mode (`chmod +x`, a group's read bit), as `sed -i` keeps it.
    let kept = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions());
    let written = std::fs::write(&tmp, text)
        .and_then(|()| kept.map_or(Ok(()), |p| std::fs::set_permissions(&tmp, p)));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(failed(e));
    }
    Ok(tmp)
}

/// Removes a plan's staged files and the directories made for them (when empty):
/// the disk is as it was before the plan was made.
pub fn discard(plan: &Plan) {
    let mut staging = staging();
    staging.files.clear();
    staging.dirs.clear();
    for p in plan
        .changes
        .iter()
        .chain(plan.foreign.iter().map(|(p, _)| p))
    {
        if let Some(tmp) = &p.staged {
            let _ = std::fs::remove_file(tmp);
        }
    }
    for dir in plan.made_dirs.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
}

/// `.NAME.errcat-PID-N.tmp` beside `path`: hidden, named after the file it stands for
/// (cut short, so that a name a file system just holds still has a temporary beside
/// it), and unique within the run by `N`.
fn temp_sibling(path: &Path) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Names are at most 255 bytes on common file systems; the suffix takes up to 40.
    let mut cut = name.len().min(200);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    dir.join(format!(
        ".{}{TEMP_MARK}{}-{n}.tmp",
        &name[..cut],
        std::process::id()
    ))
}

const TEMP_MARK: &str = ".errcat-";

/// Whether `name` is a temporary file's of [`temp_sibling`] (or its older form,
/// `.NAME.errcat-PID.tmp`): one left by a killed run, whatever it holds, even nothing.
pub fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    rest.rfind(TEMP_MARK).is_some_and(|at| {
        let id = &rest[at + TEMP_MARK.len()..];
        let mut parts = id.split('-');
        let digits = |p: Option<&str>| {
            p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        };
        digits(parts.next()) && {
            let n = parts.next();
            (n.is_none() || digits(n)) && parts.next().is_none()
        }
    })
}

/// Build output of generated packages (tsc's dist/, cargo's target/) and VCS folders:
/// their files may keep our header but are not ours to remove.
fn is_build_output(name: &std::ffi::OsStr) -> bool {
    matches!(
        name.to_str(),
        Some("node_modules" | "target" | "dist" | "build" | ".git")
    )
}

/// Every file under `dir` that errcat may own (build output and VCS folders skipped).
pub fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let ty = entry.file_type()?;
            // Symlinks are not followed: a link may point at files errcat does not own.
            if ty.is_dir() {
                if !is_build_output(&entry.file_name()) {
                    stack.push(entry.path());
                }
            } else if ty.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The disk operations a plan needs, so tests can make them fail.
pub trait Disk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
    /// Moves a staged file into place.
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Removes an empty directory.
    fn remove_dir(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The real file system: atomic writes, plain removal.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        write_atomic(path, bytes)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
    fn remove_dir(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_dir(path)
    }
}

/// Writes every planned change. Each file goes to a temporary sibling first and is
/// renamed into place: whatever fails, every file is either old or new, never partial,
/// and running again completes the job.
pub fn apply(plan: &Plan) -> Result<(), ApplyError> {
    apply_on(plan, &mut RealDisk)?;
    // In place now: an interruption has nothing of this plan's to remove.
    let mut staging = staging();
    staging.files.clear();
    staging.dirs.clear();
    Ok(())
}

pub fn apply_on(plan: &Plan, disk: &mut dyn Disk) -> Result<(), ApplyError> {
    // Removals first: a stale file may stand where a new file's directory goes, and
    // stale files may fill a directory where a new file goes.
    let (removals, writes): (Vec<&Planned>, Vec<&Planned>) = plan
        .changes
        .iter()
        .partition(|p| p.change == Change::Remove);
    let total = plan.changes.len();
    let mut done = 0;
    let result = (|| {
        for p in removals {
            put(disk, p)?;
            done += 1;
        }
        for dir in &plan.emptied {
            // Something put there since the plan was made is not errcat's to remove.
            disk.remove_dir(dir).or_else(|e| match e.kind() {
                std::io::ErrorKind::DirectoryNotEmpty | std::io::ErrorKind::NotFound => Ok(()),
                _ => Err(std::io::Error::new(
                    e.kind(),
                    format!("cannot remove {}: {e}", display_path(dir).display()),
                )),
            })?;
        }
        for p in writes {
            put(disk, p)?;
            done += 1;
        }
        Ok(())
    })();
    result.map_err(|error| {
        // What was not moved into place yet goes: no temporary file outlives a run.
        discard(plan);
        ApplyError { error, done, total }
    })
}

/// A plan that failed part way: the error names the file, and how many of the
/// plan's changes were made before it.
#[derive(Debug)]
pub struct ApplyError {
    pub error: std::io::Error,
    pub done: usize,
    pub total: usize,
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; ", self.error)?;
        match self.done {
            0 => write!(f, "no change was made")?,
            done => write!(f, "{done} of {} changes were made before it", self.total)?,
        }
        write!(
            f,
            ", and each file is whole, old or new: run again to finish"
        )
    }
}

impl std::error::Error for ApplyError {}

/// Removes, or moves into place, one planned file; an error names it.
fn put(disk: &mut dyn Disk, p: &Planned) -> std::io::Result<()> {
    let (verb, result) = match (&p.change, &p.staged) {
        (Change::Remove, _) => ("remove", disk.remove(&p.path)),
        (_, staged) => (
            "write",
            in_the_way::clear(disk, &p.path).and_then(|()| match staged {
                Some(tmp) => disk.rename(tmp, &p.path),
                None => disk.write(&p.path, p.text.as_bytes()),
            }),
        ),
    };
    result.map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("cannot {verb} {}: {e}", display_path(&p.path).display()),
        )
    })
}

/// Removes the cache directory's entries, lock files and leftover temporary files last
/// modified before `cutoff`: each catalog path ever used leaves an entry (and a killed
/// run its lock file), and checkouts in temporary directories come and go. A lock file
/// is removed only while this process holds its lock, so no run that holds it loses it
/// (see [`lock`]). Files errcat does not name this way are left alone; a file that
/// cannot be removed is skipped, because the cache is never an error.
pub fn prune_cache(dir: &Path, cutoff: std::time::SystemTime) {
    prune(dir, cutoff, &|name| {
        lock::is_lock_name(name) || crate::cache::is_entry_name(name) || is_temp_name(name)
    });
}

fn prune(dir: &Path, cutoff: std::time::SystemTime, ours: &dyn Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        // The name first: the temp directory is everyone's, and may hold thousands of
        // files that are none of errcat's business, each a `stat` to look at.
        let Some(name) = name.to_str().filter(|n| ours(n)) else {
            continue;
        };
        let is_lock = lock::is_lock_name(name);
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < cutoff);
        if !(old && entry.file_type().is_ok_and(|t| t.is_file())) {
            continue;
        }
        let path = entry.path();
        if is_lock {
            // Held by a run: it is in use, whatever its age.
            let Ok(file) = std::fs::File::open(&path) else {
                continue;
            };
            if file.try_lock().is_ok() {
                let _ = std::fs::remove_file(&path);
            }
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = temp_sibling(path);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A short unified diff of a stale file, for `check`.
pub fn short_diff(old: &str, new: &str, max_lines: usize) -> String {
    // Myers' diff costs time in the file's lines times the lines that differ: a file
    // whose every line changed (every message edited) took minutes to diff whole.
    // Only the first lines of the diff are shown, so only a window from the first
    // changed line on is diffed, and its hunks are numbered as in the whole file.
    const WINDOW: usize = 400;
    // The old text was read as the writer reads files, CRLF as LF: so is the new one.
    let new = normalise(new);
    let o: Vec<&str> = old.split_inclusive('\n').collect();
    let n: Vec<&str> = new.split_inclusive('\n').collect();
    let head = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let tail = o[head..]
        .iter()
        .rev()
        .zip(n[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // One line of context on each side, as the hunks show.
    let start = head.saturating_sub(1);
    let end = |lines: &[&str]| (lines.len() - tail + 1).min(lines.len());
    let (end_o, end_n) = (end(&o), end(&n));
    let cut = end_o - start > WINDOW || end_n - start > WINDOW;
    let old_window = o[start..end_o.min(start + WINDOW)].concat();
    let new_window = n[start..end_n.min(start + WINDOW)].concat();
    let diff = similar::TextDiff::from_lines(&old_window, &new_window);
    let mut out = String::new();
    let mut count = 0;
    for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
        // Past a cut, the two windows may end at different lines of the file: what
        // differs there is the cut, not the file. A hunk that reaches the cut is
        // shown only when the lines left to show end well before it.
        let (old_len, new_len) = (diff.old_slices().len(), diff.new_slices().len());
        let reaches_cut = hunk
            .ops()
            .last()
            .is_some_and(|op| op.old_range().end >= old_len || op.new_range().end >= new_len);
        let starts_early = hunk.ops().first().is_some_and(|op| {
            let room = max_lines.saturating_sub(count) + 1;
            op.old_range().start + room < old_len && op.new_range().start + room < new_len
        });
        if cut && reaches_cut && !starts_early {
            let _ = writeln!(out, "    …");
            return out;
        }
        for (i, line) in hunk.to_string().lines().enumerate() {
            if count == max_lines {
                let _ = writeln!(out, "    …");
                return out;
            }
            if i == 0 {
                // A hunk cut short has no known length: `@@ -1,… +1,… @@`.
                let header = shifted_header(line, start, cut && reaches_cut);
                let _ = writeln!(out, "    {header}");
            } else {
                let _ = writeln!(out, "    {line}");
            }
            count += 1;
        }
    }
    // What differs beyond the window is not shown, but it is there.
    if cut {
        let _ = writeln!(out, "    …");
    }
    out
}

/// A hunk header (`@@ -3,2 +3,4 @@`) of a diff of lines from `by` on, numbered as
/// in the whole file; `cut`: its lengths are unknown.
fn shifted_header(header: &str, by: usize, cut: bool) -> String {
    header
        .split(' ')
        .map(|part| {
            let (sign, rest) = part.split_at(part.len().min(1));
            let (first, len) = rest
                .split_once(',')
                .map_or((rest, None), |(a, b)| (a, Some(b)));
            match (sign, first.parse::<usize>(), len) {
                ("-" | "+", Ok(line), _) if cut => format!("{sign}{},…", line + by),
                ("-" | "+", Ok(line), Some(len)) => format!("{sign}{},{len}", line + by),
                ("-" | "+", Ok(line), None) => format!("{sign}{}", line + by),
                _ => part.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod short_diff_tests {
    use super::short_diff;

    /// The whole-file diff, as `short_diff` gave it before it diffed a window.
    fn whole(old: &str, new: &str, max_lines: usize) -> String {
        use std::fmt::Write as _;
        let diff = similar::TextDiff::from_lines(old, new);
        let mut out = String::new();
        let mut n = 0;
        for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
            for line in hunk.to_string().lines() {
                if n == max_lines {
                    let _ = writeln!(out, "    …");
                    return out;
                }
                let _ = writeln!(out, "    {line}");
                n += 1;
            }
        }
        out
    }

    fn lines(n: usize, f: impl Fn(usize) -> String) -> String {
        (0..n).map(|i| format!("{}\n", f(i))).collect()
    }

    #[test]
    fn a_window_numbers_its_hunks_as_the_whole_file() {
        let old = lines(1000, |i| format!("line {i}"));
        let cases = [
            // One line changed, lines inserted, lines removed, at the start and the end.
            lines(1000, |i| {
                if i == 500 {
                    "changed".into()
                } else {
                    format!("line {i}")
                }
            }),
            old.replacen("line 10\n", "line 10\nnew a\nnew b\n", 1),
            old.replacen("line 0\nline 1\n", "", 1),
            old.replacen("line 999\n", "line 999", 1),
            format!("{old}more\n"),
            lines(1000, |i| {
                if i % 300 == 7 {
                    "x".into()
                } else {
                    format!("line {i}")
                }
            }),
            String::new(),
        ];
        // What the window shows is how the whole file's diff begins; past the window
        // it says there is more.
        let agree = |a: &str, b: &str, max: usize| {
            let (shown, all) = (short_diff(a, b, max), whole(a, b, max));
            if shown == all {
                return;
            }
            // A hunk cut short: its header gives where it starts, not its length.
            let (header, body) = shown.split_once('\n').unwrap_or((&shown, ""));
            let (all_header, all_body) = all.split_once('\n').unwrap_or((&all, ""));
            let starts = |h: &str| -> Vec<String> {
                h.split(' ')
                    .filter(|p| p.starts_with(['-', '+']))
                    .map(|p| p.split(',').next().unwrap_or("").to_string())
                    .collect()
            };
            let body = body.strip_suffix("    …\n").unwrap_or(body);
            let prefix = shown
                .strip_suffix("    …\n")
                .is_some_and(|head| all.starts_with(head));
            let cut = header.contains(",…")
                && starts(header) == starts(all_header)
                && all_body.starts_with(body);
            assert!(prefix || cut, "{max}:\n{shown}\nwhole:\n{all}");
        };
        for new in &cases {
            for max in [3, 12, 100] {
                agree(&old, new, max);
                agree(new, &old, max);
            }
        }
        // Within the window, exactly the whole file's diff.
        let near = lines(1000, |i| {
            if i == 500 || i == 520 {
                "x".into()
            } else {
                format!("line {i}")
            }
        });
        assert_eq!(short_diff(&old, &near, 100), whole(&old, &near, 100));
    }

    /// Every line changed: the first lines of the diff, as the whole file's would
    /// begin, without diffing the whole file.
    #[test]
    fn a_file_whose_every_line_changed_shows_its_first_lines() {
        let old = lines(100_000, |i| format!("message {i}"));
        let new = lines(100_000, |i| format!("text {i}"));
        let shown = short_diff(&old, &new, 12);
        assert!(shown.starts_with("    @@ -1,"), "{shown}");
        assert!(shown.contains("    -message 0\n"), "{shown}");
        assert!(shown.ends_with("    …\n"), "{shown}");
        assert_eq!(shown.lines().count(), 13, "{shown}");
    }
}
