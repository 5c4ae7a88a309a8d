//! `docs-site SRC OUT`: builds the docs site from SRC into OUT (what `cargo xtask docs` runs).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, out] = args.as_slice() else {
        eprintln!("usage: docs-site SRC OUT  (SRC: the docs target's output, e.g. generated/docs)");
        return ExitCode::from(2);
    };
    match docs_site::build(Path::new(src), Path::new(out)) {
        Ok(site) => {
            let links: usize = site.pages.values().map(|p| p.links.len()).sum();
            eprintln!(
                "docs-site: built {} pages into {} ({links} links checked)",
                site.pages.len(),
                site.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("docs-site: {e}");
            ExitCode::FAILURE
        }
    }
}
