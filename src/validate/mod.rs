//! Validation: the raw, positioned catalog becomes the model, and every problem
//! becomes a diagnostic. All findings are collected; none stops the others.

mod catalog;
mod char_names;
mod cross;
mod entries;

pub use entries::is_namespace_id;
pub(crate) mod language;
mod levels;
mod locales;
mod merge;
mod misread;
mod options;
mod overrides;
mod profile;
mod remembered;
mod script;
mod text_bytes;

use std::collections::BTreeMap;

pub use catalog::{is_bidi_or_invisible, is_untranslated_copy};
pub use locales::{invalid_tag_help, is_locale_tag, near_tag, tag_for};
pub use remembered::FileMemory;
pub use script::{Script, foreign_script};

use crate::diag::Report;
use crate::load::raw::RawNamespace;
use crate::load::{Inputs, Loaded};
use crate::model::{Catalog, Namespace};
use crate::source::{FileId, Sources};

/// A namespace file to validate: parsed already, or parsed during validation (and
/// its parsed form dropped once checked).
#[derive(Clone, Copy)]
pub enum NamespaceFile<'a> {
    Parsed(FileId, &'a RawNamespace),
    Unparsed(FileId),
}

/// Validates everything loaded. Returns the model when there is no error.
pub fn validate(loaded: &Loaded, sources: &Sources, report: &mut Report) -> Option<Catalog> {
    let files: Vec<NamespaceFile> = loaded
        .namespaces
        .iter()
        .map(|(file, raw)| NamespaceFile::Parsed(*file, raw))
        .collect();
    let catalog = validate_files(loaded, &files, sources, report, &mut FileMemory::default());
    catalog.filter(|_| !report.has_errors())
}

/// Parses and validates what [`crate::load::read_inputs`] read, one namespace file per
/// core at a time (see [`validate_files`]), or taken from `memory`. Returns what loaded
/// and the model, which exists even when there are errors (see [`validate_files`]).
pub fn validate_inputs(
    inputs: Inputs,
    sources: &Sources,
    report: &mut Report,
    memory: &mut FileMemory,
) -> (Loaded, Option<Catalog>) {
    let (loaded, files) = inputs.without_namespaces();
    let files: Vec<_> = files.into_iter().map(NamespaceFile::Unparsed).collect();
    let catalog = validate_files(&loaded, &files, sources, report, memory);
    (loaded, catalog)
}

/// [`validate`] with the namespace files given apart from `loaded` (whose own
/// `namespaces` are not read), returning the model even when there are errors (without
/// the entries they made invalid): the caller decides what it may serve. Files not parsed yet are parsed and checked one at a
/// time per core, so that at 100,000 codes the parsed files, as large as the
/// model, never all exist at once. A file not parsed yet whose checks `memory` knows
/// is taken from it; with `memory.learn`, the checks of every other file are encoded
/// into `memory.learned` (but those of a file with a text in an undeclared locale).
pub fn validate_files(
    loaded: &Loaded,
    files: &[NamespaceFile],
    sources: &Sources,
    report: &mut Report,
    memory: &mut FileMemory,
) -> Option<Catalog> {
    // A namespace file that did not load (reported already): the checks across files
    // hold back what its absence alone would make them say.
    let mut incomplete = report.has_errors();
    let mut cx = catalog::Context::new(loaded, sources, report);
    let targets = cx.targets(loaded);
    for t in &targets {
        for d in crate::render::unknown_fields(t) {
            cx.emit(d);
        }
    }
    cx.text_limits = text_bytes::limits(&targets);
    let text_limits = cx.text_limits.clone();
    let global = loaded
        .catalog
        .lints
        .as_ref()
        .map(|l| levels::read(&mut cx, loaded.catalog_file, l))
        .unwrap_or_default();
    let mut lint_levels = levels::Levels::new(global);
    unlisted(&mut cx, loaded);

    // Each file's entries are checked on their own, the files side by side: a
    // context per file, whose findings and acknowledgements join the catalog's.
    let (locales, required_locales, default_locale) = (
        cx.locales.clone(),
        cx.required_locales.clone(),
        cx.default_locale.clone(),
    );
    let (known, learn) = (&memory.known, memory.learn);
    let checked = crate::par::map(crate::par::threads(), files, |&input| {
        let mut report = Report::default();
        if let NamespaceFile::Unparsed(file) = input
            && let Some(c) = known.get(&file).and_then(|b| remembered::decode(file, b))
        {
            report.diagnostics = c.findings;
            let found = (c.acks, Vec::new());
            return (Some(c.namespace), c.lints, report, found, Memo::Taken);
        }
        let parsed;
        let (file, raw) = match input {
            NamespaceFile::Parsed(file, raw) => (file, raw),
            NamespaceFile::Unparsed(file) => {
                parsed = crate::load::parse::<RawNamespace>(sources, file, &mut report);
                match &parsed {
                    Some(raw) => (file, raw),
                    None => return (None, None, report, Default::default(), Memo::None),
                }
            }
        };
        let mut file_cx = catalog::Context {
            sources,
            report: &mut report,
            loaded,
            locales: locales.clone(),
            required_locales: required_locales.clone(),
            default_locale: default_locale.clone(),
            scope: None,
            acks: Vec::new(),
            unknown_locales: Vec::new(),
            text_limits: text_limits.clone(),
        };
        let lints = raw.lints.as_ref().map(|lints| {
            let read = levels::read(&mut file_cx, file, lints);
            (raw.namespace.value.clone(), read)
        });
        let ns = entries::namespace(&mut file_cx, file, raw);
        let found = (file_cx.acks, file_cx.unknown_locales);
        // A text in an undeclared locale is reported across files, from what each
        // file found: such a file is checked again each time.
        let memo = match &ns {
            Some(ns) if learn && found.1.is_empty() => {
                remembered::encode(file, ns, lints.as_ref(), &report.diagnostics, &found.0)
                    .map_or(Memo::None, Memo::Learned)
            }
            _ => Memo::None,
        };
        (ns, lints, report, found, memo)
    });
    // Parts of one namespace may live in several files; they are merged in file order.
    let mut parts: BTreeMap<String, Vec<(Namespace, Vec<entries::GroupRef>)>> = BTreeMap::new();
    let mut taken = std::collections::HashSet::new();
    for (input, (ns, lints, report, (acks, unknown_locales), memo)) in files.iter().zip(checked) {
        let file = match *input {
            NamespaceFile::Parsed(file, _) | NamespaceFile::Unparsed(file) => file,
        };
        match memo {
            Memo::Taken => {
                taken.insert(file);
            }
            Memo::Learned(bytes) => memory.learned.push((file, bytes)),
            Memo::None => {}
        }
        if let Some((id, read)) = lints {
            lint_levels.set_namespace(&id, read);
        }
        cx.report.extend(report);
        cx.acks.extend(acks);
        cx.unknown_locales.extend(unknown_locales);
        match ns {
            Some(ns) => parts.entry(ns.0.id.clone()).or_default().push(ns),
            None => incomplete = true,
        }
    }
    memory.known.retain(|file, _| taken.contains(file));
    let namespaces: Vec<Namespace> = parts
        .into_values()
        .filter_map(|p| merge::merge(&mut cx, p))
        .collect();
    for ns in namespaces.iter().filter(|n| n.entries.is_empty()) {
        cx.emit(
            crate::diag::Diagnostic::new(
                &crate::rules::EMPTY_NAMESPACE,
                format!("namespace `{}` defines no code", ns.id),
            )
            .at(ns.span, "declared here")
            .help("add its first entry under `entries:`, or leave the file out of `namespaces:` until it has one"),
        );
    }

    let surfaces = cx.surfaces(&namespaces, incomplete);
    cx.report_unknown_locales();
    cross::codes_across_namespaces(&mut cx, &namespaces, &surfaces);
    cross::range_overlap(&mut cx, &namespaces, &surfaces);
    cross::name_collisions(&mut cx, &namespaces, &targets);
    cross::integer_width(&mut cx, &namespaces, &targets);
    cross::target_limits(&mut cx, &namespaces, &targets);
    let mut acks = std::mem::take(&mut cx.acks);
    let declared = options::declared(&cx, loaded);
    let catalog = cx.finish(namespaces, targets, declared, surfaces);
    levels::apply(&lint_levels, &mut acks, report, incomplete);
    Some(catalog)
}

/// What became of a namespace file's checks and the cache.
enum Memo {
    /// Taken from [`FileMemory::known`].
    Taken,
    /// Checked afresh, and encoded.
    Learned(Vec<u8>),
    None,
}

/// A `namespace-unlisted` warning for each file the loader found beside the catalog's
/// namespace files that no pattern matches, at its `namespace:` line.
fn unlisted(cx: &mut catalog::Context, loaded: &Loaded) {
    let patterns = loaded
        .catalog
        .namespaces
        .first()
        .map(|p| cx.sources.span(loaded.catalog_file, &p.referenced));
    for &file in &loaded.unlisted {
        let source = cx.sources.get(file);
        // The loader kept the file for that line: (line number, byte offset, line).
        let mut start = 0;
        let mut found = (1, 0, "");
        for (l, n) in source.text.split_inclusive('\n').zip(1u32..) {
            if l.starts_with("namespace:") {
                found = (n, start, l.trim_end());
                break;
            }
            start += l.len();
        }
        let (line, start, key) = found;
        let id = key.strip_prefix("namespace:").unwrap_or(key).trim();
        let span = crate::source::Span {
            file,
            line,
            column: 1,
            start,
            end: start + key.len(),
        };
        let mut d = crate::diag::Diagnostic::new(
            &crate::rules::NAMESPACE_UNLISTED,
            format!(
                "{} holds namespace `{}`, but no pattern of the catalog's `namespaces:` matches it: errcat does not read it",
                source.path.display(),
                crate::naming::visible(id)
            ),
        )
        .at(span, "never read")
        .help("add its path, or a pattern that matches it, to `namespaces:`; if it is not meant to be read, move it out of the catalog's directories");
        if let Some(at) = patterns {
            d = d.related(at, "the patterns");
        }
        cx.emit(d);
    }
}
