//! A namespace's own fields, above its entries: range, title and description, source,
//! required locales.

use super::locales::Locales;
use super::texts::edit_list;
use super::{Change, Kind, quoting};
use crate::model::{Namespace, Source};

/// Changes to the fields of a namespace present on both sides, `o` before and `n` after.
/// What the catalog's `gone` locales take with them is left to their own change.
pub(super) fn changes(o: &Namespace, n: &Namespace, gone: &Locales) -> Vec<Change> {
    let ns = &n.id;
    let change = |kind, (message, markdown): (String, Option<String>)| Change {
        kind,
        namespace: ns.clone(),
        code: None,
        message,
        markdown,
        old: Some(o.span),
        new: Some(n.span),
    };
    let mut out = Vec::new();
    if o.range != n.range {
        let show = |r: Option<(i64, i64)>| {
            r.map_or_else(|| "none".to_string(), |(a, b)| format!("{a}..={b}"))
        };
        // Validation keeps every code of `n` inside its range, so no code a client can
        // receive falls out of it: only where future codes go has changed.
        let message = format!(
            "the range of namespace {ns} changed from {} to {}",
            show(o.range),
            show(n.range)
        );
        out.push(change(Kind::RangeChanged, (message, None)));
    }
    let texts = [
        ("title", o.title.as_ref(), n.title.as_ref()),
        (
            "description",
            o.description.as_ref(),
            n.description.as_ref(),
        ),
    ];
    if let Some((edits, md)) = edit_list(texts, gone) {
        let message = format!("namespace {ns}: text changed: {edits}");
        let markdown = md.map(|md| format!("namespace {ns}: text changed: {md}"));
        out.push(change(Kind::NamespaceTextChanged, (message, markdown)));
    }
    if let Some(message) = source(o.source.as_ref(), n.source.as_ref(), ns) {
        out.push(change(Kind::NamespaceSourceChanged, message));
    }
    if let Some(message) = required_locales(o, n, gone) {
        out.push(change(Kind::RequiredLocalesChanged, (message, None)));
    }
    out
}

/// `source:` field by field: "file: none → seeds/rooms.md". The values are free text.
fn source(a: Option<&Source>, b: Option<&Source>, ns: &str) -> Option<(String, Option<String>)> {
    let fields = |s: Option<&Source>| {
        s.map(|s| [s.file.clone(), s.section.clone(), s.url.clone()])
            .unwrap_or_default()
    };
    let edits: Vec<(&str, Option<String>, Option<String>)> = ["file", "section", "url"]
        .into_iter()
        .zip(fields(a))
        .zip(fields(b))
        .map(|((name, was), now)| (name, was, now))
        .filter(|(_, was, now)| was != now)
        .collect();
    if edits.is_empty() {
        return None;
    }
    Some(quoting(|q| {
        let show = |v: &Option<String>| v.as_deref().map_or_else(|| "none".to_string(), q);
        let list: Vec<String> = edits
            .iter()
            .map(|(name, was, now)| format!("{name}: {} → {}", show(was), show(now)))
            .collect();
        format!("the source of namespace {ns} changed ({})", list.join("; "))
    }))
}

/// The locales every message of the namespace must have, compared as sets. A namespace
/// without `locales:` on both sides requires the catalog's, whose own change says it; a
/// locale the catalog dropped is left to its change.
fn required_locales(o: &Namespace, n: &Namespace, gone: &Locales) -> Option<String> {
    if !o.locales_declared && !n.locales_declared {
        return None;
    }
    let added = n
        .required_locales
        .iter()
        .filter(|l| !o.required_locales.iter().any(|r| r == gone.was(l)))
        .map(|l| format!("{l} added"));
    let removed = o
        .required_locales
        .iter()
        .filter(|l| !n.required_locales.iter().any(|r| r == gone.now(l)) && !gone.is_dropped(l))
        .map(|l| format!("{l} removed"));
    let edits: Vec<String> = added.chain(removed).collect();
    (!edits.is_empty()).then(|| {
        format!(
            "namespace {}: required locales changed: {}",
            n.id,
            edits.join(", ")
        )
    })
}
