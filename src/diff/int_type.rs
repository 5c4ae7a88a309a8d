//! A namespace's integer type: each target types its codes by the narrowest of its
//! profile's integers that holds them all (`i32`, then `i64`), so a code that needs a wider
//! one, or the last such code gone, changes the type that generated code hands out.

use super::namespace::entry_label;
use super::{Change, Kind};
use crate::model::{Catalog, Namespace};
use crate::naming::int_type;

/// The change of namespace `o`'s integer type to `n`'s in every target both catalogs
/// declare, by the new side's profiles (a profile's own change is the templates'
/// business, which the comparison leaves out); `None` when no target's type changed.
pub(super) fn changes(
    o: &Namespace,
    n: &Namespace,
    old: &Catalog,
    new: &Catalog,
) -> Option<Change> {
    let was = || o.entries.iter().map(|e| e.code);
    let now = || n.entries.iter().map(|e| e.code);
    let mut changed: Vec<String> = Vec::new();
    // A code that does not fit the old type of the first target that changed, if any.
    let mut needs = None;
    for t in &new.declared_targets {
        if !old.declared_targets.iter().any(|d| d.id == t.id) {
            continue;
        }
        let types = &t.int_types;
        let (Some(a), Some(b)) = (int_type(types, was()), int_type(types, now())) else {
            continue;
        };
        if a == b {
            continue;
        }
        if needs.is_none() {
            let range = types.iter().find(|(name, _, _)| name == a);
            needs = Some(range.and_then(|(_, min, max)| {
                let wide = n.entries.iter().find(|e| !(*min..=*max).contains(&e.code));
                wide.map(|e| (e, a.to_string()))
            }));
        }
        changed.push(format!("{} {a} → {b}", t.id));
    }
    let needs = needs?;
    let why = match &needs {
        Some((e, a)) => format!("{} does not fit {a}", entry_label(e)),
        None => "no code needs the wider type any more".to_string(),
    };
    let message = format!(
        "the integer type of namespace {}'s codes changed ({}): {why}; generated code \
         hands codes out in the new type",
        n.id,
        changed.join(", ")
    );
    Some(Change {
        kind: Kind::IntTypeChanged,
        namespace: n.id.clone(),
        code: None,
        message,
        markdown: None,
        old: Some(o.span),
        new: Some(needs.map_or(n.span, |(e, _)| e.span)),
    })
}
