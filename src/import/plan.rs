//! Which sections go into which namespace, and what a new namespace starts with.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::args::{Args, InputFormat, SectionsAs};
use super::{Section, doc, names};
use crate::diag::{Diagnostic, Report};
use crate::load::display_path;
use crate::rules;
use crate::source::{FileId, Sources};

/// Keeps only the sections `--section` names; a title that matches nothing is an error.
pub(super) fn select(
    sections: &mut Vec<(FileId, Section)>,
    wanted: &[String],
    sources: &Sources,
    report: &mut Report,
) {
    if wanted.is_empty() {
        return;
    }
    for w in wanted {
        if !sections
            .iter()
            .any(|(_, s)| s.title.as_deref() == Some(w.trim()))
        {
            let titles: Vec<String> = sections
                .iter()
                .filter_map(|(_, s)| s.title.as_ref().map(|t| format!("`{t}`")))
                .collect();
            let file = sections.first().map(|(f, _)| *f);
            let mut d = Diagnostic::new(
                &rules::IMPORT_NOT_A_TABLE,
                format!("no section titled `{w}` holds a table"),
            )
            .help(if titles.is_empty() {
                "the files have no titled sections".to_owned()
            } else {
                format!("sections: {}", titles.join(", "))
            });
            if let Some(f) = file {
                d = d.at(sources.file_start(f), "in this file");
            }
            report.push(d);
        }
    }
    sections.retain(|(_, s)| {
        s.title
            .as_deref()
            .is_some_and(|t| wanted.iter().any(|w| w.trim() == t))
    });
}

/// How the sections map to namespaces: asked for, or obvious.
pub(super) fn mode(
    args: &Args,
    sections: &[(FileId, Section)],
    sources: &Sources,
) -> Result<SectionsAs, String> {
    if let Some(m) = args.sections {
        return Ok(m);
    }
    let mut per_file: Vec<(FileId, usize)> = Vec::new();
    for (f, _) in sections {
        match per_file.iter_mut().find(|(x, _)| x == f) {
            Some((_, n)) => *n += 1,
            None => per_file.push((*f, 1)),
        }
    }
    match per_file.iter().find(|(_, n)| *n > 1) {
        None => Ok(SectionsAs::Merge),
        Some((f, n)) => {
            let titles: Vec<String> = sections
                .iter()
                .filter(|(x, _)| x == f)
                .map(|(_, s)| format!("`{}`", s.title.as_deref().unwrap_or("(untitled)")))
                .collect();
            Err(format!(
                "{} has {n} sections: {}\nchoose what they become with --sections namespaces|groups|merge, or pick some with --section TITLE",
                sources.path(*f).display(),
                titles.join(", ")
            ))
        }
    }
}

/// A namespace to produce: its id, its file, and the sections (indices) it takes.
pub(super) struct Target {
    pub id: String,
    pub path: Option<PathBuf>,
    pub sections: Vec<usize>,
}

/// The namespaces to produce: one per section title with `--sections namespaces`, else one.
pub(super) fn plan(
    args: &Args,
    namespace: &str,
    mode: SectionsAs,
    sections: &[(FileId, Section)],
) -> Result<Vec<Target>, String> {
    if mode != SectionsAs::Namespaces {
        return Ok(vec![Target {
            id: namespace.to_owned(),
            path: args.into.clone(),
            sections: (0..sections.len()).collect(),
        }]);
    }
    if args.into.as_ref().is_some_and(|p| p.is_file()) {
        return Err(
            "with --sections namespaces, --into names a directory (one file per namespace)".into(),
        );
    }
    let mut targets: Vec<(Option<String>, Target)> = Vec::new();
    for (k, (_, s)) in sections.iter().enumerate() {
        if let Some((_, t)) = targets
            .iter_mut()
            .find(|(title, _)| title.is_some() && *title == s.title)
        {
            t.sections.push(k);
            continue;
        }
        let mut seg = names::section_id(
            s.title.as_deref(),
            &format!("section_{}", targets.len() + 1),
        );
        let base = seg.clone();
        let mut n = 2;
        while targets
            .iter()
            .any(|(_, t)| t.id.ends_with(&format!(".{seg}")))
        {
            seg = format!("{base}_{n}");
            n += 1;
        }
        targets.push((
            s.title.clone(),
            Target {
                id: format!("{namespace}.{seg}"),
                path: args.into.as_ref().map(|d| d.join(file_name(&seg))),
                sections: vec![k],
            },
        ));
    }
    Ok(targets.into_iter().map(|(_, t)| t).collect())
}

/// A fresh namespace with its provenance: the first file, and the section (or,
/// for several sections, the heading above them).
pub(super) fn new_doc(
    target: &Target,
    format: InputFormat,
    sections: &[(FileId, Section)],
    sources: &Sources,
    root: Option<&Path>,
) -> doc::Doc {
    let first = target.sections.first().map(|&k| &sections[k]);
    let taken = || target.sections.iter().map(|&k| &sections[k].1);
    // Several sections, unless each locale has one title: then the others translate it.
    let several = per_locale(taken(), |s| s.title.as_ref()).is_none()
        && taken()
            .filter_map(|s| s.title.as_ref())
            .collect::<BTreeSet<_>>()
            .len()
            > 1;
    let section = first.and_then(|(_, s)| {
        if several {
            s.parent.clone().or_else(|| s.title.clone())
        } else {
            s.title.clone()
        }
    });
    // A heading above an enum may be in any language; table headings are in the table's.
    let title = match (format, several) {
        (InputFormat::JavaEnum, _) => None,
        (_, true) => per_locale(taken(), |s| s.parent.as_ref()),
        (_, false) => per_locale(taken(), |s| s.title.as_ref()),
    };
    doc::Doc {
        namespace: target.id.clone(),
        title,
        source: first.map(|(f, _)| doc::Source {
            file: Some(source_file(sources.path(*f), root)),
            section,
            url: None,
        }),
        ..Default::default()
    }
}

/// An input's path as `source.file`: relative to the project root, as every path of
/// a catalog is, whatever directory the import ran in; as given when outside it.
fn source_file(path: &Path, root: Option<&Path>) -> String {
    let within = root.and_then(|r| {
        let (p, r) = (path.canonicalize().ok()?, r.canonicalize().ok()?);
        Some(p.strip_prefix(r).ok()?.to_path_buf())
    });
    within
        .unwrap_or_else(|| display_path(path))
        .to_string_lossy()
        .replace('\\', "/")
}

/// What `pick` gives the sections, as one text, when each locale's sections give one
/// value (a heading and its translation); `None` when some locale has two, or none has any.
fn per_locale<'s>(
    sections: impl Iterator<Item = &'s Section>,
    pick: impl Fn(&'s Section) -> Option<&'s String>,
) -> Option<doc::Text> {
    let mut text = doc::Text::default();
    for s in sections {
        let Some(value) = pick(s) else { continue };
        match text.0.iter().find(|l| l.locale == s.locale) {
            Some(l) if &l.text != value => return None,
            Some(_) => {}
            None => text.0.push(doc::Localized {
                locale: s.locale.clone(),
                text: value.clone(),
                span: None,
            }),
        }
    }
    (!text.0.is_empty()).then_some(text)
}

/// The group a section's entries join: one with the same title, else a new one.
pub(super) fn group_for(doc: &mut doc::Doc, section: &Section, index: usize) -> String {
    let title = section
        .title
        .clone()
        .unwrap_or_else(|| format!("Section {}", index + 1));
    if let Some(g) = doc
        .groups
        .iter()
        .find(|g| g.title.0.iter().any(|l| l.text == title))
    {
        return g.id.clone();
    }
    // A translation of a section imported before: its title joins that group.
    if let Some(g) = translated_group(doc, section) {
        g.title.0.push(doc::Localized {
            locale: section.locale.clone(),
            text: title,
            span: Some(section.span),
        });
        return g.id.clone();
    }
    let base = names::section_id(Some(&title), &format!("group_{}", doc.groups.len() + 1));
    let mut id = base.clone();
    let mut n = 2;
    while doc.groups.iter().any(|g| g.id == id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    doc.groups.push(doc::Group {
        id: id.clone(),
        title: doc::Text::one(&section.locale, &title, Some(section.span)),
    });
    id
}

/// The group that every code of `section` already imported joined, when that group
/// has no title in the section's locale: the section is its translation (`## 推流`
/// under `## Streaming` in the other file), not a group of its own.
fn translated_group<'d>(doc: &'d mut doc::Doc, section: &Section) -> Option<&'d mut doc::Group> {
    let mut groups = section.rows.iter().filter_map(|r| {
        let e = doc.entries.iter().find(|e| e.code == r.code)?;
        Some(e.group.as_deref())
    });
    let first = groups.next()??.to_owned();
    if !groups.all(|g| g == Some(first.as_str())) {
        return None;
    }
    doc.groups
        .iter_mut()
        .find(|g| g.id == first && g.title.get(&section.locale).is_none())
}

/// The file of a namespace made from a section: `{seg}.yaml`, unless Windows reads
/// that as a device (a section `CON`), which no clone there could check out.
fn file_name(seg: &str) -> String {
    let name = format!("{seg}.yaml");
    if crate::load::check_relative(&name, "").is_ok() {
        name
    } else {
        format!("{seg}_.yaml")
    }
}
