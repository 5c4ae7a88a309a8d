//! The lock that makes two runs writing one output tree take turns.

use std::path::{Path, PathBuf};

/// Holds an exclusive lock for one output tree while errcat plans and writes it, so two
/// runs at once take turns instead of interleaving. The lock file is named after the
/// root and lives in the temp directory, the one place every run on the machine looks:
/// runs with different cache settings (`--no-cache`, another `ERRCAT_CACHE_DIR`, two
/// users' `XDG_CACHE_HOME` on one checkout) must take turns too, or one removes the
/// other's staged files. The lock is released, and its file removed, when the guard
/// drops; [`prune_locks`] removes the files of runs that were killed.
///
/// The lock file is never reached through a symbolic link: in a temp directory anyone
/// can write, a link planted at its name would make errcat create a file elsewhere.
/// While another run holds the lock, `waiting` is called once, then the run waits.
pub fn lock(root: &Path, waiting: &mut dyn FnMut(&Path)) -> Result<Lock, String> {
    let path = std::env::temp_dir().join(lock_name(root));
    let failed = |e: std::io::Error| format!("cannot lock the output with {}: {e}", path.display());
    let mut told = false;
    loop {
        // A lock file someone else created may be read-only to us; reading is all `flock` needs.
        let file = no_follow(std::fs::OpenOptions::new().create(true).truncate(false).write(true))
            .open(&path)
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied => {
                    no_follow(std::fs::OpenOptions::new().read(true)).open(&path)
                }
                _ => Err(e),
            })
            .map_err(|e| {
                if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                    format!(
                        "cannot lock the output with {}: it is a symbolic link, which errcat does not follow (someone else may have put it there); remove it",
                        path.display()
                    )
                } else {
                    failed(e)
                }
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                if !std::mem::replace(&mut told, true) {
                    waiting(&path);
                }
                file.lock().map_err(failed)?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(failed(e)),
        }
        // The run that held the lock removes its file as it ends, and `prune_cache` an
        // old one: either may have done so between our open and our lock. A lock on a
        // removed file excludes no one, so take the one now at the path instead.
        if same_file(&file, &path) {
            *held() = file.try_clone().ok().map(|f| (f, path.clone()));
            return Ok(Lock { file, path });
        }
    }
}

/// The name of the lock file of the output tree at `root`, in the temp directory.
pub fn lock_name(root: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let digest = root
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{LOCK_PREFIX}{digest:016x}{LOCK_SUFFIX}")
}

/// A held [`lock`].
pub struct Lock {
    file: std::fs::File,
    path: PathBuf,
}

impl Drop for Lock {
    /// Removes the lock file while still holding it, then releases it (the file drops
    /// after this): a run waiting on the file finds, once it holds it, that the path no
    /// longer names it, and takes the path's new file (see [`lock`]). Each output tree
    /// once left a file in the temp directory for 30 days; a test suite left thousands,
    /// and every run that stored a cache entry looked at each of them.
    fn drop(&mut self) {
        held().take();
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The lock this process holds (a second handle on it) and its path: a run ended by a
/// signal or a stuck template exits without dropping its guard.
static HELD: std::sync::Mutex<Option<(std::fs::File, PathBuf)>> = std::sync::Mutex::new(None);

fn held() -> std::sync::MutexGuard<'static, Option<(std::fs::File, PathBuf)>> {
    HELD.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes the file of the lock this process holds, as dropping its guard would, for a
/// run about to exit without doing so; the lock itself goes with the process.
pub fn remove_held() {
    if let Some((file, path)) = held().take()
        && same_file(&file, &path)
    {
        let _ = std::fs::remove_file(&path);
    }
}

/// `options` that refuse to open a symbolic link (`O_NOFOLLOW`).
#[cfg(unix)]
fn no_follow(options: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NOFOLLOW)
}

#[cfg(not(unix))]
fn no_follow(options: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    options
}

const LOCK_PREFIX: &str = "errcat-";
const LOCK_SUFFIX: &str = ".lock";

#[cfg(unix)]
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// Elsewhere an open file cannot be removed, so the path still names it.
#[cfg(not(unix))]
fn same_file(_: &std::fs::File, _: &Path) -> bool {
    true
}

/// Removes, from the temp directory, the lock files of [`lock`] last used before
/// `cutoff` and held by no run (and nothing else: the directory is everyone's).
pub fn prune_locks(cutoff: std::time::SystemTime) {
    super::prune(&std::env::temp_dir(), cutoff, &is_lock_name);
}

/// `errcat-` and 16 hex digits and `.lock`: a lock file of [`lock`]'s.
pub(super) fn is_lock_name(name: &str) -> bool {
    name.strip_prefix(LOCK_PREFIX)
        .and_then(|n| n.strip_suffix(LOCK_SUFFIX))
        .is_some_and(|d| d.len() == 16 && d.bytes().all(|b| b.is_ascii_hexdigit()))
}
