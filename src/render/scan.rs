//! Which names a template uses, so that views are turned into template values
//! with only the fields some template of the file can read.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{FileSpec, Target};

/// Every identifier and quoted word inside the `{{ … }}` and `{% … %}` tags of
/// some templates: the variables, attributes, keys and filters they name.
#[derive(Clone, Debug, Default)]
pub struct Names(HashSet<String, BuildHasherDefault<Fnv>>);

/// FNV-1a: the set is asked once per serialized field, and its keys are short names.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Names {
    /// The names one file can read: its template, its path pattern, the target's
    /// shared templates (components, partials: files no spec renders) and any
    /// template it names (an include).
    pub fn of_file(target: &Target, spec: &FileSpec) -> Names {
        let mut names = Names::default();
        names.add(&spec.path);
        let own = target.templates.get(&spec.template);
        if let Some(text) = own {
            names.add(text);
        }
        for (name, text) in &target.templates {
            let shared = !target.files.iter().any(|f| &f.template == name);
            if shared || own.is_some_and(|t| t.contains(name.as_str())) {
                names.add(text);
            }
        }
        names
    }

    /// Every name of `all`: what some file of a target can read.
    pub fn union<'n>(all: impl IntoIterator<Item = &'n Names>) -> Names {
        let mut names = Names::default();
        for n in all {
            names.0.extend(n.0.iter().cloned());
        }
        names
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.contains(name)
    }

    pub(crate) fn add(&mut self, text: &str) {
        for tag in tags(text) {
            self.0.extend(words(tag).map(str::to_owned));
        }
    }
}

/// The insides of `{{ … }}` and `{% … %}` tags (an unclosed tag runs to the end).
fn tags(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let body = &after[1..];
        let end = body.find(close).unwrap_or(body.len());
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

fn words(tag: &str) -> impl Iterator<Item = &str> {
    tag.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::{Names, tags};

    #[test]
    fn names_come_from_tags_only() {
        let mut n = Names::default();
        n.add(r#"export const codes = 1; {{ catalog.namespaces | length }} {% for p in [["cause", e.cause]] %}{{ ui[p[0]] }}{% endfor %}"#);
        for name in ["catalog", "namespaces", "length", "cause", "ui", "p", "e"] {
            assert!(n.contains(name), "{name}");
        }
        assert!(
            !n.contains("codes") && !n.contains("export"),
            "text outside tags is output, not names"
        );
        assert_eq!(
            tags("{{ open"),
            vec![" open"],
            "an unclosed tag still counts"
        );
    }
}
