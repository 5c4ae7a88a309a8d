//! Imported texts in another script than their locale's: each is a `locale-script`
//! warning at its cell, and a note says what the import most likely got wrong, in
//! the words of what was found (English under `ja` is no Chinese under `en`).

use super::Section;
use crate::console::count;
use crate::source::FileId;
use crate::validate::{Script, foreign_script};

/// One note per locale and script found, in the order first found; `locales` are the
/// catalog's (or the import's), which a suggested `--locale` is one of.
pub(super) fn notes(sections: &[(FileId, Section)], locales: &[String]) -> Vec<String> {
    let mut found: Vec<(&str, Script, usize)> = Vec::new();
    let texts = sections
        .iter()
        .flat_map(|(_, s)| &s.rows)
        .flat_map(|r| &r.texts);
    for t in texts {
        let Some((script, ..)) = foreign_script(&t.locale, &t.text) else {
            continue;
        };
        match found
            .iter_mut()
            .find(|(l, s, _)| *l == t.locale && *s == script)
        {
            Some((.., n)) => *n += 1,
            None => found.push((&t.locale, script, 1)),
        }
    }
    found
        .into_iter()
        .map(|(locale, script, n)| {
            let verb = if n == 1 { "is" } else { "are" };
            let what = format!(
                "{} under `{locale}` {verb} written in {}",
                count(n, "imported text"),
                script.describe()
            );
            let fitting: Vec<String> = locales
                .iter()
                .filter(|l| script.writes(l))
                .map(|l| format!("`--locale {l}`"))
                .collect();
            if script == Script::Latin {
                format!(
                    "{what}: rows left untranslated, or a table in another language, which takes its own `--locale`"
                )
            } else if fitting.is_empty() {
                format!("{what}: a table in another language takes its own `--locale`")
            } else {
                format!(
                    "{what}: a table in another language takes its own `--locale` ({})",
                    fitting.join(" or ")
                )
            }
        })
        .collect()
}
