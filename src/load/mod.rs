//! Loading: read the catalog, its namespace files and its targets' templates,
//! parse them with positions, and report what cannot be read. No validation here.

pub mod builtin;
mod cause;
mod clip;
mod found;
pub(crate) use found::key_range_before;
mod duplicate;
mod encoding;
mod flow_texts;
mod indent;
mod key_lines;
mod missing;
pub mod number;
mod parse_error;
mod paths;
pub mod raw;
mod recover;
mod unlisted;
pub(crate) mod unquoted;
mod written;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Report};
use crate::rules;
use crate::source::{FileId, Sources, Span};
use raw::{RawCatalog, RawNamespace, RawTarget, RawTemplateManifest};

pub use parse_error::suggest;
pub use paths::{check_portable, check_relative, display_path, identity, inside, lexical};

/// Everything read from disk for one catalog.
#[derive(Debug)]
pub struct Loaded {
    pub catalog_file: FileId,
    pub catalog: RawCatalog,
    /// The project root: catalog paths resolve against it and never leave it.
    pub root: PathBuf,
    pub namespaces: Vec<(FileId, RawNamespace)>,
    pub targets: Vec<LoadedTarget>,
    /// Namespace files beside the catalog's that no pattern matches (never parsed).
    pub unlisted: Vec<FileId>,
}

#[derive(Debug)]
pub struct LoadedTarget {
    /// Index into `catalog.targets`.
    pub index: usize,
    pub manifest: Option<(FileId, RawTemplateManifest)>,
    /// Whether its templates were read: not when only its target.yaml was, for comparing
    /// catalogs (`errcat diff`), which validates no target.
    pub rendered: bool,
    pub templates: BTreeMap<String, String>,
    /// Template name → the file it was read from, as diagnostics show it.
    pub origins: BTreeMap<String, PathBuf>,
    /// Template name → its text in `Sources`, so a template error can point into it.
    pub files: BTreeMap<String, FileId>,
    /// The project's files that override a built-in set but replace none of its files
    /// (a new template, or a misspelt name): each must be used by the target.
    pub additions: Vec<String>,
    /// The template files that are there but could not be read (reported as such).
    pub unread: Vec<String>,
}

/// Parser events one file may have (a 100,000-code namespace file has about 4 million).
const MAX_EVENTS: usize = 16_000_000;
/// How deep lists and maps may nest in one file (a catalog file needs about 6).
const MAX_DEPTH: usize = 64;

/// Parser limits per file: a 100,000-code namespace file passes, an alias bomb does not.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = MAX_EVENTS;
    budget.max_nodes = 8_000_000;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    budget.max_depth = MAX_DEPTH;
    // Anchors replayed more than this are an alias bomb, not a catalog.
    budget.max_recorded_anchor_events = 200_000;
    // YAML 1.2, as editors check the files against `errcat schema`: `yes`, `1_000`
    // and `0012` are text where a value is inferred (a message), not true and numbers.
    serde_saphyr::options! {
        budget: Some(budget),
        with_snippet: false,
        strict_booleans: true,
        underscored_numbers_as_strings: true,
        leading_zero_numbers_as_strings: true,
        // `!!binary` would decode base64 into the value: the text is read as written,
        // as with every other tag, so what a reviewer reads is what is generated.
        ignore_binary_tag_for_string: true,
    }
}

/// Reads `path` and everything it names. Problems go to `report`; `None` when the
/// catalog file itself could not be read or parsed.
pub fn load(path: &Path, sources: &mut Sources, report: &mut Report) -> Option<Loaded> {
    read_inputs(path, sources, report, true).map(|inputs| inputs.parse(sources, report))
}

/// Every input of a catalog read into memory, with only the catalog file parsed: enough
/// to tell whether anything changed since the last run before paying for the parse.
#[derive(Debug)]
pub struct Inputs {
    pub catalog_file: FileId,
    pub catalog: RawCatalog,
    pub root: PathBuf,
    /// Namespace files, read but not parsed, in the order the catalog names them.
    pub namespace_files: Vec<FileId>,
    pub targets: Vec<LoadedTarget>,
    pub unlisted: Vec<FileId>,
}

/// Reads the catalog, the namespace files it names and its targets' templates. With
/// `templates` false only each target's target.yaml is read, for comparing catalogs,
/// where the targets' options matter but not their templates. It is read leniently: one
/// that cannot be read or parsed leaves its target without one.
pub fn read_inputs(
    path: &Path,
    sources: &mut Sources,
    report: &mut Report,
    templates: bool,
) -> Option<Inputs> {
    let catalog_file = read(path, sources, report, None)?;
    let catalog: RawCatalog = parse(sources, catalog_file, report)?;
    let catalog_dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let catalog_dir = if catalog_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        catalog_dir
    };

    let root = match &catalog.root {
        None => catalog_dir.clone(),
        Some(r) => match paths::ancestor(&catalog_dir, &r.value) {
            Ok(root) => root,
            Err(why) => {
                let span = sources.span(catalog_file, &r.referenced);
                report.push(Diagnostic::new(&rules::BAD_PATH, format!("`root` {why}")).at(span, "root declared here").help(
                    "`root` is the project directory, relative to the catalog file: `.` or a chain of `..`, within the git work tree if the catalog is in one",
                ));
                return None;
            }
        },
    };

    let mut read_ids = Vec::new();
    // Files by identity: resolved once each (thousands of namespace files are fine).
    let catalog_identity = paths::identity(path);
    let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    // As the patterns spelled them, to tell the files beside them that none matched.
    let mut matched = Vec::new();
    // A pattern that failed matched nothing as far as anyone knows: the files it would
    // have matched are not "unlisted".
    let mut all_expanded = true;
    for pattern in &catalog.namespaces {
        let span = sources.span(catalog_file, &pattern.referenced);
        let files = match paths::expand(&root, &catalog_dir, &pattern.value) {
            Ok(files) => files,
            Err(why) => {
                report.push(
                    Diagnostic::new(
                        &rules::BAD_PATH,
                        format!(
                            "namespace path `{}` {why}",
                            crate::naming::visible(&pattern.value)
                        ),
                    )
                    .at(span, "named here"),
                );
                all_expanded = false;
                continue;
            }
        };
        matched.extend_from_slice(&files);
        for file in files {
            let identity = paths::identity(&file);
            if identity == catalog_identity {
                // A glob next to the catalog naturally matches it; only naming it is a mistake.
                if pattern.value.contains(['*', '?', '[']) {
                    continue;
                }
                report.push(
                    Diagnostic::new(
                        &rules::BAD_PATH,
                        format!(
                            "namespace path `{}` includes the catalog file itself",
                            pattern.value
                        ),
                    )
                    .at(span, "this pattern matches the catalog"),
                );
                continue;
            }
            if !seen.insert(identity) {
                continue;
            }
            if let Some(id) = read(&file, sources, report, Some(span)) {
                read_ids.push(id);
            }
        }
    }

    let mut targets = Vec::new();
    for (index, target) in catalog.targets.iter().enumerate() {
        let mut lenient = Report::default();
        let found = if templates {
            &mut *report
        } else {
            &mut lenient
        };
        let t = &target.value;
        targets.extend(load_target(
            index,
            t,
            catalog_file,
            &root,
            templates,
            sources,
            found,
        ));
    }

    let unlisted = match all_expanded {
        true => unlisted::find(&catalog_dir, path, &matched, sources),
        false => Vec::new(),
    };
    Some(Inputs {
        catalog_file,
        catalog,
        root,
        namespace_files: read_ids,
        targets,
        unlisted,
    })
}

impl Inputs {
    /// Everything but the namespace files, which stay unparsed (for
    /// [`crate::validate::validate_files`] to parse one by one).
    pub fn without_namespaces(self) -> (Loaded, Vec<FileId>) {
        let loaded = Loaded {
            catalog_file: self.catalog_file,
            catalog: self.catalog,
            root: self.root,
            namespaces: Vec::new(),
            targets: self.targets,
            unlisted: self.unlisted,
        };
        (loaded, self.namespace_files)
    }

    /// Parses the namespace files: on every core, kept in file order.
    pub fn parse(self, sources: &Sources, report: &mut Report) -> Loaded {
        let parsed = crate::par::map(crate::par::threads(), &self.namespace_files, |&id| {
            let mut found = Report::default();
            (parse::<RawNamespace>(sources, id, &mut found), found)
        });
        let mut namespaces = Vec::new();
        for (&id, (ns, found)) in self.namespace_files.iter().zip(parsed) {
            report.extend(found);
            namespaces.extend(ns.map(|ns| (id, ns)));
        }
        Loaded {
            catalog_file: self.catalog_file,
            catalog: self.catalog,
            root: self.root,
            namespaces,
            targets: self.targets,
            unlisted: self.unlisted,
        }
    }
}

/// Where a template file comes from: the project's template directory, or errcat's
/// built-in set of the same name (a project file replaces the built-in one).
enum TemplateSource {
    Project(PathBuf),
    BuiltIn(&'static str),
}

/// Reads a target's target.yaml and, with `with_templates`, its templates.
fn load_target(
    index: usize,
    target: &RawTarget,
    catalog_file: FileId,
    root: &Path,
    with_templates: bool,
    sources: &mut Sources,
    report: &mut Report,
) -> Option<LoadedTarget> {
    let span = sources.span(catalog_file, &target.templates.referenced);
    let name = &target.templates.value;
    let dir = match paths::child(root, &Path::new("templates").join(name), "templates/") {
        Ok(d) if d.is_dir() => Some(d),
        Ok(_) if builtin::exists(name) => None,
        Ok(d) => {
            report.push(
                Diagnostic::new(
                    &rules::TARGET_CONFIG,
                    format!(
                        "template directory `{}` does not exist",
                        display_path(&d).display()
                    ),
                )
                .at(span, "named here")
                .help(format!(
                    "name a built-in template set ({}) or create that directory",
                    builtin::names().join(", ")
                )),
            );
            return None;
        }
        Err(why) => {
            report.push(
                Diagnostic::new(
                    &rules::BAD_PATH,
                    format!(
                        "template directory `{}` {why}",
                        crate::naming::visible(name)
                    ),
                )
                .at(span, "named here")
                .help(
                    "`templates:` names a built-in set or a directory under the root's templates/",
                ),
            );
            return None;
        }
    };
    let mut files: BTreeMap<String, TemplateSource> = builtin::files(name)
        .map(|(file, text)| (file.to_owned(), TemplateSource::BuiltIn(text)))
        .collect();
    let mut additions = Vec::new();
    if let Some(dir) = &dir {
        match paths::template_files(dir) {
            Ok(found) => {
                // A link inside the directory must not read a file from outside the
                // project, as the directory itself may not be outside it.
                let outside: Vec<_> = found
                    .iter()
                    .filter_map(|(file, path)| Some((file, paths::inside(root, path).err()?)))
                    .collect();
                for (file, why) in &outside {
                    report.push(
                        Diagnostic::new(
                            &rules::BAD_PATH,
                            format!(
                                "template file `{}` of {} {why}",
                                crate::naming::visible(file),
                                display_path(dir).display()
                            ),
                        )
                        .at(span, "templates named here")
                        .help("copy the file into the template directory instead of linking it"),
                    );
                }
                if !outside.is_empty() {
                    return None;
                }
                if builtin::exists(name) {
                    additions = found
                        .iter()
                        .map(|(file, _)| file)
                        .filter(|file| builtin::file(name, file).is_none())
                        .cloned()
                        .collect();
                }
                files.extend(
                    found
                        .into_iter()
                        .map(|(file, path)| (file, TemplateSource::Project(path))),
                );
            }
            Err(e) => {
                report.push(
                    Diagnostic::new(
                        &rules::IO,
                        format!("cannot list {}: {e}", display_path(dir).display()),
                    )
                    .at(span, "named here"),
                );
                return None;
            }
        }
    }
    let manifest = match files.remove("target.yaml") {
        Some(TemplateSource::Project(path)) => {
            let id = read(&path, sources, report, Some(span))?;
            Some((id, parse::<RawTemplateManifest>(sources, id, report)?))
        }
        Some(TemplateSource::BuiltIn(text)) => {
            let id = sources.add(builtin::shown_path(name, "target.yaml"), text.to_owned());
            Some((id, parse::<RawTemplateManifest>(sources, id, report)?))
        }
        None => None,
    };
    let mut templates = BTreeMap::new();
    let mut origins = BTreeMap::new();
    let mut ids = BTreeMap::new();
    let mut unread = Vec::new();
    for (file, source) in files.into_iter().filter(|_| with_templates) {
        match source {
            TemplateSource::Project(path) => {
                match read_input(&path, Input::Template, sources, report, Some(span)) {
                    Some(id) => {
                        ids.insert(file.clone(), id);
                        templates.insert(file.clone(), sources.get(id).text.clone());
                        origins.insert(file, display_path(&path));
                    }
                    // Reported: the target.yaml that names it must not call it missing.
                    None => unread.push(file),
                }
            }
            TemplateSource::BuiltIn(text) => {
                let shown = builtin::shown_path(name, &file);
                // Embedded from a CRLF checkout, they render LF all the same.
                let text = text.replace("\r\n", "\n");
                ids.insert(file.clone(), sources.add(shown.clone(), text.clone()));
                templates.insert(file.clone(), text);
                origins.insert(file, shown);
            }
        }
    }
    Some(LoadedTarget {
        index,
        manifest,
        rendered: with_templates,
        templates,
        origins,
        files: ids,
        additions,
        unread,
    })
}

/// The largest catalog file errcat reads: a single namespace of 100,000 codes with two
/// locales and descriptions stays far below it; anything larger is refused before it
/// is read, so time and memory stay bounded.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What a file errcat reads is, for the messages that refuse it.
#[derive(Clone, Copy)]
pub enum Input {
    /// A catalog or namespace file.
    Catalog,
    /// A file of a template directory.
    Template,
    /// A table, list or Java enum to import.
    Import,
}

/// Reads a UTF-8 file into `sources`. A BOM is dropped; other bad bytes are reported
/// with the line and column of the first one.
pub fn read(
    path: &Path,
    sources: &mut Sources,
    report: &mut Report,
    named_at: Option<Span>,
) -> Option<FileId> {
    read_input(path, Input::Catalog, sources, report, named_at)
}

/// [`read`], for a file of the given kind: one that is not a regular file (a pipe, a
/// device: reading it could wait forever) or is over [`MAX_FILE_BYTES`] is refused
/// before it is read.
pub fn read_input(
    path: &Path,
    kind: Input,
    sources: &mut Sources,
    report: &mut Report,
    named_at: Option<Span>,
) -> Option<FileId> {
    let shown = display_path(path);
    let (what, help) = match kind {
        Input::Catalog => ("catalog file", "split the namespace across several files"),
        Input::Template => (
            "template",
            "split the template, with `include` or components in files of their own",
        ),
        Input::Import => (
            "file to import",
            "split it into several files, and import each into a namespace file of its own",
        ),
    };
    let refuse = |report: &mut Report, rule, message: String, help: Option<&str>| {
        let mut d = Diagnostic::new(rule, message);
        if let Some(h) = help {
            d = d.help(h);
        }
        if let Some(span) = named_at {
            d = d.at(span, "named here");
        }
        report.push(d);
    };
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            let message = format!("{} is not a regular file", shown.display());
            refuse(report, &rules::IO, message, None);
            return None;
        }
        if meta.len() > MAX_FILE_BYTES {
            let message = format!(
                "{} is {} bytes, over the {} MiB errcat reads of a {what}",
                shown.display(),
                meta.len(),
                MAX_FILE_BYTES >> 20
            );
            let rule = match kind {
                Input::Catalog => &rules::YAML_SYNTAX,
                Input::Template => &rules::TEMPLATE,
                Input::Import => &rules::IO,
            };
            refuse(report, rule, message, Some(help));
            return None;
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let mut d =
                Diagnostic::new(&rules::IO, format!("cannot read {}: {e}", shown.display()));
            if let Some(span) = named_at {
                d = d.at(span, "named here");
            }
            report.push(d);
            return None;
        }
    };
    // UTF-16 is said as such, not as bytes that are not UTF-8.
    if encoding::is_utf16(&bytes) {
        let order = if bytes.starts_with(b"\xFE\xFF") || bytes.first() == Some(&0) {
            "UTF-16 BE"
        } else {
            "UTF-16 LE"
        };
        let id = sources.add(shown.clone(), String::new());
        let span = Span {
            file: id,
            line: 1,
            column: 1,
            start: 0,
            end: 0,
        };
        report.push(
            Diagnostic::new(
                &rules::YAML_SYNTAX,
                format!("{} is UTF-16 text, not UTF-8", shown.display()),
            )
            .at(span, "UTF-16 from here")
            .help(encoding::help(&shown, Some((order, "UTF-16")))),
        );
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        // A template's line endings are not the output's: a checkout that turned them
        // into CRLF (git's autocrlf) must render the same LF files as any other, which
        // the writer finds equal to the CRLF copies that checkout made of them.
        Ok(text) if matches!(kind, Input::Template) && text.contains("\r\n") => {
            Some(sources.add(shown, text.replace("\r\n", "\n")))
        }
        Ok(text) => Some(sources.add(shown, text.to_owned())),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let text = String::from_utf8_lossy(bytes).into_owned();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = std::str::from_utf8(valid).map_or(1, |v| {
                v.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1
            });
            let id = sources.add(shown.clone(), text);
            let start = e.valid_up_to();
            let span = Span {
                file: id,
                line: line as u32,
                column: col as u32,
                start,
                end: start,
            };
            let gbk = encoding::looks_gbk(&bytes[start..]);
            let (likely, from) = if gbk {
                (
                    ": it looks saved as GBK or GB18030, the encoding of Chinese Windows",
                    Some(("Simplified Chinese (GB18030)", "GB18030")),
                )
            } else {
                ("", None)
            };
            report.push(
                Diagnostic::new(
                    &rules::YAML_SYNTAX,
                    format!("{} is not valid UTF-8{likely}", shown.display()),
                )
                .at(span, "invalid byte here")
                .help(encoding::help(&shown, from)),
            );
            None
        }
    }
}

/// A kind of YAML file errcat reads, for the messages about an empty one or one of
/// another kind.
pub trait FileKind: DeserializeOwned {
    /// What an empty file of this kind should hold.
    const EMPTY_HELP: &'static str;
    /// The key that starts a file of this kind, when no other kind has it.
    const FIRST_KEY: Option<&'static str> = None;
    /// "a catalog file", "a namespace file".
    const NAME: &'static str;
    /// What to do when a file of another kind was given where this kind belongs.
    const INSTEAD: &'static str = "";
    /// Whether the file lists `entries:`, each independent of the others, so an error
    /// in one does not hide the errors of the rest ([`recover`]).
    const ENTRIES: bool = false;
    /// Puts back as written the texts YAML read as numbers or flags ([`written`]).
    fn texts_as_written(&mut self, _sources: &Sources, _file: FileId) {}
}

impl FileKind for RawCatalog {
    const EMPTY_HELP: &'static str =
        "a catalog starts with `catalog:` and names its `namespaces:` and `targets:`";
    const FIRST_KEY: Option<&'static str> = Some("catalog");
    const NAME: &'static str = "a catalog file";
    const INSTEAD: &'static str =
        "pass the catalog file that lists it (usually schema/catalog.yaml)";
    fn texts_as_written(&mut self, sources: &Sources, file: FileId) {
        written::catalog(self, sources, file);
    }
}

impl FileKind for RawNamespace {
    const EMPTY_HELP: &'static str =
        "a namespace file starts with `namespace:` and lists its `entries:`";
    const FIRST_KEY: Option<&'static str> = Some("namespace");
    const NAME: &'static str = "a namespace file";
    const INSTEAD: &'static str = "list only namespace files under the catalog's `namespaces:`";
    const ENTRIES: bool = true;
    fn texts_as_written(&mut self, sources: &Sources, file: FileId) {
        written::namespace(self, sources, file);
    }
}

impl FileKind for RawTemplateManifest {
    const EMPTY_HELP: &'static str =
        "a target.yaml names its `profile:` and the `files:` to render";
    const NAME: &'static str = "a target.yaml";
}

/// For a file parsed as `T` that starts with another kind's key: what it is instead.
fn other_kind<T: FileKind>(message: &str) -> Option<(&'static str, &'static str)> {
    let field = message.strip_prefix("unknown field `")?.split('`').next()?;
    [
        (RawCatalog::FIRST_KEY, RawCatalog::NAME),
        (RawNamespace::FIRST_KEY, RawNamespace::NAME),
    ]
    .into_iter()
    .find(|(key, _)| *key == Some(field) && *key != T::FIRST_KEY)
    .map(|(key, name)| (key.unwrap_or_default(), name))
}

/// Parses a file already in `sources`, turning parser errors into diagnostics.
pub fn parse<T: FileKind>(sources: &Sources, file: FileId, report: &mut Report) -> Option<T> {
    let text = &sources.get(file).text;
    if text.contains('\0') {
        let at = text.find('\0').unwrap_or(0);
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let span = Span {
            file,
            line: line as u32,
            column: col as u32,
            start: at,
            end: at + 1,
        };
        report.push(
            Diagnostic::new(&rules::YAML_SYNTAX, "the file contains a NUL byte")
                .at(span, "NUL here"),
        );
        return None;
    }
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        report.push(
            Diagnostic::new(&rules::YAML_SYNTAX, "the file is empty")
                .at(sources.file_start(file), "nothing here")
                .help(T::EMPTY_HELP),
        );
        return None;
    }
    match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(mut v) => {
            v.texts_as_written(sources, file);
            Some(v)
        }
        Err(e) => {
            let d = first_error::<T>(sources, file, text, &e);
            let more = T::ENTRIES && d.rule != rules::YAML_SYNTAX.id;
            let line = d.primary.as_ref().map(|l| l.span.line as usize);
            report.push(d);
            if let (true, Some(line)) = (more, line) {
                further_errors::<T>(sources, file, line, report);
            }
            None
        }
    }
}

/// The diagnostic of a file's parser error `e`.
fn first_error<T: FileKind>(
    sources: &Sources,
    file: FileId,
    text: &str,
    e: &serde_saphyr::Error,
) -> Diagnostic {
    let mut d = parse_error::diagnostic(sources, file, e);
    // The parser reads as it deserializes: a key indented too little closes
    // its entry early, and the entry's missing field is found before the
    // syntax error behind it. Report the syntax error, the cause.
    if d.rule != rules::YAML_SYNTAX.id
        && let Err(e) =
            serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(text, options())
    {
        let syntax = parse_error::diagnostic(sources, file, &e);
        if syntax.rule == rules::YAML_SYNTAX.id {
            d = syntax;
        }
    }
    if let Some((key, name)) = other_kind::<T>(&d.message) {
        d.message = format!("this is {name} (it has `{key}:`), not {}", T::NAME);
        if let Some(label) = &mut d.primary {
            label.message = format!("the key of {name}");
        }
        d.help = Some(T::INSTEAD.into());
    }
    d
}

/// The errors of a file's other entries after the first error, at `line` (see
/// [`recover`]), each in an entry of its own.
fn further_errors<T: FileKind>(sources: &Sources, file: FileId, line: usize, report: &mut Report) {
    let Some(mut blanker) = recover::Blanker::new(&sources.get(file).text, options()) else {
        return;
    };
    let mut at = blanker.entry_at(line);
    while let Some(k) = at {
        blanker.blank(k);
        let Err(e) = serde_saphyr::from_str_with_options::<T>(blanker.text(), options()) else {
            return;
        };
        let d = parse_error::diagnostic(sources, file, &e);
        // An error outside the entries may be one the blanking made (no entries left).
        at = d
            .primary
            .as_ref()
            .and_then(|l| blanker.entry_at(l.span.line as usize));
        if d.rule == rules::YAML_SYNTAX.id || at.is_none() {
            return;
        }
        report.push(d);
    }
}
