//! A small YAML writer for namespace files: canonical field order (as in
//! docs/catalog-format.md), and scalars quoted whenever a plain one could be
//! read back as anything but the same string.

use std::fmt::Write as _;

use super::doc::{Doc, Entry, Text};
use crate::source::Span;

/// Where a value read from a file (an input's cell, or the merged file's scalar) is
/// written in the output: a finding in the output is moved back to it.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    /// Byte offsets in the output: the key, the value, and the end of the field.
    pub key: usize,
    pub value: usize,
    pub end: usize,
    /// Where the value was read.
    pub origin: Span,
}

/// The text being written, and where each value with a known origin went.
#[derive(Default)]
struct Out {
    text: String,
    placed: Vec<Placed>,
}

impl std::fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

impl Out {
    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn push(&mut self, c: char) {
        self.text.push(c);
    }

    /// Writes `key: value` (with `write`) and records where it went, read at `origin`.
    fn placed(&mut self, origin: Option<Span>, key: &str, write: impl FnOnce(&mut Out)) {
        let start = self.text.len();
        write(self);
        if let Some(origin) = origin {
            let value = self.text[start..]
                .find(&format!("{key}: "))
                .map_or(start, |i| start + i + key.len() + 2);
            self.placed.push(Placed {
                key: start,
                value,
                end: self.text.len(),
                origin,
            });
        }
    }
}

/// Characters YAML 1.2 allows unescaped in a document (`c-printable`), minus the ones
/// readers treat specially anyway (BOM, the Unicode line separators).
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

/// Words a YAML 1.1 or 1.2 reader resolves to null or a boolean.
const SPECIAL: &[&str] = &[
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
];

/// Can `s` be written as a plain scalar? `flow` also rules out the flow indicators.
fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Anything that might resolve to a number, date or special float stays quoted.
    if first.is_ascii_digit() || matches!(first, '+' | '.') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return false;
    }
    if s.ends_with(|c: char| c.is_whitespace() || c == ':') {
        return false;
    }
    if SPECIAL.contains(&s.to_ascii_lowercase().as_str()) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains('\t') {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    s.chars().all(|c| printable(c) && c != '\n')
}

/// `s` as a double-quoted scalar: every non-printable character escaped.
fn quoted(s: &str) -> String {
    crate::naming::double_quoted(s, |c, out| match c {
        '\0' => out.push_str("\\0"),
        c if printable(c) => out.push(c),
        c if (c as u32) <= 0xFF => {
            let _ = write!(out, "\\x{:02X}", c as u32);
        }
        c if (c as u32) <= 0xFFFF => {
            let _ = write!(out, "\\u{:04X}", c as u32);
        }
        c => {
            let _ = write!(out, "\\U{:08X}", c as u32);
        }
    })
}

/// A scalar for a block mapping value or key: plain when safe, else double-quoted.
pub fn scalar(s: &str) -> String {
    if plain_ok(s, false) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// A scalar inside a flow collection (`[a, b]`, `{ en: a }`).
pub(super) fn flow_scalar(s: &str) -> String {
    if plain_ok(s, true) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// Whether a multi-line text reads back unchanged from a `|-` literal block.
fn literal_ok(s: &str) -> bool {
    s.contains('\n')
        && !s.starts_with([' ', '\t', '\n'])
        && !s.ends_with('\n')
        && s.chars().all(printable)
        && s.lines()
            .all(|l| !l.ends_with([' ', '\t']) && !l.starts_with('\t'))
}

/// Writes `key: value` at `indent`, a literal block for multi-line text.
fn field(out: &mut Out, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    if literal_ok(value) {
        let _ = writeln!(out, "{pad}{}: |-", scalar(key));
        for line in value.split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}  {line}");
            }
        }
    } else {
        let _ = writeln!(out, "{pad}{}: {}", scalar(key), scalar(value));
    }
}

/// [`field`]'s lines, for a file edited in place.
pub(super) fn field_text(indent: usize, key: &str, value: &str) -> String {
    let mut out = Out::default();
    field(&mut out, indent, key, value);
    out.text
}

/// `[a, b]`, each item quoted if a flow sequence needs it.
pub fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| flow_scalar(s)).collect();
    format!("[{}]", items.join(", "))
}

/// A text as a map from locale to string, locales in `order`.
fn text(out: &mut Out, indent: usize, key: &str, t: &Text, order: &[String]) {
    if t.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}{key}:", " ".repeat(indent));
    for l in t.sorted(order) {
        let locale = scalar(&l.locale);
        out.placed(l.span, &locale, |out| {
            field(out, indent + 2, &l.locale, &l.text);
        });
    }
}

/// The namespace file for `doc`; `locale_order` sorts each text's locales.
pub fn namespace(doc: &Doc, locale_order: &[String]) -> String {
    namespace_placed(doc, locale_order).0
}

/// The namespace file for `doc`, and where each value with a known origin is in it,
/// in the order written.
pub fn namespace_placed(doc: &Doc, locale_order: &[String]) -> (String, Vec<Placed>) {
    let mut out = Out::default();
    field(&mut out, 0, "namespace", &doc.namespace);
    if let Some(t) = &doc.title {
        text(&mut out, 0, "title", t, locale_order);
    }
    if let Some(t) = &doc.description {
        text(&mut out, 0, "description", t, locale_order);
    }
    if let Some(l) = &doc.locales {
        let _ = writeln!(out, "locales: {}", flow_list(l));
    }
    if let Some((min, max)) = doc.range {
        let _ = writeln!(out, "range: {{ min: {min}, max: {max} }}");
    }
    let d = &doc.defaults;
    if d.http.is_some() || d.retryable.is_some() || d.severity.is_some() {
        out.push_str("defaults:\n");
        behaviour(&mut out, 2, d.http, d.retryable, d.severity);
    }
    if let Some(s) = &doc.source {
        out.push_str("source:\n");
        for (k, v) in [("file", &s.file), ("section", &s.section), ("url", &s.url)] {
            if let Some(v) = v {
                field(&mut out, 2, k, v);
            }
        }
    }
    if !doc.groups.is_empty() {
        out.push_str("groups:\n");
        for g in &doc.groups {
            let _ = writeln!(out, "  - id: {}", scalar(&g.id));
            text(&mut out, 4, "title", &g.title, locale_order);
        }
    }
    if !doc.reserved.is_empty() {
        out.push_str("reserved:\n");
        for r in &doc.reserved {
            let _ = writeln!(out, "  - code: {}", r.code);
            if let Some(n) = &r.name {
                field(&mut out, 4, "name", n);
            }
            field(&mut out, 4, "reason", &r.reason);
        }
    }
    if !doc.lints.is_empty() {
        out.push_str("lints:\n");
        for (rule, level) in &doc.lints {
            field(&mut out, 2, rule, level);
        }
    }
    out.push_str("entries:");
    if doc.entries.is_empty() {
        out.push_str(" []");
    }
    out.push('\n');
    for e in &doc.entries {
        entry(&mut out, e, locale_order);
    }
    (out.text, out.placed)
}

/// `http`, `retryable` and `severity`, as an entry or the namespace defaults have them.
fn behaviour(
    out: &mut Out,
    indent: usize,
    http: Option<i64>,
    retryable: Option<bool>,
    severity: Option<&str>,
) {
    let pad = " ".repeat(indent);
    if let Some(h) = http {
        let _ = writeln!(out, "{pad}http: {h}");
    }
    if let Some(r) = retryable {
        let _ = writeln!(out, "{pad}retryable: {r}");
    }
    if let Some(s) = severity {
        let _ = writeln!(out, "{pad}severity: {s}");
    }
}

fn entry(out: &mut Out, e: &Entry, order: &[String]) {
    out.placed(e.code_span, "code", |out| {
        let _ = writeln!(out, "  - code: {}", e.code);
    });
    if let Some(n) = &e.name {
        out.placed(e.name_span, "name", |out| field(out, 4, "name", n));
    }
    for (f, t) in &e.texts {
        text(out, 4, f.key(), t, order);
    }
    if e.no_http && e.http.is_none() {
        out.push_str("    http: null\n");
    }
    if let Some((h, span)) = e.http {
        out.placed(span, "http", |out| behaviour(out, 4, Some(h), None, None));
    }
    behaviour(out, 4, None, e.retryable, e.severity);
    if let Some(g) = &e.group {
        field(out, 4, "group", g);
    }
    if let Some(s) = &e.since {
        field(out, 4, "since", s);
    }
    if !e.params.is_empty() {
        let _ = writeln!(out, "    params: {}", flow_list(&e.params));
    }
    if !e.tags.is_empty() {
        let _ = writeln!(out, "    tags: {}", flow_list(&e.tags));
    }
    if let Some((reason, replaced_by)) = &e.deprecated {
        out.push_str("    deprecated:\n");
        field(out, 6, "reason", reason);
        if let Some(r) = replaced_by {
            field(out, 6, "replaced_by", r);
        }
    }
    if !e.acknowledge.is_empty() {
        out.push_str("    acknowledge:\n");
        for (rule, reason) in &e.acknowledge {
            let _ = writeln!(out, "      - rule: {}", scalar(rule));
            field(out, 8, "reason", reason);
        }
    }
}

#[cfg(test)]
mod tests;
