//! A changelog from the catalog's git history: for each catalog `version`, the codes
//! added, deprecated, changed and broken (retired among them) since the version before. Markdown, newest first.

use std::fmt::Write as _;
use std::path::Path;

use super::{Change, Kind, compare};
use crate::console::count;
use crate::diag::Report;
use crate::model::Catalog;
use crate::source::Sources;

/// The changelog of the catalog at `catalog` (a path in a git working tree): every commit
/// that changed the catalog's directory, and the working tree itself, grouped by version.
/// `Err` when git cannot be asked or no version of the catalog loads.
pub fn changelog(catalog: &Path, detail: &dyn Fn(&str)) -> Result<String, String> {
    let dir = catalog
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let repository = |e: String| {
        if e.ends_with(super::git::NOT_A_REPOSITORY) {
            format!("the changelog is read from the catalog's git history, but {e}")
        } else {
            e
        }
    };
    let top = super::git::run(dir, &["rev-parse", "--show-toplevel"]).map_err(repository)?;
    let top = Path::new(top.trim());
    let prefix = super::git::run(dir, &["rev-parse", "--show-prefix"]).map_err(repository)?;
    let name = catalog
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let rel = format!(
        "{}{}",
        prefix.trim(),
        name.unwrap_or_else(|| "catalog.yaml".into())
    );
    // Every directory the catalog has lived in: a move keeps its history, whether git
    // pairs the two files or the catalog's id does.
    let id = std::fs::read(catalog)
        .ok()
        .and_then(|t| super::git::raw_catalog(&rel, &t))
        .map(|c| c.catalog.value);
    let paths = super::by_id::catalog_paths(top, &rel, id.as_deref());
    let mut args = vec!["log", "--first-parent", "--format=%H", "--reverse", "--"];
    let dirs = super::git::dirs_of(&paths);
    args.extend(dirs.iter().map(String::as_str));
    let log = super::git::run(top, &args).map_err(repository)?;
    // A shallow clone's oldest commit looks like a first version: refuse rather than publish
    // a changelog whose history silently starts there.
    let boundary = super::git::shallow_boundary(dir);
    if let Some(cut) = log.lines().find(|c| boundary.iter().any(|b| b == c)) {
        return Err(format!(
            "this is a shallow git clone: the catalog's history before commit {} is missing, \
             so the changelog would start there as if it were the first version; {}",
            super::git::short(cut),
            super::git::UNSHALLOW
        ));
    }
    // A commit as people quote it; the working tree's catalog by its path.
    let shown = |spec: &str| {
        let commit = spec.len() == 40 && spec.bytes().all(|b| b.is_ascii_hexdigit());
        if commit {
            super::git::short(spec).to_string()
        } else {
            spec.to_string()
        }
    };
    // What each version shipped is the last valid catalog with that version. Reading a
    // commit's catalog.yaml for its version is cheap, loading the catalog is not: only the
    // last commit of each run of one version is loaded (an earlier one if that fails).
    let commits: Vec<&str> = log.lines().collect();
    let texts = super::git::catalog_texts(top, &commits, &rel, true, &paths[1..], id.as_deref())?;
    let current = catalog.to_string_lossy().into_owned();
    let working = std::fs::read(catalog).ok().map(|t| (rel.clone(), t));
    let specs: Vec<(&str, Option<String>)> = commits
        .iter()
        .copied()
        .zip(texts)
        .chain(std::iter::once((current.as_str(), working)))
        .map(|(spec, text)| (spec, text.and_then(|(rel, t)| version_of(&rel, &t))))
        .collect();
    let mut said: Vec<String> = specs
        .iter()
        .map(|(spec, _)| format!("read: {}: no valid catalog", shown(spec)))
        .collect();
    let mut states: Vec<(String, Catalog)> = Vec::new();
    let mut i = 0;
    while i < specs.len() {
        let Some(version) = &specs[i].1 else {
            i += 1;
            continue;
        };
        // The run of this version: commits whose catalog.yaml does not parse do not end it.
        let mut run = vec![i];
        let mut j = i + 1;
        while j < specs.len() && specs[j].1.as_ref().is_none_or(|v| v == version) {
            if specs[j].1.is_some() {
                run.push(j);
            }
            j += 1;
        }
        for (k, &at) in run.iter().enumerate().rev() {
            let mut sources = Sources::default();
            let mut report = Report::default();
            // A commit whose catalog does not load has no version to show.
            let loaded = super::git::load_side(
                specs[at].0,
                super::git::Place::at(catalog),
                &mut sources,
                &mut report,
                &mut |_| {},
            );
            let Ok(Some(c)) = loaded else {
                continue;
            };
            let version = c.version.clone().unwrap_or_else(|| "unversioned".into());
            said[at] = format!("read: {}: version {version}", shown(specs[at].0));
            for &earlier in &run[..k] {
                said[earlier] = format!(
                    "read: {}: version {version} (only its catalog.yaml: {} is that \
                     version's last)",
                    shown(specs[earlier].0),
                    shown(specs[at].0)
                );
            }
            // Runs split only by catalogs that do not load are one version.
            match states.last_mut() {
                Some((v, last)) if *v == version => *last = c,
                _ => states.push((version, c)),
            }
            break;
        }
        i = j;
    }
    for line in &said {
        detail(line);
    }
    // A version tagged in git (`1.1.0` or `v1.1.0`) shipped what its tag holds: where
    // the version is bumped at release, the commits after a tag and before the next
    // bump are the next version's, though they still carry this one.
    let tags = super::git::run(top, &["tag", "--list"]).unwrap_or_default();
    let tags: std::collections::HashSet<&str> = tags.lines().collect();
    // The newest version's commits after its tag belong to no version yet: they are
    // listed as unreleased rather than dropped.
    let mut unreleased = None;
    let newest = states.len().saturating_sub(1);
    for (at, (version, state)) in states.iter_mut().enumerate() {
        let Some(tag) = [version.clone(), format!("v{version}")]
            .into_iter()
            .find(|t| tags.contains(t.as_str()))
        else {
            continue;
        };
        let mut sources = Sources::default();
        let mut report = Report::default();
        let spec = format!("refs/tags/{tag}");
        match super::git::load_side(
            &spec,
            super::git::Place::at(catalog),
            &mut sources,
            &mut report,
            &mut |_| {},
        ) {
            Ok(Some(c)) if c.version.as_deref() == Some(version.as_str()) => {
                detail(&format!(
                    "read: tag {tag}: version {version}, what it shipped"
                ));
                let last = std::mem::replace(state, c);
                if at == newest {
                    unreleased = Some((tag, last));
                }
            }
            _ => detail(&format!(
                "read: tag {tag}: no valid catalog of version {version}; its last commit stands"
            )),
        }
    }
    if states.is_empty() {
        return Err(format!(
            "no commit has a valid catalog at {}",
            catalog.display()
        ));
    }
    let mut out = String::from(
        "# Changelog\n\nGenerated by `errcat changelog` from the catalog's history.\n",
    );
    if let Some((tag, last)) = unreleased {
        let mut listed = String::new();
        if section(&mut listed, &compare(&states[newest].1, &last)) {
            detail(&format!(
                "read: changes after tag {tag} that no version has yet: listed as unreleased"
            ));
            let _ = write!(out, "\n## Unreleased\n\n{listed}");
        }
    }
    for i in (0..states.len()).rev() {
        let (version, now) = &states[i];
        let _ = write!(out, "\n## {version}\n\n");
        match i.checked_sub(1).map(|p| &states[p].1) {
            None => {
                let n: usize = now.namespaces.iter().map(|n| n.entries.len()).sum();
                let k = now.namespaces.len();
                let _ = writeln!(
                    out,
                    "First version: {} in {}.",
                    count(n, "code"),
                    count(k, "namespace")
                );
            }
            Some(before) => {
                section(&mut out, &compare(before, now));
            }
        }
    }
    Ok(out)
}

/// The version a catalog file declares (`unversioned` without one); `None` when it does not
/// parse, so the catalog could not load either.
fn version_of(rel: &str, text: &[u8]) -> Option<String> {
    let raw = super::git::raw_catalog(rel, text)?;
    Some(
        raw.version
            .map_or_else(|| "unversioned".into(), |v| v.value),
    )
}

/// Writes `changes` grouped as release notes; `false` when none is one a reader of
/// release notes acts on ("No change to the codes.").
fn section(out: &mut String, changes: &[Change]) -> bool {
    // A retired code is listed under Breaking: its generated name is gone.
    let groups: [(&str, &dyn Fn(Kind) -> bool); 4] = [
        ("Breaking", &|k: Kind| k.breaking()),
        ("Added", &|k| {
            matches!(
                k,
                Kind::CodeAdded | Kind::NamespaceAdded | Kind::LocaleAdded | Kind::TargetAdded
            )
        }),
        ("Deprecated", &|k| {
            matches!(
                k,
                Kind::CodeDeprecated | Kind::DeprecationReasonChanged | Kind::ReplacementChanged
            )
        }),
        // What a reader of release notes acts on; tags, groups, `since`, ranges, sources and
        // surfaces are bookkeeping that the generated docs already show.
        ("Changed", &|k| {
            matches!(
                k,
                Kind::TextChanged
                    | Kind::TranslationAdded
                    | Kind::CodeUndeprecated
                    | Kind::SeverityChanged
                    | Kind::NamespaceTextChanged
                    | Kind::RequiredLocalesChanged
                    | Kind::CatalogRenamed
                    | Kind::DocsUrlChanged
                    | Kind::TargetOptionChanged
            )
        }),
    ];
    let mut any = false;
    for (title, wanted) in groups {
        let list: Vec<&Change> = changes.iter().filter(|c| wanted(c.kind)).collect();
        if list.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(out, "### {title}\n");
        for c in list {
            // A quoted reason comes escaped; the rest is names in code spans and plain words.
            let text = c.markdown.clone().unwrap_or_else(|| escape(&c.message));
            let _ = match c.namespace.as_str() {
                "" => writeln!(out, "- {text}"),
                ns => writeln!(out, "- `{ns}`: {text}"),
            };
        }
        out.push('\n');
    }
    if !any {
        out.push_str("No change to the codes.\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    any
}

/// Messages without free text: keep them from turning into HTML (names sit in code spans).
fn escape(s: &str) -> String {
    s.replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_to_the_catalog_itself_is_listed_without_a_namespace() {
        let change = Change {
            kind: Kind::LocaleRemoved,
            namespace: String::new(),
            code: None,
            message: "locale fr was removed".into(),
            markdown: None,
            old: None,
            new: None,
        };
        let mut out = String::new();
        section(&mut out, &[change]);
        assert_eq!(out, "### Breaking\n\n- locale fr was removed\n");
    }
}
