//! A namespace split across files: the parts must agree, and each code is defined once.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::catalog::Context;
use super::entries::{GroupRef, duplicate_message};
use crate::diag::Diagnostic;
use crate::model::Namespace;
use crate::rules;

/// What the files merged so far hold, by key: each later file is checked against
/// them in time that grows with its own size, not with the files before it.
struct Seen {
    /// Code → index in the merged entries.
    codes: HashMap<i64, usize>,
    names: HashMap<String, usize>,
    /// Reserved code → index in the merged reserved codes.
    reserved: HashMap<i64, usize>,
    /// Locale → message → index of the first merged entry with it.
    messages: HashMap<String, HashMap<String, usize>>,
}

impl Seen {
    fn of(ns: &Namespace) -> Seen {
        let mut seen = Seen {
            codes: HashMap::with_capacity(ns.entries.len()),
            names: HashMap::with_capacity(ns.entries.len()),
            reserved: HashMap::with_capacity(ns.reserved.len()),
            messages: HashMap::new(),
        };
        for (i, e) in ns.entries.iter().enumerate() {
            seen.record(i, e);
        }
        for (i, r) in ns.reserved.iter().enumerate() {
            seen.reserved.entry(r.code).or_insert(i);
        }
        seen
    }

    /// Records `e`, merged at index `i`.
    fn record(&mut self, i: usize, e: &crate::model::Entry) {
        self.codes.entry(e.code).or_insert(i);
        if !self.names.contains_key(e.name.as_str()) {
            self.names.insert(e.name.clone(), i);
        }
        for (locale, text) in &e.message.0 {
            let texts = self.messages.entry(locale.clone()).or_default();
            if !texts.contains_key(text.as_str()) {
                texts.insert(text.clone(), i);
            }
        }
    }
}

/// Merges parts of one namespace (in file order) into the first. Each file was checked
/// on its own; what spans files is checked here: a code one file retires and another
/// defines or retires again, a message two files share, a group one file declares for
/// another's entries.
pub fn merge(cx: &mut Context, parts: Vec<(Namespace, Vec<GroupRef>)>) -> Option<Namespace> {
    let mut parts = parts.into_iter();
    let (mut base, mut group_refs) = parts.next()?;
    // Built only for a namespace that has a second file.
    let mut seen: Option<Seen> = None;
    // Entries of files that declare no range, checked against a range another file
    // declares (each file checked its own entries against its own range).
    let mut unranged: Vec<(i64, crate::source::Span)> = Vec::new();
    let mut range_at = base.range.map(|_| base.span);
    for (part, refs) in parts {
        if seen.is_none() && base.range.is_none() {
            unranged.extend(base.entries.iter().map(|e| (e.code, e.span)));
        }
        if part.range.is_none() {
            unranged.extend(part.entries.iter().map(|e| (e.code, e.span)));
        } else if range_at.is_none() {
            range_at = Some(part.span);
        }
        let seen = seen.get_or_insert_with(|| Seen::of(&base));
        group_refs.extend(refs);
        across_files(cx, &base, seen, &part);
        let differs = |what: &str| {
            format!(
                "namespace {} is split across files that disagree on `{what}`",
                base.id
            )
        };
        // Each field the files disagree on, and for a text, where.
        let mut conflicts: Vec<(&str, Option<String>)> = Vec::new();
        for (what, a, b) in [
            ("title", &base.title, &part.title),
            ("description", &base.description, &part.description),
        ] {
            if let (Some(a), Some(b)) = (a, b)
                && a != b
            {
                conflicts.push((what, Some(text_difference(a, b))));
            }
        }
        if base.required_locales != part.required_locales {
            // A file without `locales:` requires the catalog's: say so, as that is the surprise.
            let list = |ns: &Namespace| {
                let list = format!("[{}]", ns.required_locales.join(", "));
                if ns.locales_declared {
                    list
                } else {
                    format!("{list} (the catalog's required locales: no `locales:`)")
                }
            };
            conflicts.push((
                "locales",
                Some(format!(
                    "{} here, {} in the first part",
                    list(&part),
                    list(&base)
                )),
            ));
        }
        if let (Some((a, b)), Some((c, d))) = (base.range, part.range)
            && (a, b) != (c, d)
        {
            let at = |ns: &Namespace| ns.range_span.unwrap_or(ns.span);
            cx.emit(
                Diagnostic::new(
                    &rules::CONFLICTING_DEFINITION,
                    format!(
                        "{}: {c}..={d} here, {a}..={b} in the first part",
                        differs("range")
                    ),
                )
                .at(at(&part), "this range")
                .related(at(&base), "the first part's")
                .help("write `range:` in one file of the namespace only, or the same in each")
                .about(&base.id, None),
            );
        }
        for (what, detail) in conflicts {
            let message = match detail {
                Some(d) => format!("{}: {d}", differs(what)),
                None => differs(what),
            };
            cx.emit(
                Diagnostic::new(&rules::CONFLICTING_DEFINITION, message)
                    .at(part.span, "this part")
                    .related(base.span, "first part")
                    .about(&base.id, None),
            );
        }
        base.title = base.title.take().or(part.title);
        base.description = base.description.take().or(part.description);
        base.range = base.range.or(part.range);
        base.range_span = base.range_span.or(part.range_span);
        base.source = base.source.take().or(part.source);
        base.locales_declared |= part.locales_declared;
        for g in part.groups {
            match base.groups.iter().find(|x| x.id == g.id) {
                Some(x) if x.title != g.title => cx.emit(
                    Diagnostic::new(
                        &rules::CONFLICTING_DEFINITION,
                        format!(
                            "group `{}` of namespace {} has different titles in two files",
                            g.id, base.id
                        ),
                    )
                    .at(part.span, "this part")
                    .related(base.span, "first part")
                    .about(&base.id, None),
                ),
                Some(_) => {}
                None => base.groups.push(g),
            }
        }
        for r in part.reserved {
            if let Entry::Vacant(v) = seen.reserved.entry(r.code) {
                v.insert(base.reserved.len());
                base.reserved.push(r);
            }
        }
        for e in part.entries {
            if let Some(first) = seen.codes.get(&e.code).map(|&i| &base.entries[i]) {
                cx.emit(
                    Diagnostic::new(
                        &rules::CONFLICTING_DEFINITION,
                        format!(
                            "code {} of namespace {} is defined in two files",
                            e.code, base.id
                        ),
                    )
                    .at(e.span, "defined again here")
                    .related(first.span, "first defined here")
                    .about(&base.id, Some(e.code)),
                );
            } else if let Some(first) = seen.names.get(&e.name).map(|&i| &base.entries[i]) {
                cx.emit(
                    Diagnostic::new(
                        &rules::DUPLICATE_NAME,
                        format!("name {} is used twice in namespace {}", e.name, base.id),
                    )
                    .at(e.name_span, "used again here")
                    .related(first.name_span, "first used here")
                    .about(&base.id, Some(e.code)),
                );
            } else {
                seen.record(base.entries.len(), &e);
                base.entries.push(e);
            }
        }
    }
    base.entries.sort_by_key(|e| e.code);
    base.reserved.sort_by_key(|r| r.code);
    unknown_groups(cx, &base, &group_refs);
    if let (Some((min, max)), Some(at)) = (base.range, range_at) {
        for &(code, span) in unranged.iter().filter(|(c, _)| !(min..=max).contains(c)) {
            cx.emit(
                Diagnostic::new(
                    &rules::CODE_OUT_OF_RANGE,
                    format!(
                        "code {code} is outside the range {min}..={max} of namespace {}, \
                         which another of its files declares",
                        base.id
                    ),
                )
                .at(span, "out of range")
                .related(at, "the file that declares the range")
                .about(&base.id, Some(code)),
            );
        }
    }
    reserved_names(cx, &base);
    Some(base)
}

/// Entries that take the name of a code the namespace retired.
fn reserved_names(cx: &mut Context, ns: &Namespace) {
    let retired: HashMap<&str, &crate::model::Reserved> = ns
        .reserved
        .iter()
        .filter_map(|r| Some((r.name.as_deref()?, r)))
        .collect();
    if retired.is_empty() {
        return;
    }
    for e in &ns.entries {
        let Some(r) = retired.get(e.name.as_str()) else {
            continue;
        };
        cx.emit(
            Diagnostic::new(
                &rules::RESERVED_NAME_REUSED,
                format!(
                    "name {} is the name of retired code {} in namespace {}",
                    e.name, r.code, ns.id
                ),
            )
            .at(e.name_span, "reused here")
            .related(r.span, "retired here")
            .about(&ns.id, Some(e.code))
            .help("pick another name; code built against the old catalog knows this name as the retired code"),
        );
    }
}

/// What `part` (a later file of the namespace) and `base` (the files before it,
/// indexed by `seen`) do to each other.
fn across_files(cx: &mut Context, base: &Namespace, seen: &Seen, part: &Namespace) {
    let id = &base.id;
    for e in &part.entries {
        if let Some(&r) = seen.reserved.get(&e.code) {
            reused(cx, id, e.code, e.span, base.reserved[r].span);
        }
    }
    for r in &part.reserved {
        if let Some(&first) = seen.reserved.get(&r.code) {
            cx.emit(
                Diagnostic::new(
                    &rules::DUPLICATE_CODE,
                    format!("code {} is reserved twice in namespace {id}", r.code),
                )
                .at(r.span, "reserved again here")
                .related(base.reserved[first].span, "first reserved here")
                .about(id, Some(r.code)),
            );
        } else if let Some(&e) = seen.codes.get(&r.code) {
            reused(cx, id, r.code, base.entries[e].span, r.span);
        }
    }
    // Within `part`, its own check found them. A code defined again (a copied file)
    // is a conflicting definition already; its message repeating is no news.
    for e in part
        .entries
        .iter()
        .filter(|e| !seen.codes.contains_key(&e.code))
    {
        for (locale, text) in &e.message.0 {
            let first = seen
                .messages
                .get(locale.as_str())
                .and_then(|t| t.get(text.as_str()));
            if let Some(&first) = first {
                cx.emit(duplicate_message(id, locale, text, &base.entries[first], e));
            }
        }
    }
}

fn reused(
    cx: &mut Context,
    id: &str,
    code: i64,
    at: crate::source::Span,
    reserved: crate::source::Span,
) {
    cx.emit(
        Diagnostic::new(
            &rules::RESERVED_CODE_REUSED,
            format!("code {code} is reserved in namespace {id} and cannot be reused"),
        )
        .at(at, "reused here")
        .related(reserved, "reserved here")
        .about(id, Some(code))
        .help("pick an unused code; reserved codes may still be live in deployed clients"),
    );
}

/// Each entry's group, among the groups of every file of its namespace.
fn unknown_groups(cx: &mut Context, ns: &Namespace, refs: &[GroupRef]) {
    let known: Vec<&str> = ns.groups.iter().map(|g| g.id.as_str()).collect();
    for r in refs.iter().filter(|r| !known.contains(&r.group.as_str())) {
        cx.emit(
            Diagnostic::new(
                &rules::UNKNOWN_GROUP,
                format!(
                    "entry {} names group `{}`, which namespace {} does not declare",
                    r.entry, r.group, ns.id
                ),
            )
            .at(r.span, "unknown group")
            .about(&ns.id, None)
            .help(if known.is_empty() {
                "declare it under `groups:`".to_string()
            } else {
                format!("declared groups: {}", known.join(", "))
            }),
        );
    }
}

/// Where two texts differ, locale by locale: `zh-CN: "录制" here, "录制错误码" in the
/// first part`.
fn text_difference(first: &crate::model::Text, here: &crate::model::Text) -> String {
    let mut locales: Vec<&str> = first.0.iter().map(|(l, _)| l.as_str()).collect();
    locales.extend(here.0.iter().map(|(l, _)| l.as_str()));
    let mut seen = std::collections::HashSet::new();
    locales.retain(|l| seen.insert(*l));
    let shown = |t: Option<&str>| t.map_or("none".to_string(), |t| format!("{t:?}"));
    locales
        .into_iter()
        .filter(|l| first.get(l) != here.get(l))
        .map(|l| {
            format!(
                "{l}: {} here, {} in the first part",
                shown(here.get(l)),
                shown(first.get(l))
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
