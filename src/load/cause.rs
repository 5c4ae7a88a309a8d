//! Where a syntax error began, when the parser notices it later: the quote that never
//! closed (found where the next key should have been), the `---` that starts a second
//! document (found at the document's first line).

use crate::source::Span;

/// How far back a quoted text is looked for: a longer one is not a slip of the hand.
const LINES_BACK: usize = 50;

/// The opening quote of a quoted value that does not close on its line, on the line
/// of `at` or one of the lines before it.
pub fn unclosed_quote(text: &str, at: Span) -> Option<Span> {
    let lines = lines_to(text, at.start);
    lines
        .iter()
        .rev()
        .take(LINES_BACK)
        .find_map(|&(start, number)| {
            let line = text[start..].split('\n').next().unwrap_or("");
            let col = opening_quote(line)?;
            Some(span_at(at, start + col, number, line, col))
        })
}

/// The `---` line before `at` that starts the document holding it.
pub fn document_start(text: &str, at: Span) -> Option<Span> {
    let lines = lines_to(text, at.start);
    lines.iter().rev().find_map(|&(start, number)| {
        let line = text[start..].split('\n').next().unwrap_or("");
        let marker = line == "---" || line.starts_with("--- ") || line.starts_with("---\r");
        marker.then(|| Span {
            end: start + 3,
            ..span_at(at, start, number, line, 0)
        })
    })
}

/// The first line of an unresolved git merge conflict (`<<<<<<< HEAD`) anywhere in the
/// file: the parser trips over its markers wherever they fall.
pub fn merge_conflict(text: &str, at: Span) -> Option<Span> {
    let lines = lines_to(text, text.len());
    lines.iter().find_map(|&(start, number)| {
        let line = text[start..].split('\n').next().unwrap_or("");
        line.starts_with("<<<<<<< ").then(|| Span {
            end: start + 7,
            ..span_at(at, start, number, line, 0)
        })
    })
}

/// The `[` or `{` on the last line with content before `at`'s that opens a value and
/// does not close on that line: a flow list or map left open runs into the next key.
pub fn unclosed_flow(text: &str, at: Span) -> Option<(Span, char)> {
    let lines = lines_to(text, at.start);
    let (start, number) = lines[..lines.len().saturating_sub(1)]
        .iter()
        .rev()
        .copied()
        .find(|&(start, _)| {
            let line = text[start..].split('\n').next().unwrap_or("").trim();
            !line.is_empty() && !line.starts_with('#')
        })?;
    let line = text[start..].split('\n').next().unwrap_or("");
    let bytes = line.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if i == 0 || bytes[i - 1] == b' ' => break,
            b'"' | b'\'' if opens_value(&line[..i]) => match closing(bytes, i) {
                Some(end) => i = end,
                None => return None,
            },
            b'[' | b'{' if open.is_empty() && !opens_value(&line[..i]) => return None,
            b'[' | b'{' => open.push(i),
            b']' | b'}' => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    let &col = open.first()?;
    Some((
        span_at(at, start + col, number, line, col),
        bytes[col] as char,
    ))
}

/// The backslash of the first escape YAML does not know (`\%`) in the double-quoted
/// text that starts at or before `at` on its line, and the character after it.
pub fn unknown_escape(text: &str, at: Span) -> Option<(Span, char)> {
    let lines = lines_to(text, at.start);
    let &(start, number) = lines.last()?;
    let line = text[start..].split('\n').next().unwrap_or("");
    let from = at.start.checked_sub(start)?;
    let quote = line.get(..=from)?.rfind('"')?;
    let mut chars = line[quote + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {
                let next = chars.next().map(|(_, c)| c)?;
                if !"0abt\tnvfre \"/\\N_LPxuU".contains(next) {
                    let col = quote + 1 + i;
                    return Some((
                        Span {
                            end: start + col + 1 + next.len_utf8(),
                            ..span_at(at, start + col, number, line, col)
                        },
                        next,
                    ));
                }
            }
            _ => {}
        }
    }
    None
}

/// The alias at `at` (`*Required*`), which the parser found to name no anchor: its
/// span and its text. An alias runs to a blank or a flow indicator.
pub fn alias_at(text: &str, at: Span) -> Option<(Span, &str)> {
    let rest = text.get(at.start..)?.strip_prefix('*')?;
    let len = rest
        .find(|c: char| c.is_whitespace() || ",[]{}".contains(c))
        .unwrap_or(rest.len());
    (len > 0).then(|| {
        let end = at.start + 1 + len;
        (Span { end, ..at }, &text[at.start..end])
    })
}

/// The start offset and 1-based number of each line up to the one holding `offset`.
fn lines_to(text: &str, offset: usize) -> Vec<(usize, u32)> {
    let end = offset.min(text.len());
    let mut starts = vec![(0, 1)];
    for (i, _) in text[..end].match_indices('\n') {
        let n = starts.len() as u32 + 1;
        starts.push((i + 1, n));
    }
    starts
}

fn span_at(at: Span, start: usize, line: u32, text: &str, col: usize) -> Span {
    Span {
        line,
        column: u32::try_from(text[..col].chars().count() + 1).unwrap_or(u32::MAX),
        start,
        end: start + 1,
        ..at
    }
}

/// The byte column of a quote that opens a value (after `key: `, `- `, `[`, `{` or `,`)
/// and is not closed on the line.
fn opening_quote(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let q = bytes[i];
        if q == b'#' && (i == 0 || bytes[i - 1] == b' ') {
            return None;
        }
        if (q == b'"' || q == b'\'') && opens_value(&line[..i]) {
            match closing(bytes, i) {
                Some(end) => i = end,
                None => return Some(i),
            }
        }
        i += 1;
    }
    None
}

fn opens_value(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty()
        || before.ends_with(':')
        || before.ends_with('-')
        || before.ends_with(['[', '{', ','])
}

/// The index of the quote that closes the one at `open`, on the same line.
fn closing(bytes: &[u8], open: usize) -> Option<usize> {
    let q = bytes[open];
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if q == b'"' => i += 1,
            b'\'' if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            c if c == q => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(_: &str, offset: usize) -> Span {
        Span {
            file: crate::source::FileId(0),
            line: 0,
            column: 0,
            start: offset,
            end: offset,
        }
    }

    #[test]
    fn the_quote_that_never_closed() {
        let text = "namespace: x\ntitle: \"X\nentries:\n";
        let found = unclosed_quote(text, at(text, text.find("entries").unwrap())).unwrap();
        assert_eq!((found.line, found.column, found.start), (2, 8, 20));
        // Closed quotes, escaped ones, doubled single quotes and comments are not it.
        let text = "a: \"b\\\"c\"\nb: 'it''s'\nc: it's # \"\nd: [\"x\", 'y']\ne:\n";
        assert_eq!(unclosed_quote(text, at(text, text.len() - 1)), None);
        let text = "a: ok\nb: - 'open\nc:\n";
        assert_eq!(
            unclosed_quote(text, at(text, text.len() - 1)).map(|s| s.line),
            Some(2)
        );
    }

    #[test]
    fn the_flow_list_left_open() {
        let text = "title: [X\nentries: []\n";
        let found = unclosed_flow(text, at(text, text.find("entries").unwrap() + 7));
        assert_eq!(found.map(|(s, c)| (s.line, s.column, c)), Some((1, 8, '[')));
        // Closed ones, brackets inside quotes or plain texts, and the error's own line are not it.
        for text in [
            "a: [x, {b: c}]\nd: e\n",
            "a: \"[x\"\nd: e\n",
            "a: x[y\nd: e\n",
            "a: [x\n",
        ] {
            let end = text.trim_end().len();
            assert_eq!(unclosed_flow(text, at(text, end)), None, "{text}");
        }
    }

    #[test]
    fn the_escape_yaml_does_not_know() {
        let text = "a: x\nen: \"Line1\\nLine2 50\\% off\"\n";
        let quote = text.find('"').unwrap();
        let (found, c) = unknown_escape(text, at(text, quote)).unwrap();
        assert_eq!((found.line, found.column, c), (2, 21, '%'));
        assert_eq!(&text[found.start..found.end], "\\%");
        let text = "en: \"a\\tb\"\n";
        assert_eq!(unknown_escape(text, at(text, 4)), None);
    }

    #[test]
    fn the_marker_of_a_second_document() {
        let text = "a: 1\n---\nb: 2\n";
        let found = document_start(text, at(text, text.find("b:").unwrap())).unwrap();
        assert_eq!(
            (found.line, found.column, found.start, found.end),
            (2, 1, 5, 8)
        );
        assert_eq!(document_start("a: 1\n", at("a: 1\n", 3)), None);
    }
}
