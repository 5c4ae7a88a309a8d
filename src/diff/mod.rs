//! Comparing two versions of a catalog: every change, classified as breaking (a deployed
//! client would misread a code) or compatible. Pure: two models in, a list of changes out.
//! [`report`] turns the changes into diagnostics; [`git`] reads a catalog from a revision.

mod by_id;
mod catalog;
pub mod changelog;
mod deprecation;
mod entry;
pub mod git;
mod groups;
mod header;
mod int_type;
mod kind;
mod locales;
mod namespace;
mod prose;
pub mod report;
mod targets;
mod texts;
mod version;

pub use kind::{Kind, NOT_COMPARED};
pub use version::major_bump;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::model::{Catalog, Namespace};
use crate::source::Span;

/// One change between the old and the new catalog.
#[derive(Clone, Debug)]
pub struct Change {
    pub kind: Kind,
    /// Empty for a change to the catalog file itself (a locale removed).
    pub namespace: String,
    pub code: Option<i64>,
    pub message: String,
    /// The message for the Markdown changelog, when it quotes free text (a reason);
    /// otherwise `message` is fit for it as it stands.
    pub markdown: Option<String>,
    /// Where it was on the old side (for removals, the primary place).
    pub old: Option<Span>,
    /// Where it is on the new side.
    pub new: Option<Span>,
}

impl Change {
    pub fn breaking(&self) -> bool {
        self.kind.breaking()
    }
}

/// A message that quotes a user's free text (a reason), written by `message` with `q`
/// quoting each text: on one line, and escaped for Markdown in the changelog's version.
pub(super) fn quoting(
    message: impl Fn(&dyn Fn(&str) -> String) -> String,
) -> (String, Option<String>) {
    (message(&prose::one_line), Some(message(&prose::markdown)))
}

/// A catalog's namespaces by id, and the namespaces that define each code: the
/// comparison looks them up instead of searching every namespace for each code
/// (a catalog may have thousands).
pub(super) struct Index<'a> {
    pub catalog: &'a Catalog,
    by_id: HashMap<&'a str, &'a Namespace>,
    /// Built on first use: only a code that left or joined a namespace needs it.
    by_code: OnceCell<HashMap<i64, Vec<&'a Namespace>>>,
}

impl<'a> Index<'a> {
    fn new(catalog: &'a Catalog) -> Index<'a> {
        Index {
            catalog,
            by_id: catalog
                .namespaces
                .iter()
                .map(|n| (n.id.as_str(), n))
                .collect(),
            by_code: OnceCell::new(),
        }
    }

    pub fn namespace(&self, id: &str) -> Option<&'a Namespace> {
        self.by_id.get(id).copied()
    }

    /// The namespaces that define `code`, in catalog order.
    pub fn defining(&self, code: i64) -> &[&'a Namespace] {
        let by_code = self.by_code.get_or_init(|| {
            let mut by_code: HashMap<i64, Vec<&Namespace>> = HashMap::new();
            for n in &self.catalog.namespaces {
                for e in &n.entries {
                    by_code.entry(e.code).or_default().push(n);
                }
            }
            by_code
        });
        by_code.get(&code).map_or(&[], Vec::as_slice)
    }
}

/// Every change from `old` to `new`: the catalog's own first, then in namespace and code order.
pub fn compare(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let (old_index, new_index) = (Index::new(old), Index::new(new));
    let mut out = Vec::new();
    let gone = locales::Locales::new(old, new, &new_index);
    out.extend(catalog::changes(old, new, &gone));
    for o in &old.namespaces {
        match new_index.namespace(&o.id) {
            Some(n) => {
                namespace::namespace(o, n, &old_index, &new_index, &gone, &mut out);
                out.extend(int_type::changes(o, n, old, new));
            }
            None => namespace::removed(o, &old_index, &new_index, &gone, &mut out),
        }
    }
    for n in &new.namespaces {
        if old_index.namespace(&n.id).is_none() {
            out.push(Change {
                kind: Kind::NamespaceAdded,
                namespace: n.id.clone(),
                code: None,
                message: format!("namespace {} was added ({})", n.id, namespace::codes(n)),
                markdown: None,
                old: None,
                new: Some(n.span),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.namespace, a.code, a.kind, &a.message).cmp(&(&b.namespace, b.code, b.kind, &b.message))
    });
    out
}
