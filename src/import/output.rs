//! Writing the imported namespace files: all of them or, as far as the disk allows,
//! none. Each goes to a temporary sibling first (errcat's own staging, [`write`]);
//! only when every one is staged are they renamed into place.

use std::path::{Path, PathBuf};

use super::Output;
use crate::load::display_path;
use crate::write::{self, Change, Disk, Plan, Planned, RealDisk};

/// Writes each output that has a path and differs from the file; returns the paths
/// written. Standard-output results are left to the caller. `Err` names the file
/// that failed and, if a rename failed midway, the files already written.
pub fn write(outputs: &[Output]) -> Result<Vec<PathBuf>, String> {
    write_on(outputs, &mut RealDisk)
}

/// Remembers which staged files reached their place.
struct Renames<'a> {
    disk: &'a mut dyn Disk,
    done: Vec<PathBuf>,
}

impl Disk for Renames<'_> {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.disk.write(path, bytes)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        self.disk.remove(path)
    }
    fn remove_dir(&mut self, path: &Path) -> std::io::Result<()> {
        self.disk.remove_dir(path)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.disk.rename(from, to)?;
        self.done.push(to.to_path_buf());
        Ok(())
    }
}

fn shown(p: &Path) -> String {
    display_path(p).display().to_string()
}

pub(super) fn write_on(outputs: &[Output], disk: &mut dyn Disk) -> Result<Vec<PathBuf>, String> {
    let mut plan = Plan::default();
    for o in outputs {
        let Some(path) = &o.path else { continue };
        if std::fs::read_to_string(path).is_ok_and(|old| old == o.text) {
            continue;
        }
        let change = if path.exists() {
            Change::Update(String::new())
        } else {
            Change::Create
        };
        match write::stage(&mut plan.made_dirs, path, &o.text) {
            Ok(tmp) => plan.changes.push(Planned {
                path: path.clone(),
                change,
                text: String::new(),
                edited_by_hand: false,
                conflicted: false,
                staged: Some(tmp),
            }),
            // The error names the file: "cannot write a.yaml: …".
            Err(e) => {
                write::discard(&plan);
                return Err(format!("{e}; nothing was written"));
            }
        }
    }
    let mut renames = Renames {
        disk,
        done: Vec::new(),
    };
    // The error names the file ("cannot write b.yaml: …"); the files before it are said.
    if let Err(write::ApplyError { error: e, .. }) = write::apply_on(&plan, &mut renames) {
        let written: Vec<String> = renames.done.iter().map(|p| shown(p)).collect();
        return Err(if written.is_empty() {
            format!("{e}; nothing was written")
        } else {
            format!(
                "{e}; already written: {}; the other files were not",
                written.join(", ")
            )
        });
    }
    Ok(renames.done)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real disk, but the second rename fails.
    struct SecondRenameFails(usize);

    impl Disk for SecondRenameFails {
        fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
            RealDisk.write(path, bytes)
        }
        fn remove(&mut self, path: &Path) -> std::io::Result<()> {
            RealDisk.remove(path)
        }
        fn remove_dir(&mut self, path: &Path) -> std::io::Result<()> {
            RealDisk.remove_dir(path)
        }
        fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.0 += 1;
            if self.0 == 2 {
                return Err(std::io::Error::other("no"));
            }
            RealDisk.rename(from, to)
        }
    }

    fn output(path: PathBuf) -> Output {
        Output {
            path: Some(path),
            namespace: "a.b".into(),
            text: "namespace: a.b\n".into(),
            entries: 0,
            added: 0,
            changed: 0,
            dropped_comments: 0,
            rows: Vec::new(),
            placed: Vec::new(),
            unchanged: false,
            in_place: None,
            new_codes: Vec::new(),
        }
    }

    #[test]
    fn a_failed_rename_says_what_was_written_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let outputs: Vec<Output> = ["a.yaml", "b.yaml", "c.yaml"]
            .iter()
            .map(|n| output(tmp.path().join(n)))
            .collect();
        let err = write_on(&outputs, &mut SecondRenameFails(0)).unwrap_err();
        assert!(err.starts_with("cannot write "), "{err}");
        assert!(err.contains("b.yaml: no; already written: "), "{err}");
        assert!(err.ends_with("a.yaml; the other files were not"), "{err}");
        let mut left: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["a.yaml"]);
    }
}
