//! How closely words or a log line match an entry: words its message holds, or a
//! message (its placeholders filled in) and a name that the line holds.

use std::collections::HashSet;

use crate::model::Entry;

/// Text as words and messages are compared: normalised as a query is (full-width
/// letters as ASCII, no invisible characters), without quotation marks, its spacing
/// collapsed, in lower case. A word processor writes `can’t` and `“this”` where a
/// keyboard types `can't` and `"this"`, and a log may quote a word a message does not.
pub(super) fn fold(text: &str) -> String {
    super::query::normalised(text)
        .replace(is_quote_mark, "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A quotation mark or apostrophe, typewriter or typographic, of any script's
/// quoting: `'`, `’`, `"`, `“`, `„`, `«`, `「`.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '"' | '\u{2018}'..='\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}'
            | '\u{300C}'..='\u{300F}'
    )
}

/// How closely a line matches an entry: the characters of the line it explains (a
/// name and a message the line holds, or the words of a message), then whether the
/// words are the whole message. `Timeout` is closer to a message `Timeout` than to
/// `Connection timeout`; `12:00 Order 4711 does not exist` than to `Order`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Closeness {
    chars: usize,
    whole: bool,
    /// The words are in the message (rather than the message in the line).
    pub in_message: bool,
}

/// Words or a log line, as they are matched.
pub(super) struct Line {
    folded: String,
    chars: usize,
    /// Its words as written (`TOKEN_EXPIRED` in `TOKEN_EXPIRED: Token expired`): the
    /// generated code shows an entry's name beside its message.
    words: HashSet<String>,
}

impl Line {
    pub(super) fn new(text: &str) -> Line {
        let folded = fold(text);
        Line {
            chars: folded.chars().count(),
            words: super::query::normalised(text)
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
            folded,
        }
    }

    /// How closely the line matches `e` (its message in any locale, and its name);
    /// `None`: not at all.
    pub(super) fn closeness(&self, e: &Entry) -> Option<Closeness> {
        let message = e
            .message
            .0
            .iter()
            .filter_map(|(_, t)| self.message(t, &e.params))
            .max();
        let named = self.words.contains(&e.name).then(|| e.name.chars().count());
        match (message, named) {
            (None, None) => None,
            (m, n) => Some(Closeness {
                chars: m.map_or(0, |m| m.chars) + n.unwrap_or(0),
                whole: m.is_some_and(|m| m.whole) && n.is_none(),
                in_message: m.is_some_and(|m| m.in_message) && n.is_none(),
            }),
        }
    }

    fn message(&self, text: &str, params: &[String]) -> Option<Closeness> {
        let t = fold(text);
        let (chars, whole) = if t == self.folded {
            (self.chars, true)
        } else if t.contains(&self.folded) {
            (self.chars, false)
        } else if !params.is_empty() {
            (logged(text, params, &self.folded)?, false)
        } else if t.contains(char::is_alphanumeric) && holds_words(&self.folded, &t) {
            (t.chars().count(), false)
        } else {
            return None;
        };
        Some(Closeness {
            chars,
            whole,
            in_message: t.contains(&self.folded),
        })
    }
}

/// Whether `line` holds `message` as words of its own: not inside a longer word
/// (`Timeout` is not in `Timeouts`), except in a script written without spaces.
fn holds_words(line: &str, message: &str) -> bool {
    let joins = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if wordy(a) && wordy(b));
    line.match_indices(message).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + message.len()..].chars().next();
        !joins(before, message.chars().next()) && !joins(message.chars().next_back(), after)
    })
}

/// A character of a word that spaces end: a letter, a digit or `_`, but not one of a
/// script written without spaces (Chinese, Japanese, Thai…), whose words touch.
fn wordy(c: char) -> bool {
    let spaceless = matches!(c,
        '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}'
        | '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{3FFFF}');
    (c.is_alphanumeric() || c == '_') && !spaceless
}

fn logged(text: &str, params: &[String], wanted: &str) -> Option<usize> {
    use crate::placeholder::Segment;
    let segments = crate::placeholder::segments(text, params);
    if !segments.iter().any(|s| matches!(s, Segment::Param(_))) {
        return None;
    }
    let literals: Vec<Option<String>> = segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => Some(fold(t)),
            Segment::Param(_) => None,
        })
        .collect();
    let letters: usize = literals
        .iter()
        .flatten()
        .map(|t| t.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < 3 {
        return None;
    }
    let chars = literals.iter().flatten().map(|t| t.chars().count()).sum();
    // Each literal in order, the earliest place first; a filled placeholder between
    // two takes at least one character.
    let mut at = 0;
    let mut gap = false;
    // Past one character at `at`, for a placeholder filled in there; `None` at the end.
    let after_one = |at: usize| {
        let c = wanted[at..].chars().next()?;
        Some(at + c.len_utf8())
    };
    for literal in literals {
        match literal {
            None => gap = true,
            Some(t) if t.is_empty() => {}
            Some(t) => {
                let from = if gap { after_one(at) } else { Some(at) };
                let found = from.and_then(|f| Some(f + wanted[f..].find(&t)?))?;
                at = found + t.len();
                gap = false;
            }
        }
    }
    (!gap || after_one(at).is_some()).then_some(chars)
}

#[cfg(test)]
mod tests {
    use super::Line;

    #[test]
    fn typewriter_and_typographic_quotes_match() {
        let message = "You can’t do “this” now";
        for words in ["can't", "You can't do this", "do \"this\" now", "can’t"] {
            assert!(Line::new(words).message(message, &[]).is_some(), "{words}");
        }
        assert!(Line::new("cannot").message(message, &[]).is_none());
        assert!(
            Line::new("You can't do 'this' now")
                .message("You can’t do {what} now", &["what".into()])
                .is_some()
        );
    }
}
