//! Text written without quotes that YAML reads as syntax. errcat's placeholders start
//! with `{`, so `en: {item_id} is locked` (a map, then words) is the slip people make
//! first; `Error: x` (a key), `@user` (a reserved character) and `'a' b` (a quoted
//! text that ends early) follow. The parser reports these as its own grammar; this
//! names the text and shows it quoted.

use crate::source::Span;

/// A block `key: value` line whose value YAML cannot read as the text it looks like.
#[derive(Debug, PartialEq, Eq)]
pub struct Unquoted<'a> {
    /// The key, as written.
    pub key: &'a str,
    /// The value as written, to the end of its line.
    pub value: &'a str,
    /// Where the value starts in the file.
    pub start: usize,
    /// Why YAML does not read it as text: "starts with `{`, which YAML reads as a map".
    pub why: String,
}

impl Unquoted<'_> {
    /// The span of the value on its line.
    pub fn span(&self, text: &str, at: Span) -> Span {
        // The value is on `at`'s line: [`on_line`] reads that line.
        let line_start = text[..self.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..self.start];
        Span {
            column: u32::try_from(before.chars().count() + 1).unwrap_or(u32::MAX),
            start: self.start,
            end: self.start + self.value.len(),
            ..at
        }
    }

    /// The line as it should read: `en: "{item_id} is locked"`.
    pub fn quoted(&self) -> String {
        format!("{}: {}", self.key, requoted(self.value))
    }
}

/// `value` in quotes that hold it. A text the author quoted whose own apostrophe or
/// quote closed it early (`'Don't do that'`) loses the broken quotes for the other kind.
fn requoted(value: &str) -> String {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q))
            && !inner.is_empty()
        {
            return quoted_text(inner);
        }
    }
    double_quoted(value)
}

/// `s` in YAML quotes: double ones, or single ones when it holds `"` or `\` and no
/// `'` (so that it reads without escapes).
pub fn quoted_text(s: &str) -> String {
    if s.contains(['"', '\\']) && !s.contains('\'') {
        format!("'{s}'")
    } else {
        double_quoted(s)
    }
}

/// `at` moved back to a character boundary of `text`, and into it.
pub fn char_floor(text: &str, at: usize) -> usize {
    crate::source::clamp_to_char(text, at)
}

/// `s` as inline code: in backquotes, or in two and spaces when it holds one.
pub fn code(s: &str) -> String {
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

/// The text in YAML's double quotes: `\` and `"` escaped, nothing else.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '\\' | '"') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The unquoted text on the line holding byte `at`, when the parser's error there is
/// YAML reading that text as syntax.
pub fn on_line(text: &str, at: usize) -> Option<Unquoted<'_>> {
    let (key, value, start) = block_value(text, at)?;
    let why = why(value)?;
    // A plain text that goes on to the lines below would be quoted in part.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].split('\n').next().unwrap_or("");
    if continues(
        text,
        line_start + line.len(),
        line.len() - line.trim_start().len(),
    ) {
        return None;
    }
    Some(Unquoted {
        key,
        value,
        start,
        why,
    })
}

/// The block `key: value` on the line holding byte `at`: its key, its value (to the
/// end of the line, trailing blanks dropped) and where the value starts.
fn block_value(text: &str, at: usize) -> Option<(&str, &str, usize)> {
    let at = char_floor(text, at);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].split('\n').next()?;
    let line = line.strip_suffix('\r').unwrap_or(line);
    let (key, value_at) = block_key(line)?;
    let value = line[value_at..].trim_end_matches([' ', '\t']);
    Some((key, value, line_start + value_at))
}

/// The value that is a lone `{name}`: a text that is one placeholder, which YAML reads
/// as a map of one key. Its key and the value as written.
pub fn lone_placeholder(text: &str, at: usize) -> Option<(&str, &str)> {
    let (key, value, _) = block_value(text, at)?;
    let inner = value.strip_prefix('{')?.strip_suffix('}')?;
    let name = inner.trim();
    let is_name = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    is_name.then_some((key, value))
}

/// A value that is a comment where text was meant (`en: #5 failed`: YAML reads the
/// value as empty). Its key and the comment as written.
pub fn comment_as_value(text: &str, at: usize) -> Option<(&str, &str)> {
    let (key, value, _) = block_value(text, at)?;
    // `#` alone, or `#` and a space, is a comment the author meant as one.
    (value.starts_with('#') && value.len() > 1 && !value[1..].starts_with([' ', '#']))
        .then_some((key, value))
}

/// `key: value` on a block line (after any `- `): the key and the byte offset of the
/// value, which is not empty.
fn block_key(line: &str) -> Option<(&str, usize)> {
    let mut rest = line.trim_start_matches(' ');
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start_matches(' ');
    }
    let key = super::found::key_word(rest);
    if key.is_empty() {
        return None;
    }
    let after = rest[key.len()..].strip_prefix(": ")?;
    let value = after.trim_start_matches([' ', '\t']);
    if value.is_empty() {
        return None;
    }
    Some((key, line.len() - value.len()))
}

/// Why YAML does not read `value` (a whole block value, trimmed) as the text it looks
/// like, if it does not.
fn why(value: &str) -> Option<String> {
    let first = value.chars().next()?;
    match first {
        '{' | '[' => {
            let end = flow_end(value)?;
            let after = value[end..].trim_start();
            if after.is_empty() || after.starts_with('#') {
                return None;
            }
            let kind = if first == '{' { "map" } else { "list" };
            Some(format!(
                "it starts with `{first}`, which YAML reads as the start of a {kind}, so the words after {} are an error",
                code(&value[..end])
            ))
        }
        '"' | '\'' => {
            let end = quote_end(value)?;
            let after = value[end..].trim_start();
            if after.is_empty() || after.starts_with('#') {
                return None;
            }
            Some(format!(
                "it starts with `{first}`, so YAML reads {} as the whole quoted text and the rest as an error",
                code(&value[..end])
            ))
        }
        '@' => Some("it starts with `@`, which YAML reserves: a value cannot start with it unquoted".into()),
        '`' => Some("it starts with a backquote, which YAML reserves: a value cannot start with it unquoted".into()),
        '%' => Some("it starts with `%`, which YAML reads as a directive".into()),
        // `*name` is an alias and `&name` an anchor, both YAML as meant; `* ` is neither,
        // nor is `*Required* field` (an alias is the whole value).
        '*' if !value[1..].starts_with(|c: char| c.is_alphanumeric())
            || value.split_once([' ', '\t']).is_some_and(|(_, rest)| !rest.trim_start().starts_with('#')) =>
        {
            Some("it starts with `*`, which YAML reads as an alias (a reference to an anchor)".into())
        }
        '-' | '?' if value.len() == 1 || value[1..].starts_with([' ', '\t']) => {
            let what = if first == '-' { "an item of a list" } else { "a key" };
            Some(format!("it starts with `{first} `, which YAML reads as the start of {what}"))
        }
        ',' | ']' | '}' => Some(format!("it starts with `{first}`, which YAML reserves: a value cannot start with it unquoted")),
        // A tag YAML reads (`!urgent x`) is reported where the text is read; this one
        // it could not.
        '!' => Some("it starts with `!`, which YAML reads as a tag".into()),
        // `|`, `>-`, `|2`: a block text's header, which the lines below follow.
        '|' | '>' if value[1..].trim_start_matches(['-', '+']).trim_start_matches(|c: char| c.is_ascii_digit()).trim_start().is_empty() => None,
        '|' | '>' => Some(format!(
            "it starts with `{first}`, which YAML reads as the start of a text on the lines below"
        )),
        _ => value
            .find(": ")
            .filter(|&i| !value[..i].contains(" #"))
            .map(|i| {
                format!(
                    "{} holds `: `, which YAML reads as a key and its value",
                    code(&clip(&value[..i + 1]))
                )
            }),
    }
}

/// `…` and the text's last 24 characters, for a long prefix.
fn clip(s: &str) -> String {
    let n = s.chars().count();
    if n <= 32 {
        return s.to_string();
    }
    let tail: String = s.chars().skip(n - 24).collect();
    format!("…{tail}")
}

/// The byte just past the `]` or `}` that closes the flow collection `value` starts with.
fn flow_end(value: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in value.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The byte just past the quote that closes the quoted text `value` starts with.
pub fn quote_end(value: &str) -> Option<usize> {
    let bytes = value.as_bytes();
    let q = bytes[0];
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if q == b'"' => i += 1,
            b'\'' if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            c if c == q => return Some(i + 1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether the line after byte `end` (the end of a line indented by `indent`) goes on
/// with the value: a line indented further that is not blank or a comment.
fn continues(text: &str, end: usize, indent: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix('\n')) else {
        return false;
    };
    rest.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            let content = l.trim_start_matches(' ');
            l.len() - content.len() > indent && !content.starts_with('#')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why_of(line: &str) -> Option<String> {
        on_line(line, 0).map(|u| u.why)
    }

    #[test]
    fn slips() {
        let u = on_line("      en: {item_id} is locked\n", 3).unwrap();
        assert_eq!((u.key, u.value, u.start), ("en", "{item_id} is locked", 10));
        assert_eq!(u.quoted(), r#"en: "{item_id} is locked""#);
        assert!(u.why.contains("start of a map"), "{}", u.why);
        assert!(why_of("  - message: [beta] off").unwrap().contains("list"));
        assert!(
            why_of("en: Error: item locked")
                .unwrap()
                .contains("`Error:`")
        );
        assert!(why_of("en: @user").unwrap().contains("reserves"));
        assert!(why_of("en: `x` y").unwrap().contains("reserves"));
        assert!(why_of("en: %d items").unwrap().contains("directive"));
        assert!(why_of("en: * x").unwrap().contains("alias"));
        assert!(
            why_of("en: *Required* field missing")
                .unwrap()
                .contains("alias")
        );
        assert!(why_of("en: - not a list").unwrap().contains("list"));
        assert!(why_of("en: ? what").unwrap().contains("a key"));
        assert!(why_of("en: , comma first").unwrap().contains("reserves"));
        assert!(why_of("en: !!! on fire").unwrap().contains("tag"));
        assert!(why_of("en: > see below").unwrap().contains("lines below"));
        assert!(why_of("en: 'a' can't").unwrap().contains("`'a'`"));
        assert!(
            why_of(r#"en: "say \"hi\"" now"#)
                .unwrap()
                .contains(r#"`"say \"hi\""`"#)
        );
    }

    #[test]
    fn not_slips() {
        for line in [
            "en: {item_id}",
            "message: { en: a, zh-CN: b }",
            "params: [a, b] # the two",
            "en: 'it''s'",
            r#"en: "a: b""#,
            "en: plain words",
            "en: words # a comment: with a colon",
            "en:",
            "- { code: 1, name: A, message: {x} y }",
            "en: |",
            "en: >-",
            "f: &f [*e, *e]",
            "f: *e",
            "f: *e # the same",
            "en: -1",
            "en: -x",
            "    not: a key line",
        ] {
            assert_eq!(why_of(line), None, "{line}");
        }
    }

    #[test]
    fn a_text_that_goes_on_below_is_not_quoted_in_part() {
        let t = "  en: Error: a\n    and more\n  zh: x\n";
        assert_eq!(on_line(t, 0), None);
        let t = "  en: Error: a\n  zh: x\n";
        assert!(on_line(t, 0).is_some());
    }

    #[test]
    fn lone_placeholders_and_comments() {
        assert_eq!(
            lone_placeholder("  en: {item_id}\n", 2),
            Some(("en", "{item_id}"))
        );
        assert_eq!(lone_placeholder("  en: {a: b}\n", 2), None);
        assert_eq!(
            comment_as_value("  en: #5 failed\n", 2),
            Some(("en", "#5 failed"))
        );
        assert_eq!(comment_as_value("  en: # to do\n", 2), None);
    }

    #[test]
    fn quoting() {
        assert_eq!(double_quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        // Broken outer quotes go; the text is quoted with the other kind.
        let quoted = |line: &str| on_line(line, 0).unwrap().quoted();
        assert_eq!(quoted("en: 'Don't do that'"), r#"en: "Don't do that""#);
        assert_eq!(
            quoted(r#"en: "Click "OK" to continue""#),
            r#"en: 'Click "OK" to continue'"#
        );
        assert_eq!(
            quoted(r#"en: "Quoted" text is wrong"#),
            r#"en: "\"Quoted\" text is wrong""#
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_any_position(text in "[ -~\\n\\t房😀]{0,40}", at in 0usize..48) {
            if let Some(u) = on_line(&text, at) {
                proptest::prop_assert!(text[u.start..].starts_with(u.value));
                let _ = u.quoted();
            }
            let _ = lone_placeholder(&text, at);
            let _ = comment_as_value(&text, at);
        }
    }
}
