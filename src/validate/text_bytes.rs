//! `limits: text_bytes`: the longest text a target's generated code can hold, checked
//! where each text is read, so that the finding points at the text itself.

use super::catalog::Context;
use crate::diag::Diagnostic;
use crate::model::Target;
use crate::rules;
use crate::source::Span;

/// One target's limit, with where its target.yaml declares it.
#[derive(Clone, Debug)]
pub struct TextLimit {
    target: String,
    bytes: u32,
    declared: Span,
}

/// The limits the targets declare.
pub fn limits(targets: &[Target]) -> Vec<TextLimit> {
    targets
        .iter()
        .filter_map(|t| {
            let (bytes, declared) = t.limits.text_bytes?;
            Some(TextLimit {
                target: t.id.clone(),
                bytes,
                declared,
            })
        })
        .collect()
}

impl Context<'_> {
    /// A `target-limit` error for each target whose `text_bytes` the text `s`, written
    /// at `span`, exceeds. Bytes of UTF-8, as a C compiler counts a literal's length
    /// (its escapes read), not the characters of the escaped literal.
    pub fn text_bytes(&mut self, span: Span, what: &str, s: &str) {
        let len = s.len();
        let over: Vec<TextLimit> = self
            .text_limits
            .iter()
            .filter(|l| len > l.bytes as usize)
            .cloned()
            .collect();
        for limit in over {
            self.emit(
                Diagnostic::new(
                    &rules::TARGET_LIMIT,
                    format!(
                        "{what} has {}; target `{}` takes at most {} in one text",
                        crate::console::count(len, "byte"),
                        limit.target,
                        crate::console::count(limit.bytes as usize, "byte"),
                    ),
                )
                .at(span, "this text")
                .related(limit.declared, "the limit of its templates")
                .help(format!(
                    "shorten the text to at most {} of UTF-8 (a link to longer docs can hold the rest), or drop target `{}`",
                    crate::console::count(limit.bytes as usize, "byte"),
                    limit.target
                )),
            );
        }
    }
}
