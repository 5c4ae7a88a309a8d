//! Embeds `templates/` in the binary, so `cargo install errcat` works without the
//! repository: writes `$OUT_DIR/builtin_templates.rs`, a table of
//! (target, file name, `include_str!` of the file) sorted by target and name.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest.join("templates");
    // A directory here makes cargo rerun on any change to any file below it.
    println!("cargo::rerun-if-changed=templates");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("&[\n");
    for (target, name, path) in &files {
        out.push_str(&format!(
            "    ({target:?}, {name:?}, include_str!({:?})),\n",
            path.display()
        ));
    }
    out.push_str("]\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(dest.join("builtin_templates.rs"), out).expect("OUT_DIR is writable");
}

/// Every file under `templates/<target>/`, as (target, `/`-separated name, path).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String, PathBuf)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            collect(root, &path, out);
            continue;
        }
        let rel = path.strip_prefix(root).expect("below templates/");
        let mut parts = rel.iter().map(|p| p.to_string_lossy().into_owned());
        // Files directly in templates/ belong to no target.
        let (Some(target), rest) = (parts.next(), parts.collect::<Vec<_>>()) else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        out.push((target, rest.join("/"), path));
    }
}
