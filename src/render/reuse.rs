//! Files of the last clean run that a render may leave as they are.
//!
//! A file rendered once per namespace (or per namespace and locale) is a pure function
//! of its target (errcat itself, the catalog file and every template: all inputs but
//! the namespace files), the catalog value it sees, its locale and its namespace's
//! model. Its key hashes all of them; when the last clean run rendered a file with the
//! same key, and the file is on disk as that run left it, the file is that run's text
//! and a render would write the same bytes. So an edit to one namespace of a large
//! catalog renders that namespace's files again, not every namespace's.
//!
//! A catalog-wide file made of parts per namespace (the JSON catalog) is keyed part by
//! part the same way: a part whose key comes again is taken from the last clean run's
//! text of the file, and only the edited namespace's part is rendered.
//!
//! The render never reads the disk: the caller (the up-to-date cache) says which keys
//! it found intact, hands over the texts of the parts it found, and stores the keys a
//! clean run rendered.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::model::Namespace;

/// What the render may take from the last clean run, and whether to key its files.
#[derive(Debug, Default)]
pub struct Reuse {
    /// The hash of everything but the namespace files and the catalog value (see the
    /// module doc); `None` makes no keys (no cache to keep them in).
    base: Option<u64>,
    /// Per key (which covers the target), the path relative to the target's output
    /// directory of a file the last clean run rendered and that is on disk as it left it.
    intact: HashMap<u64, PathBuf>,
    /// Per key, the text of a part of the last clean run, as its file on disk holds it;
    /// each is taken once (moved into the file that needs it, not copied).
    parts: Mutex<HashMap<u64, String>>,
    /// The files the parts were read from, each found whole as the last clean run
    /// wrote it: the stager need not read them again.
    verified: crate::write::Verified,
}

/// Where a keyed part is in the text of its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartAt {
    pub key: u64,
    pub start: usize,
    pub len: usize,
}

impl Reuse {
    /// Keys files over `base`; `intact` holds the files that may be taken as they are.
    pub fn new(base: u64, intact: HashMap<u64, PathBuf>) -> Reuse {
        Reuse {
            base: Some(base),
            intact,
            parts: Mutex::default(),
            verified: crate::write::Verified::default(),
        }
    }

    /// [`Reuse::new`], with the texts of the parts found intact, by key.
    pub fn with_parts(mut self, parts: HashMap<u64, String>) -> Reuse {
        self.parts = Mutex::new(parts);
        self
    }

    /// [`Reuse::new`], with the files found whole as the last clean run wrote them.
    pub fn with_verified(mut self, verified: crate::write::Verified) -> Reuse {
        self.verified = verified;
        self
    }

    pub fn verified(&self) -> &crate::write::Verified {
        &self.verified
    }

    /// Whether files are keyed.
    pub(super) fn keys(&self) -> bool {
        self.base.is_some()
    }

    /// The path of the file with `key`, if it may be taken as it is.
    pub(super) fn intact(&self, key: u64) -> Option<&Path> {
        self.intact.get(&key).map(PathBuf::as_path)
    }

    /// The text of the part with `key`, if the last clean run left it intact.
    pub(super) fn take_part(&self, key: u64) -> Option<String> {
        // A panic elsewhere while the lock was held left the map whole: take from it still.
        let mut parts = self.parts.lock().unwrap_or_else(|e| e.into_inner());
        parts.remove(&key)
    }

    /// The part of a key that one file spec of a target shares across namespaces:
    /// `None` when files are not keyed.
    pub(super) fn spec_key(
        &self,
        target: &str,
        spec: usize,
        every_field: bool,
        catalog: &tera::Value,
    ) -> Option<u64> {
        let base = self.base?;
        let mut h = hasher();
        (base, target, spec, every_field).hash(&mut h);
        // The catalog value as the file's templates see it (only the fields they name,
        // unless every field is kept); any serialization failure keys nothing.
        serde_json::to_vec(catalog).ok()?.hash(&mut h);
        Some(h.finish())
    }
}

/// A namespace's model, hashed: every field, spans included (they move only when the
/// namespace's own files change).
pub(super) fn namespace_key(n: &Namespace) -> u64 {
    let mut h = hasher();
    n.hash(&mut h);
    h.finish()
}

/// The key of a run of the code lookup: its codes, each with the namespaces that use
/// or retired it (by their [`namespace_key`], which covers every entry) and whether
/// the code is there with the other sign. `None` when namespaces are not keyed.
pub(super) fn run_key(run: &[crate::view::CodeAt], namespace_keys: &[u64]) -> Option<u64> {
    let mut h = hasher();
    for at in run {
        (at.code, at.other_sign, at.uses.len(), at.retired.len()).hash(&mut h);
        for &(n, i) in at.uses.iter().chain(&at.retired) {
            (namespace_keys.get(n)?, i).hash(&mut h);
        }
    }
    Some(h.finish())
}

/// The key of one file: its spec's, its locale (by position) and its namespace's.
pub(super) fn file_key(spec: u64, locale: Option<usize>, namespace: u64) -> u64 {
    let mut h = hasher();
    (spec, locale, namespace).hash(&mut h);
    h.finish()
}

/// SipHash with fixed keys: the same in every run of one errcat build (the key of a
/// run covers the build), and it spreads structured input well, which a key
/// compared across runs needs.
fn hasher() -> std::collections::hash_map::DefaultHasher {
    std::collections::hash_map::DefaultHasher::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_base_keys_nothing() {
        let r = Reuse::default();
        assert_eq!(r.spec_key("rust", 0, false, &tera::Value::from(1)), None);
        let r = Reuse::new(7, HashMap::new());
        let a = r.spec_key("rust", 0, false, &tera::Value::from(1));
        assert!(a.is_some());
        assert_ne!(a, r.spec_key("rust", 1, false, &tera::Value::from(1)));
        assert_ne!(a, r.spec_key("rust", 0, true, &tera::Value::from(1)));
        assert_ne!(a, r.spec_key("java", 0, false, &tera::Value::from(1)));
        assert_ne!(a, r.spec_key("rust", 0, false, &tera::Value::from(2)));
        assert_ne!(
            a,
            Reuse::new(8, HashMap::new()).spec_key("rust", 0, false, &tera::Value::from(1))
        );
    }

    #[test]
    fn locales_and_namespaces_key_apart() {
        assert_ne!(file_key(1, None, 2), file_key(1, Some(0), 2));
        assert_ne!(file_key(1, Some(0), 2), file_key(1, Some(1), 2));
        assert_ne!(file_key(1, Some(0), 2), file_key(1, Some(0), 3));
    }
}
