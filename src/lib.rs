//! errcat: one YAML catalog of error codes, and everything generated from it.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML with positions) → [`validate`] (into the [`model`]) →
//! [`view`] (per-target names and literals, via [`naming`]) → [`render`]
//! (Tera templates, pure) → [`write`] (the only stage that touches the disk).
//! Findings are [`diag::Diagnostic`]s, each with a rule from [`rules`].

pub mod cache;
pub mod checksum;
pub mod cli;
pub mod completions;
pub mod console;
pub mod context_doc;
pub mod diag;
pub mod diff;
pub mod explain;
pub mod import;
pub mod init;
pub mod lint;
pub mod load;
pub mod model;
pub mod naming;
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
    let mut files = render::generate(catalog)?;
    // Hashing every byte of the output is worth every core on a large catalog.
    let sums = par::map(par::threads(), &files, |f| checksum::sum(&f.text));
    for (f, sum) in files.iter_mut().zip(sums) {
        if let Some((range, sum)) = sum {
            f.text.replace_range(range, &sum);
        }
    }
    Ok(files)
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
    mut report: diag::Report,
) -> Checked {
    let loaded = inputs.map(|i| i.parse(&sources, &mut report));
    let catalog = loaded
        .as_ref()
        .and_then(|l| validate::validate(l, &sources, &mut report));
    let catalog = if report.has_errors() { None } else { catalog };
    report.sort(&sources);
    Checked {
        sources,
        report,
        root: loaded.map(|l| l.root),
        catalog,
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
    let rendered = generate(catalog)?;
    let dir = |t: &model::Target| write::target_dir(root, &t.out_dir, &t.id, out_override);
    // A configured output directory must stay inside the root, symlinks included.
    if out_override.is_none() {
        let mut report = diag::Report::default();
        for t in &catalog.targets {
            if let Err(why) = load::inside(root, &dir(t)) {
                report.push(diag::Diagnostic::new(
                    &rules::BAD_PATH,
                    format!("the output directory of target `{}` {why}", t.id),
                ));
            }
        }
        if report.has_errors() {
            return Err(report);
        }
    }
    let dirs = catalog.targets.iter().map(dir).collect();
    // The file each template was read from: a project override or `<built-in>/…`.
    let origins = rendered
        .iter()
        .map(|r| {
            catalog
                .targets
                .iter()
                .find(|t| t.id == r.target)
                .and_then(|t| t.template_origins.get(&r.template))
                .map_or_else(
                    || format!("{}: {}", r.target, r.template),
                    |from| format!("{}: {}", r.target, from.display()),
                )
        })
        .collect();
    let files = rendered
        .into_iter()
        .map(|r| {
            let base = catalog
                .targets
                .iter()
                .find(|t| t.id == r.target)
                .map_or_else(PathBuf::new, dir);
            (base.join(&r.path), r.text)
        })
        .collect();
    Ok(Placed {
        files,
        dirs,
        origins,
    })
}
