//! Changes as diagnostics: breaking changes under `breaking-change`, the rest under
//! `compatible-change`, each pointing at the new side (the old side for removals).

use super::{Change, Kind};
use crate::diag::{Diagnostic, Report, Severity};
use crate::rules;

fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::CodeRemoved => {
            "keep the code, deprecated, until the next major version; then move it to the namespace's `reserved:` list with a reason, so its number is never reused"
        }
        // Retiring removes the generated name as removing does; only the number is kept.
        Kind::CodeRetired => {
            "keep the code, deprecated, until the next major version: retiring it removes its generated name"
        }
        Kind::NameChanged | Kind::NameMoved => {
            "keep the old name; deprecate the entry and add a new code if the meaning changed"
        }
        Kind::CodeMovedNamespace => {
            "keep the code in its namespace and add a new code to the other; deprecate the old one, naming the new one in its `reason` (`replaced_by` names a code of the same namespace)"
        }
        Kind::HttpChanged | Kind::RetryableChanged | Kind::ParamRemoved | Kind::ParamAdded => {
            "clients rely on this: deprecate the code and add a new one with the new behaviour"
        }
        Kind::ParamOrderChanged => {
            "keep the `params:` order (a message may use its placeholders in any order), or deprecate the code and add a new one"
        }
        Kind::LocaleRenamed => {
            "keep the old tag in `locales:`: a request for the new one finds it, as a locale of its language"
        }
        Kind::LocaleRemoved => {
            "keep the locale in `locales:`; a code without a text in it shows another locale's of its language and script, else the default locale's"
        }
        Kind::ReservedRemoved | Kind::ReservedReused => {
            "keep the code in `reserved:`; deployed clients may still send or expect its old meaning"
        }
        Kind::NamespaceRemoved => {
            "keep the namespace, its codes deprecated, until the next major version: removing it removes its generated type and names"
        }
        Kind::DefaultLocaleChanged => {
            "keep the default locale; clients choose another by asking for it"
        }
        Kind::DocsUrlRemoved => "keep `docs.base_url` while clients link to the docs",
        Kind::TargetRemoved => "keep the target while anyone builds on its code",
        Kind::IntTypeChanged => {
            "keep the namespace's codes in the old type's range; put codes that need a wider integer in a namespace of their own"
        }
        Kind::VersionLowered => {
            "give the catalog a `version` above the base's: a release's version only goes up"
        }
        Kind::PackageRenamed => "keep the name: consumers import the generated code by it",
        _ => "",
    }
}

/// The diagnostics for `changes`. With `acknowledged` (a major version bump, e.g.
/// `1.4.0 → 2.0.0`), breaking changes are warnings that say so instead of errors.
pub fn diagnostics(changes: &[Change], acknowledged: Option<&str>, compatible: bool) -> Report {
    let mut report = Report::default();
    for c in changes {
        if !c.breaking() && !compatible {
            continue;
        }
        let rule = if c.breaking() {
            &rules::BREAKING_CHANGE
        } else {
            &rules::COMPATIBLE_CHANGE
        };
        let mut d = Diagnostic::new(rule, format!("{}: {}", c.kind.id(), c.message));
        if !c.namespace.is_empty() {
            d = d.about(&c.namespace, c.code);
        }
        // A thing gone is shown where it was; where it was listed now (its namespace,
        // the catalog's list) gives GitHub a file of the checkout to annotate.
        let gone_from = match c.kind {
            Kind::CodeRetired | Kind::CodeRemoved => Some("its namespace now"),
            Kind::NamespaceRemoved => Some("the catalog's `namespaces:` now"),
            Kind::TargetRemoved => Some("the catalog's `targets:` now"),
            _ => None,
        };
        d = match (c.new, c.old, gone_from) {
            (Some(new), Some(old), Some(now)) => d.at(old, "was here").related(new, now),
            (Some(new), Some(old), None) => d.at(new, "now").related(old, "before"),
            (None, Some(old), _) => d.at(old, "was here"),
            (Some(new), None, _) => d.at(new, "here"),
            (None, None, _) => d,
        };
        if c.breaking() {
            match acknowledged {
                Some(bump) => {
                    d.severity = Severity::Warning;
                    d = d.help(format!("acknowledged by the major version bump {bump}"));
                }
                // No bump acknowledges a version that went down.
                None if c.kind == Kind::VersionLowered => d = d.help(help(c.kind)),
                None => {
                    d = d.help(format!(
                        "{}; or, if the break is intended, bump the catalog's major `version`",
                        help(c.kind)
                    ));
                }
            }
        }
        report.push(d);
    }
    report
}
