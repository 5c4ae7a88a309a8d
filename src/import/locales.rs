//! The locales of an import: the order texts list them in, and what a new namespace requires.

use super::doc::{self, Field};
use crate::diag::{Diagnostic, Report};
use crate::rules;

/// The language of each input file: `--locale` given once covers every file, given
/// once per file pairs them in order (so one run can import a table and its
/// translation); absent, the catalog's default. `Err` is a usage error.
pub(super) fn per_file(
    given: &[String],
    files: usize,
    default: &str,
) -> Result<Vec<String>, String> {
    match given {
        [] => Ok(vec![default.to_owned(); files]),
        [one] => Ok(vec![one.clone(); files]),
        many if many.len() == files => Ok(many.to_vec()),
        many => Err(format!(
            "{} but {} --locale values: give --locale once for every file, or once per file in their order",
            crate::console::count(files, "file"),
            many.len()
        )),
    }
}

/// `--locale` and `--doc-locale` name locales of the catalog, when there is one, and
/// are locale tags: refused before any input is read, with the tag probably meant,
/// rather than found as `unknown-locale` in the result. `flags` are (option, value);
/// `catalog` its locales and path; `new` says what a locale the catalog lacks is for
/// ("to import texts in another language"). `Err` is a usage error.
pub(crate) fn check_given(
    flags: &[(&str, &str)],
    catalog: Option<(&[String], &std::path::Path)>,
    new: &str,
) -> Result<(), String> {
    use crate::validate::{invalid_tag_help, is_locale_tag, near_tag};
    for &(flag, value) in flags {
        let Some((locales, path)) = catalog else {
            if is_locale_tag(value) {
                continue;
            }
            return Err(format!(
                "{flag} `{value}` is not a locale tag; {}",
                invalid_tag_help(value)
            ));
        };
        if locales.iter().any(|l| l == value) {
            continue;
        }
        let known: Vec<&str> = locales.iter().map(String::as_str).collect();
        let what = format!(
            "{flag} `{value}` is not a locale of the catalog: {} declares {}",
            crate::load::display_path(path).display(),
            known.join(", ")
        );
        return Err(match near_tag(value, &known) {
            Some(near) => format!("{what}; did you mean `{near}`?"),
            None => match crate::validate::tag_for(value)
                .or_else(|| is_locale_tag(value).then(|| value.to_owned()))
            {
                Some(tag) => format!("{what}; {new}, add `{tag}` to its `locales:` first"),
                None => format!("{what}; a locale is a BCP 47 tag such as `en` or `zh-CN`"),
            },
        });
    }
    Ok(())
}

/// Locales in the order texts list them: the catalog's, else the default first,
/// then the ones the import uses (`used`) in the order given.
pub(super) fn locale_order(
    catalog: Option<&[String]>,
    default: &str,
    used: &[&str],
) -> Vec<String> {
    let mut order = vec![default.to_owned()];
    order.extend(catalog.unwrap_or_default().iter().cloned());
    order.extend(used.iter().map(|l| (*l).to_owned()));
    let mut seen = Vec::new();
    order.retain(|l| {
        let new = !seen.contains(l);
        seen.push(l.clone());
        new
    });
    order
}

/// What a new namespace requires: every locale a message is imported in, which must
/// include the default for every code. Texts the source has in fewer locales (a
/// translation that lacks rows, an enum's Chinese Javadoc beside English titles) are
/// kept, and the namespace lowers `missing-translation` to a warning so `errcat
/// check` lists them to translate.
pub(super) fn require_locales(
    doc: &mut doc::Doc,
    order: &[String],
    default: &str,
    report: &mut Report,
) {
    let required = message_locales(doc, order);
    let lacking: Vec<&doc::Entry> = doc
        .entries
        .iter()
        .filter(|e| {
            e.text(Field::Message)
                .is_none_or(|t| t.get(default).is_none())
        })
        .collect();
    if !lacking.is_empty() {
        let mut d = Diagnostic::new(
            &rules::MISSING_TRANSLATION,
            format!(
                "{} of {} codes have no `{default}` message, and `{default}` is the catalog's default locale",
                lacking.len(),
                doc.entries.len()
            ),
        )
        .help(format!("import the `{default}` texts in the same run (`--locale` once per file, in order), or first, then merge these into that file with --into"));
        if let Some(span) = lacking.first().and_then(|e| e.code_span) {
            d = d.at(span, format!("no `{default}` message for this code"));
        }
        report.push(d);
        return;
    }
    let untranslated = doc.entries.iter().any(|e| {
        e.texts
            .iter()
            .any(|(_, t)| required.iter().any(|l| t.get(l).is_none()))
    });
    if untranslated {
        doc.lints
            .push((rules::MISSING_TRANSLATION.id.to_owned(), "warn".to_owned()));
    }
    doc.locales = Some(required);
}

/// The locales any entry has a message in.
fn message_locales(doc: &doc::Doc, order: &[String]) -> Vec<String> {
    let mut all: Vec<String> = doc
        .entries
        .iter()
        .flat_map(|e| e.text(Field::Message).into_iter().flat_map(|t| t.0.iter()))
        .map(|l| l.locale.clone())
        .collect();
    all.sort_by_key(|l| {
        (
            order.iter().position(|o| o == l).unwrap_or(usize::MAX),
            l.clone(),
        )
    });
    all.dedup();
    all
}
