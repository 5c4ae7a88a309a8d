//! Texts YAML reads otherwise than they look: `en: Error #5 occurred` (a comment from
//! ` #` on), `title: &Co Billing` (an anchor), `en: !urgent Payment failed` (a tag),
//! `en:Item missing` (without a space after its colon, a locale is text), `"C:\new"` (a
//! line break in double quotes). The parser reads each without a word; these checks look
//! at the source around the text.

use super::catalog::Context;
use crate::diag::Diagnostic;
use crate::load::unquoted::{code, double_quoted};
use crate::rules;
use crate::source::Span;

impl Context<'_> {
    /// `en: Error #5 occurred`: YAML ends an unquoted text before ` #` and reads the rest
    /// of its line as a comment; a line that continues the text and starts with `#5` is
    /// one too. A `#` directly followed by a word is rarely meant as a comment.
    pub(super) fn comment_in_text(&mut self, span: Span, what: &str) {
        let text = &self.sources.get(span.file).text;
        let (Some(value), Some(after)) = (text.get(span.start..span.end), text.get(span.end..))
        else {
            return;
        };
        if value.is_empty() || value.starts_with(['"', '\'', '|', '>']) {
            return;
        }
        let starts_a_word = |c: &str| {
            c.strip_prefix('#')
                .and_then(|c| c.chars().next())
                .is_some_and(|c| !c.is_whitespace() && c != '#')
        };
        let (same_line, below) = after.split_once('\n').unwrap_or((after, ""));
        let rest = same_line.trim_start_matches([' ', '\t']);
        let gap = same_line.len() - rest.len();
        let start = if gap > 0 && starts_a_word(rest) {
            span.end + gap
        } else if !same_line.trim().is_empty() {
            return;
        } else {
            // The line below, indented further than the text's key, would go on with it.
            let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let key_line = &text[line_start..];
            let indent = key_line.len() - key_line.trim_start_matches(' ').len();
            let Some(next) = below.split('\n').find(|l| !l.trim().is_empty()) else {
                return;
            };
            let content = next.trim_start_matches(' ');
            if next.len() - content.len() <= indent || !starts_a_word(content) {
                return;
            }
            let next_start = next.as_ptr() as usize - text.as_ptr() as usize;
            next_start + next.len() - content.len()
        };
        let comment = text[start..]
            .split('\n')
            .next()
            .unwrap_or("")
            .trim_end_matches(['\r', ' ', '\t']);
        let at = self.sources.range(span.file, start..start + comment.len());
        let whole = format!("{} {comment}", value.trim_end().replace(['\n', '\r'], " "));
        self.emit(
            Diagnostic::new(
                &rules::MISREAD_TEXT,
                format!("{what} ends before `{comment}`, which YAML reads as a comment"),
            )
            .at(at, "a comment, not text")
            .help(format!(
                "if it belongs to the text, quote the whole text: {}; if it is a comment, write a space after `#`",
                code(&double_quoted(&whole))
            )),
        );
    }

    /// `title: &Co Billing`, `en: !urgent Payment failed`: YAML reads a leading `&word` as
    /// an anchor and `!word` as a tag, and the text loses them. An anchor that an alias of
    /// the file names is meant; `!!str` is a text's own tag.
    pub(super) fn property_on_text(&mut self, span: Span, what: &str, s: &str) {
        let text = &self.sources.get(span.file).text;
        let before = text
            .get(..span.start)
            .unwrap_or("")
            .trim_end_matches([' ', '\t']);
        let token_start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '{' | '[' | ','))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let token = &before[token_start..];
        let anchor = token.strip_prefix('&').filter(|name| {
            let alias = format!("*{name}");
            !text.match_indices(&alias).any(|(i, _)| {
                !text[i + alias.len()..]
                    .starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-')
            })
        });
        let tag = token.starts_with('!')
            && !matches!(
                token,
                "!!str" | "!<tag:yaml.org,2002:str>" | "!!binary" | "!<tag:yaml.org,2002:binary>"
            );
        if anchor.is_none() && !tag {
            return;
        }
        let kind = if tag {
            "a tag"
        } else {
            "an anchor (a name for the value)"
        };
        let column = span
            .column
            .saturating_sub(
                u32::try_from(text[token_start..span.start].chars().count()).unwrap_or(0),
            )
            .max(1);
        let at = Span {
            start: token_start,
            end: token_start + token.len(),
            column,
            ..span
        };
        let whole = format!("{token} {s}");
        self.emit(
            Diagnostic::new(
                &rules::INVALID_VALUE,
                format!(
                    "YAML reads `{token}` before {what} as {kind}, not as text: the text is `{s}`"
                ),
            )
            .at(at, "not part of the text")
            .help(format!(
                "if it belongs to the text, quote the whole text: {}",
                code(&double_quoted(&whole))
            )),
        );
    }

    /// `message: |` above `en: …` and `zh-CN: …` lines: the block makes them one text,
    /// locale keys included.
    fn locales_in_block(&mut self, span: Span, what: &str, s: &str) {
        let source = &self.sources.get(span.file).text;
        // A block text's span starts at its first line; its `|` ends the key's line.
        let before = source.get(..span.start).unwrap_or("").trim_end();
        let Some(at) = before
            .rfind(|c: char| c.is_whitespace())
            .map(|i| i + 1)
            .filter(|&i| before[i..].starts_with(['|', '>']))
        else {
            return;
        };
        let keyed: Vec<&str> = s
            .lines()
            .filter_map(|line| {
                self.locales
                    .iter()
                    .find(|l| {
                        line.strip_prefix(l.as_str())
                            .is_some_and(|r| r.starts_with(": "))
                    })
                    .map(String::as_str)
            })
            .collect();
        let Some(first) = keyed.first() else {
            return;
        };
        let mut keys = keyed.iter().map(|l| format!("`{l}:`")).collect::<Vec<_>>();
        let last = keys.pop().unwrap_or_default();
        let keys = if keys.is_empty() {
            last
        } else {
            format!("{} and {last}", keys.join(", "))
        };
        let indicator = &source[at..=at];
        self.emit(
            Diagnostic::new(
                &rules::MISREAD_TEXT,
                format!(
                    "`{indicator}` makes the lines below it one text, so {keys} are words of {what}, not its locales"
                ),
            )
            .at(self.sources.range(span.file, at..at + 1), "one text from here")
            .help(format!(
                "remove `{indicator}` to give each locale its own text (`{first}: …` on a line of its own)"
            )),
        );
    }

    /// `en:Item missing`: without a space after its colon, a locale key is text.
    pub(super) fn locale_in_text(&mut self, span: Span, what: &str, s: &str) {
        self.locales_in_block(span, what, s);
        let Some(locale) = self.locales.iter().find(|l| {
            s.strip_prefix(l.as_str())
                .and_then(|r| r.strip_prefix([':', '\u{ff1a}']))
                .is_some_and(|r| !r.starts_with(' ') && !r.is_empty())
        }) else {
            return;
        };
        let colon = if s[locale.len()..].starts_with(':') {
            ":"
        } else {
            "\u{ff1a}"
        };
        let help = if colon == ":" {
            format!("write a space after `{locale}:` for the `{locale}` text")
        } else {
            format!(
                "`：` is a full-width colon: write `{locale}: ` with an ASCII colon and a space for the `{locale}` text"
            )
        };
        self.emit(
            Diagnostic::new(
                &rules::MISREAD_TEXT,
                format!("{what} starts with `{locale}{colon}`, which YAML reads as text, not as the `{locale}` key"),
            )
            .at(self.sources.part(span, s, 0..locale.len() + colon.len()), "part of the text")
            .help(help),
        );
    }

    /// `"Cannot write C:\new\temp"`: in double quotes `\n`, `\t` and `\r` are a line
    /// break, a tab and a carriage return. One in a Windows path (see [`in_path`]) that
    /// goes on with a letter or digit (`\new`, `\temp`, `\report`) is a backslash meant
    /// as itself; `"Line one\nline two"` and `"Columns:\tcode"` are taken as meant.
    /// `\L` and `\P` (the line and paragraph separators) are never meant in a message.
    /// A text that holds an escape of a control character too (`\bin`) is refused by
    /// control-char, which says the same.
    pub(super) fn escape_in_text(&mut self, span: Span, what: &str) {
        let text = &self.sources.get(span.file).text;
        let Some(src) = text.get(span.start..span.end) else {
            return;
        };
        let (misread, _) = misread_escapes(src);
        let letter = |i: usize| char::from(src.as_bytes()[i + 1]);
        if misread
            .iter()
            .any(|&i| !matches!(letter(i), 'n' | 't' | 'r' | 'L' | 'P'))
        {
            return;
        }
        let (Some(&first), Some(help)) = (misread.first(), self.backslash_help(span)) else {
            return;
        };
        let e = letter(first);
        let name = match e {
            'n' => "a line break",
            't' => "a tab",
            'r' => "a carriage return",
            'L' => "a line separator (U+2028)",
            _ => "a paragraph separator (U+2029)",
        };
        let at = self
            .sources
            .range(span.file, span.start + first..span.start + first + 2);
        self.emit(
            Diagnostic::new(
                &rules::MISREAD_TEXT,
                format!(
                    "{what} has {name} where `\\{e}` is written: in double quotes, `\\{e}` is {name}, not a backslash and `{e}`"
                ),
            )
            .at(at, name)
            .help(help),
        );
    }

    /// For a double-quoted text at `span` with backslashes YAML reads as escapes where
    /// a backslash looks meant as itself (see [`misread_escapes`]): how to write them,
    /// with the line written so when the text is on one line.
    pub(super) fn backslash_help(&self, span: Span) -> Option<String> {
        let text = &self.sources.get(span.file).text;
        let src = text.get(span.start..span.end)?;
        let (misread, others) = misread_escapes(src);
        if misread.is_empty() {
            return None;
        }
        if src.contains('\n') {
            return Some("for a backslash, write `\\\\`; or quote the text in single quotes, where a backslash is itself".into());
        }
        let key = key_prefix(text, span.start);
        let mut doubled = src.to_string();
        for &i in misread.iter().rev() {
            doubled.insert(i, '\\');
        }
        let mut help = format!(
            "for a backslash, write `\\\\`: {}",
            code(&format!("{key}{doubled}"))
        );
        if !others {
            let inner = &src[1..src.len() - 1];
            let single = format!("'{}'", inner.replace('\'', "''"));
            help.push_str(&format!(
                "; or quote it in single quotes, where a backslash is itself: {}",
                code(&format!("{key}{single}"))
            ));
        }
        Some(help)
    }

    /// `en: “The item does not exist”`: a word processor turns the `"` typed around a
    /// text into curly quotes, which YAML does not read as quoting, so they are part of
    /// the text. A text that quotes within it (`“a” or “b”`) or that is quoted in ASCII
    /// around them is taken as meant.
    pub(super) fn curly_quoted(&mut self, span: Span, what: &str, s: &str) {
        let text = &self.sources.get(span.file).text;
        let Some(src) = text.get(span.start..span.end) else {
            return;
        };
        let pair = [('\u{201C}', '\u{201D}'), ('\u{2018}', '\u{2019}')]
            .into_iter()
            .find(|&(open, close)| {
                src.starts_with(open)
                    && s.starts_with(open)
                    && s.ends_with(close)
                    && s.chars().count() > 2
                    && s.matches(open).count() == 1
                    && (open == '\u{2018}' || s.matches(close).count() == 1)
            });
        let Some((open, close)) = pair else {
            return;
        };
        let inner = &s[open.len_utf8()..s.len() - close.len_utf8()];
        let key = key_prefix(text, span.start);
        let line = if inner.contains('\n') {
            String::new()
        } else {
            format!(" ({})", code(&format!("{key}{inner}")))
        };
        let end = s.len();
        let first = self.sources.part(span, s, 0..open.len_utf8());
        let mut d = Diagnostic::new(
            &rules::MISREAD_TEXT,
            format!(
                "{what} starts and ends with curly quotes `{open}…{close}`, which are part of the text: YAML quotes a text only with ASCII `\"` or `'`"
            ),
        )
        .at(first, "part of the text")
        .help(format!(
            "if they were meant to quote the text for YAML, remove them{line}; if the text is a quotation, acknowledge the finding"
        ));
        // A text over lines maps back as a whole: the one span says it all.
        if first != span {
            let last = self.sources.part(span, s, end - close.len_utf8()..end);
            d = d.related(last, "and this");
        }
        self.emit(d);
    }

    /// `zh-CN: 该项目不存在` and `或已被其他用户删除` on the line below: YAML joins the
    /// lines of a plain, quoted or `>` text with a space, which a Chinese or Japanese
    /// sentence has no place for.
    pub(super) fn folded_cjk(&mut self, span: Span, what: &str, s: &str) {
        let text = &self.sources.get(span.file).text;
        let Some(src) = text.get(span.start..span.end) else {
            return;
        };
        if src.starts_with('|') {
            return;
        }
        // Each line's content and where it starts in the file; a `>` header is none.
        let mut offset = span.start;
        let mut lines = Vec::new();
        for line in src.split('\n') {
            let content = line.trim_start_matches([' ', '\t']);
            lines.push((content.trim_end(), offset + line.len() - content.len()));
            offset += line.len() + 1;
        }
        if src.starts_with('>') && !lines.is_empty() {
            lines.remove(0);
        }
        let Some((a, b, at)) = lines.windows(2).find_map(|w| {
            let a = w[0].0.chars().next_back()?;
            let b = w[1].0.chars().next()?;
            (spaceless(a) && spaceless(b) && s.contains(&format!("{a} {b}")))
                .then_some((a, b, w[1].1))
        }) else {
            return;
        };
        let at = self.sources.range(span.file, at..at + b.len_utf8());
        self.emit(
            Diagnostic::new(
                &rules::MISREAD_TEXT,
                format!(
                    "{what} goes on to the next line between `{a}` and `{b}`, and YAML joins the lines with a space: `{a} {b}`"
                ),
            )
            .at(at, "joined to the line above with a space")
            .help(
                "write the text on one line; or, to keep the line breaks as they are, start it with `|` on the line of its key and its lines below",
            ),
        );
    }

    /// `tags: [billing，payment]`: a full-width comma, as a Chinese or Japanese input
    /// method types it, separates nothing in YAML: the list has one item.
    pub(super) fn comma_in_item(
        &self,
        rule: &rules::Rule,
        span: Span,
        what: &str,
        s: &str,
    ) -> Option<Diagnostic> {
        let (c, items) = (full_width_comma(s)?, split_at_full_width_commas(s)?);
        let i = s.find(c).unwrap_or(0);
        let text = &self.sources.get(span.file).text;
        let block = text
            .get(..span.start)
            .unwrap_or("")
            .trim_end_matches([' ', '\t'])
            .ends_with('-');
        let help = if block {
            let lines: Vec<String> = items.split(", ").map(|i| format!("`- {i}`")).collect();
            format!("write each as an item of its own: {}", lines.join(", "))
        } else {
            format!("write `{items}`, with ASCII commas")
        };
        Some(
            Diagnostic::new(
                rule,
                format!(
                    "{what} is `{s}`, one item: `{c}` is a full-width comma, which does not separate a list's items"
                ),
            )
            .at(self.sources.part(span, s, i..i + c.len_utf8()), "a full-width comma")
            .help(help),
        )
    }
}

/// `en: `, the key of the value at byte `at` and its colon, to show a line as it
/// should be written; empty when no key is found.
fn key_prefix(text: &str, at: usize) -> String {
    crate::load::key_range_before(text, at).map_or(String::new(), |k| format!("{}: ", &text[k]))
}

/// The byte offsets in `src`, a scalar as written, of the escapes that look like a
/// backslash meant as itself, when `src` is double-quoted: `\n`, `\t` and `\r` going on
/// with a lower-case letter, and every escape of a control or invisible character by
/// one letter (`\b`, `\0`, `\N`, `\L`, …), which no message means. And whether `src`
/// holds other escapes.
fn misread_escapes(src: &str) -> (Vec<usize>, bool) {
    let mut misread = Vec::new();
    let mut others = false;
    if !src.starts_with('"') {
        return (misread, others);
    }
    let bytes = src.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let next = src[(i + 2).min(src.len())..].chars().next();
            let word = matches!(bytes.get(i + 1), Some(b'n' | b't' | b'r'))
                && next.is_some_and(char::is_alphanumeric)
                && in_path(src, i);
            let control = matches!(
                bytes.get(i + 1),
                Some(b'0' | b'a' | b'b' | b'v' | b'f' | b'e' | b'N' | b'L' | b'P')
            );
            if word || control {
                misread.push(i);
            } else {
                others = true;
            }
            i += 1;
        }
        i += 1;
    }
    (misread, others)
}

/// Whether the backslash at byte `at` of `src` (a double-quoted scalar as written) is in
/// a Windows path: a run without spaces that starts with a drive (`C:\`), a share
/// (`\\server`) or a variable (`%APPDATA%\`), or whose last part names a file
/// (`\report.txt`). `"Line one\nline two"` and `"Columns:\tcode"` are not.
fn in_path(src: &str, at: usize) -> bool {
    let quote_or_space = |c: char| c.is_whitespace() || c == '"';
    let start = src[..at].rfind(quote_or_space).map_or(0, |i| i + 1);
    let end = src[at..].find(quote_or_space).map_or(src.len(), |i| at + i);
    let run = &src[start..end];
    let b = run.as_bytes();
    let drive = b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\';
    let share = run.starts_with(r"\\");
    let variable = run.starts_with('%') && run[1..].contains("%\\");
    let last = run.rsplit('\\').next().unwrap_or("");
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    let file = run.contains('\\')
        && last.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty()
                && (1..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
    drive || share || variable || file
}

/// A character of a script written without spaces between words (Chinese, Japanese),
/// or the punctuation of those scripts.
fn spaceless(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF01}'..='\u{FF60}' | '\u{20000}'..='\u{3134F}')
}

/// The first full-width or ideographic comma in `s` (`，`, `、`).
pub(super) fn full_width_comma(s: &str) -> Option<char> {
    s.chars().find(|&c| matches!(c, '\u{FF0C}' | '\u{3001}'))
}

/// `a, b` for `a，b`: the items `s` was meant as, when it holds a full-width comma
/// between two of them.
pub(super) fn split_at_full_width_commas(s: &str) -> Option<String> {
    let items: Vec<&str> = s.split(['\u{FF0C}', '\u{3001}']).map(str::trim).collect();
    (items.len() > 1 && items.iter().all(|i| !i.is_empty())).then(|| items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::misread_escapes;

    #[test]
    fn escapes_that_go_on_with_a_word() {
        assert_eq!(
            misread_escapes(r#""C:\new\temp\report.txt""#),
            (vec![3, 7, 12], false)
        );
        assert_eq!(misread_escapes(r#""Line 1\nLine 2""#), (vec![], true));
        assert_eq!(misread_escapes(r#""a\\new""#), (vec![], true));
        assert_eq!(misread_escapes(r#""Steps:\n1. try\n- on""#), (vec![], true));
        assert_eq!(misread_escapes(r"'C:\new'"), (vec![], false));
        assert_eq!(misread_escapes(r#""a\n\tnext \tab""#), (vec![], true));
        assert_eq!(misread_escapes(r#""Line one\nline two""#), (vec![], true));
        assert_eq!(
            misread_escapes(r#""Columns:\tcode\treason""#),
            (vec![], true)
        );
        assert_eq!(misread_escapes(r#""see \\srv\new""#), (vec![10], true));
        assert_eq!(misread_escapes(r#""at %TEMP%\new""#), (vec![10], false));
        assert_eq!(
            misread_escapes(r#""open logs\today.log.""#),
            (vec![10], false)
        );
        assert_eq!(misread_escapes(r"C:\new"), (vec![], false));
        assert_eq!(misread_escapes(r#""\t\u00e9t\xe9""#), (vec![], true));
        assert_eq!(misread_escapes(r#""C:\bin\Program""#), (vec![3, 7], false));
    }
}
