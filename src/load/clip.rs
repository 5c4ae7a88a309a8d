//! A block scalar's final line break is no part of its text. `description: |` is how
//! YAML writes a text of several lines, and its default ("clip") chomping ends the
//! value with one line break that no author means: it would be a trailing line
//! break in every output. It is removed where the text is read, its position kept;
//! `|-` has none, and `|+` (keep) keeps every final line break, as written.

use serde_saphyr::Location;

use super::raw::{RawText, S};
use crate::source::{FileId, Sources};

/// `t`, and each of its locales' texts, without a clipped block scalar's line break.
pub fn text(t: &mut S<RawText>, sources: &Sources, file: FileId) {
    match &mut t.value {
        RawText::Plain(s) => clip(s, &t.defined, sources, file),
        RawText::ByLocale(pairs) => {
            for (_, v) in pairs {
                clip(&mut v.value, &v.defined, sources, file);
            }
        }
        RawText::Scalar(_) => {}
    }
}

/// A text that is one string (a reason), as [`text`].
pub fn string(s: &mut S<String>, sources: &Sources, file: FileId) {
    clip(&mut s.value, &s.defined, sources, file);
}

fn clip(value: &mut String, at: &Location, sources: &Sources, file: FileId) {
    if !value.ends_with('\n') {
        return;
    }
    let start = sources.span(file, at).start;
    if chomping(&sources.get(file).text, start) == Some(Chomping::Clip) {
        value.pop();
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Chomping {
    Clip,
    Strip,
    Keep,
}

/// The chomping of the block scalar whose value is written at byte `at` of `text`,
/// `None` when it is none: its header (`|`, `>-`, `|+2`, a comment after it) is at
/// `at`, or ends the last line with text before the value's own line.
fn chomping(text: &str, at: usize) -> Option<Chomping> {
    let (before, after) = (text.get(..at)?, text.get(at..)?);
    let header = if after.starts_with(['|', '>']) {
        after.lines().next()?
    } else {
        let mut lines = before.rsplit('\n');
        // Only a value that starts its own line is a block scalar's content.
        if !lines.next()?.trim().is_empty() {
            return None;
        }
        lines.find(|l| !l.trim().is_empty())?
    };
    let code = header.split(" #").next()?.trim_end();
    let token = code.rsplit([' ', '\t']).next()?;
    let indicators = token.strip_prefix(['|', '>'])?;
    if indicators.len() > 2
        || !indicators
            .chars()
            .all(|c| matches!(c, '+' | '-' | '1'..='9'))
    {
        return None;
    }
    Some(if indicators.contains('+') {
        Chomping::Keep
    } else if indicators.contains('-') {
        Chomping::Strip
    } else {
        Chomping::Clip
    })
}

#[cfg(test)]
mod tests {
    use super::{Chomping, chomping};

    /// The chomping of the value that starts at `marker` in `text` (the marker removed).
    fn of(text: &str) -> Option<Chomping> {
        let at = text.find('^').unwrap();
        chomping(&text.replace('^', ""), at)
    }

    #[test]
    fn block_headers_are_read_before_their_content() {
        assert_eq!(of("a: |\n  ^x\n"), Some(Chomping::Clip));
        assert_eq!(of("a: >  # folded\n\n  ^x\n"), Some(Chomping::Clip));
        assert_eq!(of("- |-\n  ^x\n"), Some(Chomping::Strip));
        assert_eq!(of("a: |+2\n   ^x\n"), Some(Chomping::Keep));
        assert_eq!(of("a: ^|\n  x\n"), Some(Chomping::Clip));
    }

    #[test]
    fn other_scalars_have_no_chomping() {
        // A quoted value after an empty block scalar, on its key's line or its own.
        assert_eq!(of("a: |\nb: ^\"y\\n\"\n"), None);
        assert_eq!(of("a:\n  ^\"y\\n\"\n"), None);
        assert_eq!(of("a: x|\n  ^y\n"), None);
        assert_eq!(of("a: |x\n  ^y\n"), None);
    }
}
