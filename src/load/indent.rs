//! Lines indented unlike their neighbours. YAML reads indentation as structure, so a
//! key line one space off, one under a key whose value is already on its line (a
//! deleted `message:` line leaves `en:` under `name: NOT_FOUND`), or a line of a `|`
//! text indented less than its first line or no further than its key, is refused in
//! the parser's grammar words ("mapping values are not allowed in this context", "did
//! not find expected key", "simple key expected ':'").

use super::flow_texts::Slip;
use super::unquoted::code;

/// The same help errcat gives for an entry key indented unlike the others, so the
/// two read alike.
pub const UNLIKE: &str = "this line is indented unlike the keys around it";

/// The keys whose value is a text, which may hold one line per locale.
const TEXT_KEYS: [&str; 5] = ["title", "message", "description", "cause", "solution"];

/// A line of the file: where it starts, its indentation (spaces) and what follows.
struct Line<'a> {
    start: usize,
    indent: usize,
    content: &'a str,
}

impl<'a> Line<'a> {
    /// The content after the `- ` of list items that start the line, and its column.
    fn after_dashes(&self) -> (&'a str, usize) {
        let mut content = self.content;
        let mut indent = self.indent;
        while let Some(r) = content.strip_prefix("- ") {
            let rest = r.trim_start_matches(' ');
            indent += content.len() - rest.len();
            content = rest;
        }
        (content, indent)
    }
}

/// The line starting at byte `start`, without its line break.
fn line_at(text: &str, start: usize) -> Line<'_> {
    let line = text[start..].split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let content = line.trim_start_matches(' ');
    Line {
        start,
        indent: line.len() - content.len(),
        content,
    }
}

/// The last line with content (not blank, not only a comment) before byte `start`,
/// a line's start.
fn line_before(text: &str, start: usize) -> Option<Line<'_>> {
    let mut end = start.checked_sub(1)?;
    loop {
        let s = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let l = line_at(text, s);
        if !l.content.trim().is_empty() && !l.content.starts_with('#') {
            return Some(l);
        }
        end = s.checked_sub(1)?;
    }
}

/// The key line holding byte `at`, indented unlike the `key: value` line before it:
/// further (under a key that holds its value on its line, so nothing can be under
/// it: a `message:` line deleted, or a line one space too far) or, beside another
/// locale, less.
pub fn misindented(text: &str, at: usize) -> Option<Slip> {
    let at = super::unquoted::char_floor(text, at);
    let line = line_at(text, text[..at].rfind('\n').map_or(0, |i| i + 1));
    let key = key_of(line.content)?;
    let prev = line_before(text, line.start)?;
    // `- code: 1` holds its key after the dash: that key's column is the sibling's.
    let (p_content, p_indent) = prev.after_dashes();
    let p_key = key_of(p_content)?;
    let p_value = p_content[p_key.len() + 1..].trim();
    let re_indented = || {
        code(&format!(
            "{}{}",
            " ".repeat(p_indent),
            line.content.trim_end()
        ))
    };
    let (message, help) = if line.indent > p_indent {
        let holds = holds(p_value)?;
        if locale(key) && !locale(p_key) && !TEXT_KEYS.contains(&p_key) {
            (
                format!(
                    "`{key}:` is indented under `{p_key}:`, which holds {holds}; is a `message:` line missing?"
                ),
                format!(
                    "a text's locales go under its key: write `message:` (or `title:`, `description:`, …) on a line of its own above `{key}:`, indented as far as `{p_key}:`: {}",
                    code(&format!("{}message:", " ".repeat(p_indent)))
                ),
            )
        } else {
            (
                format!(
                    "`{key}:` is indented under `{p_key}:`, which holds {holds} on its line, so nothing can be indented under it"
                ),
                format!(
                    "{UNLIKE}: indent `{key}:` as far as `{p_key}:`: {}",
                    re_indented()
                ),
            )
        }
    } else if line.indent < p_indent && locale(key) && locale(p_key) {
        (
            format!(
                "`{key}:` is indented less than `{p_key}:` above it ({} spaces, not {p_indent})",
                line.indent
            ),
            format!(
                "{UNLIKE}: indent `{key}:` as far as `{p_key}:`: {}",
                re_indented()
            ),
        )
    } else {
        return None;
    };
    Some(Slip {
        start: line.start + line.indent,
        end: line.start + line.indent + key.len(),
        label: "indented unlike the line above",
        message,
        help,
    })
}

/// The line holding byte `at` in a `|` or `>` text, indented less than the text's
/// first line but further than its key: YAML ends the text above it and cannot
/// read the line as a key.
pub fn in_block_text(text: &str, at: usize) -> Option<Slip> {
    let at = super::unquoted::char_floor(text, at);
    let line = line_at(text, text[..at].rfind('\n').map_or(0, |i| i + 1));
    if line.content.trim().is_empty() || line.content.starts_with('#') {
        return None;
    }
    // Back to the `key: |` line: every line between is indented further than this
    // one, as the text's lines are.
    let mut first = None;
    let mut start = line.start;
    let (key, key_indent, style) = loop {
        let end = start.checked_sub(1)?;
        start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let l = line_at(text, start);
        if l.content.trim().is_empty() {
            continue;
        }
        if let Some(header) = block_header(&l) {
            break header;
        }
        if l.indent <= line.indent {
            return None;
        }
        first = Some(l);
    };
    let first = first?;
    if key_indent >= line.indent || line.indent >= first.indent {
        return None;
    }
    let first_line = text[..first.start].matches('\n').count() + 1;
    let content = line.content.trim_end();
    let shown = code(&format!("{}{content}", " ".repeat(first.indent)));
    // Nothing between the first line and this one: the first may be the one too far in.
    let next = line_before(text, line.start).is_some_and(|p| p.start == first.start);
    let or_first = if next {
        ", or, if it is the first line that is indented too far, indent that one as far as this"
    } else {
        ""
    };
    Some(Slip {
        start: line.start + line.indent,
        end: line.start + line.indent + content.len(),
        label: "indented less than the text's first line",
        message: format!(
            "every line of a `{style}` text must be indented at least as far as its first line: this line of `{key}` is indented {} spaces, and its first line (line {first_line}) {} spaces",
            line.indent, first.indent
        ),
        help: format!("indent it as far as the first line: {shown}{or_first}"),
    })
}

/// The line holding byte `at`, right below a `key: |` line and indented no further
/// than `key`: YAML reads the text as empty and this line as a key without a colon.
/// (Indented further than the key but less than the text's first line is
/// [`in_block_text`]'s.)
pub fn at_its_key(text: &str, at: usize) -> Option<Slip> {
    let at = super::unquoted::char_floor(text, at);
    let line = line_at(text, text[..at].rfind('\n').map_or(0, |i| i + 1));
    if line.content.trim().is_empty() || line.content.starts_with(['#', '-']) {
        return None;
    }
    // A `key:` line there would be read as the next key, not refused.
    if key_of(line.content).is_some() {
        return None;
    }
    let header = line_before(text, line.start)?;
    let (key, key_indent, style) = block_header(&header)?;
    if line.indent > key_indent {
        return None;
    }
    let header_line = text[..header.start].matches('\n').count() + 1;
    let content = line.content.trim_end();
    let shown = code(&format!("{}{content}", " ".repeat(key_indent + 2)));
    let how_far = if line.indent == key_indent {
        "as far as"
    } else {
        "less than"
    };
    Some(Slip {
        start: line.start + line.indent,
        end: line.start + line.indent + content.len(),
        label: "a line of the text above, not indented under its key",
        message: format!(
            "the lines of a `{style}` text must be indented further than its key: this line is indented {how_far} `{key}:` (line {header_line}), so YAML ends the text before it and reads the line as a key"
        ),
        help: format!("indent each line of the text further than `{key}:`: {shown}"),
    })
}

/// A line that starts a `|` or `>` text (`en: |`, `- description: >-`): its key, the
/// key's column and the style. Not with an indentation number (`|2`), which sets
/// the text's indentation itself.
fn block_header<'a>(l: &Line<'a>) -> Option<(&'a str, usize, char)> {
    let (content, indent) = l.after_dashes();
    let key = key_of(content)?;
    let value = content[key.len() + 1..].trim_start();
    let style = value.chars().next().filter(|c| matches!(c, '|' | '>'))?;
    let rest = value[1..].trim_start_matches(['+', '-']);
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(())?;
    let rest = rest.trim();
    (rest.is_empty() || rest.starts_with('#')).then_some((key, indent, style))
}

/// What a key's value written on its line is, for "which holds …"; `None` when
/// lines below may belong to it (nothing yet, a `|` or `>` text, a quote or bracket
/// that goes on, an anchor or tag).
fn holds(value: &str) -> Option<&'static str> {
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    let closes = |open: char, close: char| {
        value.len() > 1 && value.starts_with(open) && value.ends_with(close)
    };
    let open_quote = value.starts_with(['"', '\'']) && !closes('"', '"') && !closes('\'', '\'');
    if closes('{', '}') {
        Some("a `{ … }` map")
    } else if closes('[', ']') {
        Some("a `[ … ]` list")
    } else if open_quote
        || value.is_empty()
        || value.starts_with(['|', '>', '#', '{', '[', '&', '!', '*'])
    {
        None
    } else if value.parse::<f64>().is_ok() {
        Some("a number")
    } else {
        Some("a text")
    }
}

/// The key `line` starts with, when `: ` or a colon at the end follows it (not `：`,
/// nor a colon inside a word, which are other slips).
fn key_of(line: &str) -> Option<&str> {
    super::key_lines::key(line).filter(|k| {
        let after = &line[k.len()..];
        after.starts_with(':') && after[1..].chars().next().is_none_or(char::is_whitespace)
    })
}

/// Whether `key` reads as a locale tag (`en`, `zh-CN`, `pt-BR`), in any case: the
/// author's slip may be in the case too.
fn locale(key: &str) -> bool {
    let mut parts = key.split('-');
    parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()))
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Option<Slip> {
        misindented(text, text.find(needle).unwrap())
    }

    #[test]
    fn message_line_missing() {
        let text = "  - code: 1\n    name: A\n      en: a\n      zh-CN: b\n";
        let s = at(text, "en:").unwrap();
        assert_eq!(&text[s.start..s.end], "en");
        assert!(
            s.message.ends_with("is a `message:` line missing?"),
            "{}",
            s.message
        );
        assert!(s.help.ends_with("`    message:`"), "{}", s.help);
        // Under a text's own key, a locale is a sibling one space off.
        let text = "    message: { en: a }\n      zh-CN: b\n";
        let s = at(text, "zh-CN").unwrap();
        assert!(
            s.message.contains("holds a `{ … }` map on its line"),
            "{}",
            s.message
        );
    }

    #[test]
    fn sibling_off_by_one() {
        let text = "    message:\n      en: a\n     zh-CN: b\n";
        let s = at(text, "zh-CN").unwrap();
        assert!(s.message.contains("(5 spaces, not 6)"), "{}", s.message);
        assert!(s.help.ends_with("`      zh-CN: b`"), "{}", s.help);
        let text = "    message:\n      en: a # c\n       zh-CN: b\n";
        let s = at(text, "zh-CN").unwrap();
        assert!(
            s.message.contains("which holds a text on its line"),
            "{}",
            s.message
        );
        let text = "  - code: 1\n     http: 404\n";
        let s = at(text, "http").unwrap();
        assert!(
            s.message.contains("under `code:`, which holds a number"),
            "{}",
            s.message
        );
        assert!(s.help.ends_with("`    http: 404`"), "{}", s.help);
    }

    #[test]
    fn not_misindented() {
        for (text, needle) in [
            ("    message:\n      en: a\n", "en"),
            ("    en: |\n      b: c\n", "b:"),
            ("    en: \"a\n      b: c\"\n", "b:"),
            ("    en: a\n    zh-CN: b\n", "zh-CN"),
            // An entry key less indented has its own help.
            ("    name: A\n   http: 1\n", "http"),
            ("    en: a\n      https://x\n", "https"),
            ("zh-CN: b\n", "zh"),
        ] {
            assert_eq!(at(text, needle), None, "{text:?}");
        }
    }

    #[test]
    fn block_text_lines() {
        let text = "    en: |\n      a\n     b\n";
        let s = in_block_text(text, text.find(" b").unwrap() + 1).unwrap();
        assert_eq!(&text[s.start..s.end], "b");
        assert!(s.message.contains("`|` text must be"), "{}", s.message);
        assert!(
            s.message
                .ends_with("5 spaces, and its first line (line 2) 6 spaces"),
            "{}",
            s.message
        );
        assert!(s.help.ends_with("`      b`, or, if it is the first line that is indented too far, indent that one as far as this"), "{}", s.help);
        let text = "  - description: >-  # c\n        a\n\n        b\n      c\n";
        let s = in_block_text(text, text.rfind(" c\n").unwrap() + 1).unwrap();
        assert!(s.message.contains("`>` text"), "{}", s.message);
        assert!(s.help.ends_with("`        c`"), "{}", s.help);
        for (text, needle) in [
            // As far as the key: the text has ended, the line is a key of its map.
            ("    en: |\n      a\n    b: c\n", "b:"),
            ("    en: |2\n      a\n     b\n", " b"),
            ("    en: |\n      a\n     # c\n", "#"),
            ("    en: a\n      a\n     b\n", " b"),
            ("    en: |\n     b\n", " b"),
        ] {
            assert_eq!(
                in_block_text(text, text.find(needle).unwrap() + 1),
                None,
                "{text:?}"
            );
        }
    }

    #[test]
    fn block_text_at_its_key() {
        let text = "    message:\n      en: |\n      The room is full.\n      zh-CN: b\n";
        let s = at_its_key(text, text.find("The").unwrap()).unwrap();
        assert_eq!(&text[s.start..s.end], "The room is full.");
        assert!(
            s.message
                .contains("indented as far as `en:` (line 2), so YAML ends the text"),
            "{}",
            s.message
        );
        assert!(
            s.help.ends_with("`        The room is full.`"),
            "{}",
            s.help
        );
        let text = "  - description: >-\n  Joined.\n";
        let s = at_its_key(text, text.find("Joined").unwrap()).unwrap();
        assert!(
            s.message.contains("`>` text must be indented further than its key: this line is indented less than `description:` (line 1)"),
            "{}",
            s.message
        );
        assert!(s.help.ends_with("`      Joined.`"), "{}", s.help);
        for (text, needle) in [
            // The text is empty, and the next key follows: valid YAML.
            ("    en: |\n    zh-CN: b\n", "zh-CN"),
            ("    en: |\n      a\n    b\n", "b\n"),
            ("    en: |2\n    b\n", "b\n"),
            ("    en: a\n    b\n", "b\n"),
            ("    en: |\n    # c\n", "#"),
            ("    en: |\n    - b\n", "- b"),
        ] {
            assert_eq!(
                at_its_key(text, text.find(needle).unwrap()),
                None,
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_any_position(text in "[ -~\\n\r：\u{3000}房|]{0,40}", at in 0usize..48) {
            let found = [in_block_text(&text, at), at_its_key(&text, at), misindented(&text, at)];
            for s in found.into_iter().flatten() {
                proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
