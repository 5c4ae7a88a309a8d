//! Validation: the raw, positioned catalog becomes the model, and every problem
//! becomes a diagnostic. All findings are collected; none stops the others.

mod catalog;
mod cross;
mod entries;

use crate::diag::Report;
use crate::load::Loaded;
use crate::model::Catalog;
use crate::source::Sources;

/// Validates everything loaded. Returns the model when there is no error.
pub fn validate(loaded: &Loaded, sources: &Sources, report: &mut Report) -> Option<Catalog> {
    let before = report.errors();
    let mut cx = catalog::Context::new(loaded, sources, report);
    let targets = cx.targets(loaded);
    let mut namespaces = Vec::new();
    for (file, raw) in &loaded.namespaces {
        if let Some(ns) = entries::namespace(&mut cx, *file, raw) {
            namespaces.push(ns);
        }
    }
    namespaces.sort_by(|a, b| a.id.cmp(&b.id));
    cross::duplicate_namespaces(&mut cx, &namespaces);
    cross::code_overlap(&mut cx, &namespaces);
    cross::integer_width(&mut cx, &namespaces, &targets);
    let catalog = cx.finish(namespaces, targets);
    (report.errors() == before).then_some(catalog).flatten()
}
