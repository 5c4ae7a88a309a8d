//! `errcat lint`: a per-namespace summary of a valid catalog, as a table or as JSON
//! lines (one object per namespace, for scripts and dashboards).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::console::count;
use crate::diag::Report;
use crate::model::{Catalog, Namespace, Text};

/// One namespace's row.
#[derive(Serialize)]
struct Row<'a> {
    namespace: &'a str,
    codes: usize,
    /// Per catalog locale, in the catalog's order.
    messages: Vec<Coverage<'a>>,
    /// The namespace's other texts: its title and description, its groups' titles,
    /// its entries' titles, descriptions, causes and solutions.
    other_texts: usize,
    /// Per catalog locale, how many of `other_texts` it has: a translator's work is
    /// more than the messages.
    other: Vec<Coverage<'a>>,
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
        .map(|ns| {
            let messages: Vec<&Text> = ns.entries.iter().map(|e| &e.message).collect();
            let other = other_texts(ns);
            let coverage = |texts: &[&Text]| {
                catalog
                    .locales
                    .iter()
                    .map(|l| Coverage {
                        locale: l,
                        have: texts.iter().filter(|t| t.get(l).is_some()).count(),
                        required: ns.required_locales.contains(l),
                    })
                    .collect()
            };
            Row {
                namespace: &ns.id,
                codes: ns.entries.len(),
                messages: coverage(&messages),
                other_texts: other.len(),
                other: coverage(&other),
                findings: findings.remove(ns.id.as_str()).unwrap_or_default(),
            }
        })
        .collect()
}

/// Every text of `ns` but its messages.
fn other_texts(ns: &Namespace) -> Vec<&Text> {
    let entries = ns.entries.iter().flat_map(|e| {
        [&e.title, &e.description, &e.cause, &e.solution]
            .into_iter()
            .flatten()
    });
    [&ns.title, &ns.description]
        .into_iter()
        .flatten()
        .chain(ns.groups.iter().map(|g| &g.title))
        .chain(entries)
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

/// One row per namespace: codes, how many messages and other texts each locale has,
/// findings by rule.
pub fn summary(catalog: &Catalog, report: &Report) -> String {
    let per_locale = |coverage: &[Coverage], of: usize| {
        if of == 0 {
            return "-".to_string();
        }
        coverage
            .iter()
            .map(|c| {
                let mark = if c.required { "" } else { "*" };
                format!("{}{mark} {}/{of}", c.locale, c.have)
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let header = [
        "namespace",
        "codes",
        "messages per locale",
        "other texts per locale",
        "findings",
    ];
    let rows: Vec<[String; 5]> = rows(catalog, report)
        .into_iter()
        .map(|r| {
            let found = if r.findings.is_empty() {
                "-".to_string()
            } else {
                r.findings
                    .iter()
                    .map(|(rule, n)| format!("{rule} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            [
                r.namespace.to_owned(),
                r.codes.to_string(),
                per_locale(&r.messages, r.codes),
                per_locale(&r.other, r.other_texts),
                found,
            ]
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let mut out = String::new();
    let mut line = |cells: [&str; 5]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            match i {
                // Counts align right; the last column is not padded.
                1 => text.push_str(&format!("{}{cell}  ", " ".repeat(pad))),
                4 => text.push_str(cell),
                _ => text.push_str(&format!("{cell}{}  ", " ".repeat(pad))),
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(header);
    for r in &rows {
        line([&r[0], &r[1], &r[2], &r[3], &r[4]]);
    }
    let total: usize = catalog.namespaces.iter().map(|n| n.entries.len()).sum();
    let _ = writeln!(
        out,
        "\n{}, {}; * = locale not required (falls back to a locale of its language and script, else to {}); \
         other texts: titles, descriptions, causes and solutions.",
        count(catalog.namespaces.len(), "namespace"),
        count(total, "code"),
        catalog.default_locale
    );
    out
}
