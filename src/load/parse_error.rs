//! Parser errors as diagnostics: the rule, a clean message, and a suggestion where we have one.

use super::found::{Found, found, key_before, value_of_key};
use super::number;
use crate::diag::Diagnostic;
use crate::rules;
use crate::source::{FileId, Sources, Span};

pub fn diagnostic(sources: &Sources, file: FileId, err: &serde_saphyr::Error) -> Diagnostic {
    let text = err.without_snippet().to_string();
    let message = strip_position(&text);
    // The parser suggests an option we deliberately keep off; users need only the key.
    let message = if message.starts_with("duplicate mapping key") {
        message.split(", set ").next().unwrap_or(message)
    } else {
        message
    };
    let (rule, mut help) = classify(message);
    let mut span = match err.location() {
        Some(loc) => sources.span(file, &loc),
        None => sources.file_start(file),
    };
    let source = &sources.get(file).text;
    if let Some(d) = slip(message, rule, value_error(err), source, span) {
        return d;
    }
    if let Some(d) = wrong_kind(err, source, span) {
        return d;
    }
    // `.inf`, `.nan` and `1e999` are floats YAML cannot hold as numbers: in errcat's
    // fields (texts, whole numbers) the author meant the text, which quotes keep.
    if let serde_saphyr::Error::NonFiniteFloat { value, .. } = err.without_snippet() {
        return Diagnostic::new(
            &rules::INVALID_VALUE,
            format!("`{value}` reads as a YAML float that is not finite (an infinity or not-a-number), which no field of a catalog takes"),
        )
        .at(span, "this value")
        .help(format!("for a text, quote it: '{value}'; a code or an HTTP status is a whole number in decimal digits"));
    }
    let mut label = match rule.id {
        "unknown-field" => "unknown field",
        "duplicate-key" => "repeated here",
        "invalid-value" => "this value",
        _ => "here",
    };
    // The parser marks where its scan stopped (often the end of the line before);
    // point at the tab itself.
    let about_a_tab = ["a tab", "tabs disallowed", "tab cannot"]
        .iter()
        .any(|w| message.contains(w));
    if rule.id == rules::YAML_SYNTAX.id
        && about_a_tab
        && let Some(tab) = tab_near(source, span)
    {
        span = tab;
        label = "tab";
        help = Some("YAML indents with spaces: replace the tab".into());
    }
    // Where the parser noticed the slip is often a line or more after it.
    let mut conflict = false;
    // errcat's own words for the error, where it found the cause.
    let mut own = None;
    if rule.id == rules::YAML_SYNTAX.id {
        if let Some(marker) = super::cause::merge_conflict(source, span) {
            span = marker;
            label = "a git merge conflict starts here";
            conflict = true;
            help = Some("resolve the conflict: keep what both sides meant (each code once, in either order) and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines".into());
        } else if let Some(u) = (!message.starts_with("budget breached") && !about_a_tab)
            .then(|| super::unquoted::on_line(source, span.start))
            .flatten()
            .filter(|u| span.start >= u.start)
        {
            span = u.span(source, span);
            label = "this text needs quotes";
            help = Some(format!(
                "quote the whole text: {}",
                super::unquoted::code(&u.quoted())
            ));
            own = Some(format!("the text of `{}` needs quotes: {}", u.key, u.why));
        } else if message.contains("unknown escape")
            && let Some((at, c)) = super::cause::unknown_escape(source, span)
        {
            span = at;
            label = "not an escape";
            own = Some(format!(
                "`\\{c}` in a double-quoted text is not an escape YAML knows"
            ));
            help = Some(format!(
                "in double quotes a backslash starts an escape, and `\\{c}` is none: write `{c}` alone, `\\\\{c}` for a backslash and `{c}`, or put the text in single quotes, where `\\` is an ordinary character"
            ));
        } else if message.contains("unknown anchor")
            && let Some((at, alias)) = super::cause::alias_at(source, span)
        {
            // `message: *Required*`: a whole value that is an alias, so the check for
            // texts that need quotes (`*Required* field`) takes it as meant.
            span = at;
            label = "an alias";
            own = Some(format!(
                "{} is an alias (a reference to an anchor), and no anchor `&{}` comes before it",
                super::unquoted::code(alias),
                &alias[1..]
            ));
            let quoted = super::unquoted::double_quoted(alias);
            let text = match key_before(source, at.start) {
                Some(key) => format!("{key}: {quoted}"),
                None => quoted,
            };
            help = Some(format!(
                "for a text that starts with `*`, quote it: {}",
                super::unquoted::code(&text)
            ));
        } else if message.contains("quoted scalar")
            && let Some(quote) = super::cause::unclosed_quote(source, span)
        {
            span = quote;
            label = "this quote does not close on its line";
            help = Some("close the quote; a quoted text that goes on to the next lines indents them further than its key".into());
        } else if message.starts_with("multiple YAML documents")
            && let Some(marker) = super::cause::document_start(source, span)
        {
            span = marker;
            label = "a second document starts here";
        } else if let Some((open, c)) = super::cause::unclosed_flow(source, span) {
            let close = if c == '[' { ']' } else { '}' };
            span = open;
            label = if c == '[' {
                "this `[` does not close on its line"
            } else {
                "this `{` does not close on its line"
            };
            help = Some(format!(
                "close it with `{close}`; a flow list or map that goes on to the next lines indents them further than its key"
            ));
        } else if message.contains("did not find expected '-' indicator") {
            help = Some(format!(
                "{}: indent it as far as the other keys of its entry, or start a new item with `- `",
                super::indent::UNLIKE
            ));
        }
    }
    // The parser's own words name its API and internals; say what the user did instead.
    let message = if let Some(m) = own {
        m
    } else if conflict {
        "the file holds an unresolved git merge conflict".to_string()
    } else if message.starts_with("multiple YAML documents") {
        "the file holds more than one YAML document (a `---` line ends the first); a catalog file holds one"
            .to_string()
    } else if let Some(detail) = message.strip_prefix("budget breached: ") {
        match detail.split([' ', '{']).next().unwrap_or(detail) {
            "Depth" => format!(
                "the file nests lists and maps deeper than errcat reads ({} levels; a catalog file needs a handful)",
                super::MAX_DEPTH
            ),
            "Events" => format!(
                "the file holds more YAML nodes than errcat reads from one file ({}): split it into namespace files",
                super::MAX_EVENTS
            ),
            kind => format!(
                "the file expands beyond errcat's limits ({kind}): anchors and aliases that multiply data are refused"
            ),
        }
    } else {
        message.to_owned()
    };
    let first = (rule.id == rules::DUPLICATE_KEY.id)
        .then(|| super::duplicate::first(source, span.start))
        .flatten();
    let message = match &first {
        Some(f) => format!("the key `{}` is written twice in one map", f.key),
        None => message,
    };
    let mut d = Diagnostic::new(rule, message).at(span, label);
    if let Some(f) = first {
        let line = source[span.start..].split('\n').next().unwrap_or("");
        help = Some(super::duplicate::help(&f, line));
        d = d.related(
            Span::of_bytes(span.file, source, f.start, f.end),
            "first here",
        );
    }
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// A slip of the hand on a key line or in a one-line map of texts
/// ([`super::key_lines`], [`super::flow_texts`]) that explains the parser's error.
fn slip(
    message: &str,
    rule: &rules::Rule,
    value_error: bool,
    source: &str,
    span: Span,
) -> Option<Diagnostic> {
    let syntax = rule.id == rules::YAML_SYNTAX.id && !value_error;
    if message.starts_with("budget breached")
        || (syntax && super::cause::merge_conflict(source, span).is_some())
    {
        return None;
    }
    // A key's own line for a field errcat does not know (`　　zh-CN`); any line near a
    // syntax error.
    let key_line = (syntax || rule.id == rules::UNKNOWN_FIELD.id)
        .then(|| super::key_lines::near(source, span.start, syntax))
        .flatten();
    let (s, rule) = match key_line {
        Some(s) => (s, &rules::YAML_SYNTAX),
        None => match super::flow_texts::near(source, span.start, syntax) {
            Some(s) if syntax => (s, &rules::YAML_SYNTAX),
            Some(s) => (s, &rules::INVALID_VALUE),
            // Last: a line indented unlike its neighbours may be so for a slip above.
            None if syntax => (
                super::indent::in_block_text(source, span.start)
                    .or_else(|| super::indent::at_its_key(source, span.start))
                    .or_else(|| super::indent::misindented(source, span.start))?,
                &rules::YAML_SYNTAX,
            ),
            None => return None,
        },
    };
    let at = Span::of_bytes(span.file, source, s.start, s.end);
    Some(
        Diagnostic::new(rule, s.message)
            .at(at, s.label)
            .help(s.help),
    )
}

/// Whether `err` is about a value the YAML holds, not about the YAML itself: the
/// rest of the file is read and its other entries reported.
fn value_error(err: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as E;
    matches!(
        err.without_snippet(),
        E::NullIntoString { .. }
            | E::Unexpected { .. }
            | E::SerdeInvalidType { .. }
            | E::SerdeInvalidValue { .. }
            | E::SerdeMissingField { .. }
    )
}

/// A value of the wrong kind (nothing where text belongs, a list where one value
/// does): the parser names its own internals ("string scalar", "Option<String>");
/// say what the field takes and what the file holds.
fn wrong_kind(err: &serde_saphyr::Error, text: &str, span: Span) -> Option<Diagnostic> {
    use serde_saphyr::Error as E;
    if let E::SerdeInvalidType { expected, .. } | E::SerdeInvalidValue { expected, .. } =
        err.without_snippet()
    {
        return Some(invalid_type(expected, text, span));
    }
    if let E::TaggedScalarCannotDeserializeIntoString { .. } = err.without_snippet() {
        return tagged(text, span);
    }
    if let E::SerdeMissingField { field, .. } = err.without_snippet() {
        return super::missing::diagnostic(field, text, span);
    }
    let expected = match err.without_snippet() {
        E::NullIntoString { .. } => "text",
        E::Unexpected { expected, .. } => match *expected {
            "string scalar" | "scalar" => "a single value",
            "mapping start" => "a map of `key: value` pairs",
            "sequence start" => "a list",
            _ => return None,
        },
        _ => return None,
    };
    let found = found(text, span.start);
    let field = key_before(text, span.start).map_or(String::new(), |k| format!(" for `{k}`"));
    let help = match (&found, expected) {
        (Found::Null(word), _) if *word != "~" => {
            Some(format!("to mean the word itself, quote it: `\"{word}\"`"))
        }
        (Found::Null(_), _) => Some("write the text here, or quote it to mean the character: `\"~\"`".into()),
        // errcat's placeholders are in braces: a text that is one placeholder reads as a map.
        (Found::Map, _) => super::unquoted::lone_placeholder(text, span.start).map(|(key, value)| {
            format!(
                "unquoted, YAML reads `{value}` as a map; for the text, quote it: `{key}: \"{value}\"`"
            )
        }),
        (Found::Nothing, _) => super::unquoted::comment_as_value(text, span.start).map(|(key, value)| {
            format!(
                "`#` starts a YAML comment, so the value is empty; for the text, quote it: `{key}: {}`",
                super::unquoted::double_quoted(value)
            )
        }),
        (_, "a list") => Some("this field takes a list: `[a, b]`, or one `- item` per line".into()),
        // `en:` above `- Check the card number` lines: a text's list is its lines.
        (Found::List, "a single value") => key_before(text, span.start)
            .filter(|k| {
                matches!(*k, "message" | "title" | "description" | "cause" | "solution")
                    || crate::validate::language::is_two_letter_locale(k)
            })
            .map(|k| {
                format!(
                    "a text is one value: to keep lines that start with `- `, write `{k}: |` and the lines below it, indented further than `{k}:`"
                )
            }),
        _ => None,
    };
    let mut d = Diagnostic::new(
        &rules::INVALID_VALUE,
        format!("expected {expected}{field}, found {found}"),
    )
    .at(span, "this value");
    if let Some(h) = help {
        d = d.help(h);
    }
    Some(d)
}

/// A value serde's visitor refused (`message: true`, `title: [a]`). serde points at
/// the key and words the value its own way (`boolean \`true\``, `sequence`): point at
/// the value and quote it as written.
fn invalid_type(expected: &str, text: &str, span: Span) -> Diagnostic {
    let (span, key) = match value_of_key(text, span.start) {
        Some((key, start)) => (moved(text, span, start), Some(key)),
        None => (span, None),
    };
    let found = found(text, span.start);
    let span = match found {
        Found::Scalar(s) => Span {
            end: span.start + s.len(),
            ..span
        },
        _ => span,
    };
    let field = key.map_or(String::new(), |k| format!(" for `{k}`"));
    let mut d = Diagnostic::new(
        &rules::INVALID_VALUE,
        format!("expected {expected}{field}, found {found}"),
    )
    .at(span, "this value");
    let help = match found {
        Found::Scalar(s) if expected.starts_with("a text") && !s.starts_with(['"', '\'']) => {
            Some(format!("quote it to keep it as text: `\"{s}\"`"))
        }
        Found::Scalar(s) if expected == number::FLAG => number::intended_flag(s).map(|b| {
            if s.starts_with(['"', '\'']) {
                format!("write `{b}` without quotes: quoted, it is text")
            } else {
                format!("write `{b}`: YAML 1.2 reads `{s}` as text")
            }
        }),
        Found::Scalar(s) if expected == number::DECIMAL => Some(match number::intended(s) {
            Some(n) if number::has_full_width_digits(s) => {
                format!("`{s}` is in full-width digits: write `{n}`, in ASCII digits")
            }
            Some(n) => format!(
                "write `{n}`: whole numbers are decimal digits, without `0x`/`0o`/`0b`, `_`, spaces or leading zeros"
            ),
            None => "write a whole number in decimal digits, such as `404` or `-2381`".into(),
        }),
        // Only a code's own field earns the reminder of what codes are.
        _ if expected.contains("fits in") && key == Some("code") => {
            Some("codes are whole numbers that fit in 64 bits".into())
        }
        _ => None,
    };
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// A YAML tag (`code: !!int 7`) on a value errcat reads as written (text, and
/// numbers, whose spelling it checks): point at the tag and show the value without it.
fn tagged(text: &str, span: Span) -> Option<Diagnostic> {
    let before = text.get(..span.start)?;
    let tag_start = before
        .trim_end()
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let tag = before[tag_start..].trim_end();
    if !tag.starts_with('!') {
        return None;
    }
    let value = found(text, span.start);
    let field = key_before(text, tag_start).map_or(String::new(), |k| format!(" on `{k}`"));
    let column = before[..tag_start]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .chars()
        .count()
        + 1;
    let at = Span {
        start: tag_start,
        end: tag_start + tag.len(),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        ..span
    };
    Some(
        Diagnostic::new(
            &rules::INVALID_VALUE,
            format!(
                "errcat does not read the YAML tag `{tag}`{field}: it reads the value as written"
            ),
        )
        .at(at, "tag")
        .help(format!("remove the tag: {value}")),
    )
}

/// `span` moved forward to byte `start` (a value after its key, on the same line or
/// below), one character long (a byte could end inside `ᤠ`).
fn moved(text: &str, span: Span, start: usize) -> Span {
    let skipped = &text[span.start..start];
    let (line, column) = match skipped.rfind('\n') {
        Some(nl) => (
            span.line + u32::try_from(skipped.matches('\n').count()).unwrap_or(0),
            skipped[nl + 1..].chars().count() + 1,
        ),
        None => (span.line, span.column as usize + skipped.chars().count()),
    };
    Span {
        start,
        end: start + text[start..].chars().next().map_or(0, char::len_utf8),
        line,
        column: u32::try_from(column).unwrap_or(u32::MAX),
        ..span
    }
}

/// The first tab from the start of `at`'s line, within that line and the next two.
fn tab_near(text: &str, at: Span) -> Option<Span> {
    let line_start = text[..at.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut offset = line_start;
    for (i, line) in text[line_start..].split_inclusive('\n').take(3).enumerate() {
        if let Some(col) = line.find('\t') {
            return Some(Span {
                line: at.line + u32::try_from(i).unwrap_or(0),
                column: u32::try_from(line[..col].chars().count() + 1).unwrap_or(u32::MAX),
                start: offset + col,
                end: offset + col + 1,
                ..at
            });
        }
        offset += line.len();
    }
    None
}

/// Drops the parser's trailing " at line N, column M": the diagnostic shows the position.
fn strip_position(s: &str) -> &str {
    let s = s.lines().next().unwrap_or(s);
    match s.rfind(" at line ") {
        Some(i) if s[i..].contains("column") => &s[..i],
        _ => s,
    }
}

fn classify(msg: &str) -> (&'static rules::Rule, Option<String>) {
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split_once("expected one of ")
            .map(|(_, l)| l.split(", ").map(|s| s.trim_matches('`')).collect())
            .unwrap_or_default();
        let help = suggest(field, &expected)
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| {
                // `zh-CN: …` indented like `name:`: a text's locale, not a field.
                let text = ["message", "title", "description"]
                    .into_iter()
                    .find(|t| expected.contains(t))?;
                crate::validate::language::is_two_letter_locale(field).then(|| {
                    format!(
                        "`{field}` is a locale, not a field: indent it under its text's key (such as `{text}:`), as far as that text's other locales"
                    )
                })
            })
            .or_else(|| {
                (!expected.is_empty()).then(|| format!("expected one of: {}", expected.join(", ")))
            });
        return (&rules::UNKNOWN_FIELD, help);
    }
    if msg.starts_with("duplicate mapping key") {
        return (
            &rules::DUPLICATE_KEY,
            Some("a map holds each key once: keep one of the two and remove the other".into()),
        );
    }
    if msg.starts_with("missing field") {
        return (&rules::INVALID_VALUE, None);
    }
    // "invalid indentation …" is the scanner's: a syntax error, not a value's.
    if msg.starts_with("invalid type")
        || msg.starts_with("invalid value")
        || (msg.starts_with("invalid i") && !msg.starts_with("invalid indentation"))
        || msg.starts_with("invalid u")
    {
        return (&rules::INVALID_VALUE, None);
    }
    // A value not among a field's words (`severity: eror`): the closest one.
    if let Some(rest) = msg.split_once("unknown variant `").map(|(_, r)| r) {
        let value = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split_once("expected one of ")
            .map(|(_, l)| l.split(", ").map(|s| s.trim_matches('`')).collect())
            .unwrap_or_default();
        let help = suggest(value, &expected).map(|s| format!("did you mean `{s}`?"));
        return (&rules::INVALID_VALUE, help);
    }
    // errcat's own: a key that must have a value (`deprecated:` left empty).
    if msg.contains("` has no value: ") {
        return (&rules::INVALID_VALUE, None);
    }
    (&rules::YAML_SYNTAX, None)
}

/// The closest candidate within edit distance 2 (or a prefix match), for "did you mean".
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(word.len() / 4) || c.starts_with(word))
        .min()
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let fields = ["code", "name", "message", "http", "retryable"];
        assert_eq!(suggest("mesage", &fields), Some("message"));
        assert_eq!(suggest("retriable", &fields), Some("retryable"));
        assert_eq!(suggest("colour", &fields), None);
    }

    #[test]
    fn classification() {
        assert_eq!(
            classify("unknown field `mesage`, expected one of code, name, message")
                .0
                .id,
            "unknown-field"
        );
        assert_eq!(
            classify("unknown field `mesage`, expected one of code, name, message")
                .1
                .as_deref(),
            Some("did you mean `message`?")
        );
        assert_eq!(
            classify("duplicate mapping key: code, set DuplicateKeyPolicy")
                .0
                .id,
            "duplicate-key"
        );
        assert_eq!(classify("invalid i64").0.id, "invalid-value");
        assert_eq!(
            strip_position("invalid u16 at line 6, column 11"),
            "invalid u16"
        );
    }
}
