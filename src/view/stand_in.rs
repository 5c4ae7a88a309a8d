//! Which catalog locale serves a request's tag, and whose text stands in for one a
//! locale lacks: as every generated language chooses them, for the views and for
//! `errcat explain --locale`.

use super::{fallback_order, match_subtags};
use crate::model::{Catalog, Text};

/// The index of the catalog locale that serves `asked`, as the generated code's
/// `locale_index` chooses it: the tag itself (in any case, with `_` or `-`, without
/// surrounding ASCII whitespace), else the best locale of its language: of the same
/// script and region, else of the same script and no region, else of the same script,
/// else the first. `None` for no tag (`*`, an `Accept-Language` header) or a language
/// the catalog lacks: the generated code then uses the default locale.
pub(crate) fn chosen(locales: &[String], asked: &str) -> Option<usize> {
    let tag = asked
        .trim_matches([' ', '\t', '\n', '\x0c', '\r'])
        .replace('_', "-")
        .to_ascii_lowercase();
    if let Some(i) = locales.iter().position(|l| l.to_ascii_lowercase() == tag) {
        return Some(i);
    }
    let parts: Vec<&str> = tag.split('-').collect();
    let subtag =
        |p: &str| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric());
    let language =
        |p: &str| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic());
    if !parts.iter().all(|p| subtag(p)) || !language(parts[0]) {
        return None;
    }
    let [language, script, region] = match_subtags(&tag);
    locales
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let [l_language, l_script, l_region] = match_subtags(l);
            let rank = match () {
                _ if l_script != script => 3,
                _ if l_region == region => 0,
                _ if l_region.is_empty() => 1,
                _ => 2,
            };
            (l_language == language).then_some((rank, i))
        })
        .min()
        .map(|(_, i)| i)
}

/// Whose text a locale shows when it has none of its own.
pub(crate) struct StandIns<'a> {
    locales: &'a [String],
    /// Per catalog locale, the indexes of its `fallbacks` (see [`fallback_order`]):
    /// worked out once, not for every text.
    fallbacks: Vec<Vec<usize>>,
    /// The default locale's index.
    pub default_index: usize,
}

impl<'a> StandIns<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        StandIns {
            locales: &catalog.locales,
            fallbacks: fallback_order(&catalog.locales),
            default_index: catalog
                .locales
                .iter()
                .position(|l| *l == catalog.default_locale)
                .unwrap_or(0),
        }
    }

    /// The `fallbacks` of locale `i`.
    pub fn fallbacks(&self, i: usize) -> &[usize] {
        &self.fallbacks[i]
    }

    /// The index of the locale whose text of `t` locale `i` shows, when it has one
    /// itself or one of its `fallbacks` has one: the first of them.
    pub fn nearest(&self, t: &Text, i: usize) -> Option<usize> {
        std::iter::once(&i)
            .chain(&self.fallbacks[i])
            .copied()
            .find(|&j| t.get(&self.locales[j]).is_some())
    }

    /// The index of the locale whose text of `t` the default locale shows: its own, else
    /// the nearest of its `fallbacks`, else the first locale's that has one; `None`
    /// for an empty text.
    pub fn default_source(&self, t: &Text) -> Option<usize> {
        self.nearest(t, self.default_index)
            .or_else(|| (0..self.locales.len()).find(|&j| t.get(&self.locales[j]).is_some()))
    }

    /// The index of the locale whose text of `t` locale `i` shows: the nearest, else
    /// the default locale's.
    pub fn source(&self, t: &Text, i: usize) -> Option<usize> {
        self.nearest(t, i).or_else(|| self.default_source(t))
    }
}

#[cfg(test)]
mod tests {
    use super::chosen;

    /// Every table of the conformance file, which every generated language passes.
    #[test]
    fn a_tag_chooses_the_locale_the_generated_code_does() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/conformance/locale-choice.json"))
                .unwrap();
        let mut checked = 0;
        for table in file["catalogs"].as_array().unwrap() {
            let locales: Vec<String> = table["locales"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap().to_owned())
                .collect();
            for pair in table["chosen"].as_array().unwrap() {
                let asked = pair[0].as_str().unwrap();
                let got = chosen(&locales, asked).map(|i| locales[i].as_str());
                assert_eq!(got, pair[1].as_str(), "{asked:?} in {locales:?}");
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
