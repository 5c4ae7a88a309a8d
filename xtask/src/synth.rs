//! `cargo xtask synth N DIR`: a synthetic catalog of N codes (see `errcat::synth`),
//! with a copy of this repository's templates so the catalog's `root: ..` finds them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask synth N DIR [--per-file K]";

pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let parsed = parse(args);
    let result = parsed.and_then(|(n, dir, per_file)| {
        write(root, n, per_file, Path::new(&dir))?;
        eprintln!(
            "synth: {n} codes in {}; run `errcat gen {}`",
            dir,
            Path::new(&dir).join(errcat::synth::CATALOG).display()
        );
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask synth: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<(usize, String, usize), String> {
    let mut positional = Vec::new();
    let mut per_file = errcat::synth::PER_FILE;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--per-file" {
            let v = it.next().ok_or(USAGE)?;
            per_file = v
                .parse()
                .map_err(|_| format!("--per-file: `{v}` is not a number"))?;
        } else {
            positional.push(a.clone());
        }
    }
    let [n, dir] = positional.as_slice() else {
        return Err(USAGE.into());
    };
    let n = n
        .replace('_', "")
        .parse()
        .map_err(|_| format!("N: `{n}` is not a number\n{USAGE}"))?;
    Ok((n, dir.clone(), per_file))
}

/// Writes the synthetic project into `dir`: schema/, proto/ and a copy of templates/.
/// Refuses a non-empty directory that is not a synthetic project (it replaces schema/ and templates/).
pub fn write(root: &Path, n: usize, per_file: usize, dir: &Path) -> Result<(), String> {
    let catalog = dir.join(errcat::synth::CATALOG);
    let is_synth = std::fs::read_to_string(&catalog)
        .is_ok_and(|t| t.starts_with(errcat::synth::CATALOG_HEADER));
    let empty = std::fs::read_dir(dir).map_or(true, |mut d| d.next().is_none());
    if !empty && !is_synth {
        return Err(format!(
            "{} is not empty and holds no synthetic catalog; pick a new directory",
            dir.display()
        ));
    }
    for sub in ["schema", "proto", "templates"] {
        let p = dir.join(sub);
        if p.exists() {
            std::fs::remove_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    write_files(dir, errcat::synth::files(n, per_file))?;
    copy_tree(&root.join("templates"), &dir.join("templates"))
}

/// Writes `files` (paths relative to `dir`), creating their directories.
pub fn write_files(dir: &Path, files: Vec<(PathBuf, String)>) -> Result<(), String> {
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

pub fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}
