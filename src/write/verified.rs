//! Files this run has already read whole and found to hold exactly what the last
//! clean run wrote (the cache checks the catalog-wide files it takes parts from). The
//! stager need not read such a file again, 65 MB for the JSON catalog of 100,000
//! codes, to learn that it is errcat's, unedited and without conflict markers.

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file's metadata tells of its content: a write, a replacement or a truncation
/// changes one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
    #[cfg(unix)]
    changed: (i64, i64),
}

impl Seen {
    pub fn of(meta: &Metadata) -> Seen {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt as _;
        Seen {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino()),
            #[cfg(unix)]
            changed: (meta.ctime(), meta.ctime_nsec()),
        }
    }
}

/// Per path, the metadata the file had while it was read and verified.
#[derive(Clone, Debug, Default)]
pub struct Verified {
    files: HashMap<PathBuf, Seen>,
}

impl Verified {
    /// Records the file at `path`, resolved as [`std::fs::canonicalize`] gives it (the
    /// stager looks a path up as it is given, then resolved), as `seen` while verified.
    pub fn insert(&mut self, path: PathBuf, seen: Seen) {
        self.files.insert(path, seen);
    }

    /// The length of the file at `path`, if it was verified and its metadata has not
    /// changed since: it still holds what the last clean run wrote. A file changed
    /// after that, and before this run replaces it, is as unseen as one changed after
    /// the stager would have read it: both fall within this run, which holds the lock.
    pub(super) fn unchanged_len(&self, path: &Path) -> Option<u64> {
        // Kept under the resolved path, as the cache lists the output; a path is
        // resolved only when some verified file has its name.
        let seen = match self.files.get(path) {
            Some(seen) => seen,
            None if self.files.keys().any(|p| p.file_name() == path.file_name()) => {
                self.files.get(&path.canonicalize().ok()?)?
            }
            None => return None,
        };
        let now = std::fs::symlink_metadata(path).ok()?;
        (now.is_file() && Seen::of(&now) == *seen).then_some(seen.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_again_is_no_longer_verified() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.json");
        std::fs::write(&path, "one").unwrap();
        let mut verified = Verified::default();
        verified.insert(path.clone(), Seen::of(&std::fs::metadata(&path).unwrap()));
        assert_eq!(verified.unchanged_len(&path), Some(3));
        assert_eq!(verified.unchanged_len(&dir.path().join("other.json")), None);
        // Another text of the same length: the modification time tells (set here, as
        // a write within the file system's clock tick would not move it).
        std::fs::write(&path, "two").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::UNIX_EPOCH).unwrap();
        drop(file);
        assert_eq!(verified.unchanged_len(&path), None);
        // Replaced by another file, as an editor saves: another file, other times.
        let before = Seen::of(&std::fs::metadata(&path).unwrap());
        let other = dir.path().join("other.json");
        std::fs::write(&other, "six").unwrap();
        std::fs::rename(&other, &path).unwrap();
        let mut verified = Verified::default();
        verified.insert(path.clone(), before);
        assert_eq!(verified.unchanged_len(&path), None);
    }

    /// The output directory reached through a link: the path is resolved.
    #[cfg(unix)]
    #[test]
    fn a_path_through_a_link_finds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        let file = real.join("catalog.json");
        std::fs::write(&file, "one").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let mut verified = Verified::default();
        let seen = Seen::of(&std::fs::metadata(&file).unwrap());
        verified.insert(file.canonicalize().unwrap(), seen);
        assert_eq!(verified.unchanged_len(&link.join("catalog.json")), Some(3));
        std::fs::write(link.join("other.json"), "two").unwrap();
        assert_eq!(verified.unchanged_len(&link.join("other.json")), None);
    }

    /// A verified file is taken as this catalog's, unedited, on its metadata alone:
    /// this one is no generated file at all, which a read would have found.
    #[test]
    fn the_stager_takes_a_verified_file_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.json");
        std::fs::write(&path, "{}\n").unwrap();
        let seen = Seen::of(&std::fs::metadata(&path).unwrap());
        // Changed, unchanged, another's.
        let plan = |verified: Verified, text: &str| {
            let mut stager = crate::write::Stager::new(true).verified(verified);
            stager.add(path.clone(), text.to_owned()).unwrap();
            let p = &stager.plan;
            let kinds = (p.changes.len(), p.unchanged, p.foreign.len());
            stager.discard();
            kinds
        };
        let mut verified = Verified::default();
        verified.insert(path.clone(), seen);
        assert_eq!(plan(verified.clone(), "{ \"codes\": [] }\n"), (1, 0, 0));
        // Of the same length, only the bytes are compared.
        assert_eq!(plan(verified.clone(), "[]\n"), (1, 0, 0));
        assert_eq!(plan(verified.clone(), "{}\n"), (0, 1, 0));
        assert_eq!(plan(Verified::default(), "{ \"codes\": [] }\n"), (0, 0, 1));
        // A check reads every file, for the diff it shows.
        let mut stager = crate::write::Stager::new(false).verified(verified);
        stager
            .add(path.clone(), "{ \"codes\": [] }\n".to_owned())
            .unwrap();
        assert_eq!(stager.plan.foreign.len(), 1);
    }
}
