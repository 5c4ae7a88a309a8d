//! A Javadoc comment as errcat reads it: the description, and the block tags after
//! it (`@deprecated`, `@see`, `@since`, `@author`, …), which are no description text.
//! Of the tags, `@deprecated` is imported: its text is the deprecation's reason.

/// A Javadoc body without its frame: leading `*`s gone, blank lines dropped.
pub fn clean(body: &str) -> String {
    body.lines()
        .map(|l| {
            let l = l.trim();
            l.strip_prefix('*').unwrap_or(l).trim()
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a cleaned Javadoc says.
#[derive(Debug, Default, PartialEq)]
pub struct Parts {
    /// The text before the first block tag.
    pub description: String,
    /// The `@deprecated` tag's text (empty when it has none), if the tag is there.
    pub deprecated: Option<String>,
}

/// Splits a cleaned Javadoc: a block tag starts a line with `@` and runs to the next
/// tag. Inline tags (`{@link X}`) are text, written as what they show.
pub fn parts(doc: &str) -> Parts {
    let mut out = Parts::default();
    let mut description = Vec::new();
    // The tag being read, and its lines.
    let mut tag: Option<(&str, Vec<&str>)> = None;
    for line in doc.lines() {
        if let Some(rest) = line.strip_prefix('@') {
            let name_len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            if name_len > 0 {
                finish(tag.take(), &mut out);
                let text = rest[name_len..].trim();
                let lines = if text.is_empty() { vec![] } else { vec![text] };
                tag = Some((&rest[..name_len], lines));
                continue;
            }
        }
        match &mut tag {
            Some((_, lines)) => lines.push(line),
            None => description.push(line),
        }
    }
    finish(tag, &mut out);
    out.description = inline_tags(&description.join("\n"));
    out
}

/// Keeps what a finished block tag says that errcat imports.
fn finish(tag: Option<(&str, Vec<&str>)>, out: &mut Parts) {
    if let Some(("deprecated", lines)) = tag {
        out.deprecated = Some(inline_tags(&lines.join("\n")));
    }
}

/// `{@link Type#NAME label}` as its label, else its member (`NAME`); `{@code x}` as `x`.
fn inline_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{@") {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = &rest[open + 2..close];
        let (tag, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let arg = arg.trim();
        let shown = if tag.starts_with("link") {
            match arg.split_once(char::is_whitespace) {
                Some((_, label)) => label.trim(),
                None => arg.rsplit('#').next().unwrap_or(arg),
            }
        } else {
            arg
        };
        out.push_str(shown);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The constant a deprecation's reason says to use instead: the one other constant
/// of the enum it names, in a reason that says `use`, `instead` or `replace`.
pub fn replaced_by(reason: &str, this: &str, constants: &[String]) -> Option<String> {
    let lower = reason.to_lowercase();
    if !["use", "instead", "replace", "supersede"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let mut named = reason
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| *w != this && constants.iter().any(|c| c == w))
        .collect::<Vec<_>>();
    named.sort_unstable();
    named.dedup();
    match named.as_slice() {
        [one] => Some((*one).to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_tags_are_no_description() {
        let p = parts(
            "Room was locked.\n@deprecated use {@link #ROOM_CLOSED} instead\nsince 2.0\n@see Other\n@since 1.1",
        );
        assert_eq!(p.description, "Room was locked.");
        assert_eq!(
            p.deprecated.as_deref(),
            Some("use ROOM_CLOSED instead\nsince 2.0")
        );
        let p = parts("Two lines\nof text {@code x}.\n@author me");
        assert_eq!(
            p,
            Parts {
                description: "Two lines\nof text x.".into(),
                deprecated: None
            }
        );
        assert_eq!(parts("@deprecated").deprecated.as_deref(), Some(""));
        // `@` inside a line, or not followed by a tag name, is text.
        assert_eq!(
            parts("Mail a@b.c\n@ 5 pm").description,
            "Mail a@b.c\n@ 5 pm"
        );
        assert_eq!(inline_tags("see {@link Foo#BAR the bar}"), "see the bar");
    }

    #[test]
    fn replaced_by_is_the_one_other_constant_named() {
        let consts = [
            "ROOM_LOCKED".to_owned(),
            "ROOM_CLOSED".to_owned(),
            "ROOM".to_owned(),
        ];
        let r = |s: &str| replaced_by(s, "ROOM_LOCKED", &consts);
        assert_eq!(r("use ROOM_CLOSED instead").as_deref(), Some("ROOM_CLOSED"));
        assert_eq!(
            r("Replaced by ROOM_CLOSED.").as_deref(),
            Some("ROOM_CLOSED")
        );
        assert_eq!(r("ROOM_CLOSED says more"), None);
        assert_eq!(r("use ROOM_CLOSED or ROOM"), None);
        assert_eq!(r("use NOT_A_CONSTANT"), None);
        assert_eq!(r("use ROOM_LOCKED_2 instead"), None);
    }
}
