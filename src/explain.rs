//! `errcat explain`: what a bare code means, in every namespace that defines it.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Catalog, Text};
use crate::source::Sources;

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub code: i64,
    pub definitions: Vec<Definition>,
    /// The same number with the other sign: logs and UIs that drop the sign turn -1001 into 1001.
    pub opposite_sign: Vec<Definition>,
}

#[derive(Debug, Serialize)]
pub struct Definition {
    pub namespace: String,
    pub name: String,
    pub code: i64,
    pub title: Option<String>,
    /// Locale → text, in catalog locale order.
    pub message: Vec<LocalizedText>,
    pub http: Option<u16>,
    pub retryable: bool,
    pub deprecated: Option<String>,
    pub file: String,
    pub line: u32,
    pub doc_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LocalizedText {
    pub locale: String,
    pub text: String,
}

fn localized(t: &Text) -> Vec<LocalizedText> {
    t.0.iter()
        .map(|(l, s)| LocalizedText {
            locale: l.clone(),
            text: s.clone(),
        })
        .collect()
}

pub fn explain(
    catalog: &Catalog,
    sources: &Sources,
    code: i64,
    namespace: Option<&str>,
) -> Explanation {
    let opposite = code.checked_neg().filter(|&c| c != code);
    Explanation {
        code,
        definitions: definitions(catalog, sources, code, namespace),
        opposite_sign: opposite
            .map(|c| definitions(catalog, sources, c, namespace))
            .unwrap_or_default(),
    }
}

fn definitions(
    catalog: &Catalog,
    sources: &Sources,
    code: i64,
    namespace: Option<&str>,
) -> Vec<Definition> {
    let mut out = Vec::new();
    for ns in catalog
        .namespaces
        .iter()
        .filter(|ns| namespace.is_none_or(|n| n == ns.id))
    {
        for e in ns.entries.iter().filter(|e| e.code == code) {
            out.push(Definition {
                namespace: ns.id.clone(),
                name: e.name.clone(),
                code,
                title: e
                    .title
                    .as_ref()
                    .and_then(|t| t.get(&catalog.default_locale))
                    .map(str::to_owned),
                message: localized(&e.message),
                http: e.http,
                retryable: e.retryable,
                deprecated: e.deprecated.as_ref().map(|d| d.reason.clone()),
                file: sources.path(e.span.file).to_string_lossy().into_owned(),
                line: e.span.line,
                doc_url: catalog.docs_base_url.as_ref().map(|b| {
                    format!(
                        "{b}{}/{}.html#{}",
                        catalog.default_locale,
                        ns.id,
                        crate::view::anchor(&ns.id, code)
                    )
                }),
            });
        }
    }
    out
}

impl Explanation {
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let n = self.definitions.len();
        if n == 0 {
            let _ = writeln!(out, "{} is not defined in any namespace", self.code);
        } else {
            let _ = writeln!(
                out,
                "{} is defined in {n} namespace{}:",
                self.code,
                if n == 1 { "" } else { "s" }
            );
            write_definitions(&mut out, &self.definitions);
        }
        if let Some(first) = self.opposite_sign.first() {
            let _ = writeln!(
                out,
                "\nWith the other sign, {} (a log or UI that drops the sign shows it as {}):",
                first.code, self.code
            );
            write_definitions(&mut out, &self.opposite_sign);
        }
        out
    }
}

fn write_definitions(out: &mut String, definitions: &[Definition]) {
    for d in definitions {
        let _ = writeln!(
            out,
            "\n  {}  {}  ({}:{})",
            d.namespace, d.name, d.file, d.line
        );
        if let Some(t) = &d.title {
            let _ = writeln!(out, "    title    {t}");
        }
        for (i, m) in d.message.iter().enumerate() {
            let label = if i == 0 { "message" } else { "" };
            let text = m.text.replace('\n', "\n                    ");
            let _ = writeln!(out, "    {label:<8} {:<6} {text}", m.locale);
        }
        if let Some(h) = d.http {
            let _ = writeln!(out, "    http     {h}");
        }
        if d.retryable {
            let _ = writeln!(out, "    retry    yes");
        }
        if let Some(r) = &d.deprecated {
            let _ = writeln!(out, "    deprecated  {r}");
        }
        if let Some(u) = &d.doc_url {
            let _ = writeln!(out, "    docs     {u}");
        }
    }
}
