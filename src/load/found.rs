//! What a file holds where the parser wanted a value of another kind, in the
//! user's words: "found a list", "found nothing", "found `5`".

/// The plain key `s` starts with: letters, digits, `_`, `-` and `.` (empty when none).
pub fn key_word(s: &str) -> &str {
    let len = s
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(s.len());
    &s[..len]
}

/// What the text at byte `at` is: nothing (an empty value or a YAML null), a list, a map,
/// or a scalar, quoted as written.
pub fn found(text: &str, at: usize) -> Found<'_> {
    let rest = text.get(at..).unwrap_or("");
    // An empty value is reported at its key's colon.
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let line = rest.lines().next().unwrap_or("").trim();
    match line.as_bytes() {
        [] | [b'#', ..] | [b',' | b'}', ..] => Found::Nothing,
        [b'[', ..] => Found::List,
        [b'-'] | [b'-', b' ', ..] => Found::List,
        [b'{', ..] => Found::Map,
        [q @ (b'"' | b'\''), ..] => {
            let end = line[1..].find(*q as char).map_or(line.len(), |i| i + 2);
            Found::Scalar(&line[..end])
        }
        _ => {
            // A comma ends a plain value only inside `{ }` or `[ ]`; ` #` ends it anywhere.
            let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
            let in_flow = text[line_start..at.min(text.len())].contains(['{', '[']);
            let token = if in_flow {
                line.split([',', '}', ']']).next().unwrap_or(line)
            } else {
                line
            };
            let token = token.split(" #").next().unwrap_or(token).trim();
            if token.ends_with(':') || token.contains(": ") {
                Found::Map
            } else if matches!(token, "~" | "null" | "Null" | "NULL") {
                Found::Null(token)
            } else {
                Found::Scalar(token)
            }
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Found<'a> {
    /// An empty value.
    Nothing,
    /// `~` or `null`, as written.
    Null(&'a str),
    List,
    Map,
    /// A scalar as written, quotes included.
    Scalar(&'a str),
}

impl std::fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Found::Nothing => f.write_str("nothing"),
            Found::Null(word) => write!(f, "`{word}` (YAML's null)"),
            Found::List => f.write_str("a list"),
            Found::Map => f.write_str("a map"),
            Found::Scalar(s) => {
                // A headline quotes a long value by its ends (the snippet shows where).
                let n = s.chars().count();
                if n <= LONG {
                    return write!(f, "`{s}`");
                }
                let head: String = s.chars().take(LONG / 2).collect();
                let tail: String = s.chars().skip(n - LONG / 4).collect();
                write!(f, "`{head}…{tail}` ({n} characters)")
            }
        }
    }
}

/// The longest value a headline quotes whole.
const LONG: usize = 64;

/// The key whose value starts at byte `at`: `http` for `  http: [1]`, `en` for
/// `message: { en: , … }`, and `name` for a block value on the lines after `name:`.
/// The byte range of [`key_before`]'s key.
pub fn key_range_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let key = key_before(text, at)?;
    let start = key.as_ptr() as usize - text.as_ptr() as usize;
    Some(start..start + key.len())
}

pub fn key_before(text: &str, at: usize) -> Option<&str> {
    let end = at.min(text.len());
    if !text.is_char_boundary(end) {
        return None;
    }
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..end].trim_end();
    // An empty value is reported at the colon itself.
    let before = if text[end..].starts_with(':') {
        before
    } else if before.is_empty() {
        block_key_line(
            &text[..line_start],
            end - line_start,
            text[end..].starts_with("- "),
        )?
        .strip_suffix(':')?
    } else {
        before.strip_suffix(':')?
    };
    trailing_key(before)
}

/// The line that opens a block value indented by `indent`: the closest line above
/// that is not blank or a comment, when it is less indented (a list may also sit at
/// its key's indentation) and ends with `:`.
fn block_key_line(above: &str, indent: usize, list: bool) -> Option<&str> {
    let line = above
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let line_indent = line.len() - line.trim_start().len();
    let line = line.trim_end();
    (line.ends_with(':') && (line_indent < indent || (list && line_indent == indent)))
        .then_some(line)
}

/// The key at the end of `before` (which ends where the key's colon was).
fn trailing_key(before: &str) -> Option<&str> {
    let key_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let key = &before[key_start..];
    (!key.is_empty() && !key.starts_with('-')).then_some(key)
}

/// Where the value of the key at byte `at` starts, when `at` is at a key
/// (`message: true`, or `message:` with a block value on the lines below): the key
/// and the value's byte offset, or the key's colon when the value is empty (as
/// [`found`] expects). serde reports a wrong type at the key; the value is the culprit.
pub fn value_of_key(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..)?;
    let key = key_word(rest);
    if key.is_empty() {
        return None;
    }
    let after = rest[key.len()..].strip_prefix(':')?;
    let value = after.trim_start_matches([' ', '\t']);
    if after.len() != value.len() && !value.starts_with(['\n', '\r', '#']) {
        return Some((key, at + rest.len() - value.len()));
    }
    // A block value: the first line below that is not blank or a comment.
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let key_indent = at - line_start;
    let colon = at + key.len();
    let mut lines = after.split_inclusive('\n');
    // Where the line after the key's starts.
    let mut offset = at + rest.len() - after.len() + lines.next()?.len();
    for line in lines {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if !content.trim().is_empty() && !content.starts_with('#') {
            let below = indent > key_indent || (indent == key_indent && content.starts_with("- "));
            return Some((key, if below { offset + indent } else { colon }));
        }
        offset += line.len();
    }
    Some((key, colon))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).expect("needle")
    }

    #[test]
    fn kinds() {
        let t = "a: [1]\nb: {x: 1}\nc: ~\nd: 5, e\nf: \"a, b\"\ng:\n  - x\nh:\n  k: v\n";
        assert_eq!(found(t, at(t, "[1]")), Found::List);
        assert_eq!(found(t, at(t, "{x")), Found::Map);
        assert_eq!(found(t, at(t, "~")), Found::Null("~"));
        // A comma is part of a block value, and ends a value in a flow map.
        assert_eq!(found(t, at(t, "5, e")), Found::Scalar("5, e"));
        let flow = "m: { d: 5, e: 1 }\nt: a, b # c\n";
        assert_eq!(found(flow, at(flow, "5, e")), Found::Scalar("5"));
        assert_eq!(found(flow, at(flow, "a, b")), Found::Scalar("a, b"));
        assert_eq!(found(t, at(t, "\"a, b\"")), Found::Scalar("\"a, b\""));
        assert_eq!(found(t, at(t, "- x")), Found::List);
        assert_eq!(found(t, at(t, "k: v")), Found::Map);
        let empty = "m: { en: , zh: x }";
        assert_eq!(found(empty, at(empty, ": ,")), Found::Nothing);
    }

    #[test]
    fn a_long_value_is_quoted_by_its_ends() {
        let digits = "9".repeat(200_000);
        let shown = Found::Scalar(&digits).to_string();
        assert_eq!(
            shown,
            format!("`{}…{}` (200000 characters)", &digits[..32], &digits[..16])
        );
        assert_eq!(
            Found::Scalar(&digits[..64]).to_string(),
            format!("`{}`", &digits[..64])
        );
    }

    #[test]
    fn values_of_keys() {
        let t = "  - { message: true }\ntitle: [a]\nblock:\n  - x\n";
        let m = at(t, "message");
        assert_eq!(value_of_key(t, m), Some(("message", at(t, "true"))));
        assert_eq!(
            value_of_key(t, at(t, "title")),
            Some(("title", at(t, "[a]")))
        );
        assert_eq!(
            value_of_key(t, at(t, "block")),
            Some(("block", at(t, "- x"))),
            "a block value"
        );
        assert_eq!(value_of_key(t, at(t, "true")), None, "not a key");
        let empty = "  - code:\n    name: A\n";
        assert_eq!(
            value_of_key(empty, at(empty, "code")),
            Some(("code", at(empty, ":"))),
            "an empty value: its colon"
        );
    }

    proptest::proptest! {
        // Positions come from the parser: at any byte of any text (a char boundary or
        // not, or past the end), reading what is there never panics.
        #[test]
        fn any_text_any_position(text in "[ -~\\n\\t房😀]{0,40}", at in 0usize..48) {
            let _ = found(&text, at).to_string();
            let _ = key_before(&text, at);
            if let Some((_, start)) = value_of_key(&text, at) {
                proptest::prop_assert!(text.is_char_boundary(start) && start >= at);
            }
        }
    }

    #[test]
    fn keys() {
        let t = "    http: [1]\n  - code: x\nm: { en: , zh: y }\nname:\n  # note\n\n  a: b\n";
        assert_eq!(key_before(t, at(t, "[1]")), Some("http"));
        assert_eq!(key_before(t, at(t, "x\n")), Some("code"));
        assert_eq!(key_before(t, at(t, ": ,")), Some("en"));
        assert_eq!(key_before(t, at(t, "a: b")), Some("name"), "a block value");
        let list = "keywords:\n- a\n  - name:\n      x: 1\nk: v\nother: 1\n";
        assert_eq!(key_before(list, at(list, "- a")), Some("keywords"));
        assert_eq!(key_before(list, at(list, "x: 1")), Some("name"));
        assert_eq!(
            key_before(list, at(list, "other")),
            None,
            "a sibling, not a value"
        );
    }
}
