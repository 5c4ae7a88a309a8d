//! What a miss may have meant: the namespaces near one that does not exist, and the
//! names near one that names nothing.

use crate::model::{Catalog, Namespace};

/// At most this many suggestions of names: more would bury the likeliest.
const NAMES: usize = 6;

/// The namespaces a user who wrote `wanted`, which is none, may have meant, likeliest
/// first: those under it (`av` for av.client, av.push…), the closest in spelling, those
/// it is under (`roomengine` for `roomengine.client`), and its siblings.
pub(crate) fn namespaces<'c>(catalog: &'c Catalog, wanted: &str) -> Vec<&'c Namespace> {
    let wanted = wanted.to_ascii_lowercase();
    let ids: Vec<&str> = catalog.namespaces.iter().map(|n| n.id.as_str()).collect();
    let closest = crate::load::suggest(&wanted, &ids);
    let parent = wanted.rsplit_once('.').map(|(p, _)| p);
    let under = |id: &str, above: &str| id.starts_with(&format!("{above}."));
    let ranks: [&dyn Fn(&str) -> bool; 3] =
        [&|id| under(id, &wanted), &|id| Some(id) == closest, &|id| {
            under(&wanted, id) || parent.is_some_and(|p| under(id, p))
        }];
    let mut out: Vec<&Namespace> = Vec::new();
    for rank in ranks {
        for ns in &catalog.namespaces {
            if rank(&ns.id) && !out.iter().any(|o| o.id == ns.id) {
                out.push(ns);
            }
        }
    }
    out
}

/// The names of `names` that `wanted` may have meant: those that hold it as whole
/// words (`AV_ERR_SERVER_ID_NOT_IN_ROOM` for `SERVER_ID_NOT_IN_ROOM` or
/// `AV_ERR_SERVER_ID`), shortest first, then the closest in spelling; at most [`NAMES`].
pub(super) fn names(wanted: &str, names: &[&str]) -> Vec<String> {
    let words = format!("_{wanted}_");
    let mut holding: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| *n != wanted && format!("_{n}_").contains(&words))
        .collect();
    holding.sort_by_key(|n| (n.len(), *n));
    holding.dedup();
    let close = crate::load::suggest(wanted, names);
    let mut out: Vec<String> = holding.into_iter().map(str::to_owned).collect();
    out.extend(
        close
            .filter(|c| !out.iter().any(|o| o == c))
            .map(str::to_owned),
    );
    out.truncate(NAMES);
    out
}

/// `a`, `a and b`, `a, b and c`; past `most`, `a, b and 3 more`.
pub(crate) fn listed(items: &[String], most: usize) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ if items.len() > most => format!(
            "{} and {} more",
            items[..most].join(", "),
            items.len() - most
        ),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
