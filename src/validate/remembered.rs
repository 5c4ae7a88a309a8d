//! A namespace file's own checks, remembered between runs. All that checking a file
//! gives (its namespace, its findings before lint levels apply, its acknowledgements)
//! is encoded (postcard: compact, and quick to read back) for the cache, which keeps it
//! under a key of the file's text and of everything else it was checked against (see
//! `crate::cache::checks`). A later run that meets the same key takes it instead of
//! parsing and checking the file again: at 100,000 codes that is most of a run after
//! an edit. Lint levels, acknowledgements and the checks across files then apply to
//! it as to a file checked afresh.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::entries::GroupRef;
use super::levels::{Ack, Level};
use crate::diag::Diagnostic;
use crate::model::Namespace;
use crate::source::{FileId, Span};

/// Checks taken from earlier runs, and those of this run to give to later ones.
#[derive(Debug, Default)]
pub struct FileMemory {
    /// Encoded checks by namespace file, taken instead of checking the file again.
    /// After validation it holds only those that were taken (the others did not read
    /// back, and their files were checked again).
    pub known: HashMap<FileId, Vec<u8>>,
    /// Whether to encode the checks of the files checked afresh into `learned`.
    pub learn: bool,
    /// Encoded checks of the files checked this run.
    pub learned: Vec<(FileId, Vec<u8>)>,
}

/// What checking a file gives: its namespace and the groups it uses without
/// declaring them, its `lints:`, its findings and its acknowledgements.
pub(super) struct Checked {
    pub namespace: (Namespace, Vec<GroupRef>),
    pub lints: Option<(String, BTreeMap<&'static str, Level>)>,
    pub findings: Vec<Diagnostic>,
    pub acks: Vec<Ack>,
}

/// What is encoded. Spans carry the file id of the run that checked the file, which
/// the run that takes them replaces with its own.
#[derive(Serialize)]
struct Written<'a> {
    file: FileId,
    namespace: &'a Namespace,
    groups: &'a [GroupRef],
    lints: Option<(&'a str, Vec<(&'static str, Level)>)>,
    findings: &'a [Diagnostic],
    acks: &'a [Ack],
}

/// [`Written`] read back: the same fields in the same order.
#[derive(Deserialize)]
struct Read {
    file: FileId,
    namespace: Namespace,
    groups: Vec<GroupRef>,
    lints: Option<(String, Vec<(String, Level)>)>,
    findings: Vec<Diagnostic>,
    acks: Vec<Ack>,
}

/// `file`'s checks, encoded.
pub(super) fn encode(
    file: FileId,
    (namespace, groups): &(Namespace, Vec<GroupRef>),
    lints: Option<&(String, BTreeMap<&'static str, Level>)>,
    findings: &[Diagnostic],
    acks: &[Ack],
) -> Option<Vec<u8>> {
    let lints = lints.map(|(id, levels)| {
        let levels = levels.iter().map(|(r, l)| (*r, *l)).collect();
        (id.as_str(), levels)
    });
    postcard::to_stdvec(&Written {
        file,
        namespace,
        groups,
        lints,
        findings,
        acks,
    })
    .ok()
}

/// Checks encoded by [`encode`], as `file`'s. `None` when they do not read back whole:
/// a span in another file than the one checked, a rule this errcat does not know.
pub(super) fn decode(file: FileId, bytes: &[u8]) -> Option<Checked> {
    let mut read: Read = postcard::from_bytes(bytes).ok()?;
    let mut elsewhere = false;
    let was = read.file;
    each_span(&mut read, &mut |span| {
        elsewhere |= span.file != was;
        span.file = file;
    });
    if elsewhere {
        return None;
    }
    let Read {
        namespace,
        groups,
        lints,
        findings,
        acks,
        ..
    } = read;
    let lints = match lints {
        Some((id, levels)) => {
            let levels = levels
                .into_iter()
                .map(|(rule, level)| Some((crate::rules::find(&rule)?.id, level)))
                .collect::<Option<_>>()?;
            Some((id, levels))
        }
        None => None,
    };
    Some(Checked {
        namespace: (namespace, groups),
        lints,
        findings,
        acks,
    })
}

/// Every span of a file's checks.
fn each_span(read: &mut Read, f: &mut dyn FnMut(&mut Span)) {
    let ns = &mut read.namespace;
    f(&mut ns.span);
    ns.range_span.iter_mut().for_each(&mut *f);
    ns.groups.iter_mut().for_each(|g| f(&mut g.span));
    ns.reserved.iter_mut().for_each(|r| f(&mut r.span));
    for e in &mut ns.entries {
        e.param_spans.iter_mut().for_each(&mut *f);
        f(&mut e.span);
        f(&mut e.name_span);
        e.http_span.iter_mut().for_each(&mut *f);
        e.retryable_span.iter_mut().for_each(&mut *f);
    }
    read.groups.iter_mut().for_each(|g| f(&mut g.span));
    for d in &mut read.findings {
        d.primary.iter_mut().for_each(|l| f(&mut l.span));
        d.related.iter_mut().for_each(|l| f(&mut l.span));
    }
    read.acks.iter_mut().for_each(|a| f(&mut a.span));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Label;

    /// The golden catalog's `shop.order`: a range, groups, reserved codes, parameters,
    /// `http:` and `retryable:`, each with its span.
    fn shop() -> Namespace {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/golden/catalog.yaml");
        let checked = crate::check(&path);
        let mut catalog = checked.catalog.or(checked.with_errors).unwrap();
        let i = catalog.namespaces.iter().position(|n| n.id == "shop.order");
        catalog.namespaces.remove(i.unwrap())
    }

    fn group_ref(span: Span) -> GroupRef {
        GroupRef {
            entry: "ORDER_GONE".into(),
            group: "elsewhere".into(),
            span,
        }
    }

    /// A finding with a related place, and an acknowledgement, in the file of `span`.
    fn found(span: Span) -> (Vec<Diagnostic>, Vec<Ack>) {
        let label = |message: &str| Label {
            span,
            message: message.into(),
        };
        let mut d = Diagnostic::new(&crate::rules::EMPTY_TEXT, "the message is empty")
            .at(span, "here")
            .about("shop.order", Some(7));
        d.related.push(label("and here"));
        let ack = Ack {
            namespace: "shop.order".into(),
            code: 7,
            rule: "empty-text".into(),
            span,
            used: false,
        };
        (vec![d], vec![ack])
    }

    #[test]
    fn checks_read_back_whole_as_this_runs_file() {
        let ns = shop();
        let was = ns.span.file;
        let now = FileId(was.0 + 40);
        let (findings, acks) = found(ns.span);
        let written = format!("{ns:?} {findings:?} {acks:?}");
        let lints = (
            "shop.order".to_string(),
            BTreeMap::from([("invalid-id", Level::Deny)]),
        );
        let groups = vec![group_ref(ns.span)];
        let bytes = encode(was, &(ns, groups), Some(&lints), &findings, &acks).unwrap();
        let back = decode(now, &bytes).unwrap();
        let mut read = Read {
            file: now,
            namespace: back.namespace.0,
            groups: back.namespace.1,
            lints: None,
            findings: back.findings,
            acks: back.acks,
        };
        // Every span is in this run's file, whatever field holds it.
        let debug = |r: &Read| {
            format!(
                "{:?} {:?} {:?} {:?}",
                r.namespace, r.groups, r.findings, r.acks
            )
        };
        let now_debug = debug(&read);
        assert!(now_debug.contains(&format!("FileId({})", now.0)));
        assert!(
            !now_debug.contains(&format!("FileId({})", was.0)),
            "{now_debug}"
        );
        // And nothing else changed.
        each_span(&mut read, &mut |s| s.file = was);
        let again = format!("{:?} {:?} {:?}", read.namespace, read.findings, read.acks);
        assert_eq!(again, written);
        assert_eq!(
            format!("{:?}", read.groups),
            format!("{:?}", [group_ref(shop().span)])
        );
        assert_eq!(back.lints, Some(lints));
    }

    #[test]
    fn checks_that_do_not_read_back_whole_are_nothing() {
        let ns = shop();
        let file = ns.span.file;
        let elsewhere = Span {
            file: FileId(file.0 + 1),
            ..ns.span
        };
        let encoded = |groups: Vec<GroupRef>,
                       lints: Option<(String, BTreeMap<&'static str, Level>)>,
                       found: (Vec<Diagnostic>, Vec<Ack>)| {
            encode(file, &(shop(), groups), lints.as_ref(), &found.0, &found.1).unwrap()
        };
        let none = || (Vec::new(), Vec::new());
        let bytes = encoded(vec![group_ref(elsewhere)], None, none());
        assert!(
            decode(file, &bytes).is_none(),
            "a group's span in another file"
        );
        let bytes = encoded(Vec::new(), None, found(elsewhere));
        assert!(decode(file, &bytes).is_none(), "a finding in another file");
        let unknown = (
            "shop.order".to_string(),
            BTreeMap::from([("no-such-rule", Level::Allow)]),
        );
        let bytes = encoded(Vec::new(), Some(unknown), none());
        assert!(
            decode(file, &bytes).is_none(),
            "a level for a rule errcat does not know"
        );
        let (mut findings, acks) = found(ns.span);
        findings[0].rule = "no-such-rule";
        let bytes = encoded(Vec::new(), None, (findings, acks));
        assert!(
            decode(file, &bytes).is_none(),
            "a finding of a rule errcat does not know"
        );
        let bytes = encoded(Vec::new(), None, found(ns.span));
        assert!(decode(file, &bytes).is_some());
        assert!(
            decode(file, &bytes[..bytes.len() / 2]).is_none(),
            "cut short"
        );
        assert!(decode(file, &[0xff; 64]).is_none(), "not checks at all");
    }
}
