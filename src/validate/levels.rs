//! Lint levels: `lints:` in the catalog or a namespace raises or lowers a rule;
//! an entry's `acknowledge:` accepts one finding on that code, with a reason.

use std::collections::BTreeMap;

use super::catalog::Context;
use crate::diag::{Diagnostic, Report, Severity};
use crate::load::raw::{S, SpannedMap};
use crate::rules::{self, Rule};
use crate::source::{FileId, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// An acknowledgement written on an entry.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Ack {
    pub namespace: String,
    pub code: i64,
    pub rule: String,
    pub span: Span,
    pub used: bool,
}

#[derive(Debug, Default)]
pub struct Levels {
    global: BTreeMap<&'static str, Level>,
    namespaces: BTreeMap<String, BTreeMap<&'static str, Level>>,
}

/// Reads a `lints:` map, reporting unknown rules and levels a rule does not allow.
pub fn read(cx: &mut Context, file: FileId, map: &S<SpannedMap>) -> BTreeMap<&'static str, Level> {
    let mut out = BTreeMap::new();
    for (rule, level) in &map.value.0 {
        let Some(r) = known_rule(cx, file, rule) else {
            continue;
        };
        let lspan = cx.span(file, level);
        let lvl = match level.value.as_str() {
            "allow" => Level::Allow,
            "warn" => Level::Warn,
            "deny" => Level::Deny,
            other => {
                cx.emit(
                    Diagnostic::new(
                        &rules::UNKNOWN_RULE,
                        format!("`{other}` is not a lint level"),
                    )
                    .at(lspan, "level")
                    .help("use allow, warn or deny"),
                );
                continue;
            }
        };
        if lvl != Level::Deny && !r.relaxable {
            cx.emit(
                Diagnostic::new(&rules::UNKNOWN_RULE, format!("rule `{}` cannot be lowered: generating past it would produce wrong output", r.id))
                    .at(lspan, "level"),
            );
            continue;
        }
        out.insert(r.id, lvl);
    }
    out
}

fn known_rule(cx: &mut Context, file: FileId, rule: &S<String>) -> Option<&'static Rule> {
    let found = rules::find(&rule.value);
    if found.is_none() {
        let ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
        let span = cx.span(file, rule);
        let mut d = Diagnostic::new(
            &rules::UNKNOWN_RULE,
            format!("there is no rule `{}`", rule.value),
        )
        .at(span, "unknown rule");
        if let Some(s) = crate::load::suggest(&rule.value, &ids) {
            d = d.help(format!("did you mean `{s}`?"));
        }
        cx.emit(d);
    }
    found
}

impl Levels {
    pub fn new(global: BTreeMap<&'static str, Level>) -> Self {
        Levels {
            global,
            namespaces: BTreeMap::new(),
        }
    }

    pub fn set_namespace(&mut self, namespace: &str, levels: BTreeMap<&'static str, Level>) {
        self.namespaces
            .entry(namespace.to_string())
            .or_default()
            .extend(levels);
    }

    fn level(&self, d: &Diagnostic) -> Option<Level> {
        let by_ns = d
            .scope
            .iter()
            .find_map(|(ns, _)| self.namespaces.get(ns).and_then(|m| m.get(d.rule)).copied());
        by_ns.or_else(|| self.global.get(d.rule).copied())
    }
}

/// Applies levels and acknowledgements to every finding; reports acknowledgements that
/// matched nothing, unless the catalog is `incomplete` (a namespace file did not load,
/// and its codes may be what they acknowledge).
pub fn apply(levels: &Levels, acks: &mut [Ack], report: &mut Report, incomplete: bool) {
    let mut kept = Vec::with_capacity(report.diagnostics.len());
    for mut d in std::mem::take(&mut report.diagnostics) {
        let rule = rules::find(d.rule);
        let relaxable = rule.is_some_and(|r| r.relaxable);
        if relaxable
            && let Some(ack) = acks.iter_mut().find(|a| {
                a.rule == d.rule
                    && d.scope
                        .iter()
                        .any(|(ns, code)| *ns == a.namespace && *code == Some(a.code))
            })
        {
            ack.used = true;
            continue;
        }
        match levels.level(&d) {
            Some(Level::Allow) if relaxable => continue,
            Some(Level::Warn) if relaxable => d.severity = Severity::Warning,
            Some(Level::Deny) => d.severity = Severity::Error,
            _ => {}
        }
        kept.push(d);
    }
    for a in acks.iter().filter(|a| !a.used) {
        let d = match rules::find(&a.rule) {
            None => Diagnostic::new(
                &rules::UNKNOWN_RULE,
                format!("there is no rule `{}` to acknowledge", a.rule),
            )
            .at(a.span, "unknown rule"),
            Some(r) if !r.relaxable => Diagnostic::new(
                &rules::UNKNOWN_RULE,
                format!("rule `{}` cannot be acknowledged: it must be fixed", r.id),
            )
            .at(a.span, "here"),
            Some(_) if incomplete => continue,
            Some(_) => Diagnostic::new(
                &rules::UNUSED_ACKNOWLEDGEMENT,
                format!(
                    "{} acknowledges `{}` on code {}, but there is no such finding",
                    a.namespace, a.rule, a.code
                ),
            )
            .at(a.span, "acknowledged here")
            .help("remove the acknowledgement"),
        };
        kept.push(d.about(&a.namespace, Some(a.code)));
    }
    report.diagnostics = kept;
}
