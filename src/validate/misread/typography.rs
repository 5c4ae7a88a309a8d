//! What typing makes of a text: a word processor's curly quotes around it, Chinese or
//! Japanese lines joined with a space, an input method's full-width comma in a list.

use super::key_prefix;
use crate::diag::Diagnostic;
use crate::load::unquoted::code;
use crate::rules;
use crate::source::Span;
use crate::validate::catalog::Context;

impl Context<'_> {
    /// `en: “The item does not exist”`: a word processor turns the `"` typed around a
    /// text into curly quotes, which YAML does not read as quoting, so they are part of
    /// the text. A text that quotes within it (`“a” or “b”`) or that is quoted in ASCII
    /// around them is taken as meant.
    pub(in crate::validate) fn curly_quoted(&mut self, span: Span, what: &str, s: &str) {
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
    pub(in crate::validate) fn folded_cjk(&mut self, span: Span, what: &str, s: &str) {
        let text = &self.sources.get(span.file).text;
        let Some(src) = text.get(span.start..span.end) else {
            return;
        };
        // A text on one line (nearly every text) has no fold to look at.
        if src.starts_with('|') || !src.contains('\n') {
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
    pub(in crate::validate) fn comma_in_item(
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
pub(in crate::validate) fn split_at_full_width_commas(s: &str) -> Option<String> {
    let items: Vec<&str> = s.split(['\u{FF0C}', '\u{3001}']).map(str::trim).collect();
    (items.len() > 1 && items.iter().all(|i| !i.is_empty())).then(|| items.join(", "))
}
