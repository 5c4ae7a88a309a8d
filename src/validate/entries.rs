//! One namespace file: its header, groups, reserved codes and entries.

use std::collections::BTreeMap;

use super::catalog::{Context, is_id};
use crate::diag::Diagnostic;
use crate::load::raw::{RawEntry, RawNamespace, RawSeverity, RawText, S};
use crate::model::{Deprecation, Entry, Group, Namespace, Reserved, Severity, Source, Text};
use crate::placeholder;
use crate::rules;
use crate::source::{FileId, Span};

fn is_screaming_snake(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.split('_').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

/// How to write a name that is not SCREAMING_SNAKE_CASE: the name converted (Latin
/// letters with diacritics spelled in ASCII), or, when that is no name either (a
/// digit first, another script), what a name is made of.
fn name_help(name: &str) -> String {
    let converted =
        heck::ToShoutySnakeCase::to_shouty_snake_case(crate::naming::latin_to_ascii(name).as_str());
    if is_screaming_snake(&converted) {
        return format!("write it as `{converted}`");
    }
    let first = if name.starts_with(|c: char| c.is_ascii_digit()) {
        "a capital letter A-Z first, not a digit"
    } else {
        "only ASCII: a capital letter A-Z first"
    };
    format!(
        "a name holds {first}, then capital letters A-Z, digits 0-9 and single `_` between words (`ROOM_NOT_FOUND`): every target makes identifiers of it"
    )
}

pub fn is_namespace_id(s: &str) -> bool {
    s.split('.').all(|seg| is_id(seg, '_'))
}

fn severity(s: RawSeverity) -> Severity {
    match s {
        RawSeverity::Error => Severity::Error,
        RawSeverity::Warning => Severity::Warning,
        RawSeverity::Info => Severity::Info,
    }
}

/// An entry's `group:` that its own file does not declare.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct GroupRef {
    pub entry: String,
    pub group: String,
    pub span: Span,
}

/// A namespace file as a namespace, with the group names its entries use that the
/// file does not declare (see [`super::merge`]).
pub fn namespace(
    cx: &mut Context,
    file: FileId,
    raw: &RawNamespace,
) -> Option<(Namespace, Vec<GroupRef>)> {
    let id = raw.namespace.value.clone();
    let span = cx.span(file, &raw.namespace);
    if !is_namespace_id(&id) {
        cx.emit(
            Diagnostic::new(
                &rules::INVALID_ID,
                format!("namespace id `{id}` is not dotted lower-case"),
            )
            .at(span, "namespace id")
            .help("use segments of [a-z][a-z0-9_]* joined by `.`, e.g. `edu.rest`"),
        );
        return None;
    }
    cx.scope = Some((id.clone(), None));
    let title = raw
        .title
        .as_ref()
        .map(|t| cx.text(file, t, "the namespace title"));
    let description = raw
        .description
        .as_ref()
        .map(|t| cx.text(file, t, "the namespace description"));

    let required_locales = match &raw.locales {
        None => cx.required_locales.clone(),
        Some(list) => cx.required_list(file, list, "`locales:`", &format!("namespace {id}")),
    };
    let (default, why) = default_only(cx);
    let required = (default.as_slice(), why.as_str());
    for (what, raw, text) in [
        ("title", &raw.title, &title),
        ("description", &raw.description, &description),
    ] {
        if let (Some(raw), Some(text)) = (raw, text) {
            let subject = format!("the {what} of namespace {id}");
            require_locales(cx, file, raw, text, &subject, required);
        }
    }

    let range = raw.range.as_ref().map(|r| {
        if r.value.min.value > r.value.max.value {
            let s = cx.span(file, r);
            cx.error(
                &rules::INVALID_VALUE,
                s,
                format!(
                    "range min {} is above max {}",
                    r.value.min.value, r.value.max.value
                ),
                "range",
            );
        }
        (r.value.min.value, r.value.max.value)
    });

    let mut groups: Vec<Group> = Vec::new();
    for g in &raw.groups {
        let s = cx.span(file, &g.value.id);
        if !is_id(&g.value.id.value, '_') && !is_id(&g.value.id.value, '-') {
            cx.error(
                &rules::INVALID_ID,
                s,
                format!("group id `{}` is not lower-case", g.value.id.value),
                "group id",
            );
        } else if groups.iter().any(|x| x.id == g.value.id.value) {
            cx.twice(
                file,
                "group",
                &g.value.id,
                raw.groups.iter().map(|g| &g.value.id),
            );
        } else {
            let title = cx.text(file, &g.value.title, "the group title");
            let subject = format!(
                "the title of group `{}` in namespace {id}",
                g.value.id.value
            );
            require_locales(cx, file, &g.value.title, &title, &subject, required);
            groups.push(Group {
                id: g.value.id.value.clone(),
                title,
                span: s,
            });
        }
    }

    let mut reserved: Vec<Reserved> = Vec::new();
    let mut reserved_spans: BTreeMap<i64, Span> = BTreeMap::new();
    for r in &raw.reserved {
        let s = cx.span(file, &r.value.code);
        if let Some(first) = reserved_spans.get(&r.value.code.value) {
            let first = *first;
            cx.emit(
                Diagnostic::new(
                    &rules::DUPLICATE_CODE,
                    format!(
                        "code {} is reserved twice in namespace {id}",
                        r.value.code.value
                    ),
                )
                .at(s, "reserved again here")
                .related(first, "first reserved here"),
            );
            continue;
        }
        reserved_spans.insert(r.value.code.value, s);
        let code = r.value.code.value;
        cx.plain(
            file,
            &r.value.reason,
            &format!("the retirement reason of code {code}"),
            true,
        );
        if let Some(n) = &r.value.name {
            cx.plain(file, n, &format!("the name of retired code {code}"), true);
        }
        reserved.push(Reserved {
            code: r.value.code.value,
            name: r.value.name.as_ref().map(|n| n.value.clone()),
            reason: r.value.reason.value.clone(),
            span: s,
        });
    }
    reserved.sort_by_key(|r| r.code);

    let defaults = raw.defaults.as_ref();
    if let Some(h) = defaults.and_then(|d| d.http.as_ref()) {
        check_http(cx, cx.span(file, h), h.value);
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut raws: Vec<&RawEntry> = Vec::new();
    let mut by_code: BTreeMap<i64, Span> = BTreeMap::new();
    let mut by_name: BTreeMap<String, Span> = BTreeMap::new();
    for e in &raw.entries {
        cx.scope = Some((id.clone(), Some(e.value.code.value)));
        for a in &e.value.acknowledge {
            let span = cx.span(file, &a.value.rule);
            if a.value.reason.value.trim().is_empty() {
                let rspan = cx.span(file, &a.value.reason);
                cx.error(
                    &rules::EMPTY_TEXT,
                    rspan,
                    "an acknowledgement needs a reason".into(),
                    "empty reason",
                );
            }
            cx.acks.push(super::levels::Ack {
                namespace: id.clone(),
                code: e.value.code.value,
                rule: a.value.rule.value.clone(),
                span,
                used: false,
            });
        }
        let Some(entry) = entry(cx, file, &id, &e.value, defaults, &required_locales) else {
            continue;
        };
        let name_span = cx.span(file, &e.value.name);
        let mut ok = true;
        if let Some(first) = by_code.get(&entry.code) {
            cx.emit(
                Diagnostic::new(
                    &rules::DUPLICATE_CODE,
                    format!("code {} is defined twice in namespace {id}", entry.code),
                )
                .at(entry.span, "defined again here")
                .related(*first, "first defined here")
                .help("give one of the entries a new code; retire old codes with `reserved:`"),
            );
            ok = false;
        }
        if let Some(first) = by_name.get(&entry.name) {
            cx.emit(
                Diagnostic::new(
                    &rules::DUPLICATE_NAME,
                    format!("name {} is used twice in namespace {id}", entry.name),
                )
                .at(name_span, "used again here")
                .related(*first, "first used here")
                .help(
                    "names must be unique within a namespace; name the entry after what it means",
                ),
            );
            ok = false;
        }
        if let Some(r) = reserved_spans.get(&entry.code) {
            cx.emit(
                Diagnostic::new(
                    &rules::RESERVED_CODE_REUSED,
                    format!(
                        "code {} is reserved in namespace {id} and cannot be reused",
                        entry.code
                    ),
                )
                .at(entry.span, "reused here")
                .related(*r, "reserved here")
                .help("pick an unused code; reserved codes may still be live in deployed clients"),
            );
        }
        if let Some((min, max)) = range
            && !(min..=max).contains(&entry.code)
        {
            // The end of the range the code is past.
            let (bound, label) = match &raw.range {
                Some(r) if entry.code < min => (cx.span(file, &r.value.min), "min declared here"),
                Some(r) => (cx.span(file, &r.value.max), "max declared here"),
                None => (span, "range declared here"),
            };
            cx.emit(
                Diagnostic::new(
                    &rules::CODE_OUT_OF_RANGE,
                    format!(
                        "code {} is outside the range {min}..={max} of namespace {id}",
                        entry.code
                    ),
                )
                .at(entry.span, "out of range")
                .related(bound, label)
                .help(format!("give it a code in {min}..={max}, or widen `range:` if the namespace has outgrown it; a code of another family belongs in that family's namespace")),
            );
        }
        by_code.entry(entry.code).or_insert(entry.span);
        by_name.entry(entry.name.clone()).or_insert(name_span);
        if ok {
            entries.push(entry);
            raws.push(&e.value);
        }
    }

    cx.scope = Some((id.clone(), None));
    duplicate_messages(cx, &id, &entries);
    // Group and replacement references need the whole namespace. A group another
    // file of a split namespace may declare is checked once the files are merged.
    let mut group_refs = Vec::new();
    for (raw_e, e) in raws.iter().zip(&entries) {
        if let Some(g) = &raw_e.group
            && !groups.iter().any(|x| x.id == g.value)
        {
            group_refs.push(GroupRef {
                entry: e.name.clone(),
                group: g.value.clone(),
                span: cx.span(file, g),
            });
        }
        if let Some(rb) = raw_e
            .deprecated
            .as_ref()
            .and_then(|d| d.value.replaced_by.as_ref())
        {
            let s = cx.span(file, rb);
            match entries.iter().find(|x| x.name == rb.value) {
                None => {
                    let live: Vec<&str> = entries
                        .iter()
                        .filter(|x| x.deprecated.is_none())
                        .map(|x| x.name.as_str())
                        .collect();
                    let mut d = Diagnostic::new(
                        &rules::DEPRECATED_TARGET,
                        format!(
                            "{} is replaced by {}, which namespace {id} does not define",
                            e.name, rb.value
                        ),
                    )
                    .at(s, "no such entry");
                    // `cards.CARD_DECLINED`, `cards/CARD_DECLINED`: another namespace's code.
                    if rb.value.contains(['.', '/', ':']) {
                        d = d.help(
                            "`replaced_by` names a code of the same namespace; name another \
                             namespace's code in the deprecation's `reason` instead",
                        );
                    } else if let Some(near) = crate::load::suggest(&rb.value, &live) {
                        d = d.help(format!("did you mean `{near}`?"));
                    }
                    cx.emit(d);
                }
                Some(t) if t.deprecated.is_some() => cx.emit(
                    Diagnostic::new(
                        &rules::DEPRECATED_TARGET,
                        format!(
                            "{} is replaced by {}, which is itself deprecated",
                            e.name, rb.value
                        ),
                    )
                    .at(s, "deprecated replacement")
                    .related(t.span, "deprecated here"),
                ),
                Some(_) => {}
            }
        }
    }
    entries.sort_by_key(|e| e.code);

    if let Some(s) = &raw.source {
        for (field, value) in [("file", &s.file), ("section", &s.section), ("url", &s.url)] {
            if let Some(v) = value {
                cx.plain(
                    file,
                    v,
                    &format!("the source {field} of namespace {id}"),
                    true,
                );
            }
        }
    }
    let source = raw.source.as_ref().map(|s| Source {
        file: s.file.as_ref().map(|f| f.value.clone()),
        section: s.section.as_ref().map(|f| f.value.clone()),
        url: s.url.as_ref().map(|f| f.value.clone()),
    });
    cx.scope = None;
    Some((
        Namespace {
            id,
            title,
            description,
            required_locales,
            locales_declared: raw.locales.is_some(),
            range,
            range_span: raw.range.as_ref().map(|r| {
                let ends = [cx.span(file, &r.value.min), cx.span(file, &r.value.max)];
                cx.mapping_span(file, r, &ends)
            }),
            source,
            groups,
            reserved,
            entries,
            file: cx.rel_path(file),
            span,
        },
        group_refs,
    ))
}

/// Two codes of one namespace file with the same message in one locale.
fn duplicate_messages(cx: &mut Context, id: &str, entries: &[Entry]) {
    let mut seen: BTreeMap<(&str, &str), &Entry> = BTreeMap::new();
    for e in entries {
        for (locale, text) in &e.message.0 {
            match seen.entry((locale.as_str(), text.as_str())) {
                std::collections::btree_map::Entry::Occupied(first) => {
                    cx.emit(duplicate_message(id, locale, text, first.get(), e));
                }
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(e);
                }
            }
        }
    }
}

/// `e` has the `locale` message `text` that `first` has.
pub(super) fn duplicate_message(
    id: &str,
    locale: &str,
    text: &str,
    first: &Entry,
    e: &Entry,
) -> Diagnostic {
    Diagnostic::new(
        &rules::DUPLICATE_MESSAGE,
        format!(
            "{} and {} of namespace {id} have the same `{locale}` message",
            first.name, e.name
        ),
    )
    .at(e.span, format!("{} ({}): \"{text}\"", e.name, e.code))
    .related(
        first.span,
        format!("{} ({}) has it too", first.name, first.code),
    )
    .about(id, Some(e.code))
    .about(id, Some(first.code))
    .help("say what differs, or acknowledge it on either code with a reason")
}

fn check_http(cx: &mut Context, span: Span, status: i64) -> Option<u16> {
    if (100..=599).contains(&status) {
        u16::try_from(status).ok()
    } else {
        cx.emit(
            Diagnostic::new(
                &rules::HTTP_STATUS,
                format!("HTTP status {status} is outside 100-599"),
            )
            .at(span, "not an HTTP status"),
        );
        None
    }
}

fn entry(
    cx: &mut Context,
    file: FileId,
    ns: &str,
    e: &RawEntry,
    defaults: Option<&crate::load::raw::RawDefaults>,
    required: &[String],
) -> Option<Entry> {
    let span = cx.span(file, &e.code);
    let name_span = cx.span(file, &e.name);
    if !is_screaming_snake(&e.name.value) {
        cx.emit(
            Diagnostic::new(
                &rules::INVALID_NAME,
                format!("name `{}` is not SCREAMING_SNAKE_CASE", e.name.value),
            )
            .at(name_span, "entry name")
            .help(name_help(&e.name.value)),
        );
    }
    let message = cx.text(
        file,
        &e.message,
        &format!("the message of {}", e.name.value),
    );
    let why = format!("namespace {ns} requires locales: {}", required.join(", "));
    let subject = |what: &str| format!("the {what} of {} in namespace {ns}", e.name.value);
    require_locales(
        cx,
        file,
        &e.message,
        &message,
        &subject("message"),
        (required, &why),
    );
    let opt = |cx: &mut Context, t: &Option<S<crate::load::raw::RawText>>, what: &str| {
        t.as_ref()
            .map(|t| cx.text(file, t, &format!("the {what} of {}", e.name.value)))
    };
    let title = opt(cx, &e.title, "title");
    let description = opt(cx, &e.description, "description");
    let cause = opt(cx, &e.cause, "cause");
    let solution = opt(cx, &e.solution, "solution");
    let (default, default_why) = default_only(cx);
    for (what, raw, text, required) in [
        (
            "title",
            &e.title,
            &title,
            (default.as_slice(), default_why.as_str()),
        ),
        (
            "description",
            &e.description,
            &description,
            (required, &why),
        ),
        ("cause", &e.cause, &cause, (required, &why)),
        ("solution", &e.solution, &solution, (required, &why)),
    ] {
        if let (Some(raw), Some(text)) = (raw, text) {
            require_locales(cx, file, raw, text, &subject(what), required);
        }
    }
    // `http: null` is no status, whatever the default; a missing `http:` takes it.
    let http = match &e.http {
        Some(h) => h.value.and_then(|v| check_http(cx, cx.span(file, h), v)),
        None => defaults
            .and_then(|d| d.http.as_ref())
            .and_then(|h| check_http(cx, cx.span(file, h), h.value)),
    };
    // Where the status and the retry flag are written: the entry's own key, else the
    // namespace's default (for a diff to point at).
    let http_span = match &e.http {
        Some(h) => Some(cx.span(file, h)),
        None => defaults
            .and_then(|d| d.http.as_ref())
            .map(|h| cx.span(file, h)),
    };
    let retryable_span = e
        .retryable
        .as_ref()
        .or_else(|| defaults.and_then(|d| d.retryable.as_ref()))
        .map(|r| cx.span(file, r));
    let params: Vec<String> = e.params.iter().map(|p| p.value.clone()).collect();
    placeholders(cx, file, e, &message, &params);
    let code = e.code.value;
    if let Some(d) = &e.deprecated {
        cx.plain(
            file,
            &d.value.reason,
            &format!("the deprecation reason of code {code}"),
            true,
        );
    }
    if let Some(since) = &e.since {
        cx.plain(file, since, &format!("`since` of code {code}"), true);
    }
    for t in &e.tags {
        let what = format!("a tag of code {code}");
        cx.plain(file, t, &what, true);
        if let Some(d) = cx.comma_in_item(&rules::MISREAD_TEXT, cx.span(file, t), &what, &t.value) {
            cx.emit(d);
        }
    }
    let sev = e
        .severity
        .as_ref()
        .or_else(|| defaults.and_then(|d| d.severity.as_ref()))
        .map_or(Severity::Error, |s| severity(s.value));
    Some(Entry {
        code: e.code.value,
        name: e.name.value.clone(),
        title,
        message,
        description,
        cause,
        solution,
        http,
        retryable: e
            .retryable
            .as_ref()
            .or_else(|| defaults.and_then(|d| d.retryable.as_ref()))
            .is_some_and(|r| r.value),
        severity: sev,
        group: e.group.as_ref().map(|g| g.value.clone()),
        since: e.since.as_ref().map(|s| s.value.clone()),
        tags: e.tags.iter().map(|t| t.value.clone()).collect(),
        params,
        param_spans: e.params.iter().map(|p| cx.span(file, p)).collect(),
        deprecated: e.deprecated.as_ref().map(|d| Deprecation {
            reason: d.value.reason.value.clone(),
            replaced_by: d.value.replaced_by.as_ref().map(|r| r.value.clone()),
        }),
        span,
        name_span,
        http_span,
        retryable_span,
    })
}

/// Every locale of a message uses exactly the entry's declared params.
fn placeholders(cx: &mut Context, file: FileId, e: &RawEntry, message: &Text, params: &[String]) {
    for (i, p) in params.iter().enumerate() {
        let ps = cx.span(file, &e.params[i]);
        if !is_id(p, '_') {
            let snake = heck::ToSnakeCase::to_snake_case(p.as_str());
            let mut d = Diagnostic::new(
                &rules::INVALID_ID,
                format!("param `{p}` is not lower_snake_case"),
            )
            .at(ps, "param");
            if is_id(&snake, '_') {
                d = d.help(format!(
                    "write `{snake}` here and `{{{snake}}}` in every message"
                ));
            }
            cx.emit(d);
        } else if params[..i].contains(p) {
            cx.error(
                &rules::PLACEHOLDER_MISMATCH,
                ps,
                format!("param `{p}` is declared twice"),
                "declared again here",
            );
        }
    }
    for (locale, text) in &message.0 {
        let s = cx.text_span(file, &e.message, locale);
        // `{userId}` is text, not a placeholder; it was most likely meant as one.
        for (range, name) in placeholder::camel_case(text) {
            let snake = heck::ToSnakeCase::to_snake_case(name);
            cx.emit(
                Diagnostic::new(&rules::UNDECLARED_PLACEHOLDER, format!("the `{locale}` message of {} contains `{{{name}}}`, which is printed as it stands: placeholders are lower_snake_case", e.name.value))
                    .at(cx.sources.part(s, text, range), "not a placeholder")
                    .help(format!("to fill it in, write `{{{snake}}}` and declare `params: [{snake}]`"))
                    .in_locale(locale),
            );
        }
        let used = placeholder::candidates(text);
        let unused: Vec<&str> = params
            .iter()
            .map(String::as_str)
            .filter(|p| is_id(p, '_') && !used.contains(p))
            .collect();
        // `{用户}`, `{Benutzer}`: the placeholder translated with the text. Where it stands
        // for the one param the text lacks, that param's finding points at it.
        let wide = |p: &str| format!("\u{ff5b}{p}\u{ff5d}");
        let explained = match unused.as_slice() {
            [p] if !text.contains(&wide(p)) && placeholder::broken(text, p).is_none() => {
                placeholder::lookalikes(text).next()
            }
            _ => None,
        };
        for (range, name) in placeholder::lookalikes(text) {
            if explained.as_ref().is_some_and(|(r, _)| *r == range) {
                continue;
            }
            cx.emit(
                Diagnostic::new(&rules::UNDECLARED_PLACEHOLDER, format!("the `{locale}` message of {} contains `{{{name}}}`, which is printed as it stands: a placeholder's name is lower_snake_case ASCII", e.name.value))
                    .at(cx.sources.part(s, text, range), "not a placeholder")
                    .help("a placeholder keeps the name `params:` declares in every locale; if these braces are meant as text, acknowledge the finding")
                    .in_locale(locale),
            );
        }
        for u in used.iter().filter(|u| !params.iter().any(|p| p == *u)) {
            let at = placeholder::first_use(text, u).unwrap_or(0..text.len());
            cx.emit(
                Diagnostic::new(&rules::UNDECLARED_PLACEHOLDER, format!("the `{locale}` message of {} contains `{{{u}}}`, which is not a declared param", e.name.value))
                    .at(cx.sources.part(s, text, at), "not declared")
                    .help({
                        // `{roomid}` beside a declared `room_id` is a slip, not a new param.
                        let declared: Vec<&str> = params.iter().map(String::as_str).collect();
                        match crate::load::suggest(u, &declared) {
                            Some(p) => format!("did you mean `{{{p}}}`, the declared param?"),
                            None => format!("if `{{{u}}}` is a placeholder, add `params: [{u}]`; otherwise it is printed as it stands"),
                        }
                    })
                    .in_locale(locale),
            );
        }
        // A param that is no identifier has its own error above.
        for p in &unused {
            // A CJK or Arabic input method writes full-width braces: the placeholder is
            // there, in braces that are text.
            let wide = wide(p);
            let (at, label, help) = if let Some(i) = text.find(&wide) {
                (
                    cx.sources.part(s, text, i..i + wide.len()),
                    "full-width braces".to_string(),
                    format!(
                        "`{wide}` is in full-width braces, which are text: write `{{{p}}}` with ASCII braces"
                    ),
                )
            } else if let Some((range, what)) = placeholder::broken(text, p) {
                (
                    cx.sources.part(s, text, range),
                    what.to_string(),
                    format!("write `{{{p}}}`"),
                )
            } else if let Some((range, name)) = explained.clone() {
                (
                    cx.sources.part(s, text, range),
                    "translated with the text".to_string(),
                    format!(
                        "write `{{{p}}}` for `{{{name}}}`: a placeholder keeps its name in every locale"
                    ),
                )
            } else {
                (
                    s,
                    format!("the `{locale}` message"),
                    "every locale of a message must use every declared param".to_string(),
                )
            };
            cx.emit(
                Diagnostic::new(
                    &rules::PLACEHOLDER_MISMATCH,
                    format!(
                        "the `{locale}` message of {} does not use the declared param `{{{p}}}`",
                        e.name.value
                    ),
                )
                .at(at, label)
                .help(help)
                .in_locale(locale),
            );
        }
    }
}

/// A text has every locale it requires: `subject` names the text ("the message of
/// ROOM_FULL in namespace app.core"), `why` says why those locales.
pub(super) fn require_locales(
    cx: &mut Context,
    file: FileId,
    raw: &S<RawText>,
    text: &Text,
    subject: &str,
    (required, why): (&[String], &str),
) {
    // An undeclared default locale has its own finding; what a text lacks is unknown.
    if !cx.default_declared() {
        return;
    }
    for l in required {
        if text.get(l).is_none() {
            let s = cx.span(file, raw);
            cx.emit(
                Diagnostic::new(
                    &rules::MISSING_TRANSLATION,
                    format!("{subject} has no `{l}` text"),
                )
                .at(s, format!("no `{l}` here"))
                .help(why)
                .in_locale(l),
            );
        }
    }
}

/// Why a title or another text of the docs needs the default locale's text: the one
/// every locale without a text of its own shows instead.
pub(super) fn default_only(cx: &Context) -> (Vec<String>, String) {
    let d = &cx.default_locale;
    (
        vec![d.clone()],
        format!(
            "`{d}` is the catalog's default locale: every locale without a text of its own shows the `{d}` text"
        ),
    )
}
