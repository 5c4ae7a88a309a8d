//! The catalog file: identity, locales, docs, targets; and text conversion shared by all files.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Report};
use crate::load::Loaded;
use crate::load::raw::{RawLimits, RawText, S};
use crate::model::{
    Catalog, CatalogSpans, DeclaredTarget, Each, FileSpec, Limits, Namespace, PartsBy, Surface,
    Target, Text,
};

/// Bidirectional controls and other invisible format characters (the "Trojan Source" class).
/// Line and paragraph separators are not among them (visible breaks, escaped on output), nor the
/// zero-width (non-)joiners that emoji sequences and Indic and Persian scripts need.
pub fn is_bidi_or_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}
use super::locales::is_locale_tag;
use crate::rules::{self, Rule};
use crate::source::{FileId, Sources, Span};

/// Shared state while validating one catalog.
pub struct Context<'a> {
    pub sources: &'a Sources,
    pub report: &'a mut Report,
    pub loaded: &'a Loaded,
    pub locales: Vec<String>,
    /// The locales every text must have where a namespace names none: the catalog's
    /// `required_locales`, else all of them.
    pub required_locales: Vec<String>,
    pub default_locale: String,
    /// The namespace (and code) being validated: attached to findings that name no scope.
    pub scope: Option<(String, Option<i64>)>,
    /// Acknowledgements written on entries, matched against findings at the end.
    pub acks: Vec<super::levels::Ack>,
    /// Texts in undeclared locales, reported once per file and locale.
    pub unknown_locales: Vec<super::locales::UnknownUse>,
    /// The targets' `limits: text_bytes`, which every text is checked against.
    pub text_limits: Vec<super::text_bytes::TextLimit>,
}

pub fn is_id(s: &str, extra: char) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
}

/// `MAJOR.MINOR.PATCH[-pre][+build]`: package managers of every target demand it.
fn is_semver(s: &str) -> bool {
    let (core, build) = s.split_once('+').map_or((s, None), |(c, b)| (c, Some(b)));
    let (core, pre) = core
        .split_once('-')
        .map_or((core, None), |(c, p)| (c, Some(p)));
    let numbers: Vec<&str> = core.split('.').collect();
    let number = |n: &&str| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && (n.len() == 1 || !n.starts_with('0'))
    };
    let idents = |x: Option<&str>| {
        x.is_none_or(|x| {
            x.split('.')
                .all(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        })
    };
    numbers.len() == 3 && numbers.iter().all(number) && idents(pre) && idents(build)
}

impl<'a> Context<'a> {
    pub fn new(loaded: &'a Loaded, sources: &'a Sources, report: &'a mut Report) -> Self {
        let file = loaded.catalog_file;
        let c = &loaded.catalog;
        let mut cx = Context {
            sources,
            report,
            loaded,
            locales: Vec::new(),
            required_locales: Vec::new(),
            default_locale: c.default_locale.value.clone(),
            scope: None,
            acks: Vec::new(),
            unknown_locales: Vec::new(),
            text_limits: Vec::new(),
        };
        if c.format.value != 1 {
            let span = cx.span(file, &c.format);
            cx.emit(
                Diagnostic::new(
                    &rules::UNSUPPORTED_FORMAT,
                    format!("catalog format {} is not supported", c.format.value),
                )
                .at(span, "declared here")
                .help("this errcat reads format 1"),
            );
        }
        if !is_id(&c.catalog.value, '-') {
            let span = cx.span(file, &c.catalog);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_ID,
                    format!(
                        "catalog id `{}` is not lower-case kebab-case",
                        c.catalog.value
                    ),
                )
                .at(span, "catalog id"),
            );
        }
        // The command goes into a comment line of every generated file: nothing in it may
        // end the comment or, as `\u000a` does in Java, make javac end it.
        if let Some(r) = &c.regenerate {
            let v = &r.value;
            let wrong = if v.trim().is_empty()
                || v.chars()
                    .any(|ch| ch.is_control() || ch == '`' || crate::naming::is_invisible(ch))
            {
                Some((
                    "`regenerate` is not a one-line command",
                    "give the command on one line, without backticks, such as `cargo xtask gen`; leave `regenerate` out for `errcat gen <catalog>`",
                ))
            } else if v.contains('\\') {
                Some((
                    "`regenerate` has a backslash, which Java reads as an escape even in a comment (`\\u000a` ends the line)",
                    "write the command without backslashes, or put it in a script and name the script",
                ))
            } else {
                None
            };
            if let Some((message, help)) = wrong {
                let span = cx.span(file, r);
                cx.emit(
                    Diagnostic::new(&rules::INVALID_VALUE, message.to_string())
                        .at(span, "the command")
                        .help(help),
                );
            }
        }
        if let Some(v) = &c.version
            && !is_semver(&v.value)
        {
            let span = cx.span(file, v);
            cx.emit(
                Diagnostic::new(&rules::INVALID_VALUE, format!("catalog version `{}` is not a semantic version", v.value))
                    .at(span, "version")
                    .help("write MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1: generated packages carry it"),
            );
        }
        if let Some(b) = c.docs.as_ref().map(|d| &d.base_url)
            && let Some(bad) = b.value.chars().find(|&ch| {
                ch.is_whitespace()
                    || ch.is_control()
                    || is_bidi_or_invisible(ch)
                    || "\"<>\\^`{|}".contains(ch)
            })
        {
            let span = cx.span(file, b);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_VALUE,
                    format!(
                        "the docs base URL contains {} (U+{:04X}){}",
                        match bad {
                            ' ' => "a space".to_string(),
                            c if c.is_whitespace() => "whitespace".to_string(),
                            c if c.is_ascii_punctuation() => format!("`{c}`"),
                            _ => "an invisible character".to_string(),
                        },
                        bad as u32,
                        if bad.is_ascii_punctuation() {
                            ", which no URL holds as it is: a page that puts it in a link would end the attribute or start markup"
                        } else {
                            ""
                        }
                    ),
                )
                .at(span, "base_url")
                .help("percent-encode it (a space is %20, `\"` is %22, `<` is %3C): every target links to the docs with this URL"),
            );
        }
        // Packages take it as their home page and every code's doc_url starts with it:
        // a `javascript:` or relative URL would be a link that goes nowhere, or worse.
        if let Some(b) = c.docs.as_ref().map(|d| &d.base_url)
            && !["http://", "https://"].iter().any(|scheme| {
                b.value
                    .get(..scheme.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            })
        {
            let span = cx.span(file, b);
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_VALUE,
                    format!("the docs base URL `{}` is not an http or https URL", crate::naming::visible(&b.value)),
                )
                .at(span, "base_url")
                .help("write the address the docs are served at, e.g. https://docs.example.com/errors/: every target links each code there, and the packages name it as their home page"),
            );
        }
        // Each doc_url is the base, a page and `#anchor`: after a query or a fragment
        // the page would be part of them (`…?v=2#/en/app.html#app-1`).
        if let Some(b) = c.docs.as_ref().map(|d| &d.base_url)
            && let Some(at) = b.value.find(['?', '#'])
        {
            let span = cx.span(file, b);
            let what = if b.value[at..].starts_with('?') {
                "a query"
            } else {
                "a fragment"
            };
            cx.emit(
                Diagnostic::new(
                    &rules::INVALID_VALUE,
                    format!(
                        "the docs base URL `{}` has {what} (`{}`)",
                        crate::naming::visible(&b.value),
                        crate::naming::visible(&b.value[at..])
                    ),
                )
                .at(span, "base_url")
                .help("write the address the pages are under, e.g. https://docs.example.com/errors/: each code's doc_url adds its page and `#anchor` to it"),
            );
        }
        let mut locales: Vec<String> = Vec::new();
        for l in &c.locales {
            let span = cx.span(file, l);
            let comma =
                cx.comma_in_item(&rules::INVALID_ID, span, "a locale of `locales:`", &l.value);
            if let Some(d) = comma {
                cx.emit(d);
            } else if !is_locale_tag(&l.value) {
                cx.emit(
                    Diagnostic::new(
                        &rules::INVALID_ID,
                        super::locales::invalid_tag_message(&l.value),
                    )
                    .at(span, "locale")
                    .help(super::locales::invalid_tag_help(&l.value)),
                );
            } else if locales.contains(&l.value) {
                cx.emit(
                    Diagnostic::new(
                        &rules::INVALID_ID,
                        format!("locale `{}` is listed twice", l.value),
                    )
                    .at(span, "listed again here"),
                );
            } else {
                // A tag of no language is still the catalog's locale: its texts are
                // not unknown too, and a catalog that allows the rule generates it.
                if let Some(d) = super::language::unknown_language(&l.value, span) {
                    cx.emit(d);
                }
                locales.push(l.value.clone());
            }
        }
        match locales.iter().position(|l| *l == c.default_locale.value) {
            Some(i) => {
                let d = locales.remove(i);
                locales.insert(0, d);
            }
            None => {
                let span = cx.span(file, &c.default_locale);
                let d = &c.default_locale.value;
                let help = match super::locales::near_tag(
                    d,
                    &locales.iter().map(String::as_str).collect::<Vec<_>>(),
                ) {
                    Some(near) => format!("did you mean `{near}`? or add `{d}` to `locales:`"),
                    None if locales.is_empty() => {
                        format!(
                            "`locales:` is empty: list `{d}` there, and every other locale of the texts"
                        )
                    }
                    None => format!(
                        "add `{d}` to `locales:`, or make the default one of them: {}",
                        locales.join(", ")
                    ),
                };
                cx.emit(
                    Diagnostic::new(
                        &rules::UNKNOWN_LOCALE,
                        format!("default locale `{d}` is not in `locales`"),
                    )
                    .at(span, "default locale")
                    .help(help),
                );
            }
        }
        cx.locales = locales;
        cx.required_locales = match &c.required_locales {
            Some(list) => cx.required_list(file, list, "`required_locales:`", "the catalog"),
            None => cx.locales.clone(),
        };
        cx
    }

    pub fn span<T>(&self, file: FileId, s: &S<T>) -> Span {
        self.sources.span(file, &s.referenced)
    }

    /// The key of the value at `value` (`crate_name` of `crate_name: x`), or the value
    /// where no key is found before it.
    pub fn key_span(&self, value: Span) -> Span {
        let text = &self.sources.get(value.file).text;
        let Some(key) = crate::load::key_range_before(text, value.start) else {
            return value;
        };
        let line_start = text[..key.start].rfind('\n').map_or(0, |i| i + 1);
        Span {
            // A block value's key is on a line above it.
            line: text[..key.start].matches('\n').count() as u32 + 1,
            column: text[line_start..key.start].chars().count() as u32 + 1,
            start: key.start,
            end: key.end,
            ..value
        }
    }

    /// A flow mapping (`{ min: 1, max: 9 }`) from its `{` to its `}`, or a block one
    /// from its first key to the end of the last of its `values`: the parser gives only
    /// where a mapping starts.
    pub fn mapping_span<T>(&self, file: FileId, map: &S<T>, values: &[Span]) -> Span {
        let start = self.span(file, map);
        let end = values.iter().map(|v| v.end).max().unwrap_or(start.end);
        let text = &self.sources.get(file).text;
        let close = match text.get(start.start..) {
            Some(rest) if rest.starts_with('{') => text
                .get(end..)
                .and_then(|r| r.find('}'))
                .map(|i| end + i + 1),
            _ => None,
        };
        Span {
            end: close.unwrap_or(end).max(start.start),
            ..start
        }
    }

    /// Where `locale`'s text of `raw` is written: the text itself, or the whole
    /// value when it is one plain string.
    pub fn text_span(&self, file: FileId, raw: &S<RawText>, locale: &str) -> Span {
        match &raw.value {
            RawText::ByLocale(pairs) => match pairs.iter().find(|(l, _)| l.value == locale) {
                Some((_, text)) => self.span(file, text),
                None => self.span(file, raw),
            },
            RawText::Plain(_) | RawText::Scalar(_) => self.span(file, raw),
        }
    }

    pub fn emit(&mut self, mut d: Diagnostic) {
        if d.scope.is_empty()
            && let Some((ns, code)) = &self.scope
        {
            d = d.about(ns, *code);
        }
        self.report.push(d);
    }

    /// `{what} `id` is declared twice`, at `id` and at the first of `ids` (every id
    /// of its kind in the file, in order) that is the same.
    pub fn twice<'i>(
        &mut self,
        file: FileId,
        what: &str,
        id: &S<String>,
        mut ids: impl Iterator<Item = &'i S<String>>,
    ) {
        let mut d = Diagnostic::new(
            &rules::INVALID_ID,
            format!("{what} `{}` is declared twice", id.value),
        )
        .at(self.span(file, id), "declared again here")
        .help(format!(
            "give each {what} an id of its own, or merge the two"
        ));
        if let Some(first) = ids.find(|i| i.value == id.value) {
            d = d.related(self.span(file, first), "first declared here");
        }
        self.emit(d);
    }

    pub fn error(&mut self, rule: &Rule, span: Span, message: String, label: &str) {
        self.emit(Diagnostic::new(rule, message).at(span, label));
    }

    /// Converts a text, checking locales, emptiness and hygiene. `what` names the field in messages.
    pub fn text(&mut self, file: FileId, raw: &S<RawText>, what: &str) -> Text {
        let mut pairs: Vec<(String, String)> = Vec::new();
        // Each text with the span of its locale (the key, or the whole text when
        // plain) and of the text itself.
        let items: Vec<(String, &str, Span, Span)> = match &raw.value {
            RawText::Plain(s) | RawText::Scalar(s) => {
                let span = self.span(file, raw);
                vec![(self.default_locale.clone(), s.as_str(), span, span)]
            }
            RawText::ByLocale(map) => map
                .iter()
                .map(|(l, s)| {
                    let (key, text) = (self.span(file, l), self.span(file, s));
                    (l.value.clone(), s.value.as_str(), key, text)
                })
                .collect(),
        };
        // The span of each text of `pairs`.
        let mut spans: Vec<Span> = Vec::new();
        // Locales whose text is in another script: said so, and not again as a copy.
        let mut foreign: Vec<String> = Vec::new();
        for (locale, s, key_span, span) in items {
            if !self.locales.contains(&locale) {
                self.unknown_locale(key_span, what, &locale);
                continue;
            }
            let label = if raw.value.plain().is_some() {
                String::new()
            } else {
                format!(" in `{locale}`")
            };
            if s.trim().is_empty() {
                self.error(
                    &rules::EMPTY_TEXT,
                    span,
                    format!("{what}{label} is empty"),
                    "empty text",
                );
            } else {
                self.locale_in_text(span, &format!("{what}{label}"), s);
                self.hygiene(span, &format!("{what}{label}"), s);
                self.text_bytes(span, &format!("{what} in `{locale}`"), s);
                if let Some((script, n, letters)) = super::script::foreign_script(&locale, s) {
                    foreign.push(locale.clone());
                    self.emit(
                        Diagnostic::new(
                            &rules::LOCALE_SCRIPT,
                            format!(
                                "{what} in `{locale}` is written in {} ({n} of its {letters} letters)",
                                script.describe()
                            ),
                        )
                        .at(span, format!("the `{locale}` text"))
                        .help(format!(
                            "write the `{locale}` text here; a text of another locale belongs under that locale (`errcat import` takes `--locale`)"
                        ))
                        .in_locale(&locale),
                    );
                }
            }
            pairs.push((locale, s.to_string()));
            spans.push(span);
        }
        self.untranslated_copies(&pairs, &spans, &foreign, what);
        self.terminal_punctuation(&pairs, &spans, what);
        let order = |l: &str| {
            self.locales
                .iter()
                .position(|x| x == l)
                .unwrap_or(usize::MAX)
        };
        pairs.sort_by_key(|(l, _)| order(l));
        Text(pairs)
    }

    /// Each text of `pairs` (with its span in `spans`, one each) that is the default
    /// locale's, word for word, under a locale of another language: left untranslated.
    fn untranslated_copies(
        &mut self,
        pairs: &[(String, String)],
        spans: &[Span],
        skip: &[String],
        what: &str,
    ) {
        let Some((_, default)) = pairs.iter().find(|(l, _)| *l == self.default_locale) else {
            return;
        };
        for ((locale, text), span) in pairs.iter().zip(spans) {
            if !skip.contains(locale)
                && is_untranslated_copy((&self.default_locale, default), (locale, text))
            {
                let d = self.default_locale.clone();
                self.emit(
                    Diagnostic::new(
                        &rules::UNTRANSLATED_COPY,
                        format!("{what} in `{locale}` is the `{d}` text, word for word"),
                    )
                    .at(*span, format!("the `{locale}` text"))
                    .help(format!(
                        "translate it, or leave `{locale}` out to have it fall back (and counted as missing); if the words are the same in both languages, acknowledge the finding"
                    ))
                    .in_locale(locale),
                );
            }
        }
    }

    /// Each text of `pairs` (with its span in `spans`) that ends a sentence where the
    /// default locale's text does not, or does not where the default's does.
    fn terminal_punctuation(&mut self, pairs: &[(String, String)], spans: &[Span], what: &str) {
        let Some((_, default)) = pairs.iter().find(|(l, _)| *l == self.default_locale) else {
            return;
        };
        let ends = |t: &str| sentence_end(t).is_some();
        let default_ends = ends(default);
        for ((locale, text), span) in pairs.iter().zip(spans) {
            if *locale == self.default_locale
                || text.trim().is_empty()
                || ends(text) == default_ends
            {
                continue;
            }
            let d = self.default_locale.clone();
            let (message, at, help) = match sentence_end(text) {
                Some(range) => (
                    format!("{what} in `{locale}` ends a sentence, the `{d}` text does not"),
                    self.sources.part(*span, text, range),
                    format!("remove the final punctuation, or end the `{d}` text with one too"),
                ),
                None => (
                    format!("{what} in `{locale}` does not end a sentence, the `{d}` text does"),
                    *span,
                    format!("end the `{locale}` text as the `{d}` one, in its own punctuation"),
                ),
            };
            self.emit(
                Diagnostic::new(&rules::TERMINAL_PUNCTUATION, message)
                    .at(at, format!("the `{locale}` text"))
                    .help(help)
                    .in_locale(locale),
            );
        }
    }

    /// A text that is one string, not one per locale (a reason, a tag, `since`, a
    /// source): checked as every text is, empty included when `required`.
    pub fn plain(&mut self, file: FileId, raw: &S<String>, what: &str, required: bool) {
        let span = self.span(file, raw);
        if raw.value.trim().is_empty() {
            if required {
                self.error(
                    &rules::EMPTY_TEXT,
                    span,
                    format!("{what} is empty"),
                    "empty text",
                );
            }
        } else {
            self.hygiene(span, what, &raw.value);
            self.text_bytes(span, what, &raw.value);
        }
    }

    /// Invisible and control characters, and stray whitespace.
    fn hygiene(&mut self, span: Span, what: &str, s: &str) {
        self.comment_in_text(span, what);
        self.property_on_text(span, what, s);
        self.escape_in_text(span, what);
        self.curly_quoted(span, what, s);
        self.folded_cjk(span, what, s);
        // errcat reads a `!!binary` text as written; YAML tools and editors decode it
        // from base64, so the file would mean two things.
        let text = &self.sources.get(span.file).text;
        let before = text.get(..span.start).unwrap_or("");
        let trimmed = before.trim_end_matches([' ', '\t']);
        if let Some(tag) = ["!!binary", "!<tag:yaml.org,2002:binary>"]
            .into_iter()
            .find(|t| trimmed.ends_with(t))
        {
            let start = trimmed.len() - tag.len();
            let back = before[start..].chars().count();
            let at = Span {
                start,
                end: trimmed.len(),
                column: span
                    .column
                    .saturating_sub(u32::try_from(back).unwrap_or(0))
                    .max(1),
                ..span
            };
            self.emit(
                Diagnostic::new(
                    &rules::INVALID_VALUE,
                    format!("errcat does not read the YAML tag `{tag}` on {what}: other YAML tools decode it from base64"),
                )
                .at(at, "tag")
                .help("write the text itself, without the tag"),
            );
        }
        // The character itself, where the text maps back onto its source.
        let at = |(i, c): (usize, char)| self.sources.part(span, s, i..i + c.len_utf8());
        // The direction marks (LRM, RLM, ALM) reorder nothing but the neutral characters
        // beside them, which Arabic and Hebrew texts need them for: a number or a
        // Latin name inside a right-to-left sentence. Generated code escapes them.
        let mark = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}');
        if let Some((i, c)) = s
            .char_indices()
            .find(|&(_, c)| is_bidi_or_invisible(c) && !mark(c))
        {
            self.emit(
                Diagnostic::new(
                    &rules::BIDI_CONTROL,
                    format!(
                        "{what} contains the invisible format character {}",
                        super::char_names::describe(c)
                    ),
                )
                .at(at((i, c)), "in this text")
                .help("remove it: invisible characters make text read differently from what it is"),
            );
        }
        // The separators are no control characters to Unicode, but line breaks that
        // only some programs make, as NEL is.
        let separator = |c: char| matches!(c, '\u{2028}' | '\u{2029}');
        if let Some((i, c)) = s
            .char_indices()
            .find(|&(_, c)| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || separator(c))
        {
            let at = at((i, c));
            let kind = if separator(c) {
                ""
            } else {
                "the control character "
            };
            let mut d = Diagnostic::new(
                &rules::CONTROL_CHAR,
                format!("{what} contains {kind}{}", super::char_names::describe(c)),
            )
            .at(at, "in this text");
            let escaped = text
                .get(at.start..at.end)
                .is_some_and(|e| e.starts_with('\\'));
            if let Some(help) = self.backslash_help(span).filter(|_| escaped) {
                let e = &text[at.start..at.end];
                d = d.help(format!("in double quotes, `{e}` is this character; {help}"));
            } else if separator(c) || c == '\u{85}' {
                d = d.help(
                    "only some programs break the line at it: for a line break, start a new line (`\\n` in double quotes); else remove it",
                );
            }
            self.emit(d);
        }
        if let Some((range, found)) = stray_whitespace(s) {
            self.emit(
                Diagnostic::new(&rules::TRAILING_WHITESPACE, format!("{what} {found}"))
                    .at(self.sources.part(span, s, range), "in this text")
                    .help("trim it"),
            );
        }
    }

    pub fn targets(&mut self, loaded: &Loaded) -> Vec<Target> {
        let file = loaded.catalog_file;
        let mut out: Vec<Target> = Vec::new();
        // Each target's output directory, for the check that no two share one.
        let mut outs: Vec<(String, PathBuf, Span)> = Vec::new();
        let catalog_file = PathBuf::from(self.rel_path(loaded.catalog_file));
        for lt in loaded.targets.iter().filter(|t| t.rendered) {
            let raw = &loaded.catalog.targets[lt.index];
            let t = &raw.value;
            let id_span = self.span(file, &t.id);
            if !is_id(&t.id.value, '-') && !is_id(&t.id.value, '_') {
                self.error(
                    &rules::INVALID_ID,
                    id_span,
                    format!("target id `{}` is not lower-case", t.id.value),
                    "target id",
                );
                continue;
            }
            if out.iter().any(|o| o.id == t.id.value) {
                let first = loaded.catalog.targets.iter().map(|r| &r.value.id);
                self.twice(file, "target", &t.id, first);
                continue;
            }
            let manifest = lt.manifest.as_ref();
            let profile_decl = t
                .profile
                .as_ref()
                .map(|p| (file, p))
                .or_else(|| manifest.map(|(f, m)| (*f, &m.profile)));
            let Some((pfile, pdecl)) = profile_decl else {
                self.error(
                    &rules::TARGET_CONFIG,
                    id_span,
                    format!("target `{}` names no profile", t.id.value),
                    "add `profile:` here or a target.yaml to its templates",
                );
                continue;
            };
            let Some(mut profile) = super::profile::resolve(self, pfile, pdecl, &t.templates.value)
            else {
                continue;
            };
            if let Some((mfile, reserved)) =
                manifest.and_then(|(f, m)| Some((*f, m.reserved.as_ref()?)))
                && !super::profile::reserve(self, mfile, reserved, &mut profile)
            {
                continue;
            }
            let specs = t
                .files
                .as_ref()
                .map(|f| (file, f))
                .or_else(|| manifest.map(|(f, m)| (*f, &m.files)));
            let Some((sfile, specs)) = specs else {
                self.error(
                    &rules::TARGET_CONFIG,
                    id_span,
                    format!("target `{}` declares no files", t.id.value),
                    "add `files:` here or a target.yaml to its templates",
                );
                continue;
            };
            let mut files = Vec::new();
            for spec in specs {
                let s = &spec.value;
                let each = match s.each.as_ref().map(|e| e.value.as_str()) {
                    None | Some("catalog") => Each::Catalog,
                    Some("namespace") => Each::Namespace,
                    Some("locale") => Each::Locale,
                    Some("namespace_locale") => Each::NamespaceLocale,
                    Some(other) => {
                        let span = s.each.as_ref().map_or(id_span, |e| self.span(sfile, e));
                        self.emit(Diagnostic::new(&rules::TARGET_CONFIG, format!("`each: {other}` is not one of catalog, namespace, locale, namespace_locale")).at(span, "here"));
                        continue;
                    }
                };
                let missing = [Some(&s.template), s.parts.as_ref()]
                    .into_iter()
                    .flatten()
                    .find(|name| !lt.templates.contains_key(&name.value));
                // One that is there but could not be read is reported already.
                if missing.is_some_and(|name| lt.unread.contains(&name.value)) {
                    continue;
                }
                if let Some(name) = missing {
                    let span = self.span(sfile, name);
                    let names: Vec<&str> = lt.templates.keys().map(String::as_str).collect();
                    let mut d = Diagnostic::new(
                        &rules::TARGET_CONFIG,
                        format!(
                            "template `{}` is not in templates/{}",
                            name.value, t.templates.value
                        ),
                    )
                    .at(span, "named here");
                    if let Some(near) = crate::load::suggest(&name.value, &names) {
                        d = d.help(format!("did you mean `{near}`?"));
                    }
                    self.emit(d);
                    continue;
                }
                if let Some(parts) = s
                    .parts
                    .as_ref()
                    .filter(|_| !matches!(each, Each::Catalog | Each::Locale))
                {
                    let span = self.span(sfile, parts);
                    self.emit(
                        Diagnostic::new(
                            &rules::TARGET_CONFIG,
                            format!(
                                "`parts` is for a file rendered once per catalog or locale, not `each: {}`",
                                crate::context_doc::each_name(each)
                            ),
                        )
                        .at(span, "parts named here")
                        .help("render the file with `each: catalog` or `each: locale`, or drop `parts`"),
                    );
                    continue;
                }
                let parts_by = match (s.parts_by.as_ref(), &s.parts) {
                    (None, _) => PartsBy::Namespace,
                    (Some(by), None) => {
                        let span = self.span(sfile, by);
                        self.emit(
                            Diagnostic::new(&rules::TARGET_CONFIG, "`parts_by` without `parts`")
                                .at(span, "here")
                                .help("name the part template with `parts: <template>`, or drop `parts_by`"),
                        );
                        continue;
                    }
                    (Some(by), Some(_)) => match by.value.as_str() {
                        "namespace" => PartsBy::Namespace,
                        "codes" => PartsBy::Codes,
                        other => {
                            let span = self.span(sfile, by);
                            self.emit(
                                Diagnostic::new(
                                    &rules::TARGET_CONFIG,
                                    format!("`parts_by: {other}` is not one of namespace, codes"),
                                )
                                .at(span, "here"),
                            );
                            continue;
                        }
                    },
                };
                files.push(FileSpec {
                    template: s.template.value.clone(),
                    path: s.path.value.clone(),
                    path_span: Some(self.span(sfile, &s.path)),
                    each,
                    parts: s.parts.as_ref().map(|p| p.value.clone()),
                    parts_by,
                });
            }
            let out_span = self.span(file, &t.out);
            // A literal directory, no pattern: it must be one every system can hold too.
            let checked = crate::load::check_relative(&t.out.value, "the catalog root")
                .and_then(|()| crate::load::check_portable(&t.out.value).map_err(|(why, _)| why));
            if let Err(why) = checked {
                self.error(
                    &rules::BAD_PATH,
                    out_span,
                    format!(
                        "output directory `{}` {why}",
                        crate::naming::visible(&t.out.value)
                    ),
                    "output directory",
                );
                continue;
            }
            let normal: PathBuf = Path::new(&t.out.value)
                .components()
                .filter(|c| !matches!(c, std::path::Component::CurDir))
                .collect();
            if let Some(why) = among_inputs(&normal, &catalog_file) {
                self.emit(
                    Diagnostic::new(
                        &rules::BAD_PATH,
                        format!(
                            "output directory `{}` {why}",
                            crate::naming::visible(&t.out.value)
                        ),
                    )
                    .at(out_span, "output directory")
                    .help("write generated files to a directory of their own, such as `generated/<target>`"),
                );
                continue;
            }
            outs.push((t.id.value.clone(), normal, out_span));
            let options = super::options::resolve(self, t, manifest, &profile);
            let option_spans = super::options::spans(self, t, manifest);
            let limit = |pick: fn(&RawLimits) -> Option<&S<u32>>| {
                manifest.and_then(|(f, m)| {
                    let limit = pick(m.limits.as_ref()?)?;
                    Some((limit.value, self.span(*f, limit)))
                })
            };
            let limits = Limits {
                codes_per_namespace: limit(|l| l.codes_per_namespace.as_ref()),
                params_per_code: limit(|l| l.params_per_code.as_ref()),
                text_bytes: limit(|l| l.text_bytes.as_ref()),
            };
            out.push(Target {
                id: t.id.value.clone(),
                profile,
                out_dir: Path::new(&t.out.value).to_path_buf(),
                out_span,
                files,
                templates: lt.templates.clone(),
                template_origins: lt.origins.clone(),
                template_files: lt.files.clone(),
                options,
                option_spans,
                limits,
            });
        }
        self.shared_outputs(&outs);
        super::overrides::check(self, loaded, &out);
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// Two targets whose output directories are one, or one inside the other: each
    /// removes the files of its directory it no longer renders, so each would delete
    /// (or overwrite) the other's.
    fn shared_outputs(&mut self, outs: &[(String, PathBuf, Span)]) {
        for (i, (id, dir, span)) in outs.iter().enumerate() {
            // `Gen/java` and `gen/ts` are two directories on Linux and one on Windows
            // and macOS (so are `café` in NFC and in NFD on macOS): the committed
            // output would mix there.
            let case_only = outs[..i]
                .iter()
                .find_map(|(other, d, other_span)| Some((other, case_only(dir, d)?, other_span)));
            if let Some((other, (mine, theirs), other_span)) = case_only {
                let alike = crate::fold::Alike::of(&mine, &theirs);
                let (how, systems) = (alike.how, alike.systems);
                let names = alike.pair(&theirs, &mine);
                self.emit(
                    Diagnostic::new(
                        &rules::BAD_PATH,
                        format!(
                            "the output directories of targets `{other}` and `{id}` differ only in {how} ({names}): {systems} hold one directory for both"
                        ),
                    )
                    .at(*span, format!("`{id}` writes here"))
                    .related(*other_span, format!("`{other}` writes here"))
                    .help(format!("spell the directories alike, or make them differ in more than {how}")),
                );
            }
            let Some((other, other_dir, other_span)) = outs[..i]
                .iter()
                .find(|(_, d, _)| d.starts_with(dir) || dir.starts_with(d))
            else {
                continue;
            };
            let how = if dir == other_dir {
                "the same"
            } else {
                "a nested"
            };
            self.emit(
                Diagnostic::new(
                    &rules::TARGET_CONFIG,
                    format!("targets `{other}` and `{id}` write to {how} output directory"),
                )
                .at(*span, format!("`{id}` writes here"))
                .related(*other_span, format!("`{other}` writes here"))
                .help("give each target a directory of its own: each removes the files in it that it no longer renders"),
            );
        }
    }

    /// The catalog's surfaces, checked against the namespaces.
    /// `incomplete`: a namespace file did not load, so a surface naming a namespace the
    /// catalog lacks may name that one; the file's own error says what to fix.
    pub fn surfaces(&mut self, namespaces: &[Namespace], incomplete: bool) -> Vec<Surface> {
        let file = self.loaded.catalog_file;
        let ids: Vec<&str> = namespaces.iter().map(|n| n.id.as_str()).collect();
        // Looked up, not searched: a surface may list thousands of namespaces.
        let known: std::collections::HashSet<&str> = ids.iter().copied().collect();
        let mut out: Vec<Surface> = Vec::new();
        let mut declared = std::collections::HashSet::new();
        for raw in &self.loaded.catalog.surfaces {
            let s = &raw.value;
            let span = self.span(file, &s.id);
            if !is_id(&s.id.value, '-') {
                self.error(
                    &rules::INVALID_ID,
                    span,
                    format!("surface id `{}` is not lower-case kebab-case", s.id.value),
                    "surface id",
                );
                continue;
            }
            if !declared.insert(s.id.value.as_str()) {
                let first = self.loaded.catalog.surfaces.iter().map(|r| &r.value.id);
                self.twice(file, "surface", &s.id, first);
                continue;
            }
            let mut members = Vec::new();
            let mut listed = std::collections::HashSet::new();
            for n in &s.namespaces {
                if !listed.insert(n.value.as_str()) {
                    let nspan = self.span(file, n);
                    self.emit(
                        Diagnostic::new(
                            &rules::INVALID_ID,
                            format!(
                                "surface `{}` lists namespace `{}` twice",
                                s.id.value, n.value
                            ),
                        )
                        .at(nspan, "listed again here"),
                    );
                } else if known.contains(n.value.as_str()) {
                    members.push(n.value.clone());
                } else if !incomplete {
                    let nspan = self.span(file, n);
                    let mut d = Diagnostic::new(
                        &rules::INVALID_ID,
                        format!(
                            "surface `{}` names namespace `{}`, which the catalog does not have",
                            s.id.value, n.value
                        ),
                    )
                    .at(nspan, "unknown namespace");
                    if let Some(sugg) = crate::load::suggest(&n.value, &ids) {
                        d = d.help(format!("did you mean `{sugg}`?"));
                    }
                    self.emit(d);
                }
            }
            let title = s.title.as_ref().map(|t| {
                let title = self.text(file, t, "the surface title");
                let subject = format!("the title of surface `{}`", s.id.value);
                let (default, why) = super::entries::default_only(self);
                super::entries::require_locales(self, file, t, &title, &subject, (&default, &why));
                title
            });
            out.push(Surface {
                id: s.id.value.clone(),
                title,
                namespaces: members,
                span,
            });
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    pub fn finish(
        self,
        namespaces: Vec<Namespace>,
        targets: Vec<Target>,
        declared_targets: Vec<DeclaredTarget>,
        surfaces: Vec<Surface>,
    ) -> Catalog {
        let c = &self.loaded.catalog;
        let catalog_file = self.rel_path(self.loaded.catalog_file);
        let mut base = c.docs.as_ref().map(|d| d.base_url.value.clone());
        if let Some(b) = &mut base
            && !b.ends_with('/')
        {
            b.push('/');
        }
        let file = self.loaded.catalog_file;
        // A list as written, first item to last (the first alone when it spans lines);
        // the file's start for an empty list.
        let list = |items: Vec<Span>| match (items.first(), items.last()) {
            (Some(first), Some(last)) => {
                let end = if last.line == first.line {
                    last.end
                } else {
                    first.end
                };
                Span { end, ..*first }
            }
            _ => self.sources.file_start(file),
        };
        let spans = |items: &[S<String>]| items.iter().map(|i| self.span(file, i)).collect();
        Catalog {
            id: c.catalog.value.clone(),
            version: c.version.as_ref().map(|v| v.value.clone()),
            locales: self.locales.clone(),
            spans: CatalogSpans {
                id: self.span(file, &c.catalog),
                locales: list(spans(&c.locales)),
                namespaces: list(spans(&c.namespaces)),
                targets: list(
                    c.targets
                        .iter()
                        .map(|t| self.span(file, &t.value.id))
                        .collect(),
                ),
                default_locale: self.span(file, &c.default_locale),
                docs_base_url: c.docs.as_ref().map(|d| self.span(file, &d.base_url)),
                version: c.version.as_ref().map(|v| self.span(file, v)),
            },
            default_locale: self.default_locale.clone(),
            docs_base_url: base,
            catalog_file,
            regenerate: c.regenerate.as_ref().map(|r| r.value.trim().to_string()),
            namespaces,
            targets,
            declared_targets,
            surfaces,
        }
    }

    /// A namespace file's path relative to the root.
    pub fn rel_path(&self, file: FileId) -> String {
        let root = self
            .loaded
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.loaded.root.clone());
        let p = self.sources.path(file);
        let full = p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        full.strip_prefix(&root)
            .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
            .to_string_lossy()
            .replace('\\', "/")
    }
}

/// Where `text` ends a sentence: its final `.`, `!`, `?`, `…`, their full-width forms
/// or Arabic's and Devanagari's (`؟`, `।`), after any trailing whitespace and closing
/// quotes or brackets.
fn sentence_end(text: &str) -> Option<std::ops::Range<usize>> {
    let body = text
        .trim_end()
        .trim_end_matches(['"', '\'', ')', '”', '’', '」', '』', '）']);
    let last = body.chars().next_back()?;
    matches!(
        last,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '．' | '؟' | '۔' | '।'
    )
    .then(|| body.len() - last.len_utf8()..body.len())
}

/// Whether `text` reads as words of a language, not a name or an acronym: two words of
/// two or more letters, one with a lower-case letter (`Not found`; not `OK`, `HTTP 404`,
/// `WebRTC`). Placeholders are no words.
/// Whether `text`, in `locale`, is the default locale's `default` word for word under a
/// locale of another language: a copy left untranslated (`untranslated-copy`), not a
/// name or an acronym that reads the same in both (`OK`, `WebRTC`).
pub fn is_untranslated_copy(
    (default_locale, default): (&str, &str),
    (locale, text): (&str, &str),
) -> bool {
    let language = |l: &str| crate::view::match_subtags(l)[0].clone();
    // Checked in the order of their cost: most texts differ from the default's.
    text == default
        && locale != default_locale
        && language(locale) != language(default_locale)
        && has_words(default)
}

fn has_words(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '{' && c != '}' && c != '_')
        .filter(|w| !w.starts_with('{') && w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    words.len() >= 2 && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// Why an output directory (relative to the root, normalised) may not be where it is:
/// where git keeps its own files, errcat its templates, or the catalog its inputs.
fn among_inputs(out: &Path, catalog_file: &Path) -> Option<String> {
    let named = |c: std::path::Component, name: &str| {
        c.as_os_str().to_string_lossy().eq_ignore_ascii_case(name)
    };
    if out.components().any(|c| named(c, ".git")) {
        return Some("is inside `.git`, where git keeps its own files: what errcat writes there (hooks, attributes) would change how git behaves, and no review would show it".into());
    }
    if out
        .components()
        .next()
        .is_some_and(|c| named(c, "templates"))
    {
        return Some("is inside `templates/`, where errcat reads target templates: its output would be read back as templates".into());
    }
    let catalog_dir = catalog_file.parent().unwrap_or(Path::new(""));
    let shown = catalog_file.to_string_lossy();
    if catalog_dir.starts_with(out) {
        return Some(format!(
            "holds the catalog ({shown}): generated files would sit among the inputs, where namespace patterns may read them"
        ));
    }
    if !catalog_dir.as_os_str().is_empty() && out.starts_with(catalog_dir) {
        return Some(format!(
            "is inside the catalog's directory ({}), among the inputs, where namespace patterns may read generated files",
            catalog_dir.to_string_lossy()
        ));
    }
    None
}

/// The first run of whitespace that starts the text, ends one of its lines or ends
/// it (a final line break), with what it is; `None` when there is none.
fn stray_whitespace(s: &str) -> Option<(std::ops::Range<usize>, &'static str)> {
    let lead = s.len() - s.trim_start().len();
    if lead > 0 {
        return Some((0..lead, "starts with whitespace"));
    }
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let kept = body.trim_end().len();
        if kept < body.len() && offset + body.len() < s.len() {
            return Some((
                offset + kept..offset + body.len(),
                "has whitespace before a line break",
            ));
        }
        offset += line.len();
    }
    let kept = s.trim_end().len();
    let what = if s[kept..].chars().all(|c| matches!(c, '\n' | '\r')) {
        "ends with a line break"
    } else {
        "ends with whitespace"
    };
    (kept < s.len()).then_some((kept..s.len(), what))
}

/// The first pair of directory names of `a` and `b`, from the top, that differ only in
/// case or Unicode normalisation (`Gen` and `gen`), when the names before them are equal.
fn case_only(a: &Path, b: &Path) -> Option<(String, String)> {
    for (x, y) in a.components().zip(b.components()) {
        let (x, y) = (
            x.as_os_str().to_string_lossy(),
            y.as_os_str().to_string_lossy(),
        );
        if x == y {
            continue;
        }
        return (crate::fold::fold(&x) == crate::fold::fold(&y))
            .then(|| (x.into_owned(), y.into_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::sentence_end;

    #[test]
    fn a_sentence_ends_at_its_final_punctuation_inside_quotes_and_brackets() {
        assert_eq!(sentence_end("The room is full."), Some(16..17));
        assert_eq!(sentence_end("房间已满。"), Some(12..15));
        assert_eq!(sentence_end("Say \"stop!\""), Some(9..10));
        assert_eq!(sentence_end("（要退到登录页。）"), Some(21..24));
        assert_eq!(sentence_end("هل أنت متأكد؟"), Some(22..24));
        assert_eq!(sentence_end("The room is full"), None);
        assert_eq!(sentence_end("Version 1.2"), None);
        assert_eq!(sentence_end(""), None);
    }
}
