//! The catalog's targets as consumers of their generated code meet them: a target added
//! or removed, and its options (a package name among them). How a target renders (its
//! template set, profile, files, output directory) is not compared: that is the
//! templates' business, and the generated code's own diff shows it.

use super::catalog::change;
use super::{Change, Kind, quoting};
use crate::model::{Catalog, DeclaredTarget};

/// Changes to the targets, matched by id.
pub(super) fn changes(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    for a in &old.declared_targets {
        let Some(b) = new.declared_targets.iter().find(|b| b.id == a.id) else {
            let message = format!(
                "target {} was removed: errcat no longer generates its code",
                a.id
            );
            // The `targets:` list now gives GitHub a file of the checkout to annotate.
            out.push(change(
                Kind::TargetRemoved,
                (message, None),
                Some(a.span),
                Some(new.spans.targets),
            ));
            continue;
        };
        for (kind, message) in options(a, b) {
            out.push(change(kind, message, Some(a.span), Some(b.span)));
        }
    }
    for b in &new.declared_targets {
        if !old.declared_targets.iter().any(|a| a.id == b.id) {
            let message = format!("target {} was added", b.id);
            out.push(change(
                Kind::TargetAdded,
                (message, None),
                None,
                Some(b.span),
            ));
        }
    }
    out
}

/// The options of one target that differ, each a change: a name (a package, module or
/// crate name, by its `option_kinds:`) renames what consumers import. When a side's
/// target.yaml could not be read, its defaults are unknown: only the options the catalog
/// sets on either side are compared.
fn options(a: &DeclaredTarget, b: &DeclaredTarget) -> Vec<(Kind, (String, Option<String>))> {
    let known = a.defaults_known && b.defaults_known;
    let names = a.options.keys().chain(b.options.keys());
    let names = names.filter(|n| known || a.set.contains(*n) || b.set.contains(*n));
    let mut names: Vec<&String> = names.collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let (was, now) = (a.options.get(name), b.options.get(name));
        if was == now {
            continue;
        }
        let target = &b.id;
        let kind = match a.names.contains(name) || b.names.contains(name) {
            true => Kind::PackageRenamed,
            false => Kind::TargetOptionChanged,
        };
        let message = match (shown(was), shown(now)) {
            // A list or a map (the docs' interface texts) is too long for one line.
            (Some(was), Some(now)) => quoting(|q| {
                let what = match kind {
                    Kind::PackageRenamed => ", the name its code is imported by,",
                    _ => "",
                };
                format!(
                    "option `{name}` of target {target}{what} changed from {} to {}",
                    q(&was),
                    q(&now)
                )
            }),
            _ => (format!("option `{name}` of target {target} changed"), None),
        };
        out.push((kind, message));
    }
    out
}

/// An option's value as a message shows it: a scalar as written, `none` when unset, and
/// `None` for a list or a map.
fn shown(value: Option<&serde_json::Value>) -> Option<String> {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => Some("none".to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        Some(v @ (Value::Bool(_) | Value::Number(_))) => Some(v.to_string()),
        Some(Value::Array(_) | Value::Object(_)) => None,
    }
}
