//! The catalog locales that changed: dropped, or renamed (`zh` to `zh-CN`, `iw` to `he`),
//! which the comparison of texts must know: a dropped locale's texts go with its own
//! change, a renamed one's are compared across the rename.

use super::Index;
use crate::model::Catalog;
use crate::view::match_subtags;

/// The locales of the old catalog the new one lacks.
pub(super) struct Locales<'a> {
    /// Dropped, texts and all.
    pub dropped: Vec<&'a str>,
    /// (old tag, new tag): a locale the new catalog writes under another tag.
    pub renamed: Vec<(&'a str, &'a str)>,
}

impl<'a> Locales<'a> {
    /// A locale the old catalog has and the new one does not is renamed to one the new
    /// one adds of the same language, when their messages agree most there (one
    /// identical message at least, and no other added locale agreeing as often);
    /// else it is dropped.
    pub fn new(old: &'a Catalog, new: &'a Catalog, new_index: &Index<'a>) -> Self {
        let mut added: Vec<&str> = new
            .locales
            .iter()
            .filter(|l| !old.locales.contains(l))
            .map(String::as_str)
            .collect();
        let mut out = Locales {
            dropped: Vec::new(),
            renamed: Vec::new(),
        };
        for gone in old.locales.iter().filter(|l| !new.locales.contains(l)) {
            let language = &match_subtags(gone)[0];
            let agreeing = |tag: &str| {
                old.namespaces
                    .iter()
                    .filter_map(|o| Some((o, new_index.namespace(&o.id)?)))
                    .flat_map(|(o, n)| o.entries.iter().filter_map(|e| Some((e, n.entry(e.code)?))))
                    .filter(|(e, x)| {
                        e.message.get(gone).is_some() && e.message.get(gone) == x.message.get(tag)
                    })
                    .count()
            };
            let mut scored: Vec<(usize, &str)> = added
                .iter()
                .filter(|a| match_subtags(a)[0] == *language)
                .map(|a| (agreeing(a), *a))
                .filter(|(n, _)| *n > 0)
                .collect();
            scored.sort_by_key(|s| std::cmp::Reverse(s.0));
            match scored.as_slice() {
                [(best, tag), rest @ ..] if rest.first().is_none_or(|r| r.0 < *best) => {
                    let tag = *tag;
                    added.retain(|a| *a != tag);
                    out.renamed.push((gone, tag));
                }
                _ => out.dropped.push(gone),
            }
        }
        out
    }

    /// The tag the new catalog gives old locale `tag`.
    pub fn now(&self, tag: &'a str) -> &'a str {
        self.renamed
            .iter()
            .find(|(was, _)| *was == tag)
            .map_or(tag, |(_, now)| now)
    }

    /// The tag the old catalog gave new locale `tag`.
    pub fn was(&self, tag: &'a str) -> &'a str {
        self.renamed
            .iter()
            .find(|(_, now)| *now == tag)
            .map_or(tag, |(was, _)| was)
    }

    /// Whether `tag` of the new catalog is an old locale under a new tag.
    pub fn is_renamed_to(&self, tag: &str) -> bool {
        self.renamed.iter().any(|(_, now)| *now == tag)
    }

    /// Whether old locale `tag` was dropped.
    pub fn is_dropped(&self, tag: &str) -> bool {
        self.dropped.contains(&tag)
    }
}
