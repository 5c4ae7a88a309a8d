//! Rendering: the pure core. Model in, `(path, text)` pairs out; nothing touches the disk.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::{Diagnostic, Report};
use tera::Value;

use crate::model::{Catalog, Each, FileSpec, Namespace, PartsBy, Target};
use crate::source::Span;
use crate::view::{self, Views};
use crate::{par, rules};

mod attrs;
mod capped;
mod case;
mod components;
mod fields;
mod joined;
mod nesting;
pub mod reuse;
mod scan;
mod unclosed;
pub mod watch;

use joined::{Joined, Part};
use scan::Names;

pub use reuse::{PartAt, Reuse};

pub(crate) use attrs::unknown_fields;

/// One rendered file, with its path relative to the target's output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub target: String,
    pub path: PathBuf,
    pub text: String,
    /// The template it was rendered from (for `--verbose`).
    pub template: String,
    /// Which of the target's `files:` made it (its index), for errors about its path.
    pub spec: usize,
    /// The id of the namespace whose file it is, for errors about its path: a
    /// namespace's id can make the path of another file (`lib`, `index`).
    pub namespace: Option<Span>,
    /// For a file rendered per namespace, when keys are made: what it was rendered
    /// from, hashed (see [`reuse`]).
    pub key: Option<u64>,
    /// True when the file was not rendered but taken from the last clean run, as it is
    /// on disk (see [`reuse`]): `text` is empty.
    pub reused: bool,
    /// For a file of keyed parts per namespace: where each part is in `text`, for the
    /// next run to take those that come again (empty when any part could not be found).
    pub parts: Vec<reuse::PartAt>,
    /// How many of its parts were taken from the last clean run, not rendered.
    pub parts_taken: usize,
}

/// Renders every target of `catalog` on [`par::threads`] threads. On any template
/// error nothing is returned but the report.
pub fn generate(catalog: &Catalog) -> Result<Vec<Rendered>, Report> {
    generate_with(catalog, par::threads())
}

/// [`generate`] on up to `threads` threads; the output is the same for any number.
pub fn generate_with(catalog: &Catalog, threads: usize) -> Result<Vec<Rendered>, Report> {
    let mut out = Vec::new();
    generate_each(catalog, threads, &Reuse::default(), &mut |files| {
        out.extend(files)
    })?;
    Ok(out)
}

/// Renders every target, handing each target's files (sorted by path) to `sink` as
/// soon as they are rendered, targets in catalog order: a caller that writes them
/// away holds one target's output at a time, not the catalog's. After a template
/// error `sink` is called no more, and the report is returned once every target
/// has been tried.
pub fn generate_each(
    catalog: &Catalog,
    threads: usize,
    reuse: &Reuse,
    sink: &mut dyn FnMut(Vec<Rendered>),
) -> Result<(), Report> {
    let mut report = Report::default();
    let mut seen = case::Seen::default();
    // Hashed once for every target.
    let namespace_keys: Vec<u64> = match reuse.keys() {
        true => par::map(threads, &catalog.namespaces, reuse::namespace_key),
        false => Vec::new(),
    };
    let mut take = |result: Result<Vec<Rendered>, Box<Diagnostic>>| match result {
        Ok(mut files) => {
            // Checked after an error too, so one run names every path made twice.
            files.sort_by(|a, b| a.path.cmp(&b.path));
            let mut found = twice(catalog, &files);
            if found.is_empty() {
                found = seen.add(catalog, &files);
            }
            if found.is_empty() && !report.has_errors() {
                sink(files);
            }
            found.into_iter().for_each(|d| report.push(d));
        }
        Err(d) => report.push(*d),
    };
    // A catalog of few namespaces renders its targets side by side: there the per-target
    // work (compiling templates, building views) is most of the time and does not split
    // by namespace. A large one renders one target at a time with its namespaces on every
    // core, which holds one target's values and output in memory instead of several.
    // Each target's files are handed on as soon as it and those before it are done,
    // so the caller stages them while the other targets render.
    if catalog.namespaces.len() <= 8 * threads {
        let mut order: Vec<usize> = (0..catalog.targets.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(weight(catalog, &catalog.targets[i])));
        par::each_in_order(
            threads,
            &catalog.targets,
            &order,
            |target| render_reusing(catalog, target, 1, reuse, &namespace_keys),
            &mut take,
        );
    } else {
        for target in &catalog.targets {
            take(render_reusing(
                catalog,
                target,
                threads,
                reuse,
                &namespace_keys,
            ));
        }
    }
    if report.has_errors() {
        Err(report)
    } else {
        Ok(())
    }
}

/// About how many times a target renders each code: the docs, a page per namespace
/// and locale and a lookup per locale, outweigh a target of one file per namespace.
/// Catalog-wide files without parts are counted as nothing (most are a few lines).
fn weight(catalog: &Catalog, target: &Target) -> usize {
    let locales = catalog.locales.len();
    target
        .files
        .iter()
        .map(|f| match (f.each, f.parts.is_some()) {
            (Each::Namespace, _) | (Each::Catalog, true) => 1,
            (Each::NamespaceLocale, _) | (Each::Locale, true) => locales,
            (Each::Catalog | Each::Locale, false) => 0,
        })
        .sum()
}

/// Each file of a target rendered twice (`files` sorted by path), or as a file and as
/// the directory of another (`x` and `x/y`: no disk holds both), pointed at the `path:`
/// patterns that made them: one error per pair of patterns and namespaces, not per
/// locale they repeat in.
fn twice(catalog: &Catalog, files: &[Rendered]) -> Vec<Diagnostic> {
    let mut causes = Causes::default();
    for (outer, inner) in file_and_dir(files) {
        if causes.first(outer, inner) {
            let d = Diagnostic::new(
                &rules::TEMPLATE,
                format!(
                    "target `{}` renders {} as a file and as the directory of {}",
                    inner.target,
                    outer.path.display(),
                    inner.path.display()
                ),
            )
            .help(
                "make the `path` patterns name different places: a file cannot also be a directory",
            );
            let also = format!("renders {}", outer.path.display());
            causes.found.push(point(catalog, d, [outer, inner], &also));
        }
    }
    for pair in files.windows(2).filter(|p| p[0].path == p[1].path) {
        if causes.first(&pair[0], &pair[1]) {
            let d = Diagnostic::new(
                &rules::TEMPLATE,
                format!(
                    "target `{}` renders {} twice",
                    pair[0].target,
                    pair[0].path.display()
                ),
            )
            .help("make the `path` pattern unique per namespace or locale; a namespace id can also make a path another file has (`index`, `lib`): rename the namespace");
            let d = point(catalog, d, [&pair[0], &pair[1]], "and so does this one");
            causes.found.push(d);
        }
    }
    causes.found
}

/// The errors about paths made twice, one per cause: the two `files:` patterns and
/// the namespaces whose ids went into them.
#[derive(Default)]
struct Causes {
    seen: std::collections::HashSet<[(usize, Option<Span>); 2]>,
    found: Vec<Diagnostic>,
}

impl Causes {
    /// Whether `a` and `b` meet for a cause not reported yet.
    fn first(&mut self, a: &Rendered, b: &Rendered) -> bool {
        self.seen
            .insert([(a.spec, a.namespace), (b.spec, b.namespace)])
    }
}

/// `d` at the `path:` pattern of `pair[1]`, and at `pair[0]`'s when it is another.
fn point(catalog: &Catalog, mut d: Diagnostic, pair: [&Rendered; 2], also: &str) -> Diagnostic {
    let pattern = |r: &Rendered| {
        let target = catalog.targets.iter().find(|t| t.id == r.target)?;
        target.files.get(r.spec)?.path_span
    };
    let (first, second) = (pattern(pair[0]), pattern(pair[1]));
    if let Some(span) = second.or(first) {
        d = d.at(span, format!("renders {}", pair[1].path.display()));
    }
    if let (Some(a), Some(b)) = (first, second)
        && a != b
    {
        d = d.related(a, also);
    }
    for r in pair {
        if let Some(span) = r.namespace {
            d = d.related(
                span,
                format!("this namespace's file is {}", r.path.display()),
            );
        }
    }
    d
}

/// Each file whose path is another file's directory, with that other file.
fn file_and_dir(files: &[Rendered]) -> Vec<(&Rendered, &Rendered)> {
    let index: std::collections::HashMap<&Path, &Rendered> =
        files.iter().map(|r| (r.path.as_path(), r)).collect();
    files
        .iter()
        .filter_map(|inner| {
            let outer = inner.path.ancestors().skip(1).find_map(|a| index.get(a))?;
            Some((*outer, inner))
        })
        .collect()
}

/// One file's context: the template values it sees. A `tera::Value` clone is a
/// reference count, so what several files read is built once.
#[derive(Clone, Copy)]
struct FileContext<'a> {
    catalog: &'a Value,
    namespace: Option<&'a Value>,
    locale: Option<&'a Value>,
    namespaces: Option<&'a Value>,
    codes: Option<&'a Value>,
    parts: Option<&'a Value>,
    /// Bytes the file is known to take at least (its parts): its text is made that
    /// large at once instead of growing by doubling (a 60 MB file would take 190 MB).
    size_hint: usize,
}

impl<'a> FileContext<'a> {
    /// A file's context with `catalog` only; the others are set per kind of file.
    fn of(catalog: &'a Value) -> Self {
        FileContext {
            catalog,
            namespace: None,
            locale: None,
            namespaces: None,
            codes: None,
            parts: None,
            size_hint: 0,
        }
    }

    fn tera(&self) -> tera::Context {
        let mut c = tera::Context::new();
        c.insert_value("catalog", self.catalog.clone());
        let mut put = |key: &'static str, v: Option<&Value>| {
            if let Some(v) = v {
                c.insert_value(key, v.clone());
            }
        };
        put("namespace", self.namespace);
        put("locale", self.locale);
        put("namespaces", self.namespaces);
        put("codes", self.codes);
        put("parts", self.parts);
        c
    }
}

/// A small view as a template value, every field kept.
fn whole_value<T: Serialize>(target: &Target, v: &T) -> Result<Value, Box<Diagnostic>> {
    Value::try_from_serializable(v)
        .map_err(|e| template_error(target, "building the template context", &e))
}

/// A file spec with the names its templates use.
struct Spec<'a> {
    index: usize,
    spec: &'a FileSpec,
    /// What its template and its part template read: the fields its values keep.
    names: Names,
    /// What its template itself reads.
    own: Names,
}

impl Spec<'_> {
    fn value<T: Serialize>(&self, target: &Target, v: &T) -> Result<Value, Box<Diagnostic>> {
        fields::to_value(v, &self.names)
            .map_err(|e| template_error(target, "building the template context", &e))
    }

    /// Whether the file is rendered once per catalog or locale and its template lists `what`.
    fn lists(&self, what: &str) -> bool {
        matches!(self.spec.each, Each::Catalog | Each::Locale) && self.own.reads_variable(what)
    }
}

/// Whether some template or path pattern of `target` names the view field `field`:
/// the identifiers it makes are the target's only when its templates write them.
pub fn names_field(target: &Target, field: &str) -> bool {
    // Asked per namespace: only a text that holds the word can name it, so only those are scanned.
    let texts = target
        .templates
        .values()
        .chain(target.files.iter().map(|f| &f.path));
    texts.filter(|t| t.contains(field)).any(|t| {
        let mut names = Names::default();
        names.add(t);
        names.contains(field)
    })
}

/// Renders one target of `catalog` (files in rendering order, paths relative to its output directory).
pub fn render_target(
    catalog: &Catalog,
    target: &Target,
    threads: usize,
) -> Result<Vec<Rendered>, Box<Diagnostic>> {
    render_reusing(catalog, target, threads, &Reuse::default(), &[])
}

/// [`render_target`], taking what `reuse` allows from the last clean run;
/// `namespace_keys` holds each namespace's [`reuse::namespace_key`] (empty when files
/// are not keyed).
fn render_reusing(
    catalog: &Catalog,
    target: &Target,
    threads: usize,
    reuse: &Reuse,
    namespace_keys: &[u64],
) -> Result<Vec<Rendered>, Box<Diagnostic>> {
    let tera = engine(target)?;
    // Values keep only the fields the templates name. When a render fails, it runs
    // again with every field: then an error lists the fields there really are, and a
    // template that reached a field through a computed key (`e[name]`) still renders.
    let keyed = Keyed {
        reuse,
        namespaces: namespace_keys,
    };
    render_with(catalog, target, threads, &tera, &keyed, false)
        .or_else(|_| render_with(catalog, target, threads, &tera, &keyed, true))
}

/// What the last clean run left, and the keys of this run's namespaces.
struct Keyed<'a> {
    reuse: &'a Reuse,
    namespaces: &'a [u64],
}

fn render_with(
    catalog: &Catalog,
    target: &Target,
    threads: usize,
    tera: &tera::Tera,
    keyed: &Keyed,
    every_field: bool,
) -> Result<Vec<Rendered>, Box<Diagnostic>> {
    let reuse = keyed.reuse;
    let scans = scan::Scans::of(target);
    let specs: Vec<Spec> = target
        .files
        .iter()
        .enumerate()
        .map(|(index, spec)| {
            let own = if every_field {
                Names::everything()
            } else {
                Names::of_file(&scans, spec)
            };
            Spec {
                index,
                spec,
                names: Names::union([&own, &Names::of_parts(&scans, spec)]),
                own,
            }
        })
        .collect();
    // Asked per field of every code: one set, not one per file.
    let any_file = Names::union(specs.iter().map(|s| &s.names));
    let wanted = |field: &str| any_file.contains(field);
    let views = Views::only(catalog, target, &wanted);
    let cat_view = views.catalog(target);
    let cat = whole_value(target, &cat_view)?;
    let locales = cat_view
        .locales
        .iter()
        .map(|l| whole_value(target, l))
        .collect::<Result<Vec<_>, _>>()?;
    let (per_namespace, per_catalog): (Vec<&Spec>, Vec<&Spec>) = specs
        .iter()
        .partition(|s| matches!(s.spec.each, Each::Namespace | Each::NamespaceLocale));
    let listing: Vec<&Spec> = per_catalog
        .iter()
        .copied()
        .filter(|s| s.lists("namespaces"))
        .collect();
    let with_parts: Vec<&Spec> = per_catalog
        .iter()
        .copied()
        .filter(|s| s.spec.parts.is_some())
        .collect();
    let (by_codes, by_namespace): (Vec<&Spec>, Vec<&Spec>) = with_parts
        .iter()
        .partition(|s| s.spec.parts_by == PartsBy::Codes);
    // A namespace listed, but with no file or part of its own to render (all taken from
    // the last clean run), is listed from a view without the entries no listing reads.
    let lists_entries = listing.iter().any(|s| s.names.contains("entries"));
    let listed = |field: &str| wanted(field) && (field != "entries" || lists_entries);
    let listing_views = Views::only(catalog, target, &listed);
    // Parts per namespace are keyed as the files of a namespace are, over the catalog
    // value they see (all of it).
    let part_keys: Vec<Option<u64>> = by_namespace
        .iter()
        .map(|s| reuse.spec_key(&target.id, s.index, every_field, &cat))
        .collect();

    // A file rendered per namespace sees the catalog with only the fields its
    // templates name, as its namespace: its key then covers all it can read.
    let namespace_specs = per_namespace
        .iter()
        .map(|s| {
            let cat = s.value(target, &cat_view)?;
            let key = reuse.spec_key(&target.id, s.index, every_field, &cat);
            Ok((*s, cat, key))
        })
        .collect::<Result<Vec<_>, Box<Diagnostic>>>()?;
    // A namespace's view is built once, on one thread, and only when needed: its files
    // are rendered from it (those kept from the last run need none), and the
    // catalog-wide files that list every namespace keep what they read of it.
    let namespaces: Vec<(&Namespace, Option<u64>)> = catalog
        .namespaces
        .iter()
        .enumerate()
        .map(|(i, n)| (n, keyed.namespaces.get(i).copied()))
        .collect();
    let done = par::map(threads, &namespaces, |&(n, namespace_key)| {
        let mut view = None;
        let mut files = Vec::new();
        for (s, cat, spec_key) in &namespace_specs {
            let copies: Vec<Option<(usize, &Value)>> = match s.spec.each {
                Each::Namespace => vec![None],
                _ => locales.iter().enumerate().map(Some).collect(),
            };
            let mut ns = None;
            for copy in copies {
                let key = spec_key
                    .zip(namespace_key)
                    .map(|(spec, namespace)| reuse::file_key(spec, copy.map(|c| c.0), namespace));
                if let Some(path) = key.and_then(|k| reuse.intact(k)) {
                    files.push(Rendered {
                        target: target.id.clone(),
                        path: path.to_path_buf(),
                        text: String::new(),
                        template: s.spec.template.clone(),
                        spec: s.index,
                        namespace: Some(n.span),
                        key,
                        reused: true,
                        parts: Vec::new(),
                        parts_taken: 0,
                    });
                    continue;
                }
                let view = view.get_or_insert_with(|| views.namespace(n));
                if ns.is_none() {
                    ns = Some(s.value(target, &*view)?);
                }
                let cx = FileContext {
                    namespace: ns.as_ref(),
                    locale: copy.map(|c| c.1),
                    ..FileContext::of(cat)
                };
                let f = render_file(tera, target, s, &cx).map_err(|d| rendered_for(d, n))?;
                files.push(Rendered {
                    namespace: Some(n.span),
                    key,
                    ..f
                });
            }
        }
        // A catalog file's parts for this namespace, taken from the last clean run or
        // rendered here while its view is at hand: the file then holds text, not every
        // namespace's values.
        let mut parts = Vec::new();
        for (s, part_key) in by_namespace.iter().zip(&part_keys) {
            parts.push(keyed_part(
                reuse,
                s,
                locales.len(),
                part_key.zip(namespace_key),
                || {
                    let view = view.get_or_insert_with(|| views.namespace(n));
                    render_parts(tera, target, s, &cat, &locales, &*view)
                },
            )?);
        }
        let kept = listing
            .iter()
            .map(|s| match &view {
                Some(full) => s.value(target, full),
                None => s.value(target, &listing_views.namespace(n)),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok::<_, Box<Diagnostic>>((files, kept, parts))
    });
    let mut out = Vec::new();
    let mut lists: Vec<Vec<Value>> = vec![Vec::new(); listing.len()];
    // Per file with parts: per copy of the file (one, or one per locale), its parts
    // with their keys. Each copy's list exists even when no part comes (a target may
    // render none).
    let mut parts: Vec<Vec<Vec<Part>>> = with_parts
        .iter()
        .map(|s| match s.spec.each {
            Each::Locale => vec![Vec::new(); locales.len()],
            _ => vec![Vec::new()],
        })
        .collect();
    let mut collect = |spec_parts: Vec<Vec<Part>>, specs: &[&Spec]| {
        for (s, copies) in specs.iter().zip(spec_parts) {
            let i = position(s, &with_parts).unwrap_or_default();
            for (all, part) in parts[i].iter_mut().zip(copies) {
                all.push(part);
            }
        }
    };
    for result in done {
        let (files, kept, rendered) = result?;
        out.extend(files);
        for (list, v) in lists.iter_mut().zip(kept) {
            list.push(v);
        }
        collect(rendered, &by_namespace);
    }
    if !by_codes.is_empty() {
        // The code lookup in runs, each run's values built, rendered and dropped on
        // one thread: at 100k codes the whole lookup as values would be the largest
        // thing in memory.
        let index = views.code_index();
        let runs: Vec<&[view::CodeAt]> = index.chunks(PartsBy::CODES_PER_PART).collect();
        // A run is keyed as a namespace's part is, over the namespaces its codes come
        // from: a run without one of the edited namespace's codes is taken as it was.
        let spec_keys: Vec<Option<u64>> = by_codes
            .iter()
            .map(|s| reuse.spec_key(&target.id, s.index, every_field, &cat))
            .collect();
        for rendered in par::map(threads, &runs, |run| {
            let run_key = reuse::run_key(run, keyed.namespaces);
            let mut codes = None;
            by_codes
                .iter()
                .zip(&spec_keys)
                .map(|(s, spec_key)| {
                    keyed_part(reuse, s, locales.len(), spec_key.zip(run_key), || {
                        let codes = codes.get_or_insert_with(|| views.code_views(run));
                        render_parts(tera, target, s, &cat, &locales, &*codes)
                    })
                })
                .collect::<Result<Vec<_>, Box<Diagnostic>>>()
        }) {
            collect(rendered?, &by_codes);
        }
    }
    let lists: Vec<Value> = lists.into_iter().map(Value::from).collect();
    let parts: Vec<Vec<Joined>> = parts
        .into_iter()
        .map(|copies| copies.into_iter().map(Joined::new).collect())
        .collect();
    let codes_view = per_catalog
        .iter()
        .any(|s| s.lists("codes"))
        .then(|| views.codes(threads));

    let mut jobs = Vec::new();
    for s in &per_catalog {
        let namespaces = position(s, &listing).map(|i| &lists[i]);
        let own_parts = position(s, &with_parts).map(|i| &parts[i]);
        let codes = match &codes_view {
            // One value per code, made on every core: at 100k codes this list is
            // the largest value a file reads.
            Some(c) if s.lists("codes") => Some(Value::from(
                par::map(threads, &par::chunks(c, threads), |chunk| {
                    chunk
                        .iter()
                        .map(|code| s.value(target, code))
                        .collect::<Result<Vec<_>, _>>()
                })
                .into_iter()
                .collect::<Result<Vec<_>, _>>()?
                .concat(),
            )),
            _ => None,
        };
        let copy_parts = |i: usize| own_parts.and_then(|p| p.get(i));
        if s.spec.each == Each::Locale {
            jobs.extend(
                locales
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (*s, Some(l), namespaces, codes.clone(), copy_parts(i))),
            );
        } else {
            jobs.push((*s, None, namespaces, codes, copy_parts(0)));
        }
    }
    for file in par::map(threads, &jobs, |(s, locale, namespaces, codes, parts)| {
        let cx = FileContext {
            locale: *locale,
            namespaces: *namespaces,
            codes: codes.as_ref(),
            parts: parts.map(|p| &p.value),
            size_hint: parts.map_or(0, |p| p.len),
            ..FileContext::of(&cat)
        };
        let mut file = render_file(tera, target, s, &cx)?;
        if let Some(p) = parts {
            file.parts = p.find_in(&file.text);
            file.parts_taken = p.taken;
        }
        Ok::<_, Box<Diagnostic>>(file)
    }) {
        out.push(file?);
    }
    Ok(out)
}

/// One part of file `s` in each of its copies (one, or one per locale), keyed over
/// `keys` (its spec's, and its namespace's or run's): taken from the last clean run
/// when every copy's part is there, else rendered.
fn keyed_part(
    reuse: &Reuse,
    s: &Spec,
    locales: usize,
    keys: Option<(u64, u64)>,
    render: impl FnOnce() -> Result<Vec<String>, Box<Diagnostic>>,
) -> Result<Vec<Part>, Box<Diagnostic>> {
    let copies: Vec<Option<usize>> = match s.spec.each {
        Each::Locale => (0..locales).map(Some).collect(),
        _ => vec![None],
    };
    let keys: Vec<Option<u64>> = copies
        .iter()
        .map(|&copy| keys.map(|(spec, of)| reuse::file_key(spec, copy, of)))
        .collect();
    let taken: Option<Vec<String>> = keys
        .iter()
        .map(|k| k.and_then(|k| reuse.take_part(k)))
        .collect();
    let (texts, was_taken) = match taken {
        Some(texts) => (texts, true),
        None => (render()?, false),
    };
    Ok(keys
        .into_iter()
        .zip(texts)
        .map(|(k, t)| (k, t, was_taken))
        .collect())
}

/// Where file `s` is in `specs`.
fn position(s: &Spec, specs: &[&Spec]) -> Option<usize> {
    specs.iter().position(|x| x.index == s.index)
}

/// A file's part from `view` (a namespace, or a run of codes, as the file's
/// `parts_by` says): rendered once, or once per locale for a file rendered per locale.
fn render_parts<T: Serialize>(
    tera: &tera::Tera,
    target: &Target,
    s: &Spec,
    cat: &Value,
    locales: &[Value],
    view: &T,
) -> Result<Vec<String>, Box<Diagnostic>> {
    let value = s.value(target, view)?;
    let part = s.spec.parts.as_deref().unwrap_or_default();
    let render = |locale| {
        let base = FileContext {
            locale,
            ..FileContext::of(cat)
        };
        let cx = match s.spec.parts_by {
            PartsBy::Namespace => FileContext {
                namespace: Some(&value),
                ..base
            },
            PartsBy::Codes => FileContext {
                codes: Some(&value),
                ..base
            },
        };
        let what = format!("template `{part}`");
        watched(tera, target, part, &cx.tera(), 0).map_err(|f| failed(target, &what, part, f))
    };
    if s.spec.each == Each::Locale {
        locales.iter().map(|l| render(Some(l))).collect()
    } else {
        Ok(vec![render(None)?])
    }
}

/// [`capped::render`] of `name`, which [`watch`] names should it not finish in time.
fn watched(
    tera: &tera::Tera,
    target: &Target,
    name: &str,
    ctx: &tera::Context,
    hint: usize,
) -> Result<String, capped::Failed> {
    let _under_way = watch::rendering(target, name);
    capped::render(tera, name, ctx, hint)
}

/// Renders one file: its path pattern, then its template.
fn render_file(
    tera: &tera::Tera,
    target: &Target,
    s: &Spec,
    cx: &FileContext,
) -> Result<Rendered, Box<Diagnostic>> {
    let spec = s.spec;
    let ctx = cx.tera();
    let path = path_template(s.index);
    let rel = watched(tera, target, &path, &ctx, 0)
        .map_err(|f| failed(target, &format!("output path `{}`", spec.path), &path, f))?;
    let rel = clean_path(target, spec, &rel)?;
    // Room for the parts, the file's own text and the checksum stamp.
    let hint = if cx.size_hint == 0 {
        0
    } else {
        cx.size_hint + (64 << 10)
    };
    let mut text = watched(tera, target, &spec.template, &ctx, hint).map_err(|f| {
        let what = format!("template `{}`", spec.template);
        failed(target, &what, &spec.template, f)
    })?;
    if !text.lines().take(5).any(|l| l.contains(view::MARKER)) {
        let mut d = Diagnostic::new(&rules::TEMPLATE, format!("template `{}` of target `{}` does not start with the generated-file header", spec.template, target.id))
            .help("put `{{ catalog.header }}` in its first lines: errcat only ever modifies or removes files that carry it");
        let first_line = target
            .templates
            .get(&spec.template)
            .and_then(|t| t.lines().next());
        let width = first_line.map_or(1, |l| l.chars().count());
        if let Some(span) = locate(target, &spec.template, 1, 1, width) {
            d = d.at(span, "no header in the first five lines of its output");
        }
        return Err(Box::new(d));
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(Rendered {
        target: target.id.clone(),
        path: rel,
        text,
        template: spec.template.clone(),
        spec: s.index,
        namespace: None,
        key: None,
        reused: false,
        parts: Vec::new(),
        parts_taken: 0,
    })
}

/// `with` over `base`: maps merge key by key; anything else replaces.
fn merged(base: &tera::Map, with: &tera::Map) -> tera::Map {
    let mut out = base.clone();
    for (k, v) in with {
        let value = match (out.get(k).and_then(tera::Value::as_map), v.as_map()) {
            (Some(b), Some(w)) => tera::Value::from(merged(b, w)),
            _ => v.clone(),
        };
        out.insert(k.clone(), value);
    }
    out
}

fn path_template(index: usize) -> String {
    format!("__path_{index}")
}

/// One Tera instance per target: its templates, its path patterns, no autoescaping
/// (escaping is done per language in the views).
fn engine(target: &Target) -> Result<tera::Tera, Box<Diagnostic>> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    // `x | lit`: any string as a literal of the target language (options, ids, paths);
    // `x | lit(style="toml")` in a named escape style, for a file in another language
    // (a docs target's TOML configuration).
    let profile = target.profile.clone();
    tera.register_filter(
        "lit",
        move |s: &str, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let Some(name) = kwargs.get::<&str>("style")? else {
                return Ok(profile.string(s));
            };
            match crate::naming::StringStyle::NAMED
                .iter()
                .find(|(n, _)| *n == name)
            {
                Some((_, style)) => Ok(style.literal(s)),
                None => Err(tera::Error::message(format!(
                    "`lit` has no style `{name}`; the styles are {}",
                    crate::naming::StringStyle::NAMED.map(|(n, _)| n).join(", ")
                ))),
            }
        },
    );
    // `x | count(pat="…")`: how often `pat` occurs in `x`, without the array of
    // pieces that `split | length` builds (templates ask it per literal).
    tera.register_filter(
        "count",
        |s: &str, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<usize> {
            let pat = kwargs.must_get::<&str>("pat")?;
            if pat.is_empty() {
                return Err(tera::Error::message("`count` needs a non-empty `pat`"));
            }
            Ok(s.matches(pat).count())
        },
    );
    // `a | merge(with=b)`: map `b` over map `a`, key by key at every depth. A locale's
    // words over the default locale's: a word not yet translated falls back.
    tera.register_filter(
        "merge",
        |base: &tera::Map,
         kwargs: tera::Kwargs,
         _: &tera::State|
         -> tera::TeraResult<tera::Value> {
            let with = kwargs.must_get::<&tera::Map>("with")?;
            Ok(tera::Value::from(merged(base, with)))
        },
    );
    // `[[k, v], …] | from_pairs`: the map of those keys and values, the inverse of
    // Tera's `pairs`; with a list comprehension, a map made over another one's keys
    // (a page's words, each ready to print).
    tera.register_filter(
        "from_pairs",
        |pairs: &[tera::Value], _: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
            let mut out = tera::Map::with_capacity(pairs.len());
            for pair in pairs {
                match pair.as_array() {
                    Some([k, v]) if k.is_string() => {
                        let key = k.as_str().unwrap_or_default().to_owned();
                        out.insert(tera::value::Key::from(key), v.clone());
                    }
                    _ => {
                        return Err(tera::Error::message(format!(
                            "`from_pairs` takes a list of [key, value] pairs with a string key, not {pair}"
                        )));
                    }
                }
            }
            Ok(tera::Value::from(out))
        },
    );
    // `x | width`: the columns `x` takes in an editor (a wide CJK character takes two),
    // as code formatters count a line against their limit.
    tera.register_filter("width", |s: &str, _: tera::Kwargs, _: &tera::State| {
        unicode_width::UnicodeWidthStr::width(s)
    });
    let mut all: Vec<(String, String)> = target
        .templates
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    all.extend(
        target
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (path_template(i), f.path.clone())),
    );
    // Tera reads and renders includes and parents recursively: a chain too long for
    // the stack is refused first.
    if let Some(d) = nesting::too_deep(target) {
        return Err(Box::new(d));
    }
    tera.add_raw_templates(all)
        .map_err(|e| template_error(target, "reading its templates", &e))?;
    Ok(tera)
}

/// The rendered output path of `spec`, which must stay inside the target's output
/// directory and be a name every file system can hold: an error points at its `path:`.
fn clean_path(target: &Target, spec: &FileSpec, rel: &str) -> Result<PathBuf, Box<Diagnostic>> {
    let rel = rel.trim();
    // The part of the path to blame, and how a label names it.
    let invisible = |c: char| (c.to_string(), format!("U+{:04X}", u32::from(c)));
    // A path that ends in `/` (or `/.`) names a directory: the file would take its name.
    let names_a_directory = rel.ends_with('/') || rel == "." || rel.ends_with("/.");
    let checked = crate::load::check_relative(rel, "the target's output directory")
        .and_then(|()| {
            if names_a_directory {
                Err("names a directory (it ends with `/`), not a file".to_string())
            } else {
                Ok(())
            }
        })
        .map_err(|why| {
            (
                why,
                rel.chars()
                    .find(|&c| crate::naming::is_invisible(c))
                    .map(invisible),
            )
        })
        .and_then(|()| {
            crate::load::check_portable(rel).map_err(|(why, part)| {
                let shown = format!("`{}`", crate::naming::visible(&part));
                (why, Some((part, shown)))
            })
        });
    checked.map_err(|(why, culprit)| {
        let mut d = Diagnostic::new(
            &rules::BAD_PATH,
            format!(
                "target `{}` renders an output path `{}` that {why}",
                target.id,
                crate::naming::visible(rel)
            ),
        );
        if let Some(span) = spec.path_span {
            d = d.at(span, "this path pattern");
        }
        if let Some((part, shown)) = culprit {
            d = at_options(d, target, |text| text.contains(&part), &shown);
        }
        Box::new(d)
    })?;
    Ok(Path::new(rel).components().collect())
}

/// `d` also at each string option of `target` whose value `made` the bad part of an
/// output path (where it was set: the catalog, or the target.yaml's default), labelled
/// "option `x` holds {shown}" (`{}` in `shown` is the value).
fn at_options(
    mut d: Diagnostic,
    target: &Target,
    made: impl Fn(&str) -> bool,
    shown: &str,
) -> Diagnostic {
    for (name, value) in &target.options {
        if let (Some(text), Some(span)) = (value.as_str(), target.option_spans.get(name))
            && made(text)
        {
            let shown = shown.replace("{}", text);
            d = d.related(*span, format!("option `{name}` holds {shown}"));
        }
    }
    d
}

/// An output path error of a file rendered for namespace `n` also points at the
/// namespace, whose id made the path.
fn rendered_for(d: Box<Diagnostic>, n: &crate::model::Namespace) -> Box<Diagnostic> {
    if d.rule != rules::BAD_PATH.id {
        return d;
    }
    let label = format!("rendered for namespace `{}`", n.id);
    Box::new(match d.primary {
        Some(_) => d.related(n.span, label),
        None => d.at(n.span, label),
    })
}

/// The diagnostic for a failed step of a target: `what` is a template
/// ("template \`x.tera\`") or a step ("reading its templates").
/// The finding for a render of template `name` (`what` in words) that failed.
fn failed(target: &Target, what: &str, name: &str, f: capped::Failed) -> Box<Diagnostic> {
    match f {
        capped::Failed::Tera(e) => template_error(target, what, &e),
        capped::Failed::TooLarge => capped::too_large(target, what, locate(target, name, 1, 1, 1)),
    }
}

fn template_error(target: &Target, what: &str, e: &tera::Error) -> Box<Diagnostic> {
    // A syntax or rendering error in a template file: point into the file itself, so
    // every output format (human, JSON, GitHub) carries its path, line and column.
    if let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = e.kind()
        && let Some(span) = {
            let s = r.span();
            let width = if s.end_line == s.start_line {
                s.end_col.saturating_sub(s.start_col)
            } else {
                1
            };
            locate(target, r.filename(), s.start_line, s.start_col + 1, width)
        }
    {
        // A missing end tag: Tera names where it gave up, not the tag left open.
        if matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
            && let Some(d) = unclosed::diagnose(target, what, r.filename(), span, r.message())
        {
            return Box::new(d);
        }
        // "Field `x` is not defined. Available fields: a, b": the list is help.
        let (message, help) = match r.message().split_once(". Available fields: ") {
            Some((message, fields)) => {
                let fields: Vec<&str> = fields.split(", ").collect();
                let wanted = message.split('`').nth(1).unwrap_or("");
                let help = match crate::load::suggest(wanted, &fields) {
                    Some(s) => format!("did you mean `{s}`? (fields: {})", fields.join(", ")),
                    None => format!("fields: {}", fields.join(", ")),
                };
                (message, Some(help))
            }
            None => (r.message(), None),
        };
        let mut d = Diagnostic::new(
            &rules::TEMPLATE,
            format!("target `{}`: {what} failed: {message}", target.id),
        )
        .at(span, "here");
        if let Some(h) = help {
            d = d.help(h);
        }
        return Box::new(d);
    }
    // A loop of includes or parents, or component calls without end: Tera names
    // templates only, so find the tag that closes the loop.
    let looped = match e.kind() {
        tera::ErrorKind::CircularInclude { include_chain, .. } => {
            nesting::loop_through(target, what, nesting::Through::Include, include_chain)
        }
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => {
            let chain: Vec<String> = std::iter::once(tpl.clone())
                .chain(inheritance_chain.iter().cloned())
                .collect();
            nesting::loop_through(target, what, nesting::Through::Extends, &chain)
        }
        tera::ErrorKind::Msg(text) if text.contains("recursion depth for components") => {
            nesting::runaway_components(target, what)
        }
        tera::ErrorKind::Msg(text) => components::defined_twice(target, what, text),
        _ => None,
    };
    if let Some(d) = looped {
        return Box::new(d);
    }
    // Tera checks every template's filters, tests, functions, components and includes
    // at once and joins its reports as text ("error: …\n --> name:line:col\n…"):
    // the first becomes the diagnostic, the others related labels.
    if let tera::ErrorKind::Msg(text) = e.kind() {
        let mut located = text.split("\n\n").filter_map(|report| {
            let (message, name, line, column, width) = tera_report(report)?;
            Some((message, locate(target, name, line, column, width)?))
        });
        if let Some((message, span)) = located.next() {
            let mut d = Diagnostic::new(
                &rules::TEMPLATE,
                format!("target `{}`: {what} failed: {message}", target.id),
            )
            .at(span, "here");
            for (message, span) in located {
                d = d.related(span, message);
            }
            return Box::new(d);
        }
    }
    // Tera nests the real cause; show the whole chain.
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(&format!("\n  caused by: {s}"));
        src = s.source();
    }
    // Tera knows templates by name; show the file each came from (the project's
    // override or errcat's built-in one) so the location can be opened.
    for (name, origin) in &target.template_origins {
        msg = msg.replace(
            &format!("--> {name}:"),
            &format!("--> {}:", origin.display()),
        );
    }
    Box::new(Diagnostic::new(
        &rules::TEMPLATE,
        format!("target `{}`: {what} failed: {msg}", target.id),
    ))
}

/// Where Tera's position (1-based line and column, a width in characters) in the
/// template named `name` is: in the template's file, or, for an output path pattern,
/// the `path:` value that declared it.
fn locate(target: &Target, name: &str, line: usize, column: usize, width: usize) -> Option<Span> {
    if let Some(index) = name.strip_prefix("__path_") {
        return target.files.get(index.parse::<usize>().ok()?)?.path_span;
    }
    let file = *target.template_files.get(name)?;
    let text = target.templates.get(name)?;
    let (line, column) = (u32::try_from(line).ok()?, u32::try_from(column).ok()?);
    let start = crate::source::offset_of(text, line.max(1), column.max(1));
    let end = text[start..]
        .char_indices()
        .nth(width.max(1))
        .map_or(text.len(), |(b, _)| start + b);
    Some(Span {
        file,
        line: line.max(1),
        column: column.max(1),
        start,
        end,
    })
}

/// One report of Tera's text form: its message, template name, line, column (both
/// 1-based) and the width of its underline.
fn tera_report(report: &str) -> Option<(&str, &str, usize, usize, usize)> {
    let mut lines = report.lines();
    let message = lines.next()?.strip_prefix("error: ")?;
    let at = lines.next()?.trim_start().strip_prefix("--> ")?;
    let (rest, column) = at.rsplit_once(':')?;
    let (name, line) = rest.rsplit_once(':')?;
    let width = lines.last().map_or(1, |l| l.matches('^').count().max(1));
    Some((
        message,
        name,
        line.parse().ok()?,
        column.parse().ok()?,
        width,
    ))
}
