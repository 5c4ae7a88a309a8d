//! A required field that is absent. The parser notices at the end of the map and
//! points at its last key (`tags: [a, b]` for an entry without `message`); the
//! diagnostic points at the map itself, names what it is, and says what to add.

use super::found::key_before;
use crate::diag::Diagnostic;
use crate::rules;
use crate::source::Span;

/// Where a map starts (its first key, or its `{`), and what holds it.
#[derive(Debug, PartialEq, Eq)]
pub struct MapStart<'a> {
    /// Byte offset of the first key or of the `{`.
    pub at: usize,
    /// The key whose value is the map, or the list it is an item of; none at the top.
    pub parent: Option<&'a str>,
    /// Whether the map is an item of a list.
    pub item: bool,
}

/// The map a key at byte `at` belongs to: a flow map opened on the key's line
/// (`- { code: 400, name: A }`), or a block map whose keys share the key's column.
pub fn map_start(text: &str, at: usize) -> Option<MapStart<'_>> {
    if !text.is_char_boundary(at) || at > text.len() {
        return None;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    flow_map_start(text, line_start, at).or_else(|| block_map_start(text, line_start, at))
}

/// The unclosed `{` before `at` on its line, and what holds that map.
fn flow_map_start(text: &str, line_start: usize, at: usize) -> Option<MapStart<'_>> {
    let mut depth = 0usize;
    let mut quote = None;
    let mut open = None;
    // Forward over the line up to `at`, so that quoted braces are skipped.
    for (i, c) in text[line_start..at].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => {
                depth += 1;
                if c == '{' {
                    open = Some((line_start + i, depth));
                }
            }
            (None, '}' | ']') => {
                depth = depth.saturating_sub(1);
                if open.is_some_and(|(_, d)| d > depth) {
                    open = None;
                }
            }
            _ => {}
        }
    }
    let (brace, _) = open?;
    let before = text[line_start..brace].trim_end();
    let (parent, item) = if let Some(key_end) = before.strip_suffix(':') {
        (trailing_word(key_end), false)
    } else if before.ends_with('-') {
        (list_key(text, line_start + before.len() - 1), true)
    } else if before.ends_with('[') || before.ends_with(',') {
        let bracket = text[line_start..brace].rfind('[').map(|i| line_start + i);
        (bracket.and_then(|b| key_before(text, b)), true)
    } else {
        (None, false)
    };
    Some(MapStart {
        at: brace,
        parent,
        item,
    })
}

/// The first key of the block map whose keys sit in `at`'s column.
fn block_map_start(text: &str, line_start: usize, at: usize) -> Option<MapStart<'_>> {
    let column = at - line_start;
    // The key's own line may open the map as a list item: `  - code: 400`.
    let own = &text[line_start..at];
    if own.trim_start().starts_with('-') && own.trim_start_matches([' ', '-']).is_empty() {
        return Some(item_start(text, line_start + own.find('-')?, at));
    }
    let mut first = at;
    for (start, indent, content) in lines_above(text, line_start) {
        // A list item: its first key in this column (`- id: g`), or on the lines
        // below a lone `-`.
        if let Some(rest) = content.strip_prefix('-') {
            let key = rest.trim_start_matches(' ');
            if key.is_empty() && indent < column {
                return Some(item_start(text, start + indent, first));
            }
            if rest.starts_with(' ') && indent + content.len() - key.len() == column {
                return Some(item_start(text, start + indent, start + column));
            }
        }
        match indent.cmp(&column) {
            std::cmp::Ordering::Equal => first = start + indent,
            std::cmp::Ordering::Greater => {}
            std::cmp::Ordering::Less => {
                let parent = content.strip_suffix(':').and_then(trailing_word)?;
                return Some(MapStart {
                    at: first,
                    parent: Some(parent),
                    item: false,
                });
            }
        }
    }
    (column == 0).then_some(MapStart {
        at: first,
        parent: None,
        item: false,
    })
}

/// A block list item's map: its first key (after the `-` at `dash`) and its list.
fn item_start(text: &str, dash: usize, first_key: usize) -> MapStart<'_> {
    MapStart {
        at: first_key,
        parent: list_key(text, dash),
        item: true,
    }
}

/// The key of the block list whose item starts with the `-` at byte `dash`: the
/// closest line above, past the items before it and their contents, that ends
/// with `:` (a list may sit at its key's indentation).
fn list_key(text: &str, dash: usize) -> Option<&str> {
    let line_start = text[..dash].rfind('\n').map_or(0, |i| i + 1);
    let dash_indent = dash - line_start;
    let (_, _, content) = lines_above(text, line_start).find(|&(_, indent, content)| {
        indent < dash_indent || (indent == dash_indent && !content.starts_with('-'))
    })?;
    content.strip_suffix(':').and_then(trailing_word)
}

/// The lines above the one starting at byte `line_start`, closest first, without
/// blank and comment lines: each as its start, its indentation and the rest
/// (trailing whitespace trimmed).
fn lines_above(text: &str, line_start: usize) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut pos = line_start;
    std::iter::from_fn(move || {
        while pos > 0 {
            let start = text[..pos - 1].rfind('\n').map_or(0, |i| i + 1);
            let line = text[start..pos - 1].trim_end();
            pos = start;
            let content = line.trim_start_matches(' ');
            if !content.is_empty() && !content.starts_with('#') {
                return Some((start, line.len() - content.len(), content));
            }
        }
        None
    })
}

/// The key-like word that ends `s`: `entries` in `  entries`.
fn trailing_word(s: &str) -> Option<&str> {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &s[start..];
    (!word.is_empty()).then_some(word)
}

/// What a map is called, and the type the schema describes it with, by the list or
/// key that holds it.
const KINDS: &[(&str, &str, &str)] = &[
    ("entries", "entry", "Entry"),
    ("groups", "group", "Group"),
    ("reserved", "reserved code", "Reserved"),
    ("targets", "target", "Target"),
    ("surfaces", "surface", "Surface"),
    ("acknowledge", "acknowledgement", "Acknowledgement"),
    ("files", "file", "FileSpec"),
    ("integers", "integer type", "IntType"),
    ("range", "`range`", "Range"),
    ("deprecated", "`deprecated`", "Deprecated"),
    ("docs", "`docs`", "Docs"),
    ("profile", "`profile`", "GenericProfile"),
];

/// The finding for a map without its required `field`, from the parser's position
/// `span` (a key of that map).
pub fn diagnostic(field: &str, text: &str, span: Span) -> Option<Diagnostic> {
    let map = map_start(text, span.start)?;
    let kind = map
        .parent
        .and_then(|p| KINDS.iter().find(|(k, _, _)| *k == p));
    let what = match (kind, map.parent, map.item) {
        (Some((_, noun, _)), _, true) => format!("this {noun}"),
        (Some((_, noun, _)), _, false) => (*noun).to_owned(),
        (None, Some(p), true) => format!("this item of `{p}`"),
        (None, Some(p), false) => format!("`{p}`"),
        (None, None, _) => "this file".to_owned(),
    };
    let key_len = text[map.at..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-')))
        .unwrap_or(0)
        .max(1);
    let skipped = &text[span.start.min(map.at)..span.start.max(map.at)];
    let lines = u32::try_from(skipped.matches('\n').count()).unwrap_or(0);
    let line = if map.at < span.start {
        span.line.saturating_sub(lines).max(1)
    } else {
        span.line.saturating_add(lines)
    };
    let line_start = text[..map.at].rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..map.at].chars().count() + 1;
    let at = Span {
        start: map.at,
        end: map.at + key_len,
        line,
        column: u32::try_from(column).unwrap_or(u32::MAX),
        ..span
    };
    let described = field_description(field, kind.map(|(_, _, def)| *def));
    let help = match described {
        Some(d) => format!("add `{field}:` ({})", d.trim_end_matches('.')),
        None => format!("add `{field}:`"),
    };
    Some(
        Diagnostic::new(
            &rules::INVALID_VALUE,
            format!("missing field `{field}`: {what} has none"),
        )
        .at(at, format!("{what} has no `{field}`"))
        .help(help),
    )
}

/// What the JSON Schema says of `field` in `def` (or in the only definition that
/// requires it), lower-cased to follow "add `field:`".
fn field_description(field: &str, def: Option<&str>) -> Option<String> {
    let schema = crate::schema::schema();
    let defs = schema.get("definitions")?.as_object()?;
    let requires = |d: &serde_json::Value| {
        d.get("required")
            .and_then(|r| r.as_array())
            .is_some_and(|r| r.iter().any(|f| f == field))
    };
    let holder = match def {
        Some(name) => defs.get(name)?,
        None => {
            let mut found = defs.values().filter(|d| requires(d));
            let one = found.next()?;
            if found.next().is_some() {
                return None;
            }
            one
        }
    };
    let text = holder
        .get("properties")?
        .get(field)?
        .get("description")?
        .as_str()?;
    // The first paragraph says what the field is; the rest is for the schema's reader.
    let text = text.split("\n\n").next().unwrap_or(text);
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(first.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(text: &str, key: &str) -> MapStart<'static> {
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        map_start(text, text.rfind(key).expect("key")).expect("a map")
    }

    #[test]
    fn block_maps() {
        let t =
            "namespace: a\nentries:\n  - code: 400\n    name: A\n    # note\n    tags: [a, b]\n";
        let m = start(t, "tags");
        assert_eq!(
            (m.at, m.parent, m.item),
            (t.find("code").unwrap(), Some("entries"), true)
        );
        let t = "entries:\n  - { code: 1, name: A, message: a }\n";
        assert_eq!(start(t, "entries").parent, None, "the top-level map");
        assert_eq!(start(t, "entries").at, 0);
        let t = "namespace: a\nrange:\n  min: 1\ngroups:\n  -\n    id: g\n";
        let m = start(t, "min");
        assert_eq!(
            (m.at, m.parent, m.item),
            (t.find("min").unwrap(), Some("range"), false)
        );
        let m = start(t, "id");
        assert_eq!((m.parent, m.item), (Some("groups"), true));
        let t = "entries:\n  - code: 1\n    params:\n      - a\n  - code: 2\n    name: B\n";
        let m = start(t, "name");
        assert_eq!((m.parent, m.item), (Some("entries"), true), "a later item");
    }

    #[test]
    fn flow_maps() {
        let t = "entries:\n  - { code: 400, name: \"a {b\" }\n";
        let m = start(t, "name");
        assert_eq!(
            (m.at, m.parent, m.item),
            (t.find('{').unwrap(), Some("entries"), true)
        );
        let t = "range: { min: 1 }\n";
        let m = start(t, "min");
        assert_eq!(
            (m.at, m.parent, m.item),
            (t.find('{').unwrap(), Some("range"), false)
        );
        let t = "entries:\n- { code: 1, message: a }\n\n- { code: 2 }\n";
        assert_eq!(start(t, "code").parent, Some("entries"), "a later item");
        let t = "reserved: [{ code: 1 }]\n";
        let m = start(t, "code");
        assert_eq!((m.parent, m.item), (Some("reserved"), true));
    }

    proptest::proptest! {
        // Positions come from the parser: at any byte of any text, finding the map
        // and wording the finding never panics.
        #[test]
        fn any_text_any_position(text in "[ -~\\n房]{0,60}", at in 0usize..64) {
            let span = Span { file: crate::source::FileId(0), line: 1, column: 1, start: at, end: at };
            let _ = map_start(&text, at);
            let _ = diagnostic("message", &text, span);
        }
    }

    #[test]
    fn what_to_add() {
        let d = field_description("message", Some("Entry")).unwrap();
        assert!(d.starts_with("the text shown to users"), "{d}");
        assert!(
            field_description("namespace", None).is_some(),
            "required once"
        );
        assert_eq!(
            field_description("code", None),
            None,
            "entries and reserved codes"
        );
    }
}
