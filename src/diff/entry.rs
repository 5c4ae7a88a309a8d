//! Changes to one code present on both sides.

use super::locales::Locales;
use super::namespace::{Side, entry_label};
use super::texts::{Edit, shown, text_edits};
use super::{Change, Kind, prose};
use crate::model::{Entry, Text};
use crate::source::Span;

/// Changes to one code present on both sides: `e` in namespace `o`, `x` in `n`. Texts in
/// the `gone` locales are left to the locale's own change.
pub(super) fn entry(e: &Entry, x: &Entry, o: &Side, n: &Side, gone: &Locales) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |kind, message: String, old: Span, new: Span| {
        out.push(Change {
            kind,
            namespace: n.ns.id.clone(),
            code: Some(x.code),
            message,
            markdown: None,
            old: Some(old),
            new: Some(new),
        });
    };
    let code = x.code;
    if e.name != x.name {
        push(
            Kind::NameChanged,
            format!("code {code} was renamed from `{}` to `{}`", e.name, x.name),
            e.name_span,
            x.name_span,
        );
    }
    if e.http != x.http {
        let show = |h: Option<u16>| h.map_or_else(|| "none".to_string(), |h| h.to_string());
        push(
            Kind::HttpChanged,
            format!(
                "the HTTP status of {} changed from {} to {}",
                entry_label(x),
                show(e.http),
                show(x.http)
            ),
            e.http_span.unwrap_or(e.span),
            x.http_span.unwrap_or(x.span),
        );
    }
    if e.retryable != x.retryable {
        push(
            Kind::RetryableChanged,
            format!(
                "{} changed from {} to {}",
                entry_label(x),
                if e.retryable {
                    "retryable"
                } else {
                    "not retryable"
                },
                if x.retryable {
                    "retryable"
                } else {
                    "not retryable"
                }
            ),
            e.retryable_span.unwrap_or(e.span),
            x.retryable_span.unwrap_or(x.span),
        );
    }
    // Generated formatters take the params in `params:` order, as positional arguments.
    let order = || {
        format!(
            "params [{}] → [{}]",
            e.params.join(", "),
            x.params.join(", ")
        )
    };
    for p in e.params.iter().filter(|p| !x.params.contains(p)) {
        push(
            Kind::ParamRemoved,
            format!(
                "placeholder `{{{p}}}` of {} was removed or renamed ({})",
                entry_label(x),
                order()
            ),
            e.span,
            x.span,
        );
    }
    // One in the place of a removed one is a rename, which `param-removed` reports.
    let renamed = |i: usize| e.params.get(i).is_some_and(|o| !x.params.contains(o));
    let added = x.params.iter().enumerate();
    for (_, p) in added.filter(|(i, p)| !e.params.contains(p) && !renamed(*i)) {
        // A message without params had no formatter to call: what breaks is the text.
        let breaks = if e.params.is_empty() {
            format!(
                "the message now needs a value, and code that shows it as it was shows a \
                 raw `{{{p}}}`"
            )
        } else {
            "every caller of its formatter must now pass it".to_string()
        };
        push(
            Kind::ParamAdded,
            format!(
                "placeholder `{{{p}}}` was added to {} ({}): {breaks}",
                entry_label(x),
                order()
            ),
            e.span,
            x.span,
        );
    }
    let kept = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|p| b.contains(p)).cloned().collect()
    };
    if kept(&e.params, &x.params) != kept(&x.params, &e.params) {
        push(
            Kind::ParamOrderChanged,
            format!(
                "the placeholders of {} changed order ({}): existing callers of its \
                 formatter still compile and pass them swapped",
                entry_label(x),
                order()
            ),
            e.span,
            x.span,
        );
    }
    let texts: [(&str, Option<&Text>, Option<&Text>); 5] = [
        ("message", Some(&e.message), Some(&x.message)),
        ("title", e.title.as_ref(), x.title.as_ref()),
        (
            "description",
            e.description.as_ref(),
            x.description.as_ref(),
        ),
        ("cause", e.cause.as_ref(), x.cause.as_ref()),
        ("solution", e.solution.as_ref(), x.solution.as_ref()),
    ];
    let mut added: Vec<&str> = Vec::new();
    let mut changed = Vec::new();
    for t in text_edits(texts, gone) {
        // A message in a new locale is a translation; any other new text is an edit.
        match t.edit {
            Edit::Added if t.field == "message" => added.push(t.locale),
            _ => changed.push(t),
        }
    }
    // The texts are the user's: the changelog gets them escaped (set below, once
    // `push` is done with `out`).
    let text_changed = (!changed.is_empty()).then(|| {
        super::quoting(|q| {
            let edits: Vec<String> = changed.iter().map(|t| t.shown(q)).collect();
            format!("{}: text changed: {}", entry_label(x), edits.join(", "))
        })
    });
    if !added.is_empty() {
        push(
            Kind::TranslationAdded,
            format!(
                "{} gained a message in {}",
                entry_label(x),
                added.join(", ")
            ),
            e.span,
            x.span,
        );
    }
    if let Some((message, _)) = &text_changed {
        push(Kind::TextChanged, message.clone(), e.span, x.span);
    }
    // Fields shown as they are: "the group of code … changed from a to b".
    let fields = [
        (
            Kind::SeverityChanged,
            "severity",
            e.severity != x.severity,
            e.severity.as_str().to_string(),
            x.severity.as_str().to_string(),
        ),
        (
            Kind::GroupChanged,
            "group",
            e.group != x.group,
            shown(e.group.as_deref()),
            shown(x.group.as_deref()),
        ),
        (
            Kind::SinceChanged,
            "`since`",
            e.since != x.since,
            shown(e.since.as_deref()),
            shown(x.since.as_deref()),
        ),
    ];
    for (kind, field, _, was, now) in fields.into_iter().filter(|f| f.2) {
        let message = format!(
            "the {field} of {} changed from {was} to {now}",
            entry_label(x)
        );
        push(kind, message, e.span, x.span);
    }
    if e.tags != x.tags {
        let list = |t: &[String]| t.iter().map(|t| prose::one_line(t)).collect::<Vec<_>>();
        push(
            Kind::TagsChanged,
            format!(
                "the tags of {} changed: [{}] → [{}]",
                entry_label(x),
                list(&e.tags).join(", "),
                list(&x.tags).join(", ")
            ),
            e.span,
            x.span,
        );
    }
    if let Some((_, markdown)) = text_changed
        && let Some(c) = out.iter_mut().find(|c| c.kind == Kind::TextChanged)
    {
        c.markdown = markdown;
    }
    out.extend(super::deprecation::changes(e, x, o, n));
    out
}
