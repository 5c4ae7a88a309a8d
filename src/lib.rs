//! errcat: one YAML catalog of error codes, and everything generated from it.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML with positions) → [`validate`] (into the [`model`]) →
//! [`view`] (per-target names and literals, via [`naming`]) → [`render`]
//! (Tera templates, pure) → [`write`] (the only stage that touches the disk).
//! Findings are [`diag::Diagnostic`]s, each with a rule from [`rules`].

// Every line goes through `output`: `print!` panics when the reader of a pipe has gone.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cache;
pub mod checksum;
pub mod cli;
pub mod completions;
pub mod console;
pub mod context_doc;
pub mod diag;
pub mod diff;
pub mod explain;
pub mod export;
pub mod fold;
pub mod github;
pub mod import;
pub mod init;
pub mod lint;
pub mod load;
pub mod model;
pub mod naming;
pub mod options_doc;
pub mod output;
pub mod par;
pub mod placeholder;
pub mod project;
pub mod render;
pub mod rules;
pub mod rules_doc;
pub mod schema;
pub mod source;
pub mod synth;
pub mod validate;
pub mod view;
pub mod write;

use std::path::{Path, PathBuf};

pub use render::Rendered;

/// Renders every target of a valid catalog: each file stamped with its checksum.
/// Pure: nothing is read or written.
pub fn generate(catalog: &model::Catalog) -> Result<Vec<Rendered>, diag::Report> {
    let mut out = Vec::new();
    generate_each(catalog, &render::Reuse::default(), &mut |files| {
        out.extend(files)
    })?;
    Ok(out)
}

/// A target's output, in bytes, below which its checksums are summed on one thread
/// (about a millisecond's hashing).
const SMALL_OUTPUT: usize = 1 << 20;

/// [`generate`], handing each target's stamped files to `sink` as they come (see
/// [`render::generate_each`]), and taking what `reuse` allows from the last clean run
/// (those files come without text).
pub fn generate_each(
    catalog: &model::Catalog,
    reuse: &render::Reuse,
    sink: &mut dyn FnMut(Vec<Rendered>),
) -> Result<(), diag::Report> {
    let threads = par::threads();
    render::generate_each(catalog, threads, reuse, &mut |mut files| {
        // Hashing every byte of the output is worth every core on a large catalog; a
        // small target's files take less time to hash than to start threads for.
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        let sums = match bytes < SMALL_OUTPUT {
            true => files.iter().map(|f| checksum::sum(&f.text)).collect(),
            false => par::map(threads, &files, |f| checksum::sum(&f.text)),
        };
        for (f, sum) in files.iter_mut().zip(sums) {
            if let Some((range, sum)) = sum {
                f.text.replace_range(range, &sum);
            }
        }
        sink(files);
    })
}

/// A catalog read and validated, with everything needed to report on it.
#[derive(Debug)]
pub struct Checked {
    pub sources: source::Sources,
    pub report: diag::Report,
    /// The project root the catalog's paths resolve against.
    pub root: Option<PathBuf>,
    /// The model, when the catalog has no error.
    pub catalog: Option<model::Catalog>,
    /// The model as far as validation built it, when the catalog has errors: entries
    /// with errors of their own may be missing from it. For a summary, never for output.
    pub with_errors: Option<model::Catalog>,
}

/// Loads and validates the catalog at `path`.
pub fn check(path: &Path) -> Checked {
    let mut sources = source::Sources::default();
    let mut report = diag::Report::default();
    let inputs = load::read_inputs(path, &mut sources, &mut report, true);
    check_inputs(inputs, sources, report)
}

/// Parses and validates inputs already read by [`load::read_inputs`].
pub fn check_inputs(
    inputs: Option<load::Inputs>,
    sources: source::Sources,
    report: diag::Report,
) -> Checked {
    check_inputs_with(
        inputs,
        sources,
        report,
        &mut validate::FileMemory::default(),
    )
}

/// [`check_inputs`], taking each namespace file's checks from `memory` when it knows
/// them (and, with `memory.learn`, giving it those of the others).
pub fn check_inputs_with(
    inputs: Option<load::Inputs>,
    sources: source::Sources,
    mut report: diag::Report,
    memory: &mut validate::FileMemory,
) -> Checked {
    let (loaded, catalog) = match inputs {
        Some(inputs) => {
            let (loaded, catalog) =
                validate::validate_inputs(inputs, &sources, &mut report, memory);
            (Some(loaded), catalog)
        }
        None => (None, None),
    };
    let (catalog, with_errors) = match report.has_errors() {
        true => (None, catalog),
        false => (catalog, None),
    };
    report.sort(&sources);
    Checked {
        sources,
        report,
        root: loaded.map(|l| l.root),
        catalog,
        with_errors,
    }
}

/// Rendered files placed on disk: what to write, and the directories the targets own.
#[derive(Debug)]
pub struct Placed {
    /// Absolute (or root-relative) path and content of every generated file.
    pub files: Vec<(PathBuf, String)>,
    /// Each target's output directory: stale generated files in them are removed.
    pub dirs: Vec<PathBuf>,
    /// For each file of `files`, its target and template: `rust: lib.rs.tera`.
    pub origins: Vec<String>,
}

/// Renders a checked catalog and maps each file to its place on disk.
pub fn render_to_paths(
    catalog: &model::Catalog,
    root: &Path,
    out_override: Option<&Path>,
) -> Result<Placed, diag::Report> {
    let mut files = Vec::new();
    let mut origins = Vec::new();
    let reuse = render::Reuse::default();
    let dirs = place_each(catalog, root, out_override, &reuse, &mut |placed| {
        for f in placed {
            files.push((f.path, f.text));
            origins.push(f.origin);
        }
    })?;
    Ok(Placed {
        files,
        dirs,
        origins,
    })
}

/// A rendered file placed on disk.
#[derive(Debug)]
pub struct PlacedFile {
    pub path: PathBuf,
    /// The path relative to its target's output directory.
    pub rel: PathBuf,
    /// Empty when `reused`.
    pub text: String,
    /// Where its template came from (`rust: <built-in>/rust/lib.rs.tera`, for `--verbose`).
    pub origin: String,
    /// What it was rendered from, hashed, for a file rendered per namespace (see
    /// [`render::reuse`]).
    pub key: Option<u64>,
    /// Taken from the last clean run as it is on disk, not rendered.
    pub reused: bool,
    /// For a file of keyed parts: where each part is in `text` (see [`render::reuse`]).
    pub parts: Vec<render::PartAt>,
    /// How many of its parts were taken from the last clean run.
    pub parts_taken: usize,
}

/// An output directory that is a file, or inside one: each of its files would be "in
/// the way" of it, and none of them names the `out:` to correct.
fn out_dir_in_a_file(t: &model::Target, dir: &Path, overridden: bool) -> diag::Report {
    let mut report = diag::Report::default();
    let Some(file) = dir.ancestors().find(|a| a.exists()).filter(|a| !a.is_dir()) else {
        return report;
    };
    let shown = load::display_path(dir);
    let what = if file == dir {
        format!("{}, is a file", shown.display())
    } else {
        format!(
            "{}, is inside a file ({})",
            shown.display(),
            load::display_path(file).display()
        )
    };
    let d = diag::Diagnostic::new(
        &rules::BAD_PATH,
        format!("the output directory of target `{}`, {what}", t.id),
    )
    .help("point `out:` at a directory, or at a path where errcat may create one");
    // `--out-dir` is no place in the catalog.
    report.push(if overridden {
        d
    } else {
        d.at(t.out_span, "named here")
    });
    report
}

/// Renders a checked catalog, handing each target's files, placed on disk, to
/// `sink` as they come. Returns the directories the targets own.
pub fn place_each(
    catalog: &model::Catalog,
    root: &Path,
    out_override: Option<&Path>,
    reuse: &render::Reuse,
    sink: &mut dyn FnMut(Vec<PlacedFile>),
) -> Result<Vec<PathBuf>, diag::Report> {
    let dir = |t: &model::Target| write::target_dir(root, &t.out_dir, &t.id, out_override);
    let mut report = diag::Report::default();
    // Targets whose directories are one, or one inside the other, through a link: each
    // would remove the other's files as stale (validation sees only the paths written).
    let real: Vec<PathBuf> = catalog
        .targets
        .iter()
        .map(|t| write::resolved(&dir(t)))
        .collect();
    for (i, t) in catalog.targets.iter().enumerate() {
        let Some(j) =
            (0..i).find(|&j| real[j].starts_with(&real[i]) || real[i].starts_with(&real[j]))
        else {
            continue;
        };
        let other = &catalog.targets[j];
        let shown = |t: &model::Target| load::display_path(&dir(t)).display().to_string();
        let (a, b) = (shown(other), shown(t));
        let how = if real[i] == real[j] {
            format!(
                "the same output directory, through a link ({a} and {b} both lead to {})",
                real[i].display()
            )
        } else {
            format!(
                "a nested output directory, through a link ({a} leads to {}, {b} to {})",
                real[j].display(),
                real[i].display()
            )
        };
        report.push(
            diag::Diagnostic::new(
                &rules::BAD_PATH,
                format!("targets `{}` and `{}` write to {how}", other.id, t.id),
            )
            .at(t.out_span, format!("`{}` writes here", t.id))
            .related(other.out_span, format!("`{}` writes here", other.id))
            .help("remove the link: each target removes the files in its directory that it no longer renders"),
        );
    }
    if report.has_errors() {
        return Err(report);
    }
    // A configured output directory must stay inside the root, symlinks included.
    if out_override.is_none() {
        for t in &catalog.targets {
            if let Err(why) = load::inside(root, &dir(t)) {
                report.push(
                    diag::Diagnostic::new(
                        &rules::BAD_PATH,
                        format!("the output directory of target `{}` {why}", t.id),
                    )
                    .at(t.out_span, "named here")
                    .help("the output directory, or a link on its way, leads out of the project: point `out:` inside it, or remove the link"),
                );
            }
        }
        if report.has_errors() {
            return Err(report);
        }
    }
    for t in &catalog.targets {
        report.extend(out_dir_in_a_file(t, &dir(t), out_override.is_some()));
    }
    if report.has_errors() {
        return Err(report);
    }
    let mut escaped = diag::Report::default();
    let mut inside = write::Inside::default();
    let mut in_the_way = write::InTheWay::new(owner(catalog, root));
    let mut reported = std::collections::HashSet::new();
    let mut linked = false;
    generate_each(catalog, reuse, &mut |rendered| {
        let placed = rendered
            .into_iter()
            .filter_map(|r| {
                let target = catalog.targets.iter().find(|t| t.id == r.target);
                let base = target.map_or_else(PathBuf::new, dir);
                // A symlink below the output directory (a cloned repository's
                // `generated/rust/src -> /elsewhere`) must not carry a write out of it.
                if let Err(real) = inside.check(&base, &r.path) {
                    // The first such file says it; the others go through the same link.
                    if !linked {
                        linked = true;
                        escaped.push(diag::Diagnostic::new(
                            &rules::BAD_PATH,
                            format!(
                                "{} of target `{}` would be written outside its output directory, through a link (to {})",
                                load::display_path(&base.join(&r.path)).display(),
                                r.target,
                                real.display()
                            ),
                        ).help("remove the link: errcat writes only inside each target's directory"));
                    }
                    return None;
                }
                // This catalog's stale output where the file goes is replaced; anything
                // else there is refused before a file is written, once per thing.
                if let Err(blocked) = in_the_way.check(&base, &r.path) {
                    if reported.insert(blocked.at.clone()) {
                        escaped.push(in_the_way_diagnostic(target, &r, &blocked));
                    }
                    return None;
                }
                // The file each template was read from: a project override or `<built-in>/…`.
                let origin = target
                    .and_then(|t| t.template_origins.get(&r.template))
                    .map_or_else(
                        || format!("{}: {}", r.target, r.template),
                        |from| format!("{}: {}", r.target, from.display()),
                    );
                Some(PlacedFile {
                    path: base.join(&r.path),
                    rel: r.path,
                    text: r.text,
                    origin,
                    key: r.key,
                    reused: r.reused,
                    parts: r.parts,
                    parts_taken: r.parts_taken,
                })
            })
            .collect();
        sink(placed);
    })?;
    if escaped.has_errors() {
        return Err(escaped);
    }
    Ok(target_dirs(catalog, root, out_override))
}

/// A rendered file whose place is taken by something errcat may not remove, at the
/// `path:` pattern that made it.
fn in_the_way_diagnostic(
    target: Option<&model::Target>,
    r: &Rendered,
    blocked: &write::Blocked,
) -> diag::Diagnostic {
    let shown = |p: &Path| load::display_path(p).display().to_string();
    let (at, culprit) = (shown(&blocked.at), shown(&blocked.culprit));
    let kind = if blocked.at.is_dir() {
        "directory"
    } else {
        "file"
    };
    let what = if blocked.culprit == blocked.at {
        format!("the {kind} {at} is in the way: it {}", blocked.why)
    } else {
        format!(
            "the {kind} {at} is in the way: {culprit} in it {}",
            blocked.why
        )
    };
    let mut d = diag::Diagnostic::new(
        &rules::BAD_PATH,
        format!(
            "target `{}` renders {}, but {what}",
            r.target,
            r.path.display()
        ),
    )
    .help(format!(
        "errcat replaces only its own stale output: move {at} away, or change the `path` pattern"
    ));
    if let Some(span) = target.and_then(|t| t.files.get(r.spec)?.path_span) {
        d = d.at(span, format!("renders {}", r.path.display()));
    }
    d
}

/// Who owns the generated files a run over `catalog` may replace or remove.
fn owner(catalog: &model::Catalog, root: &Path) -> write::Owner {
    write::Owner::of(&catalog.catalog_file, &catalog.id, root)
}

/// Each target's output directory.
pub fn target_dirs(
    catalog: &model::Catalog,
    root: &Path,
    out_override: Option<&Path>,
) -> Vec<PathBuf> {
    catalog
        .targets
        .iter()
        .map(|t| write::target_dir(root, &t.out_dir, &t.id, out_override))
        .collect()
}

/// Why [`stage`] stopped.
#[derive(Debug)]
pub enum StageError {
    /// A template failed: nothing was staged.
    Render(diag::Report),
    /// Reading or staging a file failed.
    Io(std::io::Error),
}

/// Renders a checked catalog and compares each file with the disk as it comes.
/// With `stage`, new and changed files are written to temporary siblings at once
/// (so a large catalog's output is never held whole) and the plan's [`write::apply`]
/// moves them into place; on any error they are removed again. `on_file` sees each
/// file (its text aside), in output order. This catalog's output outside every output
/// directory (in `previous`, the last clean run's, or tracked by git) is stale too,
/// unless `out_override` puts the output elsewhere for this run. A file `reuse` lets
/// the render take from the last clean run is unchanged.
pub fn stage(
    catalog: &model::Catalog,
    root: &Path,
    out_override: Option<&Path>,
    previous: &[PathBuf],
    reuse: &render::Reuse,
    stage: bool,
    on_file: &mut dyn FnMut(&PlacedFile),
) -> Result<write::Plan, StageError> {
    let mut stager = write::Stager::new(stage)
        .only_from(owner(catalog, root))
        .verified(reuse.verified().clone());
    let mut failed = None;
    let dirs = place_each(catalog, root, out_override, reuse, &mut |files| {
        for f in files {
            on_file(&f);
            if failed.is_some() {
                continue;
            }
            if f.reused {
                stager.keep(f.path);
            } else if let Err(e) = stager.add(f.path, f.text) {
                failed = Some(e);
            }
        }
    });
    match (dirs, failed) {
        (Ok(dirs), None) => {
            if out_override.is_none() {
                let elsewhere = write::elsewhere::candidates(root, &dirs, previous);
                stager = stager.elsewhere(elsewhere);
            }
            stager.finish(&dirs).map_err(StageError::Io)
        }
        (Err(report), _) => {
            stager.discard();
            Err(StageError::Render(report))
        }
        (Ok(_), Some(e)) => {
            stager.discard();
            Err(StageError::Io(e))
        }
    }
}
