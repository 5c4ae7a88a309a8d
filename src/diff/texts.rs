//! Localized texts compared locale by locale, and values shown inside a message.

use super::locales::Locales;
use super::prose;
use crate::model::Text;

/// An optional value in a message: user text on one line, or `none`.
pub(super) fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_string(), prose::one_line)
}

pub(super) enum Edit {
    Added,
    Changed,
    Removed,
}

/// One localized text added, changed or removed: `title (fr) added: "Salle"`.
pub(super) struct TextEdit<'a> {
    pub field: &'a str,
    pub locale: &'a str,
    pub edit: Edit,
    /// The text before and after (empty where there was or is none).
    pub old: &'a str,
    pub new: &'a str,
}

/// Characters of a text a change shows: a reviewer sees what changed, not a page.
const SHOWN: usize = 60;

/// Characters before a change that a cut text keeps, so the change reads in context.
const BEFORE: usize = 20;

/// `text` on one line, a long one cut with `…`, quoted by `q` (plain, or for Markdown).
fn quoted(text: &str, q: &dyn Fn(&str) -> String) -> String {
    window(&prose::one_line(text), 0, q)
}

/// `line` quoted from its `from`th character on, [`SHOWN`] characters of it, with `…`
/// where it was cut.
fn window(line: &str, from: usize, q: &dyn Fn(&str) -> String) -> String {
    let at = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    let (start, end) = (at(from), at(from + SHOWN));
    let before = if start > 0 { "…" } else { "" };
    let after = if end < line.len() { "…" } else { "" };
    format!("\"{before}{}{after}\"", q(&line[start..end]))
}

/// Both sides of a changed text, each cut to the same window around where they
/// first differ: two long texts that differ near their end would otherwise be cut
/// to the same words.
fn changed(old: &str, new: &str, q: &dyn Fn(&str) -> String) -> String {
    let (old, new) = (prose::one_line(old), prose::one_line(new));
    let same = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let longest = old.chars().count().max(new.chars().count());
    let from = if longest <= SHOWN {
        0
    } else {
        // No further than keeps the window full on the longer side.
        same.saturating_sub(BEFORE).min(longest - SHOWN)
    };
    format!("{} → {}", window(&old, from, q), window(&new, from, q))
}

impl TextEdit<'_> {
    /// `message (en): "old" → "new"`, each text quoted by `q`.
    pub fn shown(&self, q: &dyn Fn(&str) -> String) -> String {
        let what = format!("{} ({})", self.field, self.locale);
        match self.edit {
            Edit::Added => format!("{what} added: {}", quoted(self.new, q)),
            Edit::Changed => format!("{what}: {}", changed(self.old, self.new, q)),
            Edit::Removed => format!("{what} removed (was {})", quoted(self.old, q)),
        }
    }
}

/// The texts that differ, field by field (old, new), each locale in the new side's order and
/// then the ones dropped. Texts in the `gone` locales are left to the locale's own change.
pub(super) fn text_edits<'a>(
    fields: impl IntoIterator<Item = (&'a str, Option<&'a Text>, Option<&'a Text>)>,
    gone: &Locales<'a>,
) -> Vec<TextEdit<'a>> {
    const EMPTY: &Text = &Text(Vec::new());
    let mut out = Vec::new();
    for (field, a, b) in fields {
        let (a, b) = (a.unwrap_or(EMPTY), b.unwrap_or(EMPTY));
        for (locale, text) in &b.0 {
            let (edit, old) = match a.get(gone.was(locale)) {
                None => (Edit::Added, ""),
                Some(t) if t != text => (Edit::Changed, t),
                Some(_) => continue,
            };
            out.push(TextEdit {
                field,
                locale,
                edit,
                old,
                new: text,
            });
        }
        for (locale, old) in &a.0 {
            let now = gone.now(locale);
            if b.get(now).is_none() && !gone.is_dropped(locale) {
                out.push(TextEdit {
                    field,
                    locale: now,
                    edit: Edit::Removed,
                    old,
                    new: "",
                });
            }
        }
    }
    out
}

/// The [`text_edits`] as a message lists them (`title (en): "A" → "B", description (fr)
/// added: "C"`), plain and for Markdown, or `None` when no text differs.
pub(super) fn edit_list<'a>(
    fields: impl IntoIterator<Item = (&'a str, Option<&'a Text>, Option<&'a Text>)>,
    gone: &Locales<'a>,
) -> Option<(String, Option<String>)> {
    let edits = text_edits(fields, gone);
    (!edits.is_empty()).then(|| {
        super::quoting(|q| {
            edits
                .iter()
                .map(|t| t.shown(q))
                .collect::<Vec<_>>()
                .join(", ")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts a change shows are the user's: on one line, long ones cut, and escaped
    /// for the Markdown changelog.
    #[test]
    fn a_changed_text_is_shown_old_and_new() {
        let long = "x".repeat(80);
        let edit = TextEdit {
            field: "message",
            locale: "en",
            edit: Edit::Changed,
            old: "Room\n  *full*",
            new: &long,
        };
        let cut = format!("\"{}…\"", "x".repeat(SHOWN));
        assert_eq!(
            edit.shown(&prose::one_line),
            format!("message (en): \"Room *full*\" → {cut}")
        );
        assert_eq!(
            edit.shown(&prose::markdown),
            format!("message (en): \"Room \\*full\\*\" → {cut}")
        );
    }

    /// Two long texts that differ near their end show where they differ, not the
    /// same first words twice.
    #[test]
    fn long_texts_are_cut_around_their_change() {
        let old = "The issuer refused the charge because the card is expired, blocked or over its limit; use another card.";
        let new = old.replace("card.", "card!");
        let edit = TextEdit {
            field: "description",
            locale: "en",
            edit: Edit::Changed,
            old,
            new: &new,
        };
        assert_eq!(
            edit.shown(&prose::one_line),
            "description (en): \"…ard is expired, blocked or over its limit; use another card.\" → \"…ard is expired, blocked or over its limit; use another card!\""
        );
    }
}
