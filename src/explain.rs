//! `errcat explain`: what a code or a name means, in every namespace that defines it,
//! and where the docs site shows it.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Catalog, Entry, Namespace, Text};
use crate::source::Sources;

/// What the user asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// A bare code, `1001`: it means something only with its namespace, so every one is shown.
    Code(i64),
    /// An entry name, `ROOM_NOT_EXIST` (any case): every namespace that has it.
    Name(String),
    /// A qualified code, `edu.rest/1004`: one entry.
    Qualified { namespace: String, code: i64 },
    /// A qualified name, `edu.rest/ROOM_NOT_EXIST`: one entry.
    QualifiedName { namespace: String, name: String },
    /// Words from a message, `Permission error` (as a log shows it): every entry whose
    /// message holds them, in any locale, whatever the case and spacing.
    Words(String),
}

impl Query {
    /// `1001` | `ROOM_NOT_EXIST` | `edu.rest/1004` | `edu.rest/ROOM_NOT_EXIST`; `Err`
    /// says what the forms are.
    pub fn parse(text: &str) -> Result<Query, String> {
        let text = text.trim();
        let forms = "a code (1004), an entry name (ROOM_NOT_EXIST), or either after its \
                     namespace (edu.rest/1004, edu.rest/ROOM_NOT_EXIST)";
        if let Some((namespace, rest)) = text.split_once('/') {
            let namespace = namespace.trim().to_string();
            return match (code(rest.trim())?, name(rest.trim())) {
                _ if namespace.is_empty() => Err(format!(
                    "`{text}` names no namespace before the `/`; explain takes {forms}"
                )),
                (Some(code), _) => Ok(Query::Qualified { namespace, code }),
                (None, Some(name)) => Ok(Query::QualifiedName { namespace, name }),
                (None, None) => Err(format!(
                    "`{text}` is not a qualified code or name; explain takes {forms}"
                )),
            };
        }
        if let Some(code) = code(text)? {
            return Ok(Query::Code(code));
        }
        name(text)
            .map(Query::Name)
            .ok_or_else(|| format!("`{text}` is none of the things explain takes: {forms}"))
    }
}

/// Whether `wanted` (folded) holds the message `text` as a log shows it, each of its
/// placeholders filled in (`Insufficient funds: 500 EUR requested` for
/// `Insufficient funds: {amount} {currency} requested`), with anything before and
/// after. A message of placeholders and barely a word matches no line.
fn logged(text: &str, params: &[String], wanted: &str, fold: impl Fn(&str) -> String) -> bool {
    use crate::placeholder::Segment;
    let segments = crate::placeholder::segments(text, params);
    if !segments.iter().any(|s| matches!(s, Segment::Param(_))) {
        return false;
    }
    let literals: Vec<Option<String>> = segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => Some(fold(t)),
            Segment::Param(_) => None,
        })
        .collect();
    let letters: usize = literals
        .iter()
        .flatten()
        .map(|t| t.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < 3 {
        return false;
    }
    // Each literal in order, the earliest place first; a filled placeholder between
    // two takes at least one character.
    let mut at = 0;
    let mut gap = false;
    // Past one character at `at`, for a placeholder filled in there; `None` at the end.
    let after_one = |at: usize| {
        let c = wanted[at..].chars().next()?;
        Some(at + c.len_utf8())
    };
    for literal in literals {
        match literal {
            None => gap = true,
            Some(t) if t.is_empty() => {}
            Some(t) => {
                let from = if gap { after_one(at) } else { Some(at) };
                let Some(found) = from.and_then(|f| Some(f + wanted[f..].find(&t)?)) else {
                    return false;
                };
                at = found + t.len();
                gap = false;
            }
        }
    }
    !gap || after_one(at).is_some()
}

impl Query {
    /// As [`Query::parse`], but text that is no code or name and has a letter is words
    /// of a message: a support engineer often has only what the log said.
    pub fn parse_or_words(text: &str) -> Result<Query, String> {
        Query::parse(text).or_else(|usage| {
            if let Some(q) = Query::displayed(text) {
                return Ok(q);
            }
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            // A `/` in one word means a namespace was meant: the usage says how to write
            // one. Between words it is a message's (`Audio/Video permission denied`).
            match words.chars().any(char::is_alphabetic)
                && (!words.contains('/') || words.contains(' '))
            {
                true => Ok(Query::Words(words)),
                false => Err(usage),
            }
        })
    }

    /// An error as the generated code displays it in a log, `NAME (ns/code): message`:
    /// the code it names.
    fn displayed(text: &str) -> Option<Query> {
        let (name, rest) = text.trim().split_once(" (")?;
        let (qualified, _) = rest.split_once(')')?;
        let (namespace, code_text) = qualified.split_once('/')?;
        let code = code(code_text).ok()??;
        let plain = |s: &str| !s.is_empty() && !s.contains(char::is_whitespace);
        (plain(name) && plain(namespace)).then(|| Query::Qualified {
            namespace: namespace.to_owned(),
            code,
        })
    }

    /// The query read against the catalog: a namespace in another case is the catalog's
    /// (`EDU.REST/1004`), and two words that are a namespace and a code or name are that
    /// (`edu.rest 1004`, the columns explain itself prints).
    fn against(self, catalog: &Catalog) -> Query {
        let known = |ns: &str| {
            catalog
                .namespaces
                .iter()
                .find(|n| n.id.eq_ignore_ascii_case(ns))
                .map(|n| n.id.clone())
        };
        match self {
            Query::Qualified { namespace, code } => Query::Qualified {
                namespace: known(&namespace).unwrap_or(namespace),
                code,
            },
            Query::QualifiedName { namespace, name } => Query::QualifiedName {
                namespace: known(&namespace).unwrap_or(namespace),
                name,
            },
            Query::Words(words) => {
                let two = words.split_once(' ').filter(|(_, b)| !b.contains(' '));
                let read = two.and_then(|(ns, rest)| {
                    let namespace = known(ns)?;
                    match (code(rest).ok()?, name(rest)) {
                        (Some(code), _) => Some(Query::Qualified { namespace, code }),
                        (None, Some(name)) => Some(Query::QualifiedName { namespace, name }),
                        (None, None) => None,
                    }
                });
                read.unwrap_or(Query::Words(words))
            }
            q => q,
        }
    }

    /// The namespace a qualified query names.
    pub fn namespace(&self) -> Option<&str> {
        match self {
            Query::Qualified { namespace, .. } | Query::QualifiedName { namespace, .. } => {
                Some(namespace)
            }
            Query::Code(_) | Query::Name(_) | Query::Words(_) => None,
        }
    }

    fn code(&self) -> Option<i64> {
        match self {
            Query::Code(code) | Query::Qualified { code, .. } => Some(*code),
            Query::Name(_) | Query::QualifiedName { .. } | Query::Words(_) => None,
        }
    }

    /// The code or name, without its namespace; words, quoted.
    fn unqualified(&self) -> String {
        match self {
            Query::Code(code) | Query::Qualified { code, .. } => code.to_string(),
            Query::Name(name) | Query::QualifiedName { name, .. } => name.clone(),
            Query::Words(words) => format!("\"{words}\""),
        }
    }
}

/// The query normalised: `edu.rest/ROOM_NOT_EXIST`.
impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.namespace() {
            Some(ns) => write!(f, "{ns}/{}", self.unqualified()),
            None => f.write_str(&self.unqualified()),
        }
    }
}

/// A number as a code; `Err` for one no code can be (beyond 64 bits).
fn code(text: &str) -> Result<Option<i64>, String> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    text.parse::<i64>()
        .map(Some)
        .map_err(|_| format!("`{text}` is not a code: codes are whole numbers that fit in 64 bits"))
}

/// An entry name in any case, `-` for `_`: `room-not-exist` is `ROOM_NOT_EXIST`.
fn name(text: &str) -> Option<String> {
    let is_name = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    is_name.then(|| text.to_ascii_uppercase().replace('-', "_"))
}

#[derive(Debug, Serialize)]
pub struct Explanation {
    /// The question, normalised: `1001`, `ROOM_NOT_EXIST`, `edu.rest/1004`.
    pub query: String,
    /// The code asked about, for a bare or qualified code.
    pub code: Option<i64>,
    pub definitions: Vec<Definition>,
    /// The same number with the other sign: logs and UIs that drop the sign turn -1001 into 1001.
    pub opposite_sign: Vec<Definition>,
    /// Retired codes (a namespace's `reserved:`) that match: why they no longer mean anything.
    pub retired: Vec<Retired>,
    /// When nothing is defined: why, in a sentence (`edu.client has no code 1004`).
    pub not_found: Option<String>,
    /// When nothing matched: queries that would (a close name, the namespaces that have the code).
    pub did_you_mean: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Retired {
    pub namespace: String,
    pub code: i64,
    pub name: Option<String>,
    pub reason: String,
    /// The docs site lists retired codes too, under the code's usual anchor.
    pub doc_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Definition {
    pub namespace: String,
    pub name: String,
    pub code: i64,
    pub title: Option<String>,
    /// Locale → text, in catalog locale order.
    pub message: Vec<LocalizedText>,
    pub http: Option<u16>,
    pub retryable: bool,
    pub deprecated: Option<String>,
    /// The entry to use instead, when a deprecated entry names one.
    pub replaced_by: Option<String>,
    pub file: String,
    pub line: u32,
    pub doc_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LocalizedText {
    pub locale: String,
    pub text: String,
}

fn localized(t: &Text) -> Vec<LocalizedText> {
    t.0.iter()
        .map(|(l, s)| LocalizedText {
            locale: l.clone(),
            text: s.clone(),
        })
        .collect()
}

pub fn explain(
    catalog: &Catalog,
    sources: &Sources,
    query: &Query,
    namespace: Option<&str>,
) -> Explanation {
    // `1004 --namespace edu.rest` asks what `edu.rest/1004` asks.
    // Words within one namespace: `--namespace` filters them.
    let words_in = namespace.filter(|_| matches!(query, Query::Words(_)));
    let query = match (query, namespace) {
        (Query::Code(code), Some(ns)) => Query::Qualified {
            namespace: ns.to_owned(),
            code: *code,
        },
        (Query::Name(name), Some(ns)) => Query::QualifiedName {
            namespace: ns.to_owned(),
            name: name.clone(),
        },
        (q, _) => q.clone(),
    }
    .against(catalog);
    let find =
        |matches: &dyn Fn(&Namespace, &Entry) -> bool| definitions(catalog, sources, matches);
    let mut ex = Explanation {
        query: query.to_string(),
        code: query.code(),
        definitions: Vec::new(),
        opposite_sign: Vec::new(),
        retired: Vec::new(),
        not_found: None,
        did_you_mean: Vec::new(),
    };
    let retired = |matches: &dyn Fn(&Namespace, &crate::model::Reserved) -> bool| {
        let mut out = Vec::new();
        for ns in &catalog.namespaces {
            for r in ns.reserved.iter().filter(|r| matches(ns, r)) {
                out.push(Retired {
                    namespace: ns.id.clone(),
                    code: r.code,
                    name: r.name.clone(),
                    reason: r.reason.clone(),
                    doc_url: crate::view::doc_url(catalog, &ns.id, r.code),
                });
            }
        }
        out
    };
    // The same number with the other sign: logs and UIs that drop the sign.
    let negated = |code: &i64| code.checked_neg().filter(|c| c != code);
    match &query {
        Query::Code(code) => {
            ex.definitions = find(&|_, e| e.code == *code);
            ex.retired = retired(&|_, r| r.code == *code);
            if let Some(other) = negated(code) {
                ex.opposite_sign = find(&|_, e| e.code == other);
            }
            ex.not_found = Some(format!("{code} is not defined in any namespace"));
        }
        Query::Name(name) => {
            ex.definitions = find(&|_, e| &e.name == name);
            ex.retired = retired(&|_, r| r.name.as_ref() == Some(name));
            ex.not_found = Some(format!("no entry is named {name}"));
            if ex.definitions.is_empty() && ex.retired.is_empty() {
                let names: Vec<&str> = catalog
                    .namespaces
                    .iter()
                    .flat_map(|ns| ns.entries.iter().map(|e| e.name.as_str()))
                    .collect();
                ex.did_you_mean
                    .extend(crate::load::suggest(name, &names).map(str::to_string));
            }
        }
        Query::Qualified {
            namespace: ns_id,
            code,
        } => {
            ex.definitions = find(&|ns, e| &ns.id == ns_id && e.code == *code);
            ex.retired = retired(&|ns, r| &ns.id == ns_id && r.code == *code);
            if let Some(other) = negated(code) {
                ex.opposite_sign = find(&|ns, e| &ns.id == ns_id && e.code == other);
            }
            if ex.definitions.is_empty() {
                match catalog.namespaces.iter().find(|n| &n.id == ns_id) {
                    Some(_) => {
                        ex.not_found = Some(format!("{ns_id} has no code {code}"));
                        if ex.retired.is_empty() && ex.opposite_sign.is_empty() {
                            // The number exists elsewhere: the user may have the namespace wrong.
                            ex.did_you_mean = find(&|_, e| e.code == *code)
                                .iter()
                                .map(|d| format!("{}/{code}", d.namespace))
                                .collect();
                        }
                    }
                    None => {
                        misspelt_namespace(&mut ex, catalog, ns_id, &format!("code {code}"), |ns| {
                            let other = negated(code);
                            ns.entries
                                .iter()
                                .find(|e| e.code == *code)
                                .or_else(|| ns.entries.iter().find(|e| Some(e.code) == other))
                                .map(|e| e.code.to_string())
                        })
                    }
                }
            }
        }
        Query::Words(words) => {
            let fold = |t: &str| {
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            let wanted = fold(words);
            ex.definitions = find(&|ns, e| {
                words_in.is_none_or(|w| w == ns.id)
                    && e.message.0.iter().any(|(_, t)| {
                        fold(t).contains(&wanted) || logged(t, &e.params, &wanted, fold)
                    })
            });
            ex.not_found = Some(format!(
                "no message holds \"{words}\" (explain also takes a code, an entry name, or \
                 either after its namespace)"
            ));
        }
        Query::QualifiedName {
            namespace: ns_id,
            name,
        } => {
            ex.definitions = find(&|ns, e| &ns.id == ns_id && &e.name == name);
            ex.retired = retired(&|ns, r| &ns.id == ns_id && r.name.as_ref() == Some(name));
            let close_name = |ns: &Namespace| {
                let names: Vec<&str> = ns.entries.iter().map(|e| e.name.as_str()).collect();
                crate::load::suggest(name, &names).map(str::to_owned)
            };
            if ex.definitions.is_empty() {
                match catalog.namespaces.iter().find(|n| &n.id == ns_id) {
                    Some(ns) => {
                        ex.not_found = Some(format!("{ns_id} has no entry named {name}"));
                        if ex.retired.is_empty() {
                            // The name elsewhere, else a close one here.
                            ex.did_you_mean = find(&|_, e| &e.name == name)
                                .iter()
                                .map(|d| format!("{}/{name}", d.namespace))
                                .collect();
                            if ex.did_you_mean.is_empty() {
                                ex.did_you_mean
                                    .extend(close_name(ns).map(|n| format!("{ns_id}/{n}")));
                            }
                        }
                    }
                    None => {
                        let what = format!("entry named {name}");
                        misspelt_namespace(&mut ex, catalog, ns_id, &what, close_name);
                    }
                }
            }
        }
    }
    if !ex.definitions.is_empty() {
        ex.not_found = None;
    }
    ex
}

/// A query whose namespace does not exist: suggest the closest namespace, with the
/// code or name `within` finds in it; when it finds none, say so rather than
/// suggest a query that misses again.
fn misspelt_namespace(
    ex: &mut Explanation,
    catalog: &Catalog,
    wanted: &str,
    what: &str,
    within: impl Fn(&Namespace) -> Option<String>,
) {
    let ids: Vec<&str> = catalog.namespaces.iter().map(|n| n.id.as_str()).collect();
    // Ids are lower-case: `APP` is as close to `app` as `app` itself.
    let near = crate::load::suggest(&wanted.to_ascii_lowercase(), &ids)
        .and_then(|id| catalog.namespaces.iter().find(|n| n.id == id));
    ex.not_found = Some(format!("there is no namespace {wanted}"));
    match near.map(|ns| (ns, within(ns))) {
        Some((ns, Some(found))) => ex.did_you_mean.push(format!("{}/{found}", ns.id)),
        Some((ns, None)) => {
            ex.not_found = Some(format!(
                "there is no namespace {wanted}; {}, the closest, has no {what} either",
                ns.id
            ));
        }
        None => {}
    }
}

fn definitions(
    catalog: &Catalog,
    sources: &Sources,
    matches: &dyn Fn(&Namespace, &Entry) -> bool,
) -> Vec<Definition> {
    let mut out = Vec::new();
    for ns in &catalog.namespaces {
        for e in ns.entries.iter().filter(|e| matches(ns, e)) {
            out.push(Definition {
                namespace: ns.id.clone(),
                name: e.name.clone(),
                code: e.code,
                title: e
                    .title
                    .as_ref()
                    .and_then(|t| t.get(&catalog.default_locale))
                    .map(str::to_owned),
                message: localized(&e.message),
                http: e.http,
                retryable: e.retryable,
                deprecated: e.deprecated.as_ref().map(|d| d.reason.clone()),
                replaced_by: e.deprecated.as_ref().and_then(|d| d.replaced_by.clone()),
                file: sources.path(e.span.file).to_string_lossy().into_owned(),
                line: e.span.line,
                doc_url: crate::view::doc_url(catalog, &ns.id, e.code),
            });
        }
    }
    out
}

impl Explanation {
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let n = self.definitions.len();
        let q = &self.query;
        match (n, &self.not_found) {
            (0, Some(why)) => {
                let _ = writeln!(out, "{why}");
            }
            (_, _) if q.starts_with('"') => {
                let _ = writeln!(
                    out,
                    "{q} is in the message of {}:",
                    crate::console::count(n, "code")
                );
            }
            (_, _) if q.contains('/') => {
                let _ = writeln!(out, "{q}:");
            }
            _ => {
                let _ = writeln!(
                    out,
                    "{q} is defined in {}:",
                    crate::console::count(n, "namespace")
                );
            }
        }
        write_definitions(&mut out, &self.definitions);
        if let Some(first) = self.opposite_sign.first() {
            // Only a negative code loses its sign on the way to the query.
            let how = if first.code < 0 {
                "drops the sign"
            } else {
                "negates codes"
            };
            let _ = writeln!(
                out,
                "\nWith the other sign, {} (a log or UI that {how} shows it as {}):",
                first.code, -first.code
            );
            write_definitions(&mut out, &self.opposite_sign);
        }
        if !self.retired.is_empty() {
            let _ = writeln!(out, "\nRetired (never to be reused):\n");
            for r in &self.retired {
                let name = r
                    .name
                    .as_deref()
                    .map(|n| format!("  {n}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {}  {}{name}  {}", r.namespace, r.code, r.reason);
                if let Some(u) = &r.doc_url {
                    let _ = writeln!(out, "    docs     {u}");
                }
            }
        }
        if !self.did_you_mean.is_empty() {
            let _ = writeln!(out, "\ndid you mean {}?", self.did_you_mean.join(" or "));
        }
        out
    }
}

fn write_definitions(out: &mut String, definitions: &[Definition]) {
    for d in definitions {
        let _ = writeln!(
            out,
            "\n  {}  {}  {}  ({}:{})",
            d.namespace, d.code, d.name, d.file, d.line
        );
        if let Some(t) = &d.title {
            let _ = writeln!(out, "    title    {t}");
        }
        for (i, m) in d.message.iter().enumerate() {
            let label = if i == 0 { "message" } else { "" };
            let text = m.text.replace('\n', "\n                    ");
            let _ = writeln!(out, "    {label:<8} {:<6} {text}", m.locale);
        }
        if let Some(h) = d.http {
            let _ = writeln!(out, "    http     {h}");
        }
        if d.retryable {
            let _ = writeln!(out, "    retry    yes");
        }
        if let Some(r) = &d.deprecated {
            let _ = writeln!(out, "    deprecated  {r}");
        }
        if let Some(by) = &d.replaced_by {
            let _ = writeln!(out, "    use      {by}");
        }
        if let Some(u) = &d.doc_url {
            let _ = writeln!(out, "    docs     {u}");
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Query;

    proptest! {
        /// Whatever the user types is a query or a reason why not, never a panic; and
        /// a query's normal form reads back as itself.
        #[test]
        fn any_text_parses_or_says_why(s in "\\PC{0,24}|-?[0-9]{1,22}|[a-z.]{0,8}/[A-Za-z0-9_-]{0,8}") {
            if let Ok(q) = Query::parse(&s) {
                let text = q.to_string();
                prop_assert_eq!(Query::parse(&text), Ok(q));
            }
        }
    }

    #[test]
    fn queries_parse_as_code_name_or_qualified_either() {
        assert_eq!(Query::parse("1004"), Ok(Query::Code(1004)));
        assert_eq!(Query::parse(" -2381 "), Ok(Query::Code(-2381)));
        assert_eq!(Query::parse("+1004"), Ok(Query::Code(1004)));
        assert_eq!(
            Query::parse("room-not_exist"),
            Ok(Query::Name("ROOM_NOT_EXIST".into()))
        );
        assert_eq!(
            Query::parse("edu.rest/1004"),
            Ok(Query::Qualified {
                namespace: "edu.rest".into(),
                code: 1004
            })
        );
        assert_eq!(
            Query::parse("roomengine/-1001"),
            Ok(Query::Qualified {
                namespace: "roomengine".into(),
                code: -1001
            })
        );
        assert_eq!(
            Query::parse("edu.rest/room-not-exist"),
            Ok(Query::QualifiedName {
                namespace: "edu.rest".into(),
                name: "ROOM_NOT_EXIST".into()
            })
        );
        for bad in [
            "",
            "edu.rest/",
            "/1004",
            "/ROOM",
            "edu.rest/ROOM NOT",
            "ROOM NOT",
            "1004?",
            "99999999999999999999",
            "edu.rest/-99999999999999999999",
        ] {
            assert!(Query::parse(bad).is_err(), "{bad:?}");
        }
    }
}
