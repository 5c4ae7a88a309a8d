//! The catalog file: identity, locales, docs, targets; and text conversion shared by all files.

use std::path::Path;

use crate::diag::{Diagnostic, Report};
use crate::load::raw::{RawText, S};
use crate::load::{Loaded, display_path};
use crate::model::{Catalog, Each, FileSpec, Target, Text};
use crate::naming;
use crate::rules::{self, Rule};
use crate::source::{FileId, Sources, Span};

/// Shared state while validating one catalog.
pub struct Context<'a> {
    pub sources: &'a Sources,
    pub report: &'a mut Report,
    pub loaded: &'a Loaded,
    pub locales: Vec<String>,
    pub default_locale: String,
}

pub fn is_id(s: &str, extra: char) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
}

fn is_locale_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
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
            default_locale: c.default_locale.value.clone(),
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
        let mut locales: Vec<String> = Vec::new();
        for l in &c.locales {
            let span = cx.span(file, l);
            if !is_locale_tag(&l.value) {
                cx.emit(
                    Diagnostic::new(
                        &rules::INVALID_ID,
                        format!("`{}` is not a locale tag", l.value),
                    )
                    .at(span, "locale")
                    .help("use a BCP 47 tag such as `en` or `zh-CN`"),
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
                cx.emit(
                    Diagnostic::new(
                        &rules::UNKNOWN_LOCALE,
                        format!(
                            "default locale `{}` is not in `locales`",
                            c.default_locale.value
                        ),
                    )
                    .at(span, "default locale"),
                );
            }
        }
        cx.locales = locales;
        cx
    }

    pub fn span<T>(&self, file: FileId, s: &S<T>) -> Span {
        self.sources.span(file, &s.referenced)
    }

    pub fn emit(&mut self, d: Diagnostic) {
        self.report.push(d);
    }

    pub fn error(&mut self, rule: &Rule, span: Span, message: String, label: &str) {
        self.emit(Diagnostic::new(rule, message).at(span, label));
    }

    /// Converts a text, checking locales and emptiness. `what` names the field in messages.
    pub fn text(&mut self, file: FileId, raw: &S<RawText>, what: &str) -> Text {
        let mut pairs: Vec<(String, String)> = Vec::new();
        match &raw.value {
            RawText::Plain(s) => {
                if s.trim().is_empty() {
                    let span = self.span(file, raw);
                    self.error(
                        &rules::EMPTY_TEXT,
                        span,
                        format!("{what} is empty"),
                        "empty text",
                    );
                }
                pairs.push((self.default_locale.clone(), s.clone()));
            }
            RawText::ByLocale(map) => {
                for (locale, s) in map {
                    let span = self.span(file, locale);
                    if !self.locales.contains(&locale.value) {
                        let known = self.locales.join(", ");
                        self.emit(
                            Diagnostic::new(
                                &rules::UNKNOWN_LOCALE,
                                format!(
                                    "{what} uses locale `{}`, which the catalog does not declare",
                                    locale.value
                                ),
                            )
                            .at(span, "unknown locale")
                            .help(format!("declared locales: {known}")),
                        );
                        continue;
                    }
                    if s.trim().is_empty() {
                        self.error(
                            &rules::EMPTY_TEXT,
                            span,
                            format!("{what} in `{}` is empty", locale.value),
                            "empty text",
                        );
                    }
                    pairs.push((locale.value.clone(), s.clone()));
                }
            }
        }
        let order = |l: &str| {
            self.locales
                .iter()
                .position(|x| x == l)
                .unwrap_or(usize::MAX)
        };
        pairs.sort_by_key(|(l, _)| order(l));
        Text(pairs)
    }

    pub fn targets(&mut self, loaded: &Loaded) -> Vec<Target> {
        let file = loaded.catalog_file;
        let mut out: Vec<Target> = Vec::new();
        for lt in &loaded.targets {
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
                self.error(
                    &rules::INVALID_ID,
                    id_span,
                    format!("target `{}` is declared twice", t.id.value),
                    "declared again here",
                );
                continue;
            }
            let manifest = lt.manifest.as_ref();
            let profile_name = t
                .profile
                .as_ref()
                .map(|p| (file, p))
                .or_else(|| manifest.map(|(f, m)| (*f, &m.profile)));
            let Some((pfile, pname)) = profile_name else {
                self.error(
                    &rules::TARGET_CONFIG,
                    id_span,
                    format!("target `{}` names no profile", t.id.value),
                    "add `profile:` here or a target.yaml to its templates",
                );
                continue;
            };
            let Some(profile) = naming::builtin(&pname.value) else {
                let names: Vec<&str> = naming::BUILTIN.iter().map(|p| p.name).collect();
                let span = self.span(pfile, pname);
                self.emit(
                    Diagnostic::new(
                        &rules::TARGET_CONFIG,
                        format!("unknown profile `{}`", pname.value),
                    )
                    .at(span, "profile")
                    .help(format!("known profiles: {}", names.join(", "))),
                );
                continue;
            };
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
                if !lt.templates.contains_key(&s.template.value) {
                    let span = self.span(sfile, &s.template);
                    self.emit(
                        Diagnostic::new(
                            &rules::TARGET_CONFIG,
                            format!(
                                "template `{}` is not in templates/{}",
                                s.template.value, t.templates.value
                            ),
                        )
                        .at(span, "named here"),
                    );
                    continue;
                }
                files.push(FileSpec {
                    template: s.template.value.clone(),
                    path: s.path.value.clone(),
                    each,
                });
            }
            let out_span = self.span(file, &t.out);
            if let Err(why) = crate::load::check_relative(&t.out.value) {
                self.error(
                    &rules::BAD_PATH,
                    out_span,
                    format!("output directory `{}` {why}", t.out.value),
                    "output directory",
                );
                continue;
            }
            let mut options = manifest.map(|(_, m)| m.options.clone()).unwrap_or_default();
            options.extend(t.options.clone());
            out.push(Target {
                id: t.id.value.clone(),
                profile,
                out_dir: Path::new(&t.out.value).to_path_buf(),
                files,
                templates: lt.templates.clone(),
                options,
            });
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    pub fn finish(
        self,
        namespaces: Vec<crate::model::Namespace>,
        targets: Vec<Target>,
    ) -> Option<Catalog> {
        let c = &self.loaded.catalog;
        let rel = |p: &Path| {
            let root = self
                .loaded
                .root
                .canonicalize()
                .unwrap_or_else(|_| self.loaded.root.clone());
            let full = p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
            full.strip_prefix(&root)
                .map_or_else(|_| display_path(p), Path::to_path_buf)
                .to_string_lossy()
                .replace('\\', "/")
        };
        let catalog_file = rel(self.sources.path(self.loaded.catalog_file));
        let mut base = c.docs.as_ref().map(|d| d.base_url.value.clone());
        if let Some(b) = &mut base
            && !b.ends_with('/')
        {
            b.push('/');
        }
        Some(Catalog {
            id: c.catalog.value.clone(),
            version: c.version.as_ref().map(|v| v.value.clone()),
            locales: self.locales.clone(),
            default_locale: self.default_locale.clone(),
            docs_base_url: base,
            catalog_file,
            namespaces,
            targets,
        })
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
