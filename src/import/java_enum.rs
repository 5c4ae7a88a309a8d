//! Java enums of error codes: `ROOM_NOT_EXIST(1004, "Room Not Found", HttpStatus.SC_NOT_FOUND)`.
//! The first argument is the code, a lone string the title (and the message until a
//! table supplies one), several strings the fields their constructor parameters are
//! named for (else the title and the message, in order), an `HttpStatus` constant the
//! HTTP status; the Javadoc above a constant is kept. The enum may sit inside a
//! Markdown page.

use super::doc::Field;
use super::java_args::{self, Status, integer};
use super::{Located, Row, Section};
use super::{java_texts, javadoc};
use crate::diag::{Diagnostic, Report};
use crate::rules;
use crate::source::Span;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Ident(String),
    Number(String),
    Str(String),
    Javadoc(String),
    Punct(char),
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

/// Java tokens from `from` on; comments other than Javadoc are dropped. Never fails:
/// text that is not Java (the rest of a Markdown page) becomes punctuation.
fn tokens(text: &str, from: usize) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            continue;
        }
        if text[i..].starts_with("/*") {
            let end = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
            if text[i..].starts_with("/**") && !text[i..].starts_with("/**/") {
                let body = &text[i + 3..end.saturating_sub(2).max(i + 3)];
                out.push(Token {
                    tok: Tok::Javadoc(javadoc::clean(body)),
                    start,
                    end,
                });
            }
            i = end;
            continue;
        }
        if c == b'"' {
            let (s, end) = match text[i..]
                .starts_with("\"\"\"")
                .then(|| text_block(text, i))
                .flatten()
            {
                Some(block) => block,
                None => string(text, i),
            };
            out.push(Token {
                tok: Tok::Str(s),
                start,
                end,
            });
            i = end;
            continue;
        }
        if c == b'\'' {
            // A char literal: skipped, it never carries a code or a message.
            let (_, end) = string(text, i);
            i = end;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        let run =
            |keep: fn(char) -> bool| text[i..].find(|x: char| !keep(x)).unwrap_or(b.len() - i);
        let (tok, len) = if ch.is_alphabetic() || ch == '_' || ch == '$' {
            let len = run(|x| x.is_alphanumeric() || x == '_' || x == '$');
            (Tok::Ident(text[i..i + len].to_owned()), len)
        } else if c.is_ascii_digit() {
            let len = run(|x| x.is_ascii_alphanumeric() || x == '_' || x == '.');
            (Tok::Number(text[i..i + len].to_owned()), len)
        } else {
            (Tok::Punct(ch), ch.len_utf8())
        };
        out.push(Token {
            tok,
            start,
            end: i + len,
        });
        i += len;
    }
    out
}

/// A string or char literal at `at` (its quote), unescaped, and the offset after it.
/// An unterminated literal ends at the line break.
fn string(text: &str, at: usize) -> (String, usize) {
    let quote = text.as_bytes()[at] as char;
    let body = &text[at + 1..];
    let mut chars = body.char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            c if c == quote => return (unescape(&body[..k]), at + 1 + k + 1),
            '\n' => return (unescape(&body[..k]), at + 1 + k),
            '\\' => {
                chars.next();
            }
            _ => {}
        }
    }
    (unescape(body), text.len())
}

/// A text block (`"""` and a line break, the text, `"""`) at `at`, as Java reads it
/// (the indentation its lines share, and the closing delimiter's on a line of its
/// own, removed; trailing spaces stripped; line breaks as `\n`; then escapes) but for
/// the line break before a closing delimiter on a line of its own; and the offset
/// after it. `None` when `at` opens no text block (`"""` with text after it on
/// its line); an unterminated one runs to the end of the text.
fn text_block(text: &str, at: usize) -> Option<(String, usize)> {
    let after = &text[at + 3..];
    let line_end = after.find('\n')?;
    if !after[..line_end].trim().is_empty() {
        return None;
    }
    let body_at = at + 3 + line_end + 1;
    let body = &text[body_at..];
    let mut chars = body.char_indices();
    let mut end = body.len();
    while let Some((k, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if body[k..].starts_with("\"\"\"") {
            end = k;
            break;
        }
    }
    let raw = body[..end].replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = raw.split('\n').collect();
    // The last line counts when it holds only the closing delimiter's indentation.
    let last = lines.len() - 1;
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| *i == last || !l.trim().is_empty())
        .map(|(_, l)| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let stripped: Vec<&str> = lines
        .iter()
        .map(|l| {
            let l = l.get(indent..).unwrap_or("");
            l.trim_end_matches([' ', '\t', '\u{c}'])
        })
        .collect();
    let close = (body_at + end + 3).min(text.len());
    // The line break before a closing delimiter on a line of its own is Java's, not
    // the author's: as a YAML block scalar's, it is no part of the imported text.
    let text = stripped.join("\n");
    let text = match stripped.last() {
        Some(&"") => text.strip_suffix('\n').unwrap_or(&text),
        _ => &text,
    };
    Some((unescape(text), close))
}

/// A literal's text with its escapes read: `\n`, `\t`, `\s`, `\uXXXX`, a backslash
/// before a line break joining the lines (in a text block), any other character as
/// itself.
fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('s') => out.push(' '),
            Some('0') => out.push('\0'),
            Some('\n') => {}
            Some('u') => {
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(u) if hex.len() == 4 => {
                        out.push(u);
                        for _ in 0..4 {
                            chars.next();
                        }
                    }
                    _ => out.push_str("\\u"),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// How the constants' texts are filed.
pub struct Texts<'a> {
    /// Language of the string arguments.
    pub locale: &'a str,
    /// Language of the Javadoc.
    pub doc_locale: &'a str,
    /// The field the Javadoc fills.
    pub doc_field: Field,
}

/// What a Java file gave: its sections, and how many constants had several strings
/// filed by position, for lack of constructor parameter names (the import's summary
/// says so).
pub struct Read {
    pub sections: Vec<Section>,
    pub filed_by_position: usize,
}

/// Reads every `enum Name { … }` of the file, one section each.
pub fn read(src: &Located, texts: &Texts, report: &mut Report) -> Read {
    let mut sections = Vec::new();
    let mut filed_by_position = 0;
    let mut from = 0;
    while let Some((name, name_span, body)) = find_enum(src, from) {
        let toks = tokens(src.text, body);
        let said = report.diagnostics.len();
        let (consts, after, end) = constants(src, &toks, report);
        from = end.max(body);
        let ctors = java_args::constructors(&name, &toks[after..]);
        let at_status = java_args::status_positions(consts.iter().map(|c| &c.args[..]), &ctors);
        let names: Vec<String> = consts
            .iter()
            .filter_map(|c| match &c.name.tok {
                Tok::Ident(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        let args = Args {
            at_status: &at_status,
            constructors: &ctors,
            names: &names,
        };
        let rows: Vec<Row> = consts
            .iter()
            .filter_map(|c| {
                let (row, by_position) = constant(src, c, &args, texts, report)?;
                filed_by_position += usize::from(by_position);
                Some(row)
            })
            .collect();
        if consts.is_empty() && report.diagnostics.len() == said {
            // Nothing read and nothing said why: an enum without constants.
            report.push(
                Diagnostic::new(
                    &rules::IMPORT_NOT_A_TABLE,
                    format!("enum {name} has no constants"),
                )
                .at(name_span, "no `CONSTANT(code, \"message\")` before its first `;` or `}`")
                .help("an enum of error codes lists its constants first: `ROOM_NOT_EXIST(1004, \"Room Not Found\"),`"),
            );
        }
        sections.push(Section {
            title: Some(heading_above(src.text, name_span.start).unwrap_or(name)),
            parent: None,
            span: name_span,
            locale: texts.locale.to_owned(),
            rows,
        });
    }
    if sections.is_empty() {
        report.push(
            Diagnostic::new(&rules::IMPORT_NOT_A_TABLE, "no Java enum in this file")
                .at(
                    src.span(0, 0),
                    "expected `enum Name { CONSTANT(code, \"message\"), … }`",
                )
                .help("the enum may stand alone or inside a Markdown code block"),
        );
    }
    Read {
        sections,
        filed_by_position,
    }
}

/// The next `enum Name … {` at or after `from`: its name, the name's span, and the
/// offset after the brace.
fn find_enum(src: &Located, from: usize) -> Option<(String, Span, usize)> {
    let text = src.text;
    let mut at = from;
    while let Some(k) = text[at..].find("enum") {
        let kw = at + k;
        at = kw + 4;
        let before_ok = text[..kw]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        // The name and `implements …` fit in a short window after the keyword.
        let mut window = text.len().min(at + 400);
        while !text.is_char_boundary(window) {
            window -= 1;
        }
        let toks = tokens(&text[..window], at);
        let (
            Some(Token {
                tok: Tok::Ident(name),
                start,
                end,
            }),
            true,
        ) = (toks.first(), before_ok)
        else {
            continue;
        };
        if *start == at {
            continue; // `enumerate`, not `enum`
        }
        // `implements A, B<C>` may follow the name.
        let brace = toks[1..]
            .iter()
            .find(|t| !matches!(t.tok, Tok::Ident(_) | Tok::Punct(',' | '.' | '<' | '>')));
        if let Some(Token {
            tok: Tok::Punct('{'),
            end: body,
            ..
        }) = brace
        {
            return Some((name.clone(), src.span(*start, *end), *body));
        }
    }
    None
}

/// The nearest Markdown heading above `offset`, if the enum sits in a page.
fn heading_above(text: &str, offset: usize) -> Option<String> {
    text[..offset]
        .lines()
        .rev()
        .find(|l| l.starts_with('#') && l.trim_start_matches('#').starts_with(' '))
        .map(|l| l.trim_start_matches('#').trim().to_owned())
}

/// Skips a balanced `open … close` group starting at `k`; returns the index after it.
pub(super) fn skip_group(toks: &[Token], mut k: usize, open: char, close: char) -> usize {
    let mut depth = 0;
    while let Some(t) = toks.get(k) {
        match t.tok {
            Tok::Punct(c) if c == open => depth += 1,
            Tok::Punct(c) if c == close => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
        k += 1;
    }
    k
}

/// An enum constant as written: its name, its arguments, the Javadoc above it and
/// its `@Deprecated`, if any.
struct Constant<'t> {
    name: &'t Token,
    args: Vec<&'t [Token]>,
    doc: Option<&'t Token>,
    /// Where its `@Deprecated` is: byte offsets.
    deprecated: Option<(usize, usize)>,
}

/// The enum's constants, up to the `;` or `}` that ends them; the index of the token
/// after that, and its offset.
fn constants<'t>(
    src: &Located,
    toks: &'t [Token],
    report: &mut Report,
) -> (Vec<Constant<'t>>, usize, usize) {
    let mut consts = Vec::new();
    let mut doc: Option<&Token> = None;
    let mut deprecated: Option<(usize, usize)> = None;
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        match &t.tok {
            Tok::Javadoc(_) => {
                doc = Some(t);
                k += 1;
            }
            Tok::Punct('@') => {
                // An annotation: `@Deprecated`, `@JsonProperty("x")`.
                // `@` and a (possibly qualified) name: `@a.b.C`.
                let at = t;
                k += 2;
                while matches!(toks.get(k).map(|t| &t.tok), Some(Tok::Punct('.'))) {
                    k += 2;
                }
                if let Some(last) = toks.get(k - 1)
                    && matches!(&last.tok, Tok::Ident(n) if n == "Deprecated")
                {
                    deprecated = Some((at.start, last.end));
                }
                if matches!(toks.get(k).map(|t| &t.tok), Some(Tok::Punct('('))) {
                    k = skip_group(toks, k, '(', ')');
                }
            }
            Tok::Punct(',') => k += 1,
            Tok::Ident(_) => {
                let name = t;
                k += 1;
                let mut args: Vec<&[Token]> = Vec::new();
                if matches!(toks.get(k).map(|t| &t.tok), Some(Tok::Punct('('))) {
                    let close = skip_group(toks, k, '(', ')');
                    let inner = &toks[k + 1..close.saturating_sub(1).max(k + 1)];
                    args = split_args(inner);
                    k = close;
                }
                if matches!(toks.get(k).map(|t| &t.tok), Some(Tok::Punct('{'))) {
                    k = skip_group(toks, k, '{', '}');
                }
                consts.push(Constant {
                    name,
                    args,
                    doc,
                    deprecated,
                });
                doc = None;
                deprecated = None;
            }
            Tok::Punct(';' | '}') => return (consts, k + 1, t.end),
            other => {
                let shown = match other {
                    Tok::Number(s) | Tok::Ident(s) => s.clone(),
                    Tok::Str(s) => format!("\"{s}\""),
                    Tok::Punct(c) => c.to_string(),
                    Tok::Javadoc(_) => "/** … */".to_owned(),
                };
                report.push(
                    Diagnostic::new(
                        &rules::IMPORT_NOT_A_TABLE,
                        format!("unexpected `{shown}` among the enum's constants; the rest of the enum is not read"),
                    )
                    .at(src.span(t.start, t.end), "expected a constant, `,` or `;`"),
                );
                return (consts, toks.len(), t.end);
            }
        }
    }
    (consts, toks.len(), toks.last().map_or(0, |t| t.end))
}

pub(super) fn split_args(inner: &[Token]) -> Vec<&[Token]> {
    let mut args = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (k, t) in inner.iter().enumerate() {
        match t.tok {
            Tok::Punct('(' | '{' | '[') => depth += 1,
            Tok::Punct(')' | '}' | ']') => depth -= 1,
            Tok::Punct(',') if depth == 0 => {
                args.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    if start < inner.len() {
        args.push(&inner[start..]);
    }
    args
}

/// What the enum says of its constants' arguments.
struct Args<'a, 't> {
    /// The argument positions that hold HTTP statuses.
    at_status: &'a [usize],
    /// The parameter lists of its constructors.
    constructors: &'a [Vec<&'t [Token]>],
    /// Its constants' names: one a `@deprecated` tag names is what replaces the constant.
    names: &'a [String],
}

/// The row of a constant, and whether it had several strings filed by position.
fn constant(
    src: &Located,
    c: &Constant,
    enum_args: &Args,
    texts: &Texts,
    report: &mut Report,
) -> Option<(Row, bool)> {
    let (args, doc) = (&c.args, c.doc);
    let Tok::Ident(name) = &c.name.tok else {
        return None;
    };
    let name_span = src.span(c.name.start, c.name.end);
    let arg_span = |a: &[Token]| match (a.first(), a.last()) {
        (Some(f), Some(l)) => src.span(f.start, l.end),
        _ => name_span,
    };
    let Some(Ok(code)) = args.first().map(|a| integer(a)) else {
        let (span, what) = match args.first() {
            Some(a) => (arg_span(a), integer(a).err().unwrap_or_default()),
            None => (name_span, "the constant has no arguments".to_owned()),
        };
        // A literal javac refuses is a typo to fix, not a missing code.
        let literal = args.first().is_some_and(|a| {
            a.last()
                .is_some_and(|t| matches!(t.tok, Tok::Number(_)) && a.len() <= 2)
        });
        report.push(
            Diagnostic::new(
                &rules::IMPORT_BAD_CODE,
                format!("enum constant {name} has no code: {what}"),
            )
            .at(span, "expected the code here")
            .help(if literal {
                "javac would refuse this literal: write the code as the enum compiles it"
            } else {
                "write the code as the first argument: `NAME(1004, \"message\")`"
            }),
        );
        return None;
    };
    let mut row = Row::new(code, arg_span(args[0]));
    row.name = Some((name.to_owned(), name_span));
    // The expression as written, on one line, for messages.
    let shown = |a: &[Token]| {
        let (f, l) = (
            a.first().map_or(0, |t| t.start),
            a.last().map_or(0, |t| t.end),
        );
        src.text[f..l]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Every string argument: its position, text and span.
    let mut strings = Vec::new();
    for (p, a) in args.iter().enumerate().skip(1) {
        match java_args::text(a) {
            None => {}
            Some(Ok(t)) => strings.push((p, t, arg_span(a))),
            Some(Err(())) => {
                report.push(
                    Diagnostic::new(
                        &rules::IMPORT_NOT_A_TABLE,
                        format!(
                            "the text of enum constant {name} is `{}`, which errcat cannot read",
                            shown(a)
                        ),
                    )
                    .at(arg_span(a), "not string literals alone")
                    .help("errcat reads string literals, joined with `+`, and evaluates no constant or call: write the text out"),
                );
                return None;
            }
        }
    }
    for (p, a) in args.iter().enumerate().skip(1) {
        match java_args::status(a, enum_args.at_status.contains(&p)) {
            Status::None => continue,
            Status::Code(h) => row.http = Some((h, arg_span(a))),
            Status::Bad(why, help) => report.push(
                Diagnostic::new(&rules::IMPORT_BAD_STATUS, format!("`{}` {why}", shown(a)))
                    .at(arg_span(a), "HTTP status")
                    .help(help),
            ),
        }
        break;
    }
    let doc = doc.and_then(|d| match &d.tok {
        Tok::Javadoc(s) => Some((javadoc::parts(s), src.span(d.start, d.end))),
        _ => None,
    });
    let reason = doc.as_ref().and_then(|(p, span)| {
        let r = p.deprecated.as_ref().filter(|r| !r.is_empty())?;
        Some((r.clone(), *span))
    });
    let doc = doc
        .filter(|(p, _)| !p.description.is_empty())
        .map(|(p, span)| (p.description, span));
    let params = java_args::param_names(enum_args.constructors, args.len());
    let strings: Vec<java_texts::Str> = strings
        .into_iter()
        .map(|(p, text, span)| java_texts::Str {
            text,
            span,
            param: params[p],
        })
        .collect();
    let constant = java_texts::Constant {
        name,
        name_span,
        strings: &strings,
        doc,
    };
    let by_position = java_texts::file(&mut row, &constant, texts, report)?;
    if let Some((reason, span)) = reason {
        let replaced_by = javadoc::replaced_by(&reason, name, enum_args.names);
        row.deprecated = Some((reason, replaced_by, span));
    } else if let Some((start, end)) = c.deprecated {
        // errcat's deprecation needs a reason, which the annotation does not give.
        report.push(
            Diagnostic::new(
                &rules::IMPORT_SKIPPED_TEXT,
                format!("enum constant {name} is @Deprecated, which is not imported: a deprecation in errcat needs a reason"),
            )
            .at(src.span(start, end), "no reason")
            .help(format!(
                "add `deprecated: {{ reason: …, replaced_by: … }}` to code {} in the imported file",
                row.code
            )),
        );
    }
    Some((row, by_position))
}
