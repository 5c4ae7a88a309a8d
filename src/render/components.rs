//! A component defined by two templates of one target: Tera names the component
//! and both templates but no position, so find each `{% component name(…) %}` tag.

use super::nesting::{code_tags, span, word_after};
use crate::diag::Diagnostic;
use crate::model::Target;
use crate::rules;

/// The diagnostic for Tera's "Component `x` is defined in both `a` and `b`", at
/// both definitions; `None` for any other message, or when a tag is not found.
pub(super) fn defined_twice(target: &Target, what: &str, message: &str) -> Option<Diagnostic> {
    let rest = message.strip_prefix("Component `")?;
    let (name, rest) = rest.split_once("` is defined in both `")?;
    let (first, rest) = rest.split_once("` and `")?;
    let second = rest.strip_suffix('`')?;
    let (a, b) = (
        definition(target, first, name)?,
        definition(target, second, name)?,
    );
    Some(
        Diagnostic::new(
            &rules::TEMPLATE,
            format!(
                "target `{}`: {what} failed: component `{name}` is defined twice, in `{first}` and `{second}`",
                target.id
            ),
        )
        .at(b, "defined again here")
        .related(a, "first defined here")
        .help("rename one of them, or keep one definition and import it where it is used"),
    )
}

/// Where template `template` defines component `name`.
fn definition(target: &Target, template: &str, name: &str) -> Option<crate::source::Span> {
    let text = target.templates.get(template)?;
    code_tags(text).into_iter().find_map(|(range, body)| {
        let rest = word_after(body, "component")?;
        let defined = rest.split(|c: char| c == '(' || c.is_whitespace()).next()?;
        (defined == name)
            .then(|| span(target, template, range))
            .flatten()
    })
}
