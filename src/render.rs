//! Rendering: the pure core. Model in, `(path, text)` pairs out; nothing touches the disk.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::{Diagnostic, Report};
use crate::model::{Catalog, Each, Target};
use crate::rules;
use crate::view::{self, CatalogView, CodeView, LocaleView, NamespaceView, Views};

/// One rendered file, with its path relative to the target's output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub target: String,
    pub path: PathBuf,
    pub text: String,
}

/// Renders every target of `catalog`. On any template error nothing is returned but the report.
pub fn generate(catalog: &Catalog) -> Result<Vec<Rendered>, Report> {
    let mut out = Vec::new();
    let mut report = Report::default();
    for target in &catalog.targets {
        match render_target(catalog, target) {
            Ok(files) => out.extend(files),
            Err(d) => report.push(*d),
        }
    }
    if report.has_errors() {
        return Err(report);
    }
    out.sort_by(|a, b| (&a.target, &a.path).cmp(&(&b.target, &b.path)));
    for pair in out.windows(2) {
        if pair[0].target == pair[1].target && pair[0].path == pair[1].path {
            report.push(
                Diagnostic::new(
                    &rules::TEMPLATE,
                    format!(
                        "target `{}` renders {} twice",
                        pair[0].target,
                        pair[0].path.display()
                    ),
                )
                .help("make the file's `path` pattern unique per namespace or locale"),
            );
        }
    }
    if report.has_errors() {
        Err(report)
    } else {
        Ok(out)
    }
}

#[derive(Serialize)]
struct FileContext<'a> {
    catalog: &'a CatalogView,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespace: Option<&'a NamespaceView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespaces: Option<&'a [NamespaceView]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<&'a LocaleView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    codes: Option<&'a [CodeView]>,
}

fn render_target(catalog: &Catalog, target: &Target) -> Result<Vec<Rendered>, Box<Diagnostic>> {
    let tera = engine(target)?;
    let views = Views::new(catalog, target);
    let cat = views.catalog(target);
    let needs_all = target
        .files
        .iter()
        .any(|f| matches!(f.each, Each::Catalog | Each::Locale));
    let namespaces: Vec<NamespaceView> = catalog
        .namespaces
        .iter()
        .map(|n| views.namespace(n))
        .collect();
    let codes = if needs_all { views.codes() } else { Vec::new() };
    let mut out = Vec::new();
    for (i, spec) in target.files.iter().enumerate() {
        let path_tpl = format!("__path_{i}");
        let mut contexts: Vec<FileContext> = Vec::new();
        let whole = |locale| FileContext {
            catalog: &cat,
            namespace: None,
            namespaces: Some(&namespaces),
            locale,
            codes: Some(&codes),
        };
        match spec.each {
            Each::Catalog => contexts.push(whole(None)),
            Each::Locale => contexts.extend(cat.locales.iter().map(|l| whole(Some(l)))),
            Each::Namespace => contexts.extend(namespaces.iter().map(|n| FileContext {
                catalog: &cat,
                namespace: Some(n),
                namespaces: None,
                locale: None,
                codes: None,
            })),
            Each::NamespaceLocale => {
                for n in &namespaces {
                    for l in &cat.locales {
                        contexts.push(FileContext {
                            catalog: &cat,
                            namespace: Some(n),
                            namespaces: None,
                            locale: Some(l),
                            codes: None,
                        });
                    }
                }
            }
        }
        for fcx in contexts {
            let ctx = tera::Context::from_serialize(&fcx)
                .map_err(|e| template_error(target, &spec.template, &e))?;
            let rel = tera
                .render(&path_tpl, &ctx)
                .map_err(|e| template_error(target, &spec.path, &e))?;
            let rel = clean_path(target, &rel)?;
            let mut text = tera
                .render(&spec.template, &ctx)
                .map_err(|e| template_error(target, &spec.template, &e))?;
            if !text.lines().take(5).any(|l| l.contains(view::MARKER)) {
                return Err(Box::new(
                    Diagnostic::new(&rules::TEMPLATE, format!("template `{}` of target `{}` does not start with the generated-file header", spec.template, target.id))
                        .help("put `{{ catalog.header }}` in its first lines: errcat only ever modifies or removes files that carry it"),
                ));
            }
            if !text.ends_with('\n') {
                text.push('\n');
            }
            out.push(Rendered {
                target: target.id.clone(),
                path: rel,
                text,
            });
        }
    }
    Ok(out)
}

/// One Tera instance per target: its templates, its path patterns, no autoescaping
/// (escaping is done per language in the views).
fn engine(target: &Target) -> Result<tera::Tera, Box<Diagnostic>> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    // `x | lit`: any string as a literal of the target language (options, ids, paths).
    let style = target.profile.strings;
    tera.register_filter("lit", move |s: &str, _: tera::Kwargs, _: &tera::State| {
        style.literal(s)
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
            .map(|(i, f)| (format!("__path_{i}"), f.path.clone())),
    );
    tera.add_raw_templates(all)
        .map_err(|e| template_error(target, "templates", &e))?;
    Ok(tera)
}

/// A rendered output path must stay inside the target's output directory.
fn clean_path(target: &Target, rel: &str) -> Result<PathBuf, Box<Diagnostic>> {
    let rel = rel.trim();
    crate::load::check_relative(rel).map_err(|why| {
        Diagnostic::new(
            &rules::BAD_PATH,
            format!(
                "target `{}` renders an output path `{rel}` that {why}",
                target.id
            ),
        )
    })?;
    Ok(Path::new(rel).components().collect())
}

fn template_error(target: &Target, what: &str, e: &tera::Error) -> Box<Diagnostic> {
    // Tera nests the real cause; show the whole chain.
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(&format!("\n  caused by: {s}"));
        src = s.source();
    }
    Box::new(Diagnostic::new(
        &rules::TEMPLATE,
        format!("target `{}`: template `{what}` failed: {msg}", target.id),
    ))
}
