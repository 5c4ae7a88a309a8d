//! `errcat lint`: a per-namespace summary of a valid catalog, as a table or as JSON
//! lines (one object per namespace, for scripts and dashboards).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::console::count;
use crate::diag::Report;
use crate::model::Catalog;

/// One namespace's row.
#[derive(Serialize)]
struct Row<'a> {
    namespace: &'a str,
    codes: usize,
    /// Per catalog locale, in the catalog's order.
    messages: Vec<Coverage<'a>>,
    /// Rule id → findings in this namespace.
    findings: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct Coverage<'a> {
    locale: &'a str,
    /// Entries with a message in this locale.
    have: usize,
    /// Whether the namespace requires it (otherwise a missing text falls back to another
    /// locale of its language and script, else to the default locale).
    required: bool,
}

fn rows<'a>(catalog: &'a Catalog, report: &Report) -> Vec<Row<'a>> {
    let mut findings: BTreeMap<&str, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for d in &report.diagnostics {
        let mut namespaces: Vec<&str> = d.scope.iter().map(|(ns, _)| ns.as_str()).collect();
        namespaces.dedup();
        for ns in namespaces {
            *findings.entry(ns).or_default().entry(d.rule).or_default() += 1;
        }
    }
    catalog
        .namespaces
        .iter()
        .map(|ns| Row {
            namespace: &ns.id,
            codes: ns.entries.len(),
            messages: catalog
                .locales
                .iter()
                .map(|l| Coverage {
                    locale: l,
                    have: ns
                        .entries
                        .iter()
                        .filter(|e| e.message.get(l).is_some())
                        .count(),
                    required: ns.required_locales.contains(l),
                })
                .collect(),
            findings: findings.remove(ns.id.as_str()).unwrap_or_default(),
        })
        .collect()
}

/// One JSON object per namespace and line: `namespace`, `codes`, `messages` (per
/// locale: `locale`, `have`, `required`) and `findings` (rule id → count).
pub fn summary_json(catalog: &Catalog, report: &Report) -> String {
    rows(catalog, report)
        .iter()
        .map(|r| serde_json::to_string(r).unwrap_or_default() + "\n")
        .collect()
}

/// One row per namespace: codes, how many messages each locale has, findings by rule.
pub fn summary(catalog: &Catalog, report: &Report) -> String {
    let rows: Vec<[String; 4]> = rows(catalog, report)
        .into_iter()
        .map(|r| {
            let locales = r
                .messages
                .iter()
                .map(|c| {
                    let mark = if c.required { "" } else { "*" };
                    format!("{}{mark} {}/{}", c.locale, c.have, r.codes)
                })
                .collect::<Vec<_>>()
                .join("  ");
            let found = if r.findings.is_empty() {
                "-".to_string()
            } else {
                r.findings
                    .iter()
                    .map(|(rule, n)| format!("{rule} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            [r.namespace.to_owned(), r.codes.to_string(), locales, found]
        })
        .collect();
    let header = ["namespace", "codes", "messages per locale", "findings"];
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].len()])
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (width(0), width(1), width(2));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<w0$}  {:>w1$}  {:<w2$}  {}",
        header[0], header[1], header[2], header[3]
    );
    for r in &rows {
        let pad = w2 - r[2].chars().count();
        let _ = writeln!(
            out,
            "{:<w0$}  {:>w1$}  {}{}  {}",
            r[0],
            r[1],
            r[2],
            " ".repeat(pad),
            r[3]
        );
    }
    let total: usize = catalog.namespaces.iter().map(|n| n.entries.len()).sum();
    let _ = writeln!(
        out,
        "\n{}, {}; * = locale not required (falls back to a locale of its language and script, else to {}).",
        count(catalog.namespaces.len(), "namespace"),
        count(total, "code"),
        catalog.default_locale
    );
    out
}
