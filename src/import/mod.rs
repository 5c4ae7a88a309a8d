//! `errcat import`: error tables from docs and code become catalog namespace files.
//!
//! One reader per format ([`markdown`], [`csv`], [`list`], [`java_enum`]) turns a file into
//! [`Section`]s of [`Row`]s that remember where each cell was. [`merge`] folds the
//! rows into a namespace (new, or read with errcat's loader from `--into`),
//! [`names`] names what the source left unnamed, [`yaml`] writes canonical YAML,
//! and that text goes through errcat's loader and validator before anything is
//! written: on any error nothing is.

mod args;
mod check;
mod code_cell;
mod columns;
mod comments;
mod csv;
mod doc;
mod headers;
mod http_status;
mod in_place;
mod inline;
mod java_args;
mod java_enum;
mod java_int;
mod java_texts;
mod javadoc;
mod list;
mod locales;
mod markdown;
mod merge;
mod names;
mod output;
mod plan;
mod relocate;
mod route;
mod rows;
mod scripts;
mod yaml;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Report};
use crate::load::raw::{RawCatalog, RawNamespace};
use crate::load::{self, display_path};
use crate::rules;
use crate::source::{FileId, Sources, Span};

pub use args::{Args, DocField, InputFormat, SectionsAs, help};
use doc::Field;
pub(crate) use locales::check_given as check_locales;
pub use output::write;
use rows::{Located, Row, RowText, Section};

/// A namespace file the import produced.
#[derive(Debug)]
pub struct Output {
    /// Where it goes; `None` for standard output.
    pub path: Option<PathBuf>,
    pub namespace: String,
    pub text: String,
    pub entries: usize,
    /// Entries that did not exist before.
    pub added: usize,
    /// Entries that did, to which the import added or in which it replaced something.
    pub changed: usize,
    /// The comment lines of the file that writing `text` drops (the file is changed).
    pub dropped_comments: usize,
    /// The code of each row imported into it, with where that row's code is: a
    /// finding in the result points back at the row it came from.
    pub rows: Vec<(i64, Span)>,
    /// Where each value read from a file is in `text` (none when `text` is the
    /// file as it was): a finding about an imported text points at its cell.
    pub placed: Vec<yaml::Placed>,
    /// `text` is the file as it was: the import changes nothing in it.
    pub unchanged: bool,
    /// The file with only its texts changed, comments and layout kept, when that
    /// reads back as `text`: written in its place once the result is validated.
    pub in_place: Option<String>,
    /// The codes of the entries the import adds.
    pub new_codes: Vec<i64>,
}

/// The result of an import: findings, and the files to write when there is no error.
#[derive(Debug, Default)]
pub struct Imported {
    pub sources: Sources,
    pub report: Report,
    pub outputs: Vec<Output>,
    /// Warnings `errcat check` will report on the result (errors are in `report`).
    pub result_warnings: usize,
    /// Texts the result still lacks in a locale its namespace requires, in entries
    /// the file had before (`missing-translation`): no import removes a text, so
    /// these are the namespace's to-do list, not the import's doing.
    pub still_missing: usize,
    /// What imported texts in another script than their locale's say of the import
    /// (a table imported without `--locale`, rows left untranslated), one note each.
    pub script_notes: Vec<String>,
    /// Other notes on the import: a sheet's rows of other namespaces left out.
    pub notes: Vec<String>,
    /// Java enum constants whose several strings were filed by position (the title,
    /// then the message): no constructor parameter names them.
    pub filed_by_position: usize,
    /// The input files read: a finding placed in one is about the imported rows.
    pub inputs: Vec<FileId>,
}

/// What the import needs of the project's catalog: its locales, default first.
struct CatalogInfo {
    locales: Vec<String>,
    default_locale: String,
    /// The project root (`root:`, relative to the catalog file): `source.file` is relative to it.
    root: PathBuf,
}

/// Runs an import in memory: nothing is written. `Err` is a usage error.
pub fn run(args: &Args) -> Result<Imported, String> {
    let mut out = Imported::default();
    let catalog_path = args.catalog.clone().or_else(|| {
        let p = PathBuf::from("schema/catalog.yaml");
        p.is_file().then_some(p)
    });
    let catalog = match &catalog_path {
        Some(p) => {
            let Some(file) = load::read(p, &mut out.sources, &mut out.report, None) else {
                return Ok(out);
            };
            let Some(raw) = load::parse::<RawCatalog>(&out.sources, file, &mut out.report) else {
                return Ok(out);
            };
            let dir = p.parent().unwrap_or(Path::new(""));
            let root = raw.root.as_ref().map_or(".", |r| r.value.as_str());
            Some(CatalogInfo {
                locales: raw.locales.iter().map(|l| l.value.clone()).collect(),
                default_locale: raw.default_locale.value.clone(),
                root: dir.join(root),
            })
        }
        None => None,
    };
    let default_locale = catalog
        .as_ref()
        .map_or_else(|| "en".to_owned(), |c| c.default_locale.clone());
    let file_locales = locales::per_file(&args.locale, args.files.len(), &default_locale)?;
    let given: Vec<(&str, &str)> = (args.locale.iter().map(|l| ("--locale", l.as_str())))
        .chain(args.doc_locale.iter().map(|l| ("--doc-locale", l.as_str())))
        .collect();
    let declared = catalog.as_ref().zip(catalog_path.as_deref());
    locales::check_given(
        &given,
        declared.map(|(c, p)| (c.locales.as_slice(), p)),
        "to import texts in another language",
    )?;
    let prefix = args.name_prefix.as_deref().map(names::prefix);
    if prefix
        .as_ref()
        .is_some_and(|p| !p.starts_with(|c: char| c.is_ascii_uppercase()))
    {
        return Err("--name-prefix must start with a letter, e.g. REC".into());
    }

    let mut sections = read_inputs(args, &file_locales, &mut out);
    plan::select(&mut sections, &args.section, &out.sources, &mut out.report);
    if out.report.has_errors() {
        out.report.sort(&out.sources);
        return Ok(out);
    }

    let mode = plan::mode(args, &sections, &out.sources)?;
    let (sections, targets) = match &args.namespace {
        Some(ns) => {
            out.notes.extend(route::keep_only(&mut sections, ns));
            let targets = plan::plan(args, ns, mode, &sections)?;
            (sections, targets)
        }
        None => route::route(args, sections, catalog_path.as_deref(), &mut out)?,
    };
    if out.report.has_errors() {
        out.report.sort(&out.sources);
        return Ok(out);
    }
    let replace = match (args.replace_texts, args.locale.is_empty()) {
        (false, _) => merge::Replace::Nothing,
        (true, true) => merge::Replace::Every,
        (true, false) => merge::Replace::Locales(
            args.locale
                .iter()
                .chain(&args.doc_locale)
                .cloned()
                .collect(),
        ),
    };
    let used: Vec<&str> = file_locales
        .iter()
        .chain(&args.doc_locale)
        .map(String::as_str)
        .collect();
    let order = locales::locale_order(
        catalog.as_ref().map(|c| c.locales.as_slice()),
        &default_locale,
        &used,
    );
    for target in targets {
        // The file's text, its canonical form and its namespace, for a file merged into.
        let mut was: Option<(String, String, doc::Doc)> = None;
        let doc = match &target.path {
            Some(p) if p.exists() => {
                match read_existing(p, &target.id, &default_locale, &mut out) {
                    Some((d, file)) => {
                        let text = out.sources.get(file).text.clone();
                        was = Some((text, yaml::namespace(&d, &order), d.clone()));
                        d
                    }
                    None => continue,
                }
            }
            _ => {
                let root = catalog.as_ref().map(|c| c.root.as_path());
                plan::new_doc(&target, args.format, &sections, &out.sources, root)
            }
        };
        let before = doc.entries.len();
        let ctx = Fill {
            mode,
            default_locale: &default_locale,
            order: &order,
            prefix: prefix.as_deref(),
            replace: &replace,
        };
        let (doc, changed) = fill(
            doc,
            &target,
            &sections,
            was.is_some(),
            &ctx,
            &mut out.report,
        );
        let (mut text, mut placed) = yaml::namespace_placed(&doc, &order);
        let mut dropped_comments = 0;
        let mut unchanged = false;
        let mut in_place = None;
        if let Some((file_text, canonical, before)) = was {
            if canonical == text {
                // Nothing to change: the file stays as it is, comments and all.
                text = file_text;
                placed.clear();
                unchanged = true;
            } else {
                in_place = in_place::edit(&file_text, &before, &doc)
                    .filter(|t| reads_as(t, &text, &default_locale, &order));
                if in_place.is_none() {
                    dropped_comments = comments::count(&file_text);
                }
            }
        }
        out.outputs.push(Output {
            path: target.path,
            namespace: doc.namespace.clone(),
            text,
            entries: doc.entries.len(),
            added: doc.entries.len() - before,
            changed,
            dropped_comments,
            rows: target
                .sections
                .iter()
                .flat_map(|&k| &sections[k].1.rows)
                .map(|r| (r.code, r.code_span))
                .collect(),
            placed,
            unchanged,
            in_place,
            new_codes: doc.entries[before..].iter().map(|e| e.code).collect(),
        });
    }
    // A file errcat itself would refuse to read is not written.
    if let Some(big) = out
        .outputs
        .iter()
        .find(|o| o.text.len() as u64 > load::MAX_FILE_BYTES)
    {
        return Err(format!(
            "the namespace file for `{}` would be {} bytes, over the {} MiB errcat reads of a catalog file: split the input into namespaces (`--sections`), or import it in parts; nothing was written",
            big.namespace,
            big.text.len(),
            load::MAX_FILE_BYTES >> 20
        ));
    }
    let in_project = |out: &mut Imported| {
        let catalog = catalog_path.as_deref()?;
        check::validate_in_project(catalog, out).then_some(())
    };
    // The project's locales when there is a catalog; else the ones the import uses.
    let locales = catalog.map_or(order, |c| {
        let rest = c.locales.into_iter().filter(|x| *x != c.default_locale);
        std::iter::once(c.default_locale.clone())
            .chain(rest)
            .collect()
    });
    if !out.report.has_errors() && in_project(&mut out).is_none() {
        check::validate(&locales, &mut out);
    }
    out.script_notes = scripts::notes(&sections, &locales);
    out.report.sort(&out.sources);
    // Validated as canonical text, which reads the same: written with its comments.
    for o in &mut out.outputs {
        if let Some(kept) = o.in_place.take() {
            o.text = kept;
            o.placed.clear();
        }
    }
    Ok(out)
}

/// Whether `edited` reads back as the canonical file `canonical`.
fn reads_as(edited: &str, canonical: &str, default_locale: &str, order: &[String]) -> bool {
    let mut sources = Sources::default();
    let file = sources.add(PathBuf::from("(edited)"), edited.to_owned());
    let Some(raw) = load::parse::<RawNamespace>(&sources, file, &mut Report::default()) else {
        return false;
    };
    let d = doc::from_raw(&raw, file, &sources, default_locale);
    yaml::namespace(&d, order) == canonical
}

/// Reads every input file with the reader of `args.format`, each in its own locale.
fn read_inputs(args: &Args, locales: &[String], out: &mut Imported) -> Vec<(FileId, Section)> {
    let mut sections = Vec::new();
    for (path, locale) in args.files.iter().zip(locales) {
        let locale = locale.as_str();
        let doc_locale = args.doc_locale.as_deref().unwrap_or(locale);
        let before = out.report.diagnostics.len();
        let input = load::Input::Import;
        let Some(file) = load::read_input(path, input, &mut out.sources, &mut out.report, None)
        else {
            // An input is no YAML file: what stops errcat reading it (not UTF-8, too
            // large) is `io`, whatever the loader calls it in a catalog file.
            for d in &mut out.report.diagnostics[before..] {
                d.rule = rules::IO.id;
            }
            continue;
        };
        out.inputs.push(file);
        let text = out.sources.get(file).text.clone();
        let src = Located::new(file, &text);
        let read = match args.format {
            InputFormat::Markdown => markdown::read(&src, locale, &mut out.report),
            InputFormat::Csv => csv::read(&src, locale, &mut out.report),
            InputFormat::List => list::read(&src, locale, &mut out.report),
            InputFormat::JavaEnum => {
                let texts = java_enum::Texts {
                    locale,
                    doc_locale,
                    doc_field: match args.javadoc_as {
                        DocField::Description => Field::Description,
                        DocField::Cause => Field::Cause,
                        DocField::Solution => Field::Solution,
                    },
                };
                let read = java_enum::read(&src, &texts, &mut out.report);
                out.filed_by_position += read.filed_by_position;
                read.sections
            }
        };
        sections.extend(read.into_iter().map(|s| (file, s)));
    }
    sections
}

/// How a namespace is filled, the same for every target of one import.
struct Fill<'a> {
    mode: SectionsAs,
    default_locale: &'a str,
    order: &'a [String],
    prefix: Option<&'a str>,
    replace: &'a merge::Replace,
}

/// Merges the target's sections into `doc`, names what has no name, and (for a new
/// namespace) settles the locales it requires.
fn fill(
    doc: doc::Doc,
    target: &plan::Target,
    sections: &[(FileId, Section)],
    existing: bool,
    cx: &Fill,
    report: &mut Report,
) -> (doc::Doc, usize) {
    let mut merger = merge::Merger::new(doc, cx.replace.clone());
    for &k in &target.sections {
        let (_, section) = &sections[k];
        let group =
            (cx.mode == SectionsAs::Groups).then(|| plan::group_for(merger.doc_mut(), section, k));
        for row in &section.rows {
            let from = merge::Origin {
                section: k,
                group: group.as_deref(),
            };
            merger.add(row.clone(), from, report);
        }
    }
    let (mut doc, changed) = merger.finish();
    names::assign(&mut doc, cx.prefix);
    for e in &doc.entries {
        if e.text(Field::Message).is_none_or(doc::Text::is_empty)
            && let Some(span) = e.code_span
        {
            report.push(
                Diagnostic::new(
                    &rules::EMPTY_TEXT,
                    format!("code {} has no message", e.code),
                )
                .at(span, "no text for this code")
                .help("fill the row's message or description cell"),
            );
        }
    }
    if !existing {
        locales::require_locales(&mut doc, cx.order, cx.default_locale, report);
    }
    (doc, changed)
}

/// The existing namespace file at `path`, read with errcat's loader, and its id.
fn read_existing(
    path: &Path,
    id: &str,
    default_locale: &str,
    out: &mut Imported,
) -> Option<(doc::Doc, FileId)> {
    let file = load::read(path, &mut out.sources, &mut out.report, None)?;
    let seen = out.report.diagnostics.len();
    let Some(raw) = load::parse::<RawNamespace>(&out.sources, file, &mut out.report) else {
        // The loader's help for a catalog file among the namespaces is about
        // `namespaces:`; here `--into` named it.
        for d in &mut out.report.diagnostics[seen..] {
            if d.message.starts_with("this is a catalog file") {
                d.help = Some("--into names the namespace file to write or merge into, not the catalog: one the catalog's `namespaces:` lists, or a new file".into());
            }
        }
        return None;
    };
    let d = doc::from_raw(&raw, file, &out.sources, default_locale);
    if d.namespace != id {
        let span = d
            .namespace_span
            .unwrap_or_else(|| out.sources.file_start(file));
        out.report.push(
            Diagnostic::new(
                &rules::IMPORT_CONFLICT,
                format!(
                    "{} holds namespace {}, not {id}",
                    display_path(path).display(),
                    d.namespace
                ),
            )
            .at(span, "declared here")
            .help(format!(
                "pass --namespace {} to merge into this file",
                d.namespace
            )),
        );
        return None;
    }
    Some((d, file))
}
