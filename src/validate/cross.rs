//! Checks across namespaces and targets.

use std::collections::BTreeMap;

use super::catalog::Context;
use crate::diag::Diagnostic;
use crate::model::{Namespace, Target};
use crate::rules;

pub fn duplicate_namespaces(cx: &mut Context, namespaces: &[Namespace]) {
    for pair in namespaces.windows(2) {
        if pair[0].id == pair[1].id {
            let (first, again) = if pair[0].file <= pair[1].file {
                (&pair[0], &pair[1])
            } else {
                (&pair[1], &pair[0])
            };
            cx.emit(
                Diagnostic::new(
                    &rules::DUPLICATE_NAMESPACE,
                    format!("namespace {} is declared in two files", again.id),
                )
                .at(again.span, "declared again here")
                .related(first.span, "first declared here")
                .help("a namespace lives in one file; merge the two"),
            );
        }
    }
}

/// One warning per code that means different things in different namespaces.
pub fn code_overlap(cx: &mut Context, namespaces: &[Namespace]) {
    let mut by_code: BTreeMap<i64, Vec<(&Namespace, &crate::model::Entry)>> = BTreeMap::new();
    for ns in namespaces {
        for e in &ns.entries {
            by_code.entry(e.code).or_default().push((ns, e));
        }
    }
    let default = cx.default_locale.clone();
    for (code, defs) in by_code {
        let mut ids: Vec<&str> = defs.iter().map(|(n, _)| n.id.as_str()).collect();
        ids.dedup();
        if ids.len() < 2 {
            continue;
        }
        let meaning = |e: &crate::model::Entry| {
            format!(
                "{} \"{}\"",
                e.name,
                e.message.get(&default).unwrap_or_default()
            )
        };
        let distinct: std::collections::BTreeSet<String> =
            defs.iter().map(|(_, e)| meaning(e)).collect();
        if distinct.len() < 2 {
            continue;
        }
        let (ns0, e0) = defs[0];
        let mut d = Diagnostic::new(
            &rules::CODE_OVERLAP,
            format!(
                "code {code} means different things in {} namespaces: {}",
                ids.len(),
                ids.join(", ")
            ),
        )
        .at(e0.span, format!("{}: {}", ns0.id, meaning(e0)));
        for (ns, e) in &defs[1..] {
            d = d.related(e.span, format!("{}: {}", ns.id, meaning(e)));
        }
        cx.emit(d.help(
            "a bare code is ambiguous: show the namespace with it (`errcat explain` resolves it)",
        ));
    }
}

pub fn integer_width(cx: &mut Context, namespaces: &[Namespace], targets: &[Target]) {
    for t in targets {
        let Some(range) = t.profile.int_range else {
            continue;
        };
        for ns in namespaces {
            for e in &ns.entries {
                if !t.profile.fits(e.code) {
                    cx.emit(
                        Diagnostic::new(
                            &rules::INTEGER_WIDTH,
                            format!(
                                "code {} of {} does not fit a {} (target `{}`)",
                                e.code, e.name, range.describe, t.id
                            ),
                        )
                        .at(e.span, format!("outside {}..={}", range.min, range.max))
                        .help(format!(
                            "use codes in {}..={} or drop target `{}`",
                            range.min, range.max, t.id
                        )),
                    );
                }
            }
        }
    }
}
