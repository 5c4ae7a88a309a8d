//! Fields no view has. Tera fails the render of `{{ e.nmae }}`, at the name, but a
//! test of one is false without a word: `{% if e.htpp %}` never holds. Where errcat
//! knows a variable's view type (the context's own variables, and the variable of a
//! loop over a list of views) it warns of an attribute that no field of that type has.
//!
//! A name the templates bind some other way (`set`, a component's parameter, a loop
//! over anything else, a list comprehension) is of unknown type, and so is everything
//! after an index (`x[0]`) or reached through a map (`catalog.options`): no warning.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::nesting::{code_tags, span};
use crate::diag::{Diagnostic, Severity};
use crate::model::Target;
use crate::rules;

/// What errcat knows of a value's type.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ty {
    /// A view struct, by its name in the schema: `EntryView`.
    View(String),
    List(Box<Ty>),
    Unknown,
}

/// The view types' fields, from their JSON Schema (as docs/template-context.md).
struct Views {
    defs: Map<String, Value>,
}

fn views() -> &'static Views {
    static VIEWS: OnceLock<Views> = OnceLock::new();
    VIEWS.get_or_init(|| Views {
        defs: crate::context_doc::definitions(),
    })
}

impl Views {
    /// The fields of view `name`; `None` when they are not all known (a map).
    fn fields(&self, name: &str) -> Option<&Map<String, Value>> {
        let def = self.defs.get(name)?;
        if def.get("additionalProperties").is_some_and(|a| a != false) {
            return None;
        }
        def.get("properties")?.as_object()
    }

    /// The type a property's schema describes.
    fn ty(schema: &Value) -> Ty {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            return r
                .strip_prefix("#/$defs/")
                .map_or(Ty::Unknown, |n| Ty::View(n.to_string()));
        }
        // `Option<View>`: the view, or null (false in a test, as a missing field is).
        if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
            let not_null: Vec<&Value> = any.iter().filter(|s| s["type"] != "null").collect();
            return match not_null[..] {
                [one] => Self::ty(one),
                _ => Ty::Unknown,
            };
        }
        match schema.get("items") {
            Some(items) if schema["type"] == "array" => Ty::List(Box::new(Self::ty(items))),
            _ => Ty::Unknown,
        }
    }
}

/// A `template` warning for each attribute read, in any template of `target`, that no
/// field of its value's view type has.
pub fn unknown_fields(target: &Target) -> Vec<Diagnostic> {
    // The built-in sets are checked by a unit test; a run scans only a set some of
    // whose templates are the project's own (a binding in one reaches those it
    // includes). A project's copy of a built-in file, as this repository's
    // templates/ is, counts as built-in.
    let built_in = |name: &String, origin: &std::path::PathBuf| {
        crate::load::builtin::is_shown_path(origin)
            || origin
                .parent()
                .and_then(|set| set.file_name()?.to_str())
                .and_then(|set| crate::load::builtin::file(set, name))
                .is_some_and(|text| target.templates.get(name).is_some_and(|t| t == text))
    };
    if target.template_origins.iter().all(|(n, o)| built_in(n, o)) {
        return Vec::new();
    }
    let templates: Vec<(&str, &str)> = target
        .templates
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    misses(&templates)
        .0
        .iter()
        .filter_map(|m| finding(target, m))
        .collect()
}

/// An attribute that the type of the value before it has no field of.
struct Miss<'t> {
    template: &'t str,
    read: Read<'t>,
    /// The chain up to the attribute: `namespace.title`.
    path: String,
    view: String,
    attr: &'t str,
    range: Range<usize>,
}

/// The misses of a target's `templates` (name, text), and how many reads of a known
/// type were checked.
fn misses<'t>(templates: &[(&'t str, &'t str)]) -> (Vec<Miss<'t>>, usize) {
    let mut roots: BTreeMap<&str, Ty> = crate::context_doc::VARIABLES
        .iter()
        .map(|v| {
            let ty = Ty::View(v.type_name.to_string());
            (v.name, if v.list { Ty::List(Box::new(ty)) } else { ty })
        })
        .collect();
    // A context variable some template binds to another value may be that value in
    // any template it includes: it is known nowhere.
    let bound: Vec<(String, Ty)> = templates
        .iter()
        .flat_map(|(_, text)| scan(text, &roots).bound)
        .collect();
    for (name, ty) in roots.iter_mut() {
        if bound.iter().any(|(n, t)| n == name && t != ty) {
            *ty = Ty::Unknown;
        }
    }
    let mut out = Vec::new();
    let mut checked = 0;
    for (template, text) in templates {
        for read in scan(text, &roots).reads {
            checked += 1;
            if let Some((path, view, attr, range)) = first_unknown(&read) {
                out.push(Miss {
                    template,
                    read,
                    path,
                    view,
                    attr,
                    range,
                });
            }
        }
    }
    (out, checked)
}

/// The first attribute of `read` its type has no field of: the chain before it, the
/// view, the attribute and its range.
fn first_unknown<'t>(read: &Read<'t>) -> Option<(String, String, &'t str, Range<usize>)> {
    let mut ty = read.ty.clone();
    let mut path = read.head.to_string();
    for (attr, range) in &read.attrs {
        let Ty::View(view) = &ty else { return None };
        let fields = views().fields(view)?;
        match fields.get(*attr) {
            Some(schema) => {
                ty = Views::ty(schema);
                path = format!("{path}.{attr}");
            }
            None => return Some((path, view.clone(), attr, range.clone())),
        }
    }
    None
}

/// One chain of attributes on a variable: `e.message.lit`.
struct Read<'t> {
    head: &'t str,
    ty: Ty,
    /// Why the head's type is known: "a variable of the context", "each of `namespace.entries`".
    known_as: String,
    /// Each attribute, with its range in the template.
    attrs: Vec<(&'t str, Range<usize>)>,
}

/// A template's attribute reads on variables of known type, and the names it binds
/// (with the type, when known).
#[derive(Default)]
struct Scan<'t> {
    reads: Vec<Read<'t>>,
    bound: Vec<(String, Ty)>,
}

/// The reads of `text`, with `roots` as the context's variables.
fn scan<'t>(text: &'t str, roots: &BTreeMap<&str, Ty>) -> Scan<'t> {
    let tags = code_tags(text);
    // Names set, or a component's parameters, anywhere: their type is not known.
    let mut unknown: HashSet<&str> = HashSet::new();
    let mut out = Scan::default();
    for (_, body) in &tags {
        let (keyword, rest) = split_keyword(body);
        let names: Vec<&str> = match keyword {
            "set" | "set_global" => rest
                .trim_start()
                .split(['=', '|', ' '])
                .next()
                .into_iter()
                .collect(),
            "component" => rest
                .split_once('(')
                .map(|(_, p)| {
                    p.split([',', ')', '=', ' '])
                        .filter(|w| is_ident(w))
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        for n in names.into_iter().filter(|n| is_ident(n)) {
            unknown.insert(n);
            out.bound.push((n.to_string(), Ty::Unknown));
        }
    }
    // Each loop's variable and its type, innermost last.
    let mut frames: Vec<Vec<(&str, Ty, String)>> = Vec::new();
    for (range, body) in tags {
        let base = body.as_ptr() as usize - text.as_ptr() as usize;
        let is_block = text[range].starts_with("{%");
        let (keyword, rest) = if is_block {
            split_keyword(body)
        } else {
            ("", body)
        };
        let lookup = |name: &str, frames: &[Vec<(&str, Ty, String)>]| -> Option<(Ty, String)> {
            // A name `set` anywhere may hold anything there, a loop's variable too.
            if unknown.contains(name) {
                return None;
            }
            let bound = frames.iter().rev().flatten().find(|(n, _, _)| *n == name);
            match bound {
                Some((_, ty, why)) => Some((ty.clone(), why.clone())),
                None => roots
                    .get(name)
                    .map(|ty| (ty.clone(), "a variable of the context".to_string())),
            }
        };
        match keyword {
            "component" | "endcomponent" | "block" | "endblock" | "include" | "extends" => {
                continue;
            }
            "endfor" => {
                frames.pop();
                continue;
            }
            "for" => {
                let Some((vars, expr)) = rest.split_once(" in ") else {
                    continue;
                };
                let offset = base + (expr.as_ptr() as usize - body.as_ptr() as usize);
                out.reads
                    .extend(reads(expr, offset, |n| lookup(n, &frames)));
                let ty = iterated(expr.trim(), |n| lookup(n, &frames)).unwrap_or(Ty::Unknown);
                let frame: Vec<(&str, Ty, String)> = match vars.trim() {
                    var if is_ident(var) => {
                        out.bound.push((var.to_string(), ty.clone()));
                        vec![(var, ty, format!("each of `{}`", expr.trim()))]
                    }
                    // `for k, v in …`: a pair.
                    vars => vars
                        .split(',')
                        .map(|v| {
                            out.bound.push((v.trim().to_string(), Ty::Unknown));
                            (v.trim(), Ty::Unknown, String::new())
                        })
                        .collect(),
                };
                frames.push(frame);
                continue;
            }
            _ => {}
        }
        let offset = base + (rest.as_ptr() as usize - body.as_ptr() as usize);
        out.reads
            .extend(reads(rest, offset, |n| lookup(n, &frames)));
    }
    out
}

/// A tag's keyword and what follows it.
fn split_keyword(body: &str) -> (&str, &str) {
    let keyword = body.split_whitespace().next().unwrap_or_default();
    let at = body.find(keyword).unwrap_or(0) + keyword.len();
    (keyword, &body[at..])
}

fn is_ident(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The type of each item of the list `expr` (a path, or a path sorted or reversed).
fn iterated(expr: &str, lookup: impl Fn(&str) -> Option<(Ty, String)>) -> Option<Ty> {
    let (path, filters) = expr.split_once('|').unwrap_or((expr, ""));
    let keeps_items = filters.split('|').all(|f| {
        let f = f.trim();
        f.is_empty() || f == "reverse" || f.starts_with("sort(") || f == "sort"
    });
    if !keeps_items {
        return None;
    }
    let mut parts = path.trim().split('.');
    let (mut ty, _) = lookup(parts.next().filter(|h| is_ident(h))?)?;
    for attr in parts {
        let Ty::View(view) = ty else { return None };
        ty = Views::ty(views().fields(&view)?.get(attr.trim())?);
    }
    match ty {
        Ty::List(item) => Some(*item),
        _ => None,
    }
}

/// Words that are Tera's, not variables.
const KEYWORDS: [&str; 13] = [
    "and", "or", "not", "in", "is", "if", "else", "for", "true", "false", "none", "True", "False",
];

/// The attribute chains of expression `expr` (at `offset` in the template) whose head
/// `lookup` knows the type of.
fn reads<'t>(
    expr: &'t str,
    offset: usize,
    lookup: impl Fn(&str) -> Option<(Ty, String)>,
) -> Vec<Read<'t>> {
    // Names a list comprehension binds (`[l for l in t.locales if …]`) are its own.
    let words: Vec<&str> = expr
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    let comprehended: HashSet<&str> = words
        .windows(2)
        .filter(|w| w[0] == "for")
        .map(|w| w[1])
        .collect();
    let bytes = expr.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // The last thing before a word that makes it no variable: `.`, `<`, `|`, `is`.
    let mut not_a_variable = false;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'"' | b'\'' | b'`') {
            i = expr[i + 1..]
                .find(c as char)
                .map_or(bytes.len(), |e| i + 1 + e + 1);
            not_a_variable = false;
            continue;
        }
        if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                i += 1;
            }
            continue;
        }
        if !(c.is_ascii_alphabetic() || c == b'_') {
            if !c.is_ascii_whitespace() {
                not_a_variable = matches!(c, b'.' | b'<' | b'/' | b'|');
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        let word = &expr[start..i];
        let skip = std::mem::replace(&mut not_a_variable, word == "is");
        if skip || KEYWORDS.contains(&word) || comprehended.contains(word) {
            continue;
        }
        let (attrs, end) = attributes(expr, i);
        i = end;
        if attrs.is_empty() {
            continue;
        }
        if let Some((ty, known_as)) = lookup(word) {
            out.push(Read {
                head: word,
                ty,
                known_as,
                attrs: attrs
                    .into_iter()
                    .map(|(a, r)| (a, offset + r.start..offset + r.end))
                    .collect(),
            });
        }
    }
    out
}

/// The `.name` and `?.name` attributes from `at` in `expr` (up to an index or anything
/// else), with their ranges, and where they end.
fn attributes(expr: &str, mut at: usize) -> (Vec<(&str, Range<usize>)>, usize) {
    let mut out = Vec::new();
    loop {
        let rest = &expr[at..];
        let trimmed = rest.trim_start();
        let Some(after) = trimmed
            .strip_prefix("?.")
            .or_else(|| trimmed.strip_prefix('.'))
        else {
            return (out, at);
        };
        let after_trim = after.trim_start();
        let start = expr.len() - after_trim.len();
        let len = after_trim
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after_trim.len());
        let name = &expr[start..start + len];
        if !is_ident(name) {
            return (out, at);
        }
        out.push((name, start..start + len));
        at = start + len;
    }
}

/// The warning for a miss.
fn finding(target: &Target, m: &Miss) -> Option<Diagnostic> {
    let (view, attr, path) = (&m.view, m.attr, &m.path);
    let names: Vec<&str> = views().fields(view)?.keys().map(String::as_str).collect();
    let help = match crate::load::suggest(attr, &names) {
        Some(s) => format!(
            "did you mean `{s}`? (fields of {view}: {})",
            names.join(", ")
        ),
        None => format!("fields of {view}: {}", names.join(", ")),
    };
    let mut d = Diagnostic::new(
        &rules::TEMPLATE,
        format!(
            "target `{}`: `{path}.{attr}` names no field of {view}: it is always undefined, and false in a test",
            target.id
        ),
    )
    .help(help);
    d.severity = Severity::Warning;
    let label = if *path == m.read.head {
        format!("no such field: `{path}` is {} ({view})", m.read.known_as)
    } else {
        format!("no such field of `{path}` ({view})")
    };
    Some(d.at(span(target, m.template, m.range.clone())?, label))
}

#[cfg(test)]
mod tests {
    use super::misses;

    /// The misses of one template, as `path.attr` (View).
    fn missed(text: &str) -> Vec<String> {
        misses(&[("t.tera", text)])
            .0
            .iter()
            .map(|m| format!("{}.{} ({})", m.path, m.attr, m.view))
            .collect()
    }

    #[test]
    fn a_field_no_view_has_is_found_where_the_type_is_known() {
        let text = "{% for e in namespace.entries %}{% if e.htpp %}{% endif %}\
            {% if e?.deprecated.reasn %}{% endif %}{{ <note x={e.nmae}/> }}{% endfor %}\
            {% for l in catalog.locales | reverse %}{% if l . is_defualt %}{% endif %}{% endfor %}\
            {% for ns in namespaces %}{{ ns.id }}{% endfor %}{% if namespace.title.txt is defined %}{% endif %}";
        assert_eq!(
            missed(text),
            [
                "e.htpp (EntryView)",
                "e.deprecated.reasn (DeprecatedView)",
                "e.nmae (EntryView)",
                "l.is_defualt (LocaleView)",
                "namespace.title.txt (TextView)",
            ]
        );
    }

    #[test]
    fn names_of_unknown_type_are_not_checked() {
        for text in [
            // Set, a component's parameter, a comprehension's, a pair, an index, a map.
            "{% set e = 1 %}{{ e.anything }}",
            "{% for e in namespace.entries %}{% set e = e.message %}{{ e.text }}{% endfor %}",
            "{% component note(e, namespace=1) %}{{ e.x }}{{ namespace.x }}{% endcomponent note %}",
            "{% for l in [l for l in catalog.locales if l.huh] %}{{ l.huh }}{% endfor %}",
            "{% for k, v in catalog.options %}{{ v.x }}{% endfor %}",
            "{{ namespace.entries[0].huh }}{{ catalog.options.huh.deeper }}{{ e.huh }}",
            // Filters, tests, functions, components and strings are no variables.
            "{{ x | catalog }}{% if x is namespace %}{% endif %}{{ <namespace.box/> }}{{ 'catalog.huh' }}",
            // `loop` and a loop over anything but a list of views.
            "{% for e in namespace.entry_count %}{{ e.x }}{{ loop.index }}{% endfor %}",
            "{% for e in namespace.entries | group_by(attribute='http') %}{{ e.x }}{% endfor %}",
        ] {
            assert_eq!(missed(text), Vec::<String>::new(), "{text}");
        }
        // A loop's variable is the loop's: after it, `e` is unknown again.
        assert!(missed("{% for e in namespace.entries %}{% endfor %}{{ e.x }}").is_empty());
    }

    /// A context variable bound to another value in one template may be that value in
    /// another it includes: no template's reads of it are checked.
    #[test]
    fn a_context_variable_bound_elsewhere_is_not_checked() {
        let templates = [
            (
                "a.tera",
                "{% set_global catalog = 1 %}{% include \"b.tera\" %}",
            ),
            ("b.tera", "{{ catalog.huh }}{{ namespace.huh }}"),
        ];
        let found: Vec<&str> = misses(&templates).0.iter().map(|m| m.attr).collect();
        assert_eq!(found, ["huh"], "only namespace's");
    }

    /// No built-in template reads a field its view lacks, and the check sees most of
    /// their reads.
    #[test]
    fn builtin_templates_read_only_fields_their_views_have() {
        for set in crate::load::builtin::names() {
            let files: Vec<(&str, &str)> = crate::load::builtin::files(set).collect();
            let (missed, checked) = misses(&files);
            let shown: Vec<String> = missed
                .iter()
                .map(|m| format!("{}: {}.{}", m.template, m.path, m.attr))
                .collect();
            assert!(shown.is_empty(), "{set}: {shown:?}");
            assert!(checked >= 20, "{set}: only {checked} reads of a known type");
        }
    }
}
