//! Validation: the raw, positioned catalog becomes the model, and every problem
//! becomes a diagnostic. All findings are collected; none stops the others.

mod catalog;
mod cross;
mod entries;
mod levels;
mod merge;
mod profile;

use std::collections::BTreeMap;

pub use catalog::is_bidi_or_invisible;

use crate::diag::Report;
use crate::load::Loaded;
use crate::model::{Catalog, Namespace};
use crate::source::Sources;

/// Validates everything loaded. Returns the model when there is no error.
pub fn validate(loaded: &Loaded, sources: &Sources, report: &mut Report) -> Option<Catalog> {
    let mut cx = catalog::Context::new(loaded, sources, report);
    let targets = cx.targets(loaded);
    let global = loaded
        .catalog
        .lints
        .as_ref()
        .map(|l| levels::read(&mut cx, loaded.catalog_file, l))
        .unwrap_or_default();
    let mut lint_levels = levels::Levels::new(global);

    for (file, raw) in &loaded.namespaces {
        if let Some(lints) = &raw.lints {
            let read = levels::read(&mut cx, *file, lints);
            lint_levels.set_namespace(&raw.namespace.value, read);
        }
    }
    // Each file's entries are checked on their own, the files side by side: a
    // context per file, whose findings and acknowledgements join the catalog's.
    let (locales, default_locale) = (cx.locales.clone(), cx.default_locale.clone());
    let checked = crate::par::map(crate::par::threads(), &loaded.namespaces, |(file, raw)| {
        let mut report = Report::default();
        let mut file_cx = catalog::Context {
            sources,
            report: &mut report,
            loaded,
            locales: locales.clone(),
            default_locale: default_locale.clone(),
            scope: None,
            acks: Vec::new(),
        };
        let ns = entries::namespace(&mut file_cx, *file, raw);
        let acks = file_cx.acks;
        (ns, report, acks)
    });
    // Parts of one namespace may live in several files; they are merged in file order.
    let mut parts: BTreeMap<String, Vec<Namespace>> = BTreeMap::new();
    for (ns, report, acks) in checked {
        cx.report.extend(report);
        cx.acks.extend(acks);
        if let Some(ns) = ns {
            parts.entry(ns.id.clone()).or_default().push(ns);
        }
    }
    let namespaces: Vec<Namespace> = parts
        .into_values()
        .map(|p| merge::merge(&mut cx, p))
        .collect();

    let surfaces = cx.surfaces(&namespaces);
    cross::codes_across_namespaces(&mut cx, &namespaces, &surfaces);
    cross::range_overlap(&mut cx, &namespaces, &surfaces);
    cross::name_collisions(&mut cx, &namespaces, &targets);
    cross::integer_width(&mut cx, &namespaces, &targets);
    let mut acks = std::mem::take(&mut cx.acks);
    let catalog = cx.finish(namespaces, targets, surfaces);
    levels::apply(&lint_levels, &mut acks, report);
    (!report.has_errors()).then_some(catalog)
}
