//! Changes inside one namespace present on both sides, and namespaces removed: codes
//! removed, retired, added, moved between namespaces, and the namespace's own fields.

use super::locales::Locales;
use std::collections::HashMap;

use super::entry::entry;
use super::{Change, Index, Kind, quoting};
use crate::model::{Entry, Namespace};

pub(super) fn codes(n: &Namespace) -> String {
    crate::console::count(n.entries.len(), "code")
}

/// A namespace on one side of the comparison, with its entries by name (unique in a
/// namespace), so that looking a name up does not search the namespace.
pub(super) struct Side<'a> {
    pub ns: &'a Namespace,
    pub names: HashMap<&'a str, &'a Entry>,
}

impl<'a> Side<'a> {
    fn new(ns: &'a Namespace) -> Side<'a> {
        let names = ns.entries.iter().map(|e| (e.name.as_str(), e)).collect();
        Side { ns, names }
    }
}

pub(super) fn entry_label(e: &Entry) -> String {
    format!("code {} `{}`", e.code, e.name)
}

/// An entry with this code and name that another namespace of `new` gained.
fn moved_to<'a>(
    e: &Entry,
    from: &str,
    old: &Index,
    new: &Index<'a>,
) -> Option<(&'a Namespace, &'a Entry)> {
    new.defining(e.code)
        .iter()
        .filter(|n| n.id != from)
        .find_map(|&n| {
            let found = n.entry(e.code).filter(|x| x.name == e.name)?;
            let had = old
                .namespace(&n.id)
                .is_some_and(|o| o.entry(e.code).is_some());
            (!had).then_some((n, found))
        })
}

/// Whether `x`, new in namespace `into`, came from another namespace: the code that
/// [`moved_to`] reports as moved to `into` from a namespace that no longer has it.
fn moved_in(x: &Entry, into: &str, old: &Index, new: &Index) -> bool {
    old.defining(x.code)
        .iter()
        .filter(|o| o.id != into)
        .any(|o| {
            let Some(e) = o.entry(x.code).filter(|e| e.name == x.name) else {
                return false;
            };
            // Still there, or retired there: not a move.
            let left = new
                .namespace(&o.id)
                .is_none_or(|n| n.entry(e.code).is_none() && n.reserved(e.code).is_none());
            left && moved_to(e, &o.id, old, new).is_some_and(|(m, _)| m.id == into)
        })
}

pub(super) fn removed(
    o: &Namespace,
    old: &Index,
    new: &Index,
    gone: &Locales,
    out: &mut Vec<Change>,
) {
    out.push(Change {
        kind: Kind::NamespaceRemoved,
        namespace: o.id.clone(),
        code: None,
        message: format!("namespace {} was removed ({})", o.id, codes(o)),
        markdown: None,
        old: Some(o.span),
        // The `namespaces:` list now gives GitHub a file of the checkout to annotate.
        new: Some(new.catalog.spans.namespaces),
    });
    for e in &o.entries {
        if let Some((n, x)) = moved_to(e, &o.id, old, new) {
            out.extend(moved(e, o, n, x, gone));
        }
    }
}

/// A code retired to `reserved:` with `reason`: its generated name is gone. One deprecated
/// in the base was announced, so the message says the break is the one it warned of.
fn retired(e: &Entry, reason: &str) -> (String, Option<String>) {
    let warned = if e.deprecated.is_some() {
        "; it was deprecated, which warned its users: the major version bump is due now"
    } else {
        ""
    };
    quoting(|q| {
        format!(
            "{} was retired to `reserved` ({}): generated code no longer names it{warned}",
            entry_label(e),
            q(reason)
        )
    })
}

/// A code's move, and what else changed with it: a move into a namespace of other
/// `defaults:` changes its HTTP status as surely as an edit does.
fn moved(e: &Entry, from: &Namespace, to: &Namespace, x: &Entry, gone: &Locales) -> Vec<Change> {
    let mut out = vec![Change {
        kind: Kind::CodeMovedNamespace,
        namespace: from.id.clone(),
        code: Some(e.code),
        message: format!(
            "{} moved from namespace {} to {}",
            entry_label(e),
            from.id,
            to.id
        ),
        markdown: None,
        old: Some(e.span),
        new: Some(x.span),
    }];
    out.extend(entry(e, x, &Side::new(from), &Side::new(to), gone));
    out
}

pub(super) fn namespace(
    o: &Namespace,
    n: &Namespace,
    old: &Index,
    new: &Index,
    gone: &Locales,
    out: &mut Vec<Change>,
) {
    let ns = &o.id;
    let change = |kind, code, message: (String, Option<String>), was, now| Change {
        kind,
        namespace: ns.clone(),
        code,
        message: message.0,
        markdown: message.1,
        old: was,
        new: now,
    };
    let sides = (Side::new(o), Side::new(n));
    out.extend(super::header::changes(o, n, gone));
    out.extend(super::groups::changes(o, n, gone));
    for e in &o.entries {
        match (n.entry(e.code), n.reserved(e.code)) {
            (Some(x), _) => out.extend(entry(e, x, &sides.0, &sides.1, gone)),
            (None, Some(r)) => out.push(change(
                Kind::CodeRetired,
                Some(e.code),
                retired(e, &r.reason),
                Some(e.span),
                Some(n.span),
            )),
            (None, None) => {
                let elsewhere = moved_to(e, ns, old, new);
                out.extend(match elsewhere {
                    Some((m, x)) => moved(e, o, m, x, gone),
                    None => vec![change(
                        Kind::CodeRemoved,
                        Some(e.code),
                        (
                            format!("{} was removed from namespace {ns}", entry_label(e)),
                            None,
                        ),
                        Some(e.span),
                        Some(n.span),
                    )],
                });
            }
        }
    }
    for x in &n.entries {
        if let Some(e) = sides
            .0
            .names
            .get(x.name.as_str())
            .filter(|e| e.code != x.code)
        {
            out.push(change(
                Kind::NameMoved,
                Some(x.code),
                (
                    format!(
                        "name `{}` moved from code {} to code {}",
                        x.name, e.code, x.code
                    ),
                    None,
                ),
                Some(e.name_span),
                Some(x.name_span),
            ));
        }
        if o.entry(x.code).is_some() {
            continue;
        }
        let (kind, message) = match o.reserved(x.code) {
            Some(r) => (
                Kind::ReservedReused,
                quoting(|q| {
                    format!(
                        "code {} was reserved ({}) and is now reused by `{}`",
                        x.code,
                        q(&r.reason),
                        x.name
                    )
                }),
            ),
            // A move is reported once, where the code left.
            None if moved_in(x, ns, old, new) => continue,
            None => (
                Kind::CodeAdded,
                (format!("{} was added", entry_label(x)), None),
            ),
        };
        out.push(change(kind, Some(x.code), message, None, Some(x.span)));
    }
    for r in &o.reserved {
        if n.reserved(r.code).is_none() && n.entry(r.code).is_none() {
            out.push(change(
                Kind::ReservedRemoved,
                Some(r.code),
                quoting(|q| {
                    format!(
                        "reserved code {} was removed from `reserved` ({})",
                        r.code,
                        q(&r.reason)
                    )
                }),
                Some(o.span),
                Some(n.span),
            ));
        }
    }
}
