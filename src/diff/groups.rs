//! A namespace's groups, which arrange its codes in the docs: added, removed, retitled.

use super::locales::Locales;
use super::texts::edit_list;
use super::{Change, Kind};
use crate::model::Namespace;

/// Changes to the groups of a namespace present on both sides. Titles in the `gone`
/// locales are left to the locale's own change; an entry moved between groups is
/// reported with the entry.
pub(super) fn changes(o: &Namespace, n: &Namespace, gone: &Locales) -> Vec<Change> {
    let ns = &n.id;
    let change = |kind, (message, markdown): (String, Option<String>), old, new| Change {
        kind,
        namespace: ns.clone(),
        code: None,
        message,
        markdown,
        old,
        new,
    };
    let mut out = Vec::new();
    for g in &o.groups {
        let Some(h) = n.groups.iter().find(|h| h.id == g.id) else {
            let message = format!("group `{}` was removed from namespace {ns}", g.id);
            out.push(change(
                Kind::GroupRemoved,
                (message, None),
                Some(g.span),
                None,
            ));
            continue;
        };
        let title = [("title", Some(&g.title), Some(&h.title))];
        if let Some((edits, md)) = edit_list(title, gone) {
            let said =
                |edits: &str| format!("group `{}` of namespace {ns}: text changed: {edits}", g.id);
            out.push(change(
                Kind::GroupTitleChanged,
                (said(&edits), md.as_deref().map(said)),
                Some(g.span),
                Some(h.span),
            ));
        }
    }
    for h in n
        .groups
        .iter()
        .filter(|h| !o.groups.iter().any(|g| g.id == h.id))
    {
        let message = format!("group `{}` was added to namespace {ns}", h.id);
        out.push(change(
            Kind::GroupAdded,
            (message, None),
            None,
            Some(h.span),
        ));
    }
    out
}
