//! The validated catalog: owned, sorted, and safe to generate from.
//!
//! Renderers see only this model. Order never depends on file-system or hash order:
//! namespaces are sorted by id, entries by code, targets by id.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::naming::Profile;
use crate::source::Span;

#[derive(Debug)]
pub struct Catalog {
    pub id: String,
    pub version: Option<String>,
    /// Declared locales, default locale first.
    pub locales: Vec<String>,
    /// Where the catalog file writes its fields (for `errcat diff`).
    pub spans: CatalogSpans,
    pub default_locale: String,
    pub docs_base_url: Option<String>,
    /// The catalog file, relative to the root (for headers: "generated from …").
    pub catalog_file: String,
    /// The command the headers name to regenerate the output, when the catalog says.
    pub regenerate: Option<String>,
    pub namespaces: Vec<Namespace>,
    pub targets: Vec<Target>,
    /// Every target the catalog declares, as its consumers meet it, whether or not its
    /// templates were read (`errcat diff` compares these).
    pub declared_targets: Vec<DeclaredTarget>,
    pub surfaces: Vec<Surface>,
}

/// A target of the catalog's `targets:` and the options its generated code gets.
#[derive(Debug, Clone)]
pub struct DeclaredTarget {
    pub id: String,
    /// target.yaml's defaults with the catalog's values over them.
    pub options: BTreeMap<String, serde_json::Value>,
    /// The options whose `option_kinds:` kind is a name rather than `text`: a package,
    /// module or crate name that consumers import the generated code by.
    pub names: BTreeSet<String>,
    /// The options the catalog sets; the rest are target.yaml's defaults.
    pub set: BTreeSet<String>,
    /// Whether its target.yaml was read (the defaults are known).
    pub defaults_known: bool,
    /// Its profile's integer types, narrowest first (empty when unknown): each namespace's
    /// codes take the first that holds them all.
    pub int_types: Vec<(String, i64, i64)>,
    /// Where its id is written.
    pub span: Span,
}

impl Catalog {
    /// A character that no entry name, no message in any locale and no docs URL
    /// contains, for generated code that packs several of them into one literal.
    ///
    /// The information separators come first (U+001F unless a catalog that allows
    /// `control-char` uses it). U+2063 INVISIBLE SEPARATOR is the last resort, free by
    /// validation: `bidi-control` (never relaxed) keeps it out of texts, names are
    /// ASCII, and the docs URL may hold no invisible character.
    pub fn delimiter(&self) -> char {
        const PREFERRED: [char; 4] = ['\u{1f}', '\u{1e}', '\u{1d}', '\u{1c}'];
        PREFERRED
            .into_iter()
            .find(|&d| {
                let texts = self
                    .namespaces
                    .iter()
                    .flat_map(|n| &n.entries)
                    .flat_map(|e| {
                        std::iter::once(e.name.as_str())
                            .chain(e.message.0.iter().map(|(_, t)| t.as_str()))
                    });
                !self
                    .docs_base_url
                    .iter()
                    .map(String::as_str)
                    .chain(texts)
                    .any(|t| t.contains(d))
            })
            .unwrap_or('\u{2063}')
    }
}

/// Where the catalog file writes its own fields.
#[derive(Clone, Copy, Debug)]
pub struct CatalogSpans {
    /// The catalog id.
    pub id: Span,
    /// The `locales:` list.
    pub locales: Span,
    /// The `namespaces:` list, where a namespace removed from the catalog was named.
    pub namespaces: Span,
    /// The ids of the `targets:` list, where a removed target was declared.
    pub targets: Span,
    pub default_locale: Span,
    pub docs_base_url: Option<Span>,
    /// The catalog's `version`, when it has one.
    pub version: Option<Span>,
}

/// Namespaces whose codes reach the same consumer (one callback, one API).
#[derive(Debug, Clone)]
pub struct Surface {
    pub id: String,
    pub title: Option<Text>,
    pub namespaces: Vec<String>,
    /// Where its id is written.
    pub span: Span,
}

/// A localized text: one string per locale, in the catalog's locale order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text(pub Vec<(String, String)>);

impl Text {
    pub fn get(&self, locale: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l == locale)
            .map(|(_, t)| t.as_str())
    }
}

/// `Hash`: the render keeps a namespace's files while it hashes the same (see
/// `render::reuse`).
#[derive(Debug, Hash, serde::Serialize, serde::Deserialize)]
pub struct Namespace {
    pub id: String,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub required_locales: Vec<String>,
    /// Whether the namespace writes `locales:`; without it, it requires the catalog's.
    pub locales_declared: bool,
    pub range: Option<(i64, i64)>,
    /// Where `range:` was written, for errors about it.
    pub range_span: Option<Span>,
    pub source: Option<Source>,
    pub groups: Vec<Group>,
    pub reserved: Vec<Reserved>,
    pub entries: Vec<Entry>,
    /// Namespace file, relative to the root.
    pub file: String,
    pub span: Span,
}

impl Namespace {
    /// The entry of `code`. Validation sorts the entries by code.
    pub fn entry(&self, code: i64) -> Option<&Entry> {
        let i = self.entries.binary_search_by_key(&code, |e| e.code).ok()?;
        self.entries.get(i)
    }

    /// The reserved code `code`. Validation sorts them, as it does the entries.
    pub fn reserved(&self, code: i64) -> Option<&Reserved> {
        let i = self.reserved.binary_search_by_key(&code, |r| r.code).ok()?;
        self.reserved.get(i)
    }
}

#[derive(Debug, Clone, Hash, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub file: Option<String>,
    pub section: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Hash, serde::Serialize, serde::Deserialize)]
pub struct Group {
    pub id: String,
    pub title: Text,
    /// Where its id is written.
    pub span: Span,
}

#[derive(Debug, Clone, Hash, serde::Serialize, serde::Deserialize)]
pub struct Reserved {
    pub code: i64,
    pub name: Option<String>,
    pub reason: String,
    /// Where its `code:` is written.
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// As written in the catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, Hash, serde::Serialize, serde::Deserialize)]
pub struct Deprecation {
    pub reason: String,
    pub replaced_by: Option<String>,
}

#[derive(Debug, Clone, Hash, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub code: i64,
    pub name: String,
    pub title: Option<Text>,
    pub message: Text,
    pub description: Option<Text>,
    pub cause: Option<Text>,
    pub solution: Option<Text>,
    pub http: Option<u16>,
    pub retryable: bool,
    pub severity: Severity,
    pub group: Option<String>,
    pub since: Option<String>,
    pub tags: Vec<String>,
    pub params: Vec<String>,
    /// Where each of `params` is written.
    pub param_spans: Vec<Span>,
    pub deprecated: Option<Deprecation>,
    /// Where the entry's code is written.
    pub span: Span,
    /// Where the entry's name is written.
    pub name_span: Span,
    /// Where its `http:` is written (or the namespace's default), if anywhere.
    pub http_span: Option<Span>,
    /// Where its `retryable:` is written (or the namespace's default), if anywhere.
    pub retryable_span: Option<Span>,
}

/// What a file spec is rendered once for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Each {
    Catalog,
    Namespace,
    Locale,
    NamespaceLocale,
}

#[derive(Debug, Clone)]
pub struct FileSpec {
    pub template: String,
    pub path: String,
    /// Where `path` was declared (target.yaml or the catalog), for its errors.
    pub path_span: Option<Span>,
    pub each: Each,
    /// A template rendered once per namespace (or chunk of codes), handed to
    /// `template` as `parts`.
    pub parts: Option<String>,
    /// What `parts` is rendered once for.
    pub parts_by: PartsBy,
}

/// What a file's part template is rendered once for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartsBy {
    /// Each namespace, with `namespace` in the context.
    Namespace,
    /// Each run of up to [`PartsBy::CODES_PER_PART`] codes of the code lookup, with
    /// that run as `codes`.
    Codes,
}

impl PartsBy {
    /// Codes per part: enough that a part's fixed cost is small, few enough that a
    /// part's template values are small next to the catalog.
    pub const CODES_PER_PART: usize = 1_000;
}

#[derive(Debug)]
pub struct Target {
    pub id: String,
    pub profile: Profile,
    /// Output directory relative to the root.
    pub out_dir: PathBuf,
    /// Where the catalog sets it (`out:`).
    pub out_span: Span,
    pub files: Vec<FileSpec>,
    /// Template name → template text, read by the loader.
    pub templates: BTreeMap<String, String>,
    /// Template name → the file it came from, as diagnostics name it (a project file,
    /// or `<built-in>/<set>/<name>`).
    pub template_origins: BTreeMap<String, PathBuf>,
    /// Template name → its text in the `Sources` the catalog was loaded with.
    pub template_files: BTreeMap<String, crate::source::FileId>,
    pub options: BTreeMap<String, serde_json::Value>,
    /// Where each option's value was set (the catalog's entry, or the target.yaml's
    /// default), for errors about what the value made (an output path).
    pub option_spans: BTreeMap<String, Span>,
    /// `limits:` of its target.yaml.
    pub limits: Limits,
}

/// What a target's generated code can hold (`limits:` in target.yaml): each limit
/// with where it is declared.
#[derive(Debug, Clone, Default)]
pub struct Limits {
    pub codes_per_namespace: Option<(u32, Span)>,
    pub params_per_code: Option<(u32, Span)>,
    pub text_bytes: Option<(u32, Span)>,
}
