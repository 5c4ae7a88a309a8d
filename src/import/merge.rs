//! Folding imported rows into a namespace: a new code becomes an entry; a known
//! code gains the texts it lacks. A different text for the same code, field and
//! locale is a conflict, reported with both places, and never overwritten unless
//! `--replace-texts` asks for it. A code that one source gives twice is an error
//! whatever the flag says: `--replace-texts` corrects the file, not the source.

use std::collections::{BTreeSet, HashMap};

use super::doc::{Doc, Entry, Field, Localized};
use super::{Row, RowText, names};
use crate::diag::{Diagnostic, Report};
use crate::rules;
use crate::source::{FileId, Span};

/// A text shortened for a label.
fn excerpt(s: &str) -> String {
    // Line breaks shown as `\n`: two texts that differ only there must look different.
    let flat = s.replace('\n', "\\n");
    match flat.char_indices().nth(60) {
        Some((i, _)) => format!("\"{}…\"", &flat[..i]),
        None => format!("\"{flat}\""),
    }
}

fn conflict(
    message: String,
    incoming: (Span, String),
    existing: Option<(Span, String)>,
    help: &str,
) -> Diagnostic {
    let mut d = Diagnostic::new(&rules::IMPORT_CONFLICT, message).at(incoming.0, incoming.1);
    if let Some((span, label)) = existing {
        d = d.related(span, label);
    }
    d.help(help)
}

const TEXT_HELP: &str = "errcat overwrites no existing text unless asked: make the two agree in the source or in the file, or import with --replace-texts when the imported texts are the corrections";

/// Which of the file's texts an imported text replaces: `--replace-texts`, which with
/// `--locale` covers that locale's texts only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replace {
    Nothing,
    Every,
    /// The texts in these locales; a text in another (a translator's sheet shows the
    /// source text beside the translation) is compared, as without the flag.
    Locales(Vec<String>),
}

impl Replace {
    fn covers(&self, locale: &str) -> bool {
        match self {
            Replace::Nothing => false,
            Replace::Every => true,
            Replace::Locales(l) => l.iter().any(|l| l == locale),
        }
    }
}

/// Whose a text is that an imported one may differ from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prior {
    /// The file's, kept.
    File,
    /// The file's, replaced: `--replace-texts`.
    Replace,
    /// The file's, in a locale `--replace-texts --locale` leaves alone: the source a
    /// translation was made from.
    Source,
    /// An earlier row of this import's: no flag settles which source is right.
    Import,
}

/// A namespace being merged into, with its entries indexed by code and name.
pub struct Merger {
    doc: Doc,
    /// How many entries the namespace had before the import: those after are new.
    existing: usize,
    by_code: HashMap<i64, usize>,
    by_name: HashMap<String, i64>,
    /// `--replace-texts`: which imported texts replace the file's.
    replace: Replace,
    /// The first row of each code, per source file, with its section: a second is an error.
    first_rows: HashMap<(FileId, i64), (Span, usize)>,
    /// Texts (code, field, locale) this import wrote: `--replace-texts` never replaces them.
    written: BTreeSet<(i64, Field, String)>,
    /// The entries the file had that the import changed (a text, name, status or group).
    changed: BTreeSet<usize>,
}

/// Where a row comes from: its section (an index) and the group it joins.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    pub section: usize,
    pub group: Option<&'a str>,
}

impl Merger {
    pub fn new(doc: Doc, replace: Replace) -> Self {
        let by_code = doc
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.code, i))
            .collect();
        let by_name = doc
            .entries
            .iter()
            .filter_map(|e| e.name.clone().map(|n| (n, e.code)))
            .collect();
        Merger {
            existing: doc.entries.len(),
            doc,
            by_code,
            by_name,
            replace,
            first_rows: HashMap::new(),
            written: BTreeSet::new(),
            changed: BTreeSet::new(),
        }
    }

    /// The namespace, for changes that touch no entry (its groups).
    pub fn doc_mut(&mut self) -> &mut Doc {
        &mut self.doc
    }

    /// The namespace, and how many of the entries it had before the import changed.
    pub fn finish(mut self) -> (Doc, usize) {
        for e in &mut self.doc.entries[self.existing..] {
            declare_placeholders(e);
        }
        let changed = self.changed.range(..self.existing).count();
        (self.doc, changed)
    }

    /// Adds `row`; returns whether it made a new entry.
    pub fn add(&mut self, row: Row, from: Origin, report: &mut Report) -> bool {
        if self.repeated(&row, from, report) {
            return false;
        }
        let group = from.group;
        // Only a text the file had before this import may be replaced: one an earlier
        // row of the import wrote is another source's word against this one's.
        let mut prior = Vec::with_capacity(row.texts.len());
        for t in &row.texts {
            let key = (row.code, t.field, t.locale.clone());
            prior.push(if self.written.contains(&key) {
                Prior::Import
            } else if self.replace.covers(&t.locale) {
                Prior::Replace
            } else if self.replace != Replace::Nothing {
                Prior::Source
            } else {
                Prior::File
            });
            self.written.insert(key);
        }
        // The source repeats another code's name for a code the file has already
        // named: errcat would make a name up, and the file's (perhaps the user's
        // rename, as import-renamed advised) stands.
        let named_in_file = |m: &Self, n: &str| {
            m.by_code
                .get(&row.code)
                .is_some_and(|&i| m.doc.entries[i].name.is_some())
                && m.by_name.get(n).is_some_and(|&c| c != row.code)
        };
        let name = row.name.as_ref().filter(|(n, _)| !named_in_file(self, n));
        let name = name.map(|(n, span)| {
            let n = self.unique_name(n, row.code, *span, report);
            self.by_name.entry(n.clone()).or_insert(row.code);
            (n, *span)
        });
        match self.by_code.get(&row.code) {
            Some(&i) => {
                let ns = self.doc.namespace.clone();
                let entry = &mut self.doc.entries[i];
                if merge_into(entry, row, name, group, (&ns, &prior), report) {
                    self.changed.insert(i);
                }
                false
            }
            None => {
                self.by_code.insert(row.code, self.doc.entries.len());
                self.doc.entries.push(new_entry(row, name, group));
                true
            }
        }
    }

    /// Is `row` a second row of its code in its source file? Then it is reported with
    /// the first, and not merged: which of the two is right is for the user to say.
    fn repeated(&mut self, row: &Row, from: Origin, report: &mut Report) -> bool {
        let key = (row.code_span.file, row.code);
        let Some(&(first, section)) = self.first_rows.get(&key) else {
            self.first_rows.insert(key, (row.code_span, from.section));
            return false;
        };
        let help = if section == from.section {
            "a code is one error: keep one of the rows, or give the other its own code".to_owned()
        } else {
            "the sections give the same code to two errors: import each section as its own namespace with --sections namespaces, or pick some with --section TITLE".to_owned()
        };
        report.push(
            Diagnostic::new(
                &rules::IMPORT_CONFLICT,
                format!("code {} appears twice in this source", row.code),
            )
            .at(row.code_span, "again here")
            .related(first, "first here")
            .help(help),
        );
        true
    }

    /// A source's name, unless another code already has it: then the code is appended,
    /// with a warning naming both places.
    fn unique_name(&self, name: &str, code: i64, span: Span, report: &mut Report) -> String {
        let owner = |n: &str| self.by_name.get(n).copied().filter(|&c| c != code);
        let Some(other) = owner(name) else {
            return name.to_owned();
        };
        let mut renamed = format!("{name}_{}", names::suffix(code));
        let mut n = 2;
        while owner(&renamed).is_some() {
            renamed = format!("{name}_{}_{n}", names::suffix(code));
            n += 1;
        }
        let mut d = Diagnostic::new(
            &rules::IMPORT_RENAMED,
            format!(
                "name {name} already belongs to code {other}; code {code} is imported as {renamed}"
            ),
        )
        .at(span, "same name again")
        .help(
            "rename the entry after what it means; the source probably repeated a name by mistake",
        );
        let other_span = self
            .by_code
            .get(&other)
            .and_then(|&i| self.doc.entries[i].name_span);
        if let Some(s) = other_span {
            d = d.related(s, format!("{name} is code {other} here"));
        }
        report.push(d);
        renamed
    }
}

fn new_entry(row: Row, name: Option<(String, Span)>, group: Option<&str>) -> Entry {
    let mut e = Entry::new(row.code, Some(row.code_span));
    if let Some((n, span)) = name {
        e.name = Some(n);
        e.name_span = Some(span);
    }
    for t in row.texts {
        if e.text(t.field).and_then(|x| x.get(&t.locale)).is_none() {
            push(&mut e, t);
        }
    }
    e.http = row.http.map(|(h, s)| (h, Some(s)));
    e.deprecated = row.deprecated.map(|(reason, by, _)| (reason, by));
    e.group = group.map(str::to_owned);
    e
}

/// A `{lower_snake}` in every locale of a new entry's message is meant as a
/// placeholder: declared, it is one (undeclared, `errcat check` would warn of it at
/// once). One that some translation lacks is left to that warning: declared, it would
/// be an error the source documents made.
fn declare_placeholders(e: &mut Entry) {
    let Some(message) = e.text(Field::Message) else {
        return;
    };
    let Some((first, others)) = message.0.split_first() else {
        return;
    };
    let params: Vec<String> = crate::placeholder::candidates(&first.text)
        .into_iter()
        .filter(|name| {
            others
                .iter()
                .all(|l| crate::placeholder::candidates(&l.text).contains(name))
        })
        .map(str::to_owned)
        .collect();
    e.params = params;
}

fn merge_into(
    entry: &mut Entry,
    row: Row,
    name: Option<(String, Span)>,
    group: Option<&str>,
    (ns, prior): (&str, &[Prior]),
    report: &mut Report,
) -> bool {
    let mut changed = false;
    match (&entry.name, name) {
        (_, None) => {}
        (None, Some((n, span))) => {
            entry.name = Some(n);
            entry.name_span = Some(span);
            changed = true;
        }
        (Some(a), Some((b, span))) if *a != b => {
            let help = name_help(entry, a, &b);
            report.push(conflict(
                format!(
                    "code {} is {a} in namespace {ns}, but this source names it {b}",
                    row.code
                ),
                (span, format!("named {b} here")),
                entry.name_span.map(|s| (s, format!("named {a} here"))),
                &help,
            ));
        }
        (Some(_), Some(_)) => {}
    }
    for (t, &prior) in row.texts.into_iter().zip(prior) {
        changed |= merge_text(entry, t, (ns, prior), report);
    }
    if let Some((h, span)) = row.http {
        match entry.http {
            None => {
                entry.http = Some((h, Some(span)));
                changed = true;
            }
            Some((old, _)) if old == h => {}
            Some((old, old_span)) => report.push(conflict(
                format!(
                    "code {} has HTTP status {old} in namespace {ns}, but {h} here",
                    row.code
                ),
                (span, format!("HTTP {h} here")),
                old_span.map(|s| (s, format!("HTTP {old} here"))),
                "--replace-texts changes no HTTP status: correct the status in the source or in the file",
            )),
        }
    }
    // A deprecation the file has stands: the user may have reworded it.
    if entry.deprecated.is_none()
        && let Some((reason, by, _)) = row.deprecated
    {
        entry.deprecated = Some((reason, by));
        changed = true;
    }
    if entry.group.is_none() && group.is_some() {
        entry.group = group.map(str::to_owned);
        changed = true;
    }
    changed
}

/// What settles a name conflict: --replace-texts changes no name, so the file or the
/// order of imports. A name errcat proposed from the entry's text (a table without
/// names imported first) is said to be one; it is not replaced unasked, as a user may
/// have kept it on purpose, and a published name is a contract.
fn name_help(entry: &Entry, file: &str, source: &str) -> String {
    let proposed = names::proposed(entry).is_some_and(|p| file.contains(&p));
    let why = if proposed {
        format!(
            "{file} looks like the name errcat proposed from the entry's text, as a source without names was imported first"
        )
    } else {
        format!("the file names the code {file}")
    };
    format!(
        "{why}; --replace-texts changes no name: rename the entry to {source} in the file (or keep its name and ignore this source's), or import the source with names first, into a new file, and then the tables without names"
    )
}

fn push(e: &mut Entry, t: RowText) {
    e.text_mut(t.field).0.push(Localized {
        locale: t.locale,
        text: t.text,
        span: Some(t.span),
    });
}

/// Merges one text; returns whether the entry changed.
fn merge_text(
    entry: &mut Entry,
    t: RowText,
    (ns, prior): (&str, Prior),
    report: &mut Report,
) -> bool {
    let code = entry.code;
    let title = entry
        .text(Field::Title)
        .and_then(|x| x.get(&t.locale))
        .map(|l| l.text.clone());
    let Some(old) = entry
        .text_mut(t.field)
        .0
        .iter_mut()
        .find(|l| l.locale == t.locale)
    else {
        push(entry, t);
        return true;
    };
    if old.text == t.text || t.fallback {
        return false;
    }
    // A message equal to the title stands in for a message the source lacked
    // (a Java enum has only the title): a real message replaces it.
    if prior == Prior::Replace
        || (t.field == Field::Message && title.as_deref() == Some(old.text.as_str()))
    {
        old.text = t.text;
        old.span = Some(t.span);
        return true;
    }
    report.push(conflict(
        format!(
            "code {code} already has a different `{}` {} in namespace {ns}",
            t.locale,
            t.field.key()
        ),
        (t.span, format!("imported: {}", excerpt(&t.text))),
        old.span
            .map(|s| (s, format!("already: {}", excerpt(&old.text)))),
        match prior {
            Prior::Import => "two sources of this import disagree, and --replace-texts replaces only texts the file had before: make the sources agree, or import the corrections in a run of their own",
            Prior::Source => "with --locale, --replace-texts replaces only texts in that locale: this one is the source beside the translation, and differs from the file's, which changed since the sheet was made or was edited in it (the translation may be stale); export the sheet again, or make the two agree",
            Prior::File | Prior::Replace => TEXT_HELP,
        },
    ));
    false
}
