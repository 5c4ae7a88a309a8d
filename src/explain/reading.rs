//! The query read against the catalog: what a pasted line or anchor names, once the
//! catalog's namespaces and names are known.

use super::Query;
use crate::model::Catalog;

/// The readings of a query to try, in order: the first that finds something answers;
/// when none does, the miss of `reported` is told (the most specific reading).
pub(super) struct Readings {
    pub tried: Vec<Query>,
    pub reported: usize,
}

impl Readings {
    fn one(q: Query) -> Readings {
        Readings {
            tried: vec![q],
            reported: 0,
        }
    }
}

/// The catalog's id of `ns` in any case (`EDU.REST` is `edu.rest`), or `ns` itself
/// when it is a family of namespaces (`av` for av.client, av.push…).
fn namespace_like(catalog: &Catalog, ns: &str) -> Option<String> {
    let ns = ns.to_ascii_lowercase();
    let known = catalog.namespaces.iter().find(|n| n.id == ns);
    let family = || {
        catalog
            .namespaces
            .iter()
            .any(|n| n.id.starts_with(&format!("{ns}.")))
    };
    (known.is_some() || family()).then_some(ns)
}

/// `edu.rest/1004`, `edu.rest:1004`, `(edu.rest/1004)`: a namespace the catalog knows
/// (or a family of them) and a code or name.
fn qualified_token(catalog: &Catalog, token: &str) -> Option<Query> {
    let (ns, rest) = super::query::unwrapped(token).split_once(['/', ':'])?;
    Query::qualified(namespace_like(catalog, ns)?, rest)
}

/// A docs anchor, `edu-rest-1004` (read as the name `EDU_REST_1004`) or
/// `roomengine-minus-1001`, as the code it marks; the lookup page's `code-1004` as a
/// bare code.
fn anchored(catalog: &Catalog, name: &str) -> Option<Query> {
    let anchor = name.to_ascii_lowercase().replace('_', "-");
    let code = |rest: &str| match rest.strip_prefix("minus-") {
        Some(n) => n.parse::<i64>().ok().and_then(i64::checked_neg),
        None => rest
            .parse::<i64>()
            .ok()
            .filter(|_| !rest.starts_with(['-', '+'])),
    };
    let marked = catalog.namespaces.iter().find_map(|ns| {
        let prefix = format!("{}-", crate::view::anchor_prefix(&ns.id));
        let rest = anchor.strip_prefix(&prefix)?;
        Some(Query::Qualified {
            namespace: ns.id.clone(),
            code: code(rest)?,
        })
    });
    marked.or_else(|| code(anchor.strip_prefix("code-")?).map(Query::Code))
}

/// `query` as the catalog reads it (see [`Readings`]); `flag` is `--namespace`.
pub(super) fn readings(query: Query, catalog: &Catalog, flag: Option<&str>) -> Readings {
    let case = |ns: String| namespace_like(catalog, &ns).unwrap_or(ns);
    match query {
        Query::Qualified { namespace, code } => Readings::one(Query::Qualified {
            namespace: case(namespace),
            code,
        }),
        Query::QualifiedName { namespace, name } => Readings::one(Query::QualifiedName {
            namespace: case(namespace),
            name,
        }),
        Query::Name(name) => {
            let named = catalog
                .namespaces
                .iter()
                .any(|ns| ns.entries.iter().any(|e| e.name == name));
            if let Some(q) = anchored(catalog, &name).filter(|_| !named) {
                return Readings::one(q);
            }
            // One word that names nothing may be a whole message (`Timeout`).
            let mut tried = vec![Query::Name(name.clone())];
            if !name.contains('_') && name.chars().any(|c| c.is_ascii_alphabetic()) {
                tried.push(Query::Words(name.to_lowercase()));
            }
            Readings { tried, reported: 0 }
        }
        Query::Words(words) => words_readings(words, catalog, flag),
        q => Readings::one(q),
    }
}

/// A line's readings: the code its error shows (`NAME (ns/code)`, as the generated code
/// displays an error), its leading namespace and code (explain's own columns,
/// `edu.rest 1004`), a qualified code in it, then the words themselves.
fn words_readings(words: String, catalog: &Catalog, flag: Option<&str>) -> Readings {
    let tokens: Vec<&str> = words.split(' ').collect();
    let allowed = |q: &Query| flag.is_none_or(|f| q.namespace().is_none_or(|ns| ns == f));
    // `(ns/code)` after an entry name is what the generated code displays: the code it
    // names, and nothing else, even when the catalog has no such namespace.
    let shown = tokens.windows(2).find_map(|pair| {
        let named = pair[0].trim_start_matches(['<', '[', '(']);
        let is_name = named.len() > 1
            && named
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        let inner = pair[1].strip_prefix('(')?.split_once(')')?.0;
        let (ns, code) = inner.split_once('/')?;
        let q = Query::qualified(ns.to_ascii_lowercase(), code)?;
        (is_name
            && crate::validate::is_namespace_id(&ns.to_ascii_lowercase())
            && q.code().is_some())
        .then_some(q)
    });
    if let Some(q) = shown.filter(|q| allowed(q)) {
        return readings(q, catalog, flag);
    }
    let mut tried = Vec::new();
    let mut reported = None;
    // explain's own columns (`edu.rest  1004  ROOM_NOT_EXIST  (…)`), `edu 1001`.
    let leading = match tokens.as_slice() {
        [ns, rest, ..] => namespace_like(catalog, ns.trim_end_matches(':'))
            .and_then(|ns| Query::qualified(ns, super::query::unwrapped(rest))),
        _ => None,
    };
    let within = tokens.iter().find_map(|t| qualified_token(catalog, t));
    for q in [leading, within].into_iter().flatten().filter(allowed) {
        // A code is the line's question; a name after a namespace may be a message's
        // word (`auth failed for user`), so the words' miss is told.
        if tried.contains(&q) {
            continue;
        }
        if reported.is_none() && (q.code().is_some() || tokens.len() == 2) {
            reported = Some(tried.len());
        }
        tried.push(q);
    }
    tried.push(Query::Words(words));
    Readings {
        reported: reported.unwrap_or(tried.len() - 1),
        tried,
    }
}
