//! The result, validated in memory as `errcat check` will read it.

use std::path::PathBuf;

use super::{Imported, yaml};
use crate::diag::{Diagnostic, Report};
use crate::load::raw::{RawCatalog, RawNamespace};
use crate::load::{self, display_path};

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
    for o in &out.outputs {
        let shown = match &o.path {
            Some(p) => format!("{} (as imported)", display_path(p).display()),
            None => format!("{} (as imported)", o.namespace),
        };
        let file = out.sources.add(PathBuf::from(shown), o.text.clone());
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
    };
    let mut found = Report::default();
    crate::validate::validate(&loaded, &out.sources, &mut found);
    // The result's warnings are the project's to-do list, shown by `errcat check`;
    // repeating them on every import would bury the import's own findings.
    out.result_warnings = found.warnings();
    out.wrong_script = found
        .diagnostics
        .iter()
        .filter(|d| d.rule == crate::rules::LOCALE_SCRIPT.id)
        .count();
    out.report
        .diagnostics
        .extend(found.diagnostics.into_iter().filter(Diagnostic::is_error));
}
