//! The result, validated in memory as `errcat check` will read it.

use std::path::{Path, PathBuf};

use super::relocate::{Files, Places, relocate};
use super::{Imported, Output, yaml};
use crate::diag::{Diagnostic, Report};
use crate::load::raw::{RawCatalog, RawNamespace};
use crate::load::{self, display_path};
use crate::rules;
use crate::source::{FileId, Span};

/// Validates the outputs inside the project `catalog` belongs to, as `errcat check`
/// will read it once they are written: in place of the files they replace, beside
/// the namespace's other files and every other namespace, with the targets' integer
/// widths and limits. Only findings that point into an output are the import's; the
/// project's others are `check`'s business. `false` (nothing checked) when the project
/// does not load, or an output goes to standard output or outside its root.
pub(super) fn validate_in_project(catalog: &Path, out: &mut Imported) -> bool {
    if out.outputs.iter().any(|o| o.path.is_none()) {
        return false;
    }
    let mut project = Report::default();
    let Some(mut inputs) = load::read_inputs(catalog, &mut out.sources, &mut project, true) else {
        return false;
    };
    // An output outside the project's root is a file of its own, not the project's.
    let root = load::identity(&inputs.root);
    let outside = |path: &Path| {
        let existing = path
            .ancestors()
            .find(|a| a.exists())
            .unwrap_or(Path::new("."));
        !load::identity(existing).starts_with(&root)
    };
    if project.has_errors() || out.outputs.iter().flat_map(|o| &o.path).any(|p| outside(p)) {
        return false;
    }
    let mut ours = Vec::new();
    // Outputs under the catalog's directory that no pattern of `namespaces:` matches.
    let mut unlisted: Vec<PathBuf> = Vec::new();
    for o in &out.outputs {
        let file = out.sources.add(shown(o), o.text.clone());
        ours.push(file);
        let Some(path) = &o.path else { continue };
        let identity = load::identity(path);
        let replaced = inputs
            .namespace_files
            .iter_mut()
            .find(|id| load::identity(out.sources.path(**id)) == identity);
        match replaced {
            Some(slot) => *slot = file,
            None => {
                inputs.namespace_files.push(file);
                // A file under the catalog's directory is meant as one of its
                // namespaces; one elsewhere may be a file of its own.
                let dir = load::lexical(catalog.parent().unwrap_or(Path::new("")));
                if load::lexical(path).starts_with(&dir)
                    && !listed(catalog, &inputs.catalog.namespaces, path)
                {
                    unlisted.push(path.clone());
                }
            }
        }
    }
    // Where the patterns are, for a new file none matches.
    let catalog_file = inputs.catalog_file;
    let at = inputs.catalog.namespaces.first().map_or(
        Span {
            file: catalog_file,
            line: 1,
            column: 1,
            start: 0,
            end: 0,
        },
        |p| out.sources.span(catalog_file, &p.referenced),
    );
    let loaded = inputs.parse(&out.sources, &mut project);
    let mut found = Report::default();
    found.extend(project);
    crate::validate::validate(&loaded, &out.sources, &mut found);
    found.diagnostics.retain(|d| {
        d.primary
            .iter()
            .chain(&d.related)
            .any(|l| ours.contains(&l.span.file))
    });
    record(found, &ours, out);
    for path in unlisted {
        out.report.push(
            Diagnostic::new(
                &rules::IMPORT_UNLISTED,
                format!(
                    "no pattern of the catalog's `namespaces:` matches {}: `errcat check` and `gen` will not read it",
                    display_path(&path).display()
                ),
            )
            .at(at, "the patterns")
            .help("add its path, or a pattern that matches it, to `namespaces:`; or import into a file a pattern matches"),
        );
    }
    true
}

/// Whether `path` is a file the catalog's namespace patterns name (relative to the
/// catalog's directory, as the loader expands them, `*` within one directory).
fn listed(catalog: &Path, patterns: &[crate::load::raw::S<String>], path: &Path) -> bool {
    let file = load::lexical(path);
    let dir = load::lexical(catalog.parent().unwrap_or(Path::new("")));
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    // The directory's names are literal, the pattern's are not (validation refuses `..`
    // in a pattern, and a project with errors is not checked here).
    let base = glob::Pattern::escape(&dir.to_string_lossy());
    patterns.iter().any(|p| {
        let pattern = format!("{base}{}{}", std::path::MAIN_SEPARATOR, p.value);
        glob::Pattern::new(&pattern).is_ok_and(|pat| pat.matches_path_with(&file, options))
    })
}

/// How an output is named in findings: it is not on disk yet.
fn shown(o: &Output) -> PathBuf {
    PathBuf::from(match &o.path {
        Some(p) => format!("{} (as imported)", display_path(p).display()),
        None => format!("{} (as imported)", o.namespace),
    })
}

/// Loads and validates the outputs as `errcat check` would read them, in a catalog
/// that declares `locales` (default first) and nothing else: other namespaces,
/// surfaces and targets are the project's business, checked when it runs `check`.
pub(super) fn validate(locales: &[String], out: &mut Imported) {
    let text = format!(
        "catalog: errcat-import\nformat: 1\nlocales: {}\ndefault_locale: {}\nnamespaces: []\n",
        yaml::flow_list(locales),
        yaml::scalar(&locales[0])
    );
    let catalog_file = out
        .sources
        .add(PathBuf::from("(catalog for the import)"), text);
    let Some(catalog) = load::parse::<RawCatalog>(&out.sources, catalog_file, &mut out.report)
    else {
        return;
    };
    let mut namespaces = Vec::new();
    let mut ours = Vec::new();
    for o in &out.outputs {
        let file = out.sources.add(shown(o), o.text.clone());
        ours.push(file);
        if let Some(raw) = load::parse::<RawNamespace>(&out.sources, file, &mut out.report) {
            namespaces.push((file, raw));
        }
    }
    let loaded = load::Loaded {
        catalog_file,
        catalog,
        root: PathBuf::from("."),
        namespaces,
        targets: Vec::new(),
        unlisted: Vec::new(),
    };
    let mut found = Report::default();
    crate::validate::validate(&loaded, &out.sources, &mut found);
    record(found, &ours, out);
}

/// Keeps the errors of `found`, and the warnings about imported values (each moved to
/// the value it is about); counts the other warnings; `ours` are the outputs' files,
/// in the order of `out.outputs`.
fn record(found: Report, ours: &[FileId], out: &mut Imported) {
    let places: Vec<Places> = ours
        .iter()
        .zip(&out.outputs)
        .map(|(&f, o)| Places::of(f, &out.sources.get(f).text, o))
        .collect();
    let mut still_missing = 0;
    let files = Files {
        places: &places,
        inputs: &out.inputs,
        sources: &out.sources,
    };
    let found: Vec<Diagnostic> = found
        .diagnostics
        .into_iter()
        .filter(|d| {
            let Some(at) = d.primary.as_ref().map(|l| l.span) else {
                return true;
            };
            let Some((o, p)) = out
                .outputs
                .iter()
                .zip(&places)
                .find(|(_, p)| p.file == at.file)
            else {
                return true;
            };
            // A file the import leaves as it is has the project's findings, which
            // `errcat check` reports; so has an entry the file had, of a text it lacks.
            let todo = d.is_error()
                && d.rule == rules::MISSING_TRANSLATION.id
                && p.code_at(at).is_some_and(|c| !o.new_codes.contains(&c));
            still_missing += usize::from(todo && !o.unchanged);
            !(o.unchanged || todo)
        })
        .map(|d| relocate(d, &files))
        .collect();
    // The result's other warnings are the project's to-do list, shown by `errcat
    // check`: repeating them on every import would bury the import's own findings.
    let imported = |d: &Diagnostic| {
        d.primary
            .as_ref()
            .is_some_and(|l| out.inputs.contains(&l.span.file))
    };
    let (shown, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
        found.into_iter().partition(|d| d.is_error() || imported(d));
    out.result_warnings = rest.len();
    out.still_missing = still_missing;
    out.report.diagnostics.extend(shown);
}
