//! Which names a template uses, so that views are turned into template values
//! with only the fields some template of the file can read.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{FileSpec, Target};

/// Every identifier and quoted word inside the `{{ … }}` and `{% … %}` tags of
/// some templates: the variables, attributes, keys and filters they name.
#[derive(Clone, Debug, Default)]
pub struct Names {
    words: HashSet<String, BuildHasherDefault<Fnv>>,
    /// The names read as variables: not after a `.`, not quoted (`codes` in
    /// `{% for c in codes %}`, not in `{{ ui.codes }}`).
    variables: HashSet<String, BuildHasherDefault<Fnv>>,
    /// Every name, whatever the templates say: a template may reach a field through
    /// a computed key (`e[name]`), which no scan of its text sees.
    all: bool,
}

/// Each template of a target scanned once: its files share most of them (components).
pub struct Scans<'t> {
    target: &'t Target,
    each: std::collections::HashMap<&'t str, Names>,
    /// The templates no file renders, whole or in parts: every file may use them.
    shared: Names,
}

impl<'t> Scans<'t> {
    pub fn of(target: &'t Target) -> Scans<'t> {
        let each: std::collections::HashMap<&str, Names> = target
            .templates
            .iter()
            .map(|(name, text)| {
                let mut n = Names::default();
                n.add(text);
                (name.as_str(), n)
            })
            .collect();
        let rendered = |name: &str| {
            target
                .files
                .iter()
                .any(|f| f.template == name || f.parts.as_deref() == Some(name))
        };
        let shared = Names::union(
            each.iter()
                .filter(|(name, _)| !rendered(name))
                .map(|(_, n)| n),
        );
        Scans {
            target,
            each,
            shared,
        }
    }
}

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
    pub fn of_file(scans: &Scans, spec: &FileSpec) -> Names {
        let mut names = Names::default();
        names.add(&spec.path);
        let own = scans.target.templates.get(&spec.template);
        let named = scans
            .each
            .iter()
            .filter(|(name, _)| **name == spec.template || own.is_some_and(|t| t.contains(*name)));
        Names::union(named.map(|(_, n)| n).chain([&names, &scans.shared]))
    }

    /// The names a file's part template can read (nothing for a file without parts).
    pub fn of_parts(scans: &Scans, spec: &FileSpec) -> Names {
        spec.parts
            .as_ref()
            .and_then(|p| scans.each.get(p.as_str()))
            .cloned()
            .unwrap_or_default()
    }

    /// Every name there is: values keep all their fields.
    pub fn everything() -> Names {
        Names {
            all: true,
            ..Names::default()
        }
    }

    /// Every name of `all`: what some file of a target can read.
    pub fn union<'n>(all: impl IntoIterator<Item = &'n Names>) -> Names {
        let mut names = Names::default();
        for n in all {
            names.words.extend(n.words.iter().cloned());
            names.variables.extend(n.variables.iter().cloned());
            names.all |= n.all;
        }
        names
    }

    pub fn contains(&self, name: &str) -> bool {
        self.all || self.words.contains(name)
    }

    /// Whether some tag reads `name` as a variable of the context.
    pub fn reads_variable(&self, name: &str) -> bool {
        self.all || self.variables.contains(name)
    }

    pub(crate) fn add(&mut self, text: &str) {
        // The template's own variables, innermost block last: a `set` or a loop's
        // variable named like a context variable (`{% set codes = "…" %}` in a style
        // sheet) is no read of it, and reading `codes` makes the file list every code.
        // A name set inside a block is the block's: after it, the context's again.
        let mut frames: Vec<Vec<&str>> = vec![Vec::new()];
        for tag in tags(text) {
            self.words.extend(words(tag).map(str::to_owned));
            let body = tag.trim_matches(|c: char| c == '-' || c.is_whitespace());
            let keyword = body.split_whitespace().next().unwrap_or_default();
            let after = &body[keyword.len()..];
            // What the tag reads, what it defines for the block it opens, what it sets.
            let (reads, opens, sets) = match keyword {
                "for" => match after.split_once(" in ") {
                    Some((vars, expr)) => (expr, Some(vars), None),
                    None => (body, None, None),
                },
                "component" => ("", after.split_once('(').map(|(_, p)| p), None),
                "set" | "set_global" => match after.split_once('=') {
                    Some((name, expr)) if !expr.starts_with('=') => (expr, None, Some(name)),
                    _ => (body, None, None),
                },
                _ => (body, None, None),
            };
            let local = |name: &str| frames.iter().any(|f| f.contains(&name));
            let read: Vec<String> = variables(reads)
                .filter(|v| !local(v))
                .map(str::to_owned)
                .collect();
            self.variables.extend(read);
            if let (Some(name), Some(frame)) = (sets, frames.last_mut()) {
                frame.extend(variables(name));
            }
            match keyword {
                "for" | "if" | "component" => {
                    frames.push(opens.map(|d| variables(d).collect()).unwrap_or_default());
                }
                "endfor" | "endif" | "endcomponent" if frames.len() > 1 => {
                    frames.pop();
                }
                _ => {}
            }
        }
    }
}

/// The insides of `{{ … }}` and `{% … %}` tags (an unclosed tag runs to the end).
fn tags(text: &str) -> Vec<&str> {
    tag_ranges(text).into_iter().map(|(_, body)| body).collect()
}

/// Each `{{ … }}` and `{% … %}` tag: its byte range in `text` (delimiters included)
/// and its inside. An unclosed tag runs to the end; `{# … #}` comments are skipped.
pub(super) fn tag_ranges(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find('{').map(|o| at + o) {
        let close = match text.as_bytes().get(open + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => {
                at = text[open + 2..]
                    .find("#}")
                    .map_or(text.len(), |e| open + 2 + e + 2);
                continue;
            }
            _ => {
                at = open + 1;
                continue;
            }
        };
        let start = open + 2;
        let end = text[start..].find(close).map_or(text.len(), |e| start + e);
        let after = (end + close.len()).min(text.len());
        out.push((open..after, &text[start..end]));
        at = end;
    }
    out
}

fn words(tag: &str) -> impl Iterator<Item = &str> {
    tag.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

/// The words of a tag that are neither attributes (after a `.`) nor inside quotes.
fn variables(tag: &str) -> impl Iterator<Item = &str> {
    let mut quote = None;
    let mut after_dot = false;
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in tag.char_indices().chain(std::iter::once((tag.len(), ' '))) {
        let word_char = c.is_ascii_alphanumeric() || c == '_';
        if let Some(s) = start.filter(|_| !word_char) {
            let word = &tag[s..i];
            if quote.is_none() && !after_dot && !word.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(word);
            }
            start = None;
            after_dot = false;
        }
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '.') => after_dot = true,
            (None, _) if word_char && start.is_none() => start = Some(i),
            (None, _) if word_char => {}
            (None, c) if !c.is_whitespace() => after_dot = false,
            _ => {}
        }
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::{Names, tags};

    #[test]
    fn variables_are_bare_words() {
        let mut n = Names::default();
        n.add(
            r#"{% for c in codes %}{{ ui.codes }} {{ ui["lookup"] }} {{ x . y }} {{ z | f(a=1) }}"#,
        );
        for name in ["codes", "ui", "x", "z", "f", "a"] {
            assert!(n.reads_variable(name), "{name}");
        }
        // `c` is the loop's.
        for name in ["lookup", "y", "c"] {
            assert!(n.contains(name) && !n.reads_variable(name), "{name}");
        }
        let mut n = Names::default();
        n.add("{{ ui.codes }}{{ 'codes' }}");
        assert!(
            !n.reads_variable("codes"),
            "an attribute or a string is not the variable"
        );
    }

    /// A template's own variables are no reads of the context's, where they are in scope.
    #[test]
    fn names_a_template_sets_are_its_own_where_set() {
        let reads = |t: &str, name: &str| {
            let mut n = Names::default();
            n.add(t);
            n.reads_variable(name)
        };
        let css =
            r#"{%- for when in ["a", "b"] %}{%- set codes = ".codes" %}{{ codes }} x{% endfor %}"#;
        assert!(!reads(css, "codes") && !reads(css, "when"));
        // The expression is read before the name is the template's.
        assert!(reads(
            "{% set codes = codes | length %}{{ codes }}",
            "codes"
        ));
        // Set in a block, then read after it: the context's, when the block did not run.
        assert!(reads(
            "{% if a %}{% set codes = 1 %}{% endif %}{{ codes }}",
            "codes"
        ));
        assert!(reads("{% for c in codes %}{{ c }}{% endfor %}{{ c }}", "c"));
        assert!(!reads("{% for c in codes %}{{ c }}{% endfor %}", "c"));
        assert!(!reads(
            "{%- component doc(lines, names) -%}{{ names }}{%- endcomponent doc -%}",
            "names"
        ));
        assert!(!reads(
            "{% set namespaces = 1 %}{{ namespaces }}",
            "namespaces"
        ));
    }

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
        assert_eq!(
            tags("{# {{ hidden }} #}{{ shown }}"),
            vec![" shown "],
            "a comment holds no tags"
        );
    }
}

#[cfg(test)]
mod builtin {
    use super::Names;

    /// A catalog-wide file that reads `codes` or `namespaces` gets a value per code or
    /// per namespace, the largest values there are: a built-in template reads them only
    /// to loop over them (a style sheet's selector once named `codes` took 480 MB more
    /// at 100,000 codes).
    #[test]
    fn builtin_templates_read_the_catalog_wide_lists_only_to_loop_over_them() {
        let mut read = 0;
        for target in crate::load::builtin::names() {
            for (file, text) in crate::load::builtin::files(target) {
                let mut n = Names::default();
                n.add(text);
                for list in ["codes", "namespaces"] {
                    if n.reads_variable(list) {
                        read += 1;
                        assert!(
                            text.contains(&format!(" in {list}")),
                            "{target}/{file} reads `{list}`"
                        );
                    }
                }
            }
        }
        assert!(read >= 2, "the docs' index and code lookup list them");
    }
}
