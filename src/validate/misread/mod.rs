//! Texts YAML reads otherwise than they look: `en: Error #5 occurred` (a comment from
//! ` #` on), `title: &Co Billing` (an anchor), `en: !urgent Payment failed` (a tag),
//! `en:Item missing` (without a space after its colon, a locale is text), `"C:\new"` (a
//! line break in double quotes). The parser reads each without a word; these checks look
//! at the source around the text.
//!
//! Escapes in double quotes are in `escapes`; curly quotes, Chinese and Japanese
//! line joins and full-width commas in `typography`.

mod escapes;
mod typography;

pub(super) use typography::split_at_full_width_commas;

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
}

/// `en: `, the key of the value at byte `at` and its colon, to show a line as it
/// should be written; empty when no key is found.
fn key_prefix(text: &str, at: usize) -> String {
    crate::load::key_range_before(text, at).map_or(String::new(), |k| format!("{}: ", &text[k]))
}
