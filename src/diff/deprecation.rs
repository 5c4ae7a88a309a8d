//! A code's deprecation: added, dropped, or its reason or replacement changed.

use super::namespace::{Side, entry_label};
use super::{Change, Kind, prose, quoting};
use crate::model::{Deprecation, Entry};

/// Changes to the deprecation of a code present on both sides: `e` in `o`, `x` in `n`.
/// A code deprecated or un-deprecated is one change, whatever its reason and replacement.
pub(super) fn changes(e: &Entry, x: &Entry, o: &Side, n: &Side) -> Vec<Change> {
    let change = |kind, (message, markdown): (String, Option<String>)| Change {
        kind,
        namespace: n.ns.id.clone(),
        code: Some(x.code),
        message,
        markdown,
        old: Some(e.span),
        new: Some(x.span),
    };
    // Most codes: nothing to compare, and no label to format.
    if e.deprecated.is_none() && x.deprecated.is_none() {
        return Vec::new();
    }
    let label = entry_label(x);
    let (a, b) = match (&e.deprecated, &x.deprecated) {
        (None, None) => return Vec::new(),
        (Some(_), None) => {
            let message = format!("{label} is no longer deprecated");
            return vec![change(Kind::CodeUndeprecated, (message, None))];
        }
        (None, Some(d)) => {
            // Before the reason, which may end in its own punctuation.
            let by = d
                .replaced_by
                .as_ref()
                .map(|r| format!(", replaced by `{r}`"))
                .unwrap_or_default();
            // The reason is free text: the changelog gets it escaped.
            let message = quoting(|q| format!("{label} was deprecated{by} ({})", q(&d.reason)));
            return vec![change(Kind::CodeDeprecated, message)];
        }
        (Some(a), Some(b)) => (a, b),
    };
    let mut out = Vec::new();
    // Shown on one line, so a reason rewrapped is the same reason.
    if prose::one_line(&a.reason) != prose::one_line(&b.reason) {
        let message = quoting(|q| {
            format!(
                "the deprecation reason of {label} changed from \"{}\" to \"{}\"",
                q(&a.reason),
                q(&b.reason)
            )
        });
        out.push(change(Kind::DeprecationReasonChanged, message));
    }
    let (was, now) = (replacement(a, o), replacement(b, n));
    // By code: a replacement renamed along with its code is the same one (the rename is
    // reported on its own); a name that moved to another code is not.
    if was.map(|r| r.code) != now.map(|r| r.code) {
        let names_alike = was.map(|r| &r.name) == now.map(|r| &r.name);
        let show = |r: Option<&Entry>| match r {
            None => "none".to_string(),
            Some(r) if names_alike => format!("`{}` (code {})", r.name, r.code),
            Some(r) => format!("`{}`", r.name),
        };
        let message = format!(
            "the replacement of {label} changed from {} to {}",
            show(was),
            show(now)
        );
        out.push(change(Kind::ReplacementChanged, (message, None)));
    }
    out
}

/// The entry a deprecation names as the replacement (validation keeps it in the namespace).
fn replacement<'a>(d: &Deprecation, side: &Side<'a>) -> Option<&'a Entry> {
    side.names.get(d.replaced_by.as_deref()?).copied()
}
