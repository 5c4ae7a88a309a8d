//! `errcat lint`: a per-namespace summary of a valid catalog.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::console::count;
use crate::diag::Report;
use crate::model::Catalog;

/// One row per namespace: codes, how many messages each locale has, findings by rule.
pub fn summary(catalog: &Catalog, report: &Report) -> String {
    let mut findings: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for d in &report.diagnostics {
        let mut namespaces: Vec<&str> = d.scope.iter().map(|(ns, _)| ns.as_str()).collect();
        namespaces.dedup();
        for ns in namespaces {
            *findings.entry(ns).or_default().entry(d.rule).or_default() += 1;
        }
    }
    let rows: Vec<[String; 4]> = catalog
        .namespaces
        .iter()
        .map(|ns| {
            let locales = catalog
                .locales
                .iter()
                .map(|l| {
                    let have = ns
                        .entries
                        .iter()
                        .filter(|e| e.message.get(l).is_some())
                        .count();
                    let mark = if ns.required_locales.contains(l) {
                        ""
                    } else {
                        "*"
                    };
                    format!("{l}{mark} {have}/{}", ns.entries.len())
                })
                .collect::<Vec<_>>()
                .join("  ");
            let found = findings.get(ns.id.as_str()).map_or_else(
                || "-".to_string(),
                |m| {
                    m.iter()
                        .map(|(rule, n)| format!("{rule} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            );
            [ns.id.clone(), ns.entries.len().to_string(), locales, found]
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
        "\n{}, {}; * = locale not required (falls back to {}).",
        count(catalog.namespaces.len(), "namespace"),
        count(total, "code"),
        catalog.default_locale
    );
    out
}
