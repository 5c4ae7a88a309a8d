//! The docs site: mdBook turns `generated/docs` (Markdown plus its `book.toml`)
//! into static HTML with full-text search, then every local link of the pages is
//! checked against the files and anchors that were built.
//!
//! A crate of its own so that neither the errcat library nor `cargo xtask gen`
//! compiles a static-site generator.

pub mod page;
pub mod search;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use mdbook_driver::MDBook;

pub use page::Page;
pub use search::SearchIndex;

/// A built site: where it is and the HTML page of every Markdown source.
#[derive(Debug)]
pub struct Site {
    pub dir: PathBuf,
    /// Page path relative to `dir` (`en/edu.rest.html`) → parsed page.
    pub pages: BTreeMap<String, Page>,
}

/// Builds the site from `src` (a directory with `book.toml` and `SUMMARY.md`)
/// into `out` (emptied first), then checks its links. The error says what failed.
pub fn build(src: &Path, out: &Path) -> Result<Site, String> {
    let out = std::path::absolute(out).map_err(|e| format!("{}: {e}", out.display()))?;
    if !src.join("book.toml").is_file() {
        return Err(format!(
            "{} has no book.toml: is it the docs target's output (run `cargo xtask gen`)?",
            src.display()
        ));
    }
    let mut book = MDBook::load(src).map_err(|e| format!("{}: {e:#}", src.display()))?;
    book.config.build.build_dir = out.clone();
    book.build()
        .map_err(|e| format!("building {}: {e:#}", src.display()))?;
    // The pages are the book's source directory itself (`src = "."`), and mdBook
    // copies every file there that is not a page: its own configuration too.
    let config = out.join("book.toml");
    if config.is_file() {
        std::fs::remove_file(&config).map_err(|e| format!("{}: {e}", config.display()))?;
    }
    let site = load(src, &out)?;
    let broken = site.broken_links();
    if broken.is_empty() {
        Ok(site)
    } else {
        Err(format!(
            "{} broken link(s) in the built site:\n  {}",
            broken.len(),
            broken.join("\n  ")
        ))
    }
}

/// Reads the built page of every Markdown file of `src` (but `SUMMARY.md`) from `out`.
pub fn load(src: &Path, out: &Path) -> Result<Site, String> {
    let mut pages = BTreeMap::new();
    for md in markdown_files(src)? {
        let html = md.with_extension("html");
        let rel = html
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let text = std::fs::read_to_string(out.join(&html)).map_err(|e| {
            format!(
                "page {} of {}: {e}",
                out.join(&html).display(),
                md.display()
            )
        })?;
        pages.insert(rel, Page::parse(&text));
    }
    Ok(Site {
        dir: out.to_path_buf(),
        pages,
    })
}

/// Markdown files under `dir`, relative to it, sorted; `SUMMARY.md` is the table of contents.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let entries = std::fs::read_dir(dir.join(&rel))
            .map_err(|e| format!("{}: {e}", dir.join(&rel).display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let path = rel.join(entry.file_name());
            if entry.path().is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "md") && path != Path::new("SUMMARY.md")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

impl Site {
    /// Every local `href`/`src` of the pages that names a missing file, or a
    /// fragment that is no `id` of its page, as `page: link (why)`.
    pub fn broken_links(&self) -> Vec<String> {
        let mut broken = Vec::new();
        for (name, page) in &self.pages {
            for link in &page.links {
                if let Some(why) = self.resolve(name, link).err() {
                    broken.push(format!("{name}: {link} ({why})"));
                }
            }
        }
        broken
    }

    /// Checks one link of page `from`; external links and bare `#` are not ours to check.
    fn resolve(&self, from: &str, link: &str) -> Result<(), String> {
        let is_external = link.starts_with("//")
            || link
                .split_once(':')
                .is_some_and(|(scheme, _)| !scheme.contains(['/', '#', '?']));
        if is_external || link == "#" || link.is_empty() {
            return Ok(());
        }
        let link = link.split_once('?').map_or(link, |(path, _)| path);
        let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
        let target = if path.is_empty() {
            from.to_string()
        } else {
            let base = Path::new(from).parent().unwrap_or(Path::new(""));
            normalize(&base.join(path)).ok_or("leaves the site")?
        };
        let file = self.dir.join(&target);
        if !file.exists() {
            return Err(format!("no file {target}"));
        }
        if fragment.is_empty() {
            return Ok(());
        }
        let found = match self.pages.get(&target) {
            Some(p) => p.ids.contains(fragment),
            None => std::fs::read_to_string(&file)
                .map(|t| Page::parse(&t).ids.contains(fragment))
                .unwrap_or(false),
        };
        if found {
            Ok(())
        } else {
            Err(format!("no id `{fragment}` in {target}"))
        }
    }
}

/// `en/../zh-CN/x.html` → `zh-CN/x.html`; `None` when the path climbs out of the root.
fn normalize(path: &Path) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::path::Path;

    #[test]
    fn normalize_resolves_parent_segments_and_refuses_to_leave_the_root() {
        assert_eq!(
            normalize(Path::new("en/../zh-CN/x.html")).as_deref(),
            Some("zh-CN/x.html")
        );
        assert_eq!(normalize(Path::new("./a/./b")).as_deref(), Some("a/b"));
        assert_eq!(normalize(Path::new("../x")), None);
    }
}
