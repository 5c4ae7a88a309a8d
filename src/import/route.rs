//! A sheet whose `Namespace` column names each row's namespace, as `errcat export`
//! writes one. Without `--namespace`, each row goes into the project file that
//! defines its code (a code no file defines, into its namespace's first file); with
//! `--namespace NS`, only NS's rows are imported.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::args::Args;
use super::plan::Target;
use super::{Imported, Section};
use crate::diag::Diagnostic;
use crate::load::{self, raw::RawNamespace};
use crate::rules;
use crate::source::FileId;

/// Whether a row of `sections` names its namespace.
fn named(sections: &[(FileId, Section)]) -> bool {
    sections
        .iter()
        .any(|(_, s)| s.rows.iter().any(|r| r.namespace.is_some()))
}

/// Leaves out the rows that name another namespace than `ns`; a note says how many,
/// and whose, when there were any.
pub(super) fn keep_only(sections: &mut [(FileId, Section)], ns: &str) -> Option<String> {
    let mut left: BTreeMap<String, usize> = BTreeMap::new();
    for (_, s) in sections.iter_mut() {
        s.rows.retain(|r| match &r.namespace {
            Some((other, _)) if !other.is_empty() && other != ns => {
                *left.entry(other.clone()).or_default() += 1;
                false
            }
            _ => true,
        });
    }
    let n: usize = left.values().sum();
    (n > 0).then(|| {
        let whose: Vec<&str> = left.keys().map(String::as_str).collect();
        format!(
            "{} of other namespaces ({}) left out: --namespace {ns} imports only its own; without --namespace and --into, each row goes into its namespace's file",
            crate::console::count(n, "row"),
            whose.join(", ")
        )
    })
}

/// Each namespace's files in the project, in the catalog's order, with the codes each
/// defines.
type Files = BTreeMap<String, Vec<(PathBuf, HashSet<i64>)>>;

/// The project's namespace files, read and parsed into `out` (whose report has the
/// errors of any that does not parse).
fn project_files(catalog: &Path, out: &mut Imported) -> Option<Files> {
    let inputs = load::read_inputs(catalog, &mut out.sources, &mut out.report, false)?;
    let mut files = Files::new();
    for &f in &inputs.namespace_files {
        let Some(raw) = load::parse::<RawNamespace>(&out.sources, f, &mut out.report) else {
            continue;
        };
        let codes = raw.entries.iter().map(|e| e.value.code.value).collect();
        files
            .entry(raw.namespace.value)
            .or_default()
            .push((out.sources.path(f).to_path_buf(), codes));
    }
    Some(files)
}

/// The sections of every input, as each target takes them, and the targets.
type Routed = (Vec<(FileId, Section)>, Vec<Target>);

/// Without `--namespace`: the sections split by the file each row goes into, and a
/// target per file. A row that names no namespace, or one the project lacks, is an
/// error at its cell. `Err` is a usage error.
pub(super) fn route(
    args: &Args,
    sections: Vec<(FileId, Section)>,
    catalog: Option<&Path>,
    out: &mut Imported,
) -> Result<Routed, String> {
    if !named(&sections) {
        return Err("--namespace is required: the namespace to import into (a sheet with a Namespace column, as `errcat export` writes, names each row's)".into());
    }
    if args.into.is_some() || args.sections.is_some() {
        return Err("the sheet's Namespace column sends each row into its namespace's file: leave out --into and --sections, or pass --namespace NS to import only NS's rows".into());
    }
    let Some(catalog) = catalog else {
        return Err("the sheet's Namespace column names namespaces of a project: run errcat in the project's directory, or pass --catalog".into());
    };
    let Some(files) = project_files(catalog, out) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let ids: Vec<&str> = files.keys().map(String::as_str).collect();
    let mut routed: Vec<(FileId, Section)> = Vec::new();
    let mut targets: Vec<Target> = Vec::new();
    for (file, section) in sections {
        // This input's section for each target, by target.
        let mut parts: BTreeMap<usize, usize> = BTreeMap::new();
        for row in &section.rows {
            let Some((ns, span)) = row.namespace.as_ref().filter(|(ns, _)| !ns.is_empty()) else {
                let at = row.namespace.as_ref().map_or(row.code_span, |(_, at)| *at);
                out.report.push(
                    Diagnostic::new(
                        &rules::IMPORT_UNKNOWN_NAMESPACE,
                        format!("the row of code {} names no namespace", row.code),
                    )
                    .at(at, "no namespace in this row")
                    .help("fill its Namespace cell, or import with --namespace NS --into FILE"),
                );
                continue;
            };
            let Some(candidates) = files.get(ns) else {
                let help = match load::suggest(ns, &ids) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("its namespaces: {}", ids.join(", ")),
                };
                out.report.push(
                    Diagnostic::new(
                        &rules::IMPORT_UNKNOWN_NAMESPACE,
                        format!("the catalog has no namespace `{ns}`"),
                    )
                    .at(*span, "no such namespace")
                    .help(help),
                );
                continue;
            };
            let (path, _) = candidates
                .iter()
                .find(|(_, codes)| codes.contains(&row.code))
                .unwrap_or(&candidates[0]);
            let t = match targets.iter().position(|t| t.path.as_ref() == Some(path)) {
                Some(t) => t,
                None => {
                    targets.push(Target {
                        id: ns.clone(),
                        path: Some(path.clone()),
                        sections: Vec::new(),
                    });
                    targets.len() - 1
                }
            };
            let k = *parts.entry(t).or_insert_with(|| {
                targets[t].sections.push(routed.len());
                let part = Section {
                    title: section.title.clone(),
                    parent: section.parent.clone(),
                    span: section.span,
                    locale: section.locale.clone(),
                    rows: Vec::new(),
                };
                routed.push((file, part));
                routed.len() - 1
            });
            routed[k].1.rows.push(row.clone());
        }
    }
    Ok((routed, targets))
}
