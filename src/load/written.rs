//! Texts written as plain scalars that YAML reads as numbers or flags (`message:
//! 0x10`, `title: true`, `message: 1.0`), put back as written: an author who writes
//! `0x10` means those four characters, and the per-locale form (`{ en: 0x10 }`)
//! already reads them so. serde-saphyr hands such a scalar over as its value only,
//! so the spelling is taken from the file at the scalar's position.

use super::clip;
use super::found::{Found, found};
use super::raw::{RawCatalog, RawNamespace, RawText, S};
use crate::source::{FileId, Sources};

/// Every text of a namespace file, as written; a block scalar's final line break
/// clipped (`clip`).
pub fn namespace(ns: &mut RawNamespace, sources: &Sources, file: FileId) {
    let mut fix = |t: &mut S<RawText>| {
        as_written(t, sources, file);
        clip::text(t, sources, file);
    };
    let texts = ns.title.iter_mut().chain(ns.description.iter_mut());
    let groups = ns.groups.iter_mut().map(|g| &mut g.value.title);
    let entries = ns.entries.iter_mut().flat_map(|e| {
        let e = &mut e.value;
        std::iter::once(&mut e.message).chain(
            [
                &mut e.title,
                &mut e.description,
                &mut e.cause,
                &mut e.solution,
            ]
            .into_iter()
            .flatten(),
        )
    });
    texts.chain(groups).chain(entries).for_each(&mut fix);
    let reasons = ns.reserved.iter_mut().map(|r| &mut r.value.reason);
    let deprecations = (ns.entries.iter_mut())
        .filter_map(|e| e.value.deprecated.as_mut().map(|d| &mut d.value.reason));
    for reason in reasons.chain(deprecations) {
        clip::string(reason, sources, file);
    }
}

/// Every text of a catalog file: the surfaces' titles.
pub fn catalog(catalog: &mut RawCatalog, sources: &Sources, file: FileId) {
    for s in &mut catalog.surfaces {
        if let Some(t) = &mut s.value.title {
            as_written(t, sources, file);
            clip::text(t, sources, file);
        }
    }
}

/// `t` as written when YAML read it as a number or a flag. The scalar is where it
/// is defined: an alias (`message: *code`) stands for its anchor's scalar.
fn as_written(t: &mut S<RawText>, sources: &Sources, file: FileId) {
    if let RawText::Scalar(value) = &t.value {
        let span = sources.span(file, &t.defined);
        let text = &sources.get(file).text;
        // A position without a length: the scalar is the token that starts there.
        let written = match text.get(span.start..span.end) {
            Some(s) if !s.is_empty() => s,
            _ => match found(text, span.start) {
                Found::Scalar(s) => s,
                _ => value,
            },
        };
        t.value = RawText::Plain(written.to_owned());
    }
}
