//! Doc comments: a catalog text as the lines of a language's doc comment, which its
//! doc tool (rustdoc, an editor's hover, Javadoc) shows as the text itself:
//! no markup, tags or code made of it, and each line break a line break.

use std::fmt::Write as _;

use super::escape::{is_invisible, markdown_inline, push_html_hex, visible};
use super::reflowed;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocStyle {
    /// rustdoc's Markdown: CommonMark escapes, and those of its smart punctuation
    /// (`"`, `'`, `--`, `...`), URLs as autolinks (rustdoc warns on bare ones).
    RustMarkdown,
    /// Javadoc HTML, ASCII only (javac may not read the file as UTF-8).
    JavaDoc,
    /// JSDoc, which editors and TypeDoc show as Markdown: CommonMark escapes, and no
    /// tag (`@x`, `{@link}`) or comment end.
    JsDoc,
    Markdown,
    Plain,
    /// Inert in any line comment: controls and invisible characters (a carriage return
    /// ends a comment in some languages) are written as `\u{…}`, and so is a backslash
    /// that ends the line (C and C++ continue the comment onto the next line; `??/` is one).
    LineComment,
    /// As `LineComment`, and inert inside a block comment of these tokens too: each
    /// opening or closing token in the text gets a space after its first character
    /// (`*/` becomes `* /`), so that it neither ends the comment nor, where comments
    /// nest, opens another.
    BlockComment {
        open: String,
        close: String,
    },
    /// For a doc tool that rewraps a paragraph's lines and reads some lines as markup:
    /// see [`reflowed`].
    Reflowed,
}

/// The lines of a text as every doc comment shows them: split at each line break
/// (`\n`, `\r\n`, a lone `\r`, NEL, and Unicode's line and paragraph separators, as
/// the docs site breaks them), each trimmed (indentation makes code of a line in
/// Markdown and in other doc formats), a tab a space; without empty lines before the
/// first line or after the last, which no doc shows.
pub fn text_lines(s: &str) -> Vec<String> {
    let mut lines: Vec<String> = s
        .replace("\r\n", "\n")
        .split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .map(|l| l.trim().replace('\t', " "))
        .skip_while(String::is_empty)
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Labelled texts (`("Cause: ", text)`) as one plain text, each its own paragraph
/// (an empty line apart), its lines as [`text_lines`] gives them: what a doc
/// comment or a docstring of them all shows.
pub fn doc_paragraphs<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    texts
        .into_iter()
        .map(|(label, text)| text_lines(&format!("{label}{text}")).join("\n"))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

impl DocStyle {
    /// The text as comment lines, without the comment prefix. A line break of the
    /// text is one in the rendered docs too: a hard break (`\` in Markdown, `<br>` in
    /// HTML) ends each line that another follows in its paragraph.
    pub fn lines(&self, s: &str) -> Vec<String> {
        let lines = text_lines(s);
        if *self == DocStyle::Reflowed {
            return reflowed::lines(&lines);
        }
        let mut out: Vec<String> = lines.iter().map(|l| self.line(l)).collect();
        if let Some(mark) = self.hard_break() {
            for i in 1..out.len() {
                if !lines[i - 1].is_empty() && !lines[i].is_empty() {
                    out[i - 1].push_str(mark);
                }
            }
        }
        out
    }

    /// What ends a line that the next line of its paragraph follows, where the
    /// renderer would otherwise join the two.
    fn hard_break(&self) -> Option<&'static str> {
        match self {
            DocStyle::RustMarkdown | DocStyle::JsDoc => Some("\\"),
            DocStyle::JavaDoc | DocStyle::Markdown => Some("<br>"),
            _ => None,
        }
    }

    fn line(&self, l: &str) -> String {
        let mut out = String::with_capacity(l.len());
        match self {
            DocStyle::RustMarkdown => out = commonmark(l, Dialect::Rustdoc),
            DocStyle::JsDoc => out = commonmark(l, Dialect::JsDoc),
            DocStyle::JavaDoc => {
                for c in l.chars() {
                    match c {
                        '&' => out.push_str("&amp;"),
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        '@' => out.push_str("&#64;"),
                        '*' => out.push_str("&#42;"),
                        '\\' => out.push_str("&#92;"),
                        // doclint rejects entities of control characters; they carry no meaning in docs.
                        c if c.is_control() => out.push(' '),
                        c if c.is_ascii() => out.push(c),
                        c => {
                            push_html_hex(&mut out, c);
                        }
                    }
                }
            }
            DocStyle::Markdown => out = markdown_inline(l),
            DocStyle::Plain => out.push_str(l),
            DocStyle::LineComment => {
                out.push_str(&visible(l));
                if out.ends_with('\\') {
                    out.pop();
                    out.push_str("\\u{5c}");
                } else if out.ends_with("??/") {
                    out.pop();
                    out.push_str("\\u{2f}");
                }
            }
            DocStyle::BlockComment { open, close } => {
                let line = DocStyle::LineComment.line(l);
                let mut rest = line.as_str();
                while let Some(c) = rest.chars().next() {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                    // Checked again from the next character: `*/*` holds both tokens.
                    let token = [open, close]
                        .into_iter()
                        .any(|t| t.starts_with(c) && rest.starts_with(&t[c.len_utf8()..]));
                    if token {
                        out.push(' ');
                    }
                }
            }
            // `lines` lays out a whole text; a line alone is as in a line comment.
            DocStyle::Reflowed => out.push_str(&visible(l)),
        }
        out
    }
}

/// The Markdown readers of doc comments, by what more than CommonMark they read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// Smart punctuation: `"`/`'` become curly quotes, `--` a dash, `...` an ellipsis.
    Rustdoc,
    /// JSDoc's tags and the comment's end, read before the Markdown.
    JsDoc,
}

/// One line of text as CommonMark that renders as that text: each character that
/// could be syntax there escaped with a backslash (which every ASCII punctuation
/// character takes), URLs as autolinks, whose text shows as written.
fn commonmark(l: &str, dialect: Dialect) -> String {
    // Emphasis, code, links, HTML and entities, tables, strikethrough, math: anywhere.
    let anywhere = |c: char| "\\`*_[]<&|~$".contains(c);
    let smart = dialect == Dialect::Rustdoc;
    let jsdoc = dialect == Dialect::JsDoc;
    let mut out = String::with_capacity(l.len() + 8);
    let mut prev = '\0';
    let mut rest = l;
    while let Some(c) = rest.chars().next() {
        if c == 'h'
            && let Some(len) = url_len(rest)
        {
            // An autolink: its text is the URL as written, untouched by escapes.
            out.push('<');
            out.push_str(&rest[..len]);
            out.push('>');
            rest = &rest[len..];
            prev = '>';
            continue;
        }
        rest = &rest[c.len_utf8()..];
        let next = rest.chars().next();
        let escape = anywhere(c)
            || (jsdoc && (matches!(c, '@' | '{' | '}') || (c == '/' && prev == '*')))
            || (smart && matches!(c, '\'' | '"'))
            || (smart && matches!(c, '-' | '.') && (prev == c || next == Some(c)));
        if escape {
            out.push('\\');
            out.push(c);
        } else if is_invisible(c) {
            if jsdoc {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            } else {
                push_html_hex(&mut out, c);
            }
        } else {
            out.push(c);
        }
        prev = c;
    }
    // At the start of a line: a heading, a quote, a list marker, a heading's underline.
    if out.starts_with(['#', '>', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    // `2024. Year` and `1) one` would start an ordered list.
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    let after = out[digits..].strip_prefix(['.', ')']);
    if digits > 0 && after.is_some_and(|a| a.is_empty() || a.starts_with(' ')) {
        out.insert(digits, '\\');
    }
    out
}

/// Length of an http(s) URL at the start of `s`, if there is one: up to a space or a
/// character no autolink or doc comment holds, without the punctuation that ends a
/// sentence, and without a closing parenthesis it does not open itself
/// (`(https://en.wikipedia.org/wiki/URI_(disambiguation))`), as GitHub's autolinks.
fn url_len(s: &str) -> Option<usize> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|p| s.starts_with(p))?;
    let end = s
        .find(|c: char| {
            c.is_whitespace()
                || is_invisible(c)
                || matches!(
                    c,
                    '<' | '>' | '"' | '`' | '{' | '}' | '[' | ']' | '\\' | '|' | '*' | '@'
                )
        })
        .unwrap_or(s.len());
    let mut url = &s[..end];
    loop {
        url = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '_', '~']);
        if url.ends_with(')') && url.matches('(').count() < url.matches(')').count() {
            url = &url[..url.len() - 1];
        } else {
            break;
        }
    }
    (url.len() > scheme.len()).then_some(url.len())
}

#[cfg(test)]
#[path = "doc_tests.rs"]
mod tests;
