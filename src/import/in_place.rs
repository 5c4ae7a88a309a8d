//! An import that changes only texts keeps the file's comments and layout: each
//! changed text is written where it stands, and each new locale of a text beside
//! the text's others. The result is kept only when it reads back as the canonical
//! file would (the caller checks), so whatever this cannot place exactly (a new
//! entry or field, a text written as one plain string) is written canonically.

use std::collections::HashMap;
use std::ops::Range;

use super::doc::{Doc, Entry, Localized, Text};
use super::yaml;

/// Bytes `at` of the file become `with`.
struct Splice {
    at: Range<usize>,
    with: String,
}

/// The file `file` (read as `before`) with the texts `after` changes or adds, or
/// `None` when `after` differs in anything else it can see: an entry or a field of
/// an entry that `before` lacks.
pub(super) fn edit(file: &str, before: &Doc, after: &Doc) -> Option<String> {
    if before.entries.len() != after.entries.len() {
        return None;
    }
    let by_code: HashMap<i64, &Entry> = before.entries.iter().map(|e| (e.code, e)).collect();
    let mut splices = Vec::new();
    for a in &after.entries {
        let b = by_code.get(&a.code)?;
        for (field, new) in &a.texts {
            splices.extend(text(file, b.text(*field)?, new)?);
        }
    }
    splices.sort_by_key(|s| s.at.start);
    // Written front to back: a translation of every text costs one pass over the file.
    let mut out = String::with_capacity(file.len());
    let mut done = 0;
    for s in &splices {
        out.push_str(file.get(done..s.at.start)?);
        out.push_str(&s.with);
        done = s.at.end;
    }
    out.push_str(file.get(done..)?);
    Some(out)
}

/// How a text's locale is written: a line of a block mapping (with its key's
/// indentation and where its line starts), or an entry of a flow mapping.
enum Style {
    Block { indent: usize, line: usize },
    Flow,
}

/// How `l`, read from `file`, is written; `None` for a text that is one plain string
/// (`message: The room is full`), which has no locale keys to add to.
fn style(file: &str, l: &Localized) -> Option<Style> {
    let at = l.span?.start;
    let mut line = file.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let mut prefix = file[line..at].trim_end();
    if prefix.is_empty() {
        // A literal or folded block starts on the line after its key (`zh-CN: |-`).
        line = file[..line.checked_sub(1)?]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let (key, indicator) = file[line..at].trim_end().rsplit_once(':')?;
        if !indicator.trim_start().starts_with(['|', '>']) {
            return None;
        }
        prefix = key;
    } else {
        prefix = prefix.strip_suffix(':')?;
    }
    let key = [
        l.locale.clone(),
        format!("\"{}\"", l.locale),
        format!("'{}'", l.locale),
    ]
    .into_iter()
    .find(|k| prefix.ends_with(k.as_str()))?;
    let before_key = &prefix[..prefix.len() - key.len()];
    if before_key.trim().is_empty() {
        Some(Style::Block {
            indent: before_key.len(),
            line,
        })
    } else if before_key.trim_end().ends_with(['{', ',']) {
        Some(Style::Flow)
    } else {
        None
    }
}

/// The end of the line that holds the value ending at `at`, past its line break (a
/// literal block's span ends with its last line's).
fn line_end(file: &str, at: usize) -> Option<usize> {
    // A literal block's span may run on into the next line's indentation.
    let value = file.get(..at)?.trim_end_matches([' ', '\t']);
    if value.ends_with('\n') {
        return Some(value.len());
    }
    Some(file[at..].find('\n').map_or(file.len(), |i| at + i + 1))
}

/// The splices that turn the text `old` (as read from `file`) into `new`.
fn text(file: &str, old: &Text, new: &Text) -> Option<Vec<Splice>> {
    let mut out = Vec::new();
    let mut added = Vec::new();
    for l in &new.0 {
        match old.get(&l.locale) {
            Some(o) if o.text == l.text => {}
            Some(o) => out.push(replace(file, o, &l.text)?),
            None => added.push(l),
        }
    }
    if !added.is_empty() {
        out.push(insert(file, old, &added)?);
    }
    Some(out)
}

/// `o`'s value written as `new`.
fn replace(file: &str, o: &Localized, new: &str) -> Option<Splice> {
    let span = o.span?;
    let single = !new.contains('\n') && !file.get(span.start..span.end)?.contains('\n');
    match style(file, o)? {
        // In place, so that a comment after it on its line stays.
        Style::Block { .. } if single => Some(Splice {
            at: span.start..span.end,
            with: yaml::scalar(new),
        }),
        Style::Block { indent, line } => Some(Splice {
            at: line..line_end(file, span.end)?,
            with: yaml::field_text(indent, &o.locale, new),
        }),
        // A flow mapping holds no literal block: a multi-line text is written anew.
        Style::Flow => Some(Splice {
            at: span.start..span.end,
            with: (!new.contains('\n')).then(|| yaml::flow_scalar(new))?,
        }),
    }
}

/// The locales `added` written after the last locale of `old`, as it is written.
fn insert(file: &str, old: &Text, added: &[&Localized]) -> Option<Splice> {
    let last = old.0.iter().max_by_key(|l| l.span.map(|s| s.start))?;
    let end = last.span?.end;
    match style(file, last)? {
        Style::Block { indent, .. } => {
            let at = line_end(file, end)?;
            let with = added
                .iter()
                .map(|l| yaml::field_text(indent, &l.locale, &l.text))
                .collect();
            // A file whose last line has no line break gets one before the new line.
            let with = match file[..at].ends_with('\n') {
                true => with,
                false => format!("\n{with}"),
            };
            Some(Splice { at: at..at, with })
        }
        Style::Flow => {
            let mut with = String::new();
            for l in added {
                let value = (!l.text.contains('\n')).then(|| yaml::flow_scalar(&l.text))?;
                with.push_str(&format!(", {}: {value}", yaml::flow_scalar(&l.locale)));
            }
            Some(Splice { at: end..end, with })
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::super::doc::{self, Field, Localized};
    use crate::diag::Report;
    use crate::load::{self, raw::RawNamespace};
    use crate::source::Sources;

    const ORDER: [&str; 3] = ["en", "zh-CN", "ja"];

    /// A text set: (code, field, locale, text).
    type Change<'a> = (i64, Field, &'a str, &'a str);

    /// `file` with the texts `changes` (code, field, locale, text) set, edited in
    /// place when that reads back as the canonical result.
    fn edited(file: &str, changes: &[Change]) -> Option<String> {
        let mut sources = Sources::default();
        let id = sources.add(PathBuf::from("t.yaml"), file.to_owned());
        let raw = load::parse::<RawNamespace>(&sources, id, &mut Report::default()).unwrap();
        let before = doc::from_raw(&raw, id, &sources, "en");
        let mut after = before.clone();
        for &(code, field, locale, text) in changes {
            let e = after.entries.iter_mut().find(|e| e.code == code).unwrap();
            let t = e.text_mut(field);
            match t.0.iter_mut().find(|l| l.locale == locale) {
                Some(l) => l.text = text.to_owned(),
                None => t.0.push(Localized {
                    locale: locale.to_owned(),
                    text: text.to_owned(),
                    span: None,
                }),
            }
        }
        let order: Vec<String> = ORDER.map(str::to_owned).into();
        let canonical = super::super::yaml::namespace(&after, &order);
        super::edit(file, &before, &after)
            .filter(|t| super::super::reads_as(t, &canonical, "en", &order))
    }

    const FILE: &str = "\
# Rooms
namespace: room
entries:
  - code: 1
    name: ROOM_FULL
    title: { en: Room full }
    message:
      en: The room is full
      zh-CN: 房间已满  # reviewed
    description:
      en: |-
        The room is full.
        Try later.
  - code: 2
    name: ROOM_GONE
    message: The room is gone
";

    #[test]
    fn texts_change_where_they_stand_and_comments_stay() {
        let cases: [(&[Change], &str, &str); 5] = [
            (
                &[(1, Field::Message, "zh-CN", "房间满了")],
                "      zh-CN: 房间已满  # reviewed\n",
                "      zh-CN: 房间满了  # reviewed\n",
            ),
            (
                &[(1, Field::Description, "en", "Full.")],
                "      en: |-\n        The room is full.\n        Try later.\n",
                "      en: Full.\n",
            ),
            (
                &[(1, Field::Message, "ja", "満室\n後で")],
                "      zh-CN: 房间已满  # reviewed\n",
                "      zh-CN: 房间已满  # reviewed\n      ja: |-\n        満室\n        後で\n",
            ),
            (
                &[(1, Field::Description, "zh-CN", "房间已满。")],
                "        Try later.\n",
                "        Try later.\n      zh-CN: 房间已满。\n",
            ),
            (
                &[(1, Field::Title, "ja", "満室")],
                "    title: { en: Room full }\n",
                "    title: { en: Room full, ja: 満室 }\n",
            ),
        ];
        for (changes, was, now) in cases {
            let text = edited(FILE, changes).unwrap_or_else(|| panic!("{changes:?}"));
            assert_eq!(text, FILE.replacen(was, now, 1), "{changes:?}");
        }
    }

    /// What a splice cannot write exactly is left to the canonical writer.
    #[test]
    fn what_cannot_be_placed_is_written_anew() {
        for changes in [
            // A line break inside a flow mapping.
            &[(1, Field::Title, "ja", "満\n室")][..],
            // A text that is one plain string has no locale keys.
            &[(2, Field::Message, "zh-CN", "房间没了")],
            // A field the entry lacks.
            &[(2, Field::Cause, "en", "Closed")],
        ] {
            assert_eq!(edited(FILE, changes), None, "{changes:?}");
        }
    }
}
