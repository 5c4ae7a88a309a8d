//! Texts in a map written on one line, `message: { en: …, zh-CN: … }`, that hold what
//! ends a text inside `{ }`: a comma, ` #` (a comment to the end of the line, the `}`
//! with it), `: `, or the full-width `，` and `：` an input method types for `,` and `:`.
//! The parser then reads other keys and values than the author wrote and names its own
//! grammar ("expected text, found nothing", "unclosed bracket"); this names the slip
//! and shows the line as it should read.

use super::unquoted::{code, quote_end, quoted_text};

/// A slip in a one-line map of texts: where, what and how to write it.
#[derive(Debug, PartialEq, Eq)]
pub struct Slip {
    /// The bytes of the file to mark.
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    pub message: String,
    pub help: String,
}

/// How an item's key and value are apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    /// `: `, as YAML reads it.
    Colon,
    /// The full-width `：`.
    WideColon,
    /// `:` and the full-width space U+3000.
    WideSpace,
}

/// One comma-separated part of the map: `key: value`, or words without a key (what
/// follows a comma the author meant inside a text).
#[derive(Debug)]
struct Item<'a> {
    key: Option<(&'a str, Sep)>,
    /// The value as written (trimmed), and where it starts in the line.
    value: &'a str,
    at: usize,
}

/// The slip in the one-line map on the line holding byte `at`, or (with
/// `line_before`) on the last line with content before it: the parser may notice a
/// `{` that a comment left open only on the line after.
pub fn near(text: &str, at: usize, line_before: bool) -> Option<Slip> {
    let at = super::unquoted::char_floor(text, at);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if let Some(s) = on_line(text, line_start) {
        return Some(s);
    }
    let mut end = line_start.checked_sub(1).filter(|_| line_before)?;
    loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..end].trim();
        if !line.is_empty() && !line.starts_with('#') {
            return on_line(text, start);
        }
        end = start.checked_sub(1)?;
    }
}

/// The slip in the one-line map on the line starting at byte `line_start`.
fn on_line(text: &str, line_start: usize) -> Option<Slip> {
    let line = text[line_start..].split('\n').next()?;
    let line = line.strip_suffix('\r').unwrap_or(line);
    let open = flow_start(line)?;
    let (items, hash) = scan(line, open)?;
    let head = line[..open].trim_start();
    let merged = merge(&items)?;
    let slip = first_slip(line, &items, &merged, hash)?;
    let fixed = format!(
        "{head}{{ {} }}",
        merged
            .iter()
            .map(|m| fixed_item(m))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let (start, end, label, message, help) = slip;
    Some(Slip {
        start: line_start + start,
        end: line_start + end,
        label,
        message,
        help: format!("{help}: {}", code(&fixed)),
    })
}

/// Where the `{` of a one-line map value starts: after the indentation, any `- `, and
/// any `key: `.
fn flow_start(line: &str) -> Option<usize> {
    let mut rest = line.trim_start_matches(' ');
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start_matches(' ');
    }
    if !rest.starts_with('{') {
        let key = super::found::key_word(rest);
        rest = rest[key.len()..]
            .strip_prefix(": ")?
            .trim_start_matches(' ');
    }
    rest.starts_with('{').then(|| line.len() - rest.len())
}

/// The map's items (split at its own commas, `#` read as text) and the first ` #`
/// outside quotes before its closing `}` (where YAML's comment starts).
fn scan(line: &str, open: usize) -> Option<(Vec<Item<'_>>, Option<usize>)> {
    let bytes = line.as_bytes();
    let mut depth = 1usize;
    let mut i = open + 1;
    let mut value_start = true;
    let mut item_start = i;
    let mut items = Vec::new();
    let mut hash = None;
    while i < bytes.len() {
        let c = bytes[i];
        if value_start && c == b' ' {
            i += 1;
            continue;
        }
        if value_start && matches!(c, b'"' | b'\'') {
            i += quote_end(&line[i..])?;
            value_start = false;
            continue;
        }
        value_start = false;
        match c {
            b'#' if bytes[i - 1] == b' ' && hash.is_none() => hash = Some(i),
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    items.push(item(line, item_start, i)?);
                    // Only a comment may follow the map on its line.
                    let after = &line[i + 1..];
                    let rest = after.trim_start();
                    if !(rest.is_empty() || (rest.starts_with('#') && after.starts_with(' '))) {
                        return None;
                    }
                    return Some((items, hash));
                }
            }
            b',' if depth == 1 => {
                items.push(item(line, item_start, i)?);
                item_start = i + 1;
                value_start = true;
            }
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => value_start = true,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The item in `line[start..end]`; an empty one is not a slip this module knows.
fn item(line: &str, start: usize, end: usize) -> Option<Item<'_>> {
    let raw = &line[start..end];
    let body = raw.trim();
    if body.is_empty() {
        return None;
    }
    let at = start + (raw.len() - raw.trim_start().len());
    let key_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(body.len());
    let rest = &body[key_len..];
    let sep = if key_len == 0 {
        None
    } else if let Some(r) = rest.strip_prefix(":\u{3000}") {
        Some((Sep::WideSpace, rest.len() - r.len()))
    } else if let Some(r) = rest.strip_prefix('：') {
        Some((Sep::WideColon, rest.len() - r.len()))
    } else if rest == ":" || rest.starts_with(": ") {
        Some((Sep::Colon, 1))
    } else {
        None
    };
    Some(match sep {
        Some((sep, n)) => {
            let after = &body[key_len + n..];
            let value = after.trim();
            Item {
                key: Some((&body[..key_len], sep)),
                value,
                at: at + key_len + n + (after.len() - after.trim_start().len()),
            }
        }
        None => Item {
            key: None,
            value: body,
            at,
        },
    })
}

/// An item as the author meant it: its key and its whole text (what the commas cut
/// off put back), where that text starts and ends in the line.
#[derive(Debug)]
struct Meant<'a> {
    key: &'a str,
    sep: Sep,
    text: String,
    start: usize,
    end: usize,
    /// Written in quotes, or a list or map: kept as written.
    quoted: bool,
}

/// The items as meant: words without a key belong to the text before them.
fn merge<'a>(items: &[Item<'a>]) -> Option<Vec<Meant<'a>>> {
    let mut out: Vec<Meant<'a>> = Vec::new();
    for it in items {
        match it.key {
            Some((key, sep)) => {
                // `en: Item not found， zh-CN: 该项目不存在`: two items the `，` joined.
                if let Some((first, second)) = wide_comma_split(it.value)
                    && !kept(it.value)
                {
                    out.push(Meant {
                        key,
                        sep,
                        text: first.trim_end().to_string(),
                        start: it.at,
                        end: it.at + first.trim_end().len(),
                        quoted: false,
                    });
                    let at = it.value.len() - second.len();
                    let inner = item(it.value, at, it.value.len())?;
                    let (k, s) = inner.key?;
                    out.push(Meant {
                        key: k,
                        sep: s,
                        text: inner.value.to_string(),
                        start: it.at + inner.at,
                        end: it.at + inner.at + inner.value.len(),
                        quoted: kept(inner.value),
                    });
                    continue;
                }
                out.push(Meant {
                    key,
                    sep,
                    text: it.value.to_string(),
                    start: it.at,
                    end: it.at + it.value.len(),
                    quoted: kept(it.value),
                });
            }
            None => {
                let prev = out.last_mut().filter(|p| !p.quoted)?;
                prev.text.push_str(", ");
                prev.text.push_str(it.value);
                prev.end = it.at + it.value.len();
            }
        }
    }
    Some(out)
}

/// A value kept as written: quoted, or a list or map of its own.
fn kept(value: &str) -> bool {
    value.starts_with(['"', '\'', '[', '{'])
}

/// `value` split at a full-width comma followed by `key:` or `key：`.
fn wide_comma_split(value: &str) -> Option<(&str, &str)> {
    value.match_indices('，').find_map(|(i, c)| {
        let second = value[i + c.len()..].trim_start();
        let key_len =
            second.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
        let rest = &second[key_len..];
        (key_len > 0 && (rest.starts_with(": ") || rest.starts_with('：')))
            .then(|| (&value[..i], second))
    })
}

type Found = (usize, usize, &'static str, String, &'static str);

/// The first slip, in the order of the line.
fn first_slip(
    line: &str,
    items: &[Item<'_>],
    merged: &[Meant<'_>],
    hash: Option<usize>,
) -> Option<Found> {
    let mut found: Vec<(usize, Found)> = Vec::new();
    for m in merged {
        match m.sep {
            Sep::WideColon | Sep::WideSpace => {
                let colon =
                    line[..m.start].rfind(if m.sep == Sep::WideColon { '：' } else { ':' })?;
                let (what, len) = if m.sep == Sep::WideColon {
                    (
                        format!(
                            "`：` after `{}` is a full-width colon, which YAML does not read as `:`, so `{}：{}` is a key with no text",
                            m.key, m.key, m.text
                        ),
                        '：'.len_utf8(),
                    )
                } else {
                    (
                        format!(
                            "the space after `{}:` is a full-width space (U+3000), which YAML does not read as a space, so `{}:\u{3000}{}` is a key with no text",
                            m.key, m.key, m.text
                        ),
                        1 + '\u{3000}'.len_utf8(),
                    )
                };
                let help = if m.sep == Sep::WideColon {
                    "write an ASCII colon and a space"
                } else {
                    "type an ordinary space after the colon"
                };
                found.push((
                    colon,
                    (
                        colon,
                        colon + len,
                        if m.sep == Sep::WideColon {
                            "full-width colon"
                        } else {
                            "full-width space"
                        },
                        what,
                        help,
                    ),
                ));
            }
            Sep::Colon => {}
        }
    }
    for w in items.windows(2) {
        if let ([a, b], Some((key, _))) = (w, w[0].key)
            && b.key.is_none()
            && !kept(a.value)
        {
            let m = merged.iter().find(|m| m.start == a.at)?;
            found.push((m.start, (m.start, m.end, "a comma inside `{ }` ends the text", format!(
                "inside `{{ }}` a comma ends a text, so the text of `{key}` is {} and YAML reads {} as a key of its own",
                code(a.value),
                code(b.value)
            ), "quote the text, so that its comma stays in it")));
        }
    }
    for it in items {
        if let (Some((key, _)), Some(i)) = (it.key, it.value.find('，'))
            && !kept(it.value)
            && wide_comma_split(it.value).is_some()
        {
            let at = it.at + i;
            found.push((at, (at, at + '，'.len_utf8(), "full-width comma", format!(
                "`，` is a full-width comma, which YAML does not read as `,`, so the text of `{key}` runs on into the next one"
            ), "separate the texts with an ASCII comma")));
        }
    }
    if let Some(h) = hash {
        let end = line[h..].find(' ').map_or(line.len(), |n| h + n);
        found.push((h, (h, end, "a comment starts here", format!(
            "inside `{{ }}`, ` #` starts a comment too: YAML ignores the line from {} on, the closing `}}` with it",
            code(&line[h..end])
        ), "quote the texts that hold `#`")));
    }
    for m in merged.iter().filter(|m| !m.quoted && m.sep == Sep::Colon) {
        if let Some(why) = needs_quotes(&m.text) {
            found.push((
                m.start,
                (
                    m.start,
                    m.end,
                    "this text needs quotes",
                    format!("the text of `{}` needs quotes: {why}", m.key),
                    "quote it",
                ),
            ));
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, f)| f)
}

/// Why an unquoted text inside `{ }` does not read as written (its commas and ` #`
/// are reported on their own).
fn needs_quotes(text: &str) -> Option<String> {
    if text.contains(": ") || text.ends_with(':') {
        return Some("it holds `: `, which YAML reads as a key and its value".into());
    }
    if text.contains(['{', '}', '[', ']']) {
        return Some("inside `{ }` a bracket or a brace in a text is YAML's own".into());
    }
    None
}

/// The item as it should be written: an ASCII `: `, and the text quoted when it holds
/// what ends or changes a text inside `{ }`.
fn fixed_item(m: &Meant<'_>) -> String {
    let plain = !m.quoted
        && !m.text.contains([',', '#', '{', '}', '[', ']'])
        && needs_quotes(&m.text).is_none()
        && !m
            .text
            .starts_with(['@', '`', '%', '*', '&', '!', '|', '>', '?', '-']);
    if m.quoted || plain {
        format!("{}: {}", m.key, m.text)
    } else {
        format!("{}: {}", m.key, quoted_text(&m.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(line: &str) -> Option<Slip> {
        near(line, 0, false)
    }

    #[test]
    fn a_comma_ends_the_text() {
        let line = "    message: { en: Sorry, the item does not exist, zh-CN: 抱歉，该项目不存在 }";
        let s = slip(line).unwrap();
        assert!(s.message.contains("is `Sorry`"), "{}", s.message);
        assert_eq!(&line[s.start..s.end], "Sorry, the item does not exist");
        assert!(
            s.help.ends_with(
                "`message: { en: \"Sorry, the item does not exist\", zh-CN: 抱歉，该项目不存在 }`"
            ),
            "{}",
            s.help
        );
        let s = slip("title: { en: Oops, sorry }").unwrap();
        assert!(
            s.help.ends_with("`title: { en: \"Oops, sorry\" }`"),
            "{}",
            s.help
        );
    }

    #[test]
    fn a_comment_inside_the_braces() {
        let line = "  message: { en: See ticket #12 for details, zh-CN: 见工单 #12 }";
        let s = slip(line).unwrap();
        assert_eq!(&line[s.start..s.end], "#12");
        assert!(
            s.help.ends_with(
                "`message: { en: \"See ticket #12 for details\", zh-CN: \"见工单 #12\" }`"
            ),
            "{}",
            s.help
        );
        // Found from the line after, where the parser noticed the `{` had not closed.
        let text = format!("{line}\n  - code: 2\n");
        assert!(near(&text, text.len() - 3, true).is_some());
        assert!(near(&text, text.len() - 3, false).is_none());
    }

    #[test]
    fn full_width_punctuation() {
        let s = slip("message: { en: Item not found, zh-CN：该项目不存在 }").unwrap();
        assert_eq!(s.label, "full-width colon");
        assert!(
            s.help
                .ends_with("`message: { en: Item not found, zh-CN: 该项目不存在 }`"),
            "{}",
            s.help
        );
        let line = "message: { en: Item not found， zh-CN: 该项目不存在 }";
        let s = slip(line).unwrap();
        assert_eq!(&line[s.start..s.end], "，");
        assert!(
            s.help
                .ends_with("`message: { en: Item not found, zh-CN: 该项目不存在 }`"),
            "{}",
            s.help
        );
        let s = slip("message: { en: a, zh-CN:\u{3000}b }").unwrap();
        assert_eq!(s.label, "full-width space");
    }

    #[test]
    fn not_slips() {
        for line in [
            "message: { en: a, zh-CN: b }",
            "message: { en: \"a, b\", zh-CN: 'c #d' } # note",
            "- { code: 1, name: A, tags: [a, b] }",
            "message: { en: Don't, zh-CN: b }",
            "message: { en: a,",
            "message: {x} is locked",
            "en: plain",
        ] {
            assert_eq!(slip(line), None, "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_any_position(text in "[ -~\\n，：\u{3000}房]{0,40}", at in 0usize..48) {
            if let Some(s) = near(&text, at, true) {
                proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
