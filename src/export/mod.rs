//! `errcat export`: the sheet a translator fills in, which `errcat import csv` reads back.
//!
//! Pure: a validated [`Catalog`] and the [`Options`] in, the sheet's text out; the
//! command line writes it. A sheet has one row per entry and a pair of columns per
//! text field, the source locale's text beside the target's, because that is the
//! shape `errcat import csv` reads: one row per code (a code twice is an error there),
//! each column's locale in its header (`Message (zh-CN)`), and a `Namespace` column
//! that sends each row to its namespace's file.

mod csv;

use std::path::Path;

use crate::model::{Catalog, Entry, Text};

/// What to export.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The locale the sheet is translated into.
    pub locale: &'a str,
    /// The locale it is translated from; `None`: the catalog's default locale.
    pub from: Option<&'a str>,
    /// Only these namespaces; empty: every one.
    pub namespaces: &'a [String],
    /// Only the entries with a text still to translate.
    pub missing: bool,
}

impl Options<'_> {
    fn source<'c>(&'c self, catalog: &'c Catalog) -> &'c str {
        self.from.unwrap_or(&catalog.default_locale)
    }
}

/// A usage error: what is wrong, and what to do.
#[derive(Debug, PartialEq, Eq)]
pub struct Usage {
    pub message: String,
    pub help: Option<String>,
}

/// An exported sheet.
#[derive(Debug)]
pub struct Sheet {
    pub text: String,
    /// Its rows, the header not counted.
    pub rows: usize,
    /// The namespaces with a row in it.
    pub namespaces: usize,
}

/// A text field a translator translates, in the sheet's column order: the message,
/// which every entry has, first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Message,
    Title,
    Description,
    Cause,
    Solution,
}

impl Field {
    const ALL: [Field; 5] = [
        Field::Message,
        Field::Title,
        Field::Description,
        Field::Cause,
        Field::Solution,
    ];

    /// Its header, which `errcat import` reads as this field's column.
    fn header(self) -> &'static str {
        match self {
            Field::Message => "Message",
            Field::Title => "Title",
            Field::Description => "Description",
            Field::Cause => "Cause",
            Field::Solution => "Solution",
        }
    }

    fn of(self, e: &Entry) -> Option<&Text> {
        match self {
            Field::Message => Some(&e.message),
            Field::Title => e.title.as_ref(),
            Field::Description => e.description.as_ref(),
            Field::Cause => e.cause.as_ref(),
            Field::Solution => e.solution.as_ref(),
        }
    }
}

/// Refuses options the catalog cannot answer: a locale it does not declare, the
/// same locale on both sides, a namespace it does not have. `path` is the catalog
/// file, named in the messages.
pub fn check(catalog: &Catalog, opts: &Options, path: &Path) -> Result<(), Usage> {
    let usage = |message: String, help: Option<String>| Usage { message, help };
    let mut flags = vec![("--locale", opts.locale)];
    flags.extend(opts.from.map(|f| ("--from", f)));
    crate::import::check_locales(
        &flags,
        Some((&catalog.locales, path)),
        "to translate into another language",
    )
    .map_err(|m| usage(m, None))?;
    let source = opts.source(catalog);
    if source == opts.locale {
        let message = match opts.from {
            Some(_) => format!("--from and --locale are both `{source}`"),
            None => format!(
                "`{source}` is the catalog's default locale, which the sheet translates from"
            ),
        };
        return Err(usage(
            message,
            Some(
                "--locale is the locale to translate into; --from the one to translate from (default: the catalog's default locale)"
                    .into(),
            ),
        ));
    }
    for wanted in opts.namespaces {
        if catalog.namespaces.iter().any(|n| n.id == *wanted) {
            continue;
        }
        let near: Vec<String> = crate::explain::near::namespaces(catalog, wanted)
            .iter()
            .map(|n| format!("`{}`", n.id))
            .collect();
        let all: Vec<String> = catalog.namespaces.iter().map(|n| n.id.clone()).collect();
        let message = match near.is_empty() {
            true => format!("the catalog has no namespace `{wanted}`"),
            false => format!(
                "the catalog has no namespace `{wanted}`; did you mean {}?",
                crate::explain::near::listed(&near, 4).replace(" and ", " or ")
            ),
        };
        return Err(usage(
            message,
            Some(format!(
                "its namespaces: {}",
                crate::explain::near::listed(&all, 12)
            )),
        ));
    }
    Ok(())
}

/// The entries the sheet holds, by namespace and code: every one of the namespaces
/// asked for, or with `missing` those with a text the locale still lacks.
fn entries<'c>(catalog: &'c Catalog, opts: &Options) -> Vec<(&'c str, &'c Entry)> {
    let source = opts.source(catalog);
    let default = catalog.default_locale.as_str();
    // A text to translate: the source has it, and the target lacks it or has the
    // default locale's words (`untranslated-copy`).
    let to_translate = |t: &Text| {
        t.get(source).is_some()
            && t.get(opts.locale).is_none_or(|text| {
                t.get(default).is_some_and(|d| {
                    crate::validate::is_untranslated_copy((default, d), (opts.locale, text))
                })
            })
    };
    catalog
        .namespaces
        .iter()
        .filter(|n| opts.namespaces.is_empty() || opts.namespaces.contains(&n.id))
        .flat_map(|n| n.entries.iter().map(|e| (n.id.as_str(), e)))
        .filter(|(_, e)| {
            !opts.missing || Field::ALL.iter().any(|f| f.of(e).is_some_and(to_translate))
        })
        .collect()
}

/// The sheet as CSV (RFC 4180, UTF-8 with a BOM: see [`csv`]).
pub fn csv(catalog: &Catalog, opts: &Options) -> Sheet {
    let source = opts.source(catalog);
    let rows = entries(catalog, opts);
    let locales = [source, opts.locale];
    // A field's pair of columns only when some row has a text to show in it.
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| {
            *f == Field::Message
                || rows.iter().any(|(_, e)| {
                    f.of(e)
                        .is_some_and(|t| locales.iter().any(|l| t.get(l).is_some()))
                })
        })
        .collect();
    let mut header: Vec<String> = ["Namespace", "Code", "Name", "Placeholders"]
        .map(str::to_owned)
        .into();
    for f in &fields {
        header.extend(locales.iter().map(|l| format!("{} ({l})", f.header())));
    }
    let mut records = vec![header];
    for (namespace, e) in &rows {
        let mut record = vec![
            (*namespace).to_owned(),
            e.code.to_string(),
            e.name.clone(),
            // What the translation must keep, as the text writes it.
            e.params
                .iter()
                .map(|p| format!("{{{p}}}"))
                .collect::<Vec<_>>()
                .join(" "),
        ];
        for f in &fields {
            let text = f.of(e);
            record.extend(
                locales
                    .iter()
                    .map(|l| text.and_then(|t| t.get(l)).unwrap_or_default().to_owned()),
            );
        }
        records.push(record);
    }
    let mut namespaces: Vec<&str> = rows.iter().map(|(n, _)| *n).collect();
    namespaces.dedup();
    Sheet {
        text: csv::text(&records),
        rows: rows.len(),
        namespaces: namespaces.len(),
    }
}
