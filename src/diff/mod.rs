//! Comparing two versions of a catalog: every change, classified as breaking (a deployed
//! client would misread a code) or compatible. Pure: two models in, a list of changes out.
//! [`report`] turns the changes into diagnostics; [`git`] reads a catalog from a revision.

pub mod changelog;
pub mod git;
mod prose;
pub mod report;

use crate::model::{Catalog, Entry, Namespace, Text};
use crate::source::Span;

/// What changed. The ids (`Kind::id`) are stable: they start every message and name the
/// fixtures in `tests/fixtures/diff/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    CodeRemoved,
    NameChanged,
    NameMoved,
    CodeMovedNamespace,
    HttpChanged,
    RetryableChanged,
    ReservedRemoved,
    ReservedReused,
    NamespaceRemoved,
    ParamRemoved,
    ParamAdded,
    ParamOrderChanged,
    LocaleRemoved,
    CodeAdded,
    TextChanged,
    TranslationAdded,
    CodeDeprecated,
    CodeRetired,
    NamespaceAdded,
    // Added later; compatible, so they sort after `CodeAdded` like the rest.
    CodeUndeprecated,
    SeverityChanged,
    GroupChanged,
    TagsChanged,
    SinceChanged,
    RangeChanged,
    NamespaceTextChanged,
}

impl Kind {
    pub const ALL: &[Kind] = &[
        Kind::CodeRemoved,
        Kind::NameChanged,
        Kind::NameMoved,
        Kind::CodeMovedNamespace,
        Kind::HttpChanged,
        Kind::RetryableChanged,
        Kind::ReservedRemoved,
        Kind::ReservedReused,
        Kind::NamespaceRemoved,
        Kind::ParamRemoved,
        Kind::ParamAdded,
        Kind::ParamOrderChanged,
        Kind::LocaleRemoved,
        Kind::CodeAdded,
        Kind::TextChanged,
        Kind::TranslationAdded,
        Kind::CodeDeprecated,
        Kind::CodeRetired,
        Kind::NamespaceAdded,
        Kind::CodeUndeprecated,
        Kind::SeverityChanged,
        Kind::GroupChanged,
        Kind::TagsChanged,
        Kind::SinceChanged,
        Kind::RangeChanged,
        Kind::NamespaceTextChanged,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::CodeRemoved => "code-removed",
            Kind::NameChanged => "name-changed",
            Kind::NameMoved => "name-moved",
            Kind::CodeMovedNamespace => "code-moved-namespace",
            Kind::HttpChanged => "http-changed",
            Kind::RetryableChanged => "retryable-changed",
            Kind::ReservedRemoved => "reserved-removed",
            Kind::ReservedReused => "reserved-reused",
            Kind::NamespaceRemoved => "namespace-removed",
            Kind::ParamRemoved => "param-removed",
            Kind::ParamAdded => "param-added",
            Kind::ParamOrderChanged => "param-order-changed",
            Kind::LocaleRemoved => "locale-removed",
            Kind::CodeAdded => "code-added",
            Kind::TextChanged => "text-changed",
            Kind::TranslationAdded => "translation-added",
            Kind::CodeDeprecated => "code-deprecated",
            Kind::CodeRetired => "code-retired",
            Kind::NamespaceAdded => "namespace-added",
            Kind::CodeUndeprecated => "code-undeprecated",
            Kind::SeverityChanged => "severity-changed",
            Kind::GroupChanged => "group-changed",
            Kind::TagsChanged => "tags-changed",
            Kind::SinceChanged => "since-changed",
            Kind::RangeChanged => "range-changed",
            Kind::NamespaceTextChanged => "namespace-text-changed",
        }
    }

    /// Whether a client built against the old catalog can misread the new one.
    pub fn breaking(self) -> bool {
        self < Kind::CodeAdded
    }
}

/// One change between the old and the new catalog.
#[derive(Clone, Debug)]
pub struct Change {
    pub kind: Kind,
    /// Empty for a change to the catalog file itself (a locale removed).
    pub namespace: String,
    pub code: Option<i64>,
    pub message: String,
    /// The message for the Markdown changelog, when it quotes free text (a reason);
    /// otherwise `message` is fit for it as it stands.
    pub markdown: Option<String>,
    /// Where it was on the old side (for removals, the primary place).
    pub old: Option<Span>,
    /// Where it is on the new side.
    pub new: Option<Span>,
}

impl Change {
    pub fn breaking(&self) -> bool {
        self.kind.breaking()
    }
}

/// A message quoting `reason`, a user's free text: on one line, and escaped for Markdown.
fn quoting(reason: &str, message: impl Fn(&str) -> String) -> (String, Option<String>) {
    let plain = message(&prose::one_line(reason));
    (plain, Some(message(&prose::markdown(reason))))
}

/// Every change from `old` to `new`: the catalog's own first, then in namespace and code order.
pub fn compare(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    let gone: Vec<&str> = old
        .locales
        .iter()
        .filter(|l| !new.locales.contains(l))
        .map(String::as_str)
        .collect();
    for locale in &gone {
        out.push(locale_removed(locale, old, new));
    }
    for o in &old.namespaces {
        match new.namespaces.iter().find(|n| n.id == o.id) {
            Some(n) => namespace(o, n, old, new, &gone, &mut out),
            None => removed_namespace(o, old, new, &mut out),
        }
    }
    for n in &new.namespaces {
        if !old.namespaces.iter().any(|o| o.id == n.id) {
            out.push(Change {
                kind: Kind::NamespaceAdded,
                namespace: n.id.clone(),
                code: None,
                message: format!("namespace {} was added ({})", n.id, codes(n)),
                markdown: None,
                old: None,
                new: Some(n.span),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.namespace, a.code, a.kind, &a.message).cmp(&(&b.namespace, b.code, b.kind, &b.message))
    });
    out
}

/// Generated code has one constant per catalog locale: removing one breaks every client
/// that names it. The texts in it go with it; they are counted here, not listed per code.
fn locale_removed(locale: &str, old: &Catalog, new: &Catalog) -> Change {
    let texts = old
        .namespaces
        .iter()
        .flat_map(|n| &n.entries)
        .filter(|e| {
            [&e.title, &e.description, &e.cause, &e.solution]
                .into_iter()
                .flatten()
                .chain([&e.message])
                .any(|t| t.get(locale).is_some())
        })
        .count();
    Change {
        kind: Kind::LocaleRemoved,
        namespace: String::new(),
        code: None,
        message: format!(
            "locale {locale} was removed from the catalog's `locales:` (generated code no longer \
             has it; {} had texts in it)",
            crate::console::count(texts, "code")
        ),
        markdown: None,
        old: Some(old.locales_span),
        new: Some(new.locales_span),
    }
}

fn codes(n: &Namespace) -> String {
    crate::console::count(n.entries.len(), "code")
}

fn entry_label(e: &Entry) -> String {
    format!("code {} `{}`", e.code, e.name)
}

/// An entry with this code and name that another namespace of `new` gained.
fn moved_to<'a>(
    e: &Entry,
    from: &str,
    old: &Catalog,
    new: &'a Catalog,
) -> Option<(&'a Namespace, &'a Entry)> {
    new.namespaces
        .iter()
        .filter(|n| n.id != from)
        .find_map(|n| {
            let found = n
                .entries
                .iter()
                .find(|x| x.code == e.code && x.name == e.name)?;
            let had = old
                .namespaces
                .iter()
                .find(|o| o.id == n.id)
                .is_some_and(|o| o.entries.iter().any(|x| x.code == e.code));
            (!had).then_some((n, found))
        })
}

/// Whether `x`, new in namespace `into`, came from another namespace: the code that
/// [`moved_to`] reports as moved to `into` from a namespace that no longer has it.
fn moved_in(x: &Entry, into: &str, old: &Catalog, new: &Catalog) -> bool {
    old.namespaces.iter().filter(|o| o.id != into).any(|o| {
        let Some(e) = o
            .entries
            .iter()
            .find(|e| e.code == x.code && e.name == x.name)
        else {
            return false;
        };
        // Still there, or retired there: not a move.
        let left = new
            .namespaces
            .iter()
            .find(|n| n.id == o.id)
            .is_none_or(|n| {
                !n.entries.iter().any(|k| k.code == e.code)
                    && !n.reserved.iter().any(|r| r.code == e.code)
            });
        left && moved_to(e, &o.id, old, new).is_some_and(|(m, _)| m.id == into)
    })
}

fn removed_namespace(o: &Namespace, old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    out.push(Change {
        kind: Kind::NamespaceRemoved,
        namespace: o.id.clone(),
        code: None,
        message: format!("namespace {} was removed ({})", o.id, codes(o)),
        markdown: None,
        old: Some(o.span),
        new: None,
    });
    for e in &o.entries {
        if let Some((n, x)) = moved_to(e, &o.id, old, new) {
            out.push(moved(e, o, n, x));
        }
    }
}

fn moved(e: &Entry, from: &Namespace, to: &Namespace, x: &Entry) -> Change {
    Change {
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
    }
}

fn namespace(
    o: &Namespace,
    n: &Namespace,
    old: &Catalog,
    new: &Catalog,
    gone: &[&str],
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
    if o.range != n.range {
        let show = |r: Option<(i64, i64)>| {
            r.map_or_else(|| "none".to_string(), |(a, b)| format!("{a}..={b}"))
        };
        // Validation keeps every code of `n` inside its range, so no code a client can
        // receive falls out of it: only where future codes go has changed.
        out.push(change(
            Kind::RangeChanged,
            None,
            (
                format!(
                    "the range of namespace {ns} changed from {} to {}",
                    show(o.range),
                    show(n.range)
                ),
                None,
            ),
            Some(o.span),
            Some(n.span),
        ));
    }
    let texts = [
        ("title", o.title.as_ref(), n.title.as_ref()),
        (
            "description",
            o.description.as_ref(),
            n.description.as_ref(),
        ),
    ];
    let edits: Vec<String> = text_edits(texts, gone)
        .iter()
        .map(|t| t.to_string())
        .collect();
    if !edits.is_empty() {
        out.push(change(
            Kind::NamespaceTextChanged,
            None,
            (
                format!("namespace {ns}: text changed: {}", edits.join(", ")),
                None,
            ),
            Some(o.span),
            Some(n.span),
        ));
    }
    for e in &o.entries {
        match n.entries.iter().find(|x| x.code == e.code) {
            Some(x) => out.extend(entry(e, x, ns, gone)),
            None if n.reserved.iter().any(|r| r.code == e.code) => out.push(change(
                Kind::CodeRetired,
                Some(e.code),
                (
                    format!("{} was retired to `reserved`", entry_label(e)),
                    None,
                ),
                Some(e.span),
                Some(n.span),
            )),
            None => {
                let elsewhere = moved_to(e, ns, old, new);
                out.push(match elsewhere {
                    Some((m, x)) => moved(e, o, m, x),
                    None => change(
                        Kind::CodeRemoved,
                        Some(e.code),
                        (
                            format!("{} was removed from namespace {ns}", entry_label(e)),
                            None,
                        ),
                        Some(e.span),
                        None,
                    ),
                });
            }
        }
    }
    for x in &n.entries {
        if let Some(e) = o
            .entries
            .iter()
            .find(|e| e.name == x.name && e.code != x.code)
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
        if o.entries.iter().any(|e| e.code == x.code) {
            continue;
        }
        let (kind, message) = match o.reserved.iter().find(|r| r.code == x.code) {
            Some(r) => (
                Kind::ReservedReused,
                quoting(&r.reason, |reason| {
                    format!(
                        "code {} was reserved ({reason}) and is now reused by `{}`",
                        x.code, x.name
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
        let kept = n.reserved.iter().any(|k| k.code == r.code);
        if !kept && !n.entries.iter().any(|x| x.code == r.code) {
            out.push(change(
                Kind::ReservedRemoved,
                Some(r.code),
                quoting(&r.reason, |reason| {
                    format!(
                        "reserved code {} was removed from `reserved` ({reason})",
                        r.code
                    )
                }),
                Some(o.span),
                Some(n.span),
            ));
        }
    }
}

/// An optional value in a message: user text on one line, or `none`.
fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_string(), prose::one_line)
}

enum Edit {
    Added,
    Changed,
    Removed,
}

/// One localized text added, changed or removed: `title (fr) added`.
struct TextEdit<'a> {
    field: &'a str,
    locale: &'a str,
    edit: Edit,
}

impl std::fmt::Display for TextEdit<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.edit {
            Edit::Added => " added",
            Edit::Changed => "",
            Edit::Removed => " removed",
        };
        write!(f, "{} ({}){what}", self.field, self.locale)
    }
}

/// The texts that differ, field by field (old, new), each locale in the new side's order and
/// then the ones dropped. Texts in the `gone` locales are left to the locale's own change.
fn text_edits<'a>(
    fields: impl IntoIterator<Item = (&'a str, Option<&'a Text>, Option<&'a Text>)>,
    gone: &[&str],
) -> Vec<TextEdit<'a>> {
    const EMPTY: &Text = &Text(Vec::new());
    let mut out = Vec::new();
    for (field, a, b) in fields {
        let (a, b) = (a.unwrap_or(EMPTY), b.unwrap_or(EMPTY));
        for (locale, text) in &b.0 {
            let edit = match a.get(locale) {
                None => Edit::Added,
                Some(t) if t != text => Edit::Changed,
                Some(_) => continue,
            };
            out.push(TextEdit {
                field,
                locale,
                edit,
            });
        }
        for (locale, _) in &a.0 {
            if b.get(locale).is_none() && !gone.contains(&locale.as_str()) {
                out.push(TextEdit {
                    field,
                    locale,
                    edit: Edit::Removed,
                });
            }
        }
    }
    out
}

/// Changes to one code present on both sides. Texts in the `gone` locales are left to
/// the locale's own change.
fn entry(e: &Entry, x: &Entry, ns: &str, gone: &[&str]) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |kind, message: String, old: Span, new: Span| {
        out.push(Change {
            kind,
            namespace: ns.to_string(),
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
            e.span,
            x.span,
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
            e.span,
            x.span,
        );
    }
    // Generated formatters take the params in `params:` order, as positional arguments.
    let order = format!(
        "params [{}] → [{}]",
        e.params.join(", "),
        x.params.join(", ")
    );
    for p in e.params.iter().filter(|p| !x.params.contains(p)) {
        push(
            Kind::ParamRemoved,
            format!(
                "placeholder `{{{p}}}` of {} was removed or renamed ({order})",
                entry_label(x)
            ),
            e.span,
            x.span,
        );
    }
    // One in the place of a removed one is a rename, which `param-removed` reports.
    let renamed = |i: usize| e.params.get(i).is_some_and(|o| !x.params.contains(o));
    let added = x.params.iter().enumerate();
    for (_, p) in added.filter(|(i, p)| !e.params.contains(p) && !renamed(*i)) {
        push(
            Kind::ParamAdded,
            format!(
                "placeholder `{{{p}}}` was added to {} ({order}): every caller of its \
                 formatter must now pass it",
                entry_label(x)
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
                "the placeholders of {} changed order ({order}): existing callers of its \
                 formatter still compile and pass them swapped",
                entry_label(x)
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
    let mut changed: Vec<String> = Vec::new();
    for t in text_edits(texts, gone) {
        // A message in a new locale is a translation; any other new text is an edit.
        match t.edit {
            Edit::Added if t.field == "message" => added.push(t.locale),
            _ => changed.push(t.to_string()),
        }
    }
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
    if !changed.is_empty() {
        push(
            Kind::TextChanged,
            format!("{}: text changed: {}", entry_label(x), changed.join(", ")),
            e.span,
            x.span,
        );
    }
    if e.deprecated.is_some() && x.deprecated.is_none() {
        push(
            Kind::CodeUndeprecated,
            format!("{} is no longer deprecated", entry_label(x)),
            e.span,
            x.span,
        );
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
    // Last: it amends the change it pushes, which `push` keeps borrowed until then.
    if e.deprecated.is_none()
        && let Some(d) = &x.deprecated
    {
        let by = d
            .replaced_by
            .as_ref()
            .map(|r| format!(", replaced by {r}"))
            .unwrap_or_default();
        let (message, markdown) = quoting(&d.reason, |reason| {
            format!("{} was deprecated ({reason}{by})", entry_label(x))
        });
        push(Kind::CodeDeprecated, message, e.span, x.span);
        // The reason is free text: the changelog gets it escaped.
        if let Some(last) = out.last_mut() {
            last.markdown = markdown;
        }
    }
    out
}

/// The major version bump that acknowledges breaking changes, e.g. `1.4.0 → 2.0.0`
/// (for 0.x versions a minor bump counts, as in semver).
pub fn major_bump(old: &Catalog, new: &Catalog) -> Option<String> {
    let parse = |v: &str| -> Option<(u64, u64)> {
        let mut it = v.split(['.', '-', '+']);
        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
    };
    let (ov, nv) = (old.version.as_deref()?, new.version.as_deref()?);
    let (o, n) = (parse(ov)?, parse(nv)?);
    let bumped = n.0 > o.0 || (o.0 == 0 && n.0 == 0 && n.1 > o.1);
    bumped.then(|| format!("{ov} → {nv}"))
}
