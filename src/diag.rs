//! Findings and how they are shown: rustc-style text, JSON lines, GitHub annotations.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};
use serde::{Deserialize, Serialize};

use crate::console::count;
use crate::github;
use crate::rules::Rule;
use crate::source::{Sources, Span, clamp_to_char};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file and what to say about it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding: a rule, where it fired, and what would fix it. Serialized for the
/// cache of namespace files' checks (see `validate::remembered`).
#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the finding is; `None` only for problems that have no file yet (a missing catalog).
    pub primary: Option<Label>,
    /// Other places that take part ("first defined here").
    pub related: Vec<Label>,
    pub help: Option<String>,
    /// Said after the help, in human and GitHub output ("made an error by `--deny-warnings`").
    pub note: Option<String>,
    /// The namespaces (and codes) the finding is about: lint levels and acknowledgements match on them.
    pub scope: Vec<(String, Option<i64>)>,
    /// The locale of the text the finding is about (a missing translation's), for tools.
    pub locale: Option<String>,
}

/// [`Diagnostic`] read back: its rule by id, which becomes the rule's own (a rule this
/// errcat does not know reads as an error). The same fields in the same order.
#[derive(Deserialize)]
struct Stored {
    rule: String,
    severity: Severity,
    message: String,
    primary: Option<Label>,
    related: Vec<Label>,
    help: Option<String>,
    note: Option<String>,
    scope: Vec<(String, Option<i64>)>,
    locale: Option<String>,
}

impl<'de> Deserialize<'de> for Diagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Stored::deserialize(d)?;
        let Some(rule) = crate::rules::find(&s.rule) else {
            return Err(serde::de::Error::custom(format!("no rule `{}`", s.rule)));
        };
        Ok(Diagnostic {
            rule: rule.id,
            severity: s.severity,
            message: s.message,
            primary: s.primary,
            related: s.related,
            help: s.help,
            note: s.note,
            scope: s.scope,
            locale: s.locale,
        })
    }
}

impl Diagnostic {
    pub fn new(rule: &Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.id,
            severity: rule.default_severity,
            message: message.into(),
            primary: None,
            related: Vec::new(),
            help: None,
            note: None,
            scope: Vec::new(),
            locale: None,
        }
    }

    /// Marks the finding as about the text of `locale`.
    pub fn in_locale(mut self, locale: &str) -> Self {
        self.locale = Some(locale.to_string());
        self
    }

    /// Marks the finding as about `namespace` (and `code`, if it concerns one entry).
    pub fn about(mut self, namespace: &str, code: Option<i64>) -> Self {
        self.scope.push((namespace.to_string(), code));
        self
    }

    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            message: label.into(),
        });
        self
    }

    pub fn related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            message: label.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (Option<(crate::source::FileId, usize)>, &str, &str) {
        (
            self.primary.as_ref().map(|l| (l.span.file, l.span.start)),
            self.rule,
            &self.message,
        )
    }
}

/// All findings of a run, sorted by file and position.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn extend(&mut self, other: Report) {
        self.diagnostics.extend(other.diagnostics);
    }

    /// Whether a file could not be read: exit code 2 (an I/O error), not 1 (findings).
    pub fn unreadable(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.rule == crate::rules::IO.id && d.is_error())
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Sort by file (in load order), position, rule; drop exact repeats.
    pub fn sort(&mut self, sources: &Sources) {
        self.diagnostics.sort_by(|a, b| {
            let pa = a.primary.as_ref().map(|l| sources.path(l.span.file));
            let pb = b.primary.as_ref().map(|l| sources.path(l.span.file));
            pa.cmp(&pb).then_with(|| a.sort_key().cmp(&b.sort_key()))
        });
        self.diagnostics.dedup_by(|a, b| {
            a.rule == b.rule
                && a.message == b.message
                && a.primary.as_ref().map(|l| l.span) == b.primary.as_ref().map(|l| l.span)
        });
    }

    /// The findings `-q` leaves: the errors.
    pub fn errors_only(&self) -> Report {
        Report {
            diagnostics: self
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        }
    }

    /// The findings with every warning an error, as `--deny-warnings` makes them: what
    /// fails the run reads as an error in every format (rustc's `-D warnings` too).
    pub fn denying_warnings(&self) -> Report {
        let mut report = Report {
            diagnostics: self.diagnostics.clone(),
        };
        for d in report.diagnostics.iter_mut().filter(|d| !d.is_error()) {
            d.severity = Severity::Error;
            d.note = Some("a warning, made an error by `--deny-warnings`".into());
        }
        report
    }

    /// "2 errors, 5 warnings"
    pub fn summary(&self) -> String {
        format!(
            "{}, {}",
            count(self.errors(), "error"),
            count(self.warnings(), "warning")
        )
    }
}

/// How findings are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets
    #[default]
    Human,
    /// one JSON object per line
    Json,
    /// GitHub Actions workflow commands (inline annotations on pull requests)
    Github,
}

/// Renders every finding of `report` in `format`; `color` adds ANSI styling to human output.
/// Findings of one rule a person is shown: past these a terminal or a CI log only
/// scrolls (a catalog of overlapping ranges gave 1,500 warnings, 154,000 lines).
const SHOWN_PER_RULE: usize = 50;

pub fn render(report: &Report, sources: &Sources, format: Format, color: bool) -> String {
    let mut out = String::new();
    let mut per_rule: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for d in &report.diagnostics {
        match format {
            Format::Human => {
                let seen = per_rule
                    .entry((d.rule, level_name(d.severity)))
                    .or_default();
                *seen += 1;
                if *seen <= SHOWN_PER_RULE {
                    out.push_str(&render_human(d, sources, color));
                    out.push_str("\n\n");
                }
            }
            Format::Json => {
                out.push_str(&JsonRecord::new(d, sources).line());
            }
            Format::Github => {
                out.push_str(&render_github(d, sources));
                out.push('\n');
            }
        }
    }
    for ((rule, level), n) in per_rule {
        if n > SHOWN_PER_RULE {
            let _ = writeln!(
                out,
                "note: {} more {level}[{rule}] not shown (the first {SHOWN_PER_RULE} are above); `--format json` lists every one\n",
                n - SHOWN_PER_RULE
            );
        }
    }
    out
}

/// The lines one snippet quotes, with its labels' ranges in them.
struct Quote<'a> {
    path: String,
    first_line: usize,
    text: String,
    labels: Vec<(std::ops::Range<usize>, &'a str, bool)>,
}

fn render_human(d: &Diagnostic, sources: &Sources, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(&d.message).id(d.rule));
    // One snippet per file, the primary's file first, so labels in one file share a snippet.
    let mut labels: Vec<(&Label, bool)> = d.primary.iter().map(|l| (l, true)).collect();
    labels.extend(d.related.iter().map(|l| (l, false)));
    let mut files: Vec<crate::source::FileId> = Vec::new();
    for (l, _) in &labels {
        if !files.contains(&l.span.file) {
            files.push(l.span.file);
        }
    }
    // The quoted lines of each cluster first: the snippets borrow them.
    let mut parts: Vec<Quote> = Vec::new();
    for file in files {
        let src = sources.get(file);
        let mut here: Vec<&(&Label, bool)> =
            labels.iter().filter(|(l, _)| l.span.file == file).collect();
        here.sort_by_key(|(l, _)| l.span.start);
        // Labels far apart get separate snippets, so each quotes a few lines rather than the
        // whole file (a catalog of 100,000 codes has findings 90,000 lines apart).
        let mut clusters: Vec<Vec<&(&Label, bool)>> = Vec::new();
        for l in here {
            match clusters.last_mut() {
                Some(c) if l.0.span.line <= c.last().map_or(0, |x| x.0.span.line) + 8 => c.push(l),
                _ => clusters.push(vec![l]),
            }
        }
        for cluster in clusters {
            let text = src.text.as_str();
            // A span that ends inside a character is a bug elsewhere; it must not panic here.
            let start = |l: &Label| clamp_to_char(text, l.span.start);
            let end = |l: &Label| clamp_to_char(text, l.span.end.max(l.span.start));
            let lo = cluster.iter().map(|(l, _)| start(l)).min().unwrap_or(0);
            let hi = cluster.iter().map(|(l, _)| end(l)).max().unwrap_or(0);
            // Lines end at `\n`, `\r\n` or a lone `\r`, as YAML reads them.
            let from = text[..lo.min(text.len())]
                .rfind(['\n', '\r'])
                .map_or(0, |i| i + 1);
            let to = text[hi.min(text.len())..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| hi + i);
            // A carriage return would show as `␍`: the quote ends its lines with `\n`
            // alone, and the labels' offsets move back by the `\r\n`s before them. The
            // separators would reach the terminal as they are; annotate-snippets shows
            // the other invisible characters as U+FFFD, as long in UTF-8 as they are.
            let quoted = &text[from..to];
            let at = |offset: usize| {
                let o = offset - from;
                o - quoted[..o].matches("\r\n").count()
            };
            parts.push(Quote {
                path: src.path.to_string_lossy().into_owned(),
                first_line: cluster.iter().map(|(l, _)| l.span.line).min().unwrap_or(1) as usize,
                text: quoted
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .replace(['\u{2028}', '\u{2029}'], "\u{FFFD}"),
                labels: cluster
                    .iter()
                    .map(|(l, primary)| (at(start(l))..at(end(l)), l.message.as_str(), *primary))
                    .collect(),
            });
        }
    }
    // The header (`-->`) names the first snippet's line: the primary label's quote goes
    // first, though a related one (`reserved here`) stands higher in the same file.
    parts.sort_by_key(|p| !p.labels.iter().any(|l| l.2));
    for part in &parts {
        let mut snippet = Snippet::source(part.text.as_str())
            .path(part.path.as_str())
            .line_start(part.first_line);
        for (range, message, primary) in &part.labels {
            let kind = if *primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(kind.span(range.clone()).label(*message));
        }
        group = group.element(snippet);
    }
    let mut report = vec![group];
    if let Some(help) = &d.help {
        report.push(Group::with_title(
            Level::HELP.secondary_title(help.as_str()),
        ));
    }
    if let Some(note) = &d.note {
        report.push(Group::with_title(
            Level::NOTE.secondary_title(note.as_str()),
        ));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let renderer = renderer.decor_style(DecorStyle::Ascii);
    // Without a quoted line there is no gutter to continue: rendered together, the
    // help would hang under a lone ` |`.
    if parts.is_empty() {
        let lines: Vec<String> = report.into_iter().map(|g| renderer.render(&[g])).collect();
        return lines.join("\n");
    }
    renderer.render(&report)
}

fn render_github(d: &Diagnostic, sources: &Sources) -> String {
    // A label in a file read from a git revision (a removed code's `HEAD~1:…`) names no
    // file of the checkout: the annotation goes to the first label in one, else to none.
    let place = d
        .primary
        .iter()
        .chain(&d.related)
        .find(|l| !sources.get(l.span.file).from_revision)
        .map(|l| github::Place {
            file: sources.path(l.span.file),
            at: Some((
                (l.span.line, l.span.column),
                end_of(&sources.get(l.span.file).text, &l.span),
            )),
        });
    github::annotation(
        level_name(d.severity),
        place,
        Some(d.rule),
        &with_help(&d.message, d.help.as_deref(), d.note.as_deref()),
    )
}

fn level_name(level: Severity) -> &'static str {
    match level {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The message with its help and note after it, on lines of their own.
fn with_help(message: &str, help: Option<&str>, note: Option<&str>) -> String {
    let mut out = message.to_owned();
    for (what, text) in [("help", help), ("note", note)] {
        if let Some(t) = text {
            let _ = write!(out, "\n{what}: {t}");
        }
    }
    out
}

/// A place in a JSON record: `file`, and where in it unless it is about the whole file.
#[derive(Serialize)]
struct JsonLocation {
    file: String,
    #[serde(flatten)]
    position: Option<JsonPosition>,
}

#[derive(Serialize)]
struct JsonPosition {
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    label: String,
}

impl JsonLocation {
    fn new(l: &Label, sources: &Sources) -> Self {
        let src = sources.get(l.span.file);
        let (end_line, end_column) = end_of(&src.text, &l.span);
        JsonLocation {
            file: src.path.to_string_lossy().into_owned(),
            position: Some(JsonPosition {
                line: l.span.line,
                column: l.span.column,
                end_line,
                end_column,
                label: l.message.clone(),
            }),
        }
    }
}

/// One line of `--format json`, for a finding and for a line about the run alike.
#[derive(Serialize)]
struct JsonRecord<'a> {
    /// `None` only for a line about the run itself (no catalog, a failed write).
    rule: Option<&'a str>,
    /// `error` or `warning`; `debug` for a `-v` line.
    level: &'a str,
    message: &'a str,
    #[serde(flatten)]
    location: Option<JsonLocation>,
    related: Vec<JsonLocation>,
    help: Option<&'a str>,
    /// What the finding is about, for tools that sort findings: the namespace, the
    /// code, the locale of the text; `null` when it is about none.
    namespace: Option<&'a str>,
    code: Option<i64>,
    locale: Option<&'a str>,
}

impl<'a> JsonRecord<'a> {
    fn new(d: &'a Diagnostic, sources: &Sources) -> Self {
        JsonRecord {
            rule: Some(d.rule),
            level: level_name(d.severity),
            message: &d.message,
            location: d.primary.as_ref().map(|l| JsonLocation::new(l, sources)),
            related: d
                .related
                .iter()
                .map(|l| JsonLocation::new(l, sources))
                .collect(),
            help: d.help.as_deref(),
            namespace: d.scope.first().map(|(ns, _)| ns.as_str()),
            code: d.scope.first().and_then(|(_, code)| *code),
            locale: d.locale.as_deref(),
        }
    }

    fn line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default() + "\n"
    }
}

/// 1-based line and character column where a span ends, counted from its start.
fn end_of(text: &str, span: &Span) -> (u32, u32) {
    let inner = text.get(span.start..span.end.min(text.len())).unwrap_or("");
    let newlines = inner.matches('\n').count();
    let line = span
        .line
        .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
    let col = match inner.rfind('\n') {
        Some(i) => inner[i + 1..].chars().count() + 1,
        None => span.column as usize + inner.chars().count(),
    };
    (line, u32::try_from(col).unwrap_or(u32::MAX))
}

/// A line about the run itself rather than a finding (a stale generated file, a
/// failed write), about `file` when it concerns one (`message` then reads on from
/// its path: "is stale"), under `rule` when it has one: `level: message` for people,
/// a JSON record (with `file` but no line) or a GitHub annotation on the file in the
/// machine formats, so that their streams stay parseable to the last line.
pub struct Status<'a> {
    pub level: Severity,
    pub rule: Option<&'a str>,
    pub message: &'a str,
    pub file: Option<&'a std::path::Path>,
    pub help: Option<&'a str>,
}

/// A `--verbose` line (a file read, a phase's time): as it stands for people, a
/// `::debug::` command for GitHub (shown when a run's debug logging is on), and a
/// record of level `debug` in JSON, so that the stream stays one record per line.
pub fn render_detail(format: Format, line: &str) -> String {
    match format {
        Format::Human => format!("{line}\n"),
        Format::Github => github::annotation("debug", None, None, line) + "\n",
        Format::Json => JsonRecord {
            rule: None,
            level: "debug",
            message: line,
            location: None,
            related: Vec::new(),
            help: None,
            namespace: None,
            code: None,
            locale: None,
        }
        .line(),
    }
}

impl Status<'_> {
    /// An error about the run, with no rule and no file (no catalog, a failed write).
    pub fn fatal<'a>(message: &'a str, help: Option<&'a str>) -> Status<'a> {
        Status {
            level: Severity::Error,
            rule: None,
            message,
            file: None,
            help,
        }
    }

    pub fn render(&self, format: Format) -> String {
        let file = self.file.map(|f| f.to_string_lossy().into_owned());
        // Messages about a file read on from its path: "generated/x.rs is stale".
        let message = &match &file {
            Some(f) => format!("{f} {}", self.message),
            None => self.message.to_owned(),
        };
        match format {
            Format::Human => {
                let mut out = format!("{}: {message}\n", level_name(self.level));
                if let Some(h) = self.help {
                    let _ = writeln!(out, "help: {h}");
                }
                out
            }
            Format::Json => JsonRecord {
                rule: self.rule,
                level: level_name(self.level),
                message,
                location: file.map(|file| JsonLocation {
                    file,
                    position: None,
                }),
                related: Vec::new(),
                help: self.help,
                namespace: None,
                code: None,
                locale: None,
            }
            .line(),
            Format::Github => {
                let place = self.file.map(|file| github::Place { file, at: None });
                github::annotation(
                    level_name(self.level),
                    place,
                    self.rule,
                    &with_help(message, self.help, None),
                ) + "\n"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A span that ends inside a character (a bug in whatever made it) still renders:
    /// the renderer must not be the one to panic on user input.
    #[test]
    fn a_span_inside_a_character_renders() {
        let mut sources = Sources::default();
        let file = sources.add("ns.yaml".into(), "  - code: ᤠ:\n".into());
        let mut report = Report::default();
        let span = Span {
            file,
            line: 1,
            column: 11,
            start: 10,
            end: 11,
        };
        report.push(Diagnostic::new(&crate::rules::INVALID_VALUE, "found a map").at(span, "here"));
        let text = render(&report, &sources, Format::Human, false);
        assert!(text.contains("ns.yaml:1:11") && text.contains("ᤠ"), "{text}");
    }
}
