//! Changes to the catalog file itself: its id, locales, default locale, docs URL,
//! surfaces and targets.

use super::locales::Locales;
use super::texts::edit_list;
use super::{Change, Kind, quoting};
use crate::console::count;
use crate::model::{Catalog, Surface};
use crate::source::Span;

/// A change to the catalog file: listed before every namespace's.
pub(super) fn change(
    kind: Kind,
    (message, markdown): (String, Option<String>),
    old: Option<Span>,
    new: Option<Span>,
) -> Change {
    Change {
        kind,
        namespace: String::new(),
        code: None,
        message,
        markdown,
        old,
        new,
    }
}

/// Changes to the catalog's own fields; `gone` are the locales it dropped.
pub(super) fn changes(old: &Catalog, new: &Catalog, gone: &Locales) -> Vec<Change> {
    let (was, now) = (&old.spans, &new.spans);
    let mut out = Vec::new();
    for &(tag, renamed) in &gone.renamed {
        out.push(change(
            Kind::LocaleRenamed,
            (locale_renamed(tag, renamed, old), None),
            Some(was.locales),
            Some(now.locales),
        ));
    }
    for locale in &gone.dropped {
        let message = (locale_removed(locale, old), None);
        out.push(change(
            Kind::LocaleRemoved,
            message,
            Some(was.locales),
            Some(now.locales),
        ));
    }
    let added = new
        .locales
        .iter()
        .filter(|l| !old.locales.contains(l) && !gone.is_renamed_to(l));
    for locale in added {
        // Texts in it are compared code by code (`translation-added`).
        let message = format!("locale {locale} was added to the catalog's `locales:`");
        out.push(change(
            Kind::LocaleAdded,
            (message, None),
            None,
            Some(now.locales),
        ));
    }
    // A revision from before the catalog stands in as one without locales: its fields
    // are no catalog's, and everything in the new one is added.
    if !old.locales.is_empty() {
        out.extend(fields(old, new, gone));
    }
    out.extend(surfaces(old, new, gone));
    out.extend(super::targets::changes(old, new));
    out
}

/// The catalog id, default locale and docs URL.
fn fields(old: &Catalog, new: &Catalog, gone: &Locales) -> Vec<Change> {
    let (was, now) = (&old.spans, &new.spans);
    let mut out = Vec::new();
    out.extend(super::version::lowered(old, new));
    if old.id != new.id {
        let message = format!("the catalog id changed from `{}` to `{}`", old.id, new.id);
        out.push(change(
            Kind::CatalogRenamed,
            (message, None),
            Some(was.id),
            Some(now.id),
        ));
    }
    // A renamed default locale is the same default, under its new tag.
    if gone.now(&old.default_locale) != new.default_locale {
        let message = format!(
            "the default locale changed from {} to {}: generated code shows {} texts where no \
             locale is asked for, and in place of untranslated ones",
            old.default_locale, new.default_locale, new.default_locale
        );
        let spans = (Some(was.default_locale), Some(now.default_locale));
        out.push(change(
            Kind::DefaultLocaleChanged,
            (message, None),
            spans.0,
            spans.1,
        ));
    }
    let urls = (old.docs_base_url.as_deref(), new.docs_base_url.as_deref());
    let spans = (was.docs_base_url, now.docs_base_url);
    match urls {
        (Some(a), None) => {
            let message = quoting(|q| {
                format!(
                    "the docs base URL {} was removed: generated code has no docs link for any code",
                    q(a)
                )
            });
            out.push(change(Kind::DocsUrlRemoved, message, spans.0, spans.1));
        }
        (a, Some(b)) if a != Some(b) => {
            let message = quoting(|q| {
                let a = a.map_or_else(|| "none".to_string(), q);
                format!("the docs base URL changed from {a} to {}", q(b))
            });
            out.push(change(Kind::DocsUrlChanged, message, spans.0, spans.1));
        }
        _ => {}
    }
    out
}

/// Surfaces by id: added, removed, or given other namespaces or another title. A
/// namespace that left the catalog leaves its surfaces with it, which `namespace-removed`
/// says (validation allows no surface to keep it).
fn surfaces(old: &Catalog, new: &Catalog, gone: &Locales) -> Vec<Change> {
    let mut out = Vec::new();
    let list = |s: &[&String]| {
        let names: Vec<&str> = s.iter().map(|n| n.as_str()).collect();
        names.join(", ")
    };
    for a in &old.surfaces {
        let Some(b) = new.surfaces.iter().find(|b| b.id == a.id) else {
            let message = format!("surface `{}` was removed", a.id);
            out.push(change(
                Kind::SurfaceRemoved,
                (message, None),
                Some(a.span),
                None,
            ));
            continue;
        };
        let (mut edits, mut md) = (Vec::new(), Vec::new());
        let (was, now) = (members(a, new), members(b, new));
        if was.len() != now.len() || was.iter().any(|n| !now.contains(n)) {
            edits.push(format!("namespaces [{}] → [{}]", list(&was), list(&now)));
            md.push(edits[0].clone());
        }
        if let Some((plain, markdown)) =
            edit_list([("title", a.title.as_ref(), b.title.as_ref())], gone)
        {
            md.push(markdown.unwrap_or_else(|| plain.clone()));
            edits.push(plain);
        }
        if !edits.is_empty() {
            let message = format!("surface `{}` changed: {}", a.id, edits.join(", "));
            let markdown = format!("surface `{}` changed: {}", a.id, md.join(", "));
            out.push(change(
                Kind::SurfaceChanged,
                (message, Some(markdown)),
                Some(a.span),
                Some(b.span),
            ));
        }
    }
    let added = new.surfaces.iter();
    for b in added.filter(|b| !old.surfaces.iter().any(|a| a.id == b.id)) {
        let message = format!("surface `{}` was added ({})", b.id, list(&members(b, new)));
        out.push(change(
            Kind::SurfaceAdded,
            (message, None),
            None,
            Some(b.span),
        ));
    }
    out
}

/// The namespaces of surface `s` that `catalog` has.
fn members<'a>(s: &'a Surface, catalog: &Catalog) -> Vec<&'a String> {
    let has = |n: &&String| catalog.namespaces.iter().any(|x| &x.id == *n);
    s.namespaces.iter().filter(has).collect()
}

/// Generated code has one constant per catalog locale: removing one breaks every client
/// that names it. The texts in it go with it; they are counted here, not listed per code.
fn locale_renamed(was: &str, now: &str, old: &Catalog) -> String {
    let codes = old
        .namespaces
        .iter()
        .flat_map(|n| &n.entries)
        .filter(|e| e.message.get(was).is_some())
        .count();
    format!(
        "locale {was} was renamed {now}, with the messages of {} (its texts are compared \
         as {now}'s): generated code names the locale after {now} now",
        count(codes, "code")
    )
}

fn locale_removed(locale: &str, old: &Catalog) -> String {
    let texts = old
        .namespaces
        .iter()
        .flat_map(|n| &n.entries)
        .filter(|e| {
            [&e.title, &e.description, &e.cause, &e.solution]
                .into_iter()
                .flatten()
                .chain([&e.message])
                .any(|t| t.get(locale).is_some())
        })
        .count();
    format!(
        "locale {locale} was removed from the catalog's `locales:` (generated code no longer \
         has it; {} had texts in it)",
        crate::console::count(texts, "code")
    )
}
