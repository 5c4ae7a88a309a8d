//! A key written twice in one map: where the first one is, and whether the two are
//! the keys of two entries whose second lost its `- code:` line.

use super::unquoted::code;

/// The first of two equal keys, found from the repeated one (at byte `at`).
#[derive(Debug, PartialEq, Eq)]
pub struct First<'a> {
    pub key: &'a str,
    /// The first key's bytes.
    pub start: usize,
    pub end: usize,
    /// Whether the keys before the repeated one, in a list item's map, make a
    /// whole entry (`code`, `name`, `message`): the repeated key likely starts the
    /// next entry.
    pub after_entry: bool,
    /// The column (bytes) of the `- ` of the first key's list item.
    pub dash: usize,
}

/// The help: keep one; for an entry's key after a whole entry, the `- code:` line
/// the second entry lacks. `line` is the repeated key's line.
pub fn help(first: &First, line: &str) -> String {
    let key = first.key;
    if !first.after_entry {
        return format!(
            "a map holds each key once: keep one `{key}:` and remove the other (or, if you meant another key, rename it)"
        );
    }
    let dash = " ".repeat(first.dash);
    let two = if key == "code" {
        format!(
            "start the second with `- `: {}",
            code(&format!("{dash}- {}", line.trim()))
        )
    } else {
        format!(
            "the second needs a `- code:` line: add {} and its code above this `{key}:`",
            code(&format!("{dash}- code:"))
        )
    };
    format!(
        "if these are two entries, {two}; if they are one entry, keep one `{key}:` and remove the other"
    )
}

/// The keys every entry has.
const ENTRY_KEYS: [&str; 3] = ["code", "name", "message"];

/// The first of the two keys, when the repeated one at `at` is a plain key in a
/// one-line `{ … }` map or a block map.
pub fn first(text: &str, at: usize) -> Option<First<'_>> {
    let at = super::unquoted::char_floor(text, at);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let key = key_at(&text[at..])?;
    let before = &text[line_start..at];
    if before.trim_start().is_empty() || before.trim_start() == "- " {
        in_block(text, line_start, at - line_start, key)
    } else {
        in_flow(text, line_start, at, key)
    }
}

/// The plain key `s` starts with, a colon after it.
fn key_at(s: &str) -> Option<&str> {
    let key = super::found::key_word(s);
    (!key.is_empty() && s[key.len()..].starts_with(':')).then_some(key)
}

/// In a one-line map: the items from its `{` to `at`, split at top-level commas
/// outside quotes.
fn in_flow<'a>(text: &'a str, line_start: usize, at: usize, key: &'a str) -> Option<First<'a>> {
    let line = &text[line_start..at];
    // The `{` of the map that holds `at`: the last one not closed before it.
    let mut opens = Vec::new();
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => opens.push(i),
            (None, '}' | ']') => {
                opens.pop();
            }
            _ => {}
        }
    }
    let open = *opens.last()?;
    let mut item_start = true;
    let mut quote = None;
    let mut depth = 0usize;
    for (i, c) in line[open + 1..].char_indices() {
        let i = open + 1 + i;
        if item_start && c != ' ' {
            item_start = false;
            if depth == 0 && quote.is_none() && key_at(&line[i..]) == Some(key) {
                let start = line_start + i;
                return Some(First {
                    key,
                    start,
                    end: start + key.len(),
                    after_entry: false,
                    dash: 0,
                });
            }
        }
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => item_start = true,
            _ => {}
        }
    }
    None
}

/// In a block map whose keys start at `column` (bytes): back over the lines of the
/// map (deeper lines are its values), to the equal key.
fn in_block<'a>(
    text: &'a str,
    line_start: usize,
    column: usize,
    key: &'a str,
) -> Option<First<'a>> {
    let mut keys = Vec::new();
    let mut found = None;
    let mut dash = 0;
    let mut start = line_start;
    // Back to the map's first line: the list item it starts, its parent key, or
    // the file's start.
    let item = loop {
        let Some(end) = start.checked_sub(1) else {
            break false;
        };
        start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..end]
            .strip_suffix('\r')
            .unwrap_or(&text[start..end]);
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if content.is_empty() || content.starts_with('#') || indent > column {
            continue;
        }
        // The map's first key, after the `- ` of its list item.
        let item = content
            .strip_prefix('-')
            .map(|r| r.trim_start_matches(' '))
            .filter(|r| indent + (content.len() - r.len()) == column);
        let k = match item {
            Some(r) => key_at(r),
            None if indent == column => key_at(content),
            None => break false,
        };
        if let Some(k) = k {
            if k == key {
                found = Some(start + indent + (content.len() - item.unwrap_or(content).len()));
            }
            keys.push(k);
        }
        if item.is_some() {
            dash = indent;
            break true;
        }
    };
    let start = found?;
    Some(First {
        key,
        start,
        end: start + key.len(),
        after_entry: item && ENTRY_KEYS.iter().all(|k| keys.contains(k)),
        dash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_of(text: &str, needle: &str) -> Option<(String, bool)> {
        let at = text.rfind(needle).unwrap();
        first(text, at).map(|f| {
            (
                format!("{}@{}", &text[f.start..f.end], f.start),
                f.after_entry,
            )
        })
    }

    #[test]
    fn in_one_line_map() {
        let text = "    message: { en: a, zh-CN: b, en: c }\n";
        assert_eq!(first_of(text, "en:"), Some(("en@15".into(), false)));
        let text = "    m: { x: \"en: a, en: b\", y: { en: 1 }, en: c }\n";
        assert_eq!(first_of(text, "en:"), None);
    }

    #[test]
    fn in_block_map() {
        let text = "entries:\n  - code: 1\n    name: A\n    message:\n      en: a\n\n    name: B\n";
        assert_eq!(first_of(text, "name:"), Some(("name@25".into(), true)));
        let text = "entries:\n  - code: 1\n    code: 2\n";
        assert_eq!(first_of(text, "code:"), Some(("code@13".into(), false)));
        let text = "message:\n  en: a\n  # note\n  zh-CN: |\n    en: b\n  en: c\n";
        assert_eq!(first_of(text, "en:"), Some(("en@11".into(), false)));
        // Another item's key is not this map's.
        let text = "  - code: 1\n  - code: 2\n    code: 3\n";
        assert_eq!(first_of(text, "code:"), Some(("code@16".into(), false)));
    }

    #[test]
    fn helps() {
        let text = "  - code: 1\n    name: A\n    message: a\n    code: 2\n";
        let f = first(text, text.rfind("code").unwrap()).unwrap();
        assert!(
            help(&f, "code: 2").contains("start the second with `- `: `  - code: 2`"),
            "{}",
            help(&f, "code: 2")
        );
        let text = "  - code: 1\n    name: A\n    message: a\n    name: B\n";
        let f = first(text, text.rfind("name").unwrap()).unwrap();
        assert!(help(&f, "name: B").contains("add `  - code:` and its code above this `name:`"));
    }

    proptest::proptest! {
        #[test]
        fn any_text_any_position(text in "[ -~\\n\r房]{0,40}", at in 0usize..48) {
            if let Some(f) = first(&text, at) {
                proptest::prop_assert!(f.start <= f.end && f.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
        }
    }
}
