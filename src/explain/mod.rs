//! `errcat explain`: what a code or a name means, in every namespace that defines it,
//! and where the docs site shows it.

mod line;
pub(crate) mod near;
mod query;
mod reading;
mod text;

use serde::Serialize;

use crate::model::{Catalog, Entry, Namespace, Text};
use crate::source::Sources;

pub use query::Query;

#[derive(Debug, Serialize)]
pub struct Explanation {
    /// The question, normalised: `1001`, `ROOM_NOT_EXIST`, `edu.rest/1004`.
    pub query: String,
    /// With `--locale`, the catalog locale that serves it (the texts are that
    /// locale's, or those that stand in for it); `None`: every locale's texts.
    pub locale: Option<String>,
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
    /// Codes that words or a log line match less closely than the definitions (a shorter
    /// message the line also holds), closest first: named, not shown.
    pub weaker_matches: Vec<String>,
    /// Whether the words are in the definitions' messages (rather than their messages
    /// in the words, as in a log line).
    #[serde(skip)]
    pub words_in_message: bool,
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
    /// Locale → text, in catalog locale order; with `--locale`, the one text that
    /// locale shows, under the locale whose text it is.
    pub message: Vec<LocalizedText>,
    /// What the code means, at more length than its message; `None` when the entry
    /// has none (so too cause and solution).
    pub description: Option<Vec<LocalizedText>>,
    /// What makes the error happen.
    pub cause: Option<Vec<LocalizedText>>,
    /// What to do about it.
    pub solution: Option<Vec<LocalizedText>>,
    pub severity: crate::model::Severity,
    pub http: Option<u16>,
    pub retryable: bool,
    pub deprecated: Option<String>,
    /// The entry to use instead, when a deprecated entry names one.
    pub replaced_by: Option<String>,
    pub file: String,
    pub line: u32,
    pub doc_url: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LocalizedText {
    pub locale: String,
    pub text: String,
}

/// The texts explain shows: each locale's, or with `--locale` the one that locale
/// shows (its own, else the one that stands in, as the generated code chooses it).
struct Texts<'a> {
    catalog: &'a Catalog,
    stand_ins: crate::view::StandIns<'a>,
    /// The index of the catalog locale asked for.
    shown: Option<usize>,
}

impl Texts<'_> {
    fn of(&self, t: &Text) -> Vec<LocalizedText> {
        let text = |locale: &String| LocalizedText {
            locale: locale.clone(),
            text: t.get(locale).unwrap_or_default().to_owned(),
        };
        match self.shown {
            None => t.0.iter().map(|(l, _)| text(l)).collect(),
            Some(i) => self
                .stand_ins
                .source(t, i)
                .map(|j| text(&self.catalog.locales[j]))
                .into_iter()
                .collect(),
        }
    }

    /// A title, in the locale asked for or the default one.
    fn one(&self, t: &Text) -> Option<String> {
        let i = self.shown.unwrap_or(self.stand_ins.default_index);
        let j = self.stand_ins.source(t, i)?;
        t.get(&self.catalog.locales[j]).map(str::to_owned)
    }
}

/// What `query` means in `catalog`; `namespace` is `--namespace`, `locale` `--locale`
/// (a request's tag: the texts the generated code shows for it).
pub fn explain(
    catalog: &Catalog,
    sources: &Sources,
    query: &Query,
    namespace: Option<&str>,
    locale: Option<&str>,
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
    };
    let stand_ins = crate::view::StandIns::new(catalog);
    let texts = Texts {
        shown: locale.map(|tag| {
            crate::view::chosen_locale(&catalog.locales, tag).unwrap_or(stand_ins.default_index)
        }),
        stand_ins,
        catalog,
    };
    let readings = reading::readings(query, catalog, namespace);
    let mut told = None;
    for (i, q) in readings.tried.iter().enumerate() {
        let ex = explain_reading(catalog, sources, &texts, q, words_in);
        if !(ex.definitions.is_empty() && ex.opposite_sign.is_empty() && ex.retired.is_empty()) {
            return ex;
        }
        if i == readings.reported {
            told = Some(ex);
        }
    }
    let mut ex = told.expect("the reported reading is one of those tried");
    if let (Query::Name(_), Some(Query::Words(words))) =
        (&readings.tried[readings.reported], readings.tried.last())
        && let Some(why) = &mut ex.not_found
    {
        why.push_str(&format!(", and no message holds \"{words}\""));
    }
    ex
}

/// The explanation of one reading of the query.
fn explain_reading(
    catalog: &Catalog,
    sources: &Sources,
    texts: &Texts,
    query: &Query,
    words_in: Option<&str>,
) -> Explanation {
    let find = |matches: &dyn Fn(&Namespace, &Entry) -> bool| {
        definitions(catalog, sources, texts, matches)
    };
    let mut ex = Explanation {
        locale: texts.shown.map(|i| catalog.locales[i].clone()),
        query: query.to_string(),
        code: query.code(),
        definitions: Vec::new(),
        opposite_sign: Vec::new(),
        retired: Vec::new(),
        not_found: None,
        did_you_mean: Vec::new(),
        weaker_matches: Vec::new(),
        words_in_message: false,
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
    let all_names = || -> Vec<&str> {
        catalog
            .namespaces
            .iter()
            .flat_map(|ns| ns.entries.iter().map(|e| e.name.as_str()))
            .collect()
    };
    match query {
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
                ex.did_you_mean = near::names(name, &all_names());
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
            let line = line::Line::new(words);
            let mut close: Vec<(line::Closeness, &Namespace, &Entry)> = Vec::new();
            for ns in catalog
                .namespaces
                .iter()
                .filter(|ns| words_in.is_none_or(|w| w == ns.id))
            {
                for e in &ns.entries {
                    close.extend(line.closeness(e).map(|c| (c, ns, e)));
                }
            }
            // The closest are shown; the others (a shorter message the line also
            // holds) are only named: a short message such as `Timeout` is in many lines.
            close.sort_by_key(|c| std::cmp::Reverse(c.0));
            if let Some(&(best, ..)) = close.first() {
                ex.words_in_message = best.in_message;
                ex.definitions = find(&|ns, e| {
                    close
                        .iter()
                        .any(|c| c.0 == best && c.2.code == e.code && c.1.id == ns.id)
                });
                ex.weaker_matches = close
                    .iter()
                    .filter(|c| c.0 != best)
                    .map(|(_, ns, e)| format!("{}/{}", ns.id, e.code))
                    .collect();
            }
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
            let close_names = |ns: &Namespace| {
                let names: Vec<&str> = ns.entries.iter().map(|e| e.name.as_str()).collect();
                near::names(name, &names)
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
                                ex.did_you_mean = close_names(ns)
                                    .into_iter()
                                    .map(|n| format!("{ns_id}/{n}"))
                                    .collect();
                            }
                        }
                    }
                    None => {
                        let what = format!("entry named {name}");
                        misspelt_namespace(&mut ex, catalog, ns_id, &what, |ns| {
                            close_names(ns).into_iter().next()
                        });
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

/// A query whose namespace does not exist: suggest the namespaces it may mean (every
/// one of a family it names: `av` for av.client, av.push…), each with the code or
/// name `within` finds in it; when none has one, say so rather than suggest a query
/// that misses again.
fn misspelt_namespace(
    ex: &mut Explanation,
    catalog: &Catalog,
    wanted: &str,
    what: &str,
    within: impl Fn(&Namespace) -> Option<String>,
) {
    let near = near::namespaces(catalog, wanted);
    ex.not_found = Some(format!("there is no namespace {wanted}"));
    ex.did_you_mean = near
        .iter()
        .filter_map(|ns| Some(format!("{}/{}", ns.id, within(ns)?)))
        .collect();
    if ex.did_you_mean.is_empty() && !near.is_empty() {
        let ids: Vec<String> = near.iter().map(|ns| ns.id.clone()).collect();
        let has = if ids.len() == 1 { "has" } else { "have" };
        ex.not_found = Some(format!(
            "there is no namespace {wanted}; {}, the closest, {has} no {what} either",
            near::listed(&ids, 4)
        ));
    }
}

fn definitions(
    catalog: &Catalog,
    sources: &Sources,
    texts: &Texts,
    matches: &dyn Fn(&Namespace, &Entry) -> bool,
) -> Vec<Definition> {
    let mut out = Vec::new();
    for ns in &catalog.namespaces {
        for e in ns.entries.iter().filter(|e| matches(ns, e)) {
            out.push(Definition {
                namespace: ns.id.clone(),
                name: e.name.clone(),
                code: e.code,
                title: e.title.as_ref().and_then(|t| texts.one(t)),
                message: texts.of(&e.message),
                description: e.description.as_ref().map(|t| texts.of(t)),
                cause: e.cause.as_ref().map(|t| texts.of(t)),
                solution: e.solution.as_ref().map(|t| texts.of(t)),
                severity: e.severity,
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
