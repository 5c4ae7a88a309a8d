//! A namespace file being built or merged: every field of the format, each text
//! remembering where it came from so a conflict can point at both sides.

use crate::load::raw::{RawNamespace, RawSeverity, RawText, S};
use crate::source::{FileId, Sources, Span};

/// The text fields an import fills, in the catalog's canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Message,
    Description,
    Cause,
    Solution,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Message => "message",
            Field::Description => "description",
            Field::Cause => "cause",
            Field::Solution => "solution",
        }
    }
}

/// One locale's string of a text, and where it was read.
#[derive(Clone, Debug)]
pub struct Localized {
    pub locale: String,
    pub text: String,
    pub span: Option<Span>,
}

#[derive(Clone, Debug, Default)]
pub struct Text(pub Vec<Localized>);

impl Text {
    pub fn one(locale: &str, text: &str, span: Option<Span>) -> Self {
        Text(vec![Localized {
            locale: locale.to_owned(),
            text: text.to_owned(),
            span,
        }])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, locale: &str) -> Option<&Localized> {
        self.0.iter().find(|l| l.locale == locale)
    }

    /// Locales in `order` first (the catalog's), any others after, by name.
    pub fn sorted(&self, order: &[String]) -> Vec<&Localized> {
        let mut v: Vec<&Localized> = self.0.iter().collect();
        v.sort_by_key(|l| {
            (
                order
                    .iter()
                    .position(|o| *o == l.locale)
                    .unwrap_or(usize::MAX),
                l.locale.clone(),
            )
        });
        v
    }
}

#[derive(Clone, Debug, Default)]
pub struct Defaults {
    pub http: Option<i64>,
    pub retryable: Option<bool>,
    pub severity: Option<&'static str>,
}

#[derive(Clone, Debug, Default)]
pub struct Source {
    pub file: Option<String>,
    pub section: Option<String>,
    pub url: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub id: String,
    pub title: Text,
}

#[derive(Clone, Debug)]
pub struct Reserved {
    pub code: i64,
    pub name: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub code: i64,
    pub code_span: Option<Span>,
    /// `None` until a name is proposed (the source had none).
    pub name: Option<String>,
    pub name_span: Option<Span>,
    /// Only non-empty texts, in field order.
    pub texts: Vec<(Field, Text)>,
    pub http: Option<(i64, Option<Span>)>,
    /// `http: null`: no status in spite of `defaults.http`, kept when the file is rewritten.
    pub no_http: bool,
    pub retryable: Option<bool>,
    pub severity: Option<&'static str>,
    pub group: Option<String>,
    pub since: Option<String>,
    pub params: Vec<String>,
    pub tags: Vec<String>,
    /// (reason, replaced_by)
    pub deprecated: Option<(String, Option<String>)>,
    /// Accepted findings: (rule, reason).
    pub acknowledge: Vec<(String, String)>,
}

impl Entry {
    pub fn new(code: i64, code_span: Option<Span>) -> Self {
        Entry {
            code,
            code_span,
            name: None,
            name_span: None,
            texts: Vec::new(),
            http: None,
            no_http: false,
            retryable: None,
            severity: None,
            group: None,
            since: None,
            params: Vec::new(),
            tags: Vec::new(),
            deprecated: None,
            acknowledge: Vec::new(),
        }
    }

    pub fn text(&self, f: Field) -> Option<&Text> {
        self.texts.iter().find(|(x, _)| *x == f).map(|(_, t)| t)
    }

    /// The text of field `f`, created empty (in canonical position) if absent.
    pub fn text_mut(&mut self, f: Field) -> &mut Text {
        let i = match self.texts.iter().position(|(x, _)| *x >= f) {
            Some(i) if self.texts[i].0 == f => i,
            Some(i) => {
                self.texts.insert(i, (f, Text::default()));
                i
            }
            None => {
                self.texts.push((f, Text::default()));
                self.texts.len() - 1
            }
        };
        &mut self.texts[i].1
    }
}

#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub namespace: String,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub locales: Option<Vec<String>>,
    pub range: Option<(i64, i64)>,
    pub defaults: Defaults,
    pub source: Option<Source>,
    pub groups: Vec<Group>,
    pub reserved: Vec<Reserved>,
    /// Rule levels for this namespace: (rule, level).
    pub lints: Vec<(String, String)>,
    pub entries: Vec<Entry>,
    /// Where an existing file declares its namespace.
    pub namespace_span: Option<Span>,
}

fn severity(s: RawSeverity) -> &'static str {
    match s {
        RawSeverity::Error => "error",
        RawSeverity::Warning => "warning",
        RawSeverity::Info => "info",
    }
}

/// Converts a namespace file read by errcat's loader. A plain-string text is in
/// `default_locale`, as the catalog reads it.
pub fn from_raw(raw: &RawNamespace, file: FileId, sources: &Sources, default_locale: &str) -> Doc {
    let span = |loc: &serde_saphyr::Location| Some(sources.span(file, loc));
    let text = |t: &S<RawText>| match &t.value {
        RawText::Plain(s) | RawText::Scalar(s) => Text::one(default_locale, s, span(&t.referenced)),
        RawText::ByLocale(pairs) => Text(
            pairs
                .iter()
                .map(|(l, s)| Localized {
                    locale: l.value.clone(),
                    text: s.value.clone(),
                    span: span(&s.referenced),
                })
                .collect(),
        ),
    };
    let strings = |v: &[S<String>]| v.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    let entries = raw
        .entries
        .iter()
        .map(|e| {
            let e = &e.value;
            let mut entry = Entry::new(e.code.value, span(&e.code.referenced));
            entry.name = Some(e.name.value.clone());
            entry.name_span = span(&e.name.referenced);
            for (f, t) in [
                (Field::Title, e.title.as_ref()),
                (Field::Message, Some(&e.message)),
                (Field::Description, e.description.as_ref()),
                (Field::Cause, e.cause.as_ref()),
                (Field::Solution, e.solution.as_ref()),
            ] {
                if let Some(t) = t {
                    *entry.text_mut(f) = text(t);
                }
            }
            entry.http = e
                .http
                .as_ref()
                .and_then(|h| Some((h.value?, span(&h.referenced))));
            entry.no_http = e.http.as_ref().is_some_and(|h| h.value.is_none());
            entry.retryable = e.retryable.as_ref().map(|r| r.value);
            entry.severity = e.severity.as_ref().map(|s| severity(s.value));
            entry.group = e.group.as_ref().map(|g| g.value.clone());
            entry.since = e.since.as_ref().map(|s| s.value.clone());
            entry.params = strings(&e.params);
            entry.tags = strings(&e.tags);
            entry.deprecated = e.deprecated.as_ref().map(|d| {
                (
                    d.value.reason.value.clone(),
                    d.value.replaced_by.as_ref().map(|r| r.value.clone()),
                )
            });
            entry.acknowledge = e
                .acknowledge
                .iter()
                .map(|a| (a.value.rule.value.clone(), a.value.reason.value.clone()))
                .collect();
            entry
        })
        .collect();
    let defaults = raw.defaults.as_ref();
    Doc {
        namespace: raw.namespace.value.clone(),
        title: raw.title.as_ref().map(text),
        description: raw.description.as_ref().map(text),
        locales: raw.locales.as_deref().map(strings),
        range: raw
            .range
            .as_ref()
            .map(|r| (r.value.min.value, r.value.max.value)),
        defaults: Defaults {
            http: defaults.and_then(|d| d.http.as_ref()).map(|h| h.value),
            retryable: defaults.and_then(|d| d.retryable.as_ref()).map(|r| r.value),
            severity: defaults
                .and_then(|d| d.severity.as_ref())
                .map(|s| severity(s.value)),
        },
        source: raw.source.as_ref().map(|s| Source {
            file: s.file.as_ref().map(|f| f.value.clone()),
            section: s.section.as_ref().map(|f| f.value.clone()),
            url: s.url.as_ref().map(|f| f.value.clone()),
        }),
        groups: raw
            .groups
            .iter()
            .map(|g| Group {
                id: g.value.id.value.clone(),
                title: text(&g.value.title),
            })
            .collect(),
        reserved: raw
            .reserved
            .iter()
            .map(|r| Reserved {
                code: r.value.code.value,
                name: r.value.name.as_ref().map(|n| n.value.clone()),
                reason: r.value.reason.value.clone(),
            })
            .collect(),
        lints: raw.lints.as_ref().map_or_else(Vec::new, |l| {
            l.value
                .0
                .iter()
                .map(|(k, v)| (k.value.clone(), v.value.clone()))
                .collect()
        }),
        entries,
        namespace_span: span(&raw.namespace.referenced),
    }
}
